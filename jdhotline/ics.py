"""The promises in the caller's calendar: open cases as an iCalendar file (RFC 5545).

One event per open case with a promised deadline, at that deadline, in Beijing time
with its VTIMEZONE. Written with the icalendar library, which also folds long lines,
escapes text and writes the time zone the way phone and desktop calendars expect.

Each event's UID is the case's (its number and when it was opened), so importing a
newer export updates the event instead of adding a second one; SEQUENCE counts the
case's entries, so the newer deadline wins. Pure: the moment is passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from .cases import Case
from .catalogue import Line
from .punctuation import zh_punctuation
from .schedule import BEIJING
from .script import followup

PRODID = "-//jdhotline//case export//ZH"
EVENT_MINUTES = 15  # a call-back, not a meeting: a short slot that shows in a day view


def uid(case: Case) -> str:
    """Stable for one case: its number and the moment it was opened (Beijing time)."""
    return f"jdhotline-case-{case.id}-{case.created_at.astimezone(BEIJING):%Y%m%dT%H%M%S}"


def summary(case: Case, number: str, lang: str) -> str:
    """`催办 950618 服务单 12345`: the line to call and what to quote."""
    zh = lang == "zh"
    ticket = case.latest("ticket")
    if ticket:
        what = f"服务单 {ticket}" if zh else f"ticket {ticket}"
    elif case.order:
        what = f"订单 {case.order}" if zh else f"order {case.order}"
    else:
        what = f"第 {case.id} 号" if zh else f"case {case.id}"
    return f"催办 {number} {what}" if zh else f"Chase {number} {what}"


def description(case: Case, line: Line | None, due: dt.datetime, lang: str) -> str:
    """The follow-up script as it stands at the deadline, the agent's ID, the command."""
    zh = lang == "zh"
    lines = []
    if line is not None:
        words = followup(case, line, due, lang).words
        lines.append(f"这样说:“{words}”" if zh else f"Say: “{words}”")
    agent = case.latest("agent")
    if agent:
        lines.append(f"工号:{agent}" if zh else f"Agent ID (工号): {agent}")
    reopened = [e.at.astimezone(BEIJING) for e in case.entries if e.kind == "reopen"]
    if reopened:
        # A case closed and opened again: the calendar says so, and when (Beijing time).
        when = f"{reopened[-1]:%Y-%m-%d %H:%M}"
        lines.append(f"结案后于 {when} 重新打开" if zh else f"Reopened on {when} after closing")
    command = f"jdhotline case followup {case.id}"
    lines.append(f"回拨前:{command}" if zh else f"Before calling: {command}")
    text = "\n".join(lines)
    return zh_punctuation(text) if zh else text  # a calendar shows it as it is


def cases_ics(
    cases: Sequence[Case], lines: Mapping[str, Line], at: dt.datetime, lang: str
) -> bytes:
    """The calendar: one VEVENT per open case with a deadline, earliest first."""
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "jdhotline 催办" if lang == "zh" else "jdhotline call-backs")
    stamp = at.astimezone(dt.timezone.utc)
    due_cases = [c for c in cases if c.status == "open" and c.due is not None]
    for case in sorted(due_cases, key=lambda c: (c.due, c.id)):
        assert case.due is not None
        due = case.due.astimezone(BEIJING)
        line = lines.get(case.line)
        number = line.number if line is not None else case.line
        title = summary(case, number, lang)
        event = Event()
        event.add("uid", uid(case))
        event.add("dtstamp", stamp)
        event.add("dtstart", due)
        event.add("dtend", due + dt.timedelta(minutes=EVENT_MINUTES))
        event.add("sequence", len(case.entries))
        event.add("last-modified", case.entries[-1].at.astimezone(dt.timezone.utc))
        event.add("summary", title)
        event.add("description", description(case, line, due, lang))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", dt.timedelta(0))
        event.add_component(alarm)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
