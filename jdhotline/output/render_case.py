"""The views of a call sheet (`prep`) and of the case record (`case ...`).

Split from render.py, whose phrases they use, to keep each module readable; the
same rule holds: views only, worded from results the core has worked out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from jdhotline.i18n.words import duration, listing, typed, word

from .console import clean
from .render import (
    best_text,
    drop_empty,
    label,
    notice_items,
    short,
    state_text,
    time_line,
    which_view,
)
from .writers import (
    Command,
    Grid,
    Heading,
    Note,
    Pairs,
    Para,
    Section,
    Span,
    Spans,
    Title,
    View,
    spans,
)

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue
    from jdhotline.output.script import FollowUp
    from jdhotline.prep import CallSheet
    from jdhotline.record.store import Case
    from jdhotline.schedule import LineStatus


# --------------------------------------------------------------------------- prep


def prep_view(sheet: CallSheet, catalogue: Catalogue, lang: str) -> View:
    """The call sheet: the answer at a glance, then the sentence, what is missing, what to note."""
    from jdhotline.output.script import record_command

    rec = sheet.rec
    # The head of the answer at a glance: the number, open or closed, when, how to dial.
    head = [b for b in which_view(rec, catalogue, lang, full=False) if isinstance(b, Para | Pairs)]
    opening: list[Spans] = []
    # In English the Chinese sentence is always beside it: the agent speaks Chinese.
    in_chinese = bool(word(lang, "say_zh")) and bool(sheet.opening_zh)
    # Your own words in Chinese make an English sentence half Chinese: say the Chinese one.
    mixed = bool(word(lang, "say_zh")) and any(
        "\u4e00" <= c <= "\u9fff" for c in sheet.opening or ""
    )
    if not sheet.opening:
        # Only what the sentence still lacks: a problem given is not asked for again.
        lacking = "no_opening.time" if sheet.facts.what_is_wrong else "no_opening"
        opening.append(spans(word(lang, lacking)))
        if rec.example is not None:  # the scenario's own sentence, for its object
            opening.append(
                spans(
                    word(lang, "for_example"), clean(word(lang, "quoted", text=rec.example(lang)))
                )
            )
    elif not (mixed and in_chinese and "XX" not in (sheet.opening_zh or "")):
        opening.append(spans(clean(word(lang, "quoted", text=sheet.opening))))
    if sheet.opening and sheet.opening_zh and in_chinese:
        zh = sheet.opening_zh
        opening.append(spans(word(lang, "say_zh"), clean(word(lang, "quoted", text=zh))))
    given = []  # what you gave, so the answer shows it back (not only in the record line)
    from jdhotline.prep import GIVEN

    for fact in GIVEN:
        value = getattr(sheet.facts, fact)
        if value:
            described = catalogue.fact(fact)
            name = described.name(lang) if described else fact
            sep = word(lang, "pair", name="", value="")  # "店铺 ID：12345"
            said = clean(sep + typed(str(value), lang))
            given.append(spans(Span(clean(name), "strong"), said))
    if sheet.facts.evidence:  # shown once, with the rest you gave (not again under "have ready")
        sep = word(lang, "pair", name="", value="")
        items = listing(list(sheet.facts.evidence), lang)
        given.append(spans(Span(word(lang, "evidence_given"), "strong"), clean(sep + items)))
    missing = []
    for _, name, where in sheet.to_find(catalogue, lang):
        sep = word(lang, "pair", name="", value="")
        missing.append(spans(Span(clean(name), "strong"), clean(sep + where if where else "")))
    # What to have besides the facts: those are in the opening sentence or under "missing".
    facts = [catalogue.fact(f) for f in rec.scenario.needs]
    names = [_bare(f.name(lang)) for f in facts if f is not None]
    ready = [
        spans(clean(item(lang)))
        for item in rec.checklist
        if not any(n in _bare(item(lang)) or _bare(short(item(lang))) in n for n in names)
    ]
    steps = [t(lang) for t in rec.steps]
    if rec.example is not None:  # the PLUS script is the opening's shape: say it once
        steps = [t for t in steps if rec.example(lang) not in t]
    warnings = [n for n in rec.warnings if n.code != "primary-closed"]  # the state line says it
    blocks = [
        *head,
        Section(word(lang, "opening"), tuple(opening)),
        Section(word(lang, "given"), tuple(given)),
        Section(word(lang, "missing"), tuple(missing)),
        Section(word(lang, "have_ready"), tuple(ready)),
        Section(word(lang, "on_the_call"), tuple(spans(clean(t)) for t in steps)),
        Section(word(lang, "warnings"), notice_items(warnings, rec, catalogue, lang), warn=True),
        Section(word(lang, "notes"), notice_items(rec.notes, rec, catalogue, lang)),
        Section(
            word(lang, "after_call"),
            # The catalogue's own lines ask for the ID, the ticket and the deadline; a
            # catalogue without them gets the fields the record line needs.
            tuple(spans(clean(t(lang))) for t in rec.on_the_call)
            or (spans(word(lang, "after_fields")),),
        ),
        Heading(word(lang, "record")),
        # Escaped like every line above it: the note quotes the problem, --model, --want…
        Command(clean(record_command(rec.primary.line.id, rec.scenario.id, sheet.facts, lang))),
        Para(spans(word(lang, "record.later"))),
        Section(
            word(lang, "open_cases" if sheet.facts.order else "open_cases.all"),
            tuple(spans(case_line(c, rec.at, lang, catalogue)) for c in sheet.open_cases),
        ),
        Note(label(lang, "time") + time_line(rec.at, lang)),
    ]
    return drop_empty(blocks)


def _bare(text: str) -> str:
    return text.lower().removeprefix("the ").removeprefix("a ")


# --------------------------------------------------------------------------- cases


def _due_text(case: Case, at: dt.datetime, lang: str) -> str:
    if case.due is None:
        return word(lang, "case.no_promise")
    text = word(lang, "case.due", due=f"{case.due:%Y-%m-%d %H:%M}")
    late = case.overdue(at)
    if late is not None:
        text += word(lang, "sep.clause") + word(lang, "case.overdue", late=duration(late, lang))
    return text


def _line_name(case: Case, lang: str, catalogue: Catalogue | None) -> str:
    found = catalogue.find_line(case.line) if catalogue is not None else None
    return found.name(lang) if found is not None else case.line


def case_line(
    case: Case,
    at: dt.datetime,
    lang: str,
    catalogue: Catalogue | None = None,
    *,
    named: bool = True,
) -> str:
    parts = [word(lang, "case.name", id=case.id)] if named else []
    parts.append(_line_name(case, lang, catalogue))
    if case.order:
        parts.append(f"{word(lang, 'col.order')} {case.order}")
    parts.append(_due_text(case, at, lang))
    return clean(" · ".join(parts))


def case_done(
    case: Case, at: dt.datetime, what: str, lang: str, catalogue: Catalogue | None
) -> str:
    head = word(lang, f"case.{what}", id=case.id)
    rest = case_line(case, at, lang, catalogue, named=False)
    return clean(word(lang, "pair", name=head, value=rest))


def overdue_note(
    cases: Sequence[Case], at: dt.datetime, lang: str, catalogue: Catalogue | None = None
) -> str:
    n = len(cases)
    key = "overdue_note.one" if len(cases) == 1 else "overdue_note.many"
    if len(cases) > _OVERDUE_LISTED:  # the longest overdue; the rest are in `case list`
        cases = sorted(cases, key=lambda c: c.overdue(at) or dt.timedelta(0), reverse=True)
        cases, key = cases[: _OVERDUE_LISTED - 1], "overdue_note.more"
    listed = word(lang, "sep.cases").join(case_line(c, at, lang, catalogue) for c in cases)
    return word(lang, key, n=n, cases=listed, first=cases[0].id)


_OVERDUE_LISTED = 3  # a note after an answer lists this many cases at most


_CASE_COLUMNS = ("case", "line", "order", "status", "due", "overdue")


def case_list_view(
    cases: Sequence[Case], at: dt.datetime, lang: str, catalogue: Catalogue | None
) -> View:
    if not cases:
        return (Para(spans(word(lang, "case.none"))),)
    rows = []
    for c in cases:
        late = c.overdue(at)
        rows.append(
            (
                Span(word(lang, "case.name", id=c.id), "strong"),
                Span(clean(_line_name(c, lang, catalogue)), "strong"),
                Span(clean(c.order or "")),
                Span(word(lang, f"status.{c.status}")),
                Span(f"{c.due:%Y-%m-%d %H:%M}" if c.due else ""),
                Span(duration(late, lang) if late is not None else "", "bad"),
            )
        )
    columns = tuple(word(lang, f"col.{c}") for c in _CASE_COLUMNS)
    return (Grid(columns, tuple(rows), head=2),)


# A close entry's note is the case's outcome: its own column, so it reads 结果, not 备注.
_HISTORY_COLUMNS = ("when", "what", "agent", "ticket", "due", "note", "outcome")


def case_view(case: Case, at: dt.datetime, lang: str, catalogue: Catalogue | None) -> View:
    rows: tuple[tuple[Span, ...], ...] = tuple(
        (
            Span(f"{e.at:%Y-%m-%d %H:%M}", "strong"),
            Span(word(lang, f"kind.{e.kind}"), "strong"),
            Span(clean(e.agent or "")),
            Span(clean(e.ticket or "")),
            Span(f"{e.due:%Y-%m-%d %H:%M}" if e.due else ""),
            Span(clean(typed(e.note or "", lang)) if e.kind != "close" else ""),
            Span(clean(typed(e.note or "", lang)) if e.kind == "close" else ""),
        )
        for e in case.entries
    )
    blocks: list = [Title(case_line(case, at, lang, catalogue))]
    if case.outcome:
        blocks.append(Para(spans(label(lang, "outcome") + clean(typed(case.outcome, lang)))))
    blocks.append(Heading(word(lang, "history")))
    columns: tuple[str, ...] = _HISTORY_COLUMNS
    if not any(e.kind == "close" for e in case.entries):  # no column that is always empty
        columns, rows = columns[:-1], tuple(row[:-1] for row in rows)
    blocks.append(Grid(tuple(word(lang, f"col.{c}") for c in columns), rows, head=2))
    return tuple(blocks)


def followup_view(
    case: Case, status: LineStatus, words: FollowUp, lang: str, catalogue: Catalogue | None
) -> View:
    line = status.line
    facts: tuple[tuple[str, tuple[Span, ...]], ...] = (
        (
            word(lang, "followup.call"),
            (
                Span(line.number, "open" if status.open_now else "closed"),
                Span(" " + clean(line.name(lang))),
            ),
        ),
        (word(lang, "state"), spans(state_text(status, lang))),
        (word(lang, "best"), spans(best_text(status, lang))),
        (word(lang, "followup.missed"), spans(str(words.missed))),
    )
    if words.due_in is not None:
        left = duration(words.due_in, lang)
        not_due = spans(word(lang, "followup.due_in", left=left))  # the title says when
        facts = ((word(lang, "followup.not_due"), not_due), *facts)
    blocks: list = [
        Title(case_line(case, status.at, lang, catalogue)),
        Pairs(facts),
        Section(word(lang, "followup.say"), _with_zh(words.words, words.words_zh, lang)),
    ]
    if words.escalate:
        said = _with_zh(words.escalate, words.escalate_zh, lang)
        blocks.append(Section(word(lang, "followup.escalate"), said, warn=True))
    return tuple(blocks)


def _with_zh(said: str, zh: str | None, lang: str) -> tuple[Spans, ...]:
    """A sentence to say, and in another language its Chinese beside it (the agent
    speaks Chinese)."""
    items = [spans(clean(word(lang, "quoted", text=said)))]
    if word(lang, "say_zh") and zh:
        items.append(spans(word(lang, "say_zh"), clean(word(lang, "quoted", text=zh))))
    return tuple(items)
