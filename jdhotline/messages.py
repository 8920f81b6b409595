"""Errors and notes in words: the language of a command line that may not have parsed,
coded refusals (errors.Problem, errors.CaseStoreError), and the notes owed after an
interrupt or about the output.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from .errors import Coded
from .words import word


def args_language(args: list[str]) -> str:
    """The language of a command line that may not have parsed (a usage error, Ctrl-C):
    --lang as given, else the default the README describes (JDHOTLINE_LANG, the locale)."""
    for i, arg in enumerate(args):
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        elif arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        else:
            continue
        if value in ("zh", "en"):
            return value
    chosen = os.environ.get("JDHOTLINE_LANG", "").strip().lower()
    if chosen[:2] in ("zh", "en"):
        return chosen[:2]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def refusal(problem: Coded, lang: str) -> str:
    """A coded refusal in words; a reason code (`why`) is worded too, the system's own
    (English) text, when there is one, standing for it in English."""
    params = dict(problem.params)
    if "why" in params:
        detail = params.pop("detail", None)
        reason = word(lang, f"error.store.why.{params['why']}")
        params["why"] = detail if detail and lang == "en" else reason
    return word(lang, f"error.{problem.code}", **params)


def saved_words(saved: Sequence[tuple[str, int]], lang: str) -> str:
    """What a case command wrote before an interrupt or a closed output: "case 1 was saved"."""
    comma = "," if lang == "zh" else ", "
    return comma.join(word(lang, f"error.saved.{what}", id=case_id) for what, case_id in saved)


def interrupted_message(args: list[str], saved: Sequence[tuple[str, int]]) -> str:
    """ "interrupted", and for a command that writes the record, whether it did."""
    lang = args_language(args)
    case = _interrupted_case(args, saved)
    name = f"error.interrupted.{case}" if case else "error.interrupted"
    return "jdhotline: " + word(lang, name, saved=saved_words(saved, lang))


def output_note(
    args: list[str], saved: Sequence[tuple[str, int]], closed: bool, encoding: str, shown_in: str
) -> str:
    """The note owed about the output after it (console.finish): stdout was closed, or
    some characters printed as '?' in ``encoding``. In English when stderr's encoding
    (``shown_in``) cannot show the Chinese note either."""

    def note(lang: str) -> str:
        if not closed:
            return word(lang, "note.encoding", encoding=encoding)
        if saved:
            return word(lang, "note.stdout_closed.saved", saved=saved_words(saved, lang))
        return word(lang, "note.stdout_closed")

    text = note(args_language(args))
    if not _can_show(text, shown_in):
        text = note("en")
    return "jdhotline: " + text


def _can_show(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return False
    return True


WRITING = {"add", "log", "close", "reopen"}  # the case commands that change the record


def _interrupted_case(args: list[str], saved: Sequence[tuple[str, int]]) -> str:
    """Which "interrupted" to say: with what was saved, or that a write saved nothing."""
    words = [arg for arg in args if not arg.startswith("-")]
    if saved:
        return "saved"
    if words[:1] == ["case"] and words[1:2] and words[1] in WRITING:
        return "unsaved"
    return ""
