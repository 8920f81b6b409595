"""Start-up cost cannot creep back: which heavy modules a command imports.

In the spirit of Typer's own test_rich_import: run the command in a fresh
interpreter and look at sys.modules. Timings live in bench/startup.py.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("rich", "yaml", "chinese_calendar", "sqlite3", "platformdirs", "jdhotline.load")

# The probe itself imports nothing but sys, so that what it reports is the command's doing.
PROBE = """
import sys
sys.argv = ["jdhotline", *sys.argv[1:]]
from jdhotline.cli.commands import main
try:
    main()
finally:
    sys.stderr.write("\\nMODULES " + repr(sorted(sys.modules)) + "\\n")
"""


def modules_of(args: list[str], env: dict[str, str]) -> set[str]:
    """Every module the command imported, by its full name; the command must succeed.

    A command that crashed early would import little, and pass for a lean one.
    """
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    stderr, modules = result.stderr.rsplit("MODULES ", 1)
    assert result.returncode == 0, stderr
    assert result.stdout.strip() and stderr.strip() == "", (result.stdout, stderr)
    return set(ast.literal_eval(modules))


def imported(args: list[str], env: dict[str, str]) -> set[str]:
    """The packages the command imported (jdhotline's modules by their full name)."""
    names = modules_of(args, env)
    return {name if name.startswith("jdhotline") else name.split(".")[0] for name in names}


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    import os

    return dict(os.environ, JDHOTLINE_HOME=str(tmp_path))


def test_version_imports_nothing_heavy(env: dict[str, str]) -> None:
    modules = imported(["--version"], env)
    assert not modules & {*HEAVY, "jdhotline.catalogue", "jdhotline.schedule", "json", "pickle"}


def test_open_json_imports_no_rich_and_no_sqlite(env: dict[str, str]) -> None:
    modules = imported(["open", "--format", "json", "--at", "2026-11-28T10:00"], env)
    assert "jdhotline.load" in modules  # the catalogue is checked on every run...
    assert "yaml" not in modules  # ...from its JSON twin (load._twin): no PyYAML
    assert not modules & {"rich", "sqlite3", "platformdirs", "pickle"}


def test_nothing_is_written_under_the_cache_folder(tmp_path: Path, env: dict[str, str]) -> None:
    cache = tmp_path / "xdg-cache"
    env = dict(env, XDG_CACHE_HOME=str(cache), HOME=str(tmp_path / "home"))
    for args in (["which", "-s", "order"], ["open", "-f", "json"], ["table"]):
        modules_of([*args, "--at", "2026-11-27T10:00"], env)
    assert not cache.exists() and not (tmp_path / "home").exists()


def test_which_json_does_not_import_rich_or_sqlite(env: dict[str, str]) -> None:
    args = [
        "which",
        "--plus",
        "--scenario",
        "appliance",
        "--format",
        "json",
        "--at",
        "2026-11-27T10:00",
    ]
    modules = imported(args, env)
    assert not modules & {"rich", "sqlite3"}
    # A scenario chosen by id: no words to match, no matcher (4 ms of imports).
    assert not modules & {"jdhotline.match", "jdhotline.evidence", "jdhotline.trie"}
    with_words = imported(["which", "冰箱不制冷", "-f", "json", "--at", "2026-11-27T10:00"], env)
    assert "jdhotline.match" in with_words


@pytest.mark.parametrize(("columns", "uses_table"), [("80", False), ("140", True)])
def test_table_imports_rich_table_only_for_a_wide_table(
    env: dict[str, str], columns: str, uses_table: bool
) -> None:
    modules = modules_of(["table", "--at", "2026-11-27T10:00"], dict(env, COLUMNS=columns))
    assert "rich.console" in modules
    assert ("rich.table" in modules) is uses_table


def test_typer_reads_annotations_it_need_not_compile() -> None:
    """Commands, callbacks and completers carry real annotations, not strings to evaluate."""
    import inspect

    from jdhotline.cli import commands as cli
    from jdhotline.cli import options

    functions = [cli._root, cli._version, options.complete_lines, options.complete_scenarios]
    functions += [info.callback for info in cli.app.registered_commands]
    functions += [info.callback for info in cli.case_app.registered_commands]
    for function in functions:
        assert function is not None
        hints = [p.annotation for p in inspect.signature(function).parameters.values()]
        assert not any(isinstance(hint, str) for hint in hints), function.__name__


def test_chinese_help_is_imported_only_for_help(env: dict[str, str]) -> None:
    at = ["--at", "2026-11-28T10:00", "--lang", "zh"]
    helpful = {"jdhotline.cli.help_zh", "jdhotline.i18n.words_help"}
    assert not imported(["open", "--format", "json", *at], env) & helpful
    assert not imported(["which", "-s", "order", *at], env) & helpful
    assert helpful <= imported(["which", "-h", "--lang", "zh"], env)


def test_the_web_wing_and_the_qr_library_are_imported_only_when_used(env: dict[str, str]) -> None:
    """`serve` is the only command that imports jdhotline.web; `--qr` the only use of segno."""
    at = ["--at", "2026-12-07T10:00"]
    for args in (["which", "-s", "order"], ["open", "-f", "json"], ["table"], ["calendar"]):
        modules = imported([*args, *at] if args[0] != "calendar" else args, env)
        assert not {m for m in modules if m.startswith("jdhotline.web")}, args
        assert not modules & {"segno", "wsgiref", "jdhotline.output.qr"}, args
    with_qr = imported(["which", "-s", "order", "--qr", *at], env)
    assert {"segno", "jdhotline.output.qr"} <= with_qr
    assert not {m for m in with_qr if m.startswith("jdhotline.web")}


def test_modules_of_named_tuples_evaluate_their_annotations() -> None:
    """Under `from __future__ import annotations`, typing compiles a ForwardRef for every
    field of a NamedTuple on every start: 43 of them cost 3-4 ms (docs/performance.md)."""
    import jdhotline

    package = Path(jdhotline.__file__).parent
    lazy = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defines = any(
            isinstance(node, ast.ClassDef)
            and any(getattr(base, "id", None) == "NamedTuple" for base in node.bases)
            for node in ast.walk(tree)
        )
        future = any(
            isinstance(node, ast.ImportFrom)
            and node.module == "__future__"
            and any(alias.name == "annotations" for alias in node.names)
            for node in tree.body
        )
        if defines and future:
            lazy.append(str(path.relative_to(package)))
    assert lazy == []
