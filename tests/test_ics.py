"""`case export --format ics`: parsed back with icalendar, times, zone and UIDs checked;
an event falls when the line to call back is open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from jdhotline.cli import commands as cli
from jdhotline.schedule import BEIJING

from .conftest import bj, dump_yaml, line_data

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
        "催办 400-610-1360 记录 2",  # earliest deadline first
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


# ------------------------------------------------------- an event when the line is open


def at_lines(calendar: Calendar) -> list[tuple[dt.datetime, list[str]]]:
    """Each event's start and its description's lines, in the file's order."""
    return [
        (e.decoded("dtstart"), str(e["description"]).split("\n")) for e in calendar.walk("VEVENT")
    ]


def test_a_deadline_in_open_hours_stays_where_it_is() -> None:
    # The appliance line is open 09:00-21:00 every day: 20:45 and 09:00 are inside.
    run("case", "add", "--line", "appliance", "--promise", "2026-11-28T20:45",
        "--at", "2026-11-27T10:00")  # fmt: skip
    run("case", "add", "--line", "appliance", "--promise", "2026-11-29T09:00",
        "--at", "2026-11-27T10:00")  # fmt: skip
    found = at_lines(export("2026-11-27T12:00", "--lang", "zh"))
    assert [start for start, _ in found] == [bj("2026-11-28 20:45"), bj("2026-11-29 09:00")]
    for _, description in found:
        assert description[0].startswith("这样说：")  # no word of another time
        assert "超时" not in description[0]  # called at the deadline: not overdue yet


def test_a_deadline_at_night_moves_to_the_next_opening_and_says_both_times() -> None:
    run("case", "add", "--line", "appliance", "--ticket", "12345", "--promise",
        "2026-11-28T23:30", "--at", "2026-11-27T10:00")  # fmt: skip
    run("case", "add", "--line", "appliance", "--promise", "2026-11-28T01:00",
        "--at", "2026-11-27T22:00")  # fmt: skip
    calendar = export("2026-11-27T22:30", "--lang", "zh")
    early, late = calendar.walk("VEVENT")
    assert early.decoded("dtstart") == bj("2026-11-28 09:00")  # the same morning
    assert early.decoded("dtend") == bj("2026-11-28 09:15")
    assert str(early["description"]).split("\n")[:2] == [
        "承诺期限 11 月 28 日周六 01:00；热线 09:00 开始接听（北京时间）",
        "这样说：“客服承诺 3 小时内反馈，工号没记下，现在已超时 8 小时，麻烦催进度”",
    ]
    assert late.decoded("dtstart") == bj("2026-11-29 09:00")  # the next day's opening
    assert str(late["description"]).startswith(
        "承诺期限 11 月 28 日周六 23:30；热线 11 月 29 日周日 09:00 开始接听（北京时间）\n"
    )
    assert late.walk("VALARM")[0].decoded("trigger") == dt.timedelta(0)  # rings at 09:00
    english = events(export("2026-11-27T22:30"))["jdhotline-case-1-20261127T100000"]
    assert str(english["description"]).split("\n")[:2] == [
        "Promised by 2026-11-28 Sat 23:30; the line opens 2026-11-29 Sun 09:00 (Beijing time)",
        "Say: “An agent promised feedback by 28 November 23:30 (Beijing time); I did not "
        "get their ID; "
        "it is now 9 h 30 min overdue; please chase it; service ticket 12345.”",
    ]
    zh = events(export("2026-11-27T22:30", "--lang", "zh"))["jdhotline-case-1-20261127T100000"]
    assert "客服承诺在 11 月 28 日 23:30 前反馈，工号没记下，" in str(zh["description"])


def test_a_promise_in_days_is_said_in_days() -> None:
    run("case", "add", "--line", "regular", "--promise", "3d", "--at", "2026-11-27T10:00")
    run("case", "add", "--line", "regular", "--promise", "24h", "--at", "2026-11-27T10:00")
    found = events(export("2026-11-27T11:00", "--lang", "zh"))
    three, one = (found[f"jdhotline-case-{n}-20261127T100000"] for n in (1, 2))
    assert "客服承诺 3 天内反馈，工号没记下，" in str(three["description"])
    assert "72 小时" not in str(three["description"])
    assert "客服承诺 24 小时内反馈，工号没记下，" in str(one["description"])  # the guide's words
    assert str(three["summary"]) == "催办 950618 记录 1"  # no order, no ticket
    english = events(export("2026-11-27T11:00"))["jdhotline-case-1-20261127T100000"]
    assert "An agent promised feedback within 3 days; I did not get their ID;" in str(
        english["description"]
    )


def test_the_merchant_line_moves_to_the_next_working_day() -> None:
    # 09:00-18:00 on China's working days (2026: National Day 1-7 October, and Saturday
    # 10 October a working day in exchange).
    for called in ("2026-11-27T10:00", "2026-09-30T10:00", "2026-10-09T10:00"):
        run("case", "add", "--line", "merchant", "--order", "999", "--promise", "1d",
            "--at", called)  # fmt: skip
    found = at_lines(export("2026-09-30T12:00", "--lang", "zh"))
    assert [start for start, _ in found] == [
        bj("2026-10-08 09:00"),  # due on National Day: the first working day after it
        bj("2026-10-10 10:00"),  # due on a working Saturday: it stays
        bj("2026-11-30 09:00"),  # due on Saturday 28 November: Monday's opening
    ]
    holiday, saturday, weekend = (description[0] for _, description in found)
    assert (
        holiday == "承诺期限 10 月 1 日周四 10:00；热线 10 月 8 日周四 09:00 开始接听（北京时间）"
    )
    assert saturday.startswith("这样说：")
    assert (
        weekend == "承诺期限 11 月 28 日周六 10:00；热线 11 月 30 日周一 09:00 开始接听（北京时间）"
    )
    english = at_lines(export("2026-09-30T12:00", "--lang", "en"))
    assert english[0][1][0] == (
        "Promised by 2026-10-01 Thu 10:00; the line opens 2026-10-08 Thu 09:00 (Beijing time)"
    )


def test_a_line_the_catalogue_no_longer_has_keeps_the_deadline(
    tmp_path: Path, data: dict[str, Any]
) -> None:
    line_data(data, "appliance")["id"] = "repairs"
    mine = tmp_path / "mine.yaml"
    mine.write_text(dump_yaml(data, sort_keys=True), encoding="utf-8")
    run("case", "add", "--line", "repairs", "--promise", "2026-11-28T23:30",
        "--at", "2026-11-27T10:00", "--catalog", str(mine))  # fmt: skip
    (event,) = export("2026-11-27T12:00", "--lang", "zh").walk("VEVENT")
    assert event.decoded("dtstart") == bj("2026-11-28 23:30")  # hours unknown: the deadline
    assert str(event["summary"]) == "催办 repairs 记录 1"
    assert str(event["description"]) == "回拨前：jdhotline case followup 1"
