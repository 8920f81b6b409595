"""Calendars for tests: the official coverage pinned to what chinesecalendar 1.11 has.

A test about a year the installed chinesecalendar does not cover yet would change its
meaning the day a release covers it. These tests cut the installed data at 2026 instead,
so that 2027 stays "not announced" for them whatever is installed.
"""

from __future__ import annotations

import pytest

from jdhotline import workdays
from jdhotline.workdays import OfficialCalendar, official_calendar

OFFICIAL_LAST = 2026  # the last year chinesecalendar 1.11 covers


def official_until(last: int = OFFICIAL_LAST) -> OfficialCalendar:
    """The installed chinesecalendar's data, cut at the end of ``last``."""
    full = official_calendar()
    assert last in full.years, f"the installed chinesecalendar does not reach {last}"
    return OfficialCalendar(
        years=frozenset(year for year in full.years if year <= last),
        holidays=frozenset(day for day in full.holidays if day.year <= last),
        workdays=frozenset(day for day in full.workdays if day.year <= last),
        names={day: name for day, name in full.names.items() if day.year <= last},
    )


def pin_official(monkeypatch: pytest.MonkeyPatch, last: int = OFFICIAL_LAST) -> None:
    """Every calendar made in this test (the CLI's included) sees data up to ``last`` only."""
    pinned = official_until(last)
    monkeypatch.setattr(workdays, "official_calendar", lambda: pinned)
