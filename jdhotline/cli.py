"""The command line: parse, read the clock once, call the core, hand the result to render.

Exit codes (also in the README):
  0  answered (for `open LINE`: the line is open)
  1  `open LINE`: the line is closed now
  2  usage error: unknown scenario or line, bad --at, nothing to answer
  3  the catalogue cannot be used (file, entry, field and what to fix are named)
  4  the case record cannot be used (not jdhotline's, newer, locked, not writable)
  130 interrupted (Ctrl-C)
"""

# No `from __future__ import annotations`: Typer reads the commands' annotations at
# every start, and would compile and evaluate each one as a string (about 1 ms a run).
# Names imported only for type checkers are quoted instead.

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from . import __version__
from .errors import (
    BadMoment,
    CaseStateError,
    CaseStoreError,
    CatalogueError,
    Interrupted,
    NoSuchCase,
    catch_interrupts,
    interrupted_message,
)
from .render import Output, word

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .cases import Case, CaseStore
    from .catalogue import Catalogue, Scenario
    from .prep import Facts
    from .rules import Recommendation
    from .schedule import LineStatus
    from .workdays import WorkCalendar

T = TypeVar("T")

EXIT_OK = 0
EXIT_CLOSED = 1
EXIT_USAGE = 2
EXIT_CATALOGUE = 3
EXIT_STORE = 4
EXIT_INTERRUPTED = 130


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


def _typer() -> typer.Typer:
    return typer.Typer(
        name="jdhotline",
        help="Which JD.com (京东) customer-service hotline to call, when, and what to have "
        "ready.\n\nAll hours are Beijing time (Asia/Shanghai), whatever your machine's zone.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


app = _typer()
out = Output()


class Stop(Exception):
    """End the command with one message on stderr and an exit code."""

    def __init__(self, code: int, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


# --------------------------------------------------------------------------- options

CatalogOpt = Annotated[
    str | None,
    typer.Option(
        "--catalog",
        envvar="JDHOTLINE_CATALOG",
        metavar="PATH",
        help="Your own catalogue YAML instead of the shipped one.",
        show_envvar=True,
    ),
]
AtOpt = Annotated[
    str | None,
    typer.Option(
        "--at",
        metavar="WHEN",
        help="The moment to answer for, ISO 8601 (no offset = Beijing time), "
        "e.g. 2026-11-27T20:00, 2026-11-27T12:00Z, or 20:00 for today. Default: now.",
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
LangOpt = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help="Answer language. Default: $JDHOTLINE_LANG, then your locale (zh* = zh), else en.",
    ),
]


ProblemArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="What went wrong, in Chinese or English, e.g. 冰箱不制冷 (- reads it from stdin).",
        show_default=False,
    ),
]
PlusOpt = Annotated[bool, typer.Option("--plus", help="You are a PLUS member.")]
MerchantOpt = Annotated[bool, typer.Option("--merchant", help="You are a JD merchant.")]
OrderOpt = Annotated[str | None, typer.Option("--order", metavar="NO", help="Order number.")]


def _catalogue_ids(kind: str, incomplete: str) -> list[str]:
    """Shell completion: scenario or line ids from the catalogue in use."""
    try:
        catalogue = _catalogue(os.environ.get("JDHOTLINE_CATALOG"))
    except CatalogueError:
        return []
    entries = catalogue.scenarios if kind == "scenarios" else catalogue.lines
    return [entry.id for entry in entries if entry.id.startswith(incomplete)]


def _complete_scenarios(incomplete: str) -> list[str]:
    return _catalogue_ids("scenarios", incomplete)


def _complete_lines(incomplete: str) -> list[str]:
    return _catalogue_ids("lines", incomplete)


ScenarioOpt = Annotated[
    str | None,
    typer.Option(
        "--scenario",
        "-s",
        metavar="ID",
        help="A scenario id (see `jdhotline scenarios`).",
        autocompletion=_complete_scenarios,
    ),
]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"jdhotline {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Which JD.com (京东) customer-service hotline to call, when, and what to have ready."""
    out.reset()  # each command reads the terminal afresh


# --------------------------------------------------------------------------- helpers


def _lang(option: Lang | None) -> str:
    if option is not None:
        return option.value
    chosen = os.environ.get("JDHOTLINE_LANG", "").strip().lower()
    if chosen[:2] in ("zh", "en"):
        return chosen[:2]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _moment(at: str | None) -> dt.datetime:
    """The one place the clock is read."""
    from .schedule import BEIJING, parse_moment

    now = dt.datetime.now(BEIJING)
    if at is None:
        return now
    try:
        return parse_moment(at, now)
    except BadMoment as exc:
        raise Stop(EXIT_USAGE, f"--at: {exc}") from None


def _catalogue(path: str | None) -> "Catalogue":
    from .cache import directory
    from .catalogue import load

    return load(path, cache_dir=directory())


def _calendar(catalogue: "Catalogue") -> "WorkCalendar":
    from .cache import directory
    from .workdays import WorkCalendar

    return WorkCalendar(
        catalogue.extra_holidays, catalogue.extra_workdays, directory(), catalogue.calendar_years
    )


def _interactive() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _did_you_mean(wanted: str, choices: list[str]) -> str | None:
    import difflib

    close = difflib.get_close_matches(wanted.lower(), choices, n=1, cutoff=0.5)
    return close[0] if close else None


@contextmanager
def _boundary() -> Iterator[None]:
    """Where library errors become one message and an exit code."""
    try:
        yield
    except CatalogueError as exc:
        out.error(str(exc), "Fix the file, or run without --catalog / JDHOTLINE_CATALOG.")
        raise typer.Exit(EXIT_CATALOGUE) from None
    except Stop as stop:
        out.error(stop.message, stop.hint)
        raise typer.Exit(stop.code) from None
    except CaseStoreError as exc:
        out.error(str(exc))
        raise typer.Exit(EXIT_STORE) from None
    except NoSuchCase as exc:
        out.error(f"no case {exc.case_id}", "See `jdhotline case list --all`.")
        raise typer.Exit(EXIT_USAGE) from None
    except CaseStateError as exc:
        out.error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    except BadMoment as exc:  # the record's own check: --at and --promise are checked first
        out.error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None


# --------------------------------------------------------------------------- which


@app.command()
def which(
    problem: ProblemArg = None,
    plus: PlusOpt = False,
    merchant: MerchantOpt = False,
    scenario: ScenarioOpt = None,
    at: AtOpt = None,
    fmt: FormatOpt = Format.text,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """Which number to dial for your problem, how to get through, and when."""
    language = _lang(lang)
    with _boundary():
        moment = _moment(at)
        catalogue = _catalogue(catalog)
        rec = _recommend(catalogue, problem, plus, merchant, scenario, moment, language, "which")
        overdue = _overdue_cases(moment, order=None)

    from . import render

    _emit(
        fmt,
        lambda: render.which_json(rec, catalogue, language),
        lambda: render.which_markdown(rec, catalogue, language),
        lambda: render.which_rich(rec, catalogue, language),
    )
    if overdue:
        out.note(render.overdue_note(overdue, moment, language))


def _recommend(
    catalogue: "Catalogue",
    problem: list[str] | None,
    plus: bool,
    merchant: bool,
    scenario: str | None,
    moment: dt.datetime,
    language: str,
    command: str,
) -> "Recommendation":
    """Who is asking and about what (asking in a terminal if need be), then the rules."""
    if plus and merchant:
        raise Stop(EXIT_USAGE, "--plus and --merchant exclude each other: pick the one you are.")
    text = _problem_text(problem)
    user = "plus" if plus else "merchant" if merchant else None
    chosen: Scenario | None
    if scenario is None and not text:
        if not _interactive():
            raise Stop(
                EXIT_USAGE,
                f"say what went wrong, e.g. `jdhotline {command} 冰箱不制冷`, "
                "or pass --scenario ID (list: `jdhotline scenarios`).",
            )
        user = user or _ask_user(language)
        chosen, text = _ask_problem(catalogue, language, user)
    else:
        chosen = _scenario(catalogue, scenario) if scenario is not None else None
    from .rules import NoLineError, advise, recommend

    try:
        rec = advise(
            catalogue,
            user or "regular",
            text,
            moment,
            scenario=chosen,
            calendar=_calendar(catalogue),
        )
        if rec is None:
            chosen = _no_match(catalogue, text, language)
            rec = recommend(
                catalogue,
                user or "regular",
                chosen,
                moment,
                calendar=_calendar(catalogue),
                problem=text,
            )
        elif not rec.confident and _interactive():
            picked = _pick_candidate(rec, language)
            if picked is not rec.scenario:
                rec = advise(
                    catalogue,
                    rec.user,
                    text,
                    moment,
                    scenario=picked,
                    calendar=_calendar(catalogue),
                )
        assert rec is not None
        return rec
    except NoLineError as exc:
        raise Stop(EXIT_CATALOGUE, f"{catalogue.path}: {exc}") from None


def _pick_candidate(rec: "Recommendation", lang: str) -> "Scenario":
    """The evidence does not separate the best two: ask which one it is."""
    shown = rec.candidates[:2]
    names = [f"{c.scenario.name(lang)}: {c.line.name(lang)} {c.line.number}" for c in shown]
    for _ in range(3):
        answer = _ask(word(lang, "ask.unsure"), names, word(lang, "ask.pick.prompt"))
        if answer in ("", "1"):
            return shown[0].scenario
        if answer == "2":
            return shown[1].scenario
        out.error(word(lang, "ask.again"))
    raise Stop(EXIT_USAGE, "no valid answer; pass --scenario ID instead.")


def _problem_text(problem: list[str] | None) -> str:
    """The words given, or with `-` the text on standard input (a long complaint, pasted)."""
    from .inputs import readable

    if problem == ["-"]:
        try:
            return readable(sys.stdin.read()).strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise Stop(EXIT_USAGE, f"cannot read the problem from standard input ({exc})") from None
    return readable(" ".join(problem or [])).strip()


def _scenario(catalogue: "Catalogue", key: str) -> "Scenario":
    found = catalogue.find_scenario(key)
    if found is not None:
        return found
    ids = [s.id for s in catalogue.scenarios]
    guess = _did_you_mean(key, ids)
    message = f"unknown scenario {key!r}" + (f"; did you mean {guess!r}?" if guess else "")
    raise Stop(EXIT_USAGE, message, f"Known scenarios: {', '.join(ids)}")


def _no_match(catalogue: "Catalogue", text: str, lang: str) -> "Scenario":
    ids = [s.id for s in catalogue.scenarios]
    if not _interactive():
        raise Stop(
            EXIT_USAGE,
            f"no scenario matched {_quote(text)}; describe it differently or pass --scenario ID.",
            f"Known scenarios: {', '.join(ids)}",
        )
    return _pick_scenario(catalogue, word(lang, "ask.pick", text=_shorten(text)), lang)


def _ask(question: str, options: list[str], prompt: str) -> str:
    from .inputs import readable

    try:
        return readable(out.ask(question, options, prompt))
    except (KeyboardInterrupt, Interrupted):
        sys.stderr.write("\n")  # the prompt's line is still open
        raise Stop(EXIT_INTERRUPTED, "interrupted") from None
    except EOFError:
        raise Stop(
            EXIT_USAGE,
            "no answer on standard input; pass --plus/--merchant and --scenario ID or a problem.",
        ) from None


def _ask_user(lang: str) -> str:
    users = ["regular", "plus", "merchant"]
    for _ in range(3):
        answer = _ask(word(lang, "ask.user"), [], word(lang, "ask.user.prompt")).lower()
        if answer in ("", "1"):
            return "regular"
        if answer in ("2", "3"):
            return users[int(answer) - 1]
        if answer in users:
            return answer
        out.error(word(lang, "ask.again"))
    raise Stop(EXIT_USAGE, "no valid answer; pass --plus or --merchant instead.")


def _ask_problem(
    catalogue: "Catalogue", lang: str, user: str = "regular"
) -> "tuple[Scenario | None, str]":
    names = [f"{s.name(lang)} ({s.id})" for s in catalogue.scenarios]
    question = word(lang, "ask.problem.merchant" if user == "merchant" else "ask.problem")
    for _ in range(3):
        answer = _ask(question, names, word(lang, "ask.problem.prompt"))
        if answer.isdigit() and 1 <= int(answer) <= len(names):
            return catalogue.scenarios[int(answer) - 1], ""
        if answer:
            return None, answer
        out.error(word(lang, "ask.again"))
    raise Stop(EXIT_USAGE, "no problem given; pass --scenario ID or describe the problem.")


def _pick_scenario(catalogue: "Catalogue", question: str, lang: str) -> "Scenario":
    names = [f"{s.name(lang)} ({s.id})" for s in catalogue.scenarios]
    for _ in range(3):
        answer = _ask(question, names, word(lang, "ask.pick.prompt"))
        if answer.isdigit() and 1 <= int(answer) <= len(names):
            return catalogue.scenarios[int(answer) - 1]
        found = catalogue.find_scenario(answer)
        if found is not None:
            return found
        out.error(word(lang, "ask.again"))
    raise Stop(EXIT_USAGE, "no scenario chosen; pass --scenario ID.")


# --------------------------------------------------------------------------- table, open, scenarios


@app.command()
def table(
    at: AtOpt = None,
    fmt: FormatOpt = Format.text,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """All hotlines: number, who it is for, scenarios, hours, off-peak, online entry, open now."""
    language = _lang(lang)
    with _boundary():
        moment = _moment(at)
        catalogue = _catalogue(catalog)
    from . import render
    from .rules import line_statuses

    def statuses() -> "list[LineStatus]":  # JSON lists the lines only: no clock needed
        return line_statuses(catalogue, moment, _calendar(catalogue))

    _emit(
        fmt,
        lambda: render.table_json(catalogue, language),
        lambda: render.table_markdown(catalogue, statuses(), language),
        lambda: render.table_rich(catalogue, statuses(), language, out.width),
    )


@app.command(name="open")
def open_(
    line: Annotated[
        str | None,
        typer.Argument(
            help="A line id (regular, plus, appliance, merchant) or number; default: all lines.",
            show_default=False,
            autocompletion=_complete_lines,
        ),
    ] = None,
    at: AtOpt = None,
    fmt: FormatOpt = Format.text,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """Is a line open now? With one line: exit 0 when open, 1 when closed."""
    language = _lang(lang)
    with _boundary():
        moment = _moment(at)
        catalogue = _catalogue(catalog)
        lines = list(catalogue.lines)
        if line is not None:
            found = catalogue.find_line(line)
            if found is None:
                ids = [x.id for x in catalogue.lines]
                guess = _did_you_mean(line, ids)
                raise Stop(
                    EXIT_USAGE,
                    f"unknown line {line!r}" + (f"; did you mean {guess!r}?" if guess else ""),
                    _known_lines(catalogue),
                )
            lines = [found]
    from . import render
    from .schedule import status

    calendar = _calendar(catalogue)
    statuses = [status(x, moment, calendar) for x in lines]
    _emit(
        fmt,
        lambda: render.open_json(statuses),
        lambda: render.open_markdown(statuses, language),
        lambda: render.open_rich(statuses, language),
    )
    if line is not None and not statuses[0].open_now:
        raise typer.Exit(EXIT_CLOSED)


@app.command()
def scenarios(
    fmt: FormatOpt = Format.text,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """The scenario ids, their names and example keywords."""
    language = _lang(lang)
    with _boundary():
        catalogue = _catalogue(catalog)
    from . import render

    _emit(
        fmt,
        lambda: render.scenarios_json(catalogue, language),
        lambda: render.scenarios_markdown(catalogue, language),
        lambda: render.scenarios_rich(catalogue, language),
    )


@app.command(name="calendar")
def calendar_(
    fmt: FormatOpt = Format.text,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """Which years' working days are verified, statutory only or guessed, and from where."""
    language = _lang(lang)
    with _boundary():
        catalogue = _catalogue(catalog)
    from . import render
    from .workdays import chinesecalendar_version

    calendar = _calendar(catalogue)
    rows, upgrade = calendar.coverage(), calendar.upgrade_year()

    def lines() -> list[tuple[str, str, str]]:
        patches = len(catalogue.extra_holidays | catalogue.extra_workdays)
        version = chinesecalendar_version()
        return render.calendar_lines(rows, upgrade, patches, catalogue.path, version, language)

    _emit(
        fmt,
        lambda: render.calendar_json(rows, upgrade),
        lambda: render.calendar_text(lines(), language),
        lambda: render.calendar_rich(lines(), language),
    )


# --------------------------------------------------------------------------- prep


@app.command()
def prep(
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
        str | None, typer.Option("--model", metavar="M", help="Model, e.g. BCD-500WTPZM.")
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
    fmt: FormatOpt = Format.text,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """A one-page call sheet: which line and when, what to say, what is still missing."""
    from .prep import Facts, missing

    language = _lang(lang)
    with _boundary():
        moment = _moment(at)
        catalogue = _catalogue(catalog)
        today = moment.date()
        facts = Facts(
            problem=_problem_text(problem) or None,
            shop=_checked("--shop", shop, _shop),
            order=_checked("--order", order, lambda v: _order(v)),
            phone=_checked("--phone", phone, _phone),
            ordered=_checked("--ordered", ordered, lambda v: _day(v, today)),
            model=_text(model),
            bought=_checked("--bought", bought, lambda v: _day(v, today)),
            fault=_text(fault),
            want=_text(want),
            evidence=tuple(e for e in map(_text, evidence or ()) if e),
        )
        # Match on the text as read (stdin is read once), else on --fault, which stands in.
        said = [facts.problem] if facts.problem else [facts.fault] if facts.fault else problem
        rec = _recommend(catalogue, said, plus, merchant, scenario, moment, language, "prep")
        if facts.problem is None and rec.problem:
            facts = facts.with_(problem=rec.problem)  # typed at the prompt: it is the fault
        if _interactive() and missing(rec.scenario, facts):
            facts = _ask_facts(catalogue, rec.scenario, facts, today, language)
        open_cases = _overdue_cases(moment, order=facts.order)

    from . import render

    sheet = render.CallSheet(rec, catalogue, facts, missing(rec.scenario, facts), open_cases)
    _emit(
        fmt,
        lambda: render.prep_json(sheet, language),
        lambda: render.prep_markdown(sheet, language),
        lambda: render.prep_rich(sheet, language),
    )


def _order(value: str) -> str:
    from .prep import parse_order

    return parse_order(value)


def _phone(value: str) -> str:
    from .prep import parse_phone

    return parse_phone(value)


def _shop(value: str) -> str:
    from .prep import check_not_placeholder, parse_shop

    return parse_shop(check_not_placeholder(value))


def _day(value: str, today: dt.date) -> dt.date:
    from .prep import parse_day

    return parse_day(value, today)


def _checked(flag: str, value: str | None, parse: Callable[[str], T]) -> T | None:
    from .inputs import readable

    if value is None or not value.strip():
        return None
    try:
        return parse(readable(value))
    except ValueError as exc:
        raise Stop(EXIT_USAGE, f"{flag}: {exc}") from None


def _ask_facts(
    catalogue: "Catalogue", scenario: "Scenario", facts: "Facts", today: dt.date, lang: str
) -> "Facts":
    """In a terminal: ask for each missing fact; Enter skips (and asks for its stand-in)."""
    from .prep import INSTEAD, missing

    parsers: dict[str, Callable[[str], object]] = {
        "shop": _shop,
        "order": _order,
        "phone": _phone,
        "ordered": lambda v: _day(v, today),
        "bought": lambda v: _day(v, today),
    }
    queue = list(missing(scenario, facts))
    while queue:
        fact = queue.pop(0)
        described = catalogue.fact(fact)
        name = described.name(lang) if described else fact
        hint = described.where_for(scenario.audience)(lang) if described else None
        if fact in INSTEAD and scenario.audience == "buyers":
            hint = word(lang, "ask.instead", where=hint or "")
        question = name + ((f"({hint})" if lang == "zh" else f" ({hint})") if hint else "")
        for _ in range(3):
            answer = _ask(question, [], word(lang, "ask.fact"))
            if not answer:
                if fact in INSTEAD and scenario.audience == "buyers":
                    queue.insert(0, INSTEAD[fact])
                break
            try:
                value = parsers.get(fact, str)(answer)
            except ValueError as exc:
                out.error(str(exc))
                continue
            facts = facts.with_(**{fact: value})
            break
    return facts


# --------------------------------------------------------------------------- case

case_app = typer.Typer(
    help="Keep track of calls and what the agent promised (a local record).",
    no_args_is_help=True,
)
app.add_typer(case_app, name="case")

CaseId = Annotated[int, typer.Argument(metavar="N", help="The case number.")]
Agent = Annotated[str | None, typer.Option("--agent", metavar="工号", help="The agent's ID.")]
Ticket = Annotated[
    str | None, typer.Option("--ticket", metavar="服务单号", help="The service ticket.")
]
Promise = Annotated[
    str | None,
    typer.Option(
        "--promise",
        metavar="WHEN",
        help="When it is due: 24h, 3d, 90m, 3小时, 2天, 半小时, 2026-11-28 or 2026-11-28T18:00.",
    ),
]
Note = Annotated[str | None, typer.Option("--note", metavar="TEXT", help="What was said.")]
CaseFormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


def _store_path() -> Path:
    """$JDHOTLINE_HOME/cases.db, else cases.db in the user's data folder (platformdirs)."""
    home = os.environ.get("JDHOTLINE_HOME", "").strip()
    if home:
        return Path(home) / "cases.db"
    return _user_data_dir() / "cases.db"


def _user_data_dir() -> Path:
    """platformdirs.user_data_dir("jdhotline"), without importing it on Linux.

    `which` looks for a case record on every run, and importing platformdirs costs
    more than the rest of that look; on Linux its answer is one line (the XDG base
    directory rule), which a test checks against platformdirs itself.
    """
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_DATA_HOME", "").strip() or os.path.expanduser("~/.local/share")
        return Path(base) / "jdhotline"
    import platformdirs

    return Path(platformdirs.user_data_dir("jdhotline", appauthor=False))


@contextmanager
def _store() -> "Iterator[CaseStore]":
    from .cases import CaseStore

    with CaseStore(_store_path()) as store:
        yield store


def _overdue_cases(moment: dt.datetime, order: str | None) -> "list[Case]":
    """Open, overdue cases (for one order, if given) — only if a record exists at all."""
    path = _store_path()
    if not path.exists():
        return []
    try:
        with _store() as store:
            cases = store.for_order(order) if order else store.all()
            _left_out(store)
    except CaseStoreError as exc:
        out.error(f"(case record not read: {exc})")
        return []
    return [c for c in cases if c.overdue(moment) is not None]


def _left_out(store: "CaseStore") -> None:
    """One line for cases the record holds but cannot read (the rest are shown)."""
    if store.unreadable:
        numbers = ", ".join(map(str, store.unreadable))
        out.error(
            f"case {numbers} in {store.path} cannot be read (a damaged or out-of-range "
            "value) and is left out; the other cases are shown"
        )


def _promise(value: str | None, moment: dt.datetime) -> dt.datetime | None:
    from .cases import parse_promise
    from .prep import check_not_placeholder

    return _checked("--promise", value, lambda v: parse_promise(check_not_placeholder(v), moment))


def _answer(flag: str, value: str | None) -> str | None:
    """What the agent said (--agent, --ticket): never the printed line's placeholder."""
    from .prep import check_not_placeholder

    return _checked(flag, value, lambda v: check_not_placeholder(v).strip() or None)


@case_app.command("add")
def case_add(
    line: Annotated[
        str,
        typer.Option(
            "--line", metavar="ID", help="The line you called.", autocompletion=_complete_lines
        ),
    ],
    scenario: ScenarioOpt = None,
    order: OrderOpt = None,
    agent: Agent = None,
    ticket: Ticket = None,
    promise: Promise = None,
    note: Note = None,
    at: AtOpt = None,
    fmt: CaseFormatOpt = Format.text,
    catalog: CatalogOpt = None,
) -> None:
    """Record a call: the line, the order, the agent's ID, the ticket and the promise."""
    with _boundary():
        moment = _moment(at)
        catalogue = _catalogue(catalog)
        found = catalogue.find_line(line)
        if found is None:
            raise Stop(EXIT_USAGE, f"unknown line {line!r}", _known_lines(catalogue))
        scenario_id = _scenario(catalogue, scenario).id if scenario else None
        fields = {
            "order": _checked("--order", order, _order),
            "agent": _answer("--agent", agent),
            "ticket": _answer("--ticket", ticket),
            "due": _promise(promise, moment),
            "note": _text(note),
        }
        with _store() as store:
            with _saving():
                case_id = store.add(line=found.id, at=moment, scenario=scenario_id, **fields)
                _saved.append(f"case {case_id} was saved")
            case = store.get(case_id)
    _show_case_summary(case, moment, fmt, "added")


@case_app.command("log")
def case_log(
    case_id: CaseId,
    note: Note = None,
    agent: Agent = None,
    ticket: Ticket = None,
    promise: Promise = None,
    at: AtOpt = None,
    fmt: CaseFormatOpt = Format.text,
) -> None:
    """Record another call on a case (every call is an entry in its history)."""
    _change_case(
        case_id,
        at,
        fmt,
        "logged",
        lambda moment: {
            "agent": _answer("--agent", agent),
            "ticket": _answer("--ticket", ticket),
            "due": _promise(promise, moment),
            "note": _text(note),
        },
        lambda store, moment, fields: store.log(case_id, at=moment, **fields),
        "the call on case {id} was saved",
    )


@case_app.command("close")
def case_close(
    case_id: CaseId,
    outcome: Annotated[
        str | None, typer.Option("--outcome", metavar="TEXT", help="How it ended.")
    ] = None,
    at: AtOpt = None,
    fmt: CaseFormatOpt = Format.text,
) -> None:
    """Close a case, with how it ended (a closed case is refused: its outcome stays)."""
    _change_case(
        case_id,
        at,
        fmt,
        "closed",
        lambda _: {"outcome": _text(outcome)},
        lambda store, moment, fields: store.close_case(case_id, at=moment, **fields),
        "case {id} was closed",
    )


@case_app.command("reopen")
def case_reopen(
    case_id: CaseId,
    at: AtOpt = None,
    fmt: CaseFormatOpt = Format.text,
) -> None:
    """Open a closed case again; its history, outcome included, is kept."""
    _change_case(
        case_id,
        at,
        fmt,
        "reopened",
        lambda _: {},
        lambda store, moment, fields: store.reopen(case_id, at=moment),
        "case {id} was reopened",
    )


def _change_case(
    case_id: int,
    at: str | None,
    fmt: Format,
    what: str,
    read: "Callable[[dt.datetime], dict[str, Any]]",
    change: "Callable[[CaseStore, dt.datetime, dict[str, Any]], None]",
    saved: str,
) -> None:
    """One change to a case in one transaction, then the case as it now stands.

    `read` checks the options first, so bad input is refused before the record opens;
    `saved` is what an interrupt after the write reports."""
    with _boundary():
        moment = _moment(at)
        fields = read(moment)
        with _store() as store:
            with _saving():
                change(store, moment, fields)
                _saved.append(saved.format(id=case_id))
            case = store.get(case_id)
    _show_case_summary(case, moment, fmt, what)


@case_app.command("list")
def case_list(
    all_: Annotated[bool, typer.Option("--all", help="Closed cases too.")] = False,
    at: AtOpt = None,
    fmt: CaseFormatOpt = Format.text,
    lang: LangOpt = None,
) -> None:
    """Open cases (all with --all): line, order, the promise's deadline, how overdue."""
    from . import render

    language = _lang(lang)
    with _boundary():
        moment = _moment(at)
        with _store() as store:
            cases = store.all(include_closed=all_)
            _left_out(store)
    _emit(
        fmt,
        lambda: [render.case_summary_json(c, moment) for c in cases],
        lambda: render.case_list_markdown(cases, moment, language),
        lambda: render.case_list_rich(cases, moment, language),
    )


@case_app.command("show")
def case_show(
    case_id: CaseId,
    at: AtOpt = None,
    fmt: CaseFormatOpt = Format.text,
    lang: LangOpt = None,
) -> None:
    """One case with its whole history."""
    from . import render

    language = _lang(lang)
    with _boundary():
        moment = _moment(at)
        with _store() as store:
            case = store.get(case_id)
    _emit(
        fmt,
        lambda: render.case_json(case, moment),
        lambda: render.case_markdown(case, moment, language),
        lambda: render.case_rich(case, moment, language),
    )


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    ics = "ics"


@case_app.command("export")
def case_export(
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="json or csv: every case with its history; "
            "ics: a calendar event at each open case's deadline.",
        ),
    ] = ExportFormat.json,
    at: AtOpt = None,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """Every case with its whole history (for a complaint), or the promises as a calendar."""
    from . import render

    with _boundary():
        moment = _moment(at)
        catalogue = _catalogue(catalog) if fmt is ExportFormat.ics else None
        with _store() as store:
            cases = store.all(include_closed=True)
            _left_out(store)
    if catalogue is not None:
        from .ics import cases_ics

        lines = {line.id: line for line in catalogue.lines}
        _write_bytes(cases_ics(cases, lines, moment, _lang(lang)))
    elif fmt is ExportFormat.csv:
        out.plain(render.cases_csv(cases))
    else:
        out.plain(out.dumps([render.case_json(c, moment) for c in cases]))


@case_app.command("followup")
def case_followup(
    case_id: CaseId,
    at: AtOpt = None,
    fmt: FormatOpt = Format.text,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """The call-back script: which line, when, and the words (escalation after two misses)."""
    from . import render
    from .schedule import status
    from .script import followup

    language = _lang(lang)
    with _boundary():
        moment = _moment(at)
        catalogue = _catalogue(catalog)
        with _store() as store:
            case = store.get(case_id)
        case.check_open("followup")
        line = catalogue.find_line(case.line)
        if line is None:
            raise Stop(
                EXIT_CATALOGUE,
                f"case {case.id} was on line {case.line!r}, which the catalogue no longer has",
            )
        line_status = status(line, moment, _calendar(catalogue))
        words = followup(case, line, moment, language)
    _emit(
        fmt,
        lambda: render.followup_json(case, line_status, words, language),
        lambda: render.followup_markdown(case, line_status, words, language),
        lambda: render.followup_rich(case, line_status, words, language),
    )


def _write_bytes(data: bytes) -> None:
    """A document with its own line ends (iCalendar's CRLF), written as it is."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        sys.stdout.flush()
        buffer.write(data)
        buffer.flush()


def _text(value: str | None) -> str | None:
    from .inputs import readable

    return None if value is None else (readable(value).strip() or None)


def _quote(text: str, limit: int = 80) -> str:
    """The user's text in a message, at most ``limit`` characters of it."""
    return repr(_shorten(text, limit))


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _known_lines(catalogue: "Catalogue") -> str:
    return "Known lines: " + ", ".join(f"{x.id} ({x.number})" for x in catalogue.lines)


def _emit(
    fmt: Format,
    as_json: Callable[[], object],
    as_markdown: Callable[[], str],
    as_text: "Callable[[], RenderableType | list[tuple[RenderableType, bool]]]",
) -> None:
    """Print one answer in the chosen format (only that one is built)."""
    if fmt is Format.json:
        out.plain(out.dumps(as_json()))
    elif fmt is Format.markdown:
        out.plain(as_markdown())
    else:
        text = as_text()
        out.rich_parts(text if isinstance(text, list) else [(text, False)])


def _show_case_summary(case: "Case", moment: dt.datetime, fmt: Format, what: str) -> None:
    from . import render

    if fmt is Format.json:
        out.plain(out.dumps(render.case_summary_json(case, moment)))
    else:
        out.plain(render.case_done(case, moment, what, _lang(None)))


# --------------------------------------------------------------------------- entry point


def main() -> None:
    """The console script: Typer, plus a clean end on Ctrl-C and whatever stdout is."""
    catch_interrupts()
    out.fit_streams()
    try:
        _app_for(sys.argv[1:])()
    except Interrupted:
        sys.stderr.write("\n" + interrupted_message(sys.argv[1:], _saved) + "\n")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # A write the output layer did not cover (a prompt, a note): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    finally:
        out.finish(_saved)
        _spare_the_final_collections()


# What a case command has written (for the message on Ctrl-C).
_saved: list[str] = []


@contextmanager
def _saving() -> Iterator[None]:
    """Hold Ctrl-C while a change is written and noted: "saved" or not is then always true.

    The write takes milliseconds (up to the busy timeout if another program holds the
    record); the interrupt is delivered as soon as it ends.
    """
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # Windows: no masks; SQLite stays atomic
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _spare_the_final_collections() -> None:
    """The process ends now: keep Python's shutdown from garbage-collecting it.

    Typer, pydantic and Rich leave some 30,000 objects tracked by the garbage collector,
    and the interpreter's shutdown runs full collections over all of them: 20-30 ms of
    every command on this project's machine (bench/startup.py), about as much as
    jdhotline's own work. Frozen objects are left out of those collections. Nothing is
    lost: the memory goes back with the process, output is flushed as usual, atexit
    handlers run, and jdhotline closes its files and its case database itself.
    """
    import gc

    gc.freeze()


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command being run (the full one for anything else).

    Typer turns every command's parameters into Click and pydantic objects at start-up,
    about 2 ms a command: building the one command that runs keeps `jdhotline open` as
    quick as Typer's own hello-world (bench/startup.py). Its behaviour, help and errors
    are those of the full app, which `jdhotline --help` and the tests use.
    """
    name = next((arg for arg in args if not arg.startswith("-")), None)
    if name is None:
        return app
    slim = _typer()
    slim.callback()(_root)
    if name == "case":
        slim.add_typer(case_app, name="case")
        return slim
    for info in app.registered_commands:
        command_name = info.name or (info.callback.__name__ if info.callback else "")
        if command_name == name:
            slim.registered_commands.append(info)
            return slim
    return app
