"""The promises in the caller's calendar: open cases as an iCalendar file (RFC 5545).

One event per open case with a promised deadline, in Beijing time with its VTIMEZONE:
at the deadline, or, when the line to call back is closed then (a promise due at
23:30, the merchant line on a weekend or a holiday), at the first moment after it when
the line opens, so the reminder never says to call a line that is shut; the
description then gives both times. Written with the icalendar library, which also
folds long lines, escapes text and writes the time zone the way phone and desktop
calendars expect.

Each event's UID is the case's (its number and when it was opened), so importing a
newer export updates the event instead of adding a second one; SEQUENCE counts the
case's entries, so the newer deadline wins. Pure: the moment and the working-day
calendar are passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from jdhotline.catalogue import Line
from jdhotline.i18n.words import clock, stamp, word
from jdhotline.output.script import followup
from jdhotline.record.store import Case
from jdhotline.schedule import BEIJING, status

from .console import clean

if TYPE_CHECKING:
    from jdhotline.workdays import WorkCalendar

PRODID = "-//jdhotline//case export//ZH"
EVENT_MINUTES = 15  # a call-back, not a meeting: a short slot that shows in a day view


def uid(case: Case) -> str:
    """Stable for one case: its number and the moment it was opened (Beijing time)."""
    return f"jdhotline-case-{case.id}-{case.created_at.astimezone(BEIJING):%Y%m%dT%H%M%S}"


def summary(case: Case, number: str, lang: str) -> str:
    """`催办 950618 服务单 12345`: the line to call and what to quote."""
    ticket = case.latest("ticket")
    if ticket:
        what = word(lang, "ics.ticket", ticket=ticket)
    elif case.order:
        what = word(lang, "ics.order", order=case.order)
    else:
        what = word(lang, "ics.case", id=case.id)
    return word(lang, "ics.summary", number=number, what=what)


def call_time(line: Line | None, due: dt.datetime, calendar: WorkCalendar) -> dt.datetime:
    """The first moment at or after the deadline when the line is open: the deadline
    itself when the line is open then, is unknown, or opens no more within the horizon."""
    if line is None:
        return due
    then = status(line, due, calendar)
    if then.open_now or then.next_change is None:
        return due
    return then.next_change


def description(
    case: Case, line: Line | None, due: dt.datetime, start: dt.datetime, lang: str
) -> str:
    """When the promise fell due, if the event is later; the follow-up script as it stands
    at the event, the agent's ID, the command."""
    lines = []
    if start != due:
        opens = clock(start) if start.date() == due.date() else stamp(start, lang)
        lines.append(word(lang, "ics.opens", due=stamp(due, lang), opens=opens))
    if line is not None:
        words = followup(case, line, start, lang).words
        lines.append(word(lang, "ics.say", words=words))
    agent = case.latest("agent")
    if agent:
        lines.append(word(lang, "ics.agent", agent=agent))
    reopened = [e.at.astimezone(BEIJING) for e in case.entries if e.kind == "reopen"]
    if reopened:
        # A case closed and opened again: the calendar says so, and when (Beijing time).
        when = f"{reopened[-1]:%Y-%m-%d %H:%M}"
        lines.append(word(lang, "ics.reopened", when=when))
    command = f"jdhotline case followup {case.id}"
    lines.append(word(lang, "ics.before", command=command))
    return "\n".join(lines)


def cases_ics(
    cases: Sequence[Case],
    lines: Mapping[str, Line],
    workdays: WorkCalendar,
    at: dt.datetime,
    lang: str,
) -> bytes:
    """The calendar: one VEVENT per open case with a deadline, the earliest call first."""
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", word(lang, "ics.name"))
    dtstamp = at.astimezone(dt.timezone.utc)
    calls = []  # (when to call, the deadline, the case, its line)
    for case in cases:
        if case.status == "open" and case.due is not None:
            due = case.due.astimezone(BEIJING)
            line = lines.get(case.line)
            calls.append((call_time(line, due, workdays), due, case, line))
    for start, due, case, line in sorted(calls, key=lambda c: (c[0], c[1], c[2].id)):
        number = line.number if line is not None else case.line
        title = clean(summary(case, number, lang))  # a ticket's ESC or U+202E, escaped
        event = Event()
        event.add("uid", uid(case))
        event.add("dtstamp", dtstamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=EVENT_MINUTES))
        event.add("sequence", len(case.entries))
        event.add("last-modified", case.entries[-1].at.astimezone(dt.timezone.utc))
        event.add("summary", title)
        event.add("description", clean(description(case, line, due, start, lang)))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", dt.timedelta(0))
        event.add_component(alarm)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
