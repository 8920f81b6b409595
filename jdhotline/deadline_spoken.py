"""Deadlines that name a day of the week, the month's end or a time of day, as agents
say them: "下周一前给您回复", "本周五前", "月底前", "明天下午5点前", "今晚8点前",
"by next Monday", "5pm tomorrow", "end of the month".

Pure: the moment of the call comes in; what comes out is a Beijing-time moment (or
None when the words are none of these forms, for deadline.py to read otherwise). The
readings, written down in docs/usage/case.md ("Promises"):

- a named day ("周五", "下周一", "月底") holds until 23:59 that day, as "明天" and
  "12月10日" do; a time said with it ("下午5点") is the deadline itself;
- weeks run Monday to Sunday, as Chinese calendars print them: "本周五"/"this Friday" is
  this week's Friday, "下周五"/"next Friday" next week's, "下下周五" the one after;
- a weekday alone ("周五", "by Friday") is this week's, or next week's once this week's
  has passed: "周一前" said on a Monday is that same Monday, until 23:59;
- "本周内"/"this week" ends on Sunday 23:59, "月底"/"本月内"/"end of the month" on
  the month's last day at 23:59, "下月底" on next month's;
- an hour from 1 to 6 with no 上午/下午 (am/pm) is refused, not guessed: "明天5点" is
  as likely 17:00 as 05:00. Other hours without one are on the 24-hour clock (9点 is
  09:00, 18点 18:00); 下午/晚上/pm add twelve hours to 1-11.
"""

# Its patterns compile in ~3.7 ms (measured: _ZH 1.5, _WITHIN_ZH 1.0, the English two
# 0.5 each), paid only by a command given --promise (deadline.read_deadline imports
# this module when it reads one; a follow-up's span_said does not).

from __future__ import annotations

import calendar
import datetime as dt
import re

from .deadline_parts import END_OF_DAY, chinese_number, yearless_day
from .errors import Problem

_CN = "[零〇一二两三四五六七八九十]+"


# The words before and after a deadline, as deadline.py allows them.
_LEAD = r"(?:最晚|最迟|会在|预计在|预计|在|by|before|until|due|nolaterthan|on)?(?:the)?"
_AFTER = r"(?:以内|之内|内|之前|以前|前)?(?P<rest>[\u4e00-\u9fff]*)"
# Words after the deadline that would change its hour, so they are not skipped as the
# agent's verb: "周五下班前" is not Friday 23:59.
_TIME_WORDS = re.compile(r"[点时分半早晚午]|下班|上班|凌晨|傍晚|夜")

_WEEK = r"(?:周|星期|礼拜)"
_WHICH_WEEK = r"下下个?|下个?|本|这个?"  # longest first
_WEEKDAYS_ZH = {c: i for i, c in enumerate("一二三四五六日", 1)} | {"天": 7}
_WEEKDAYS_ZH |= {str(i): i for i in range(1, 8)}
_WHICH_ZH = {"下下": 2, "下下个": 2, "下": 1, "下个": 1, "本": 0, "这": 0, "这个": 0}
_PERIODS = {  # a period of the day: what it does to the hour said with it (_clock)
    "凌晨": "am", "早上": "am", "早晨": "am", "上午": "am", "早": "am",
    "中午": "noon", "下午": "pm", "傍晚": "pm", "晚上": "night", "晚": "night",
}  # fmt: skip
_PERIOD = "|".join(sorted(_PERIODS, key=len, reverse=True))
# 今晚, 明早: a day and its period in one word.
_DAY_PERIODS = {
    "今晚": (0, "night"), "今早": (0, "am"), "明晚": (1, "night"), "明早": (1, "am"),
    "明晨": (1, "am"),
}  # fmt: skip
_DAYS_ZH = {"今天": 0, "今日": 0, "当天": 0, "明天": 1, "明日": 1, "后天": 2}
_HOUR_ZH = (
    rf"(?P<hour>[0-9]{{1,2}}|{_CN})"
    rf"(?:(?:点|时)(?P<minute>半|一刻|三刻|[0-9]{{1,2}}分?|{_CN}分?)?|:(?P<mm>[0-9]{{2}}))"
)

_ZH = re.compile(
    _LEAD
    + r"(?:"
    + rf"(?P<day>{'|'.join(_DAYS_ZH)})"
    + rf"|(?P<dayperiod>{'|'.join(_DAY_PERIODS)})"
    + rf"|(?P<which>{_WHICH_WEEK})?{_WEEK}(?P<weekday>[一二三四五六日天1-7])"
    + r"|(?P<monthend>(?P<month>本|这个?|下个?)?月(?:底|末))"
    + r"|(?P<date>(?:(?P<year>[0-9]{4})年)?"
    + rf"(?:(?P<mon>[0-9]{{1,2}}|{_CN})|(?P<inmonth>本|这个?|下个?))月"
    + rf"(?P<dom>[0-9]{{1,2}}|{_CN})[日号])"
    + r")?"
    + rf"(?P<period>{_PERIOD})?"
    + rf"(?:{_HOUR_ZH})?"
    + _AFTER
)
# "本周内", "下个月内": the far end of the week or month, as a range's far end.
_WITHIN_ZH = re.compile(
    _LEAD
    + rf"(?:(?P<which>{_WHICH_WEEK}){_WEEK}|(?P<month>本|这个?|下个?)?月)(?:之内|以内|内)"
    + r"(?P<rest>[\u4e00-\u9fff]*)"
)

_WEEKDAYS_EN = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}  # fmt: skip
_DAYS_EN = {"today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1}
_EN_DAY = (
    rf"(?:(?P<day>{'|'.join(sorted(_DAYS_EN, key=len, reverse=True))})"
    rf"|(?P<which>this|next)?(?P<weekday>{'|'.join(sorted(_WEEKDAYS_EN, key=len, reverse=True))})"
    r"|(?:the)?end(?:of)?(?:the|this)?(?P<end>month|week)|(?P<endnext>endof(?:the)?next(?:month|week))"
    r"|(?P<thisweek>thisweek|withinthisweek))"
)
_EN_TIME = (
    r"(?:(?P<hour>[0-9]{1,2})(?::(?P<mm>[0-9]{2}))?(?P<period>am|pm|a\.m\.|p\.m\.)"
    r"|(?P<hour24>[0-9]{1,2}):(?P<mm24>[0-9]{2})|(?P<noon>noon|midday))"
)
_EN_DAY_FIRST = re.compile(rf"{_LEAD}{_EN_DAY}(?:,|at|by|before)?{_EN_TIME}?")
_EN_TIME_FIRST = re.compile(rf"{_LEAD}{_EN_TIME}(?:,|on|the)?{_EN_DAY}?")


def spoken(compact: str, call: dt.datetime, text: str) -> dt.datetime | None:
    """The deadline a weekday, month-end or time-of-day form names (not yet checked to
    fall after the call); None when ``compact`` is none of these forms."""
    if found := _WITHIN_ZH.fullmatch(compact):
        _no_time_words(found["rest"], text)
        if found["which"] is not None:
            return _end(_week_day(call.date(), _WHICH_ZH[found["which"]], 7))
        return _end(_month_end(call.date(), found["month"]))
    if (found := _ZH.fullmatch(compact)) and (due := _zh(found, call, text)):
        return due
    for pattern in (_EN_DAY_FIRST, _EN_TIME_FIRST):
        if (found := pattern.fullmatch(compact)) and (due := _en(found, call, text)):
            return due
    return None


def _zh(found: re.Match[str], call: dt.datetime, text: str) -> dt.datetime | None:
    today = call.date()
    period = _PERIODS.get(found["period"] or "")
    said_digits = found["day"] is not None or (found["mon"] or "x").isdigit()
    if found["hour"] is None and period is None and said_digits:
        return None  # 明天, 今天内, 12月10日: deadline.py's forms
    if found["day"] is not None:
        day: dt.date | None = today + dt.timedelta(days=_DAYS_ZH[found["day"]])
    elif found["dayperiod"] is not None:
        offset, day_period = _DAY_PERIODS[found["dayperiod"]]
        day = today + dt.timedelta(days=offset)
        if period is not None and period != day_period:
            raise Problem("promise.not_deadline", text=text)  # 今晚上午
        period = day_period
    elif found["weekday"] is not None:
        which = found["which"]
        weekday = _WEEKDAYS_ZH[found["weekday"]]
        day = _weekday(today, None if which is None else _WHICH_ZH[which], weekday)
    elif found["monthend"] is not None:
        day = _month_end(today, found["month"])
    elif found["date"] is not None:
        day = _date(found, today, text)
    else:
        day = None
    if found["hour"] is None:
        if period is None:
            if day is None:
                return None  # 24小时内, 两天, 半小时: deadline.py's forms
            _no_time_words(found["rest"], text)
            return _end(day)  # 周五前, 月底前
        _no_time_words(found["rest"], text)
        if period == "night":
            return _end(day or today)  # 今晚, 明天晚上: until the day's end
        if found["period"] == "中午":
            return _at(day or today, dt.time(12, 0))  # 明天中午前
        raise Problem("promise.which_time", text=text)  # 明天上午: until which hour?
    _no_time_words(found["rest"], text)
    hour = _hour_zh(found["hour"], text)
    minute = _minute_zh(found, text)
    return _at(day or today, _clock(hour, minute, period, text))


def _en(found: re.Match[str], call: dt.datetime, text: str) -> dt.datetime | None:
    today = call.date()
    day: dt.date | None
    if found["day"] is not None:
        day = today + dt.timedelta(days=_DAYS_EN[found["day"]])
        no_time = found["hour"] is None and found["hour24"] is None and found["noon"] is None
        if found["day"] != "tonight" and no_time:
            return None  # today, tomorrow: read by deadline.py
    elif found["weekday"] is not None:
        which = {"this": 0, "next": 1}.get(found["which"] or "")
        day = _weekday(today, which, _WEEKDAYS_EN[found["weekday"]])
    elif found["end"] == "month":
        day = _month_end(today, None)
    elif found["end"] == "week" or found["thisweek"]:
        day = _week_day(today, 0, 7)
    elif found["endnext"]:
        day = (
            _month_end(today, "下")
            if found["endnext"].endswith("month")
            else _week_day(today, 1, 7)
        )
    else:
        day = None
    if found["noon"]:
        return _at(day or today, dt.time(12, 0))
    if found["hour"] is not None:
        period = "am" if found["period"].startswith("a") else "pm"
        if found["hour"] == "12":
            period = "noon" if period == "pm" else "midnight"  # 12pm, 12am
        minute = int(found["mm"] or 0)
        return _at(day or today, _clock(int(found["hour"]), minute, period, text))
    if found["hour24"] is not None:
        hour, minute = int(found["hour24"]), int(found["mm24"])
        return _at(day or today, _clock(hour, minute, None, text))
    return None if day is None else _end(day)


def _date(found: re.Match[str], today: dt.date, text: str) -> dt.date:
    """12月10日, 十二月十日, 下个月10号: a date said with no year is the next such day,
    or one a few days past (refused as before the call), as deadline.py reads 12-10."""
    numbers = [_hour_zh(found[name], text) for name in ("mon", "dom") if found[name]]
    if found["inmonth"] is not None:
        year, month = today.year, today.month
        if found["inmonth"].startswith("下"):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        numbers.insert(0, month)
    elif not found["year"]:  # 一月五日 said in December: next January, as 1-5 is read
        said = yearless_day(numbers[0], numbers[1], today)
        if said is None:  # 二月三十日
            raise Problem("promise.not_deadline", text=text)
        return said
    else:
        year = int(found["year"])
    try:
        return dt.date(year, numbers[0], numbers[1])
    except ValueError:  # 2月30日, 13月1日
        raise Problem("promise.not_deadline", text=text) from None


def _no_time_words(rest: str, text: str) -> None:
    if _TIME_WORDS.search(rest):  # "周五下班前", "明天三点": more said than read
        raise Problem("promise.not_deadline", text=text)


def _weekday(today: dt.date, which: int | None, weekday: int) -> dt.date:
    """This week's ``weekday`` (which=0), next week's (1) or the one after (2); with no
    week said, this week's unless it has passed, then next week's."""
    if which is None:
        day = _week_day(today, 0, weekday)
        return day if day >= today else day + dt.timedelta(days=7)
    return _week_day(today, which, weekday)


def _week_day(today: dt.date, weeks: int, weekday: int) -> dt.date:
    monday = today - dt.timedelta(days=today.weekday())
    return monday + dt.timedelta(days=7 * weeks + weekday - 1)


def _month_end(today: dt.date, which: str | None) -> dt.date:
    year, month = today.year, today.month
    if which is not None and which.startswith("下"):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _hour_zh(said: str, text: str) -> int:
    hour = int(said) if said.isdigit() else chinese_number(said)
    if hour is None:
        raise Problem("promise.not_deadline", text=text)
    return hour


def _minute_zh(found: re.Match[str], text: str) -> int:
    said = found["minute"] or found["mm"] or ""
    said = said.removesuffix("分")
    if not said:
        return 0
    named = {"半": 30, "一刻": 15, "三刻": 45}
    if said in named:
        return named[said]
    minute = int(said) if said.isdigit() else chinese_number(said)
    if minute is None:
        raise Problem("promise.not_deadline", text=text)
    return minute


def _clock(hour: int, minute: int, period: str | None, text: str) -> dt.time:
    """The time an hour names with its period; 24点 is the end of the day (23:59)."""
    if not 0 <= minute <= 59:
        raise Problem("promise.not_deadline", text=text)
    if period is None:
        if 1 <= hour <= 6:
            raise Problem("promise.which_half", text=text)  # 明天5点: 05:00 or 17:00?
    elif period == "midnight":
        hour = 0  # 12am
    elif period == "am":
        if hour > 12:
            raise Problem("promise.not_deadline", text=text)  # 上午15点
    elif period == "noon":
        if hour in (1, 2):
            hour += 12  # 中午1点
        elif hour not in (11, 12, 13, 14):
            raise Problem("promise.not_deadline", text=text)
    elif period == "night":  # 晚上8点 is 20:00, 晚上12点 midnight (the day's end)
        if not (6 <= hour <= 12 or 18 <= hour <= 24):
            raise Problem("promise.not_deadline", text=text)  # 晚上2点: which night?
        hour += 12 if hour <= 12 else 0
    elif 1 <= hour <= 11:  # 下午, pm
        hour += 12
    elif hour in (0, 12):
        raise Problem("promise.not_deadline", text=text)  # 下午12点
    if hour == 24 and minute == 0:
        return END_OF_DAY
    if hour > 23:
        raise Problem("promise.not_deadline", text=text)
    return dt.time(hour, minute)


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time)


def _end(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, END_OF_DAY)
