"""Bad input never hurts: one clear message, a documented exit code, no traceback.

Hang guards (subprocess timeouts) are generous on purpose: they catch a hang, not
a slowness; speed is measured in bench/.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from jdhotline import cli

from .conftest import SHIPPED, line_data
from .test_catalogue import BROKEN

runner = CliRunner()
AT = ["--at", "2026-11-27T10:00"]
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def shipped_text() -> str:
    return SHIPPED.read_text(encoding="utf-8")


# ---------------------------------------------------------------- broken catalogues, end to end


def _from_data(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        data = yaml.safe_load(shipped_text())
        change(data)
        path = folder / "mine.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    return write


def _from_text(text: str | bytes, name: str = "mine.yaml") -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return path

    return write


def _bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghij":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        previous = name
    lines += ["hotlines: *j", "scenarios: *j", "say: *j", "assistant: *j"]
    return "\n".join(lines) + "\n"


def _swap_off_peak(data: dict[str, Any]) -> None:
    line_data(data, "appliance")["off_peak"] = [{"start": "11:00", "end": "09:00"}]


def _big(folder: Path) -> Path:
    path = folder / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)  # 20 MB, sparse
    return path


def _folder(folder: Path) -> Path:
    (folder / "a-folder").mkdir()
    return folder / "a-folder"


CASES: list[tuple[str, Callable[[Path], Path], str]] = [
    *((name, _from_data(change), f"{where}: ") for name, change, where, _ in BROKEN),
    ("yaml syntax", _from_text("version: 1\nhotlines: [\n  - id: x\n"), "line "),
    ("gbk", _from_text(shipped_text().encode("gbk", errors="replace")), "save it as UTF-8"),
    ("empty", _from_text(""), "is empty"),
    ("only a comment", _from_text("# nothing\n"), "is empty"),
    ("a list", _from_text("- a\n- b\n"), "expected a mapping"),
    ("folder", _folder, "is a folder"),
    ("missing", lambda folder: folder / "nope.yaml", "no such file"),
    ("20 MB", _big, "at most 1,000,000 bytes"),
    ("billion laughs", _from_text(_bomb()), "unknown field"),
    ("python tag", _from_text("!!python/object/apply:os.system ['echo hi']\n"), "YAML:"),
    ("duplicate key", _from_text(shipped_text() + "\nversion: 1\n"), "duplicate key 'version'"),
    ("swapped off-peak", _from_data(_swap_off_peak), "ends before it starts"),
    ("tabs", _from_text("version: 1\n\thotlines: []\n"), "line 2, column 1"),
]


def test_there_are_at_least_25_different_broken_catalogues(tmp_path: Path) -> None:
    """25 different faults, each refused for its own reason: not 25 entries of a list."""
    from jdhotline.catalogue import CatalogueError, load

    reasons = set()
    for number, (name, write, expected) in enumerate(CASES):
        folder = tmp_path / str(number)
        folder.mkdir()
        path = write(folder)
        with pytest.raises(CatalogueError) as refused:
            load(path)
        reason = str(refused.value).removeprefix(f"{path}: ")
        assert expected in str(refused.value) and reason != str(refused.value), name
        reasons.add(reason)
    assert len(reasons) >= 25, sorted(reasons)


@pytest.mark.parametrize(("name", "write", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_broken_catalogue_gives_one_message_and_exit_3(
    tmp_path: Path, name: str, write: Callable[[Path], Path], expected: str
) -> None:
    path = write(tmp_path)
    tracemalloc.start()
    try:
        result = runner.invoke(cli.app, ["open", "--catalog", str(path), *AT])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exit_code == 3, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines  # the problem, and what to do
    assert lines[0].startswith(f"jdhotline: {path}: ")
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert peak < 50 * 1024 * 1024, f"{name}: {peak:,} bytes at the peak"


# ---------------------------------------------------------------- the command line


def jd(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None, cwd: Path | None = None
):
    base = dict(os.environ, JDHOTLINE_CACHE_DIR="", PYTHONIOENCODING="utf-8")
    base.pop("JDHOTLINE_CATALOG", None)
    return subprocess.run(
        [sys.executable, "-m", "jdhotline", *args],
        input=stdin, capture_output=True, text=True, env={**base, **(env or {})},
        timeout=60, cwd=cwd, check=False,
    )  # fmt: skip


def test_empty_problem_text() -> None:
    result = runner.invoke(cli.app, ["which", "", *AT])
    assert result.exit_code == 2 and "say what went wrong" in result.stderr
    result = runner.invoke(cli.app, ["which", "-", *AT], input="   \n")
    assert result.exit_code == 2 and "say what went wrong" in result.stderr


def test_a_megabyte_of_problem_text_on_stdin() -> None:
    text = "我买的冰箱不制冷了," + "等了好几天还是没人联系我。" * 80_000
    assert len(text.encode()) > 1_000_000
    result = jd("which", "-", *AT, "--format", "json", stdin=text)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["scenario"] == "appliance"


def test_no_color_and_dumb_terminals() -> None:
    coloured = jd("which", "-s", "order", *AT, env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert coloured.returncode == 0, coloured.stderr
    assert ANSI_COLOUR.search(coloured.stdout), (
        "FORCE_COLOR should colour (else this test proves nothing)"
    )
    plain = jd("which", "-s", "order", *AT, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert plain.returncode == 0 and plain.stderr == "", plain.stderr
    assert not re.search(r"\x1b\[[0-9;]*3[0-9](;[0-9]+)*m", plain.stdout)  # no colour codes
    words = ANSI_COLOUR.sub("", plain.stdout)  # bold and dim stay: they are not colour
    assert words == ANSI_COLOUR.sub("", coloured.stdout) and "Call 950618" in words
    dumb = jd("which", "-s", "order", *AT, env={"TERM": "dumb"})
    assert dumb.returncode == 0 and dumb.stderr == "", dumb.stderr
    assert "\x1b" not in dumb.stdout and "Call 950618" in dumb.stdout


def test_lang_c_locale() -> None:
    result = jd("which", "冰箱不制冷", *AT, "--lang", "zh", env={"LANG": "C", "LC_ALL": "C"})
    assert result.returncode == 0 and "拨打 400-610-1360" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["which", "--plus", "-s", "appliance", *AT],
        ["which", "冰箱不制冷", "--lang", "zh", *AT],
        ["table", *AT],
        ["open", *AT],
        ["scenarios"],
        ["prep", "-s", "appliance", "--order", "1234567890123", *AT],
    ],
)
def test_forty_columns_stay_readable(args: list[str]) -> None:
    from rich.cells import cell_len

    result = runner.invoke(cli.app, args, env={"COLUMNS": "40"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    too_wide = [
        line
        for line in lines
        if cell_len(line) > 40 and not line.startswith("  jdhotline case add")
    ]
    assert not too_wide, too_wide
    assert len(lines) > 3


@pytest.mark.parametrize(
    ("args", "code", "overdue"),
    [
        (["which", "--plus", "-s", "appliance", *AT], 0, True),
        (["which", "查物流", *AT], 0, True),
        (["prep", "冰箱不制冷", "--order", "555", *AT], 0, False),
        (["table"], 0, False),
        (["open", "merchant", "--at", "2027-01-02T10:00"], 1, False),  # a Saturday: closed
        (["scenarios"], 0, False),
        (["case", "list", *AT], 0, False),
        (["case", "followup", "1", *AT], 0, False),
    ],
)
def test_json_output_is_json_and_nothing_else(
    tmp_path: Path, args: list[str], code: int, overdue: bool
) -> None:
    """stdout is one JSON document; stderr holds only the encoding note and, for
    `which`, the overdue-case reminder."""
    home = {"JDHOTLINE_HOME": str(tmp_path)}
    jd(
        "case",
        "add",
        "--line",
        "appliance",
        "--order",
        "555",
        "--promise",
        "1h",
        "--at",
        "2026-11-20T10:00",
        env=home,
    )
    result = jd(*args, "--format", "json", env={**home, "PYTHONIOENCODING": "ascii"})
    assert result.returncode == code, result.stderr
    json.loads(result.stdout)  # one document, nothing mixed in
    notes = result.stderr.splitlines()
    assert len(notes) == 1 + overdue, notes
    assert notes[0].startswith("jdhotline: ") and "cannot show Chinese" in notes[0]
    if overdue:
        assert "#1 appliance" in notes[1] and "jdhotline case followup 1" in notes[1]


# ---------------------------------------------------------------- case records


HOSTILE_NOTES = [
    "'); DROP TABLE cases; --",
    "x" * 100_000,
    "冰箱 🧊❄️ 不制冷 👨‍👩‍👧",
    "before\x00after",
    "[bold red]markup[/bold red] [link=https://evil.example]x[/link]",
    "\x1b]0;title\x07\x1b[2J\x9b31m",
]


@pytest.mark.parametrize(
    "note", HOSTILE_NOTES, ids=["sql", "100kb", "emoji", "nul", "markup", "escapes"]
)
def test_hostile_notes_are_kept_exactly_and_shown_literally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, note: str
) -> None:
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    added = runner.invoke(cli.app, ["case", "add", "--line", "regular", "--note", note, *AT])
    assert added.exit_code == 0, added.output
    shown = runner.invoke(cli.app, ["case", "show", "1", "--format", "json", *AT])
    assert json.loads(shown.stdout)["entries"][0]["note"] == note.strip()
    for fmt in ("text", "markdown"):
        out = runner.invoke(
            cli.app, ["case", "show", "1", "--format", fmt, *AT], env={"COLUMNS": "200"}
        ).stdout
        assert "\x1b" not in out and "\x00" not in out and "\x07" not in out and "\x9b" not in out
    exported = runner.invoke(cli.app, ["case", "export", "--format", "csv"]).stdout
    assert not re.search(r"[\x00-\x08\x0b\x1b\x7f-\x9f]", exported)  # escaped, as in text
    listed = runner.invoke(cli.app, ["case", "list", "--format", "json", *AT])
    assert [c["id"] for c in json.loads(listed.stdout)] == [1]


def test_home_that_is_a_file_exits_4(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "not-a-folder"
    home.write_text("x", encoding="utf-8")
    monkeypatch.setenv("JDHOTLINE_HOME", str(home))
    result = runner.invoke(cli.app, ["case", "add", "--line", "regular"])
    assert result.exit_code == 4
    assert (
        result.stderr.startswith(f"jdhotline: {home} is not a folder")
        and "JDHOTLINE_HOME" in result.stderr
    )
    assert home.read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_read_only_home_exits_4(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    proc = Path("/proc")
    if os.geteuid() == 0:  # root writes into any folder it owns...
        home = proc  # ...but not into /proc
        if not (home / "self").is_dir():
            pytest.skip("no folder here that root cannot write")
    else:
        home = tmp_path / "ro"
        home.mkdir()
        home.chmod(0o500)
    monkeypatch.setenv("JDHOTLINE_HOME", str(home))
    try:
        added = runner.invoke(cli.app, ["case", "add", "--line", "regular"])
        listed = runner.invoke(cli.app, ["case", "list"])
    finally:
        if home != proc:
            home.chmod(0o700)
    for result in (added, listed):
        assert result.exit_code == 4, result.output
        assert result.stderr.startswith(f"jdhotline: cannot write {home / 'cases.db'}")
        assert result.stderr.endswith("; set JDHOTLINE_HOME to a folder you can write\n")
        assert result.stderr.count("\n") == 1
    assert not (home / "cases.db").exists()


def test_hostile_agent_and_ticket_in_the_follow_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    agent, ticket = "[bold]00123[/bold]", "\x1b[31m12345\x1b]0;x\x07"
    runner.invoke(cli.app, ["case", "add", "--line", "plus", "--agent", agent, "--ticket", ticket,
                            "--promise", "1h", *AT])  # fmt: skip
    for fmt in ("text", "markdown", "json"):
        result = runner.invoke(
            cli.app,
            ["case", "followup", "1", "--format", fmt, "--at", "2026-11-28T10:00"],
            env={"COLUMNS": "300"},
        )
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        if fmt == "json":
            assert (
                agent in json.loads(result.stdout)["say"]
                and ticket in json.loads(result.stdout)["say"]
            )
        else:
            assert agent in result.stdout and "\\x1b[31m12345\\x1b]0;x\\x07" in result.stdout
