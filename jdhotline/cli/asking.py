"""From the command line's words to a recommendation: the problem (given, or pasted on
stdin), who is asking, the interview when a terminal can ask, and the refusal of a text
no scenario matched, saying why where it can (`which` and `prep` share it).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from jdhotline.errors import EXIT_CATALOGUE, EXIT_USAGE, Stop
from jdhotline.i18n.words import word

from . import interview
from .interview import Interview
from .options import calendar_for, known_scenarios, scenario_named, shorten

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue, Scenario
    from jdhotline.rules import Recommendation

    from .run import Run


def recommendation(
    run: Run,
    problem: list[str] | None,
    plus: bool,
    merchant: bool,
    scenario: str | None,
    command: str,
) -> Recommendation:
    """Who is asking and about what (asking in a terminal if need be), then the rules."""
    out, lang = run.out, run.lang
    if plus and merchant:
        raise Stop(EXIT_USAGE, word(lang, "error.plus_and_merchant"))
    catalogue, moment = run.catalogue, run.moment
    questions = Interview(out, lang, command)
    text = problem_text(problem, questions, lang)
    user = "plus" if plus else "merchant" if merchant else None
    chosen: Scenario | None
    if scenario is None and not text:
        if not interview.interactive():
            raise Stop(EXIT_USAGE, word(lang, "error.nothing", command=command))
        user = user or questions.user()
        chosen, text = questions.problem(catalogue, user)
    else:
        chosen = scenario_named(catalogue, scenario, lang) if scenario is not None else None
    from jdhotline.rules import NoLineError, advise, recommend

    if text:  # only free text needs the matcher (`-s appliance` goes without it)
        from jdhotline.match import READ, says_plus

        if user is None and says_plus(catalogue, text):
            user = "plus"  # "我是 PLUS 会员…": a member who forgot --plus said so in words
            out.note(word(lang, "note.plus_said"))
    user = user or "regular"
    calendar = calendar_for(catalogue)
    try:
        rec = advise(catalogue, user, text, moment, scenario=chosen, calendar=calendar)
        if rec is None:  # nothing matched the words, and no scenario was chosen
            if not interview.interactive():
                raise unmatched(catalogue, text, lang)
            chosen = questions.pick(catalogue, user, shorten(text))
            rec = recommend(catalogue, user, chosen, moment, calendar=calendar, problem=text)
        elif not rec.confident and interview.interactive():
            picked = questions.unsure(rec)
            if picked is not rec.scenario:
                rec = advise(catalogue, user, text, moment, scenario=picked, calendar=calendar)
        assert rec is not None
        if text and chosen is None and len(text) > READ:  # only its start was matched
            out.note(word(lang, "note.long_problem", read=f"{READ:,}", length=f"{len(text):,}"))
        return rec
    except NoLineError as exc:
        who = word(lang, f"user.{exc.user}")
        said = word(lang, "error.no_line", user=who, scenario=exc.scenario)
        raise Stop(EXIT_CATALOGUE, f"{catalogue.path}: {said}") from None


class NoProblem(Stop):
    """A question about reaching JD's customer service, with no problem in it: `which`
    answers with all four lines (text and Markdown); elsewhere it is a refusal."""


class Unmatched(Stop):
    """Words no scenario matched (`which --explain` shows why, before the refusal)."""


def unmatched(catalogue: Catalogue, text: str, lang: str) -> Stop:
    """The refusal of a text no scenario matched, saying why where it can."""
    from jdhotline.match import unmatched

    reason = unmatched(catalogue, text)
    if reason == "calling":
        message = word(lang, "error.no_match.calling", text=shorten(text))
        return NoProblem(EXIT_USAGE, message, word(lang, "hint.calling"))
    if reason in ("elsewhere", "off_topic"):
        return Unmatched(EXIT_USAGE, word(lang, f"error.no_match.{reason}", text=shorten(text)))
    message = word(lang, "error.no_match", text=shorten(text))
    return Unmatched(EXIT_USAGE, message, known_scenarios(catalogue, lang))


def problem_text(problem: list[str] | None, questions: Interview, lang: str) -> str:
    """The words given, or with `-` the text on standard input (a long complaint, pasted)."""
    from jdhotline.inputs import in_legacy_encoding, looks_binary, readable

    if problem == ["-"] and sys.stdin is None:  # started with `<&-`
        raise Stop(EXIT_USAGE, word(lang, "error.stdin", reason=word(lang, "error.stdin.closed")))
    if problem == ["-"]:
        questions.announce_stdin()
        try:
            given = _read_capped(sys.stdin, lang)
        except (OSError, UnicodeDecodeError) as exc:
            # Coded: the system's own words stand for the reason where they are English.
            from jdhotline.errors import Coded, os_reason
            from jdhotline.i18n.messages import refusal

            why = os_reason(exc) if isinstance(exc, OSError) else "other"
            failed = Coded("stdin.failed", why=why, detail=str(exc))
            raise Stop(EXIT_USAGE, refusal(failed, lang)) from None
    else:
        given = " ".join(problem or [])
    given = in_legacy_encoding(given, lang)  # Chinese from a GBK console, say
    if looks_binary(given):
        raise Stop(EXIT_USAGE, word(lang, "error.not_text"))
    return readable(given).strip()


MAX_STDIN = 2_000_000  # characters of a problem on stdin: /dev/zero never ends


def _read_capped(stream: Any, lang: str) -> str:
    """At most MAX_STDIN characters; more is refused in one line, not read on forever."""
    text = stream.read(MAX_STDIN + 1)
    if len(text) > MAX_STDIN:
        raise Stop(EXIT_USAGE, word(lang, "error.stdin.too_long", limit=f"{MAX_STDIN:,}"))
    return text
