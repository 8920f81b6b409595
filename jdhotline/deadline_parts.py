"""What deadline.py and deadline_spoken.py share: Chinese numerals, the end of a day,
and the day a date said without a year names. No patterns here: a follow-up that only
says a promise back (deadline.span_said) imports this, not the spoken forms' patterns.
"""

from __future__ import annotations

import datetime as dt

END_OF_DAY = dt.time(23, 59)  # "明天", "周五", a date: the promise holds until then

_CN_DIGITS = dict(
    zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True)
)


def chinese_number(text: str) -> int | None:
    """十二 -> 12, 二十四 -> 24, 两 -> 2, 一百零五 -> 105; None if it is not a number."""
    total, current, after_digit = 0, 0, False
    for char in text:
        if char in _CN_DIGITS:
            if after_digit:  # "三三" is no number
                return None
            current, after_digit = _CN_DIGITS[char], char not in "零〇"
        elif char == "十":
            total, current, after_digit = total + (current or 1) * 10, 0, False
        elif char == "百":
            if total:  # "十百"
                return None
            total, current, after_digit = (current or 1) * 100, 0, False
        else:
            return None
    return total + current


def yearless_day(month: int, day: int, today: dt.date) -> dt.date | None:
    """A date said without a year ("12-10", "12月10日"): the next such day, this year's
    or next year's (02-29 where there is one), or one less than 183 days past, a slip
    the caller refuses as before the call (12-07 said on 12-08 is not next December).
    None when there is no such day (13-40)."""
    days = []
    for year in (today.year, today.year + 1):
        try:
            days.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not days:
        return None
    if days[0] < today and (today - days[0]).days < 183:
        return days[0]
    return next((d for d in days if d >= today), days[-1])
