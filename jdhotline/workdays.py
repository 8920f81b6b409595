"""Working days in mainland China, adjusted working weekends (调休) included.

The official calendar comes from the ``chinesecalendar`` package, which covers
the years the State Council has published. For a year it does not cover yet,
Monday to Friday is assumed and the answer is marked unverified; a catalogue
can patch single dates by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Workday:
    is_workday: bool
    verified: bool  # False when the official calendar did not cover the date


@dataclass(frozen=True)
class WorkCalendar:
    """China's working-day calendar, with a catalogue's own corrections on top."""

    extra_holidays: frozenset[dt.date] = frozenset()
    extra_workdays: frozenset[dt.date] = frozenset()

    def check(self, day: dt.date) -> Workday:
        if day in self.extra_holidays:
            return Workday(False, True)
        if day in self.extra_workdays:
            return Workday(True, True)
        if day.year in official_years():
            return Workday(_official_is_workday(day), True)
        return Workday(day.weekday() < 5, False)


@cache
def official_years() -> frozenset[int]:
    """The years the installed chinesecalendar has official data for."""
    from chinese_calendar import constants  # imported late: it is large

    return frozenset(day.year for day in (*constants.holidays, *constants.workdays))


def _official_is_workday(day: dt.date) -> bool:
    import chinese_calendar

    return bool(chinese_calendar.is_workday(day))
