"""Every byte the user sees: Rich text, Markdown, JSON, prompts and errors.

Text from the catalogue is always printed literally: it goes into Rich as
``Text`` (never parsed as markup), and control characters are shown escaped,
so a catalogue cannot colour, move or retitle the user's terminal.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .catalogue import Catalogue, Line, Scenario, Window
from .schedule import LineStatus

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from .rules import Notice, Recommendation

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
        "wait": "Typical wait",
        "wait_value": "{lo}–{hi} min",
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
        "col.hours": "Hours (Beijing)",
        "col.off_peak": "Off-peak",
        "col.online": "Online",
        "col.open": "Open now",
        "col.id": "Id",
        "col.name": "Name",
        "col.keywords": "Example keywords",
        "none": "none given",
        "all_day": "24 h",
        "unverified": "(working days guessed: calendar not verified)",
        "ask.user": "Who are you? 1) regular buyer  2) PLUS member  3) JD merchant",
        "ask.user.prompt": "Choose 1-3 [1]: ",
        "ask.problem": "What went wrong? Describe it (e.g. 冰箱不制冷), or pick a number:",
        "ask.problem.prompt": "Problem or number: ",
        "ask.pick": "No scenario matched {text}. Pick one:",
        "ask.pick.prompt": "Number: ",
        "ask.again": "Please answer with one of the numbers shown.",
        "reason.serves": "It handles {scenario}.",
        "reason.general-line": "It takes any question from {audience}.",
        "reason.specialist": "It stays first for PLUS members too. {why}.",
        "reason.members-line": "{why}. Typical wait {wait}.",
        "notice.plus-members-only": "Not a PLUS member? Don't dial {number}: it answers “{reply}”.",
        "notice.plus-members-only.plain": "Not a PLUS member? {number} is for PLUS members only.",
        "notice.merchant-line": "{number} is the line for JD merchants (sellers); "
        "it answers store matters, not buyers' orders.",
        "notice.buyer-question": "This is a buyer's question, so this is a buyer's answer: "
        "the merchant line handles store matters only.",
        "notice.primary-closed.other": "{number} is closed now; "
        "{other} ({other_name}) is open now.",
        "notice.primary-closed.none": "{number} is closed now and no other line is open; "
        "online: {online}.",
        "notice.calendar-unverified": "Working days for {years} are not in the installed "
        "chinesecalendar: Monday–Friday assumed, public holidays and adjusted working "
        "weekends ignored. Install a newer chinesecalendar (pip install -U chinesecalendar) "
        "or add the dates to the catalogue (calendar.extra_holidays / extra_workdays).",
        "error": "error",
        "hint.scenarios": "Known scenarios: {ids}",
        "did_you_mean": "did you mean {guess!r}?",
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
        "wait": "平均等待",
        "wait_value": "{lo}–{hi} 分钟",
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
        "col.hours": "服务时间(北京)",
        "col.off_peak": "避峰时段",
        "col.online": "在线入口",
        "col.open": "现在",
        "col.id": "编号",
        "col.name": "名称",
        "col.keywords": "关键词示例",
        "none": "攻略未给出",
        "all_day": "24 小时",
        "unverified": "(工作日为推算:日历未核实)",
        "ask.user": "你是? 1) 普通买家  2) PLUS 会员  3) 京东商家",
        "ask.user.prompt": "选 1-3 [1]:",
        "ask.problem": "遇到什么问题?直接描述(如 冰箱不制冷),或选编号:",
        "ask.problem.prompt": "问题或编号:",
        "ask.pick": "“{text}”没有匹配到场景,请选择:",
        "ask.pick.prompt": "编号:",
        "ask.again": "请输入上面列出的编号。",
        "reason.serves": "专门处理:{scenario}。",
        "reason.general-line": "受理{audience}的各类问题。",
        "reason.specialist": "PLUS 会员也先打这条线。{why}。",
        "reason.members-line": "{why}。平均等待 {wait}。",
        "notice.plus-members-only": "不是 PLUS 会员?别打 {number}:系统会提示“{reply}”。",
        "notice.plus-members-only.plain": "不是 PLUS 会员?{number} 仅限 PLUS 会员。",
        "notice.merchant-line": "{number} 是京东商家专线,处理店铺事务,不受理买家订单。",
        "notice.buyer-question": "这是买家问题,以下按买家身份作答:商家专线只处理店铺事务。",
        "notice.primary-closed.other": "{number} 现在未开放;{other}({other_name})现在开放。",
        "notice.primary-closed.none": "{number} 现在未开放,也没有其他热线开放;在线入口:{online}。",
        "notice.calendar-unverified": "已安装的 chinesecalendar 没有 {years} 年的官方工作日数据:"
        "暂按周一至周五推算,未计入法定节假日和调休。请升级 chinesecalendar"
        "(pip install -U chinesecalendar),或在目录文件的 calendar.extra_holidays / "
        "extra_workdays 中补充日期。",
        "error": "错误",
        "hint.scenarios": "可用场景:{ids}",
        "did_you_mean": "是不是 {guess!r}?",
    },
}


def word(lang: str, name: str, /, **params: Any) -> str:
    text = WORDS["zh" if lang == "zh" else "en"][name]
    return text.format(**params) if params else text


# --------------------------------------------------------------------------- safety

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Show control characters (ESC, BEL, CSI...) as visible escapes, never raw."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


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
    if code == "calendar-unverified":
        return word(lang, "notice.calendar-unverified", years=", ".join(map(str, notice.years)))
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
        return word(
            lang, "notice.primary-closed.none", number=line.number, online=line.online(lang)
        )
    if code == "merchant-line":
        return word(lang, "notice.merchant-line", number=line.number)
    if code == "peak":
        peak = rec.primary.peak
        return peak.note(lang) if peak is not None else ""
    if code in ("caution", "plus-expedite"):
        text = line.caution if code == "caution" else line.plus_tip
        return text(lang) if text is not None else ""
    if code == "serves":
        name = rec.scenario.name(lang)
        if lang == "en" and name[1:2].islower():
            name = name[0].lower() + name[1:]  # mid-sentence: "It handles appliance ..."
        return word(lang, "reason.serves", scenario=name)
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
        "ivr": {
            "key": key.key if key else None,
            "label": key.label(lang) if key else None,
            "menu": [{"key": k.key, "label": k.label(lang)} for k in line.menu],
            "note": line.dial_note(lang) if line.dial_note else None,
        },
        "online": line.online(lang),
        "calendar_verified": status.calendar_verified,
    }


def which_json(rec: Recommendation, catalogue: Catalogue, lang: str) -> dict[str, Any]:
    return {
        "user": rec.user,
        "scenario": rec.scenario.id,
        "matched": list(rec.matched),
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


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def dumps(document: Any, *, ascii_only: bool = False) -> str:
    """One JSON document; C1 control characters escaped too (json leaves them raw)."""
    text = json.dumps(document, ensure_ascii=ascii_only, indent=2)
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text)


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
        (word(lang, "wait"), wait_text(line, lang)),
        (word(lang, "online"), clean(line.online(lang))),
    ]
    return rows


def _sections(rec: Recommendation, catalogue: Catalogue, lang: str) -> list[tuple[str, list[str]]]:
    line = rec.primary.line
    say = catalogue.say
    example = rec.scenario.example or say.example
    sections = [
        (word(lang, "why"), _texts(rec.reasons, rec, catalogue, lang)),
        (word(lang, "have_ready"), [clean(item(lang)) for item in rec.checklist]),
        (
            word(lang, "say"),
            [clean(say.shape(lang)), clean(f"{word(lang, 'example')} “{example(lang)}”")],
        ),
        (
            word(lang, "on_the_call"),
            [clean(t.text(lang)) for t in line.tips if t.applies_to(rec.scenario.id)]
            + [clean(t(lang)) for t in say.on_the_call],
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
    parts.append(f"{word(lang, 'wait')} {wait_text(line, lang)}")
    ivr = ivr_text(line, scenario, lang)
    if line.menu or line.dial_note:
        parts.append(ivr)
    return clean(" · ".join(parts))


def _unverified(status: LineStatus, lang: str) -> str:
    return "" if status.calendar_verified else " " + word(lang, "unverified")


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
    names = ", ".join(s if ids else catalogue.scenario(s).name(lang) for s in line.scenarios)
    off_peak = ", ".join(window_text(w) for w in line.off_peak) or word(lang, "none")
    state = word(lang, "open" if status.open_now else "closed")
    return [
        clean(line.name(lang)),
        line.number,
        word(lang, "audience." + line.audience),
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


def _pairs(rows: Sequence[tuple[str, str]]) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="cyan", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(Text(label), Text(value))
    return grid


def _bullets(items: Sequence[str], mark: str) -> RenderableType:
    """A list whose wrapped lines hang under the text, not under the mark."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    style = "yellow" if mark == "!" else ""
    for item in items:
        grid.add_row(Text(mark, style=style), Text(item, style=style))
    return grid


WIDE_TABLE = 120  # below this many columns, `table` prints one block per line


def table_rich(
    catalogue: Catalogue, statuses: Sequence[LineStatus], lang: str, width: int
) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    if width >= WIDE_TABLE:
        table = Table(show_lines=True)
        for column in ("line", "number", "audience", "scenarios", "hours", "off_peak"):
            table.add_column(
                word(lang, f"col.{column}"), no_wrap=column == "number", overflow="fold"
            )
        table.add_column(word(lang, "col.online"), ratio=1, overflow="fold")
        table.add_column(word(lang, "col.open"), overflow="fold")
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


# --------------------------------------------------------------------------- consoles


class Output:
    """Two consoles: results to stdout, errors, notes and prompts to stderr."""

    def __init__(self) -> None:
        self._out: Console | None = None
        self._err: Console | None = None

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
        """Never crash on a terminal that cannot show Chinese (PYTHONIOENCODING=ascii).

        Text falls back to "?" for what the encoding lacks, with one note saying
        so; JSON switches to \\u escapes, which lose nothing.
        """
        for name in ("stdout", "stderr"):
            stream = getattr(sys, name)
            if not _can_show_chinese(stream) and hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="replace")
        if not _can_show_chinese(sys.stdout):
            encoding = getattr(sys.stdout, "encoding", None) or "unknown"
            sys.stderr.write(
                f"jdhotline: the output encoding ({encoding}) cannot show Chinese; "
                "characters it lacks print as '?'. Use a UTF-8 locale (e.g. LANG=C.UTF-8) "
                "or --format json.\n"
            )

    def dumps(self, document: Any) -> str:
        return dumps(document, ascii_only=not _can_show_chinese(sys.stdout))

    def rich(self, renderable: RenderableType) -> None:
        console = self.out
        if console.is_terminal:
            console.print(renderable)
            return
        # Piped or redirected: plain text for pasting, without the padding Rich adds.
        with console.capture() as capture:
            console.print(renderable)
        text = "\n".join(line.rstrip() for line in capture.get().splitlines())
        self.plain(text)

    @property
    def width(self) -> int:
        return self.out.width

    def plain(self, text: str) -> None:
        """Text printed as it is (JSON, Markdown): no Rich, no wrapping."""
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()

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


def _can_show_chinese(stream: Any) -> bool:
    try:
        "京–●".encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _console(*, stderr: bool) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, markup=False, emoji=False, soft_wrap=False)
