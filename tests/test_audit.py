"""Two gaps a mutation audit of the core found (issue 22), pinned whatever the user runs
the tests as: the case record in a folder it cannot write, and the order of ICS events."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from jdhotline.cli import commands as cli

from .conftest import bj

runner = CliRunner()
HINT = "; set JDHOTLINE_HOME to a folder you can write\n"
PROC = Path("/proc")  # no file can be made here, not even by root

needs_proc = pytest.mark.skipif(not (PROC / "self").is_dir(), reason="no /proc here")


def _case_add_and_list(home: Path) -> list[str]:
    return [
        runner.invoke(cli.app, args, env={"JDHOTLINE_HOME": str(home)}).stderr
        for args in (["case", "add", "--line", "regular"], ["case", "list"])
    ]


@needs_proc
@pytest.mark.parametrize(
    ("writable", "said"),
    [
        (False, "jdhotline: cannot write /proc/cases.db (/proc is not writable)" + HINT),
        (True, "jdhotline: cannot write /proc/cases.db" + HINT),
    ],
)
def test_a_record_sqlite_cannot_create_names_the_folder_if_it_is_not_writable(
    monkeypatch: pytest.MonkeyPatch, writable: bool, said: str
) -> None:
    """SQLite cannot create /proc/cases.db, even for root. Whether the folder is writable
    decides the message: os.access says so (root is told yes for /proc, others no), so the
    test tells it, and each branch runs for every user."""
    real = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode, **kw: writable if Path(path) == PROC else real(path, mode, **kw),
    )
    for stderr in _case_add_and_list(PROC):
        assert stderr == said


def test_a_record_under_a_file_is_refused_for_any_user(tmp_path: Path) -> None:
    """A home whose "folder" is a regular file: refused for root as for anyone."""
    home = tmp_path / "a-file"
    home.write_text("not a folder\n", encoding="utf-8")
    for stderr in _case_add_and_list(home):
        assert stderr == f"jdhotline: {home} is not a folder" + HINT
    assert home.read_text(encoding="utf-8") == "not a folder\n"


def test_ics_events_go_by_call_time_then_deadline_then_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The earliest call first: not the earliest deadline (a line closed at the deadline is
    called at its next opening), then the earlier deadline, then the older case."""
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    for line, promise in (
        ("merchant", "2026-11-28T10:00"),  # 1: Saturday; the line opens Monday 09:00
        ("appliance", "2026-11-29T01:00"),  # 2: at night; called at 09:00 on the 29th
        ("appliance", "2026-11-28T23:30"),  # 3: also 09:00 on the 29th, an earlier deadline
        ("regular", "2026-11-29T20:00"),  # 4: open all day: called at the deadline
        ("appliance", "2026-11-28T23:30"),  # 5: as 3, a newer case
    ):
        args = ["case", "add", "--line", line, "--promise", promise, "--at", "2026-11-27T10:00"]
        assert runner.invoke(cli.app, args).exit_code == 0
    result = runner.invoke(
        cli.app, ["case", "export", "--format", "ics", "--at", "2026-11-27T12:00"]
    )
    assert result.exit_code == 0, result.output
    found = [
        (str(event["uid"]).split("-")[2], event.decoded("dtstart"))
        for event in Calendar.from_ical(result.stdout_bytes).walk("VEVENT")
    ]
    assert found == [
        ("3", bj("2026-11-29 09:00")),
        ("5", bj("2026-11-29 09:00")),
        ("2", bj("2026-11-29 09:00")),
        ("4", bj("2026-11-29 20:00")),
        ("1", bj("2026-11-30 09:00")),
    ]
