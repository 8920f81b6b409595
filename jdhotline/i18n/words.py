"""Every word the user reads: the answer's words here, the rest by concern in words_*.py,
merged into one table per language; other languages in languages/<tag>.json.

Grammar is in the words: word order and separators are templates, a plural or a
context is its own key ("status.closed" / "kind.close"), a setting of the language a
word ("say_zh"). Chinese has its full-width marks at the source. Nothing here decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from .words_calendar import CALENDAR
from .words_case import CASE
from .words_catalogue import CATALOGUE
from .words_dates import DATES
from .words_errors import ERRORS
from .words_explain import EXPLAIN
from .words_safety import SAFETY
from .words_script import SCRIPT
from .words_workdays import WORKDAYS

_FOLDER = Path(__file__).with_name("languages")
_FILES: dict[str, dict[str, Any]] = {}
DEFAULT_LANG = "en"  # what an answer is in when no language is set (README: --lang)

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "user.regular": "Regular buyer",
        "user.plus": "PLUS member",
        "user.merchant": "JD merchant",
        "audience.everyone": "every buyer",
        "audience.plus": "PLUS members only",
        "audience.merchants": "JD merchants",
        "hours.every-day": "{window} daily",
        "hours.working-days": "{window} working days",
        "hours.always": "24 hours",
        "call": "Call",
        "press": "press {key} ({label})",
        "menu": "{menu}",
        "menu.label": "Menu",
        "state": "Status",
        "open": "open",
        "closed": "closed",
        "closed.day_off": "closed today (day off)",
        "closed.day_off.named": "closed today ({holiday}){tier}",
        "open_24h": "open, 24 hours",
        "closes_in": "open · closes {when} (in {left}){tier}",
        "opens_in": "closed · opens {when} (in {left}){tier}",
        "day_off": "closed today (day off) · opens {when} (in {left}){tier}",
        "day_off.named": "closed today ({holiday}) · opens {when} (in {left}){tier}",
        "never_opens": "closed · no opening within a year: check the catalogue",
        "open_instead": "open now: ",
        "online_instead": "online now: ",
        "best": "Best time",
        "call_now": "now, until {end}",
        "call_now_open": "now (open around the clock)",
        "best_window": "{start}–{end}",
        "best_from": "from {start}",
        "midnight": "midnight",
        "dial": "Dialling",
        "wait": "Time to get through",
        "wait_value": "{lo}–{hi} min",
        "wait_peak": "peak hours now ({window}): see the warning below",
        "peak_now": "peak hours now ({window})",
        "extension": " (jdhotline's addition)",
        "online": "Online",
        "assistant_first": "Try first: the in-app assistant (京东客服助手) answers this at once",
        "why": "Why this line",
        "have_ready": "Have ready",
        "say": "What to say",
        "say.example": "Say it like this, with your details",
        "say.example.own": "Say it like this, with your details (jdhotline's example)",
        "say_zh": "In Chinese: ",
        "on_the_call": "On the call",
        "warnings": "Warnings",
        "notes": "Notes",
        "alternatives": "Alternatives",
        "matched": "Matched",
        "time": "Time",
        "beijing": "Beijing time",
        "local": "your local time",
        "source": "Source",
        "verified": "checked against it on {date}",
        "more": "more: --full",
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
        "col.open": "Now",
        "col.id": "Id",
        "col.name": "Name",
        "col.keywords": "Example keywords",
        "none": "none given",
        # how sure the working days are: after a status, or inside its last bracket
        "tier.statutory": " (statutory holidays only: adjusted days not announced yet)",
        "tier.guessed": " (working days guessed: Monday–Friday, less the holidays fixed by date)",
        "tier.statutory.in": " (statutory holidays only: adjusted days not announced yet)",
        "tier.guessed.in": " (working days guessed: Monday–Friday, less the holidays fixed by "
        "date)",
        "reason.serves": "It handles {scenario:mid}.",
        "reason.general-line": "It takes any question from {audience}.",
        "reason.specialist": "PLUS members should call it first too. {why}.",
        "reason.members-line": "{why}. Time to get through: {wait} (the guide's figure).",
        "reason.extension": "The guide's table does not list {scenario:mid} for this line: "
        "sending you here is jdhotline's own addition.",
        "notice.plus-members-only": "Not a PLUS member? Don't dial {number}: it answers “{reply}”.",
        "notice.plus-members-only.plain": "Not a PLUS member? {number} is for PLUS members only.",
        "notice.merchant-line": "A JD merchant's question, so the merchant line "
        "(--merchant says so); {number} takes no buyers' orders.",
        "notice.buyer-question": "This is a buyer's question, so this is a buyer's answer: "
        "the merchant line handles store matters only.",
        "notice.primary-closed.other": "{number} is closed now; "
        "{other} ({other_name}) is open now.",
        "notice.primary-closed.none": "{number} is closed now and no other line is open; "
        "use {online}.",
        "notice.primary-closed.not-for-this": "{number} is closed now. {others} are open, "
        "but they are not the lines for this question; use {online}.",
        "notice.calendar-statutory": "{years}: holidays not announced yet; statutory "
        "holidays and their make-up days counted, adjusted working weekends unknown.",
        "notice.calendar-guessed": "{years}: no holiday data; working days guessed as "
        "Monday–Friday, less the holidays fixed by date.",
        "notice.calendar-upgrade": "Once a chinesecalendar release covers {years}, upgrading "
        "verifies it: pip install -U chinesecalendar",
        "hint.plus": "A PLUS member? Add --plus: members have their own line.",
        "qr.scan": "Scan with a phone's camera to dial {number}:",
        "note.long_problem": "Only the first {read} characters of the problem were read "
        "(it has {length}): put what went wrong first.",
        "note.plus_said": "You said you are a PLUS member, so this is a member's answer "
        "(--plus says so).",
        "ask.user": "Who are you?",
        "ask.user.options": "Regular buyer|PLUS member|JD merchant",
        "ask.user.prompt": "Choose 1-3 [1]: ",
        "ask.user.again": "Type 1, 2 or 3 (Enter for 1).",
        "ask.problem": "What went wrong? Describe it in a few words, or type a number:",
        "ask.problem.merchant": "What went wrong? Describe it in a few words "
        "(e.g. 买家恶意退款), or type a number:",
        "ask.problem.prompt": "Problem or number: ",
        "ask.instead": "{where} (for the digits, press Enter first)",
        "ask.problem.again": "Describe the problem in a few words, or type a number from the list.",
        "ask.pick": "No scenario matched “{text}”. Which one is it?",
        "ask.pick.prompt": "Number: ",
        "ask.pick.again": "Type a number from the list above.",
        "ask.unsure": "Not sure which this is. Which one?",
        "ask.unsure.prompt": "Choose 1 or 2 [1]: ",
        "ask.unsure.again": "Type 1 or 2 (Enter for 1).",
        "notice.unsure": "Not sure: this may instead be {scenario}, which is {number} ({name}).",
        "ask.stdin": "Type or paste the problem, then press Ctrl-D:",
        "ask.fact": "Enter skips: ",
        "opening": "Open with",
        "for_example": "For example: ",
        "no_opening": "(the sentence is time + problem + demand: give what is wrong (--fault) "
        "and the order or purchase date (--ordered, --bought) or what you want (--want))",
        "no_opening.time": "(the sentence is time + problem + demand: add the order or "
        "purchase date (--ordered, --bought) or what you want (--want))",
        "missing": "Still missing",
        "given": "You have",
        "you_have": "you have",
        "evidence_given": "Evidence",
        "after_call": "Before you hang up, note",
        "after_fields": "The agent's ID (工号), the service ticket (服务单号) "
        "and the promised deadline",
        "record": "Record it",
        "record.later": "Add what the agent gives you to the end of that line: "
        "--agent and their ID, --ticket and the service ticket, --promise and the deadline "
        "as said, e.g. --agent 00123 --ticket 12345 --promise 24小时内",
        # grammar: separators, a label before its text, the time and source lines
        "punctuation": "",  # not empty: the user's own words get full-width marks (typed)
        "sep.list": ", ",
        "quoted": "“{text}”",
        "sep.clause": ", ",
        "sep.cases": "; ",
        "sep.sources": "; ",
        "space.before_latin": "",
        "keywords.zh": "2",
        "keywords.en": "3",
        "sep.aside": " — ",
        "aside.name": " ({name})",
        "label": "{name}: ",
        "pair": "{name}: {value}",
        "time.at": "{stamp} {beijing} (UTC+8)",
        "time.local": "; {local} {stamp} ({zone})",
        "source.table": "{guide}, table {table}",
        "source.line": "{source}: {text} ({verified})",
    },
    "zh": {
        "user.regular": "普通买家",
        "user.plus": "PLUS 会员",
        "user.merchant": "京东商家",
        "audience.everyone": "所有买家",
        "audience.plus": "仅限 PLUS 会员",
        "audience.merchants": "京东商家",
        "hours.every-day": "每天 {window}",
        "hours.working-days": "工作日 {window}",
        "hours.always": "24 小时",
        "call": "拨打",
        "press": "按 {key}“{label}”",
        "menu": "{menu}",
        "menu.label": "语音菜单",
        "state": "当前状态",
        "open": "可拨打",
        "closed": "已下班",
        "closed.day_off": "今天休息",
        "closed.day_off.named": "今天休息（{holiday}{tier}）",
        "open_24h": "24 小时可拨打",
        "closes_in": "可拨打 · {when} 下班（还有 {left}{tier}）",
        "opens_in": "已下班 · {when} 开始接听（还有 {left}{tier}）",
        "day_off": "今天休息 · {when} 开始接听（还有 {left}{tier}）",
        "day_off.named": "今天休息（{holiday}） · {when} 开始接听（还有 {left}{tier}）",
        "never_opens": "已下班 · 一年内都不开放，请检查热线数据文件",
        "open_instead": "现在可拨 ",
        "online_instead": "现在可用在线入口：",
        "best": "最佳拨打时间",
        "call_now": "现在就打，{end} 前",
        "call_now_open": "现在就打（24 小时可拨打）",
        "best_window": "{start}–{end}",
        "best_from": "{start} 起",
        "midnight": "24:00",
        "dial": "拨打须知",
        "wait": "接通效率",
        "wait_value": "{lo}–{hi} 分钟",
        "wait_peak": "现在是高峰时段（{window}），见下方注意",
        "peak_now": "现在是高峰时段（{window}）",
        "extension": "（本工具补充）",
        "online": "在线入口",
        "assistant_first": "先问京东客服助手：这类问题即时解答，无需排队",
        "why": "推荐理由",
        "have_ready": "需准备",
        "say": "怎么说",
        "say.example": "怎么说（照这个例句，换成你的信息）",
        "say.example.own": "怎么说（本工具的例句，换成你的信息）",
        "say_zh": "",
        "on_the_call": "通话中",
        "warnings": "注意",
        "notes": "提示",
        "alternatives": "其他热线",
        "matched": "匹配词",
        "time": "时间",
        "beijing": "北京时间",
        "local": "本机时间",
        "source": "来源",
        "verified": "{date}核对",
        "more": "更多：--full",
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
        "col.scenarios": "适用场景",
        "col.hours": "服务时间（北京）",
        "col.off_peak": "避峰时段",
        "col.online": "在线入口",
        "col.open": "当前状态",
        "col.id": "编号",
        "col.name": "名称",
        "col.keywords": "关键词示例",
        "none": "攻略未给出",
        "tier.statutory": "（仅计法定节假日，调休尚未公布）",
        "tier.guessed": "（工作日按周一至周五推算，已除去元旦、劳动节、国庆节）",
        "tier.statutory.in": "；仅计法定节假日，调休尚未公布",
        "tier.guessed.in": "；工作日按周一至周五推算，已除去元旦、劳动节、国庆节",
        "reason.serves": "专门处理{scenario}。",
        "reason.general-line": "受理{audience}的各类问题。",
        "reason.specialist": "PLUS 会员也先打这条线：{why}。",
        "reason.members-line": "{why}。接通效率 {wait}（攻略数据）。",
        "reason.extension": "攻略的热线表没有为这条线列出“{scenario}”；推荐这条线是本工具的补充。",
        "notice.plus-members-only": "不是 PLUS 会员就别打 {number}，系统会提示“{reply}”。",
        "notice.plus-members-only.plain": "{number} 仅限 PLUS 会员拨打。",
        "notice.merchant-line": "这是京东商家的问题，按商家回答（也可以加 --merchant）；"
        "{number} 不受理买家订单。",
        "notice.buyer-question": "这是买家的问题，下面按买家身份回答；商家专线只处理店铺事务。",
        "notice.primary-closed.other": "{number} 现在不开放；现在可拨 {other}（{other_name}）。",
        "notice.primary-closed.none": "{number} 现在不开放，其他热线也都不开放；"
        "可以先用在线入口：{online}。",
        "notice.primary-closed.not-for-this": "{number} 现在不开放。{others} 虽然开着，"
        "但不处理这个问题；可以先用在线入口：{online}。",
        "notice.calendar-statutory": "{years} 年放假安排尚未公布：已计入法定节假日及补假，"
        "调休尚不知道。",
        "notice.calendar-guessed": "{years} 年没有节假日数据：工作日按周一至周五推算，"
        "已除去元旦、劳动节、国庆节。",
        "notice.calendar-upgrade": "等日历数据收录 {years} 年放假通知后，升级即可核实："
        "pip install -U chinesecalendar",
        "hint.plus": "是 PLUS 会员？加上 --plus，会员有专属热线。",
        "qr.scan": "用手机相机扫这个码，就能拨打 {number}：",
        "note.long_problem": "问题太长，只读了前 {read} 个字符（共 {length} 个）："
        "请把出了什么问题写在最前面。",
        "note.plus_said": "你说自己是 PLUS 会员，已按会员回答（也可以加 --plus）。",
        "ask.user": "你的身份是？",
        "ask.user.options": "普通买家|PLUS 会员|京东商家",
        "ask.user.prompt": "输入 1–3，直接回车选 1：",
        "ask.user.again": "请输入 1、2 或 3，直接回车选 1。",
        "ask.problem": "遇到了什么问题？用一句话描述，也可以输入编号：",
        "ask.problem.merchant": "遇到了什么问题？用一句话描述（例如“买家恶意退款”），"
        "也可以输入编号：",
        "ask.problem.prompt": "问题或编号：",
        "ask.instead": "{where}（报尾号请先回车）",
        "ask.problem.again": "请用一句话描述问题，或输入上面的编号。",
        "ask.pick": "没能从“{text}”判断出场景，请选一个：",
        "ask.pick.prompt": "编号：",
        "ask.pick.again": "请输入上面列出的编号。",
        "ask.unsure": "不太确定是哪一种，请选择：",
        "ask.unsure.prompt": "输入 1 或 2，直接回车选 1：",
        "ask.unsure.again": "请输入 1 或 2，直接回车选 1。",
        "notice.unsure": "不太确定：也可能是“{scenario}”，那样应拨 {number}（{name}）。",
        "ask.stdin": "请输入或粘贴问题，输完按 Ctrl-D 结束：",
        "ask.fact": "直接回车跳过：",
        "opening": "开场白",
        "for_example": "例如：",
        "no_opening": "（开场白按“时间 + 问题 + 需求”来写：提供问题（--fault），"
        "再加下单或购买日期（--ordered、--bought）或需求（--want），即可自动生成）",
        "no_opening.time": "（开场白按“时间 + 问题 + 需求”来写：再提供下单或购买日期"
        "（--ordered、--bought）或需求（--want），即可自动生成）",
        "missing": "还缺",
        "given": "已提供",
        "you_have": "已有",
        "evidence_given": "证据",
        "after_call": "挂电话前记下",
        "after_fields": "客服工号、服务单号和承诺的时限",
        "record": "保存通话记录",
        "record.later": "客服报了工号、服务单号和时限后，接在这行命令末尾：--agent 工号、"
        "--ticket 服务单号、--promise 原话里的时限，例如 --agent 00123 --ticket 12345 "
        "--promise 24小时内",
        "punctuation": "全角",
        "sep.list": "、",
        "quoted": "“{text}”",
        "sep.clause": "，",
        "sep.cases": "；",
        "sep.sources": "、",
        "space.before_latin": " ",
        "keywords.zh": "4",
        "keywords.en": "0",
        "sep.aside": "，",
        "aside.name": "（{name}）",
        "label": "{name}：",
        "pair": "{name}：{value}",
        "time.at": "{beijing} {stamp}",
        "time.local": "；{local} {stamp}",
        "source.table": "{guide}“{table}”表",
        "source.line": "{source}：{text}（{verified}）",
    },
}


for _lang in WORDS:
    for _table in (ERRORS, CATALOGUE, SAFETY, DATES, SCRIPT, CALENDAR, CASE, WORKDAYS, EXPLAIN):
        WORDS[_lang].update(_table[_lang])


# A language beyond the two written here is one file, languages/<tag>.json (zh-Hant.json):
# every word in "words", the page's in "page", and, when its catalogue text is converted
# from another's, "base" and "catalogue" (the shipped texts, converted; docs/languages.md).
ALIASES = {"zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "zh-mo": "zh-Hant"}  # docs/languages.md


@cache
def languages() -> tuple[str, ...]:
    """Every language jdhotline speaks: zh, en, one per languages/<tag>.json (listed once)."""
    return ("zh", "en", *sorted(p.stem for p in _FOLDER.glob("*.json")))


def language_file(lang: str) -> dict[str, Any]:
    """A language's file, read once: {"words": …, "page": …, "base": …, "catalogue": …}."""
    import json

    if lang not in _FILES:
        _FILES[lang] = json.loads((_FOLDER / f"{lang}.json").read_text(encoding="utf-8"))
    return _FILES[lang]


def language(value: str) -> str | None:
    """A --lang value or a locale as a language jdhotline speaks: "zh-Hant", "zh_TW" ->
    "zh-Hant"; None when it speaks none like it."""
    tag = value.split(".")[0].replace("_", "-")
    known = {name.lower(): name for name in languages()}
    found = known.get(tag.lower()) or ALIASES.get(tag.lower())
    if found is not None:
        words_of(found)  # chosen: its file read now, so the catalogue's text converts too
    return found


LANGS = languages()  # as --lang offers them: ("zh", "en", "zh-Hant")


def words_of(lang: str) -> dict[str, str]:
    """Every word of a language (an unknown language reads English)."""
    table = WORDS.get(lang)
    if table is None:
        table = _load(lang)
    return table


def _load(lang: str) -> dict[str, str]:
    from jdhotline import catalogue

    if lang not in languages():
        return WORDS["en"]
    found = language_file(lang)
    table = WORDS[lang] = found["words"]
    if found.get("base"):
        catalogue.DERIVED[lang] = (found["base"], _converter(found["catalogue"]))
    return table


def in_language(text: str, lang: str) -> str:
    """A Chinese text of the catalogue that is not an L10n (a cue) in ``lang``: converted
    for a language written from Chinese (zh-Hant), else as written."""
    from jdhotline.catalogue import DERIVED

    words_of(lang)
    derived = DERIVED.get(lang)
    return derived[1](text) if derived is not None else text


def _converter(known: dict[str, str]) -> Callable[[str], str]:
    """The shipped catalogue's text as converted at build time; any other (a user's own
    --catalog) converted now by OpenCC, imported only then (about 110 ms)."""
    from .convert import traditional

    def convert(text: str) -> str:
        found = known.get(text)
        return found if found is not None else traditional(text)

    return convert


class Phrase(str):
    """A text put into a template, which may say how: ``{x:cap}`` starts a sentence with
    it (a capital), ``{x:mid}`` puts a name mid-sentence ("It handles appliance …")."""

    def __format__(self, spec: str) -> str:
        if spec == "cap":
            return self[:1].upper() + self[1:]
        if spec == "mid":
            return self[:1].lower() + self[1:] if self[1:2].islower() else str(self)
        return format(str(self), spec)


def word(lang: str, name: str, /, **params: Any) -> str:
    text = words_of(lang)[name]
    if not params:
        return text
    return text.format(**{k: Phrase(v) if isinstance(v, str) else v for k, v in params.items()})


def clock(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M")


def _date(value: dt.date, lang: str) -> dict[str, Any]:
    return {
        "year": value.year,
        "month": value.month,
        "day": value.day,
        "month_name": word(lang, f"month.{value.month}"),
        "weekday": word(lang, f"weekday.{value.weekday()}"),
        "iso": value.isoformat(),
    }


def day(value: dt.date, lang: str, *, year: bool) -> str:
    """A date in a sentence: "2023 年 10 月 10 日" / "10 October 2023"."""
    return word(lang, "date.day.year" if year else "date.day", **_date(value, lang))


def checked(value: dt.date, lang: str) -> str:
    """The day a fact was checked: "2026 年 11 月 27 日" / "2026-11-27"."""
    return word(lang, "date.checked", **_date(value, lang))


def stamp(moment: dt.datetime, lang: str) -> str:
    """A full moment: "2026-11-27 Fri 22:00" / "11 月 27 日周五 22:00"."""
    return word(lang, "date.stamp", **_date(moment.date(), lang), clock=clock(moment))


def when(moment: dt.datetime, at: dt.datetime, lang: str) -> str:
    """A nearby moment in words: "18:00", "tomorrow 09:00", "Mon 11-30 09:00"."""
    days = (moment.date() - at.date()).days
    name = {0: "when.today", 1: "when.tomorrow"}.get(days, "when.later")
    return word(lang, name, **_date(moment.date(), lang), clock=clock(moment))


def duration(delta: dt.timedelta, lang: str) -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    d, rest = divmod(minutes, 24 * 60)
    h, m = divmod(rest, 60)
    if d:
        return word(lang, "in_days", d=d, h=h) if h else word(lang, "in_whole_days", d=d)
    if h:
        return word(lang, "in_hours", h=h, m=m) if m else word(lang, "in_whole_hours", h=h)
    return word(lang, "in_minutes", m=m)


def holiday(name: str, lang: str) -> str:
    """An official holiday's name: "国庆节" / "National Day" (a name we lack, as given)."""
    return words_of(lang).get(f"holiday.{name}", name)


def typed(text: str, lang: str) -> str:
    """The user's own words in a sentence of ``lang``: full-width marks in Chinese text
    when the language writes them (its words say so: "punctuation"); BCD-500,2025 and
    09:00 stay as typed (punctuation.py)."""
    if not word(lang, "punctuation"):
        return text
    from .punctuation import zh_punctuation  # only for what the user typed: 2 ms to import

    return zh_punctuation(text)


def listing(items: list[str], lang: str) -> str:
    """Items in a sentence: "a, b" / "a、b"."""
    return word(lang, "sep.list").join(items)
