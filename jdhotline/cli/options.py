"""What the commands share: their options, the consoles, the clock, and the one error boundary.

cli.py and case_cli.py hold the commands; this module holds what both need, so
that neither imports the other's commands. Nothing here knows a route or a word:
words come from words.py, answers from the core.
"""

# No `from __future__ import annotations`: Typer evaluates string annotations at start-up.

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from jdhotline.errors import (
    EXIT_CATALOGUE,
    EXIT_STORE,
    EXIT_USAGE,
    CaseStoreError,
    CatalogueError,
    NoSuchCase,
    Problem,
    Stop,
)
from jdhotline.i18n.messages import catalogue_message, refusal
from jdhotline.i18n.words import word
from jdhotline.output.console import Output

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue, Line, Scenario
    from jdhotline.output.writers import View
    from jdhotline.record.store import Case, CaseStore
    from jdhotline.workdays import WorkCalendar

T = TypeVar("T")
FORMATS = ("text", "json", "markdown")


def _plain_argument_help() -> None:
    """Arguments in help as people write them: `N`, `[PROBLEM]...`.

    Typer (0.2x) prints an argument's Python type (`N <int>`, `<list[str]>`) and a
    required one as `{N}`, words no user of this tool should have to read. Its
    parameters take no class of our own, so the two methods are replaced here, once.
    """
    from typer.core import TyperArgument

    def usage_name(self: TyperArgument) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")

    if hasattr(TyperArgument, "_usage_display_name"):
        TyperArgument._usage_display_name = usage_name  # type: ignore[method-assign]
    if hasattr(TyperArgument, "display_type_rich"):
        TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]


_plain_argument_help()


def typer_app() -> typer.Typer:
    return typer.Typer(
        name="jdhotline",
        help="Which JD.com (京东) customer-service hotline to call, when, and what to have "
        "ready.\n\nAll hours are Beijing time (Asia/Shanghai), whatever your machine's zone.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


class _Output(Output):
    """The consoles, with notes wrapped as stdout is (writers.wrap: Chinese and English
    line breaking) at the width of standard error, not cut by the terminal mid-word.
    Here, not in console.py, which knows no layout (tests/test_structure.py)."""

    def note(self, message: str) -> None:
        from jdhotline.output.console import clean
        from jdhotline.output.writers import wrap

        lines = wrap(clean(message), self.err.width)
        super().note("\n".join(line.rstrip() for line in lines))


out = _Output()


# --------------------------------------------------------------------------- options


def one_of(choices: tuple[str, ...]) -> Callable[[str], str]:
    """A check for a choice, whose error is plain words (Typer's enum errors are pydantic's)."""

    def check(value: str) -> str:
        if value not in choices:
            error = typer.BadParameter(f"{value!r} is not one of: {', '.join(choices)}.")
            error.choices, error.value = choices, value  # type: ignore[attr-defined]
            raise error
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
    return value if value is None else one_of(("zh", "en"))(value)


LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="zh|en",
        callback=_language,
        autocompletion=completing(("zh", "en")),
        help="Answer language. Default: $JDHOTLINE_LANG, then your locale (zh* = zh), else en.",
    ),
]
# `jdhotline --lang zh --help`, `jdhotline case --lang zh -h`: the root, `case` and
# `completion` take --lang too, for their help and for the command after them
# (language_of); hidden, since the commands that answer list their own.
HiddenLangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="zh|en",
        callback=_language,
        hidden=True,
        autocompletion=completing(("zh", "en")),
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


def language_of(option: str | None) -> str:
    """The command's --lang, else the nearest before it (HiddenLangOpt), else the default."""
    from typer._click.globals import get_current_context

    from jdhotline.i18n.messages import args_language

    ctx = get_current_context(silent=True)
    while option is None and ctx is not None:
        option, ctx = ctx.params.get("lang"), ctx.parent
    return option if option is not None else args_language([])


def moment_at(at: str | None, lang: str) -> dt.datetime:
    """The one place the clock is read."""
    from jdhotline.schedule import BEIJING, BadMoment, parse_moment

    now = dt.datetime.now(BEIJING)
    if at is None:
        return now
    try:
        return parse_moment(at, now)
    except BadMoment as exc:
        raise Stop(EXIT_USAGE, word(lang, "error.at", reason=refusal(exc, lang))) from None


def catalogue_at(path: str | None, cues: str | None = None) -> "Catalogue":
    """The catalogue, with a user's cues: --cues, or JDHOTLINE_CUES for every command."""
    import os

    from jdhotline.load import load

    return load(path, cues or os.environ.get("JDHOTLINE_CUES") or None)


def calendar_for(catalogue: "Catalogue") -> "WorkCalendar":
    from jdhotline.rules import calendar_of

    return calendar_of(catalogue)


def _did_you_mean(wanted: str, choices: list[str], lang: str, cutoff: float = 0.5) -> str:
    import difflib

    close = difflib.get_close_matches(wanted.lower(), choices, n=1, cutoff=cutoff)
    return word(lang, "error.did_you_mean", guess=close[0]) if close else ""


@contextmanager
def boundary(lang: str) -> Iterator[None]:
    """Where library errors become one message and an exit code."""
    try:
        yield
    except CatalogueError as exc:
        out.error(catalogue_message(exc, lang), word(lang, f"error.{exc.source}.hint"))
        raise typer.Exit(EXIT_CATALOGUE) from None
    except Stop as stop:
        out.error(stop.message, stop.hint)
        raise typer.Exit(stop.code) from None
    except CaseStoreError as exc:
        out.error(refusal(exc, lang))
        raise typer.Exit(EXIT_STORE) from None
    except NoSuchCase as exc:
        out.error(word(lang, "error.no_case", id=exc.case_id), word(lang, "error.no_case.hint"))
        raise typer.Exit(EXIT_USAGE) from None
    except Problem as exc:  # a closed case; the record's own check of a moment
        out.error(refusal(exc, lang))
        raise typer.Exit(EXIT_USAGE) from None


def emit(fmt: str, document: Callable[[], object], build: "Callable[[], View]", lang: str) -> None:
    """Print one answer in the chosen format (only that one is built)."""
    if fmt != "json":
        from jdhotline.output.render import localise

        view = lambda: localise(build(), lang)  # noqa: E731
    if fmt == "json":
        from jdhotline.output.documents import dumps

        out.plain(dumps(document(), ascii_only=out.ascii_only))
    elif fmt == "markdown":
        from jdhotline.output.writers import to_markdown

        out.plain(to_markdown(view()))
    else:
        from jdhotline.output.writers import to_rich

        out.lines(to_rich(view(), out.width))


def known_scenarios(catalogue: "Catalogue", lang: str) -> str:
    """The ids to type; in zh each with its short Chinese name: order(订单咨询)."""
    if lang == "zh":
        ids = "、".join(f"{s.id}({_short(s.name.zh)})" for s in catalogue.scenarios)
    else:
        ids = ", ".join(s.id for s in catalogue.scenarios)
    return word(lang, "error.known_scenarios", ids=ids)


def known_lines(catalogue: "Catalogue", lang: str) -> str:
    if lang == "zh":
        lines = "、".join(f"{x.id}({x.name.zh} {x.number})" for x in catalogue.lines)
    else:
        lines = ", ".join(f"{x.id} ({x.number})" for x in catalogue.lines)
    return word(lang, "error.known_lines", lines=lines)


def _short(name: str) -> str:
    """A scenario's name to its first part: 订单咨询(查物流 / 改地址) → 订单咨询."""
    return name.replace("(", " / ").split(" / ")[0].strip()


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


def store_path() -> Path:
    """$JDHOTLINE_HOME/cases.db, else cases.db in the user's data folder (platformdirs)."""
    home = os.environ.get("JDHOTLINE_HOME", "").strip()
    if home:
        return Path(os.path.expanduser(home)) / "cases.db"  # '~/x' quoted, so unexpanded
    return user_data_dir() / "cases.db"


def user_data_dir() -> Path:
    """platformdirs.user_data_dir("jdhotline"), without importing it on Linux.

    `which` looks for a case record on every run, and importing platformdirs costs
    more than the rest of that look; on Linux its answer is one line (the XDG base
    directory rule), which a test checks against platformdirs itself.
    """
    if sys.platform.startswith("linux"):
        # The XDG spec: a relative path "is invalid and should be ignored" (else the
        # record would follow the working folder).
        base = os.environ.get("XDG_DATA_HOME", "").strip()
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.local/share")
        return Path(base) / "jdhotline"
    import platformdirs

    return Path(platformdirs.user_data_dir("jdhotline", appauthor=False))


@contextmanager
def case_store() -> "Iterator[CaseStore]":
    from jdhotline.record.store import CaseStore

    with CaseStore(store_path()) as store:
        yield store


def overdue_cases(moment: dt.datetime, order: str | None, lang: str) -> "list[Case]":
    """Open, overdue cases (for one order, if given) — only if a record exists at all."""
    path = store_path()
    if not path.exists():
        return []
    try:
        with case_store() as store:
            cases = store.for_order(order) if order else store.all()
            left_out(store, lang)
    except CaseStoreError as exc:
        out.error(word(lang, "error.case_record", reason=refusal(exc, lang)))
        return []
    return [c for c in cases if c.overdue(moment) is not None]


def left_out(store: "CaseStore", lang: str) -> None:
    """One line for cases the record holds but cannot read (the rest are shown)."""
    if store.unreadable:
        ids = ", ".join(map(str, store.unreadable))
        out.error(word(lang, "error.store.left_out", ids=ids, path=store.path))


def text_of(value: str | None) -> str | None:
    """An option's free text, readable (inputs.py) and stripped; None when empty."""
    from jdhotline.inputs import readable

    return None if value is None else (readable(value).strip() or None)


def shorten(text: str, limit: int = 80) -> str:
    """The user's text in a message, at most ``limit`` characters of it."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# What a case command has written, for the message on Ctrl-C (cli.main).
saved: list[tuple[str, int]] = []  # (what, case number): ("added", 3)


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
