"""The command line: parse, read the clock once, call the core, hand the result to render.

Exit codes (also in the README):
  0  answered (for `open LINE`: the line is open)
  1  `open LINE`: the line is closed now
  2  usage error: unknown scenario or line, bad --at, nothing to answer
  3  the catalogue cannot be used (file, entry, field and what to fix are named)
  130 interrupted (Ctrl-C)
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Annotated

import typer

from . import __version__
from .catalogue import Catalogue, CatalogueError, Scenario
from .render import Output, word

EXIT_OK = 0
EXIT_CLOSED = 1
EXIT_USAGE = 2
EXIT_CATALOGUE = 3
EXIT_INTERRUPTED = 130


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


app = typer.Typer(
    name="jdhotline",
    help="Which JD.com (京东) customer-service hotline to call, when, and what to have ready.\n\n"
    "All hours are Beijing time (Asia/Shanghai), whatever your machine's zone.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
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
    from .schedule import BEIJING, BadMoment, parse_moment

    now = dt.datetime.now(BEIJING)
    if at is None:
        return now
    try:
        return parse_moment(at, now)
    except BadMoment as exc:
        raise Stop(EXIT_USAGE, f"--at: {exc}") from None


def _catalogue(path: str | None) -> Catalogue:
    from .catalogue import load

    return load(path)


def _interactive() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _did_you_mean(wanted: str, choices: list[str]) -> str | None:
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


# --------------------------------------------------------------------------- which


@app.command()
def which(
    problem: Annotated[
        list[str] | None,
        typer.Argument(
            help="What went wrong, in Chinese or English, e.g. 冰箱不制冷.", show_default=False
        ),
    ] = None,
    plus: Annotated[bool, typer.Option("--plus", help="You are a PLUS member.")] = False,
    merchant: Annotated[bool, typer.Option("--merchant", help="You are a JD merchant.")] = False,
    scenario: Annotated[
        str | None,
        typer.Option(
            "--scenario", "-s", metavar="ID", help="A scenario id (see `jdhotline scenarios`)."
        ),
    ] = None,
    at: AtOpt = None,
    fmt: FormatOpt = Format.text,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """Which number to dial for your problem, how to get through, and when."""
    language = _lang(lang)
    with _boundary():
        if plus and merchant:
            raise Stop(
                EXIT_USAGE, "--plus and --merchant exclude each other: pick the one you are."
            )
        moment = _moment(at)
        catalogue = _catalogue(catalog)
        text = " ".join(problem or []).strip()
        user = "plus" if plus else "merchant" if merchant else None
        if scenario is None and not text:
            if not _interactive():
                raise Stop(
                    EXIT_USAGE,
                    "say what went wrong, e.g. `jdhotline which 冰箱不制冷`, "
                    "or pass --scenario ID (list: `jdhotline scenarios`).",
                )
            user = user or _ask_user(language)
            chosen, text = _ask_problem(catalogue, language)
        else:
            chosen = _scenario(catalogue, scenario) if scenario is not None else None
        user = user or "regular"
        matched: tuple[str, ...] = ()
        simple = False
        if text:
            from .match import rank

            ranked = rank(catalogue, text)
            hit = next((m for m in ranked if chosen is None or m.scenario.id == chosen.id), None)
            if hit is not None:
                matched, simple, chosen = hit.words, hit.simple, hit.scenario
            elif chosen is None:
                chosen = _no_match(catalogue, text, language)
        assert chosen is not None
        from .rules import NoLineError, recommend

        try:
            rec = recommend(catalogue, user, chosen, moment, matched=matched, simple=simple)
        except NoLineError as exc:
            raise Stop(EXIT_CATALOGUE, f"{catalogue.path}: {exc}") from None

    from . import render

    if fmt is Format.json:
        out.plain(out.dumps(render.which_json(rec, catalogue, language)))
    elif fmt is Format.markdown:
        out.plain(render.which_markdown(rec, catalogue, language))
    else:
        out.rich(render.which_rich(rec, catalogue, language))


def _scenario(catalogue: Catalogue, key: str) -> Scenario:
    found = catalogue.find_scenario(key)
    if found is not None:
        return found
    ids = [s.id for s in catalogue.scenarios]
    guess = _did_you_mean(key, ids)
    message = f"unknown scenario {key!r}" + (f"; did you mean {guess!r}?" if guess else "")
    raise Stop(EXIT_USAGE, message, f"Known scenarios: {', '.join(ids)}")


def _no_match(catalogue: Catalogue, text: str, lang: str) -> Scenario:
    ids = [s.id for s in catalogue.scenarios]
    if not _interactive():
        raise Stop(
            EXIT_USAGE,
            f"no scenario matched {text!r}; describe it differently or pass --scenario ID.",
            f"Known scenarios: {', '.join(ids)}",
        )
    return _pick_scenario(catalogue, word(lang, "ask.pick", text=text), lang)


def _ask(question: str, options: list[str], prompt: str) -> str:
    try:
        return out.ask(question, options, prompt)
    except KeyboardInterrupt:
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


def _ask_problem(catalogue: Catalogue, lang: str) -> tuple[Scenario | None, str]:
    names = [f"{s.name(lang)} ({s.id})" for s in catalogue.scenarios]
    for _ in range(3):
        answer = _ask(word(lang, "ask.problem"), names, word(lang, "ask.problem.prompt"))
        if answer.isdigit() and 1 <= int(answer) <= len(names):
            return catalogue.scenarios[int(answer) - 1], ""
        if answer:
            return None, answer
        out.error(word(lang, "ask.again"))
    raise Stop(EXIT_USAGE, "no problem given; pass --scenario ID or describe the problem.")


def _pick_scenario(catalogue: Catalogue, question: str, lang: str) -> Scenario:
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

    if fmt is Format.json:
        out.plain(out.dumps(render.table_json(catalogue, language)))
        return
    from .rules import line_statuses

    statuses = line_statuses(catalogue, moment)
    if fmt is Format.markdown:
        out.plain(render.table_markdown(catalogue, statuses, language))
    else:
        out.rich(render.table_rich(catalogue, statuses, language, out.width))


@app.command(name="open")
def open_(
    line: Annotated[
        str | None,
        typer.Argument(
            help="A line id (regular, plus, appliance, merchant) or number; default: all lines.",
            show_default=False,
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
                    "Known lines: " + ", ".join(f"{x.id} ({x.number})" for x in catalogue.lines),
                )
            lines = [found]
    from . import render
    from .rules import calendar_of
    from .schedule import status

    calendar = calendar_of(catalogue)
    statuses = [status(x, moment, calendar) for x in lines]
    if fmt is Format.json:
        out.plain(out.dumps(render.open_json(statuses)))
    elif fmt is Format.markdown:
        out.plain(render.open_markdown(statuses, language))
    else:
        out.rich(render.open_rich(statuses, language))
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

    if fmt is Format.json:
        out.plain(out.dumps(render.scenarios_json(catalogue, language)))
    elif fmt is Format.markdown:
        out.plain(render.scenarios_markdown(catalogue, language))
    else:
        out.rich(render.scenarios_rich(catalogue, language))


# --------------------------------------------------------------------------- entry point


def main() -> None:
    """The console script: Typer, plus a clean exit on Ctrl-C and on a closed pipe."""
    out.fit_streams()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("\njdhotline: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader (e.g. `head -1`) went away: stop quietly, like other Unix tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
