"""jdhotline/statutory.txt: generated from python-holidays, and right by other reckonings."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

from jdhotline.workdays import STATUTORY_FILE, statutory_holidays

from .calendars import official_until

ROOT = Path(__file__).resolve().parent.parent


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("statutory", ROOT / "scripts" / "statutory.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_file_is_what_the_script_writes() -> None:
    expected = generator().render()
    assert STATUTORY_FILE.read_text(encoding="utf-8") == expected, (
        "jdhotline/statutory.txt is out of date: run python scripts/statutory.py "
        "and review the diff (a new python-holidays, or a new revision of the law?)"
    )


def test_2027_by_the_lunar_calendar_and_the_solar_terms() -> None:
    # Worked out apart from python-holidays: Spring Festival (正月初一) 2027 is Saturday
    # 6 February, so 除夕 is the 5th and 初三 the 8th; Qingming (sun at 15°) falls on
    # 5 April; 端午 (五月初五) on 9 June; 中秋 (八月十五) on 15 September.
    expected = {
        dt.date(2027, 1, 1),
        *(dt.date(2027, 2, d) for d in (5, 6, 7, 8)),
        dt.date(2027, 4, 5),
        dt.date(2027, 5, 1),
        dt.date(2027, 5, 2),
        dt.date(2027, 6, 9),
        dt.date(2027, 9, 15),
        *(dt.date(2027, 10, d) for d in (1, 2, 3)),
    }
    assert {day for day in statutory_holidays().holidays if day.year == 2027} == expected


def test_every_year_has_the_fixed_days_and_thirteen_at_most() -> None:
    statutory = statutory_holidays()
    assert statutory.years == frozenset(range(2025, 2036))
    for year in statutory.years:
        days = {day for day in statutory.holidays if day.year == year}
        fixed = {(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)}
        assert fixed <= {(d.month, d.day) for d in days}, year
        # 13 days; 12 when Mid-Autumn falls on 1-3 October (2028, 2031).
        assert len(days) in (12, 13), year


def test_statutory_days_are_official_days_off_where_the_notices_are_known() -> None:
    official = official_until(2026)
    statutory = statutory_holidays()
    for year in statutory.years & official.years:  # 2025 and 2026
        days = {day for day in statutory.holidays if day.year == year}
        assert days <= official.holidays, sorted(days - official.holidays)
