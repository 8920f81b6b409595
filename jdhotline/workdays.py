"""Working days in mainland China, adjusted working weekends (调休) included.

The official calendar comes from the ``chinesecalendar`` package, which covers
the years the State Council has published. For a year it does not cover yet,
Monday to Friday is assumed and the answer is marked unverified; a catalogue
can patch single dates by hand.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import NamedTuple


class Workday(NamedTuple):
    is_workday: bool
    verified: bool  # False when the official calendar did not cover the date


class OfficialCalendar(NamedTuple):
    """chinesecalendar's data as plain sets."""

    years: frozenset[int]
    holidays: frozenset[dt.date]  # official days off, weekdays among them
    workdays: frozenset[dt.date]  # adjusted working days, weekends among them

    def is_workday(self, day: dt.date) -> bool:
        # chinesecalendar's own rule (chinese_calendar.is_workday).
        return day in self.workdays or (day.weekday() < 5 and day not in self.holidays)


@cache
def official_calendar() -> OfficialCalendar:
    """The installed chinesecalendar's data, read once per process."""
    from chinese_calendar import constants  # imported late: it is large

    holidays = frozenset(constants.holidays)
    first, last = min(holidays).year, max(holidays).year  # the range chinesecalendar accepts
    return OfficialCalendar(
        years=frozenset(range(first, last + 1)),
        holidays=holidays,
        workdays=frozenset(constants.workdays),
    )


class WorkCalendar(NamedTuple):
    """China's working-day calendar, with a catalogue's own corrections on top."""

    extra_holidays: frozenset[dt.date] = frozenset()
    extra_workdays: frozenset[dt.date] = frozenset()

    def check(self, day: dt.date) -> Workday:
        if day in self.extra_holidays:
            return Workday(False, True)
        if day in self.extra_workdays:
            return Workday(True, True)
        official = official_calendar()  # read only when a date needs it
        if day.year in official.years:
            return Workday(official.is_workday(day), True)
        return Workday(day.weekday() < 5, False)
