"""`case export --format ics`: parsed back with icalendar, times, zone and UIDs checked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from jdhotline import cli
from jdhotline.schedule import BEIJING

runner = CliRunner()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    return tmp_path


def run(*args: str):
    result = runner.invoke(cli.app, list(args))
    assert result.exit_code == 0, result.output
    return result


def export(at: str, *more: str) -> Calendar:
    result = run("case", "export", "--format", "ics", "--at", at, *more)
    assert result.stdout_bytes.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in result.stdout_bytes.replace(b"\r\n", b"")  # CRLF only (RFC 5545)
    return Calendar.from_ical(result.stdout_bytes)


def events(calendar: Calendar) -> dict[str, object]:
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_one_event_per_open_promise_at_its_deadline_in_beijing_time() -> None:
    run("case", "add", "--line", "regular", "-s", "order", "--order", "123", "--agent", "00123",
        "--ticket", "12345", "--promise", "24h", "--at", "2026-11-27T10:00")  # fmt: skip
    run("case", "add", "--line", "appliance", "--promise", "3h", "--at", "2026-11-27T11:00")
    run("case", "add", "--line", "plus", "--at", "2026-11-27T11:30")  # no promise: no event
    run("case", "add", "--line", "merchant", "--promise", "1d", "--at", "2026-11-27T12:00")
    run("case", "close", "4", "--outcome", "已处理", "--at", "2026-11-27T13:00")  # closed: none

    calendar = export("2026-11-27T12:00Z", "--lang", "zh")
    assert str(calendar["version"]) == "2.0" and "jdhotline" in str(calendar["prodid"])
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["tzid"]) for z in zones] == ["Asia/Shanghai"]
    found = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in found] == [
        "催办 400-610-1360 第 2 号",  # earliest deadline first
        "催办 950618 服务单 12345",
    ]
    appliance, regular = found
    start = regular.decoded("dtstart")
    assert start == dt.datetime(2026, 11, 28, 10, 0, tzinfo=BEIJING)
    assert str(start.tzinfo) == "Asia/Shanghai"
    assert regular["dtstart"].params["TZID"] == "Asia/Shanghai"
    assert regular.decoded("dtend") - start == dt.timedelta(minutes=15)
    assert appliance.decoded("dtstart") == dt.datetime(2026, 11, 27, 14, 0, tzinfo=BEIJING)
    assert regular.decoded("dtstamp") == dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.timezone.utc)
    description = str(regular["description"])
    assert description == (  # Chinese punctuation, as everywhere a zh user reads
        "这样说：“订单号 123，工号 00123 承诺 24 小时内反馈，麻烦催进度，服务单号 12345”\n"
        "工号：00123\n"
        "回拨前：jdhotline case followup 1"
    )
    alarm = regular.walk("VALARM")[0]
    assert alarm.decoded("trigger") == dt.timedelta(0)


def test_uids_are_stable_so_a_new_export_updates_the_event() -> None:
    run("case", "add", "--line", "regular", "--ticket", "12345", "--promise", "24h",
        "--at", "2026-11-27T10:00")  # fmt: skip
    run("case", "add", "--line", "appliance", "--promise", "2h", "--at", "2026-11-27T11:00")
    first = events(export("2026-11-27T12:00"))
    assert sorted(first) == ["jdhotline-case-1-20261127T100000", "jdhotline-case-2-20261127T110000"]
    assert events(export("2026-11-27T18:00")).keys() == first.keys()  # exported again: same UIDs

    # A second call moves the deadline: the same event, a higher SEQUENCE, the new time.
    run("case", "log", "1", "--agent", "00456", "--promise", "2h", "--at", "2026-11-28T12:00")
    later = events(export("2026-11-28T12:30", "--lang", "en"))
    event = later["jdhotline-case-1-20261127T100000"]
    assert event.decoded("dtstart") == dt.datetime(2026, 11, 28, 14, 0, tzinfo=BEIJING)
    assert int(event["sequence"]) > int(first["jdhotline-case-1-20261127T100000"]["sequence"])
    assert str(event["summary"]) == "Chase 950618 ticket 12345"
    assert "Agent ID (工号): 00456" in str(event["description"])


def test_no_open_promise_is_an_empty_calendar() -> None:
    calendar = export("2026-11-27T12:00")
    assert list(calendar.walk("VEVENT")) == []


def test_a_reopened_case_is_back_in_the_calendar_saying_so() -> None:
    run("case", "add", "--line", "regular", "--ticket", "12345", "--promise", "24h",
        "--at", "2026-11-27T10:00")  # fmt: skip
    before = events(export("2026-11-27T12:00"))["jdhotline-case-1-20261127T100000"]
    run("case", "close", "1", "--outcome", "已退款", "--at", "2026-11-27T15:00")
    assert list(export("2026-11-27T16:00").walk("VEVENT")) == []
    run("case", "reopen", "1", "--at", "2026-11-29T09:00")
    run("case", "log", "1", "--promise", "3 小时内", "--at", "2026-11-29T09:10")
    event = events(export("2026-11-29T09:30", "--lang", "zh"))["jdhotline-case-1-20261127T100000"]
    assert event.decoded("dtstart") == dt.datetime(2026, 11, 29, 12, 10, tzinfo=BEIJING)
    assert int(event["sequence"]) > int(before["sequence"])  # the same event, updated
    assert "结案后于 2026-11-29 09:00 重新打开" in str(event["description"])
    english = events(export("2026-11-29T09:30"))["jdhotline-case-1-20261127T100000"]
    assert "Reopened on 2026-11-29 09:00 after closing" in str(english["description"])
