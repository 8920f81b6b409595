"""Errors and notes in words: the language of a command line that may not have parsed,
coded refusals (errors.Problem, errors.CaseStoreError, errors.CatalogueError), and the
notes owed after an interrupt or about the output.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import Any

from jdhotline.errors import CatalogueError, Coded

from .words import DEFAULT_LANG, language, listing, word


def args_language(args: list[str]) -> str:
    """The language of a command line, decided once, before it is parsed (cli/run.py):
    the last --lang as given (as Click reads it: `--lang zh which --lang en` is English;
    nothing after `--`), else the default the README describes (JDHOTLINE_LANG, the locale)."""
    given = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        elif arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        else:
            continue
        given = language(value) or given
    return given or env_language()


def _asked() -> tuple[str, str | None]:
    """JDHOTLINE_LANG as set, and the language it names (None: unset, or none)."""
    chosen = os.environ.get("JDHOTLINE_LANG", "").strip()
    return chosen, (language(chosen) or language(chosen[:2])) if chosen else None


def unknown_env_language(args: list[str]) -> str | None:
    """JDHOTLINE_LANG as set, when it names no language and no --lang stands for it:
    the command says so once (cli.commands.main) rather than pass over it in silence."""
    chosen, found = _asked()
    if not chosen or found:
        return None
    if "_JDHOTLINE_COMPLETE" in os.environ:  # completing a word: nothing to say
        return None
    options = args[: args.index("--")] if "--" in args else args
    given = any(arg == "--lang" or arg.startswith("--lang=") for arg in options)
    return None if given else chosen


def env_language() -> str:
    """The language the environment asks for: JDHOTLINE_LANG, else the locale, where a
    Traditional Chinese locale (zh_TW, zh_HK, zh_MO) is zh-Hant and any other Chinese
    one zh (docs/languages.md)."""
    found = _asked()[1]
    if found:
        return found
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return language(value) or language(value[:2]) or DEFAULT_LANG
    return DEFAULT_LANG


def refusal(problem: Coded, lang: str) -> str:
    """A coded refusal in words; a reason code (`why`) is worded too, the system's own
    (English) text, when there is one, standing for it in English."""
    return word(lang, f"error.{problem.code}", **_reasoned(problem.params, lang))


def _reasoned(given: dict[str, object], lang: str) -> dict[str, object]:
    params = dict(given)
    if "why" in params:
        detail = params.pop("detail", None)
        reason = word(lang, f"error.store.why.{params['why']}")
        params["why"] = (
            word(lang, "error.store.why.system", detail=detail, reason=reason) if detail else reason
        )
    return params


def catalogue_message(error: CatalogueError, lang: str) -> str:
    """ "my.yaml: hotlines[2].hours.open: "25:00" is not a time (HH:MM, e.g. "09:00")";
    in Chinese "my.yaml：hotlines[2].hours.open：“25:00”不是时刻（…）", and for the file
    as a whole "my.yaml 不存在". The file and the entry path are shown as they are."""
    where = catalogue_where(error, lang)
    problem = catalogue_problem(error, lang)
    if where:
        return word(lang, "catalogue.message", file=error.file, where=where, problem=problem)
    return word(lang, "catalogue.message.file", file=error.file, problem=problem)


def catalogue_where(error: CatalogueError, lang: str) -> str:
    """The entry path; for a YAML syntax error its line and column; the top level."""
    if "line" in error.params:
        return word(
            lang, "error.catalogue.at", line=error.params["line"], column=error.params["column"]
        )
    if not error.entry and error.code == "not_mapping":
        return word(lang, "error.catalogue.top")
    return error.entry


def catalogue_problem(error: CatalogueError, lang: str) -> str:
    """What is wrong and the fix. A value from the file (`value`) is described, its kind
    (`kind`) named; lists are listed; a weekday (0-4) is named."""
    params = _reasoned(error.params, lang)
    if "value" in params:
        value = params["value"]
        params["value"] = describe(value, lang)
        params["kind"] = _kind(value, lang)
    if "weekday" in params:
        params["weekday"] = word(lang, f"error.catalogue.weekday.{params['weekday']}")
    for key, value in params.items():
        if isinstance(value, (tuple, list, frozenset)) and key != "value":
            params[key] = listing(list(map(str, value)), lang)
    return word(lang, f"error.catalogue.{error.code}", **params)


def describe(value: Any, lang: str) -> str:
    """A value from the file in a sentence: "25:00" (zh “25:00”), nothing, a list."""
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + word(lang, "catalogue.cut")
        return word(lang, "catalogue.quoted", text=text)
    if value is None:
        return word(lang, "error.catalogue.nothing")
    if isinstance(value, (dict, list)):
        return _kind(value, lang)
    if isinstance(value, bool):
        shown = "true" if value else "false"  # as YAML writes it
    elif isinstance(value, dt.date):
        shown = value.isoformat()
    else:
        shown = repr(value)
    # As Python shows it (True, datetime.date(…)) or as YAML writes it (true, 2025-01-01).
    return word(lang, "catalogue.value", python=repr(value), yaml=shown)


# In this order: a bool is an int, a datetime a date; YAML's integers are int subclasses.
_KINDS = ((bool, "bool"), (int, "number"), (float, "number"), (str, "text"),
          (dict, "mapping"), (list, "list"), (type(None), "empty"),
          (dt.datetime, "datetime"), (dt.date, "date"))  # fmt: skip


def _kind(value: Any, lang: str) -> str:
    """What a value is: "a mapping" / "映射"; a type YAML rarely gives by its own name."""
    kind = next((name for kind, name in _KINDS if isinstance(value, kind)), None)
    return word(lang, f"error.catalogue.kind.{kind}") if kind else type(value).__name__


def saved_words(saved: Sequence[tuple[str, int]], lang: str) -> str:
    """What a case command wrote before an interrupt or a closed output: "case 1 was saved"."""
    return word(lang, "sep.clause").join(
        word(lang, f"error.saved.{what}", id=case_id) for what, case_id in saved
    )


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
