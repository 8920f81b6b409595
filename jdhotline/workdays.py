"""Working days in mainland China, and how sure jdhotline is of each.

Three tiers of knowledge, from most to least sure:

- ``verified``: the official calendar covers the date, adjusted working weekends (调休)
  included: the State Council's notice, through the installed ``chinesecalendar`` or a
  year the catalogue declares (its ``calendar:`` block), or a date it patches by hand.
- ``statutory``: the year is not announced yet, but its statutory holidays (法定节假日)
  are fixed by law and known (statutory.txt, written from python-holidays by
  scripts/statutory.py): those are days off, and so is a weekday in place of each that
  falls on a weekend (补假, make_up_days), the rest Monday to Friday. The bridging days
  and adjusted weekends are what the notice adds.
- ``guessed``: beyond the statutory data too: Monday to Friday, less the holidays the
  law fixes by date (New Year's Day, 1-2 May, 1-3 October) and their make-up days.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
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
    holidays: frozenset[dt.date]  # the law's days, as statutory.txt lists them
    make_up: frozenset[dt.date] = frozenset()  # a weekday off for each on a weekend (补假)
    names: Mapping[dt.date, str] = MappingProxyType({})  # day off -> "National Day"

    def is_off(self, day: dt.date) -> bool:
        return day in self.holidays or day in self.make_up


# The holidays the law fixes by date (《全国年节及纪念日放假办法》, article 2), known in
# any year; the lunar ones (Spring Festival, Dragon Boat, Mid-Autumn) and Qingming are not.
FIXED_HOLIDAYS = {
    (1, 1): "New Year's Day",
    (5, 1): "Labour Day", (5, 2): "Labour Day",
    (10, 1): "National Day", (10, 2): "National Day", (10, 3): "National Day",
}  # fmt: skip


def make_up_days(days: Iterable[dt.date]) -> dict[dt.date, dt.date]:
    """补假: a weekday off in place of each statutory day on a Saturday or Sunday.

    The law (article 6: 全体公民放假的假日，如果适逢周六、周日，应当在工作日补假) says
    that one is given, not which: the notices give the first weekday after the holiday
    that is not a day off already. Checked against the notices of 2008-2026
    (tests/test_right3_record.py): right but twice, 2012 (the Friday before Dragon Boat)
    and 2015 (Mid-Autumn's folded into National Day's week). Returns make-up -> the day
    it stands in for.
    """
    off = set(days)
    made: dict[dt.date, dt.date] = {}
    for day in sorted(off):
        if day.weekday() < 5:
            continue
        instead = day + dt.timedelta(days=1)
        while instead.weekday() >= 5 or instead in off:
            instead += dt.timedelta(days=1)
        made[instead] = day
        off.add(instead)
    return made


def statutory_name(day: dt.date) -> str:
    """Which statutory holiday a day of statutory.txt is, by where it falls in the year:
    the file holds the law's days only, and each holiday has its own season."""
    if (day.month, day.day) in FIXED_HOLIDAYS:
        return FIXED_HOLIDAYS[day.month, day.day]
    if day.month <= 2:
        return "Spring Festival"
    if day.month == 4:
        return "Tomb-sweeping Day"
    if day.month in (5, 6):
        return "Dragon Boat Festival"
    return "Mid-autumn Festival"  # September or October


def _with_make_up(days: Mapping[dt.date, str]) -> dict[dt.date, str]:
    named = dict(days)
    for instead, day in make_up_days(days).items():
        named[instead] = days[day]
    return named


@cache
def fixed_holidays(year: int) -> Mapping[dt.date, str]:
    """The days off the law fixes by date in ``year``, with their make-up days."""
    days = {dt.date(year, month, day): name for (month, day), name in FIXED_HOLIDAYS.items()}
    return MappingProxyType(_with_make_up(days))


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
    law: set[dt.date] = set()
    names: dict[dt.date, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            year, *days = line.split()
            years.add(int(year))
            found = {dt.date(int(year), int(day[:2]), int(day[3:])) for day in days}
            law |= found
            names.update(_with_make_up({day: statutory_name(day) for day in found}))
    return StatutoryHolidays(
        frozenset(years), frozenset(law), frozenset(names) - law, MappingProxyType(names)
    )


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
            return Workday(day.weekday() < 5 and not statutory.is_off(day), STATUTORY)
        return Workday(day.weekday() < 5 and day not in fixed_holidays(day.year), GUESSED)

    def holiday(self, day: dt.date) -> str | None:
        """The holiday ``day`` is off for ("National Day", chinesecalendar's English
        name), when the official calendar, the statutory data or the law's fixed dates
        name one."""
        if day in self.extra_holidays or day in self.extra_workdays:
            return None
        if any(declared.year == day.year for declared in self.declared):
            return None
        official = self._official()
        if day.year in official.years:
            return official.names.get(day) if day in official.holidays else None
        statutory = self.statutory or statutory_holidays()
        if day.year in statutory.years:
            return statutory.names.get(day)
        return fixed_holidays(day.year).get(day)

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
        known = self._official().years
        if not known:  # no official data at all (an empty OfficialCalendar): nothing to upgrade
            return None
        year = max(known) + 1
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


RUNS_OUT_YEARS = 2  # `calendar` warns this many years before the statutory data ends


def statutory_runs_out(rows: tuple[Coverage, ...], year: int) -> int | None:
    """The last year of statutory data, when ``year`` is near it or past it: after it,
    the lunar holidays are unknown (a jdhotline release extends the data)."""
    last = max((row.last for row in rows if row.tier == STATUTORY and row.last), default=None)
    return last if last is not None and year >= last - RUNS_OUT_YEARS else None


def chinesecalendar_version() -> str:
    """The installed chinesecalendar's version, for `jdhotline calendar`."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("chinesecalendar")
    except PackageNotFoundError:
        return "?"
