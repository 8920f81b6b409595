"""The words to say on the phone, assembled from the caller's facts.

The guide's shape is time + problem + demand:
"10 月 10 日下单(订单号 123),商家承诺 24 小时发货,现在超期没发,需求是要么当天发货,
要么退款并补偿 50 元运费券". Call-backs quote the agent's ID, the promise and the
ticket: "工号 00123 承诺 24 小时内反馈,现在已超时 2 小时,麻烦催进度,服务单号 12345".
Pure functions: moments are passed in, nothing is printed.
"""

import datetime as dt
from typing import NamedTuple

from jdhotline.case import Case
from jdhotline.catalogue import Line, without_aside
from jdhotline.i18n.words import DEFAULT_LANG, day, duration, in_language, listing, typed, word
from jdhotline.prep import Facts


def opening(
    facts: Facts, *, plus: bool, today: dt.date, lang: str, problem_zh: str | None = None
) -> str | None:
    """The first sentence of the call, in the guide's shape time + problem + demand.

    None unless there is a problem to state and a time or a demand to go with it
    (the guide's two examples: "10 月 10 日下单……需求是……" and "美的冰箱 BCD-500WTPZM，
    2023 年买的，不制冷"): a sentence with less says nothing the agent would not ask.
    """
    if not facts.what_is_wrong or not (facts.ordered or facts.bought or facts.want):
        return None
    parts: list[str] = []
    if plus:
        parts.append(word(lang, "script.plus"))
    if facts.shop:
        parts.append(shop_words(facts.shop, lang))
    which = _which_order(facts, lang)
    if facts.model or facts.bought:
        # The appliance shape: "美的冰箱 BCD-500WTPZM，2023 年买的，不制冷".
        if facts.model:
            parts.append(word(lang, "script.model", model=facts.model))
        if facts.bought:
            parts.append(word(lang, "script.bought", when=day(facts.bought, lang, year=True)))
        if which:
            parts.append(which)
    elif facts.ordered:
        when = day(facts.ordered, lang, year=facts.ordered.year != today.year)
        which = word(lang, "script.which", which=which) if which else ""
        parts.append(word(lang, "script.ordered", when=when, which=which))
    elif which:
        parts.append(which)
    # The agent speaks Chinese: a problem or a demand written in another language is not
    # pasted into a sentence said as it is (a language with no Chinese sentence beside
    # its own); the scenario says what the problem is, and the demand is left for the
    # caller to say (XX).
    said_as_is = not word(lang, "say_zh")
    wrong = typed(facts.what_is_wrong, lang)
    if problem_zh:  # the scenario's name without its gloss: 订单咨询（查物流……）
        problem_zh = without_aside(problem_zh)
    if said_as_is and foreign(wrong):
        if problem_zh:
            wrong = word(lang, "script.problem_xx", problem=problem_zh)
        else:
            wrong = word(lang, "script.problem_unknown")
    parts.append(wrong)
    if facts.want:
        if said_as_is and foreign(facts.want):
            parts.append(word(lang, "script.want_xx"))
        else:
            parts.append(word(lang, "script.want", want=typed(facts.want, lang)))
    return word(lang, "script.sentence", text=word(lang, "script.sep").join(parts))


def foreign(text: str) -> bool:
    """Words in Latin letters and no Chinese: not to be pasted into a Chinese sentence."""
    latin = any("a" <= c.lower() <= "z" for c in text)
    return latin and not any("\u4e00" <= c <= "\u9fff" for c in text)


def _which_order(facts: Facts, lang: str) -> str | None:
    """The order number, else the receiving phone's last digits: never one for the other."""
    if facts.order:
        return word(lang, "script.order", order=facts.order)
    if facts.phone:
        return phone_words(facts.phone, lang)
    return None


def phone_words(phone: str, lang: str) -> str:
    return word(lang, "script.phone", phone=phone)


def shop_words(shop: str, lang: str) -> str:
    return word(lang, "script.shop", shop=shop)


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
    if lang != DEFAULT_LANG:  # pasted where no language is set, it answers in the sheet's
        parts += ["--lang", lang]
    return " ".join(shlex.quote(p) for p in parts)


def record_note(facts: Facts, lang: str) -> str | None:
    """The caller's facts beyond the order number, as one line of the record's note:
    "型号 BCD-500WTPZM，购买日期 2023-05-01，问题：不制冷，需求：上门维修"."""
    said: list[str] = []
    if facts.model:
        said.append(word(lang, "note.model", value=facts.model))
    if facts.bought:
        said.append(word(lang, "note.bought", value=facts.bought))
    if facts.ordered:
        said.append(word(lang, "note.ordered", value=facts.ordered))
    if facts.problem and facts.fault and facts.problem != facts.fault:
        said.append(word(lang, "note.problem", value=facts.problem))
        said.append(word(lang, "note.fault", value=facts.fault))
    elif facts.what_is_wrong:
        said.append(word(lang, "note.problem", value=facts.what_is_wrong))
    if facts.want:
        said.append(word(lang, "note.want", value=facts.want))
    if facts.evidence:
        said.append(word(lang, "note.evidence", value=listing(list(facts.evidence), lang)))
    if facts.phone:
        said.append(phone_words(facts.phone, lang))
    if facts.shop:
        said.append(shop_words(facts.shop, lang))
    # One line to copy: a pasted complaint's line breaks become spaces.
    return typed(" ".join(word(lang, "note.sep").join(said).split()), lang) or None


class FollowUp(NamedTuple):
    words: str  # what to say when calling back
    escalate: str | None  # the escalation request, after a second missed promise
    overdue: dt.timedelta | None
    missed: int
    # The same in Chinese, for an answer in another language: the agent speaks Chinese.
    words_zh: str | None = None
    escalate_zh: str | None = None
    # How long until the latest promise is due, when it is not yet: nothing to chase.
    due_in: dt.timedelta | None = None


def followup(case: Case, line: Line, at: dt.datetime, lang: str) -> FollowUp:
    agent = case.latest("agent")
    ticket = case.latest("ticket")
    overdue = case.overdue(at)
    missed = case.missed_promises(at)
    promise = _promise(case, lang)
    parts: list[str] = []
    if case.order:
        parts.append(word(lang, "followup.order", order=case.order))
    if promise:
        # Credited only to the agent who made it (issue 18): a promise logged without an
        # ID is not the earlier agent's.
        promiser = _promiser(case)
        if promiser:
            parts.append(word(lang, "followup.promised", agent=promiser, promise=promise))
        else:
            parts.append(word(lang, "followup.promised_anon", promise=promise))
        if agent and agent != promiser:
            parts.append(word(lang, "followup.earlier", agent=agent))
    elif agent:
        parts.append(word(lang, "followup.agent", agent=agent))
    if overdue is not None:
        parts.append(word(lang, "followup.late", late=_span(overdue, lang)))
    # A promise not yet due is asked about, not chased (it is not broken yet).
    due_in = case.due_in(at)
    parts.append(word(lang, "followup.chase" if due_in is None else "followup.ask"))
    if ticket:
        parts.append(word(lang, "followup.ticket", ticket=ticket))
    words = word(lang, "script.sentence", text=word(lang, "script.sep").join(parts))
    escalate = None
    # The guide's escalation requests (上级维权专员, 家电售后主管, PLUS 专属维权组) are a
    # buyer's; it gives a merchant none, so a merchant's case gets none.
    if missed >= 2 and line.audience != "merchants":
        days = max(1, (at - case.created_at).days)
        escalate = _escalation(line, days, lang)
    # The agent speaks Chinese: a language that shows the Chinese beside it gets it here.
    zh_words = followup(case, line, at, "zh") if word(lang, "say_zh") else None
    return FollowUp(
        words=words,
        escalate=escalate,
        overdue=overdue,
        missed=missed,
        words_zh=zh_words.words if zh_words else None,
        escalate_zh=zh_words.escalate if zh_words else None,
        due_in=due_in,
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
        if entry.promise and (said := _said_span(entry.promise, lang)):
            return said  # in the agent's unit: "48小时内回电" is 48 小时, not 2 天
        span = entry.due - entry.at
        minutes = int(span.total_seconds() // 60)
        hours, days = minutes // 60, minutes // (24 * 60)
        # A record from before version 4 keeps no words, only the deadline: 3d is said
        # "3 天内", not "72 小时内"; 24h stays the guide's "24 小时内".
        if minutes > 0 and minutes % (24 * 60) == 0 and 2 <= days <= 7:
            return word(lang, "promise.days", n=days, act=word(lang, "promise.act"))
        if minutes > 0 and minutes % 60 == 0 and hours <= 72:
            return word(lang, "promise.hours", n=hours, act=word(lang, "promise.act"))
        due = f"{day(entry.due.date(), lang, year=entry.due.year != entry.at.year)} "
        due += entry.due.strftime("%H:%M")
        return word(lang, "promise.by", due=due)
    return None


def _said_span(said: str, lang: str) -> str | None:
    """A span as the agent said it (its number, unit and act), in the guide's words for a
    follow-up ("承诺 48 小时内反馈", "承诺 48 小时内上门"); None for a day or a moment, or
    half units. English's words have no {act}: "feedback within 48 hours"."""
    from jdhotline.deadline import span_said  # its patterns: only a follow-up needs them

    found = span_said(said)
    if found is None or found[0] != int(found[0]) or found[0] < 1:
        return None
    n, unit, act = int(found[0]), found[1], found[2]
    verb = in_language(act, lang) if act else word(lang, "promise.act")
    return word(lang, f"promise.{unit}" + (".one" if n == 1 else ""), n=n, act=verb)


def _span(delta: dt.timedelta, lang: str) -> str:
    return duration(delta, lang)  # the same words as everywhere else: "2 h 10 min"


def _escalation(line: Line, days: int, lang: str) -> str:
    span = word(lang, "escalate.days.one" if days == 1 else "escalate.days.other", n=days)
    if line.audience == "plus":
        return word(lang, "escalate.plus", span=span)
    whom = "appliance" if "appliance" in line.scenarios else "senior"
    return word(lang, "escalate.other", whom=word(lang, f"escalate.whom.{whom}"), span=span)
