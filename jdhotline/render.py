"""Every byte the user sees: Rich text, Markdown, JSON, prompts and errors.

Text from the catalogue is always printed literally: it goes into Rich as
``Text`` (never parsed as markup), and control characters are shown escaped,
so a catalogue cannot colour, move or retitle the user's terminal.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .record import Record

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from .cases import Case
    from .catalogue import Catalogue, Line, Scenario, Window
    from .prep import Facts
    from .rules import Notice, Recommendation
    from .schedule import LineStatus
    from .script import FollowUp
    from .workdays import Coverage

# --------------------------------------------------------------------------- words

WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
}

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "user.regular": "Regular buyer",
        "user.plus": "PLUS member",
        "user.merchant": "JD merchant",
        "audience.everyone": "every buyer",
        "audience.plus": "PLUS members only",
        "audience.merchants": "JD merchants",
        "days.every-day": "daily",
        "days.working-days": "working days",
        "call": "Call",
        "matched": "matched",
        "get_through": "How to get through",
        "press": "press {key} ({label})",
        "menu": "menu: {menu}",
        "no_keys": "no menu given by the guide",
        "open_now": "Open now?",
        "open": "open",
        "closed": "closed",
        "open_24h": "open, 24 hours",
        "closes_in": "open · closes {when} (in {left})",
        "opens_in": "closed · opens {when} (in {left})",
        "never_opens": "closed · no opening within a year: check the catalogue",
        "best": "Best time",
        "call_now": "now, until {end}",
        "call_now_open": "now (open around the clock)",
        "best_window": "{start}–{end}",
        "best_from": "from {start}",
        "wait": "Time to get through",
        "wait_value": "{lo}–{hi} min",
        "wait_peak": "peak hours now ({window}): see the warning below",
        "peak_now": "peak hours now ({window})",
        "wait_unknown": "not given by the guide",
        "online": "Online",
        "why": "Why this line",
        "have_ready": "Have ready",
        "say": "What to say",
        "example": "e.g.",
        "on_the_call": "On the call",
        "warnings": "Warnings",
        "notes": "Notes",
        "alternatives": "Alternatives",
        "time": "Time",
        "beijing": "Beijing time",
        "local": "your local time",
        "source": "Source",
        "verified": "checked against it on {date}",
        "today": "today",
        "tomorrow": "tomorrow",
        "in_days": "{d} d {h} h",
        "in_whole_days": "{d} d",
        "in_whole_hours": "{h} h",
        "in_hours": "{h} h {m} min",
        "in_minutes": "{m} min",
        "col.line": "Line",
        "col.number": "Number",
        "col.audience": "For",
        "col.scenarios": "Scenarios",
        "extension": " (jdhotline's addition)",
        "col.hours": "Hours (Beijing)",
        "col.off_peak": "Off-peak",
        "col.online": "Online",
        "col.open": "Open now",
        "col.id": "Id",
        "col.name": "Name",
        "col.keywords": "Example keywords",
        "none": "none given",
        "all_day": "24 h",
        "tier.statutory": "(statutory holidays only: adjusted days not announced yet)",
        "tier.guessed": "(working days guessed: Monday–Friday)",
        "cal.head": "Working days in mainland China, year by year",
        "cal.row": "- {years}: {tier} · {source}",
        "cal.verified": "verified",
        "cal.statutory": "statutory",
        "cal.guessed": "guessed",
        "cal.catalogue": "your catalogue ({path}, calendar.{year})",
        "cal.chinesecalendar": "the State Council's notices (chinesecalendar {version})",
        "cal.statutory.source": "statutory holidays by law, via python-holidays; make-up days "
        "and adjusted working weekends guessed",
        "cal.weekdays": "Monday–Friday",
        "cal.before": "until {year}",
        "cal.after": "from {year}",
        "cal.patches": "Dates your catalogue patches by hand (calendar.extra_holidays / "
        "extra_workdays): {count}.",
        "cal.verify": "To verify a year before chinesecalendar has it, declare its notice in "
        "your catalogue (README: Beijing time and working days).",
        "ask.user": "Who are you? 1) regular buyer  2) PLUS member  3) JD merchant",
        "ask.user.prompt": "Choose 1-3 [1]: ",
        "ask.problem": "What went wrong? Describe it (e.g. 冰箱不制冷), or pick a number:",
        "ask.problem.merchant": "What went wrong? Describe it (e.g. 买家恶意退款), "
        "or pick a number:",
        "ask.problem.prompt": "Problem or number: ",
        "ask.instead": "{where} (for the digits, press Enter first)",
        "ask.pick": "No scenario matched {text}. Pick one:",
        "ask.pick.prompt": "Number: ",
        "ask.unsure": "Not sure which this is. Pick one:",
        "notice.unsure": "Not sure: this may instead be {scenario}, which is {number} ({name}).",
        "ask.again": "Please answer with one of the numbers shown.",
        "reason.serves": "It handles {scenario}.",
        "reason.general-line": "It takes any question from {audience}.",
        "reason.specialist": "It stays first for PLUS members too. {why}.",
        "reason.members-line": "{why}. Time to get through: {wait} (the guide's figure).",
        "reason.extension": "The guide's table does not list {scenario} for this line: "
        "sending you here is jdhotline's own addition.",
        "notice.plus-members-only": "Not a PLUS member? Don't dial {number}: it answers “{reply}”.",
        "notice.plus-members-only.plain": "Not a PLUS member? {number} is for PLUS members only.",
        "notice.merchant-line": "{number} is the line for JD merchants (sellers); "
        "it answers store matters, not buyers' orders.",
        "notice.buyer-question": "This is a buyer's question, so this is a buyer's answer: "
        "the merchant line handles store matters only.",
        "notice.primary-closed.other": "{number} is closed now; "
        "{other} ({other_name}) is open now.",
        "notice.primary-closed.none": "{number} is closed now and no other line is open; "
        "use {online}.",
        "notice.primary-closed.not-for-this": "{number} is closed now. {others} are open, "
        "but they are not the lines for this question; use {online}.",
        "notice.calendar-statutory": "{years}: holidays not announced yet; statutory "
        "holidays counted, make-up days and adjusted working weekends guessed.",
        "notice.calendar-guessed": "{years}: no holiday data; working days guessed as "
        "Monday–Friday.",
        "notice.calendar-upgrade": "Once a chinesecalendar release covers {years}, upgrading "
        "verifies it: pip install -U chinesecalendar",
        "ask.fact": "Enter skips: ",
        "opening": "Open with",
        "no_opening": "(the sentence is time + problem + demand: give what is wrong (--fault) "
        "and the order or purchase date (--ordered, --bought) or what you want (--want))",
        "missing": "Still missing",
        "you_have": "you have",
        "after_call": "Before you hang up, note",
        "after_fields": "the agent's ID (工号), the service ticket (服务单号) "
        "and the promised deadline",
        "record": "Record it",
        "open_cases": "Open, overdue cases for this order",
        "open_cases.all": "All your open, overdue cases (any order)",
        "overdue_note": "You have {n} overdue case(s): {cases}. Call-back script: "
        "jdhotline case followup {first}",
        "case.added": "Case {id} recorded",
        "case.logged": "Call logged on case {id}",
        "case.closed": "Case {id} closed",
        "case.reopened": "Case {id} reopened",
        "case.due": "promise due {due}",
        "case.overdue": "overdue by {late}",
        "case.no_promise": "no promise recorded",
        "case.none": "No open cases.",
        "case.none_all": "No cases yet. Record one after a call: jdhotline case add --line ID …",
        "col.case": "Case",
        "col.order": "Order",
        "col.status": "Status",
        "col.due": "Promise due (Beijing)",
        "col.overdue": "Overdue",
        "col.when": "When (Beijing)",
        "col.what": "What",
        "col.agent": "Agent",
        "col.ticket": "Ticket",
        "col.note": "Note",
        "status.open": "open",
        "status.closed": "closed",
        "kind.call": "call",
        "kind.close": "closed",
        "kind.reopen": "reopened",
        "history": "History",
        "outcome": "Outcome",
        "followup.call": "Call back",
        "followup.say": "Say",
        "followup.escalate": "Ask to escalate (second missed promise)",
        "followup.missed": "Missed promises",
    },
    "zh": {
        "user.regular": "普通买家",
        "user.plus": "PLUS 会员",
        "user.merchant": "京东商家",
        "audience.everyone": "所有买家",
        "audience.plus": "仅限 PLUS 会员",
        "audience.merchants": "京东商家",
        "days.every-day": "每天",
        "days.working-days": "工作日",
        "call": "拨打",
        "matched": "匹配词",
        "get_through": "怎么接通",
        "press": "按 {key}({label})",
        "menu": "语音菜单:{menu}",
        "no_keys": "攻略未给出按键",
        "open_now": "现在开着吗",
        "open": "开放",
        "closed": "未开放",
        "open_24h": "开放,24 小时",
        "closes_in": "开放中 · {when} 结束(还有 {left})",
        "opens_in": "未开放 · {when} 开放(还要 {left})",
        "never_opens": "未开放 · 一年内没有开放时间,请检查目录文件",
        "best": "最佳拨打时间",
        "call_now": "现在就打,到 {end}",
        "call_now_open": "现在就打(24 小时开放)",
        "best_window": "{start}–{end}",
        "best_from": "{start} 起",
        "wait": "接通效率",
        "wait_value": "{lo}–{hi} 分钟",
        "wait_peak": "现在是高峰时段({window}),见下方注意",
        "peak_now": "现在是高峰时段({window})",
        "wait_unknown": "攻略未给出",
        "online": "在线入口",
        "why": "为什么打这个",
        "have_ready": "提前准备",
        "say": "怎么说",
        "example": "例:",
        "on_the_call": "通话中",
        "warnings": "注意",
        "notes": "提示",
        "alternatives": "备选",
        "time": "时间",
        "beijing": "北京时间",
        "local": "本机时间",
        "source": "来源",
        "verified": "{date} 核对",
        "today": "今天",
        "tomorrow": "明天",
        "in_days": "{d} 天 {h} 小时",
        "in_whole_days": "{d} 天",
        "in_whole_hours": "{h} 小时",
        "in_hours": "{h} 小时 {m} 分钟",
        "in_minutes": "{m} 分钟",
        "col.line": "热线",
        "col.number": "号码",
        "col.audience": "适用人群",
        "col.scenarios": "场景",
        "extension": "(本工具补充)",
        "col.hours": "服务时间(北京)",
        "col.off_peak": "避峰时段",
        "col.online": "在线入口",
        "col.open": "现在",
        "col.id": "编号",
        "col.name": "名称",
        "col.keywords": "关键词示例",
        "none": "攻略未给出",
        "all_day": "24 小时",
        "tier.statutory": "（仅计法定节假日，调休尚未公布）",
        "tier.guessed": "（工作日按周一至周五推算）",
        "cal.head": "中国大陆工作日，逐年来源",
        "cal.row": "- {years}：{tier} · {source}",
        "cal.verified": "已核实",
        "cal.statutory": "仅法定",
        "cal.guessed": "推算",
        "cal.catalogue": "你的目录文件（{path}）",
        "cal.chinesecalendar": "国务院放假通知（日历数据 {version} 版）",
        "cal.statutory.source": "法定节假日（《全国年节及纪念日放假办法》）；补假和调休为推算",
        "cal.weekdays": "周一至周五",
        "cal.before": "{year}年及以前",
        "cal.after": "{year}年起",
        "cal.patches": "目录文件单独指定的日期：{count} 个。",
        "cal.verify": "放假通知公布后，也可以先写进目录文件，即可核实该年（见说明文档）。",
        "ask.user": "你是? 1) 普通买家  2) PLUS 会员  3) 京东商家",
        "ask.user.prompt": "选 1-3 [1]:",
        "ask.problem": "遇到什么问题?直接描述(如 冰箱不制冷),或选编号:",
        "ask.problem.merchant": "遇到什么问题?直接描述(如 买家恶意退款),或选编号:",
        "ask.problem.prompt": "问题或编号:",
        "ask.instead": "{where}(报尾号请先回车)",
        "ask.pick": "“{text}”没有匹配到场景,请选择:",
        "ask.pick.prompt": "编号:",
        "ask.unsure": "不太确定是哪一种,请选择:",
        "notice.unsure": "不太确定:也可能是“{scenario}”,那样应拨 {number}({name})。",
        "ask.again": "请输入上面列出的编号。",
        "reason.serves": "专门处理:{scenario}。",
        "reason.general-line": "受理{audience}的各类问题。",
        "reason.specialist": "PLUS 会员也先打这条线。{why}。",
        "reason.members-line": "{why}。接通效率 {wait}(攻略所给)。",
        "reason.extension": "攻略的热线表没有把“{scenario}”列给这条线:让你打这里是本工具的补充。",
        "notice.plus-members-only": "不是 PLUS 会员?别打 {number}:系统会提示“{reply}”。",
        "notice.plus-members-only.plain": "不是 PLUS 会员?{number} 仅限 PLUS 会员。",
        "notice.merchant-line": "{number} 是京东商家专线,处理店铺事务,不受理买家订单。",
        "notice.buyer-question": "这是买家问题,以下按买家身份作答:商家专线只处理店铺事务。",
        "notice.primary-closed.other": "{number} 现在未开放;{other}({other_name})现在开放。",
        "notice.primary-closed.none": "{number} 现在未开放,也没有其他热线开放;"
        "可以先用在线入口:{online}。",
        "notice.primary-closed.not-for-this": "{number} 现在未开放。{others} 虽然开着,"
        "但不是处理这个问题的热线;可以先用在线入口:{online}。",
        "notice.calendar-statutory": "{years}年放假安排尚未公布：已计入法定节假日，"
        "补假和调休为推算。",
        "notice.calendar-guessed": "{years}年没有节假日数据：工作日按周一至周五推算。",
        "notice.calendar-upgrade": "{years}年放假安排公布并收入日历数据后，升级即可核实："
        "pip install -U chinesecalendar",
        "ask.fact": "回车跳过:",
        "opening": "开场白",
        "no_opening": "(开场白按“时间 + 问题 + 需求”来写:提供问题(--fault),"
        "再加下单或购买日期(--ordered、--bought)或需求(--want),就会写好)",
        "missing": "还缺",
        "you_have": "已有",
        "after_call": "挂电话前记下",
        "after_fields": "客服工号、服务单号、承诺的时限",
        "record": "记录下来",
        "open_cases": "这个订单还有超时未兑现的记录",
        "open_cases.all": "你所有超时未兑现的记录(不限订单)",
        "overdue_note": "你有 {n} 条超时未兑现的记录:{cases}。"
        "回访话术:jdhotline case followup {first}",
        "case.added": "已记录第 {id} 号",
        "case.logged": "已在第 {id} 号记录这次通话",
        "case.closed": "第 {id} 号已结案",
        "case.reopened": "第 {id} 号已重新打开",
        "case.due": "承诺时限 {due}",
        "case.overdue": "已超时 {late}",
        "case.no_promise": "没有记录承诺",
        "case.none": "没有未结的记录。",
        "case.none_all": "还没有记录。通话后记一条:jdhotline case add --line ID …",
        "col.case": "编号",
        "col.order": "订单号",
        "col.status": "状态",
        "col.due": "承诺时限(北京)",
        "col.overdue": "超时",
        "col.when": "时间(北京)",
        "col.what": "事项",
        "col.agent": "工号",
        "col.ticket": "服务单号",
        "col.note": "备注",
        "status.open": "未结",
        "status.closed": "已结",
        "kind.call": "通话",
        "kind.close": "结案",
        "kind.reopen": "重新打开",
        "history": "经过",
        "outcome": "结果",
        "followup.call": "回拨",
        "followup.say": "这样说",
        "followup.escalate": "要求升级(第二次承诺落空)",
        "followup.missed": "落空的承诺",
    },
}


def word(lang: str, name: str, /, **params: Any) -> str:
    text = WORDS["zh" if lang == "zh" else "en"][name]
    return text.format(**params) if params else text


# --------------------------------------------------------------------------- safety

# Characters that act instead of showing: C0/C1 controls (ESC, BEL, CSI...), and the
# invisible ones: soft hyphen, bidirectional controls (U+202E turns "call \u202e0631-016-004"
# into "call 400-610-1360" on screen), zero-width spaces and joiners, word joiners, line and
# paragraph separators, BOM, Hangul fillers, interlinear annotation and tag characters,
# and lone surrogates (never valid output).
_INVISIBLE = (
    "\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f"
)
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_INVISIBLE}]")
_JSON_RAW = re.compile(f"[\\x7f-\\x9f{_INVISIBLE}]")  # what json.dumps leaves raw


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def clean(text: str) -> str:
    """Show control and invisible characters as visible escapes (\\x1b, \\u202e), never raw."""
    return _CONTROL.sub(lambda m: _escape(m.group()), text)


# --------------------------------------------------------------------------- time words


def clock(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M")


def stamp(moment: dt.datetime, lang: str) -> str:
    weekday = WEEKDAYS["zh" if lang == "zh" else "en"][moment.weekday()]
    return f"{moment:%Y-%m-%d} {weekday} {clock(moment)}"


def when(moment: dt.datetime, at: dt.datetime, lang: str) -> str:
    """A nearby moment in words: "18:00", "tomorrow 09:00", "Mon 11-30 09:00"."""
    days = (moment.date() - at.date()).days
    if days == 0:
        return f"{word(lang, 'today')} {clock(moment)}" if lang == "zh" else clock(moment)
    if days == 1:
        return f"{word(lang, 'tomorrow')} {clock(moment)}"
    weekday = WEEKDAYS["zh" if lang == "zh" else "en"][moment.weekday()]
    return f"{weekday} {moment:%m-%d} {clock(moment)}"


def duration(delta: dt.timedelta, lang: str) -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    d, rest = divmod(minutes, 24 * 60)
    h, m = divmod(rest, 60)
    if d:
        return word(lang, "in_days", d=d, h=h) if h else word(lang, "in_whole_days", d=d)
    if h:
        return word(lang, "in_hours", h=h, m=m) if m else word(lang, "in_whole_hours", h=h)
    return word(lang, "in_minutes", m=m)


def iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat(timespec="minutes") if moment is not None else None


def window_text(window: Window) -> str:
    return str(window).replace("-", "–")


def hours_text(line: Line, lang: str) -> str:
    if line.hours.always:
        return word(lang, "all_day")
    return f"{window_text(line.hours.window)} {word(lang, 'days.' + line.hours.days)}"


def state_text(status: LineStatus, lang: str) -> str:
    if status.open_now and status.next_change is None:
        return word(lang, "open_24h")
    if status.next_change is None:
        return word(lang, "never_opens")
    key = "closes_in" if status.open_now else "opens_in"
    return word(
        lang,
        key,
        when=when(status.next_change, status.at, lang),
        left=duration(status.next_change - status.at, lang),
    )


def best_text(status: LineStatus, lang: str) -> str:
    best = status.best_time
    if best is None:
        return word(lang, "never_opens")
    if best.start <= status.at:
        if best.end is None:
            return word(lang, "call_now_open")
        return word(lang, "call_now", end=when(best.end, status.at, lang))
    start = when(best.start, status.at, lang)
    if best.end is None:
        return word(lang, "best_from", start=start)
    end = (
        clock(best.end) if best.end.date() == best.start.date() else when(best.end, status.at, lang)
    )
    if best.end.hour == 0 and best.end.minute == 0 and best.end.date() > best.start.date():
        end = "24:00"
    return word(lang, "best_window", start=start, end=end)


def wait_text(line: Line, lang: str) -> str:
    if line.wait_minutes is None:
        return word(lang, "wait_unknown")
    lo, hi = line.wait_minutes
    return word(lang, "wait_value", lo=lo, hi=hi)


def ivr_text(line: Line, scenario: Scenario | None, lang: str) -> str:
    key = line.menu_key_for(scenario.id) if scenario is not None else None
    parts = []
    if key is not None:
        parts.append(word(lang, "press", key=key.key, label=key.label(lang)))
    elif line.menu:
        menu = ", ".join(f"{k.key} = {k.label(lang)}" for k in line.menu)
        parts.append(word(lang, "menu", menu=menu))
    if line.dial_note is not None:
        parts.append(line.dial_note(lang))
    return clean("; ".join(parts) if parts else word(lang, "no_keys"))


def time_line(at: dt.datetime, lang: str) -> str:
    text = f"{stamp(at, lang)} {word(lang, 'beijing')} (UTC+8)"
    local = at.astimezone()
    if local.utcoffset() != at.utcoffset():
        text += f"; {word(lang, 'local')} {stamp(local, lang)} ({local.tzname()})"
    return text


# --------------------------------------------------------------------------- notices


def notice_text(notice: Notice, rec: Recommendation, catalogue: Catalogue, lang: str) -> str:
    """A warning, note or reason in words; empty if the catalogue has nothing to say."""
    line, code = notice.line, notice.code
    if code == "assistant":
        return catalogue.assistant(lang)
    if code == "buyer-question":
        return word(lang, "notice.buyer-question")
    if code.startswith("calendar-"):
        years = ("、" if lang == "zh" else ", ").join(map(str, notice.years))
        return word(lang, f"notice.{code}", years=years)
    if line is None:
        return ""
    if code == "plus-members-only":
        if line.non_member_reply:
            return word(
                lang, "notice.plus-members-only", number=line.number, reply=line.non_member_reply
            )
        return word(lang, "notice.plus-members-only.plain", number=line.number)
    if code == "primary-closed":
        if notice.other is not None:
            return word(
                lang,
                "notice.primary-closed.other",
                number=line.number,
                other=notice.other.number,
                other_name=notice.other.name(lang),
            )
        if notice.not_for_this:
            return word(
                lang,
                "notice.primary-closed.not-for-this",
                number=line.number,
                others=("、" if lang == "zh" else ", ").join(x.number for x in notice.not_for_this),
                online=line.online(lang),
            )
        return word(
            lang, "notice.primary-closed.none", number=line.number, online=line.online(lang)
        )
    if code == "merchant-line":
        return word(lang, "notice.merchant-line", number=line.number)
    if code == "unsure" and notice.scenario is not None:
        name = notice.scenario.name(lang)
        return word(lang, "notice.unsure", scenario=name, number=line.number, name=line.name(lang))
    if code == "peak":
        peak = rec.primary.peak
        return peak.note(lang) if peak is not None else ""
    if code in ("caution", "plus-expedite"):
        text = line.caution if code == "caution" else line.plus_tip
        return text(lang) if text is not None else ""
    if code in ("serves", "extension"):
        name = rec.scenario.name(lang)
        if lang == "en" and name[1:2].islower():
            name = name[0].lower() + name[1:]  # mid-sentence: "It handles appliance ..."
        return word(lang, "reason." + code, scenario=name)
    if code == "general-line":
        return word(lang, "reason.general-line", audience=word(lang, "audience." + line.audience))
    if code in ("specialist", "members-line"):
        if line.why is None:
            return ""
        why = line.why(lang).rstrip("。.")
        return word(lang, "reason." + code, why=why, wait=wait_text(line, lang))
    return ""


def _texts(
    notices: Iterable[Notice], rec: Recommendation, catalogue: Catalogue, lang: str
) -> list[str]:
    return [clean(t) for n in notices if (t := notice_text(n, rec, catalogue, lang))]


# --------------------------------------------------------------------------- documents (JSON)


def line_json(status: LineStatus, scenario: Scenario | None, lang: str) -> dict[str, Any]:
    line = status.line
    key = line.menu_key_for(scenario.id) if scenario is not None else None
    best = status.best_time
    return {
        "id": line.id,
        "name": line.name(lang),
        "number": line.number,
        "open_now": status.open_now,
        "next_change": iso(status.next_change),
        "best_time": {"start": iso(best.start), "end": iso(best.end)} if best else None,
        "wait": (
            {"min_minutes": line.wait_minutes[0], "max_minutes": line.wait_minutes[1]}
            if line.wait_minutes
            else None
        ),
        "peak": (
            {"start": _hhmm(status.peak.window.start), "end": _hhmm(status.peak.window.end)}
            if status.peak
            else None
        ),
        "ivr": {
            "key": key.key if key else None,
            "label": key.label(lang) if key else None,
            "menu": [{"key": k.key, "label": k.label(lang)} for k in line.menu],
            "note": line.dial_note(lang) if line.dial_note else None,
        },
        "online": line.online(lang),
        "calendar_verified": status.calendar_verified,
        "calendar": status.calendar,
    }


def which_json(rec: Recommendation, catalogue: Catalogue, lang: str) -> dict[str, Any]:
    return {
        "user": rec.user,
        "scenario": rec.scenario.id,
        "matched": list(rec.matched),
        "candidates": [
            {"scenario": c.scenario.id, "line": c.line.number, "score": c.score}
            for c in rec.candidates
        ],
        "confident": rec.confident,
        "at": iso(rec.at),
        "primary": line_json(rec.primary, rec.scenario, lang),
        "alternatives": [line_json(alt, rec.scenario, lang) for alt in rec.alternatives],
        "checklist": [item(lang) for item in rec.checklist],
        "warnings": [notice_text(n, rec, catalogue, lang) for n in rec.warnings],
        "notes": [notice_text(n, rec, catalogue, lang) for n in rec.notes],
    }


def open_json(statuses: Sequence[LineStatus]) -> list[dict[str, Any]]:
    return [
        {
            "id": s.line.id,
            "number": s.line.number,
            "open_now": s.open_now,
            "next_change": iso(s.next_change),
            "calendar_verified": s.calendar_verified,
            "calendar": s.calendar,
        }
        for s in statuses
    ]


def table_json(catalogue: Catalogue, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "id": line.id,
            "name": line.name(lang),
            "number": line.number,
            "audience": line.audience,
            "scenarios": list(line.scenarios),
            "extends": list(line.extends),
            "extends_audience": line.extends_audience,
            "hours": {
                "open": _hhmm(line.hours.window.start),
                "close": _hhmm(line.hours.window.end),
                "days": line.hours.days,
            },
            "off_peak": [{"start": _hhmm(w.start), "end": _hhmm(w.end)} for w in line.off_peak],
            "online": line.online(lang),
        }
        for line in catalogue.lines
    ]


def scenarios_json(catalogue: Catalogue, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "id": s.id,
            "name": s.name(lang),
            "audience": s.audience,
            "keywords": {"zh": list(s.keywords.zh), "en": list(s.keywords.en)},
        }
        for s in catalogue.scenarios
    ]


def _years(row: Coverage, lang: str) -> str:
    if row.first is None:
        return word(lang, "cal.before", year=row.last)
    if row.last is None:
        return word(lang, "cal.after", year=row.first)
    return str(row.first) if row.first == row.last else f"{row.first}–{row.last}"


def calendar_lines(
    rows: Sequence[Coverage], upgrade: int | None, patches: int, path: str, version: str, lang: str
) -> list[tuple[str, str, str]]:
    """`jdhotline calendar`: (years, tier, source) rows, then notes as ("", "", text)."""
    sources = {
        "chinesecalendar": word(lang, "cal.chinesecalendar", version=version),
        "statutory": word(lang, "cal.statutory.source"),
        "weekdays": word(lang, "cal.weekdays"),
    }
    out = [
        (
            _years(row, lang),
            word(lang, f"cal.{row.tier}"),
            word(lang, "cal.catalogue", path=clean(path), year=row.first)
            if row.source == "catalogue"
            else sources[row.source],
        )
        for row in rows
    ]
    notes = [word(lang, "cal.patches", count=patches)] if patches else []
    if upgrade is not None:
        notes.append(word(lang, "notice.calendar-upgrade", years=upgrade))
    notes.append(word(lang, "cal.verify"))
    return out + [("", "", note) for note in notes]


def calendar_json(rows: Sequence[Coverage], upgrade: int | None) -> dict[str, Any]:
    return {
        "years": [
            {"first": r.first, "last": r.last, "calendar": r.tier, "source": r.source} for r in rows
        ],
        "upgrade_could_verify": upgrade,
    }


def calendar_text(lines: Sequence[tuple[str, str, str]], lang: str) -> str:
    rows = [word(lang, "cal.row", years=y, tier=t, source=src) for y, t, src in lines if y]
    notes = [source for years, _, source in lines if not years]
    return "\n".join([word(lang, "cal.head"), "", *rows, "", *notes]) + "\n"


def calendar_rich(lines: Sequence[tuple[str, str, str]], lang: str) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for years, tier, source in lines:
        if years:
            grid.add_row(Text(years), Text(tier, style="bold"), Text(source))
    notes = [Text(source) for years, _, source in lines if not years]
    return Group(Text(word(lang, "cal.head"), style="bold"), grid, Text(""), *notes)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def dumps(document: Any, *, ascii_only: bool = False) -> str:
    """One JSON document; C1 control characters escaped too (json leaves them raw)."""
    import json

    text = json.dumps(document, ensure_ascii=ascii_only, indent=2)
    if ascii_only:
        return text

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x10000:
            return f"\\u{code:04x}"
        code -= 0x10000  # a JSON \\u escape is UTF-16: a surrogate pair
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"

    return _JSON_RAW.sub(escape, text)


# --------------------------------------------------------------------------- Markdown


def which_markdown(rec: Recommendation, catalogue: Catalogue, lang: str) -> str:
    w = lambda key, **kw: word(lang, key, **kw)  # noqa: E731
    p = rec.primary
    line = p.line
    title = f"{w('user.' + rec.user)} · {rec.scenario.name(lang)}"
    out = [f"## {clean(title)}", ""]
    if rec.matched:
        out += [f"*{w('matched')}: {clean(', '.join(rec.matched))}*", ""]
    out += [f"**{w('call')} {line.number}** — {clean(line.name(lang))}", ""]
    for label, value in _facts(rec, lang):
        out.append(f"- **{label}:** {value}")
    out.append("")
    for heading, items in _sections(rec, catalogue, lang):
        out += [f"### {heading}", "", *(f"- {item}" for item in items), ""]
    out += [f"*{w('time')}: {time_line(rec.at, lang)}*", "", f"*{_source(line, lang)}*", ""]
    return "\n".join(out)


def _facts(rec: Recommendation, lang: str) -> list[tuple[str, str]]:
    p = rec.primary
    line = p.line
    rows = [
        (word(lang, "get_through"), ivr_text(line, rec.scenario, lang)),
        (word(lang, "open_now"), state_text(p, lang) + _unverified(p, lang)),
        (word(lang, "best"), best_text(p, lang)),
        (word(lang, "wait"), _wait_or_peak(p, lang)),
        (word(lang, "online"), clean(line.online(lang))),
    ]
    return rows


def _wait_or_peak(status: LineStatus, lang: str) -> str:
    """In the peak, the peak: the guide's everyday figure does not hold then."""
    if status.peak is not None:
        return word(lang, "wait_peak", window=window_text(status.peak.window))
    return wait_text(status.line, lang)


def _sections(rec: Recommendation, catalogue: Catalogue, lang: str) -> list[tuple[str, list[str]]]:
    say = catalogue.say
    # The guide's general example is a buyer's; a merchant question gets the shape alone.
    scenario = rec.scenario
    example = (scenario.plus_example if rec.user == "plus" else None) or scenario.example
    example = example or (say.example if scenario.audience == "buyers" else None)
    say_items = [clean(say.shape(lang))]
    if example is not None:
        say_items.append(clean(f"{word(lang, 'example')} “{example(lang)}”"))
    sections = [
        (word(lang, "why"), _texts(rec.reasons, rec, catalogue, lang)),
        (word(lang, "have_ready"), [clean(item(lang)) for item in rec.checklist]),
        (word(lang, "say"), say_items),
        (
            word(lang, "on_the_call"),
            [clean(t(lang)) for t in (*rec.steps, *rec.on_the_call)],
        ),
        (word(lang, "warnings"), _texts(rec.warnings, rec, catalogue, lang)),
        (word(lang, "notes"), _texts(rec.notes, rec, catalogue, lang)),
        (
            word(lang, "alternatives"),
            [_alternative(alt, rec.scenario, lang) for alt in rec.alternatives],
        ),
    ]
    return [(heading, items) for heading, items in sections if items]


def _alternative(status: LineStatus, scenario: Scenario, lang: str) -> str:
    line = status.line
    parts = [f"{line.number} {line.name(lang)}", state_text(status, lang)]
    if status.peak is not None:
        parts.append(word(lang, "peak_now", window=window_text(status.peak.window)))
    else:
        parts.append(f"{word(lang, 'wait')} {wait_text(line, lang)}")
    ivr = ivr_text(line, scenario, lang)
    if line.menu or line.dial_note:
        parts.append(ivr)
    return clean(" · ".join(parts))


def _unverified(status: LineStatus, lang: str) -> str:
    if status.calendar_verified:
        return ""
    return ("" if lang == "zh" else " ") + word(lang, f"tier.{status.calendar}")


def _source(line: Line, lang: str) -> str:
    verified = word(lang, "verified", date=line.verified_on.isoformat())
    return clean(f"{word(lang, 'source')}: {line.source} ({verified})")


def table_markdown(catalogue: Catalogue, statuses: Sequence[LineStatus], lang: str) -> str:
    head = [
        word(lang, f"col.{c}")
        for c in ("line", "number", "audience", "scenarios", "hours", "off_peak", "online", "open")
    ]
    rows = [_table_row(catalogue, s, lang) for s in statuses]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def open_markdown(statuses: Sequence[LineStatus], lang: str) -> str:
    out = [
        f"- **{s.line.number}** {clean(s.line.name(lang))}: "
        f"{state_text(s, lang)}{_unverified(s, lang)}"
        for s in statuses
    ]
    return "\n".join(out) + "\n"


def scenarios_markdown(catalogue: Catalogue, lang: str) -> str:
    out = [
        f"| {word(lang, 'col.id')} | {word(lang, 'col.name')} | {word(lang, 'col.keywords')} |",
        "|---|---|---|",
    ]
    for s in catalogue.scenarios:
        out.append(f"| `{s.id}` | {clean(s.name(lang))} | {clean(_examples(s))} |")
    return "\n".join(out) + "\n"


def _examples(scenario: Scenario) -> str:
    return ", ".join((*scenario.keywords.zh[:4], *scenario.keywords.en[:3]))


def _table_row(
    catalogue: Catalogue, status: LineStatus, lang: str, *, ids: bool = False
) -> list[str]:
    line = status.line
    names = ", ".join(
        (s if ids else catalogue.scenario(s).name(lang))
        + (word(lang, "extension") if s in line.extends else "")
        for s in line.scenarios
    )
    off_peak = ", ".join(window_text(w) for w in line.off_peak) or word(lang, "none")
    state = word(lang, "open" if status.open_now else "closed")
    return [
        clean(line.name(lang)),
        line.number,
        word(lang, "audience." + line.audience)
        + (word(lang, "extension") if line.extends_audience else ""),
        clean(names),
        hours_text(line, lang),
        off_peak,
        clean(line.online(lang)),
        state + _unverified(status, lang),
    ]


# --------------------------------------------------------------------------- Rich text


def which_rich(rec: Recommendation, catalogue: Catalogue, lang: str) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    line = rec.primary.line
    user = word(lang, "user." + rec.user)
    title = Text(clean(f"{user} · {rec.scenario.name(lang)}"), style="bold")
    if rec.matched:
        title.append(clean(f"  ({word(lang, 'matched')}: {', '.join(rec.matched)})"), style="dim")
    call = Text.assemble(
        (f"{word(lang, 'call')} ", "bold"),
        (line.number, "bold green"),
        "  ",
        clean(line.name(lang)),
    )
    parts: list[RenderableType] = [title, call, _pairs(_facts(rec, lang))]
    warnings = word(lang, "warnings")
    for heading, items in _sections(rec, catalogue, lang):
        parts += [Text(""), Text(heading, style="bold")]
        parts.append(_bullets(items, "!" if heading == warnings else "•"))
    parts += [
        Text(""),
        Text(f"{word(lang, 'time')}: {time_line(rec.at, lang)}", style="dim"),
        Text(_source(line, lang), style="dim"),
    ]
    return Group(*parts)


class _Hanging:
    """A prefix, then text whose wrapped lines hang under the text, not under the prefix.

    What a two-column Table.grid would print, at a fraction of its cost (a grid measures
    every cell twice; start-up time is budgeted, see bench/startup.py).
    """

    def __init__(self, prefix: str, text: str, prefix_style: str = "", style: str = "") -> None:
        self.prefix, self.text = prefix, text
        self.prefix_style, self.style = prefix_style, style

    def __rich_console__(self, console: Console, options: Any) -> Any:
        from rich.segment import Segment
        from rich.text import Text

        prefix = Text(self.prefix, style=self.prefix_style)
        indent = prefix.cell_len
        body = Text(self.text, style=self.style)
        lines = body.wrap(console, max(8, options.max_width - indent), overflow="fold")
        for number, line in enumerate(lines):
            if number == 0:
                yield from prefix.render(console)
            else:
                yield Segment(" " * indent)
            yield from line.render(console)
            yield Segment.line()


def _pairs(rows: Sequence[tuple[str, str]]) -> RenderableType:
    """Label and value, the values aligned after the widest label."""
    from rich.cells import cell_len
    from rich.console import Group

    width = max((cell_len(label) for label, _ in rows), default=0) + 2
    return Group(
        *(
            _Hanging(label + " " * (width - cell_len(label)), value, prefix_style="cyan")
            for label, value in rows
        )
    )


def _bullets(items: Sequence[str], mark: str) -> RenderableType:
    """A list whose wrapped lines hang under the text, not under the mark."""
    from rich.console import Group

    style = "yellow" if mark == "!" else ""
    return Group(*(_Hanging(f"{mark} ", item, style, style) for item in items))


WIDE_TABLE = 120  # below this many columns, `table` prints one block per line


def table_rich(
    catalogue: Catalogue, statuses: Sequence[LineStatus], lang: str, width: int
) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    if width >= WIDE_TABLE:
        from rich.table import Table  # only here: a narrow table is blocks, not a Table

        table = Table(show_lines=True, expand=True)
        # Share the width: the online entry is the longest text, the number never wraps.
        ratios = {"line": 2, "audience": 2, "scenarios": 3, "hours": 2, "off_peak": 2, "online": 5}
        for column in ("line", "number", "audience", "scenarios", "hours", "off_peak", "online"):
            table.add_column(
                word(lang, f"col.{column}"),
                no_wrap=column == "number",
                overflow="fold",
                ratio=ratios.get(column),
            )
        table.add_column(word(lang, "col.open"), no_wrap=True)
        for status in statuses:
            row = _table_row(catalogue, status, lang, ids=True)
            style = "green" if status.open_now else "red"
            table.add_row(*(Text(cell) for cell in row[:-1]), Text(row[-1], style=style))
        return table
    blocks: list[RenderableType] = []
    labels = [
        word(lang, f"col.{c}") for c in ("audience", "scenarios", "hours", "off_peak", "online")
    ]
    for status in statuses:
        name, number, *rest, state = _table_row(catalogue, status, lang, ids=True)
        head = Text.assemble((number, "bold green"), "  ", (name, "bold"), "  ")
        head.append(state, style="green" if status.open_now else "red")
        blocks += [head, _pairs(list(zip(labels, rest, strict=True))), Text("")]
    return Group(*blocks[:-1])


def open_rich(statuses: Sequence[LineStatus], lang: str) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for status in statuses:
        mark = Text("●", style="green") if status.open_now else Text("○", style="red")
        state = state_text(status, lang) + _unverified(status, lang)
        grid.add_row(
            mark,
            Text(status.line.number, style="bold"),
            Text.assemble(clean(status.line.name(lang)), " · ", (state, "")),
        )
    return grid


def scenarios_rich(catalogue: Catalogue, lang: str) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    table = Table()
    for column in ("id", "name", "keywords"):
        table.add_column(word(lang, f"col.{column}"), no_wrap=column == "id", overflow="fold")
    for s in catalogue.scenarios:
        table.add_row(Text(s.id), Text(clean(s.name(lang))), Text(clean(_examples(s))))
    return table


# --------------------------------------------------------------------------- prep


class CallSheet(Record):
    rec: Recommendation
    catalogue: Catalogue
    facts: Facts
    missing: tuple[str, ...]
    open_cases: Sequence[Case]


def _opening(sheet: CallSheet, lang: str) -> str | None:
    from .script import opening

    return opening(sheet.facts, plus=sheet.rec.user == "plus", today=sheet.rec.at.date(), lang=lang)


def _missing(sheet: CallSheet, lang: str) -> list[tuple[str, str, str]]:
    """(fact id, name, where to find it) for each missing fact."""
    rows = []
    for fact in sheet.missing:
        described = sheet.catalogue.fact(fact)
        where = described.where_for(sheet.rec.scenario.audience) if described else None
        rows.append(
            (
                fact,
                described.name(lang) if described else fact,
                where(lang) if where else "",
            )
        )
    return rows


def record_command(sheet: CallSheet, lang: str) -> str:
    """The `jdhotline case add` line to run after the call (script.record_command)."""
    from .script import record_command as command

    return command(sheet.rec.primary.line.id, sheet.rec.scenario.id, sheet.facts, lang)


def prep_json(sheet: CallSheet, lang: str) -> dict[str, Any]:
    rec = sheet.rec
    doc = which_json(rec, sheet.catalogue, lang)
    doc["opening"] = _opening(sheet, lang)
    doc["missing"] = [{"fact": f, "name": n, "where": w} for f, n, w in _missing(sheet, lang)]
    doc["evidence"] = list(sheet.facts.evidence)
    doc["record"] = record_command(sheet, lang)
    doc["open_cases"] = [case_summary_json(c, rec.at) for c in sheet.open_cases]
    return doc


def _prep_sections(sheet: CallSheet, lang: str) -> list[tuple[str, list[str]]]:
    w = lambda name, **kw: word(lang, name, **kw)  # noqa: E731
    opening = _opening(sheet, lang)
    rec = sheet.rec
    evidence = [clean(item(lang)) for item in rec.checklist]
    evidence += [clean(f"{w('you_have')}: {e}") for e in sheet.facts.evidence]
    sections = [
        (w("opening"), [clean(f"“{opening}”") if opening else w("no_opening")]),
        (
            w("missing"),
            [
                clean(f"{name}: {where}" if where else name)
                for _, name, where in _missing(sheet, lang)
            ],
        ),
        (w("have_ready"), evidence),
        (w("on_the_call"), [clean(t(lang)) for t in rec.steps]),  # the guide's steps, as `which`
        (w("warnings"), _texts(rec.warnings, rec, sheet.catalogue, lang)),
        (w("notes"), _texts(rec.notes, rec, sheet.catalogue, lang)),
        (w("after_call"), [w("after_fields")] + [clean(t(lang)) for t in rec.on_the_call]),
        (w("record"), [record_command(sheet, lang)]),
        (
            w("open_cases" if sheet.facts.order else "open_cases.all"),
            [_case_line(c, rec.at, lang) for c in sheet.open_cases],
        ),
    ]
    return [(heading, items) for heading, items in sections if items]


def _prep_head(sheet: CallSheet, lang: str) -> tuple[str, str, list[tuple[str, str]]]:
    rec = sheet.rec
    line = rec.primary.line
    title = f"{word(lang, 'user.' + rec.user)} · {rec.scenario.name(lang)}"
    call = f"{word(lang, 'call')} {line.number}  {line.name(lang)}"
    facts = _facts(rec, lang)[:3]  # how to get through, open now, best time
    return clean(title), clean(call), facts


def prep_markdown(sheet: CallSheet, lang: str) -> str:
    title, call, facts = _prep_head(sheet, lang)
    out = [f"## {title}", "", f"**{call}**", ""]
    out += [f"- **{label}:** {value}" for label, value in facts] + [""]
    for heading, items in _prep_sections(sheet, lang):
        if heading == word(lang, "record"):
            out += [f"### {heading}", "", "```sh", *items, "```", ""]
        else:
            out += [f"### {heading}", "", *(f"- {item}" for item in items), ""]
    out.append(f"*{word(lang, 'time')}: {time_line(sheet.rec.at, lang)}*")
    return "\n".join(out) + "\n"


def prep_rich(sheet: CallSheet, lang: str) -> list[tuple[RenderableType, bool]]:
    """Parts to print; a part marked True is a command to copy, printed on one line."""
    from rich.console import Group
    from rich.text import Text

    title, call, facts = _prep_head(sheet, lang)
    parts: list[tuple[RenderableType, bool]] = []
    body: list[RenderableType] = [Text(title, style="bold"), Text(call, style="bold green")]
    body.append(_pairs(facts))
    for heading, items in _prep_sections(sheet, lang):
        body += [Text(""), Text(heading, style="bold")]
        if heading == word(lang, "record"):
            parts.append((Group(*body), False))
            parts += [(Text("  " + item, style="cyan"), True) for item in items]
            body = []
        else:
            body.append(_bullets(items, "!" if heading == word(lang, "warnings") else "•"))
    body += [Text(""), Text(f"{word(lang, 'time')}: {time_line(sheet.rec.at, lang)}", style="dim")]
    parts.append((Group(*body), False))
    return parts


# --------------------------------------------------------------------------- cases


def case_summary_json(case: Case, at: dt.datetime) -> dict[str, Any]:
    late = case.overdue(at)
    return {
        "id": case.id,
        "line": case.line,
        "order": case.order,
        "status": case.status,
        "due": iso(case.due),
        "overdue": late is not None,
    }


def case_json(case: Case, at: dt.datetime) -> dict[str, Any]:
    doc = case_summary_json(case, at)
    doc.update(
        {
            "scenario": case.scenario,
            "agent": case.latest("agent"),
            "ticket": case.latest("ticket"),
            "created_at": iso(case.created_at),
            "closed_at": iso(case.closed_at),
            "outcome": case.outcome,
            "entries": [
                {
                    "at": iso(e.at),
                    "kind": e.kind,
                    "agent": e.agent,
                    "ticket": e.ticket,
                    "due": iso(e.due),
                    "note": e.note,
                }
                for e in case.entries
            ],
        }
    )
    return doc


def cases_csv(cases: Sequence[Case]) -> str:
    """One row per entry, the case's fields repeated: the whole history in a spreadsheet."""
    import csv
    import io

    buffer = io.StringIO()
    # A byte-order mark first: Excel and WPS on Chinese Windows read a CSV without one
    # as GBK, and Chinese notes turn to garbled text.
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "case",
            "line",
            "scenario",
            "order",
            "status",
            "outcome",
            "at",
            "kind",
            "agent",
            "ticket",
            "due",
            "note",
        ]
    )
    for case in cases:
        for e in case.entries:
            head = [case.id, case.line, case.scenario, case.order, case.status, case.outcome]
            entry = [iso(e.at), e.kind, e.agent, e.ticket, iso(e.due), e.note]
            writer.writerow(
                [_csv_safe(clean("" if v is None else str(v))) for v in (*head, *entry)]
            )
    return buffer.getvalue()


def _csv_safe(text: str) -> str:
    """Spreadsheets run a cell starting with = + - @ as a formula: quote it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _due_text(case: Case, at: dt.datetime, lang: str) -> str:
    if case.due is None:
        return word(lang, "case.no_promise")
    text = word(lang, "case.due", due=f"{case.due:%Y-%m-%d %H:%M}")
    late = case.overdue(at)
    if late is not None:
        text += ", " + word(lang, "case.overdue", late=duration(late, lang))
    return text


def _case_line(case: Case, at: dt.datetime, lang: str) -> str:
    order = f" · {word(lang, 'col.order')} {case.order}" if case.order else ""
    return clean(f"#{case.id} {case.line}{order} · {_due_text(case, at, lang)}")


def case_done(case: Case, at: dt.datetime, what: str, lang: str) -> str:
    head = word(lang, f"case.{what}", id=case.id)
    return clean(f"{head}: {_case_line(case, at, lang)}")


def overdue_note(cases: Sequence[Case], at: dt.datetime, lang: str) -> str:
    listed = "; ".join(_case_line(c, at, lang) for c in cases)
    return word(lang, "overdue_note", n=len(cases), cases=listed, first=cases[0].id)


def _case_rows(cases: Sequence[Case], at: dt.datetime, lang: str) -> list[list[str]]:
    rows = []
    for c in cases:
        late = c.overdue(at)
        rows.append(
            [
                str(c.id),
                c.line,
                c.order or "",
                word(lang, f"status.{c.status}"),
                f"{c.due:%Y-%m-%d %H:%M}" if c.due else "",
                duration(late, lang) if late is not None else "",
            ]
        )
    return rows


_CASE_COLUMNS = ("case", "line", "order", "status", "due", "overdue")


def case_list_rich(cases: Sequence[Case], at: dt.datetime, lang: str) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    if not cases:
        return Text(word(lang, "case.none"))
    table = Table()
    for column in _CASE_COLUMNS:
        table.add_column(word(lang, f"col.{column}"), overflow="fold")
    for row in _case_rows(cases, at, lang):
        table.add_row(
            *(
                Text(clean(cell), style="red" if i == 5 and cell else "")
                for i, cell in enumerate(row)
            )
        )
    return table


def case_list_markdown(cases: Sequence[Case], at: dt.datetime, lang: str) -> str:
    head = [word(lang, f"col.{c}") for c in _CASE_COLUMNS]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += [
        "| " + " | ".join(_md_cell(c) for c in row) + " |" for row in _case_rows(cases, at, lang)
    ]
    return "\n".join(out) + "\n"


def _md_cell(text: str) -> str:
    return clean(text).replace("|", "\\|").replace("\n", " ")


def _history_rows(case: Case, lang: str) -> list[list[str]]:
    return [
        [
            f"{e.at:%Y-%m-%d %H:%M}",
            word(lang, f"kind.{e.kind}"),
            e.agent or "",
            e.ticket or "",
            f"{e.due:%Y-%m-%d %H:%M}" if e.due else "",
            e.note or "",
        ]
        for e in case.entries
    ]


_HISTORY_COLUMNS = ("when", "what", "agent", "ticket", "due", "note")


def case_rich(case: Case, at: dt.datetime, lang: str) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    history = Table()
    for column in _HISTORY_COLUMNS:
        history.add_column(word(lang, f"col.{column}"), overflow="fold")
    for row in _history_rows(case, lang):
        history.add_row(*(Text(clean(cell)) for cell in row))
    parts: list[RenderableType] = [Text(_case_line(case, at, lang), style="bold")]
    if case.outcome:
        parts.append(Text(clean(f"{word(lang, 'outcome')}: {case.outcome}")))
    parts += [Text(word(lang, "history"), style="bold"), history]
    return Group(*parts)


def case_markdown(case: Case, at: dt.datetime, lang: str) -> str:
    head = [word(lang, f"col.{c}") for c in _HISTORY_COLUMNS]
    out = [f"## {_case_line(case, at, lang)}", ""]
    if case.outcome:
        out += [clean(f"{word(lang, 'outcome')}: {case.outcome}"), ""]
    out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in _history_rows(case, lang)]
    return "\n".join(out) + "\n"


def _followup_facts(status: LineStatus, words: FollowUp, lang: str) -> list[tuple[str, str]]:
    line = status.line
    return [
        (word(lang, "followup.call"), clean(f"{line.number} {line.name(lang)}")),
        (word(lang, "open_now"), state_text(status, lang) + _unverified(status, lang)),
        (word(lang, "best"), best_text(status, lang)),
        (word(lang, "followup.missed"), str(words.missed)),
    ]


def followup_json(case: Case, status: LineStatus, words: FollowUp, lang: str) -> dict[str, Any]:
    return {
        "case": case_summary_json(case, status.at),
        "line": line_json(status, None, lang),
        "say": words.words,
        "escalate": words.escalate,
        "missed_promises": words.missed,
        "overdue_minutes": int(words.overdue.total_seconds() // 60) if words.overdue else None,
    }


def followup_markdown(case: Case, status: LineStatus, words: FollowUp, lang: str) -> str:
    out = [f"## {_case_line(case, status.at, lang)}", ""]
    out += [f"- **{label}:** {value}" for label, value in _followup_facts(status, words, lang)]
    out += ["", f"**{word(lang, 'followup.say')}:** “{clean(words.words)}”", ""]
    if words.escalate:
        out += [f"**{word(lang, 'followup.escalate')}:** “{clean(words.escalate)}”", ""]
    return "\n".join(out)


def followup_rich(case: Case, status: LineStatus, words: FollowUp, lang: str) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = [
        Text(_case_line(case, status.at, lang), style="bold"),
        _pairs(_followup_facts(status, words, lang)),
        Text(""),
        Text(word(lang, "followup.say"), style="bold"),
        _bullets([clean(f"“{words.words}”")], "•"),
    ]
    if words.escalate:
        parts += [
            Text(""),
            Text(word(lang, "followup.escalate"), style="bold"),
            _bullets([clean(f"“{words.escalate}”")], "!"),
        ]
    return Group(*parts)


# --------------------------------------------------------------------------- consoles


class Output:
    """Two consoles: results to stdout, errors, notes and prompts to stderr.

    Whatever the streams are, printing never fails (fit_streams): an encoding that
    lacks a character prints "?" for it, with one note as the command ends; a closed
    stdout (`>&-`) or a reader that went away (`| head -1`) swallows the rest of the
    answer, and the command still ends with its own exit code.
    """

    def __init__(self) -> None:
        self._out: Console | None = None
        self._err: Console | None = None
        self.replaced = False  # a character the output encoding lacks was printed as "?"
        self.stdout_closed = False  # started with stdout closed: the answer went nowhere

    def reset(self) -> None:
        """Forget the consoles: the next command builds its own.

        A console reads COLUMNS, TERM, FORCE_COLOR and NO_COLOR once, when it is
        built; a process that runs several commands (the test suite) must not give
        the second one the first one's width or colours.
        """
        self._out = self._err = None

    @property
    def out(self) -> Console:
        if self._out is None:
            self._out = _console(stderr=False)
        return self._out

    @property
    def err(self) -> Console:
        if self._err is None:
            self._err = _console(stderr=True)
        return self._err

    def fit_streams(self) -> None:
        """Make stdout, stderr and stdin safe for any text, in any encoding (cli.main)."""
        import codecs
        import os

        def replace(error: UnicodeError) -> tuple[str, int]:
            assert isinstance(error, UnicodeEncodeError)
            self.replaced = True
            return "?" * (error.end - error.start), error.end

        codecs.register_error("jdhotline.replace", replace)
        if sys.stdout is None or not _open(sys.stdout):  # started with `>&-`
            sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
            self.stdout_closed = True
        if sys.stderr is None:
            sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="jdhotline.replace")
        if hasattr(sys.stderr, "reconfigure"):
            sys.stderr.reconfigure(errors="backslashreplace")
        if sys.stdin is not None and hasattr(sys.stdin, "reconfigure"):
            # Undecodable input bytes arrive as surrogates, which inputs.readable escapes.
            sys.stdin.reconfigure(errors="surrogateescape")

    def finish(self, saved: Sequence[str] = ()) -> None:
        """The one note owed about the output, after it (cli.main)."""
        if self.stdout_closed:
            done = f" ({', '.join(saved)})" if saved else ""
            self._stderr(
                f"jdhotline: standard output is closed, so the answer was not printed{done}\n"
            )
        elif self.replaced:
            encoding = getattr(sys.stdout, "encoding", None) or "unknown"
            self._stderr(
                f"jdhotline: the output encoding ({encoding}) cannot show some characters; "
                "they print as '?'. Use a UTF-8 locale (e.g. LANG=C.UTF-8) or --format json.\n"
            )

    @staticmethod
    def _stderr(text: str) -> None:
        try:
            sys.stderr.write(text)
            sys.stderr.flush()
        except (OSError, ValueError):
            pass

    def dumps(self, document: Any) -> str:
        """JSON in \\u escapes unless stdout is UTF-8: then it parses in any encoding."""
        return dumps(document, ascii_only=not _is_utf8(sys.stdout))

    def rich(self, renderable: RenderableType) -> None:
        self.rich_parts([(renderable, False)])

    def rich_parts(self, parts: Sequence[tuple[RenderableType, bool]]) -> None:
        """Print in order; a part marked True is never wrapped (a command to copy)."""
        console = self.out
        if console.is_terminal:
            try:
                for renderable, unwrapped in parts:
                    console.print(renderable, soft_wrap=unwrapped)
            except BrokenPipeError:
                _reader_gone()
            return
        # Piped or redirected: plain text for pasting, without the padding Rich adds.
        with console.capture() as capture:
            for renderable, unwrapped in parts:
                console.print(renderable, soft_wrap=unwrapped)
        text = "\n".join(line.rstrip() for line in capture.get().splitlines())
        self.plain(text)

    @property
    def width(self) -> int:
        return self.out.width

    def plain(self, text: str) -> None:
        """Text printed as it is (JSON, Markdown): no Rich, no wrapping."""
        try:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            _reader_gone()

    def note(self, message: str) -> None:
        """A remark for people, on stderr, so that stdout stays one document."""
        sys.stderr.write(clean(message) + "\n")
        sys.stderr.flush()

    def error(self, message: str, hint: str | None = None) -> None:
        sys.stderr.write(f"jdhotline: {clean(message)}\n")
        if hint:
            sys.stderr.write(f"  {clean(hint)}\n")
        sys.stderr.flush()

    def ask(self, question: str, options: Sequence[str], prompt: str) -> str:
        """Show a question with numbered options on stderr; read one line from stdin."""
        from rich.text import Text

        self.err.print(Text(question, style="bold"))
        for number, option in enumerate(options, 1):
            self.err.print(Text(f"  {number}) {clean(option)}"))
        self.err.file.write(prompt)
        self.err.file.flush()
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line.strip()


def _open(stream: Any) -> bool:
    """False for a stream whose file descriptor was closed under it."""
    import os

    try:
        os.fstat(stream.fileno())
    except (AttributeError, ValueError):  # not a file (a buffer): io.UnsupportedOperation
        return True
    except OSError:
        return False
    return True


def _is_utf8(stream: Any) -> bool:
    import codecs

    encoding = getattr(stream, "encoding", None)
    if encoding is None:  # a text buffer (io.StringIO), not bytes
        return True
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def _reader_gone() -> None:
    """The reader of stdout went away (`| head -1`): the rest of the answer goes nowhere.

    Like `head`'s other writers, jdhotline stops printing quietly; unlike them it ends
    with the command's own exit code (`open LINE | head -1` still says open or closed).
    """
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _console(*, stderr: bool) -> Console:
    from rich.console import Console

    class Quiet(Console):
        def on_broken_pipe(self) -> None:
            """Rich would exit 1 (the code for "line closed"): stop printing instead."""
            self.quiet = True
            _reader_gone()

    return Quiet(
        stderr=stderr,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        _environ=_Environ(),
    )


class _Environ(Mapping[str, str]):
    """os.environ, read live, where a COLUMNS or LINES that is not a positive number is unset.

    Rich takes COLUMNS=0 at its word and prints nothing at all.
    """

    def __getitem__(self, name: str) -> str:
        import os

        value = os.environ[name]
        if name in ("COLUMNS", "LINES") and not (value.isdigit() and int(value) > 0):
            raise KeyError(name)
        return value

    def __iter__(self) -> Iterator[str]:
        import os

        return iter(os.environ)

    def __len__(self) -> int:
        import os

        return len(os.environ)
