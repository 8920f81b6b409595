"""Regenerate jdhotline/statutory.txt: China's statutory holidays for the years ahead.

    python scripts/statutory.py

The State Council announces each year's days off and adjusted working weekends (调休)
only in the autumn before it, and chinesecalendar ships them some weeks later. The
statutory holidays (法定节假日) themselves are fixed in advance by law, 《全国年节及纪念日
放假办法》 as revised in 2024: New Year's Day 1 day, Spring Festival 4 (除夕 to 初三),
Qingming 1, Labour Day 2, Dragon Boat 1, Mid-Autumn 1, National Day 3 (1-3 October).
Their dates follow from the lunar calendar and the solar terms, which python-holidays
computes. This script asks python-holidays for those days only, and checks that each
year has exactly the days the law gives, so that a change in python-holidays (a new
revision of the law, a substitute day it starts to know) stops here for a person to look
at instead of shipping. Left out on purpose: the make-up days for a holiday on a weekend
(补假) and the bridging days and adjusted working weekends, which only the notice fixes.

jdhotline reads the file at run time (workdays.py): one line a year, the year then its
days as MM-DD. tests/test_statutory.py regenerates it and fails when it differs.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "jdhotline" / "statutory.txt"
# 2025 is the first year under the 2024 revision; ten years on from 2026, the last year
# chinesecalendar 1.11 covers. A later revision of the law would be a new python-holidays
# release, and the test below this file would ask for a new file.
FIRST, LAST = 2025, 2035
# python-holidays' Chinese names (language zh_CN) and how many days the law gives each.
DAYS = {
    "元旦": 1,
    "农历除夕": 1,
    "春节": 3,
    "清明节": 1,
    "劳动节": 2,
    "端午节": 1,
    "中秋节": 1,
    "国庆节": 3,
}
_ESTIMATED = "（推定）"  # python-holidays' mark on a date it estimates

HEADER = f"""\
# China's statutory holidays (法定节假日), {FIRST}-{LAST}: the days of 《全国年节及纪念日放假办法》
# (2024 revision), computed by python-holidays; no make-up days (补假), no adjusted
# working weekends (调休): those come with each year's State Council notice.
# Written by scripts/statutory.py; do not edit (tests/test_statutory.py compares).
# One line a year: the year, then its statutory days off as MM-DD.
"""


def statutory_days(year: int) -> list[dt.date]:
    """The statutory days off of one year, checked against the law's count for each."""
    import holidays
    from holidays.constants import PUBLIC

    found = holidays.China(years=year, observed=False, categories=(PUBLIC,), language="zh_CN")
    days: set[dt.date] = set()
    counted: Counter[str] = Counter()
    for day, names in found.items():
        for name in names.split("; "):
            name = name.removesuffix(_ESTIMATED)
            if name in DAYS:  # not a substitute (休息日（由 … 调休）) or a one-off day
                days.add(day)
                counted[name] += 1
    if counted != Counter(DAYS):
        raise SystemExit(
            f"{year}: python-holidays gives {dict(counted)}, the law {DAYS}: "
            "has the law or python-holidays changed? Check before writing the file."
        )
    return sorted(days)


def render() -> str:
    lines = [HEADER.rstrip("\n")]
    for year in range(FIRST, LAST + 1):
        days = " ".join(f"{day:%m-%d}" for day in statutory_days(year))
        lines.append(f"{year} {days}")
    return "\n".join(lines) + "\n"


def main() -> int:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
