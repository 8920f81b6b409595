"""The documentation tells the truth: every command and option is documented, every
example prints what the page shows, every figure names the script that printed it, and
every link leads somewhere.

As sqlite-utils does (its docs' "every command and option is documented" test), the
commands are walked from the Typer app itself, so a new option without a word in
docs/usage/ fails here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
import time
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from jdhotline.cli import case as case_cli
from jdhotline.cli import commands as cli
from jdhotline.cli import options
from jdhotline.cli import run as run_module

from .calendars import pin_official

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
USAGE = DOCS / "usage"
READMES = (ROOT / "README.md", ROOT / "README.zh-CN.md")
PAGES = sorted(DOCS.rglob("*.md"))
runner = CliRunner()


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


# --------------------------------------------------------------------------- every command and option


def commands() -> list[tuple[tuple[str, ...], object]]:
    """(path, click command) for every visible command, the case sub-app's included."""
    found = []

    def walk(group: object, path: tuple[str, ...]) -> None:
        for name, command in group.commands.items():  # type: ignore[attr-defined]
            if command.hidden:
                continue
            found.append(((*path, name), command))
            if hasattr(command, "commands"):
                walk(command, (*path, name))

    walk(typer.main.get_command(cli.app), ())
    return found


def named(page: str, name: str) -> bool:
    """The option or command as a word of its own: `--at` is not found in `--all`."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", page) is not None


def test_every_command_has_its_page_and_is_listed() -> None:
    index = text(USAGE / "README.md")
    for path, _ in commands():
        page = USAGE / f"{path[0]}.md"
        assert page.exists(), f"no page for `jdhotline {path[0]}`: write {rel(page)}"
        assert f"`jdhotline {path[0]}" in index, f"docs/usage/README.md does not list {path[0]}"
        if len(path) > 1:
            assert f"`case {path[1]}" in text(page), f"{rel(page)} does not document {path}"


@pytest.mark.parametrize(
    ("path", "command"),
    commands(),
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else "",
)
def test_every_option_is_documented_on_its_command_s_page(path: tuple[str, ...], command) -> None:
    page = text(USAGE / f"{path[0]}.md")
    missing = [
        name
        for param in command.params
        if param.param_type_name == "option" and not param.hidden
        for name in (*param.opts, *param.secondary_opts)
        if name not in ("-h", "--help") and not named(page, name)
    ]
    assert not missing, (
        f"`jdhotline {' '.join(path)}`: document {missing} in docs/usage/{path[0]}.md"
    )


def test_the_top_level_options_and_help_are_documented() -> None:
    page = text(USAGE / "README.md")
    app = typer.main.get_command(cli.app)
    for param in app.params:
        if getattr(param, "hidden", False):
            continue
        for name in param.opts:
            assert named(page, name) or named(text(USAGE / "completion.md"), name), name
    assert named(page, "-h") and named(page, "--help")


# --------------------------------------------------------------------------- the examples print what the pages show

# Files the examples name, made in the folder they run in.
SHIPPED = ROOT / "data" / "hotlines.yaml"
FILES = {
    # docs/catalogue.md: a copy whose appliance line opens at "25:00".
    "my-hotlines.yaml": lambda: text(SHIPPED).replace('open: "09:00"', 'open: "25:00"', 1),
}
# The moment an example without --at answers for: Friday 2026-11-27 10:00, Beijing time.
PINNED_NOW = "2026-11-27T10:00"
WIDTH = "100"  # the examples are drawn at 100 columns, as the README's screenshots


def examples(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line number, command, the output shown) for each `$ jdhotline …` in a console block."""
    found: list[tuple[int, str, list[str]]] = []
    lines = text(path).split("\n")
    inside = False
    for number, line in enumerate(lines, 1):
        if line.startswith("```"):
            inside = line.strip() == "```console"
            continue
        if not inside:
            continue
        if line.startswith("$ "):
            found.append((number, line[2:], []))
        elif found and found[-1][0] < number and _continues(found[-1][1]):
            n, command, shown = found[-1]
            found[-1] = (n, command[:-1] + " " + line.strip(), shown)
        elif found:
            found[-1][2].append(line.rstrip())
    return found


def _continues(command: str) -> bool:
    return command.endswith("\\")


def shows(shown: list[str], printed: list[str]) -> bool:
    """The lines shown are the lines printed, where a line `…` stands for any lines."""
    pattern = "\n".join(".*?" if line == "…" else re.escape(line) for line in shown)
    pattern = pattern.replace("\n.*?\n", "(?:\n.*?)?\n").replace("\n.*?", "(?:\n.*)?")
    return re.fullmatch(pattern, "\n".join(printed), re.S) is not None


def run_page(path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Run the page's examples in order, in one folder and one case record; the failures."""
    pin_official(monkeypatch)
    real = run_module.moment_at

    def pinned(at: str | None, lang: str) -> dt.datetime:
        return real(at if at is not None else PINNED_NOW, lang)

    for module in (options, cli, case_cli, run_module):
        monkeypatch.setattr(module, "moment_at", pinned, raising=False)
    monkeypatch.setenv("COLUMNS", WIDTH)
    monkeypatch.setenv("TZ", "Asia/Shanghai")  # a machine in China; the conftest resets it
    time.tzset()
    monkeypatch.setenv("JDHOTLINE_HOME", str(folder / "record"))
    if path.name == "README.zh-CN.md":  # "下面的例子都是中文输出": as in a zh_* locale
        monkeypatch.setenv("JDHOTLINE_LANG", "zh")
    monkeypatch.chdir(folder)
    for name, make in FILES.items():
        (folder / name).write_text(make(), encoding="utf-8")
    failures = []
    for number, command, shown in examples(path):
        words = shlex.split(command)
        assert words[0] == "jdhotline", f"{rel(path)}:{number}: not a jdhotline command"
        into = None
        if ">" in words:
            words, into = words[: words.index(">")], words[words.index(">") + 1]
        result = runner.invoke(cli.app, words[1:])
        printed = (result.stdout + result.stderr).rstrip("\n").split("\n")
        if into is not None:
            (folder / into).write_text(result.stdout, encoding="utf-8")
            printed = result.stderr.rstrip("\n").split("\n") if result.stderr else []
        printed = [line.rstrip() for line in printed]
        while shown and shown[-1] == "":
            shown = shown[:-1]
        if not shows(shown, printed):
            failures.append(
                f"{rel(path)}:{number}: $ {command}\n--- the page shows\n"
                + "\n".join(shown)
                + "\n--- it prints\n"
                + "\n".join(printed)
            )
    return failures


EXAMPLE_PAGES = [page for page in (*READMES, *PAGES) if examples(page)]


@pytest.mark.parametrize("path", EXAMPLE_PAGES, ids=rel)
def test_the_examples_print_what_the_page_shows(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failures = run_page(path, tmp_path, monkeypatch)
    assert not failures, "\n\n".join(failures)


def test_the_example_check_can_fail() -> None:
    assert shows(["a", "…"], ["a", "b", "c"]) and shows(["a", "…", "c"], ["a", "c"])
    assert not shows(["a", "b"], ["a", "b", "c"])  # no silent tail without `…`
    assert not shows(["a", "x", "…"], ["a", "b", "c"])
    assert not shows(["…", "d"], ["a", "b", "c"])


def test_the_pages_have_examples_to_check() -> None:
    checked = {rel(page) for page in EXAMPLE_PAGES}
    for page in ("README.md", "README.zh-CN.md", "docs/session.md", "docs/usage/open.md"):
        assert page in checked, page
    assert sum(len(examples(page)) for page in EXAMPLE_PAGES) >= 25


# --------------------------------------------------------------------------- figures name what printed them


def test_every_figure_names_the_script_that_printed_it() -> None:
    """A bare ``` block in docs/ is a figure: its section, before it, names the bench
    script that printed it (`python bench/….py`), and that script exists."""
    for page in PAGES:
        lines = text(page).split("\n")
        inside = False
        for number, line in enumerate(lines, 1):
            if not line.lstrip().startswith("```"):
                continue
            if inside:
                inside = False
                continue
            inside = True
            if line.strip() != "```":
                continue  # a language: an example (console, sh, yaml), not a figure
            heading = max(
                (n for n, previous in enumerate(lines[: number - 1]) if previous.startswith("#")),
                default=0,
            )
            before = "\n".join(lines[heading : number - 1])
            scripts = re.findall(r"`python (bench/[\w.]+\.py)`", before)
            assert scripts, f"{rel(page)}:{number}: name the bench script that printed this figure"
            for script in scripts:
                assert (ROOT / script).exists(), f"{rel(page)}:{number}: no {script}"


def test_the_accuracy_table_names_its_script() -> None:
    page = text(DOCS / "matching.md")
    table = page.index("| | train (")
    assert "`python bench/accuracy.py`" in page[table - 300 : table]


# --------------------------------------------------------------------------- the pages hang together


def anchors(path: Path) -> set[str]:
    """GitHub's anchors for a page's headings."""
    found = set()
    for line in text(path).split("\n"):
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            title = re.sub(r"[^\w\- ]", "", title)
            found.add(title.replace(" ", "-"))
    return found


@pytest.mark.parametrize("path", [*READMES, *PAGES], ids=rel)
def test_every_link_leads_somewhere(path: Path) -> None:
    for target in re.findall(r"\]\(([^)\s]+)\)", text(path)):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        file, _, anchor = target.partition("#")
        where = (path.parent / file).resolve() if file else path
        assert where.exists(), f"{rel(path)}: {target} leads nowhere"
        if anchor:
            assert anchor in anchors(where), f"{rel(path)}: no heading #{anchor} in {file}"


def test_every_page_is_in_the_index() -> None:
    index = text(DOCS / "README.md")
    for page in PAGES:
        if page.parent == USAGE and page.name != "README.md":
            assert f"]({page.name})" in text(USAGE / "README.md"), rel(page)
            assert f"](usage/{page.name})" in index, rel(page)
        elif page != DOCS / "README.md":
            assert f"]({page.relative_to(DOCS).as_posix()})" in index, rel(page)


def test_the_readmes_are_short_link_each_other_and_the_docs() -> None:
    en, zh = (text(path) for path in READMES)
    assert len(en.split("\n")) <= 200 and len(zh.split("\n")) <= 200
    assert "](README.zh-CN.md)" in en.split("\n\n", 2)[1]  # at the top
    assert "](README.md)" in zh.split("\n\n", 2)[1]
    for readme in (en, zh):
        assert "](docs/README.md)" in readme
        assert 'pip install -e ".[test]" && pytest' in readme
        assert re.search(r"pip install \. && jdhotline \w", readme)


# --------------------------------------------------------------------------- the JSON page names the keys printed


def documented_keys(name: str) -> set[str]:
    """The keys docs/json.md gives `name` (`which`, LINE, …): the outer object's only."""
    found = re.search(rf"^- `?{re.escape(name)}`? → `([^`]+)`", text(DOCS / "json.md"), re.M)
    assert found, f"docs/json.md documents no {name}"
    keys, depth = set(), 0
    for token in re.finditer(r'[{}]|"(\w+)"', found.group(1)):
        if token.group() == "{":
            depth += 1
        elif token.group() == "}":
            depth -= 1
        elif depth == 1:
            keys.add(token.group(1))
    return keys


def json_of(*args: str) -> object:
    result = runner.invoke(cli.app, [*args, "--format", "json", "--at", PINNED_NOW])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_the_json_page_names_every_key_printed() -> None:
    which = json_of("which", "--plus", "-s", "appliance")
    assert set(which) == documented_keys("which")
    assert set(which["primary"]) == documented_keys("LINE")
    assert {frozenset(line) for line in json_of("open")} == {frozenset(documented_keys("open"))}
    assert {frozenset(line) for line in json_of("table")} == {frozenset(documented_keys("table"))}
    scenarios = json.loads(runner.invoke(cli.app, ["scenarios", "--format", "json"]).stdout)
    assert {frozenset(s) for s in scenarios} == {frozenset(documented_keys("scenarios"))}
    assert len(documented_keys("which")) == 11 and "ivr" in documented_keys("LINE")  # parsed


def test_the_errors_page_has_every_exit_code_and_no_other() -> None:
    from jdhotline import errors

    codes = {value for name, value in vars(errors).items() if name.startswith("EXIT_")}
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", text(DOCS / "errors.md"), re.M)}
    assert documented == codes
