"""A promised deadline as agents say it: "24 小时内回电", "3个工作日内", "明天", "1-3天",
"24 hours", "1.5h", "12-10", "2026/12/10"; a weekday, a month's end or an hour
("下周一前", "月底前", "明天下午5点前", "by next Monday") are read by deadline_spoken.py.

Pure: the moment of the call and the working-day calendar come in as arguments. The
readings where the agent's words leave a choice (README: "Promises as the agent says them"):

- a day ("明天", "今天内", "12-10", "2026-12-10") holds until that day's end, 23:59;
- N working days (工作日) end at 23:59 on the Nth working day after the day of the call
  (the day of the call does not count), by jdhotline's own working-day calendar;
- a range ("1-3天", "1到3个工作日") means its far end: that is when the promise is broken;
- a date without a year ("12-10", "12月10日") is the next such day, this year or the next.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING

from .deadline_parts import END_OF_DAY, chinese_number, yearless_day
from .errors import Problem
from .schedule import in_range, to_beijing

if TYPE_CHECKING:
    from .workdays import WorkCalendar

PROMISE_DAYS = 366  # a promise further away than this is a typo, not a promise

MINUTE, HOUR, DAY, WEEK = 1, 60, 24 * 60, 7 * 24 * 60
WORKDAY = 0  # counted on the calendar, not in minutes

# Each unit as agents say it and as typed in English, longest first in the pattern.
_UNITS = {
    "分钟": MINUTE, "分": MINUTE, "minutes": MINUTE, "minute": MINUTE, "mins": MINUTE,
    "min": MINUTE, "m": MINUTE,
    "小时": HOUR, "钟头": HOUR, "hours": HOUR, "hour": HOUR, "hrs": HOUR, "hr": HOUR, "h": HOUR,
    "工作日": WORKDAY, "workingdays": WORKDAY, "workingday": WORKDAY, "businessdays": WORKDAY,
    "businessday": WORKDAY, "workdays": WORKDAY, "workday": WORKDAY,
    "天": DAY, "日": DAY, "days": DAY, "day": DAY, "d": DAY,
    "周": WEEK, "星期": WEEK, "礼拜": WEEK, "weeks": WEEK, "week": WEEK, "wk": WEEK, "w": WEEK,
}  # fmt: skip
_UNIT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_CN_NUMBER = "[零〇一二两三四五六七八九十百]+"
_NUMBER = rf"(?:[0-9]+(?:\.[0-9]+)?|{_CN_NUMBER})"  # ٣ is no 3
# What may come after the deadline: "内", "以内", "之内", "之前", "后" ("3小时后回电":
# the call-back is the promise) and the agent's verb
# ("回电", "给您回复", "处理完"); Chinese words only, so no second number slips in.
_AFTER = r"(?P<mark>以内|之内|内|之前|以前|前|之后|以后|后)?(?P<rest>[\u4e00-\u9fff]*)"
_BEFORE = r"(?:within|in|by|before|在|会在|预计|预计在)?"
_RELATIVE = re.compile(
    rf"{_BEFORE}(?:(?P<low>{_NUMBER})(?:-|~|到|至))?(?P<n>{_NUMBER}|半)"
    rf"(?P<half>个半|半)?个?(?P<unit>{_UNIT}){_AFTER}"
)
_DAY_WORDS = {
    "今天": 0, "今日": 0, "当天": 0, "today": 0, "endoftoday": 0, "endofday": 0,
    "明天": 1, "明日": 1, "tomorrow": 1, "endoftomorrow": 1,
    "后天": 2, "dayaftertomorrow": 2,
}  # fmt: skip
_DAY_WORD = re.compile(
    rf"{_BEFORE}(?:the)?(?P<word>{'|'.join(sorted(_DAY_WORDS, key=len, reverse=True))})" + _AFTER
)
_DATE = re.compile(
    r"(?:(?P<year>[0-9]{4})[-/.年])?(?P<month>[0-9]{1,2})[-/.月](?P<day>[0-9]{1,2})[日号]?"
    r"(?:t?(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2}))?" + _AFTER
)

_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万半点")


def _rest(compact: str) -> str:
    """The words after the deadline ("回电"), by whichever pattern reads it."""
    for pattern in (_RELATIVE, _DAY_WORD, _DATE):
        if found := pattern.fullmatch(compact):
            return found["rest"]
    return ""


def _number(text: str) -> float | None:
    if text == "半":
        return 0.5
    if text[0].isdigit():
        if len(text.split(".")[0].lstrip("0")) > 10:
            return float("inf")
        return float(text)
    found = chinese_number(text)
    return None if found is None else float(found)


def read_deadline(text: str, at: dt.datetime, calendar: WorkCalendar | None = None) -> dt.datetime:
    """The deadline ``text`` promises, for a call at ``at`` (Beijing time)."""
    value = unicodedata.normalize("NFKC", text).strip().lower()
    call = to_beijing(at)
    if iso := _iso(value):  # an ISO 8601 moment, which may hold a space: 2026-12-10 18:00
        return _check(in_range(iso), call, text)
    compact = re.sub(r"\s+", "", value)
    from .deadline_spoken import spoken  # its patterns: only when a promise is read

    if due := spoken(compact, call, text):  # 下周一前, 月底, 明天下午5点前, by Friday
        return _check(in_range(due), call, text)
    if _NUMERALS & set(_rest(compact)):  # "1小时半", "明天三点": more said than read
        raise Problem("promise.not_deadline", text=text)
    if found := _RELATIVE.fullmatch(compact):
        return _relative(found, call, text, calendar)
    if found := _DAY_WORD.fullmatch(compact):
        day = call.date() + dt.timedelta(days=_DAY_WORDS[found["word"]])
        return _check(_end_of(day), call, text)
    if found := _DATE.fullmatch(compact):
        return _date(found, call, text)
    raise Problem("promise.not_deadline", text=text)


# What an agent promises to do within a span, as a follow-up says it back ("48小时内上门":
# 承诺 48 小时内上门); any other words are the guide's 反馈.
ACTS = ("上门", "回电", "回复", "答复", "处理", "退款", "到账", "发货", "送达", "安装", "维修",
        "联系", "回访", "解决")  # fmt: skip
_POLITE = ("给您", "给你", "帮您", "为您")


def span_said(text: str) -> tuple[float, str, str | None] | None:
    """The number, unit and act of a promise said as a span ("48小时内上门" -> (48,
    "hours", "上门"), "1-3个工作日" -> (3, "workdays", None)), so it can be said back in
    the agent's words; None for a day, a moment or anything else."""
    compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).strip().lower())
    found = _RELATIVE.fullmatch(compact)
    if found is None or _NUMERALS & set(found["rest"]):
        return None
    number = _number(found["n"])
    if number is None:
        return None
    if found["half"]:
        number += 0.5
    names = {MINUTE: "minutes", HOUR: "hours", DAY: "days", WEEK: "weeks", WORKDAY: "workdays"}
    rest = found["rest"]
    for polite in _POLITE:
        rest = rest.removeprefix(polite)
    within = found["mark"] in ("以内", "之内", "内")
    act = next((act for act in ACTS if rest.startswith(act)), None) if within else None
    return number, names[_UNITS[found["unit"]]], act


def _relative(
    found: re.Match[str], call: dt.datetime, text: str, calendar: WorkCalendar | None
) -> dt.datetime:
    number = _number(found["n"])
    if number is None or (found["low"] and _number(found["low"]) is None):
        raise Problem("promise.not_deadline", text=text)
    if found["half"]:
        if found["n"] == "半":
            raise Problem("promise.not_deadline", text=text)
        number += 0.5
    unit = _UNITS[found["unit"]]
    if found["n"] == "半" and unit != HOUR:  # 半天 says no time: half the working day?
        raise Problem("promise.not_deadline", text=text)
    if number == float("inf") or number > PROMISE_DAYS * DAY:
        raise Problem("promise.too_far", text=text)
    if unit == WORKDAY:
        if number != int(number):  # 1.5 个工作日: no such thing
            raise Problem("promise.not_deadline", text=text)
        if number == 0:
            raise Problem("promise.at_call", text=text)
        if number > PROMISE_DAYS:
            raise Problem("promise.too_far", text=text)
        return _check(_working_days(int(number), call, calendar), call, text)
    minutes = round(number * unit)
    if minutes == 0:
        raise Problem("promise.at_call", text=text)
    if minutes > PROMISE_DAYS * DAY:
        raise Problem("promise.too_far", text=text)
    return in_range(call + dt.timedelta(minutes=minutes))


def _working_days(count: int, call: dt.datetime, calendar: WorkCalendar | None) -> dt.datetime:
    """23:59 on the ``count``-th working day after the day of the call."""
    if calendar is None:
        from .workdays import WorkCalendar

        calendar = WorkCalendar()
    day, seen = call.date(), 0
    while seen < count:
        day += dt.timedelta(days=1)
        if calendar.check(day).is_workday:
            seen += 1
    return _end_of(day)


def _iso(value: str) -> dt.datetime | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value, re.ASCII):
        return None  # a day, read below: until its end
    try:
        return dt.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return None


def _date(found: re.Match[str], call: dt.datetime, text: str) -> dt.datetime:
    month, day_of_month = int(found["month"]), int(found["day"])
    try:
        if found["year"]:
            day: dt.date | None = dt.date(int(found["year"]), month, day_of_month)
        else:  # the next such day (12-10 said on 12-08 is this year's; 01-05 next year's)
            day = yearless_day(month, day_of_month, call.date())
        time = (
            END_OF_DAY
            if found["hour"] is None
            else dt.time(int(found["hour"]), int(found["minute"]))
        )
    except ValueError:  # 13-40, 25:00, or 2026-02-29
        day = None
    if day is None:
        raise Problem("promise.not_deadline", text=text)
    return _check(in_range(dt.datetime.combine(day, time)), call, text)


def _end_of(day: dt.date) -> dt.datetime:
    return in_range(dt.datetime.combine(day, END_OF_DAY))


def _check(due: dt.datetime, call: dt.datetime, text: str) -> dt.datetime:
    if due == call:
        raise Problem("promise.at_call", text=text)
    if due < call:
        raise Problem("promise.before_call", text=text, call=f"{call:%Y-%m-%d %H:%M}")
    if due - call > dt.timedelta(days=PROMISE_DAYS):
        raise Problem("promise.year_after", text=text)
    return due
