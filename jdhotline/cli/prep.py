"""`jdhotline prep`: the call sheet, from the problem and the facts the caller has.

No `from __future__ import annotations`: Typer reads the annotations at every start.
"""

from typing import Annotated

import typer

from . import interview
from .asking import problem_text, recommendation
from .interview import Interview
from .options import (
    AtOpt,
    CatalogOpt,
    FormatOpt,
    LangOpt,
    MerchantOpt,
    OrderOpt,
    PlusOpt,
    ProblemArg,
    ScenarioOpt,
    checked,
    emit,
    opened,
    overdue_cases,
    text_of,
)


def prep(
    ctx: typer.Context,
    problem: ProblemArg = None,
    plus: PlusOpt = False,
    merchant: MerchantOpt = False,
    scenario: ScenarioOpt = None,
    order: OrderOpt = None,
    phone: Annotated[
        str | None,
        typer.Option(
            "--phone",
            metavar="DIGITS",
            help="The receiving phone's last 4 digits (收货手机尾号), if you have no order number.",
        ),
    ] = None,
    shop: Annotated[
        str | None, typer.Option("--shop", metavar="ID", help="Your shop ID (店铺 ID), merchants.")
    ] = None,
    ordered: Annotated[
        str | None,
        typer.Option("--ordered", metavar="DATE", help="Order date: 2026-10-10 or 10-10."),
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", metavar="MODEL", help="Model, e.g. BCD-500WTPZM.")
    ] = None,
    bought: Annotated[
        str | None, typer.Option("--bought", metavar="DATE", help="Purchase date.")
    ] = None,
    fault: Annotated[
        str | None, typer.Option("--fault", metavar="TEXT", help="What is wrong, in a sentence.")
    ] = None,
    want: Annotated[
        str | None, typer.Option("--want", metavar="TEXT", help="The result you want.")
    ] = None,
    evidence: Annotated[
        list[str] | None,
        typer.Option("--evidence", metavar="ITEM", help="Evidence you have (repeatable)."),
    ] = None,
    at: AtOpt = None,
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """A one-page call sheet: which line and when, what to say, what is still missing."""
    from jdhotline.output.script import opening
    from jdhotline.prep import (
        CallSheet,
        Facts,
        check_not_placeholder,
        missing,
        order_in,
        parse_day,
        parse_order,
        parse_phone,
        parse_shop,
        to_ask,
    )

    run = opened(ctx, at, catalog)
    moment, catalogue, language, out = run.moment, run.catalogue, run.lang, run.out
    today = moment.date()
    facts = Facts(
        problem=problem_text(problem, Interview(out, language), language) or None,
        shop=checked("--shop", shop, lambda v: parse_shop(check_not_placeholder(v)), language),
        order=checked("--order", order, parse_order, language),
        phone=checked("--phone", phone, parse_phone, language),
        ordered=checked("--ordered", ordered, lambda v: parse_day(v, today), language),
        model=text_of(model),
        bought=checked("--bought", bought, lambda v: parse_day(v, today), language),
        fault=text_of(fault),
        want=text_of(want),
        evidence=tuple(e for e in map(text_of, evidence or ()) if e),
    )
    # Match on the text as read (stdin is read once), else on --fault, which stands in.
    said = [facts.problem] if facts.problem else [facts.fault] if facts.fault else problem
    rec = recommendation(run, said, plus, merchant, scenario, "prep")
    if facts.problem is None and rec.problem:
        facts = facts.with_(problem=rec.problem)  # typed at the prompt: it is the fault
    if facts.order is None:  # typed into the problem: not asked for again
        facts = facts.with_(order=order_in(facts.problem))
    if interview.interactive() and missing(rec.scenario, facts):
        from .interview import today_parsers

        facts = Interview(out, language).facts(
            catalogue, rec.scenario, to_ask(rec.scenario, facts), facts, today_parsers(today)
        )
    open_cases = overdue_cases(run, order=facts.order)
    plus_user = rec.user == "plus"
    # A problem in another language is said in Chinese by its scenario's name.
    said_zh = rec.scenario.name.zh  # script.opening says it without its aside
    sheet = CallSheet(
        rec=rec,
        facts=facts,
        missing=missing(rec.scenario, facts),
        opening=opening(facts, plus=plus_user, today=today, lang=language, problem_zh=said_zh),
        opening_zh=opening(facts, plus=plus_user, today=today, lang="zh", problem_zh=said_zh),
        open_cases=tuple(open_cases),
    )

    from jdhotline.output import documents, render_case

    emit(
        run,
        fmt,
        lambda: documents.prep_json(sheet, catalogue, language),
        lambda: render_case.prep_view(sheet, catalogue, language),
    )
