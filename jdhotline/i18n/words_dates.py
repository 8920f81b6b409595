"""The words of dates and moments: weekdays, months, a day in a sentence, a moment in
full, a nearby moment, the official holidays' names, and whether now is a time to call.

The order of the parts is the language's (11 月 27 日周五 / 2026-11-27 Fri), so it is
said here as a template, not built in code (words.day, words.stamp, words.when).
"""

from __future__ import annotations

DATES: dict[str, dict[str, str]] = {
    "en": {
        **{f"weekday.{i}": name for i, name in enumerate(
            ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))},
        **{f"month.{i}": name for i, name in enumerate((
            "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December"), 1)},
        "date.day": "{day} {month_name}",
        "date.day.year": "{day} {month_name} {year}",
        "date.stamp": "{iso} {weekday} {clock}",
        "date.checked": "{iso}",
        "when.today": "{clock}",
        "when.tomorrow": "tomorrow {clock}",
        "when.later": "{weekday} {month:02d}-{day:02d} {clock}",
        # chinesecalendar's names of the official holidays are English: shown as given.
        "holiday.New Year's Day": "New Year's Day",
        "holiday.Spring Festival": "Spring Festival",
        "holiday.Tomb-sweeping Day": "Tomb-sweeping Day",
        "holiday.Labour Day": "Labour Day",
        "holiday.Dragon Boat Festival": "Dragon Boat Festival",
        "holiday.National Day": "National Day",
        "holiday.Mid-autumn Festival": "Mid-autumn Festival",
        "holiday.Anti-Fascist 70th Day": "Anti-Fascist 70th Day",
        "best.fine_now": "now is fine (until {until}); quieter: {window}",
        "best.fine_before_peak": "now is fine (peak from {until}); quieter: {window}",
        "best.peak_now": "peak hours now; quieter: {window}",
    },
    "zh": {
        **{f"weekday.{i}": name for i, name in enumerate(
            ("周一", "周二", "周三", "周四", "周五", "周六", "周日"))},
        **{f"month.{i}": f"{i} 月" for i in range(1, 13)},
        "date.day": "{month_name} {day} 日",
        "date.day.year": "{year} 年 {month_name} {day} 日",
        "date.stamp": "{month_name} {day} 日{weekday} {clock}",
        "date.checked": "{year} 年 {month_name} {day} 日",
        "when.today": "今天 {clock}",
        "when.tomorrow": "明天 {clock}",
        "when.later": "{month_name} {day} 日{weekday} {clock}",
        "holiday.New Year's Day": "元旦",
        "holiday.Spring Festival": "春节",
        "holiday.Tomb-sweeping Day": "清明节",
        "holiday.Labour Day": "劳动节",
        "holiday.Dragon Boat Festival": "端午节",
        "holiday.National Day": "国庆节",
        "holiday.Mid-autumn Festival": "中秋节",
        "holiday.Anti-Fascist 70th Day": "抗战胜利 70 周年纪念日",
        "best.fine_now": "现在就可以打（{until} 前）；更好：{window}",
        "best.fine_before_peak": "现在就可以打（{until} 进入高峰前）；更好：{window}",
        "best.peak_now": "现在是高峰时段；更好：{window}",
    },
}  # fmt: skip
