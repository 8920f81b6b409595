"""The words of `jdhotline calendar`: which years' working days are known, and from where."""

from __future__ import annotations

WORKDAYS: dict[str, dict[str, str]] = {
    "en": {
        "cal.head": "Working days in mainland China, year by year",
        "cal.verified": "verified",
        "cal.statutory": "statutory",
        "cal.guessed": "guessed",
        "cal.catalogue": "your catalogue ({path}, calendar.{year})",
        "cal.chinesecalendar": "the State Council's notices (chinesecalendar {version})",
        "cal.statutory.source": "statutory holidays by law, via python-holidays, and their "
        "make-up days by the law's rule; bridging days and adjusted working weekends unknown",
        "cal.weekdays": "Monday–Friday, less New Year's Day, 1–2 May and 1–3 October (fixed "
        "by law) and their make-up days",
        "cal.runs_out": "The statutory holiday data ends with {last}: from {next} only the "
        "holidays fixed by date are known (Spring Festival, Qingming, Dragon Boat and "
        "Mid-Autumn are not). Upgrade jdhotline for later years.",
        "cal.before": "until {year}",
        "cal.after": "from {year}",
        "cal.patches": "Dates your catalogue patches by hand (calendar.extra_holidays / "
        "extra_workdays): {count}.",
        "cal.verify": "To verify a year before chinesecalendar has it, declare its notice in "
        "your catalogue (docs/time.md: Beijing time and working days).",
        "col.years": "Years",
        "col.tier": "Working days",
        "col.source": "Source",
    },
    "zh": {
        "cal.head": "中国大陆工作日，逐年来源",
        "cal.verified": "已核实",
        "cal.statutory": "仅法定",
        "cal.guessed": "推算",
        "cal.catalogue": "你的热线数据文件（{path}，calendar.{year}）",
        "cal.chinesecalendar": "国务院放假通知（日历数据 {version} 版）",
        "cal.statutory.source": "法定节假日及补假（《全国年节及纪念日放假办法》）；调休尚未公布",
        "cal.weekdays": "周一至周五，除去元旦、劳动节（5 月 1 日、2 日）、"
        "国庆节（10 月 1 日至 3 日）及其补假",
        "cal.runs_out": "法定节假日数据只到 {last} 年：{next} 年起只知道固定日期的元旦、劳动节、"
        "国庆节，春节、清明、端午、中秋都不知道。请升级 jdhotline。",
        "cal.before": "{year} 年及以前",
        "cal.after": "{year} 年起",
        "cal.patches": "热线数据文件单独指定的日期：{count} 个。",
        "cal.verify": "放假通知公布后，也可以先写进热线数据文件，即可核实该年（见说明文档）。",
        "col.years": "年份",
        "col.tier": "工作日",
        "col.source": "来源",
    },
}
