"""Issue 20, through the command line: case numbers, other programs' values in the record,
escapes, paths, and a v1 record that cannot migrate (points 2, 5, 13, 15 and 20).

The points about processes, pipes, signals, file modes and the locale are in
test_hostile3_cli.py.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli
from jdhotline.record.schema import SCHEMA_V1

runner = CliRunner()
AT = ["--at", "2026-11-27T10:00"]
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]")  # what must never reach a terminal


def run(*args: str, input: str | None = None):
    return runner.invoke(cli.app, list(args), input=input)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    return tmp_path


def one_line(result, code: int) -> str:
    """The result's exit code, and its error: one line (a usage error: its last line)."""
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.stderr.strip().splitlines()[-1]


# ---------------------------------------------------------------- point 2: case numbers


@pytest.mark.usefixtures("home")
@pytest.mark.parametrize("command", ["show", "log", "close", "reopen", "followup"])
@pytest.mark.parametrize(
    "number",
    ["99999999999999999999", "9223372036854775808", "²", "٣", "9" * 5000, "1.0", "0x1"],
    ids=["2**66", "2**63", "superscript", "arabic-indic", "5000 digits", "decimal", "hex"],
)
def test_a_case_number_too_big_or_odd_is_a_usage_error(command: str, number: str) -> None:
    run("case", "add", "--line", "regular", *AT)
    result = run("case", command, number, *AT)
    line = one_line(result, 2)
    assert "is not a case number" in line
    assert len(line) < 200  # 5,000 digits are not echoed
    assert "int()" not in result.stderr and "Overflow" not in result.stderr


@pytest.mark.usefixtures("home")
def test_the_largest_case_number_is_simply_not_there() -> None:
    result = run("case", "show", str(2**63 - 1), *AT)
    assert one_line(result, 2).endswith(f"no case {2**63 - 1}") or "no case" in result.stderr


@pytest.mark.usefixtures("home")
def test_a_case_number_in_chinese_is_refused_in_one_line() -> None:
    result = run("case", "show", "99999999999999999999", "--lang", "zh", *AT)
    assert "“99999999999999999999”不是记录编号" in one_line(result, 2)


# ---------------------------------------------------------------- point 5: other programs' values


def _three_cases(home: Path) -> Path:
    for _ in range(3):
        assert run("case", "add", "--line", "regular", "--promise", "2h", *AT).exit_code == 0
    return home / "cases.db"


def _write(path: Path, sql: str) -> None:
    db = sqlite3.connect(path)
    db.execute(sql)
    db.commit()
    db.close()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE entries SET note = x'00ff41' WHERE case_id = 1",  # a BLOB
        "UPDATE entries SET note = CAST(x'41ff42' AS TEXT) WHERE case_id = 1",  # not UTF-8
        "UPDATE entries SET agent = x'ff' WHERE case_id = 1",
        "UPDATE cases SET order_no = CAST(x'c3' AS TEXT) WHERE id = 1",
        "UPDATE cases SET line = x'01' WHERE id = 1",
    ],
    ids=["blob note", "invalid utf-8 note", "blob agent", "invalid utf-8 order", "blob line"],
)
def test_a_value_another_program_wrote_leaves_one_case_out(home: Path, sql: str) -> None:
    path = _three_cases(home)
    _write(path, sql)
    at = ["--at", "2026-11-27T14:00"]
    for fmt in ("text", "json", "markdown"):
        listed = run("case", "list", "--format", fmt, *at)
        assert listed.exit_code == 0, listed.stderr
        assert "case 1 in" in listed.stderr and "left out" in listed.stderr
        assert listed.stderr.count("\n") == 1
    ids = [c["id"] for c in json.loads(run("case", "list", "-f", "json", *at).stdout)]
    assert ids == [2, 3]
    exported = run("case", "export", "--format", "json", *at)
    assert exported.exit_code == 0 and [c["id"] for c in json.loads(exported.stdout)] == [2, 3]
    for fmt in ("csv", "ics"):
        other = run("case", "export", "--format", fmt, *at)
        assert other.exit_code == 0, other.stderr
        assert "case 1 in" in other.stderr
    assert run("case", "show", "2", *at).exit_code == 0
    shown = run("case", "show", "1", *at)
    assert "case 1 in" in one_line(shown, 4) and "cannot be read" in shown.stderr
    which = run("which", "-s", "order", *at)
    assert which.exit_code == 0 and "Case 2" in which.stderr and "case 1 in" in which.stderr
    # The record still takes new calls, on the other cases and on new ones.
    assert run("case", "log", "2", "--note", "again", *at).exit_code == 0
    assert run("case", "add", "--line", "regular", *at).exit_code == 0


@pytest.mark.usefixtures("home")
def test_a_closed_case_with_a_blob_outcome_is_refused_in_words(home: Path) -> None:
    path = _three_cases(home)
    assert run("case", "close", "1", "--outcome", "done", *AT).exit_code == 0
    _write(path, "UPDATE cases SET outcome = x'ff00' WHERE id = 1")
    result = run("case", "log", "1", "--note", "x", *AT)
    assert "`case log` is refused" in one_line(result, 2)
    assert "b'" not in result.stderr


# ---------------------------------------------------------------- point 13: raw escapes

ESCAPES = "\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07\x1b]8;;http://x\x1b\\link\u202e"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("where", ["problem", "--model", "--want", "--evidence", "stdin"])
def test_prep_s_case_add_line_is_escaped(fmt: str, where: str) -> None:
    problem = "冰箱不制冷" + (ESCAPES if where == "problem" else "")
    args = ["prep", "-" if where == "stdin" else problem, "-f", fmt, *AT]
    if where.startswith("--"):
        args += [where, "x" + ESCAPES]
    result = run(*args, input=problem + ESCAPES if where == "stdin" else None)
    assert result.exit_code == 0, result.stderr
    record = next(line for line in result.stdout.splitlines() if "case add" in line)
    assert "\\x1b]0;pwned\\x07" in record and "\\u202e" in record
    assert not RAW.search(result.stdout), [m.group() for m in RAW.finditer(result.stdout)]


def test_prep_json_keeps_the_record_line_as_data() -> None:
    """JSON escapes control characters itself: the record line stays the command as typed."""
    result = run("prep", "冰箱不制冷", "--model", "x\x1b[31m", "-f", "json", *AT)
    assert result.exit_code == 0
    assert "\\u001b" in result.stdout and "x\x1b[31m" in json.loads(result.stdout)["record"]


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["open", "--lang", "zh", "--\x1b]0;pwned\x07"], {}),
        (["case", "show", "\x1b]0;pwned\x07", "--lang", "zh"], {}),
        (["which", "-f", "\x1b]0;pwned\x07", "--lang", "zh"], {}),
        (["open", "x", "\x1b]0;pwned\x07"], {"JDHOTLINE_LANG": "zh"}),
        (["open", "--\x1b]0;pwned\x07"], {}),  # English, as it was
    ],
    ids=["no such option", "case number", "bad -f", "extra argument", "english"],
)
def test_usage_errors_show_the_argument_escaped(
    args: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = run(*args)
    assert result.exit_code == 2
    assert not RAW.search(result.stderr), result.stderr
    assert "\\x1b]0" in result.stderr and "pwned\\x07" in result.stderr


@pytest.mark.usefixtures("home")
def test_ics_summary_and_description_escape_control_characters() -> None:
    added = run("case", "add", "--line", "regular", "--ticket", "T\x01\x02\x1b\x7f\u202e1",
                "--agent", "A\x1b]0;x\x07", "--promise", "24h", *AT)  # fmt: skip
    assert added.exit_code == 0, added.stderr
    result = runner.invoke(cli.app, ["case", "export", "-f", "ics", *AT])
    assert result.exit_code == 0
    ics = result.stdout_bytes.decode("utf-8")
    assert not RAW.search(ics.replace("\r\n", "")), ics
    summary = next(line for line in ics.splitlines() if line.startswith("SUMMARY"))
    assert summary == "SUMMARY:Chase 950618 ticket T\\\\x01\\\\x02\\\\x1b\\\\x7f\\\\u202e1"
    assert "A\\\\x1b]0\\;x\\\\x07" in ics.replace("\r\n ", "")  # the agent, in DESCRIPTION


# ---------------------------------------------------------------- point 15: paths


def test_jdhotline_home_with_a_quoted_tilde_is_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "me"))
    monkeypatch.setenv("JDHOTLINE_HOME", "~/records")
    monkeypatch.chdir(tmp_path)
    assert run("case", "add", "--line", "regular", *AT).exit_code == 0
    assert (tmp_path / "me" / "records" / "cases.db").is_file()
    assert not (tmp_path / "~").exists()


@pytest.mark.parametrize("relative", ["data", "./data", "~/data"])
def test_a_relative_xdg_data_home_is_ignored_as_the_spec_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative: str
) -> None:
    monkeypatch.delenv("JDHOTLINE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "me"))
    monkeypatch.setenv("XDG_DATA_HOME", relative)
    monkeypatch.chdir(tmp_path)
    assert run("case", "add", "--line", "regular", *AT).exit_code == 0
    assert (tmp_path / "me" / ".local" / "share" / "jdhotline" / "cases.db").is_file()
    assert not (tmp_path / "data").exists() and not (tmp_path / "~").exists()


@pytest.mark.parametrize("target", ["empty", "missing"])
def test_a_cases_db_link_to_a_missing_or_empty_file_is_refused(home: Path, target: str) -> None:
    foreign = home.parent / f"{home.name}-foreign"
    if target == "empty":
        foreign.write_bytes(b"")
    (home / "cases.db").symlink_to(foreign)
    for args in (["case", "add", "--line", "regular", *AT], ["case", "list", *AT]):
        result = run(*args)
        line = one_line(result, 4)
        assert f"is a link to {foreign}" in line and "nothing was written" in line
    assert foreign.read_bytes() == b"" if target == "empty" else not foreign.exists()
    which = run("which", "-s", "order", *AT)
    assert which.exit_code == 0
    zh = run("case", "list", "--lang", "zh", *AT)
    assert "的链接" in one_line(zh, 4)


def test_a_cases_db_link_to_a_record_is_followed(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = home / "synced"
    elsewhere.mkdir()
    monkeypatch.setenv("JDHOTLINE_HOME", str(elsewhere))
    assert run("case", "add", "--line", "regular", *AT).exit_code == 0
    monkeypatch.setenv("JDHOTLINE_HOME", str(home))
    (home / "cases.db").symlink_to(elsewhere / "cases.db")
    assert json.loads(run("case", "list", "-f", "json", *AT).stdout)[0]["id"] == 1


def test_a_file_that_is_no_catalogue_is_not_quoted(tmp_path: Path) -> None:
    shadow = tmp_path / "shadow"
    shadow.write_text("root:$6$secretsalt$hash:20228:0:99999:7:::\ndaemon:*:20228::::::\n")
    for lang, said in (("en", "is not a jdhotline catalogue"), ("zh", "不是 jdhotline 的热线数据")):
        result = run("open", "--catalog", str(shadow), "--lang", lang)
        assert result.exit_code == 3
        assert said in result.stderr
        assert "secretsalt" not in result.stderr and "20228" not in result.stderr
    typo = tmp_path / "typo.yaml"
    typo.write_text("hotline: []\n")  # a catalogue with a typo is still told its field
    assert "hotline: unknown field" in run("open", "--catalog", str(typo)).stderr


# ---------------------------------------------------------------- point 20: a v1 record


@pytest.mark.parametrize(
    ("status", "shown"),
    [("pending", "'pending'"), ("Open", "'Open'"), (None, "NULL"), (b"\xff", "X'FF'")],
)
def test_a_v1_record_with_a_bad_status_names_the_row_and_the_repair(
    home: Path, status: object, shown: str
) -> None:
    path = home / "cases.db"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_V1.replace("status TEXT NOT NULL", "status TEXT"))
    for case_id, value in ((1, "open"), (2, status), (3, "closed")):
        db.execute(
            "INSERT INTO cases (id, line, status, created_at) VALUES (?, 'regular', ?, ?)",
            (case_id, value, "2026-11-27T10:00:00+08:00"),
        )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    before = path.read_bytes()
    result = run("case", "list", *AT)
    line = one_line(result, 4)
    assert f"case 2 in {path} has the status {shown}, neither open nor closed" in line
    repair = "UPDATE cases SET status = 'open' WHERE id = 2"
    assert repair in line
    assert path.read_bytes() == before  # untouched
    zh = one_line(run("case", "list", "--lang", "zh", *AT), 4)
    assert f"里的记录 2 的状态 {shown} 无效" in zh and repair in zh
    # The repair it names works.
    db = sqlite3.connect(path)
    db.execute(repair)
    db.commit()
    db.close()
    listed = run("case", "list", "--all", "-f", "json", *AT)
    assert listed.exit_code == 0, listed.stderr
    assert [c["id"] for c in json.loads(listed.stdout)] == [1, 2, 3]
