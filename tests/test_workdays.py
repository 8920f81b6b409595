from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from jdhotline import workdays
from jdhotline.workdays import WorkCalendar, Workday

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.calendar
def test_adjusted_working_saturday_and_national_day() -> None:
    calendar = WorkCalendar()
    assert dt.date(2026, 10, 10).weekday() == 5  # a Saturday...
    assert calendar.check(dt.date(2026, 10, 10)) == Workday(True, True)  # ...that is worked
    for day in range(1, 8):
        assert calendar.check(dt.date(2026, 10, day)) == Workday(False, True)
    assert calendar.check(dt.date(2026, 11, 27)) == Workday(True, True)  # a Friday
    assert calendar.check(dt.date(2026, 11, 28)) == Workday(False, True)  # a Saturday


@pytest.mark.calendar
def test_uncovered_year_falls_back_to_monday_friday_unverified(calendar_ends_2026: None) -> None:
    assert max(workdays.official_calendar().years) == 2026
    calendar = WorkCalendar()
    assert calendar.check(dt.date(2027, 1, 1)) == Workday(True, False)  # a Friday, guessed
    assert calendar.check(dt.date(2027, 1, 2)) == Workday(False, False)


@pytest.mark.calendar
def test_catalogue_patches_win(calendar_ends_2026: None) -> None:
    calendar = WorkCalendar(
        extra_holidays=frozenset({dt.date(2027, 1, 1)}),
        extra_workdays=frozenset({dt.date(2026, 11, 28)}),
    )
    assert calendar.check(dt.date(2027, 1, 1)) == Workday(False, True)
    assert calendar.check(dt.date(2026, 11, 28)) == Workday(True, True)
    assert calendar.check(dt.date(2027, 1, 4)) == Workday(True, False)


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
    assert passed and int(passed.group(1)) >= 9, inner.stdout[-500:]
