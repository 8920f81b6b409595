from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jdhotline.workdays import (
    GUESSED,
    STATUTORY,
    VERIFIED,
    Coverage,
    DeclaredYear,
    WorkCalendar,
    Workday,
    fixed_holidays,
    statutory_holidays,
)

from .calendars import official_until

OFFICIAL = official_until(2026)  # 2027 is not announced, whatever chinesecalendar is installed
CALENDAR = WorkCalendar(official=OFFICIAL)


def days_of(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + dt.timedelta(n) for n in range((dt.date(year + 1, 1, 1) - first).days)]


@pytest.mark.calendar
def test_adjusted_working_saturday_and_national_day() -> None:
    assert dt.date(2026, 10, 10).weekday() == 5  # a Saturday...
    assert CALENDAR.check(dt.date(2026, 10, 10)) == Workday(True, VERIFIED)  # ...that is worked
    for day in range(1, 8):
        assert CALENDAR.check(dt.date(2026, 10, day)) == Workday(False, VERIFIED)
    assert CALENDAR.check(dt.date(2026, 11, 27)) == Workday(True, VERIFIED)  # a Friday
    assert CALENDAR.check(dt.date(2026, 11, 28)) == Workday(False, VERIFIED)  # a Saturday


@pytest.mark.calendar
def test_every_2026_day_is_verified_and_official() -> None:
    calendar = WorkCalendar()  # the installed chinesecalendar, as answers use it
    for day in days_of(2026):
        assert calendar.check(day) == Workday(chinese_calendar.is_workday(day), VERIFIED), day


@pytest.mark.calendar
def test_2027_statutory_holidays_are_days_off_and_the_rest_monday_to_friday() -> None:
    off = [
        "2027-01-01",  # New Year's Day, a Friday
        "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08",  # 除夕 to 初三
        "2027-04-05",  # Qingming
        "2027-05-01", "2027-05-02",  # Labour Day
        "2027-06-09",  # Dragon Boat
        "2027-09-15",  # Mid-Autumn
        "2027-10-01", "2027-10-02", "2027-10-03",  # National Day
    ]  # fmt: skip
    for text in off:
        assert CALENDAR.check(dt.date.fromisoformat(text)) == Workday(False, STATUTORY), text
    assert CALENDAR.check(dt.date(2027, 1, 6)) == Workday(True, STATUTORY)  # a Wednesday
    assert CALENDAR.check(dt.date(2027, 1, 9)) == Workday(False, STATUTORY)  # a Saturday
    # Issue 18: the law's make-up days (补假) for 02-06 and 02-07, a weekend, are off...
    assert CALENDAR.check(dt.date(2027, 2, 9)) == Workday(False, STATUTORY)
    assert CALENDAR.check(dt.date(2027, 2, 10)) == Workday(False, STATUTORY)
    # ...and a bridging day only the notice can fix is not.
    assert CALENDAR.check(dt.date(2027, 2, 11)) == Workday(True, STATUTORY)


@pytest.mark.calendar
def test_beyond_the_statutory_data_monday_to_friday_is_guessed() -> None:
    last = max(statutory_holidays().years)
    new_year = dt.date(last + 1, 1, 1)
    # Issue 18: the holidays the law fixes by date are off in any year.
    assert CALENDAR.check(new_year) == Workday(False, GUESSED)
    assert CALENDAR.check(new_year + dt.timedelta(days=6)) == Workday(
        (new_year + dt.timedelta(days=6)).weekday() < 5, GUESSED
    )
    assert CALENDAR.check(dt.date(2003, 12, 31)) == Workday(True, GUESSED)  # a Wednesday


@pytest.mark.calendar
def test_catalogue_patches_and_declared_years_win() -> None:
    declared = DeclaredYear(
        2027,
        frozenset({dt.date(2027, 2, 9), dt.date(2027, 2, 10)}),
        frozenset({dt.date(2027, 2, 20)}),
    )
    calendar = WorkCalendar(
        extra_holidays=frozenset({dt.date(2028, 1, 3)}),
        extra_workdays=frozenset({dt.date(2026, 11, 28)}),
        declared=(declared,),
        official=OFFICIAL,
    )
    assert calendar.check(dt.date(2028, 1, 3)) == Workday(False, VERIFIED)
    assert calendar.check(dt.date(2026, 11, 28)) == Workday(True, VERIFIED)
    assert calendar.check(dt.date(2028, 1, 4)) == Workday(True, STATUTORY)
    assert calendar.check(dt.date(2027, 2, 9)) == Workday(False, VERIFIED)  # declared off
    assert calendar.check(dt.date(2027, 2, 20)) == Workday(True, VERIFIED)  # a Saturday worked
    # A declared year is the whole notice: a day it does not list is an ordinary day.
    assert calendar.check(dt.date(2027, 2, 8)) == Workday(True, VERIFIED)


@pytest.mark.calendar
def test_the_upgrade_hint_is_for_the_next_year_only() -> None:
    assert CALENDAR.upgrade_year() == 2027
    assert [CALENDAR.upgrade_could_help(y) for y in (2026, 2027, 2028)] == [False, True, False]
    declared = WorkCalendar(
        declared=(DeclaredYear(2027, frozenset({dt.date(2027, 1, 1)}), frozenset()),),
        official=OFFICIAL,
    )
    assert declared.upgrade_year() is None


@pytest.mark.calendar
def test_coverage_says_where_each_year_comes_from() -> None:
    last = max(statutory_holidays().years)
    declared = WorkCalendar(
        declared=(DeclaredYear(2027, frozenset({dt.date(2027, 1, 1)}), frozenset()),),
        official=OFFICIAL,
    )
    assert declared.coverage() == (
        Coverage(None, 2003, GUESSED, "weekdays"),
        Coverage(2004, 2026, VERIFIED, "chinesecalendar"),
        Coverage(2027, 2027, VERIFIED, "catalogue"),
        Coverage(2028, last, STATUTORY, "statutory"),
        Coverage(last + 1, None, GUESSED, "weekdays"),
    )


@pytest.mark.calendar
@given(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
def test_each_date_has_the_tier_of_its_year(day: dt.date) -> None:
    statutory = statutory_holidays()
    answer = CALENDAR.check(day)
    if day.year in OFFICIAL.years:
        assert answer == Workday(OFFICIAL.is_workday(day), VERIFIED)
    elif day.year in statutory.years:
        assert answer.tier == STATUTORY
        assert answer.is_workday == (day.weekday() < 5 and not statutory.is_off(day))
    else:
        assert answer == Workday(day.weekday() < 5 and day not in fixed_holidays(day.year), GUESSED)


ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow  # a second pytest over the calendar tests (6 s of CPU): .ci/run runs it
def test_calendar_tests_hold_when_chinesecalendar_covers_2027(tmp_path: Path) -> None:
    """The day a chinesecalendar release covers 2027, no test breaks.

    The fake release is the installed one with 2027's New Year's Day added, first on
    PYTHONPATH; the tests marked `calendar` run against it in a fresh pytest.
    """
    spec = find_spec("chinese_calendar")
    assert spec is not None and spec.origin is not None
    fake = tmp_path / "release" / "chinese_calendar"
    shutil.copytree(Path(spec.origin).parent, fake, ignore=shutil.ignore_patterns("__pycache__"))
    with (fake / "constants.py").open("a", encoding="utf-8") as constants:
        constants.write("\nholidays[datetime.date(2027, 1, 1)] = Holiday.new_years_day.value\n")
    env = dict(os.environ, PYTHONPATH=str(fake.parent))

    probe = "from jdhotline.workdays import official_calendar as o; print(max(o().years))"
    covered = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert covered.stdout.strip() == "2027", covered.stderr  # the fake release is the one read

    marked = [str(path) for path in sorted((ROOT / "tests").glob("test_*.py"))
              if "@pytest.mark.calendar" in path.read_text(encoding="utf-8")]  # fmt: skip
    inner = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-m", "calendar", "-p", "no:cacheprovider",
         "-p", "no:randomly", "--basetemp", str(tmp_path / "inner"), *marked],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert inner.returncode == 0, inner.stdout[-3000:]
    passed = re.search(r"(\d+) passed", inner.stdout)
    assert passed and int(passed.group(1)) >= 14, inner.stdout[-500:]
