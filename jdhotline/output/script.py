"""The words to say on the phone, assembled from the caller's facts.

The guide's shape is time + problem + demand:
"10 月 10 日下单(订单号 123),商家承诺 24 小时发货,现在超期没发,需求是要么当天发货,
要么退款并补偿 50 元运费券". Call-backs quote the agent's ID, the promise and the
ticket: "工号 00123 承诺 24 小时内反馈,现在已超时 2 小时,麻烦催进度,服务单号 12345".
Pure functions: moments are passed in, nothing is printed.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from jdhotline.case import Case
from jdhotline.catalogue import Line
from jdhotline.i18n.words import day, duration, zh_punctuation
from jdhotline.prep import Facts


def opening(
    facts: Facts, *, plus: bool, today: dt.date, lang: str, problem_zh: str | None = None
) -> str | None:
    """The first sentence of the call, in the guide's shape time + problem + demand.

    None unless there is a problem to state and a time or a demand to go with it
    (the guide's two examples: "10 月 10 日下单……需求是……" and "美的冰箱 BCD-500WTPZM,
    2023 年买的,不制冷"): a sentence with less says nothing the agent would not ask.
    """
    if not facts.what_is_wrong or not (facts.ordered or facts.bought or facts.want):
        return None
    zh = lang == "zh"
    parts: list[str] = []
    if plus:
        parts.append("PLUS 会员" if zh else "PLUS member")
    if facts.shop:
        parts.append(shop_words(facts.shop, lang))
    which = _which_order(facts, lang)
    if facts.model or facts.bought:
        # The appliance shape: "美的冰箱 BCD-500WTPZM,2023 年买的,不制冷".
        if facts.model:
            parts.append(facts.model if zh else f"model {facts.model}")
        if facts.bought:
            when = day(facts.bought, lang, year=True)
            parts.append(f"{when}买的" if zh else f"bought on {when}")
        if which:
            parts.append(which)
    elif facts.ordered:
        when = day(facts.ordered, lang, year=facts.ordered.year != today.year)
        which = (f"（{which}）" if zh else f" ({which})") if which else ""
        parts.append(f"{when}下单{which}" if zh else f"ordered on {when}{which}")
    elif which:
        parts.append(which)
    # The agent speaks Chinese: a problem or a demand written in another language is not
    # pasted into the Chinese sentence; the scenario says what the problem is, and the
    # demand is left for the caller to say (XX).
    wrong = facts.what_is_wrong
    if zh and foreign(wrong):
        wrong = f"{problem_zh}：XX" if problem_zh else "问题是 XX"
    parts.append(wrong)
    if facts.want:
        want = " XX" if zh and foreign(facts.want) else facts.want
        parts.append(f"需求是{want}" if zh else f"I want {want}")
    if zh:  # full-width here: zh_punctuation keeps "BCD-500,2025" as a thousands comma
        return "，".join(parts)
    sentence = "; ".join(parts) + "."
    return sentence[0].upper() + sentence[1:]


def foreign(text: str) -> bool:
    """Words in Latin letters and no Chinese: not to be pasted into a Chinese sentence."""
    latin = any("a" <= c.lower() <= "z" for c in text)
    return latin and not any("\u4e00" <= c <= "\u9fff" for c in text)


def _which_order(facts: Facts, lang: str) -> str | None:
    """The order number, else the receiving phone's last digits: never one for the other."""
    if facts.order:
        return f"订单号 {facts.order}" if lang == "zh" else f"order {facts.order}"
    if facts.phone:
        return phone_words(facts.phone, lang)
    return None


def phone_words(phone: str, lang: str) -> str:
    return f"收货手机尾号 {phone}" if lang == "zh" else f"receiving phone ending {phone}"


def shop_words(shop: str, lang: str) -> str:
    return f"店铺 ID {shop}" if lang == "zh" else f"shop ID {shop}"


def record_command(line_id: str, scenario_id: str, facts: Facts, lang: str) -> str:
    """The `jdhotline case add` line to run after the call, one line to copy.

    It runs as printed (issue 18: a placeholder <工号> was a shell syntax error); what
    only the agent can say (--agent, --ticket, --promise) is named beside it, to add
    when given (render_case). Every fact given that the record has no field for goes
    into the note, so none is lost.
    """
    import shlex

    parts = ["jdhotline", "case", "add", "--line", line_id, "--scenario", scenario_id]
    if facts.order:
        parts += ["--order", facts.order]
    note = record_note(facts, lang)
    if note:
        parts += ["--note", note]
    if lang != "en":  # pasted where no language is set, it still answers in the sheet's
        parts += ["--lang", lang]
    return " ".join(shlex.quote(p) for p in parts)


def record_note(facts: Facts, lang: str) -> str | None:
    """The caller's facts beyond the order number, as one line of the record's note:
    "型号 BCD-500WTPZM，购买日期 2023-05-01，问题：不制冷，需求：上门维修"."""
    zh = lang == "zh"
    said: list[str] = []
    if facts.model:
        said.append(f"型号 {facts.model}" if zh else f"model {facts.model}")
    if facts.bought:
        said.append(f"购买日期 {facts.bought}" if zh else f"bought {facts.bought}")
    if facts.ordered:
        said.append(f"下单日期 {facts.ordered}" if zh else f"ordered {facts.ordered}")
    if facts.problem and facts.fault and facts.problem != facts.fault:
        said.append(f"问题：{facts.problem}" if zh else f"problem: {facts.problem}")
        said.append(f"故障：{facts.fault}" if zh else f"fault: {facts.fault}")
    elif facts.what_is_wrong:
        said.append(f"问题：{facts.what_is_wrong}" if zh else f"problem: {facts.what_is_wrong}")
    if facts.want:
        said.append(f"需求：{facts.want}" if zh else f"want: {facts.want}")
    if facts.evidence:
        items = ("、" if zh else ", ").join(facts.evidence)
        said.append(f"证据：{items}" if zh else f"evidence: {items}")
    if facts.phone:
        said.append(phone_words(facts.phone, lang))
    if facts.shop:
        said.append(shop_words(facts.shop, lang))
    # One line to copy: a pasted complaint's line breaks become spaces.
    line = " ".join(("，" if zh else "; ").join(said).split())
    return (zh_punctuation(line) if zh else line) or None


class FollowUp(NamedTuple):
    words: str  # what to say when calling back
    escalate: str | None  # the escalation request, after a second missed promise
    overdue: dt.timedelta | None
    missed: int
    # The same in Chinese, for an answer in another language: the agent speaks Chinese.
    words_zh: str | None = None
    escalate_zh: str | None = None


def followup(case: Case, line: Line, at: dt.datetime, lang: str) -> FollowUp:
    zh = lang == "zh"
    agent = case.latest("agent")
    ticket = case.latest("ticket")
    overdue = case.overdue(at)
    missed = case.missed_promises(at)
    promise = _promise(case, lang)
    parts: list[str] = []
    if case.order:
        parts.append(f"订单号 {case.order}" if zh else f"order {case.order}")
    if promise:
        # Credited only to the agent who made it (issue 18): a promise logged without an
        # ID is not the earlier agent's.
        promiser = _promiser(case)
        if promiser:
            parts.append(
                f"工号 {promiser} 承诺{promise}" if zh else f"agent {promiser} promised {promise}"
            )
        else:
            parts.append(
                f"客服承诺{promise}，工号没记下"
                if zh
                else f"an agent promised {promise}; I did not get their ID"
            )
        if agent and agent != promiser:
            parts.append(f"之前对接的是工号 {agent}" if zh else f"earlier I spoke to agent {agent}")
    elif agent:
        parts.append(f"之前对接的是工号 {agent}" if zh else f"I spoke to agent {agent}")
    if overdue is not None:
        late = _span(overdue, lang)
        parts.append(f"现在已超时 {late}" if zh else f"it is now {late} overdue")
    parts.append("麻烦催进度" if zh else "please chase it")
    if ticket:
        parts.append(f"服务单号 {ticket}" if zh else f"service ticket {ticket}")
    if zh:
        words = "，".join(parts)
    else:
        words = "; ".join(parts) + "."
        words = words[0].upper() + words[1:]
    escalate = None
    # The guide's escalation requests (上级维权专员, 家电售后主管, PLUS 专属维权组) are a
    # buyer's; it gives a merchant none, so a merchant's case gets none.
    if missed >= 2 and line.audience != "merchants":
        days = max(1, (at - case.created_at).days)
        escalate = _escalation(line, days, lang)
    zh_words = followup(case, line, at, "zh") if not zh else None
    return FollowUp(
        words=words,
        escalate=escalate,
        overdue=overdue,
        missed=missed,
        words_zh=zh_words.words if zh_words else None,
        escalate_zh=zh_words.escalate if zh_words else None,
    )


def _promiser(case: Case) -> str | None:
    """The agent ID given in the call that made the latest promise, if any."""
    for entry in reversed(case.current):
        if entry.due is not None:
            return entry.agent
    return None


def _promise(case: Case, lang: str) -> str | None:
    """The latest promise as it was given: "24 小时内反馈" / "feedback within 24 hours"."""
    for entry in reversed(case.current):
        if entry.due is None:
            continue
        span = entry.due - entry.at
        minutes = int(span.total_seconds() // 60)
        hours, days = minutes // 60, minutes // (24 * 60)
        # 3d is said "3 天内", not "72 小时内"; 24h stays the guide's "24 小时内" (a
        # promise of 1d and one of 24h are the same deadline: the record keeps no unit).
        if minutes > 0 and minutes % (24 * 60) == 0 and 2 <= days <= 7:
            return f" {days} 天内反馈" if lang == "zh" else f"feedback within {days} days"
        if minutes > 0 and minutes % 60 == 0 and hours <= 72:
            return f" {hours} 小时内反馈" if lang == "zh" else f"feedback within {hours} hours"
        due = f"{day(entry.due.date(), lang, year=entry.due.year != entry.at.year)} "
        due += entry.due.strftime("%H:%M")
        return f"在 {due} 前反馈" if lang == "zh" else f"feedback by {due} (Beijing time)"
    return None


def _span(delta: dt.timedelta, lang: str) -> str:
    return duration(delta, lang)  # the same words as everywhere else: "2 h 10 min"


def _escalation(line: Line, days: int, lang: str) -> str:
    zh = lang == "zh"
    if line.audience == "plus":
        return (
            f"这个问题已拖延 {days} 天,我是 PLUS 会员,麻烦帮我升级到 PLUS 专属维权组,需要加急"
            if zh
            else f"This has dragged on for {_days_en(days)}; as a PLUS member, please escalate it "
            "to the PLUS 专属维权组 (dedicated complaints team); it is urgent."
        )
    whom_zh = "家电售后主管" if "appliance" in line.scenarios else "上级维权专员"
    whom_en = (
        "the appliance after-sales supervisor (家电售后主管)"
        if "appliance" in line.scenarios
        else "a senior complaints officer (上级维权专员)"
    )
    return (
        f"麻烦帮我升级到{whom_zh},这个问题已拖延 {days} 天,需要加急"
        if zh
        else f"Please escalate this to {whom_en}: it has dragged on for {_days_en(days)} "
        "and is urgent."
    )


def _days_en(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"
