"""Bad input never hurts: one clear message, a documented exit code, no traceback.

Hang guards (subprocess timeouts) are generous on purpose: they catch a hang, not
a slowness; speed is measured in bench/.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from jdhotline.cli import commands as cli

from .conftest import (
    SHIPPED,
    dump_yaml,
    line_data,
    read_yaml,
    reaped,
    shipped_copy,
    small_copy,
    small_text,
)
from .test_catalogue import BROKEN

runner = CliRunner()
AT = ["--at", "2026-11-27T10:00"]
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


@functools.cache
def shipped_text() -> str:
    return SHIPPED.read_text(encoding="utf-8")


# The broken catalogues below are the small catalogue (tests/data/small_catalogue.yaml)
# broken: the same entries and fields as the shipped one, a seventh of the time to load.
base_text = small_text


# ---------------------------------------------------------------- broken catalogues, end to end


def _from_data(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], Path]:
    """Writes the small catalogue, changed: built on first use, once per process (the
    same case serves here and in test_catalogue_words.py)."""
    text: list[str] = []

    def write(folder: Path) -> Path:
        if not text:
            data = small_copy()
            change(data)
            text.append(dump_yaml(data))
        path = folder / "mine.yaml"
        path.write_text(text[0], encoding="utf-8")
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


def _long_keyword(data: dict[str, Any]) -> None:
    data["scenarios"][0]["keywords"]["zh"].append("冰" * 500)


def _nested_prefixes(data: dict[str, Any]) -> None:
    """500 keywords each the one before plus a letter: 500 nested groups in the pattern."""
    data["scenarios"][0]["keywords"]["en"] = ["a" * n for n in range(1, 501)]


def _empty_lists(data: dict[str, Any]) -> None:
    data["hotlines"], data["scenarios"] = [], []


def _number(written: str) -> Callable[[Path], Path]:
    return _from_text(base_text().replace('number: "950618"', f"number: {written}", 1))


def _fifo(folder: Path) -> Path:
    path = folder / "fifo.yaml"
    os.mkfifo(path)
    return path


def _folder(folder: Path) -> Path:
    (folder / "a-folder").mkdir()
    return folder / "a-folder"


CASES: list[tuple[str, Callable[[Path], Path], str]] = [
    *((name, _from_data(change), f"{where}: ") for name, change, where, _ in BROKEN),
    ("yaml syntax", _from_text("version: 1\nhotlines: [\n  - id: x\n"), "line "),
    ("gbk", _from_text(base_text().encode("gbk", errors="replace")), "save it as UTF-8"),
    ("empty", _from_text(""), "is empty"),
    ("only a comment", _from_text("# nothing\n"), "is empty"),
    ("a list", _from_text("- a\n- b\n"), "expected a mapping"),
    ("folder", _folder, "is a folder"),
    ("missing", lambda folder: folder / "nope.yaml", "no such file"),
    ("20 MB", _big, "at most 1,000,000 bytes"),
    ("billion laughs", _from_text(_bomb()), "unknown field"),
    ("python tag", _from_text("!!python/object/apply:os.system ['echo hi']\n"), "YAML:"),
    ("duplicate key", _from_text(base_text() + "\nversion: 1\n"), "duplicate key 'version'"),
    ("swapped off-peak", _from_data(_swap_off_peak), "ends before it starts"),
    ("tabs", _from_text("version: 1\n\thotlines: []\n"), "line 2, column 1"),
    # Issue 13 #11-#14
    (
        "500-character keyword",
        _from_data(_long_keyword),
        "is 500 characters; a keyword may have at most 60",
    ),
    (
        "500 nested prefixes",
        _from_data(_nested_prefixes),
        "is 61 characters; a keyword may have at most 60",
    ),
    (
        "octal number",
        _number("0106543210"),
        'unquoted 0106543210 was read as the number 18531976; quote it: "0106543210"',
    ),
    ("octal 012", _number("012"), 'unquoted 012 was read as the number 10; quote it: "012"'),
    (
        "hex number",
        _number("0x950618"),
        'unquoted 0x950618 was read as the number 9766424; quote it: "0x950618"',
    ),
    ("plain number", _number("950618"), 'unquoted 950618 is a number; quote it: "950618"'),
    (
        "unquoted menu key",
        _from_text(base_text().replace('key: "1"', "key: 01", 1)),
        "menu[0].key: unquoted 01",
    ),
    ("empty lists", _from_data(_empty_lists), "hotlines: is empty"),
    ("empty scenarios", _from_data(lambda d: d.update(scenarios=[])), "scenarios: is empty"),
    ("/dev/zero", lambda folder: Path("/dev/zero"), "is not a regular file"),
    ("/dev/urandom", lambda folder: Path("/dev/urandom"), "is not a regular file"),
    ("a FIFO without a writer", _fifo, "is not a regular file"),
]


# The kind of refusal each broken catalogue gets, here and in test_catalogue_words.py.
KINDS: dict[str, str] = read_yaml(
    (Path(__file__).resolve().parent / "data" / "refusal_kinds.yaml").read_bytes()
)


def test_there_are_at_least_25_different_broken_catalogues() -> None:
    """25 different faults, each refused for its own kind of reason: not 25 entries of a
    list. Each case's kind is checked where it runs, below."""
    assert {name for name, _, _ in CASES} <= KINDS.keys()
    kinds = {KINDS[name] for name, _, _ in CASES}
    assert len(kinds) >= 25, sorted(kinds)


@pytest.mark.parametrize(("name", "write", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_broken_catalogue_gives_one_message_and_exit_3(
    tmp_path: Path, worded: list[Any], name: str, write: Callable[[Path], Path], expected: str
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
    assert [error.code for error in worded] == [KINDS[name]]


# ---------------------------------------------------------------- the command line


def jd(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None, cwd: Path | None = None
):
    base = dict(os.environ, PYTHONIOENCODING="utf-8")
    base.pop("JDHOTLINE_CATALOG", None)
    return subprocess.run(
        [sys.executable, "-m", "jdhotline", *args],
        input=stdin, capture_output=True, text=True, env={**base, **(env or {})},
        timeout=60, cwd=cwd, check=False,
    )  # fmt: skip


class Ran(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def here(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Ran:
    """As jd(), in this process (CliRunner): where a process of its own is not the point,
    a call costs a few milliseconds, not a Python start-up and jdhotline's imports."""
    result = runner.invoke(cli.app, list(args), input=stdin, env=env)
    return Ran(result.exit_code, result.stdout, result.stderr)


def test_empty_problem_text() -> None:
    result = runner.invoke(cli.app, ["which", "", *AT])
    assert result.exit_code == 2 and "say what went wrong" in result.stderr
    result = runner.invoke(cli.app, ["which", "-", *AT], input="   \n")
    assert result.exit_code == 2 and "say what went wrong" in result.stderr


def test_a_megabyte_of_problem_text_on_stdin() -> None:
    text = "我买的冰箱不制冷了," + "等了好几天还是没人联系我。" * 80_000
    assert len(text.encode()) > 1_000_000
    result = here("which", "-", *AT, "--format", "json", stdin=text)
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
    """stdout is one JSON document, in \\u escapes when stdout is not UTF-8, so nothing is
    lost and no encoding note is owed; stderr holds only, for `which`, the overdue-case
    reminder."""
    home = {"JDHOTLINE_HOME": str(tmp_path)}
    here(
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
    assert result.stdout.isascii()
    json.loads(result.stdout)  # one document, nothing mixed in
    notes = result.stderr.splitlines()
    assert bool(notes) == overdue, notes
    if overdue:  # one note, wrapped as stdout is (issue 18)
        note = " ".join(notes)
        assert "Case 1 \\xb7 Appliance repair line" in note  # stderr: backslashreplace
        assert note.endswith("jdhotline case followup 1")


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
    # Root is told /proc is writable (os.access), so it hears the plain message; others hear
    # which folder. test_audit.py runs both branches whatever the user.
    why = "" if home == proc else f" ({home} is not writable)"
    for result in (added, listed):
        assert result.exit_code == 4, result.output
        assert result.stderr == (
            f"jdhotline: cannot write {home / 'cases.db'}{why}"
            "; set JDHOTLINE_HOME to a folder you can write\n"
        )
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


# ---------------------------------------------------------------- issue 13: round two

EVERY_COMMAND: list[list[str]] = [
    ["which", "冰箱不制冷", *AT],
    ["which", "--plus", "-s", "appliance", *AT],
    ["prep", "冰箱不制冷", "--order", "555", "--model", "BCD-1", *AT],
    ["table", *AT],
    ["open", *AT],
    ["open", "merchant", *AT],
    ["scenarios"],
    ["case", "list", *AT],
    ["case", "show", "1", *AT],
    ["case", "followup", "1", *AT],
]


def invoke(
    args: list[str | bytes], *, stdin: bytes = b"", encoding: str = "utf-8"
) -> tuple[int, bytes, bytes]:
    """Run the app in this process as the console script would: real byte streams in
    ``encoding`` made safe by the output layer, arguments decoded as Python decodes argv
    (undecodable bytes as surrogates). The exit code, stdout and stderr as bytes."""
    import io

    from jdhotline.cli.run import Run

    streams = (sys.stdin, sys.stdout, sys.stderr)
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    wrappers = (
        io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
        io.TextIOWrapper(out_bytes, encoding=encoding, write_through=True),
        io.TextIOWrapper(err_bytes, encoding=encoding, write_through=True),
    )
    sys.stdin, sys.stdout, sys.stderr = wrappers
    run = Run([os.fsdecode(a) if isinstance(a, bytes) else a for a in args])
    code = 0
    try:
        run.out.fit_streams()
        try:
            code = cli.typer.main.get_command(cli.app).main(
                run.args, prog_name="jdhotline", obj=run, standalone_mode=False
            )
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        finally:
            cli.finish_output(run)
            for wrapper in wrappers:
                wrapper.flush()
                wrapper.detach()
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
    return code, out_bytes.getvalue(), err_bytes.getvalue()


def _with_a_case(home: Path) -> None:
    code, _, err = invoke(["case", "add", "--line", "appliance", "--order", "555", "--promise",
                           "1h", "--at", "2026-11-20T10:00"])  # fmt: skip
    assert code == 0, err


def test_every_command_survives_any_output_encoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13 #5: gbk failed on •, json on ¥, big5 on 专: now "?" and one note.

    The note appears exactly when the UTF-8 answer has a character the encoding lacks.
    """
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    _with_a_case(tmp_path)
    for args in EVERY_COMMAND:
        for fmt in ("text", "markdown", "json"):
            full = [*args, "--format", fmt, "--lang", "zh"]
            code, reference, _ = invoke(full)
            assert code in (0, 1)
            for encoding in ("gbk", "cp936", "big5", "ascii", "latin-1"):
                if fmt == "markdown" and encoding not in ("gbk", "ascii"):
                    continue
                code, out, err = invoke(full, encoding=encoding)
                assert code in (0, 1), (full, encoding, err)
                text = out.decode(encoding)  # valid in its encoding, or this raises
                notes = err.decode(encoding)
                assert "Traceback" not in notes
                noted = notes.count(ENCODING_NOTE[_note_language(encoding)])
                if fmt == "json":
                    assert out.isascii() and noted == 0
                    assert json.loads(text) == json.loads(reference)
                    continue
                lacking = not _encodes(reference.decode(), encoding)
                assert noted == (1 if lacking else 0), (full, encoding, notes)


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize("encoding", ["gbk", "cp936", "big5"])
def test_chinese_legacy_encodings_end_to_end(encoding: str) -> None:
    """Issue 13 #5, as reported: a real process with PYTHONIOENCODING set."""
    env = dict(os.environ, PYTHONIOENCODING=encoding)
    for fmt in ("text", "json"):
        proc = subprocess.run(
            [sys.executable, "-m", "jdhotline", "which", "-s", "order", "--lang", "zh",
             "--format", fmt, *AT],
            capture_output=True, env=env, timeout=60, check=False,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        out, err = proc.stdout.decode(encoding), proc.stderr.decode(encoding)
        if fmt == "json":
            assert err == "" and json.loads(out)["primary"]["number"] == "950618"
        else:
            assert "950618" in out and "?" in out  # what the encoding lacks, as "?"
            assert err.count("\n") == 1 and ENCODING_NOTE[_note_language(encoding)] in err


# The encoding note, in Chinese where stderr's encoding can show it (GBK can; Big5 lacks
# simplified characters such as 显), else in English.
ENCODING_NOTE = {"en": "cannot show some characters", "zh": "显示不了部分字符"}


def _note_language(encoding: str) -> str:
    return "zh" if encoding in ("gbk", "cp936") else "en"


def test_non_utf8_bytes_in_arguments_are_kept_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13 #4: --note $'bad \\xff byte' was a "surrogates not allowed" traceback."""
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    code, out, err = invoke(["case", "add", "--line", "regular", "--note", b"bad \xff byte",
                             "--agent", b"\xfe01", "--ticket", b"T\x80", *AT])  # fmt: skip
    assert (code, err) == (0, b""), err
    assert invoke(["case", "log", "1", "--note", b"again \xc3", *AT])[0] == 0
    assert invoke(["case", "close", "1", "--outcome", b"done \xff", *AT])[0] == 0
    code, out, _ = invoke(["case", "show", "1", "--format", "json", *AT])
    entries = json.loads(out)["entries"]
    assert [e["note"] for e in entries] == ["bad \\xff byte", "again \\xc3", "done \\xff"]
    assert (entries[0]["agent"], entries[0]["ticket"]) == ("\\xfe01", "T\\x80")
    # An order number is digits: the same bytes are refused in one line, exit 2.
    code, out, err = invoke(["case", "add", "--line", "regular", "--order", b"12\xff", *AT])
    assert (code, out) == (2, b"") and err.count(b"\n") == 1 and b"\\xff" in err


def test_non_utf8_bytes_on_stdin_and_in_model_give_json_that_parses() -> None:
    """Issue 13 #6: printf 'refund \\xff' | prep - ... --format json wrote a raw 0xFF byte."""
    code, out, err = invoke(
        [
            "prep",
            "-",
            "-s",
            "appliance",
            "--model",
            b"BCD\xff",
            "--want",
            "fix",
            "--format",
            "json",
            *AT,
        ],
        stdin=b"refund \xff",
    )
    assert code == 0, err
    doc = json.loads(out.decode("utf-8"))  # strict UTF-8, then JSON
    assert doc["opening"] == "Model BCD\\xff; refund \\xff; I want fix."
    proc = subprocess.run(
        [sys.executable, "-m", "jdhotline", "prep", "-", "-s", "appliance",
         "--model", os.fsdecode(b"BCD\xff"), "--want", "fix", "--format", "json", *AT],
        input=b"refund \xff", capture_output=True, timeout=60, check=False,
        env=dict(os.environ),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.decode("utf-8"))["opening"] == doc["opening"]


def test_closed_stdout(tmp_path: Path) -> None:
    """Issue 13 #7: `which >&-` crashed; `case add >&-` saved the case, then crashed."""
    env = {**os.environ, "JDHOTLINE_HOME": str(tmp_path)}
    closed = "jdhotline: standard output is closed, so the answer was not printed"
    closed_zh = "jdhotline: 标准输出已关闭，答案没有打印出来"
    for args, said in (
        ("which -s order", closed),
        ("case add --line regular", closed + " (case 1 was saved)"),
        ("which -s order --lang zh", closed_zh),
        ("case add --line regular --lang zh", closed_zh + "（记录 2 已保存）"),
    ):
        proc = subprocess.run(
            f"{sys.executable} -m jdhotline {args} --at 2026-11-27T10:00 >&-",
            shell=True, stderr=subprocess.PIPE, text=True, env=env, timeout=60, check=False,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == said + "\n"
    env = {"JDHOTLINE_HOME": str(tmp_path)}
    listed = here("case", "list", "--format", "json", *AT, env=env)
    assert [c["id"] for c in json.loads(listed.stdout)] == [1, 2]


@pytest.mark.parametrize(
    ("args", "code"), [(["table"], 0), (["open", "merchant", "--at", "2026-11-28T23:00"], 1)]
)
def test_a_reader_that_stops_early_leaves_the_exit_code_alone(args: list[str], code: int) -> None:
    """Issue 13 #15: `| head` made every command exit 1 (the code for "line closed")."""
    env = dict(os.environ, COLUMNS="80")
    env.pop("FORCE_COLOR", None)
    for forced in ({}, {"FORCE_COLOR": "1"}):  # piped text; Rich writing as to a terminal
        with subprocess.Popen(
            [sys.executable, "-m", "jdhotline", *args, *([] if "--at" in args else AT)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**env, **forced},
        ) as proc, reaped(proc):  # fmt: skip
            assert proc.stdout is not None and proc.stderr is not None
            proc.stdout.close()  # the reader goes away before the first byte
            assert proc.wait(timeout=60) == code
            assert proc.stderr.read() == b""


INTERRUPT_DURING_IMPORT = """
import builtins, os, signal, sys
real_import = builtins.__import__
def interrupting_import(name, *args, **kwargs):
    if name.split(".")[-2:] in (["cli"], ["cli", "commands"]) or name.endswith(".cli"):
        builtins.__import__ = real_import
        os.kill(os.getpid(), signal.SIGINT)
    return real_import(name, *args, **kwargs)
builtins.__import__ = interrupting_import
sys.argv[0] = "jdhotline"
from jdhotline.__main__ import main
main()
"""

INTERRUPT_AFTER_SAVING = """
import os, signal, sys
import jdhotline.record.store as cases
real_get = cases.CaseStore.get
def get(self, case_id):  # the case is saved; Ctrl-C arrives before the answer is shown
    os.kill(os.getpid(), signal.SIGINT)
    return real_get(self, case_id)
cases.CaseStore.get = get
from jdhotline.__main__ import main
main()
"""


@pytest.mark.parametrize(
    ("code", "args", "said"),
    [
        (
            INTERRUPT_DURING_IMPORT,
            ["case", "add", "--line", "regular"],
            "interrupted; nothing was saved",
        ),
        (INTERRUPT_DURING_IMPORT, ["which", "-s", "order"], "interrupted"),
        (
            INTERRUPT_AFTER_SAVING,
            ["case", "add", "--line", "regular"],
            "interrupted; case 1 was saved",
        ),
        (
            INTERRUPT_DURING_IMPORT,
            ["case", "add", "--line", "regular", "--lang", "zh"],
            "已中断；没有保存任何内容",
        ),
        (
            INTERRUPT_AFTER_SAVING,
            ["case", "add", "--line", "regular", "--lang", "zh"],
            "已中断；记录 1 已保存",
        ),
    ],
    ids=["start-up, case add", "start-up, which", "after saving", "zh, nothing", "zh, saved"],
)
def test_ctrl_c_says_interrupted_and_whether_the_case_was_saved(
    tmp_path: Path, code: str, args: list[str], said: str
) -> None:
    """Issue 13 #8: during the imports a traceback; later a silent 130, even after saving."""
    env = dict(os.environ, JDHOTLINE_HOME=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-c", code, *args, *AT],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 130, proc.stderr
    assert proc.stderr == f"\njdhotline: {said}\n"
    assert proc.stdout == ""
    saved = here("case", "list", "--format", "json", *AT, env={"JDHOTLINE_HOME": str(tmp_path)})
    expected = [1] if "case 1 was saved" in said or "记录 1 已保存" in said else []
    assert [c["id"] for c in json.loads(saved.stdout or "[]")] == expected


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal")
@pytest.mark.parametrize("args", [["which", "-s", "order"], ["open"], ["table"]])
def test_columns_0_in_a_terminal_still_prints(args: list[str]) -> None:
    """Issue 13 #9: COLUMNS=0 in a pty printed nothing, exit 0."""
    import pty

    env = dict(os.environ, COLUMNS="0", LINES="0", TERM="xterm")
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "jdhotline", *args, *AT],
            stdin=follower, stdout=follower, stderr=subprocess.PIPE,
            env=env, timeout=60, check=False,
        )  # fmt: skip
        os.close(follower)
        follower = -1
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other side is closed and drained
                break
            if not chunk:
                break
            shown += chunk
    finally:
        if follower != -1:
            os.close(follower)
        os.close(leader)
    assert proc.returncode == 0, proc.stderr
    assert "950618" in ANSI_COLOUR.sub("", shown.decode())


INVISIBLE = "call \u202e0631-016-004 \u200bzero\u200dwidth\ufeff\u2066x\u2069\u00ad"


def test_invisible_characters_are_shown_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13 #10: U+202E made "call \\u202e0631-016-004" read "call 400-610-1360"."""
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    assert (
        runner.invoke(
            cli.app, ["case", "add", "--line", "regular", "--note", INVISIBLE, *AT]
        ).exit_code
        == 0
    )
    escaped = "call \\u202e0631-016-004 \\u200bzero\\u200dwidth\\ufeff\\u2066x\\u2069\\xad"
    for fmt in ("text", "markdown"):
        shown = runner.invoke(
            cli.app, ["case", "show", "1", "--format", fmt, *AT], env={"COLUMNS": "300"}
        )
        assert escaped in shown.stdout, shown.stdout
        assert not re.search("[\u202e\u200b\u200d\ufeff\u2066\u2069\u00ad]", shown.stdout)
    doc = runner.invoke(cli.app, ["case", "show", "1", "--format", "json", *AT]).stdout
    assert "\\u202e" in doc and "\u202e" not in doc  # escaped in the text, kept in the data
    assert json.loads(doc)["entries"][0]["note"] == INVISIBLE
    csv_text = runner.invoke(cli.app, ["case", "export", "--format", "csv"]).stdout
    assert escaped in csv_text


def test_invisible_characters_in_the_catalogue_are_shown_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = shipped_copy()
    line_data(data, "regular")["name"]["en"] = "Regular \u202eenilgel"
    path = tmp_path / "mine.yaml"
    path.write_text(dump_yaml(data, sort_keys=True), encoding="utf-8")
    for args in (["table", "--format", "markdown"], ["open", "regular"]):
        result = runner.invoke(
            cli.app, [*args, "--catalog", str(path), *AT], env={"COLUMNS": "200"}
        )
        assert result.exit_code == 0 and "Regular \\u202eenilgel" in result.stdout, result.stdout
        assert "\u202e" not in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["which", "-s", "order", "--at", "0001-01-01"],
        ["which", "-s", "order", "--at", "9999-12-31"],
        ["which", "-s", "order", "--at", "9999-12-31T23:59Z"],
        ["open", "--at", "1999-12-31T23:59"],
        ["table", "--at", "2100-01-01T00:00"],
        ["prep", "-s", "order", "--at", "0001-01-01T00:00"],
        ["case", "add", "--line", "regular", "--at", "0001-01-01T00:00"],
        ["case", "add", "--line", "regular", *AT, "--promise", "9999-12-31T23:59Z"],
        ["case", "add", "--line", "regular", *AT, "--promise", "2026-11-26"],
        ["case", "add", "--line", "regular", *AT, "--promise", "2029-01-01"],
        ["case", "add", "--line", "regular", *AT, "--promise", "9" * 40 + "d"],
    ],
)
def test_extreme_moments_are_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """Issue 13 #1 and #15: an OverflowError traceback, and year 1 saved then unreadable."""
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    result = runner.invoke(cli.app, args)
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and result.stderr.count("\n") == 1
    flag = "--promise" if "--promise" in args else "--at"
    assert result.stderr.startswith(f"jdhotline: {flag}: ")
    if any(year in " ".join(args) for year in ("0001", "9999-12", "1999", "2100")):
        assert "(2000-01-01 to 2099-12-31, Beijing time)" in result.stderr
    assert not (tmp_path / "cases.db").exists()  # refused before anything was written


def test_a_row_the_record_cannot_read_never_takes_which_down(tmp_path: Path) -> None:
    """Issue 13 #1: after a year-1 row, which, prep, case list and export all crashed."""
    import sqlite3

    env = {"JDHOTLINE_HOME": str(tmp_path)}
    for _ in range(2):
        assert here("case", "add", "--line", "regular", "--promise", "1h", "--at",
                  "2026-11-20T10:00", env=env).returncode == 0  # fmt: skip
    db = sqlite3.connect(tmp_path / "cases.db")
    db.execute("UPDATE cases SET created_at = '0001-01-01T00:00:00' WHERE id = 1")
    db.commit()
    db.close()
    left_out = f"jdhotline: case 1 in {tmp_path / 'cases.db'} cannot be read"
    which = here("which", "-s", "order", *AT, env=env)
    assert which.returncode == 0 and "Call 950618" in which.stdout
    assert which.stderr.splitlines()[0].startswith(left_out)
    prep = here("prep", "-s", "order", *AT, "--format", "json", env=env)
    assert prep.returncode == 0 and json.loads(prep.stdout)["primary"]["number"] == "950618"
    assert prep.stderr.startswith(left_out) and prep.stderr.count("\n") == 1
    listed = here("case", "list", "--format", "json", *AT, env=env)
    assert listed.returncode == 0 and [c["id"] for c in json.loads(listed.stdout)] == [2]
    assert listed.stderr.startswith(left_out) and listed.stderr.count("\n") == 1
    exported = here("case", "export", env=env)
    assert exported.returncode == 0 and [c["id"] for c in json.loads(exported.stdout)] == [2]
    shown = here("case", "show", "1", *AT, env=env)
    assert shown.returncode == 4 and shown.stderr.count("\n") == 1


def test_full_width_digits_are_read_alike_in_order_and_promise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13 #15: full-width digits were refused in --order but taken in --promise."""
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    added = runner.invoke(cli.app, ["case", "add", "--line", "regular", "--order", "１２３ ４５６",
                                    "--promise", "２４ｈ", "--format", "json", *AT])  # fmt: skip
    assert added.exit_code == 0, added.output
    case = json.loads(added.stdout)
    assert (case["order"], case["due"]) == ("123456", "2026-11-28T10:00+08:00")
    prep = runner.invoke(
        cli.app, ["prep", "-s", "order", "--order", "１２３", "--format", "json", *AT]
    )
    assert prep.exit_code == 0 and json.loads(prep.stdout)["record"].endswith("--order 123")


def test_an_unmatched_megabyte_is_quoted_to_80_characters() -> None:
    """Issue 13 #15: an unmatched 1 MB problem came back as a 1 MB error line."""
    text = "zq" * 500_000
    result = runner.invoke(cli.app, ["which", "-", *AT], input=text)
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert f"no scenario matched '{'zq' * 39}z…'" in first
    assert len(first) < 200


def test_an_unmatched_problem_asked_about_in_a_terminal_is_quoted_to_80_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from jdhotline.cli import interview

    monkeypatch.setattr(interview, "interactive", lambda: True)
    result = runner.invoke(cli.app, ["which", "zq" * 5000, *AT], input="order\n")
    assert result.exit_code == 0, result.output
    asked = result.stderr.replace("\n", "")  # the console wraps the question
    assert f"No scenario matched “{'zq' * 39}z…”. Which one is it?" in asked


def test_free_text_with_a_catalogue_keyword_too_long_is_exit_3(tmp_path: Path) -> None:
    """Issue 13 #11: the catalogue validated, then which and prep died (RecursionError)."""
    path = _from_data(_nested_prefixes)(tmp_path)
    for command in ("which", "prep"):
        result = runner.invoke(cli.app, [command, "aaaa", "--catalog", str(path), *AT])
        assert result.exit_code == 3 and "a keyword may have at most 60" in result.stderr
        assert result.stderr.count("\n") == 2 and result.stdout == ""


# ---------------------------------------------------------------- random bytes through the text paths

TEXT_EXAMPLES = int(os.environ.get("JDHOTLINE_TEXT_EXAMPLES", "15"))
WEIRD = "\x00\x1b\x07\x7f\x85\x9b\xad\u200b\u200d\u202e\u2028\u2066\ufeff¥•专€😀\U000e0041"
BYTES = (
    st.binary(max_size=30)
    | st.text(alphabet=st.sampled_from(WEIRD) | st.characters(), max_size=20).map(
        lambda text: text.encode("utf-8", errors="surrogatepass")
    )
    | st.sampled_from([b"\xff", b"bad \xff byte", b"\xed\xa0\x80", "冰箱不制冷".encode()])
)


def _argv(value: bytes) -> bytes:
    return value.replace(b"\x00", b"")  # an argument cannot hold a NUL byte


@settings(
    max_examples=TEXT_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    problem=BYTES,
    note=BYTES,
    agent=BYTES,
    ticket=BYTES,
    model=BYTES,
    order=BYTES,
    fmt=st.sampled_from(["text", "markdown", "json"]),
    encoding=st.sampled_from(["utf-8", "gbk", "big5", "ascii", "latin-1"]),
)
def test_random_bytes_through_every_text_path(
    monkeypatch: pytest.MonkeyPatch,
    problem: bytes,
    note: bytes,
    agent: bytes,
    ticket: bytes,
    model: bytes,
    order: bytes,
    fmt: str,
    encoding: str,
) -> None:
    """The problem, notes, agent, ticket, model and order, via argv and stdin, for every
    command and format: no traceback, a documented exit code, output valid in its
    encoding, JSON that parses (issue 13)."""
    import tempfile

    with tempfile.TemporaryDirectory() as home:
        monkeypatch.setenv("JDHOTLINE_HOME", home)
        f = "markdown" if fmt == "markdown" else fmt
        case_fmt = "json" if fmt == "json" else "text"
        runs: list[tuple[list[str | bytes], bytes, str]] = [
            (["which", "-s", "order", "--format", f, *AT, "--", _argv(problem)], b"", f),
            (["which", "--format", f, *AT, "-"], problem, f),
            (["open", "--format", f, *AT, "--", _argv(problem)], b"", f),
            (["prep", "-s", "appliance", "--model", _argv(model), "--order", _argv(order),
              "--format", f, *AT, "--", _argv(problem)], b"", f),
            (["prep", "-s", "appliance", "--model", _argv(model), "--format", f, *AT, "-"], problem, f),
            (["case", "add", "--line", "regular", "--note", _argv(note), "--agent", _argv(agent),
              "--ticket", _argv(ticket), "--format", case_fmt, *AT], b"", case_fmt),
            (["case", "add", "--line", "regular", "--order", _argv(order), "--format", case_fmt, *AT], b"", case_fmt),
            (["case", "log", "1", "--note", _argv(note), "--agent", _argv(agent), "--ticket",
              _argv(ticket), "--format", case_fmt, *AT], b"", case_fmt),
            (["case", "show", "1", "--format", f, *AT], b"", f),
            (["case", "followup", "1", "--format", f, *AT], b"", f),
            (["case", "close", "1", "--outcome", _argv(note), "--format", case_fmt, *AT], b"", case_fmt),
            (["case", "list", "--all", "--format", f, *AT], b"", f),
            (["case", "export", "--format", "json" if fmt == "json" else "csv"], b"", "json" if fmt == "json" else "csv"),
        ]  # fmt: skip
        for args, stdin, kind in runs:
            code, out, err = invoke(args, stdin=stdin, encoding=encoding)
            messages = err.decode(encoding)  # valid in its encoding, or this raises
            text = out.decode(encoding)
            assert "Traceback" not in messages, (args, messages)
            assert code in ((0, 1, 2) if args[0] == "open" else (0, 2)), (args, code, messages)
            if code == 2:
                assert text == "" and messages.startswith(("jdhotline: ", "Usage: ")), messages
            elif kind == "json":
                json.loads(text)
