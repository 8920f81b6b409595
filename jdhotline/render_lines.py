"""The views of the reference commands: open, table, scenarios and calendar.

Apart from render.py (the answer to `which`) only to keep each file readable; they
share its texts for hours, states and windows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .console import clean
from .render import hours_text, state_text, unverified, window_text
from .words import listing, word
from .writers import Grid, Para, Section, Span, Title, View, spans

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .schedule import LineStatus
    from .workdays import Coverage


# --------------------------------------------------------------------------- open, table, scenarios


def open_view(statuses: Sequence[LineStatus], lang: str) -> View:
    lines = []
    for s in statuses:
        mark = Span("● ", "good") if s.open_now else Span("○ ", "bad")
        lines.append(
            Para(
                (
                    mark,
                    Span(s.line.number, "strong"),
                    Span("  " + clean(s.line.name(lang)) + " · "),
                    Span(state_text(s, lang)),
                )
            )
        )
    return tuple(lines)


TABLE_COLUMNS = ("number", "line", "open", "audience", "scenarios", "hours", "off_peak", "online")


def table_view(catalogue: Catalogue, statuses: Sequence[LineStatus], lang: str) -> View:
    rows = []
    for status in statuses:
        line = status.line
        extension = word(lang, "extension")
        names = listing(
            [
                catalogue.scenario(s).name(lang) + (extension if s in line.extends else "")
                for s in line.scenarios
            ],
            lang,
        )
        audience = word(lang, "audience." + line.audience)
        audience += extension if line.extends_audience else ""
        off_peak = listing([window_text(w) for w in line.off_peak], lang) or word(lang, "none")
        state = word(lang, "open" if status.open_now else "closed") + unverified(status, lang)
        rows.append(
            (
                Span(line.number, "strong"),
                Span(clean(line.name(lang)), "strong"),
                Span(state, "good" if status.open_now else "bad"),
                Span(audience),
                Span(clean(names)),
                Span(hours_text(line, lang)),
                Span(off_peak),
                Span(clean(line.online(lang))),
            )
        )
    columns = tuple(word(lang, f"col.{c}") for c in TABLE_COLUMNS)
    return (Grid(columns, tuple(rows), head=3),)


def scenarios_view(catalogue: Catalogue, lang: str) -> View:
    rows = []
    for s in catalogue.scenarios:
        keywords = s.keywords.zh[:4] if lang == "zh" else (*s.keywords.zh[:2], *s.keywords.en[:3])
        rows.append(
            (
                Span(s.id, "strong"),
                Span(clean(s.name(lang))),
                Span(clean(listing(list(keywords), lang))),
            )
        )
    columns = tuple(word(lang, f"col.{c}") for c in ("id", "name", "keywords"))
    return (Grid(columns, tuple(rows), head=2),)


# --------------------------------------------------------------------------- calendar


def _years(row: Coverage, lang: str) -> str:
    if row.first is None:
        return word(lang, "cal.before", year=row.last)
    if row.last is None:
        return word(lang, "cal.after", year=row.first)
    return str(row.first) if row.first == row.last else f"{row.first}–{row.last}"


def calendar_view(
    rows: Sequence[Coverage], upgrade: int | None, patches: int, path: str, version: str, lang: str
) -> View:
    """`jdhotline calendar`: each run of years, how sure its working days are, and from where."""
    sources = {
        "chinesecalendar": word(lang, "cal.chinesecalendar", version=version),
        "statutory": word(lang, "cal.statutory.source"),
        "weekdays": word(lang, "cal.weekdays"),
    }
    items = []
    for row in rows:
        source = (
            word(lang, "cal.catalogue", path=clean(path), year=row.first)
            if row.source == "catalogue"
            else sources[row.source]
        )
        tier = word(lang, f"cal.{row.tier}")
        items.append(spans(f"{_years(row, lang)}: {tier} · {source}"))
    notes = [word(lang, "cal.patches", count=patches)] if patches else []
    if upgrade is not None:
        notes.append(word(lang, "notice.calendar-upgrade", years=upgrade))
    notes.append(word(lang, "cal.verify"))
    return (
        Title(word(lang, "cal.head")),
        Section("", tuple(items), gap=False),
        *(Para(spans(note)) for note in notes),
    )
