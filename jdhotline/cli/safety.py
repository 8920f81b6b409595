"""The command line of safety: `check NUMBER`, and `which` on a text that reads as the
fake-customer-service scam (the safety answer first, then any real question's answer).

Apart from cli.py so that file stays one screenful per command; the core is safety.py
and numbers.py, the views render_safety.py.
"""

# No `from __future__ import annotations`: Typer evaluates string annotations at start-up.

from typing import TYPE_CHECKING, Annotated

import typer

from jdhotline.errors import EXIT_NOT_A_LINE, EXIT_SAFETY, EXIT_USAGE, Stop

from .options import AtOpt, CatalogOpt, FormatOpt, LangOpt, calendar_for, emit, opened, shorten

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue, Scenario
    from jdhotline.output.writers import View
    from jdhotline.rules import Recommendation
    from jdhotline.safety import Alarm

    from .run import Run


def scam_alarm(catalogue: "Catalogue", text: str) -> "Alarm | None":
    from jdhotline.safety import alarm

    return alarm(catalogue, text)


def answer_scam(
    run: "Run", alarm: "Alarm", user: str, scenario: "Scenario | None", fmt: str, full: bool
) -> None:
    """The safety answer; after it, the usual answer when the text also holds a real
    question (what is left once the scam's cues are taken out still matches a scenario,
    or a scenario was chosen). Never an interview: the answer must come at once.
    Ends with EXIT_SAFETY."""
    from jdhotline.output import documents, render, render_safety
    from jdhotline.rules import advise, recommend

    catalogue, moment, language = run.catalogue, run.moment, run.lang
    calendar = calendar_for(catalogue)
    full = full or fmt == "markdown"  # Markdown is always the full answer, sources too
    rec: Recommendation | None
    if scenario is not None:
        rec = recommend(catalogue, user, scenario, moment, calendar=calendar, problem=alarm.rest)
    else:
        rec = advise(catalogue, user, alarm.rest, moment, calendar=calendar) if alarm.rest else None

    def document() -> dict[str, object]:
        safety: dict[str, object] = {
            "safety": render_safety.safety_json(catalogue, alarm, language)
        }
        return {**safety, **documents.which_json(rec, catalogue, language)} if rec else safety

    def view() -> "View":
        blocks = render_safety.safety_view(catalogue, alarm, language, full=full)
        if rec is None:
            return blocks
        usual = render.which_view(rec, catalogue, language, full=full)
        return blocks + render_safety.then_view(language) + usual

    emit(run, fmt, document, view)
    raise typer.Exit(EXIT_SAFETY)


def check(
    ctx: typer.Context,
    number: Annotated[
        str,
        typer.Argument(
            metavar="NUMBER",
            help="A phone number as you have it: 400-656-0055, +86 400 656 0055, "
            "or the SMS or sentence it is in.",
            show_default=False,
        ),
    ],
    full: Annotated[
        bool,
        typer.Option("--full", metavar="", help="Every source in full: title, date, address."),
    ] = False,
    at: AtOpt = None,
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """Is this number one of JD's lines? Exit 0 when every number given is one, 1 when not."""
    run = opened(ctx, at, catalog)
    moment, catalogue, language = run.moment, run.catalogue, run.lang
    from jdhotline.inputs import readable
    from jdhotline.numbers import find

    text = readable(number)
    found = find(catalogue, text)
    if not found:
        if not text.strip():  # `check ""`: nothing to quote (“”里没有电话号码 read as a slip)
            raise Stop(EXIT_USAGE, run.word("error.no_number.empty"))
        raise Stop(EXIT_USAGE, run.word("error.no_number", text=shorten(number)))
    from jdhotline.output import render_safety
    from jdhotline.schedule import status

    # A pasted SMS or sentence that reads as the scam: the warning leads, before what
    # the number is (a real JD number in a scam's text proves nothing).
    scam = scam_alarm(catalogue, text)
    if scam is None and not all(n.known for n in found):
        from jdhotline.safety import posing

        scam = posing(catalogue, text)  # says it is JD, and leaves a number that is not
    calendar = calendar_for(catalogue)
    statuses = {n.line.id: status(n.line, moment, calendar) for n in found if n.line is not None}
    emit(
        run,
        fmt,
        lambda: render_safety.check_json(catalogue, found, statuses, language, scam),
        lambda: render_safety.check_view(
            catalogue, found, statuses, language, scam, full=full or fmt == "markdown"
        ),
    )
    if not all(n.known for n in found):
        raise typer.Exit(EXIT_NOT_A_LINE)
