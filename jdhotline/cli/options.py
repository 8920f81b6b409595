"""What the commands share: each shared option defined once (pip's cmdoptions), the
clock, emit, the name look-ups and the case store.

commands.py, case.py, safety.py and prep.py hold the commands; this module holds what
they need, so that none imports another's commands. The run (language, consoles, the
moment, the catalogue, what was saved) is run.py's; the one error boundary is base.py's.
Nothing here knows a route or a word: words come from the word tables, answers from the core.
"""

# No `from __future__ import annotations`: Typer evaluates string annotations at start-up.

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from jdhotline.errors import EXIT_USAGE, CaseStoreError, CatalogueError, Problem, Stop
from jdhotline.i18n.messages import refusal
from jdhotline.i18n.words import LANGS, language, listing, word

from .run import catalogue_at

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue, Line, Scenario
    from jdhotline.output.writers import View
    from jdhotline.record.store import Case, CaseStore
    from jdhotline.workdays import WorkCalendar

    from .run import Run

T = TypeVar("T")
FORMATS = ("text", "json", "markdown")


def one_of(choices: tuple[str, ...]) -> Callable[[str], str]:
    """A check for a choice, whose error is plain words (Typer's enum errors are pydantic's)."""

    def check(value: str) -> str:
        if value not in choices:
            from .usage import NotOneOf

            raise NotOneOf(value, choices)
        return value

    return check


def completing(choices: tuple[str, ...]) -> Callable[[str], list[str]]:
    """Tab completion of an option's values (without it, the shell offers file names)."""

    def complete(incomplete: str) -> list[str]:
        return [choice for choice in choices if choice.startswith(incomplete)]

    return complete


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
CuesOpt = Annotated[
    str | None,
    typer.Option(
        "--cues",
        envvar="JDHOTLINE_CUES",
        metavar="PATH",
        help="Your own cues YAML (words and patterns the matcher reads a problem by), "
        "added to the shipped ones.",
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
FormatOpt = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="text|json|markdown",
        callback=one_of(FORMATS),
        autocompletion=completing(FORMATS),
        help="Output format.",
    ),
]


def _language(value: str | None) -> str | None:
    # zh-TW, zh-HK, zh-MO (and zh_TW…) are zh-Hant: docs/languages.md
    return value if value is None else one_of(LANGS)(language(value) or value)


LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="zh|en|zh-Hant",
        callback=_language,
        autocompletion=completing(LANGS),
        help="Answer language (zh-Hant: Traditional Chinese). Default: $JDHOTLINE_LANG, "
        "then your locale (zh_TW, zh_HK, zh_MO = zh-Hant; other zh* = zh), else en.",
    ),
]
# `jdhotline --lang zh --help`, `jdhotline case --lang zh -h`: the root, `case` and
# `completion` take --lang too, for their help and for the command after them (the
# Run reads it from the command line); hidden, since the commands that answer list their own.
HiddenLangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="zh|en|zh-Hant",
        callback=_language,
        hidden=True,
        autocompletion=completing(LANGS),
    ),
]
ProblemArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="PROBLEM",
        help="What went wrong, in Chinese or English, e.g. 冰箱不制冷 (- reads it from stdin).",
        show_default=False,
    ),
]
PlusOpt = Annotated[bool, typer.Option("--plus", help="You are a PLUS member.", metavar="")]
MerchantOpt = Annotated[bool, typer.Option("--merchant", help="You are a JD merchant.", metavar="")]
OrderOpt = Annotated[str | None, typer.Option("--order", metavar="NO", help="Order number.")]


def _catalogue_ids(kind: str, incomplete: str) -> list[str]:
    """Shell completion: scenario or line ids from the catalogue in use."""
    try:
        catalogue = catalogue_at(os.environ.get("JDHOTLINE_CATALOG"))
    except CatalogueError:
        return []
    entries = catalogue.scenarios if kind == "scenarios" else catalogue.lines
    return [entry.id for entry in entries if entry.id.startswith(incomplete)]


def complete_scenarios(incomplete: str) -> list[str]:
    return _catalogue_ids("scenarios", incomplete)


def complete_lines(incomplete: str) -> list[str]:
    return _catalogue_ids("lines", incomplete)


ScenarioOpt = Annotated[
    str | None,
    typer.Option(
        "--scenario",
        "-s",
        metavar="ID",
        help="A scenario id (see `jdhotline scenarios`).",
        autocompletion=complete_scenarios,
    ),
]


# --------------------------------------------------------------------------- helpers


def opened(
    ctx: typer.Context, at: str | None = None, catalog: str | None = None, cues: str | None = None
) -> "Run":
    """The run this command is part of (base.Group built it), with the shared options it took."""
    run: Run = ctx.obj
    return run.given(at=at, catalog=catalog, cues=cues)


def calendar_for(catalogue: "Catalogue") -> "WorkCalendar":
    from jdhotline.rules import calendar_of

    return calendar_of(catalogue)


def _did_you_mean(wanted: str, choices: list[str], lang: str, cutoff: float = 0.5) -> str:
    import difflib

    close = difflib.get_close_matches(wanted.lower(), choices, n=1, cutoff=cutoff)
    return word(lang, "error.did_you_mean", guess=close[0]) if close else ""


def emit(run: "Run", fmt: str, document: Callable[[], object], build: "Callable[[], View]") -> None:
    """Print one answer in the chosen format (only that one is built)."""
    out = run.out
    if fmt == "json":
        from jdhotline.output.documents import dumps

        out.plain(dumps(document(), ascii_only=out.ascii_only))
    elif fmt == "markdown":
        from jdhotline.output.writers import to_markdown

        out.plain(to_markdown(build()))
    else:
        from jdhotline.output.writers import to_rich

        out.lines(to_rich(build(), out.width))


def known_scenarios(catalogue: "Catalogue", lang: str) -> str:
    """The ids to type; in Chinese each with its short name: order（订单咨询）."""
    ids = listing(
        [
            word(lang, "error.known_scenarios.item", id=s.id, name=_short(s.name(lang)))
            for s in catalogue.scenarios
        ],
        lang,
    )
    return word(lang, "error.known_scenarios", ids=ids)


def known_lines(catalogue: "Catalogue", lang: str) -> str:
    lines = listing(
        [
            word(lang, "error.known_lines.item", id=x.id, name=x.name(lang), number=x.number)
            for x in catalogue.lines
        ],
        lang,
    )
    return word(lang, "error.known_lines", lines=lines)


def _short(name: str) -> str:
    """A scenario's name without its bracket, so brackets never nest: 订单咨询（查物流 /
    改地址） → 订单咨询. The rest stays whole: 家电安装 / 维修 / 延保 cut to 家电安装 told
    a broken fridge's owner it was not theirs, and 京麦 / 商家后台登录 cut to 京麦 named
    no problem at all."""
    from jdhotline.catalogue import without_aside

    return without_aside(name)


def scenario_named(catalogue: "Catalogue", key: str, lang: str) -> "Scenario":
    found = catalogue.find_scenario(key)
    if found is None:
        from jdhotline.match import best

        # Not an id but words (-s fridge, -s 退款): the scenario the matcher gives them.
        matched = best(catalogue, key)
        ids = [matched.scenario.id] if matched else [s.id for s in catalogue.scenarios]
        cutoff = 0.0 if matched else 0.5
        hint = known_scenarios(catalogue, lang)
        raise _unknown("scenario", key, ids, hint, lang, cutoff)
    return found


def line_named(catalogue: "Catalogue", key: str, lang: str) -> "Line":
    found = catalogue.find_line(key)
    if found is None:
        raise _unknown(
            "line", key, [x.id for x in catalogue.lines], known_lines(catalogue, lang), lang
        )
    return found


def _unknown(
    what: str, key: str, ids: list[str], hint: str, lang: str, cutoff: float = 0.5
) -> Stop:
    # A head of it: a 96 KB value once came back as one 96 KB line.
    message = word(lang, f"error.unknown_{what}", key=shorten(key, 40))
    message += _did_you_mean(key[:80], ids, lang, cutoff)
    return Stop(EXIT_USAGE, message, hint)


def checked(flag: str, value: str | None, parse: Callable[[str], T], lang: str) -> T | None:
    from jdhotline.inputs import readable

    if value is None or not value.strip():
        return None
    try:
        return parse(readable(value))
    except ValueError as exc:
        reason = refusal(exc, lang) if isinstance(exc, Problem) else str(exc)
        raise Stop(EXIT_USAGE, word(lang, "error.flag", flag=flag, reason=reason)) from None


@contextmanager
def case_store(run: "Run") -> "Iterator[CaseStore]":
    """The run's case record, open for this block."""
    from jdhotline.record.store import CaseStore

    with CaseStore(run.store_path) as store:
        yield store


def overdue_cases(run: "Run", order: str | None) -> "list[Case]":
    """Open, overdue cases (for one order, if given) — only if a record exists at all."""
    moment = run.moment
    if not run.store_path.exists():
        return []
    try:
        with case_store(run) as store:
            cases = store.for_order(order) if order else store.all()
            left_out(store, run)
    except CaseStoreError as exc:
        run.out.error(run.word("error.case_record", reason=refusal(exc, run.lang)))
        return []
    return [c for c in cases if c.overdue(moment) is not None]


def left_out(store: "CaseStore", run: "Run") -> None:
    """One line for cases the record holds but cannot read (the rest are shown)."""
    if store.unreadable:
        ids = ", ".join(map(str, store.unreadable))
        run.out.error(run.word("error.store.left_out", ids=ids, path=store.path))


def text_of(value: str | None) -> str | None:
    """An option's free text, readable (inputs.py) and stripped; None when empty."""
    from jdhotline.inputs import readable

    return None if value is None else (readable(value).strip() or None)


def whole_number(value: str, most: int, error: str, *, full_width: bool = False) -> int:
    """ASCII digits from 0 to ``most`` (full-width ones too, if asked: ８０８０), else
    the usage error ``error`` in one line, quoting the value: `²`, `abc`, 5,000 digits or
    2**64 never reach Python's int(), SQLite or bind()."""
    import unicodedata

    from .usage import Worded

    digits = (unicodedata.normalize("NFKC", value) if full_width else value).strip()
    fits = digits.isascii() and digits.isdigit() and len(digits) <= len(str(most))
    if not (fits and int(digits) <= most):
        raise Worded(error, value=shorten(value, 40))
    return int(digits)


def shorten(text: str, limit: int = 80) -> str:
    """The user's text in a message, at most ``limit`` characters of it."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@contextmanager
def saving() -> Iterator[None]:
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
