"""The `case` commands: a local record of calls and what the agent promised."""

# No `from __future__ import annotations`: Typer evaluates string annotations at start-up.

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import typer

from jdhotline.errors import EXIT_CATALOGUE, EXIT_USAGE, CatalogueError, Stop
from jdhotline.i18n.words import word

from .options import (
    AtOpt,
    CatalogOpt,
    FormatOpt,
    HiddenLangOpt,
    LangOpt,
    OrderOpt,
    ScenarioOpt,
    boundary,
    calendar_for,
    case_store,
    catalogue_at,
    checked,
    complete_lines,
    completing,
    emit,
    language_of,
    left_out,
    line_named,
    moment_at,
    one_of,
    out,
    saved,
    saving,
    scenario_named,
    text_of,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from jdhotline.catalogue import Catalogue
    from jdhotline.record.store import Case, CaseStore

case_app = typer.Typer(
    help="Keep track of calls and what the agent promised (a local record).",
    no_args_is_help=True,
)


@case_app.callback()
def _case(lang: HiddenLangOpt = None) -> None:
    pass  # takes --lang before the command (case --lang zh list); Typer's help stays


def _case_number(value: str) -> int:
    """ASCII digits up to SQLite's largest integer: `²`, 5,000 digits and 2**64 are
    refused here, in one line, and not by Python's int() or SQLite's binding."""
    digits = value.strip()
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 19) or (
        int(digits) > 2**63 - 1
    ):
        from .options import shorten

        shown = shorten(value, 40)
        error = typer.BadParameter(word("en", "error.not_case_number", value=shown))
        error.worded = ("error.not_case_number", {"value": shown})  # type: ignore[attr-defined]
        raise error
    return int(digits)


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


def _promise(
    value: str | None, moment: dt.datetime, lang: str, catalogue: "Catalogue | None" = None
) -> dt.datetime | None:
    """The deadline as the agent said it; working days on the catalogue's calendar."""
    from jdhotline.prep import check_not_placeholder
    from jdhotline.record.store import parse_promise

    if value is None:
        return None
    if catalogue is None:
        catalogue = _optional_catalogue(None)
    calendar = calendar_for(catalogue) if catalogue is not None else None
    return checked(
        "--promise",
        value,
        lambda v: parse_promise(check_not_placeholder(v), moment, calendar),
        lang,
    )


def _answer(flag: str, value: str | None, lang: str) -> str | None:
    """What the agent said (--agent, --ticket): never the printed line's placeholder."""
    from jdhotline.prep import check_identifier, check_not_placeholder

    return checked(flag, value, lambda v: text_of(check_identifier(check_not_placeholder(v))), lang)


def _optional_catalogue(path: str | None) -> "Catalogue | None":
    """Line names for case output; a case is shown by its line id if the catalogue is broken."""
    try:
        return catalogue_at(path)
    except CatalogueError:
        return None


def _show_done(case: "Case", moment: dt.datetime, fmt: str, what: str, lang: str) -> None:
    from jdhotline.output import documents, render_case

    if fmt == "json":
        out.plain(
            documents.dumps(documents.case_summary_json(case, moment), ascii_only=out.ascii_only)
        )
    else:
        out.plain(render_case.case_done(case, moment, what, lang, _optional_catalogue(None)))


@case_app.command("add")
def case_add(
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

    language = language_of(lang)
    with boundary(language):
        moment = moment_at(at, language)
        catalogue = catalogue_at(catalog)
        found = line_named(catalogue, line, language)
        scenario_id = scenario_named(catalogue, scenario, language).id if scenario else None
        fields: dict[str, Any] = {  # Any: each its own type, as CaseStore.add takes it
            "order": checked("--order", order, parse_order, language),
            "agent": _answer("--agent", agent, language),
            "ticket": _answer("--ticket", ticket, language),
            "due": _promise(promise, moment, language, catalogue),
            "note": text_of(note),
        }
        with case_store() as store:
            with saving():
                case_id = store.add(line=found.id, at=moment, scenario=scenario_id, **fields)
                saved.append(("added", case_id))
            case = store.get(case_id)
    _show_done(case, moment, fmt, "added", language)


@case_app.command("log")
def case_log(
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
        case_id,
        at,
        fmt,
        lang,
        "logged",
        lambda moment, language: {
            "agent": _answer("--agent", agent, language),
            "ticket": _answer("--ticket", ticket, language),
            "due": _promise(promise, moment, language),
            "note": text_of(note),
        },
        lambda store, moment, fields: store.log(case_id, at=moment, **fields),
    )


@case_app.command("close")
def case_close(
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
        case_id,
        at,
        fmt,
        lang,
        "closed",
        lambda _, __: {"outcome": text_of(outcome)},
        lambda store, moment, fields: store.close_case(case_id, at=moment, **fields),
    )


@case_app.command("reopen")
def case_reopen(
    case_id: CaseId,
    at: ReopenAtOpt = None,
    fmt: DoneFormatOpt = "text",
    lang: LangOpt = None,
) -> None:
    """Open a closed case again; its history, outcome included, is kept."""
    _change_case(
        case_id,
        at,
        fmt,
        lang,
        "reopened",
        lambda _, __: {},
        lambda store, moment, fields: store.reopen(case_id, at=moment),
    )


def _change_case(
    case_id: int,
    at: str | None,
    fmt: str,
    lang: str | None,
    what: str,
    read: "Callable[[dt.datetime, str], dict[str, Any]]",
    change: "Callable[[CaseStore, dt.datetime, dict[str, Any]], None]",
) -> None:
    """One change to a case in one transaction, then the case as it now stands.

    `read` checks the options first, so bad input is refused before the record opens;
    `what` was done ("closed") is also what an interrupt after the write reports."""
    language = language_of(lang)
    with boundary(language):
        moment = moment_at(at, language)
        fields = read(moment, language)
        with case_store() as store:
            with saving():
                change(store, moment, fields)
                saved.append((what, case_id))
            case = store.get(case_id)
    _show_done(case, moment, fmt, what, language)


@case_app.command("list")
def case_list(
    all_: Annotated[bool, typer.Option("--all", help="Closed cases too.", metavar="")] = False,
    at: AtOpt = None,
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
) -> None:
    """Open cases (all with --all): line, order, the promise's deadline, how overdue."""
    from jdhotline.output import documents, render_case

    language = language_of(lang)
    with boundary(language):
        moment = moment_at(at, language)
        with case_store() as store:
            cases = store.all(include_closed=all_)
            left_out(store, language)
    emit(
        fmt,
        lambda: [documents.case_summary_json(c, moment) for c in cases],
        lambda: render_case.case_list_view(cases, moment, language, _optional_catalogue(None)),
        language,
    )


@case_app.command("show")
def case_show(
    case_id: CaseId,
    at: AtOpt = None,
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
) -> None:
    """One case with its whole history."""
    from jdhotline.output import documents, render_case

    language = language_of(lang)
    with boundary(language):
        moment = moment_at(at, language)
        with case_store() as store:
            case = store.get(case_id)
    emit(
        fmt,
        lambda: documents.case_json(case, moment),
        lambda: render_case.case_view(case, moment, language, _optional_catalogue(None)),
        language,
    )


@case_app.command("export")
def case_export(
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

    language = language_of(lang)
    with boundary(language):
        moment = moment_at(at, language)
        if fmt == "xlsx" and out.out.is_terminal:  # a binary file is no screen's business
            raise Stop(EXIT_USAGE, word(language, "error.xlsx_terminal"))
        catalogue = catalogue_at(catalog) if fmt == "ics" else None
        with case_store() as store:
            cases = store.all(include_closed=True)
            left_out(store, language)
    if fmt == "xlsx":
        _export_xlsx(cases, moment, language, _optional_catalogue(catalog))
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


def _export_xlsx(
    cases: "list[Case]", moment: dt.datetime, lang: str, catalogue: "Catalogue | None"
) -> None:
    from jdhotline.output import xlsx

    lines = {line.id: line.name(lang) for line in catalogue.lines} if catalogue else {}
    scenarios = {s.id: s.name(lang) for s in catalogue.scenarios} if catalogue else {}
    table = xlsx.rows(cases, lang, lines, scenarios)
    out.raw(xlsx.workbook(table, lang, moment.replace(tzinfo=None)))


@case_app.command("followup")
def case_followup(
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

    language = language_of(lang)
    with boundary(language):
        moment = moment_at(at, language)
        catalogue = catalogue_at(catalog)
        with case_store() as store:
            case = store.get(case_id)
        case.check_open("followup")
        line = catalogue.find_line(case.line)
        if line is None:
            raise Stop(
                EXIT_CATALOGUE, word(language, "error.case_line_gone", id=case.id, line=case.line)
            )
        line_status = status(line, moment, calendar_for(catalogue))
        words = followup(case, line, moment, language)
    emit(
        fmt,
        lambda: documents.followup_json(case, line_status, words, language),
        lambda: render_case.followup_view(case, line_status, words, language, catalogue),
        language,
    )
