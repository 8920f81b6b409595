"""Working days in mainland China, and how sure jdhotline is of each.

Three tiers of knowledge, from most to least sure:

- ``verified``: the official calendar covers the date, adjusted working weekends (调休)
  included: the State Council's notice, through the installed ``chinesecalendar`` or a
  year the catalogue declares (its ``calendar:`` block), or a date it patches by hand.
- ``statutory``: the year is not announced yet, but its statutory holidays (法定节假日)
  are fixed by law and known (statutory.txt, written from python-holidays by
  scripts/statutory.py): those are days off, the rest Monday to Friday. The make-up
  days (补假), bridging days and adjusted weekends are what the notice adds.
- ``guessed``: beyond the statutory data too: Monday to Friday.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

VERIFIED, STATUTORY, GUESSED = "verified", "statutory", "guessed"
TIERS = (VERIFIED, STATUTORY, GUESSED)  # from most to least sure
STATUTORY_FILE = Path(__file__).with_name("statutory.txt")


class Workday(NamedTuple):
    is_workday: bool
    tier: str  # verified | statutory | guessed

    @property
    def verified(self) -> bool:
        return self.tier == VERIFIED


class OfficialCalendar(NamedTuple):
    """chinesecalendar's data as plain sets."""

    years: frozenset[int]
    holidays: frozenset[dt.date]  # official days off, weekdays among them
    workdays: frozenset[dt.date]  # adjusted working days, weekends among them
    names: Mapping[dt.date, str] = MappingProxyType({})  # day off -> "National Day"

    def is_workday(self, day: dt.date) -> bool:
        # chinesecalendar's own rule (chinese_calendar.is_workday).
        return day in self.workdays or (day.weekday() < 5 and day not in self.holidays)


class DeclaredYear(NamedTuple):
    """One year of the official calendar as a catalogue declares it, from the notice."""

    year: int
    holidays: frozenset[dt.date]  # the days off (weekends among them may be listed or not)
    workdays: frozenset[dt.date]  # the weekend days worked (调休上班)

    def is_workday(self, day: dt.date) -> bool:
        return day in self.workdays or (day.weekday() < 5 and day not in self.holidays)


class StatutoryHolidays(NamedTuple):
    """The statutory days off of the years ahead: what the law fixes before any notice."""

    years: frozenset[int]
    holidays: frozenset[dt.date]


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
        names=MappingProxyType(dict(constants.holidays)),  # its names, in English
    )


@cache
def statutory_holidays(path: Path = STATUTORY_FILE) -> StatutoryHolidays:
    """statutory.txt, read when a date needs it: about 0.1 ms.

    Reading this small generated file was chosen over computing the days at run time:
    python-holidays takes ~55 ms to import and ~50 ms to build a year; the lightest lunar
    library measured (zhdate) knows no solar terms, so Qingming would need a formula
    typed here, and lunardate alone costs ~10 ms to import (README: Working days).
    """
    years: set[int] = set()
    holidays: set[dt.date] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            year, *days = line.split()
            years.add(int(year))
            holidays.update(dt.date(int(year), int(day[:2]), int(day[3:])) for day in days)
    return StatutoryHolidays(frozenset(years), frozenset(holidays))


class Coverage(NamedTuple):
    """A run of years answered the same way, for `jdhotline calendar`."""

    first: int | None  # None: every year before ``last``
    last: int | None  # None: every year from ``first`` on
    tier: str
    source: str  # catalogue | chinesecalendar | statutory | weekdays


class WorkCalendar(NamedTuple):
    """China's working-day calendar, with a catalogue's own corrections on top."""

    extra_holidays: frozenset[dt.date] = frozenset()
    extra_workdays: frozenset[dt.date] = frozenset()
    declared: tuple[DeclaredYear, ...] = ()  # years the catalogue verifies
    official: OfficialCalendar | None = None  # None: the installed chinesecalendar
    statutory: StatutoryHolidays | None = None  # None: the shipped statutory.txt

    def check(self, day: dt.date) -> Workday:
        if day in self.extra_holidays:
            return Workday(False, VERIFIED)
        if day in self.extra_workdays:
            return Workday(True, VERIFIED)
        for declared in self.declared:
            if declared.year == day.year:
                return Workday(declared.is_workday(day), VERIFIED)
        official = self._official()  # read only when a date needs it
        if day.year in official.years:
            return Workday(official.is_workday(day), VERIFIED)
        statutory = self.statutory or statutory_holidays()
        if day.year in statutory.years:
            return Workday(day.weekday() < 5 and day not in statutory.holidays, STATUTORY)
        return Workday(day.weekday() < 5, GUESSED)

    def holiday(self, day: dt.date) -> str | None:
        """The official holiday ``day`` is off for ("National Day", chinesecalendar's
        English name), when the official calendar names one."""
        if day in self.extra_holidays or day in self.extra_workdays:
            return None
        if any(declared.year == day.year for declared in self.declared):
            return None
        official = self._official()
        return official.names.get(day) if day in official.holidays else None

    def _official(self) -> OfficialCalendar:
        return self.official or official_calendar()

    def upgrade_year(self) -> int | None:
        """The one year a newer chinesecalendar could verify, unless the catalogue does.

        The State Council announces one year at a time, in the autumn or winter before
        it, and chinesecalendar ships each notice after it is out: so a release can
        cover at most the year after the last one installed, and for any later year
        upgrading cannot help yet. (An install left unupgraded for years is the one
        case this misses; jdhotline's own upgrades bring a newer chinesecalendar.)
        """
        year = max(self._official().years) + 1
        return None if any(d.year == year for d in self.declared) else year

    def upgrade_could_help(self, year: int) -> bool:
        return year == self.upgrade_year()

    def coverage(self) -> tuple[Coverage, ...]:
        """Every year, in runs: which tier answers it, and from where."""
        declared = {d.year for d in self.declared}
        official = self._official().years
        statutory = (self.statutory or statutory_holidays()).years
        first = min(official | statutory | declared)
        last = max(official | statutory | declared)

        def source(year: int) -> tuple[str, str]:
            if year in declared:
                return VERIFIED, "catalogue"
            if year in official:
                return VERIFIED, "chinesecalendar"
            if year in statutory:
                return STATUTORY, "statutory"
            return GUESSED, "weekdays"

        runs: list[Coverage] = [Coverage(None, first - 1, GUESSED, "weekdays")]
        for year in range(first, last + 1):
            tier, where = source(year)
            previous = runs[-1]
            if (previous.tier, previous.source) == (tier, where) and where != "catalogue":
                runs[-1] = previous._replace(last=year)
            else:
                runs.append(Coverage(year, year, tier, where))
        runs.append(Coverage(last + 1, None, GUESSED, "weekdays"))
        return tuple(runs)


def chinesecalendar_version() -> str:
    """The installed chinesecalendar's version, for `jdhotline calendar`."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("chinesecalendar")
    except PackageNotFoundError:
        return "?"
