from __future__ import annotations

import datetime as dt

from jdhotline.workdays import WorkCalendar, Workday, official_calendar


def test_adjusted_working_saturday_and_national_day() -> None:
    calendar = WorkCalendar()
    assert dt.date(2026, 10, 10).weekday() == 5  # a Saturday...
    assert calendar.check(dt.date(2026, 10, 10)) == Workday(True, True)  # ...that is worked
    for day in range(1, 8):
        assert calendar.check(dt.date(2026, 10, day)) == Workday(False, True)
    assert calendar.check(dt.date(2026, 11, 27)) == Workday(True, True)  # a Friday
    assert calendar.check(dt.date(2026, 11, 28)) == Workday(False, True)  # a Saturday


def test_uncovered_year_falls_back_to_monday_friday_unverified() -> None:
    years = official_calendar().years
    assert 2026 in years and 2027 not in years
    calendar = WorkCalendar()
    assert calendar.check(dt.date(2027, 1, 1)) == Workday(True, False)  # a Friday, guessed
    assert calendar.check(dt.date(2027, 1, 2)) == Workday(False, False)


def test_catalogue_patches_win() -> None:
    calendar = WorkCalendar(
        extra_holidays=frozenset({dt.date(2027, 1, 1)}),
        extra_workdays=frozenset({dt.date(2026, 11, 28)}),
    )
    assert calendar.check(dt.date(2027, 1, 1)) == Workday(False, True)
    assert calendar.check(dt.date(2026, 11, 28)) == Workday(True, True)
    assert calendar.check(dt.date(2027, 1, 4)) == Workday(True, False)
