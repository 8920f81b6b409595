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

from .cases import Case
from .catalogue import Line
from .prep import Facts
from .words import day, duration


def opening(facts: Facts, *, plus: bool, today: dt.date, lang: str) -> str | None:
    """The first sentence of the call, from whatever facts were given; None if none were."""
    zh = lang == "zh"
    parts: list[str] = []
    if plus:
        parts.append("PLUS 会员" if zh else "PLUS member")
    if facts.model or facts.bought:
        # The appliance shape: "美的冰箱 BCD-500WTPZM,2023 年买的,不制冷".
        if facts.model:
            parts.append(facts.model if zh else f"model {facts.model}")
        if facts.bought:
            when = day(facts.bought, lang, year=True)
            parts.append(f"{when}买的" if zh else f"bought on {when}")
        if facts.order:
            parts.append(f"订单号 {facts.order}" if zh else f"order {facts.order}")
    elif facts.ordered:
        when = day(facts.ordered, lang, year=facts.ordered.year != today.year)
        order = f"(订单号 {facts.order})" if zh and facts.order else ""
        order = order or (f" (order {facts.order})" if facts.order else "")
        parts.append(f"{when}下单{order}" if zh else f"ordered on {when}{order}")
    elif facts.order:
        parts.append(f"订单号 {facts.order}" if zh else f"order {facts.order}")
    if facts.what_is_wrong:
        parts.append(facts.what_is_wrong)
    if facts.want:
        parts.append(f"需求是{facts.want}" if zh else f"I want {facts.want}")
    if not parts or parts == (["PLUS 会员"] if zh else ["PLUS member"]):
        return None
    if zh:
        return ",".join(parts)
    sentence = "; ".join(parts) + "."
    return sentence[0].upper() + sentence[1:]


class FollowUp(NamedTuple):
    words: str  # what to say when calling back
    escalate: str | None  # the escalation request, after a second missed promise
    overdue: dt.timedelta | None
    missed: int


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
    who = (
        (f"工号 {agent} " if zh else f"agent {agent} ")
        if agent
        else ("客服" if zh else "the agent ")
    )
    if promise:
        parts.append(f"{who}承诺{promise}" if zh else f"{who}promised {promise}")
    elif agent:
        parts.append(f"之前对接的是工号 {agent}" if zh else f"I spoke to agent {agent}")
    if overdue is not None:
        late = _span(overdue, lang)
        parts.append(f"现在已超时 {late}" if zh else f"it is now {late} overdue")
    parts.append("麻烦催进度" if zh else "please chase it")
    if ticket:
        parts.append(f"服务单号 {ticket}" if zh else f"service ticket {ticket}")
    if zh:
        words = ",".join(parts)
    else:
        words = "; ".join(parts) + "."
        words = words[0].upper() + words[1:]
    escalate = None
    if missed >= 2:
        days = max(1, (at - case.created_at).days)
        escalate = _escalation(line, days, lang)
    return FollowUp(words=words, escalate=escalate, overdue=overdue, missed=missed)


def _promise(case: Case, lang: str) -> str | None:
    """The latest promise as it was given: "24 小时内反馈" / "feedback within 24 hours"."""
    for entry in reversed(case.entries):
        if entry.due is None:
            continue
        span = entry.due - entry.at
        minutes = int(span.total_seconds() // 60)
        if minutes > 0 and minutes % 60 == 0 and minutes <= 72 * 60:
            hours = minutes // 60
            return f" {hours} 小时内反馈" if lang == "zh" else f"feedback within {hours} hours"
        due = entry.due.strftime("%m-%d %H:%M")
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
