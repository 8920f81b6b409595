"""The `case` commands: a local record of calls and what the agent promised."""

# No `from __future__ import annotations`: Typer evaluates string annotations at start-up.

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import typer

from jdhotline.errors import EXIT_CATALOGUE, EXIT_USAGE, Stop

from .base import Command, Group
from .options import (
    AtOpt,
    CatalogOpt,
    FormatOpt,
    HiddenLangOpt,
    LangOpt,
    OrderOpt,
    ScenarioOpt,
    calendar_for,
    case_store,
    checked,
    complete_lines,
    completing,
    emit,
    left_out,
    line_named,
    one_of,
    opened,
    saving,
    scenario_named,
    text_of,
    whole_number,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from jdhotline.catalogue import Catalogue
    from jdhotline.record.store import Case, CaseStore

    from .run import Run

case_app = typer.Typer(
    cls=Group,
    help="Keep track of calls and what the agent promised (a local record).",
    no_args_is_help=True,
)


@case_app.callback()
def _case(lang: HiddenLangOpt = None) -> None:
    pass  # takes --lang before the command (case --lang zh list); Typer's help stays


def _case_number(value: str) -> int:
    """ASCII digits up to SQLite's largest integer: `²`, 5,000 digits and 2**64 are
    refused here, in one line, and not by Python's int() or SQLite's binding."""
    return whole_number(value, 2**63 - 1, "error.not_case_number")


CaseId = Annotated[int, typer.Argument(metavar="N", help="The case number.", parser=_case_number)]
Agent = Annotated[str | None, typer.Option("--agent", metavar="AGENT_ID", help="The agent's ID.")]
Ticket = Annotated[
    str | None, typer.Option("--ticket", metavar="TICKET", help="The service ticket.")
]
Promise = Annotated[
    str | None,
    typer.Option(
        "--promise",
        metavar="WHEN",
        help="When it is due, as the agent said it: 24h, 24小时内回电, 3个工作日内, 明天, "
        "1-3天, 3 days, 12-10, 2026-12-10 or 2026-12-10T18:00.",
    ),
]
NoteOpt = Annotated[str | None, typer.Option("--note", metavar="TEXT", help="What was said.")]
CallAtOpt = Annotated[
    str | None,
    typer.Option(
        "--at",
        metavar="WHEN",
        help="When the call happened, ISO 8601 (no offset = Beijing time), "
        "e.g. 2026-11-27T20:00, 2026-11-27T12:00Z, or 20:00 for today. Default: now.",
    ),
]
CloseAtOpt = Annotated[
    str | None,
    typer.Option(
        "--at",
        metavar="WHEN",
        help="When the case was closed, ISO 8601 (no offset = Beijing time), "
        "e.g. 2026-11-27T20:00, 2026-11-27T12:00Z, or 20:00 for today. Default: now.",
    ),
]
ReopenAtOpt = Annotated[
    str | None,
    typer.Option(
        "--at",
        metavar="WHEN",
        help="When the case was reopened, ISO 8601 (no offset = Beijing time), "
        "e.g. 2026-11-27T20:00, 2026-11-27T12:00Z, or 20:00 for today. Default: now.",
    ),
]
# A change to a case prints one line (or JSON): there is no Markdown to offer.
DoneFormatOpt = Annotated[
    str,
    typer.Option(
        "--format", "-f", metavar="text|json", callback=one_of(("text", "json")),
        autocompletion=completing(("text", "json")), help="Output format.",
    ),
]  # fmt: skip


def _promise(value: str | None, run: "Run") -> dt.datetime | None:
    """The deadline as the agent said it; working days on the catalogue's calendar."""
    from jdhotline.prep import check_not_placeholder
    from jdhotline.record.store import parse_promise

    if value is None:
        return None
    catalogue = run.catalogue_or_none()
    calendar = calendar_for(catalogue) if catalogue is not None else None
    return checked(
        "--promise",
        value,
        lambda v: parse_promise(check_not_placeholder(v), run.moment, calendar),
        run.lang,
    )


def _said(value: str | None) -> str | None:
    """The promise as the agent said it, kept beside its deadline: free text as every
    option's (text_of), its spaces made one."""
    said = text_of(value)
    return None if said is None else " ".join(said.split())


def _answer(flag: str, value: str | None, lang: str) -> str | None:
    """What the agent said (--agent, --ticket): never the printed line's placeholder."""
    from jdhotline.prep import check_identifier, check_not_placeholder

    return checked(flag, value, lambda v: text_of(check_identifier(check_not_placeholder(v))), lang)


def _show_done(run: "Run", case: "Case", fmt: str, what: str) -> None:
    from jdhotline.output import documents, render_case

    out, moment = run.out, run.moment
    if fmt == "json":
        out.plain(
            documents.dumps(documents.case_summary_json(case, moment), ascii_only=out.ascii_only)
        )
    else:
        out.plain(render_case.case_done(case, moment, what, run.lang, run.catalogue_or_none()))


@case_app.command("add", cls=Command)
def case_add(
    ctx: typer.Context,
    line: Annotated[
        str,
        typer.Option(
            "--line", metavar="ID", help="The line you called.", autocompletion=complete_lines
        ),
    ],
    scenario: ScenarioOpt = None,
    order: OrderOpt = None,
    agent: Agent = None,
    ticket: Ticket = None,
    promise: Promise = None,
    note: NoteOpt = None,
    at: CallAtOpt = None,
    fmt: DoneFormatOpt = "text",
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """Record a call: the line, the order, the agent's ID, the ticket and the promise."""
    from jdhotline.prep import parse_order

    run = opened(ctx, at, catalog)
    moment, catalogue, language = run.moment, run.catalogue, run.lang
    found = line_named(catalogue, line, language)
    scenario_id = scenario_named(catalogue, scenario, language).id if scenario else None
    fields: dict[str, Any] = {  # Any: each its own type, as CaseStore.add takes it
        "order": checked("--order", order, parse_order, language),
        "agent": _answer("--agent", agent, language),
        "ticket": _answer("--ticket", ticket, language),
        "due": _promise(promise, run),
        "note": text_of(note),
        "promise": _said(promise),
    }
    with case_store(run) as store:
        with saving():
            case_id = store.add(line=found.id, at=moment, scenario=scenario_id, **fields)
            run.saved.append(("added", case_id))
        case = store.get(case_id)
    _show_done(run, case, fmt, "added")


@case_app.command("log", cls=Command)
def case_log(
    ctx: typer.Context,
    case_id: CaseId,
    note: NoteOpt = None,
    agent: Agent = None,
    ticket: Ticket = None,
    promise: Promise = None,
    at: CallAtOpt = None,
    fmt: DoneFormatOpt = "text",
    lang: LangOpt = None,
) -> None:
    """Record another call on a case (every call is an entry in its history)."""
    _change_case(
        opened(ctx, at),
        case_id,
        fmt,
        "logged",
        lambda run: {
            "agent": _answer("--agent", agent, run.lang),
            "ticket": _answer("--ticket", ticket, run.lang),
            "due": _promise(promise, run),
            "note": text_of(note),
            "promise": _said(promise),
        },
        lambda store, moment, fields: store.log(case_id, at=moment, **fields),
    )


@case_app.command("close", cls=Command)
def case_close(
    ctx: typer.Context,
    case_id: CaseId,
    outcome: Annotated[
        str | None, typer.Option("--outcome", metavar="TEXT", help="How it ended.")
    ] = None,
    at: CloseAtOpt = None,
    fmt: DoneFormatOpt = "text",
    lang: LangOpt = None,
) -> None:
    """Close a case, with how it ended (a closed case is refused: its outcome stays)."""
    _change_case(
        opened(ctx, at),
        case_id,
        fmt,
        "closed",
        lambda _: {"outcome": text_of(outcome)},
        lambda store, moment, fields: store.close_case(case_id, at=moment, **fields),
    )


@case_app.command("reopen", cls=Command)
def case_reopen(
    ctx: typer.Context,
    case_id: CaseId,
    at: ReopenAtOpt = None,
    fmt: DoneFormatOpt = "text",
    lang: LangOpt = None,
) -> None:
    """Open a closed case again; its history, outcome included, is kept."""
    _change_case(
        opened(ctx, at),
        case_id,
        fmt,
        "reopened",
        lambda _: {},
        lambda store, moment, fields: store.reopen(case_id, at=moment),
    )


def _change_case(
    run: "Run",
    case_id: int,
    fmt: str,
    what: str,
    read: "Callable[[Run], dict[str, Any]]",
    change: "Callable[[CaseStore, dt.datetime, dict[str, Any]], None]",
) -> None:
    """One change to a case in one transaction, then the case as it now stands.

    `read` checks the options first, so bad input is refused before the record opens;
    `what` was done ("closed") is also what an interrupt after the write reports."""
    moment = run.moment
    fields = read(run)
    with case_store(run) as store:
        with saving():
            change(store, moment, fields)
            run.saved.append((what, case_id))
        case = store.get(case_id)
    _show_done(run, case, fmt, what)


@case_app.command("list", cls=Command)
def case_list(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="Closed cases too.", metavar="")] = False,
    at: AtOpt = None,
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
) -> None:
    """Open cases (all with --all): line, order, the promise's deadline, how overdue."""
    from jdhotline.output import documents, render_case

    run = opened(ctx, at)
    moment = run.moment
    with case_store(run) as store:
        cases = store.all(include_closed=all_)
        left_out(store, run)
    emit(
        run,
        fmt,
        lambda: [documents.case_summary_json(c, moment) for c in cases],
        lambda: render_case.case_list_view(cases, moment, run.lang, run.catalogue_or_none()),
    )


@case_app.command("show", cls=Command)
def case_show(
    ctx: typer.Context,
    case_id: CaseId,
    at: AtOpt = None,
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
) -> None:
    """One case with its whole history."""
    from jdhotline.output import documents, render_case

    run = opened(ctx, at)
    moment = run.moment
    with case_store(run) as store:
        case = store.get(case_id)
    emit(
        run,
        fmt,
        lambda: documents.case_json(case, moment),
        lambda: render_case.case_view(case, moment, run.lang, run.catalogue_or_none()),
    )


@case_app.command("export", cls=Command)
def case_export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="json|csv|xlsx|ics",
            callback=one_of(("json", "csv", "xlsx", "ics")),
            autocompletion=completing(("json", "csv", "xlsx", "ics")),
            help="json or csv (for scripts): every case with its history; xlsx: the same "
            "for a spreadsheet, IDs kept as text, headers in --lang; "
            "ics: a calendar event at each open case's deadline, or when its line next opens.",
        ),
    ] = "json",
    at: AtOpt = None,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """Every case with its whole history (for a complaint), or the promises as a calendar."""
    from jdhotline.output import documents

    run = opened(ctx, at, catalog)
    moment, out, language = run.moment, run.out, run.lang
    if fmt == "xlsx" and out.out.is_terminal:  # a binary file is no screen's business
        raise Stop(EXIT_USAGE, run.word("error.xlsx_terminal"))
    catalogue = run.catalogue if fmt == "ics" else None
    with case_store(run) as store:
        cases = store.all(include_closed=True)
        left_out(store, run)
    if fmt == "xlsx":
        _export_xlsx(run, cases, run.catalogue_or_none())
    elif catalogue is not None:
        from jdhotline.output.ics import cases_ics

        lines = {line.id: line for line in catalogue.lines}
        out.raw(cases_ics(cases, lines, calendar_for(catalogue), moment, language))
    elif fmt == "csv":
        out.plain(documents.cases_csv(cases))
    else:
        out.plain(
            documents.dumps(
                [documents.case_json(c, moment) for c in cases], ascii_only=out.ascii_only
            )
        )


def _export_xlsx(run: "Run", cases: "list[Case]", catalogue: "Catalogue | None") -> None:
    from jdhotline.output import xlsx

    lang, moment = run.lang, run.moment
    lines = {line.id: line.name(lang) for line in catalogue.lines} if catalogue else {}
    scenarios = {s.id: s.name(lang) for s in catalogue.scenarios} if catalogue else {}
    table = xlsx.rows(cases, lang, lines, scenarios)
    run.out.raw(xlsx.workbook(table, lang, moment.replace(tzinfo=None)))


@case_app.command("followup", cls=Command)
def case_followup(
    ctx: typer.Context,
    case_id: CaseId,
    at: AtOpt = None,
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """What to say when you chase a promise: which line, when, and the words to use."""
    from jdhotline.output import documents, render_case
    from jdhotline.output.script import followup
    from jdhotline.schedule import status

    run = opened(ctx, at, catalog)
    moment, catalogue, language = run.moment, run.catalogue, run.lang
    with case_store(run) as store:
        case = store.get(case_id)
    case.check_open("followup")
    line = catalogue.find_line(case.line)
    if line is None:
        raise Stop(EXIT_CATALOGUE, run.word("error.case_line_gone", id=case.id, line=case.line))
    line_status = status(line, moment, calendar_for(catalogue))
    words = followup(case, line, moment, language)
    emit(
        run,
        fmt,
        lambda: documents.followup_json(case, line_status, words, language),
        lambda: render_case.followup_view(case, line_status, words, language, catalogue),
    )
