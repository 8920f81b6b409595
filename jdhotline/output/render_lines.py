"""The views of the reference commands: open, table, scenarios and calendar.

Apart from render.py (the answer to `which`) only to keep each file readable; they
share its texts for hours, states and windows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from jdhotline.i18n.words import holiday, in_language, listing, word

from .console import clean
from .render import hours_text, state_text, unverified, window_text
from .writers import Grid, Para, Section, Span, Title, View, spans

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue
    from jdhotline.schedule import LineStatus
    from jdhotline.workdays import Coverage


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
        state = table_state(status, lang)
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


def table_state(status: LineStatus, lang: str) -> str:
    """A line's state in a word: on a day off 今天休息（国庆节）, as `open` says, not 已下班."""
    if status.open_now or status.day_off is None:  # open; or an evening, a morning
        return word(lang, "open" if status.open_now else "closed") + unverified(status, lang)
    if status.day_off:  # one bracket, not two side by side: 今天休息（春节；仅计法定节假日…）
        name = holiday(status.day_off, lang)
        tier = unverified(status, lang, inside=True)
        return word(lang, "closed.day_off.named", holiday=name, tier=tier)
    return word(lang, "closed.day_off") + unverified(status, lang)


def scenarios_view(catalogue: Catalogue, lang: str) -> View:
    rows = []
    for s in catalogue.scenarios:
        # Chinese cues without Latin letters ("iphone" is a cue, no Chinese example).
        chinese = [w for w in s.keywords.zh if not any(c.isascii() and c.isalpha() for c in w)]
        # How many of each: a Chinese reader gets Chinese cues, another both (words).
        keywords = (
            # In Traditional Chinese, as a reader would type them (the matcher takes both).
            *(in_language(w, lang) for w in clearest(chinese, int(word(lang, "keywords.zh")))),
            *clearest(s.keywords.en, int(word(lang, "keywords.en"))),
        )
        rows.append(
            (
                Span(s.id, "strong"),
                Span(clean(s.name(lang))),
                Span(clean(listing(list(keywords), lang))),
            )
        )
    columns = tuple(word(lang, f"col.{c}") for c in ("id", "name", "keywords"))
    return (Grid(columns, tuple(rows), head=2),)


def clearest(words: Sequence[str], count: int) -> list[str]:
    """A scenario's clearest example words, in the catalogue's order: none a form or a
    variant spelling of one already shown (refuse, refuses, refused; 登录, 登陆; 7天无理由,
    七天无理由), nor inside one (登录 in 登录异常); the matcher keeps them all."""
    picked: list[str] = []
    for i, candidate in enumerate(words):
        if len(picked) == count:
            break
        fragment = candidate.isascii() and candidate.split()[-1].lower() in _OPEN_ENDS
        if not fragment and not any(_akin(candidate, earlier) for earlier in words[:i]):
            picked.append(candidate)
    return picked


# A cue ending in one of these is a fragment ("where is my", "register for"), no example.
_OPEN_ENDS = frozenset({"my", "the", "a", "an", "to", "for", "of", "and", "with", "is", "me", "it"})


def _stem(text: str) -> str:
    bare = re.sub(r"[\s\-]", "", text.lower())
    for suffix in ("ing", "ed", "es", "s", "d", "e"):
        if len(bare) > len(suffix) + 2 and bare.endswith(suffix):
            return bare[: -len(suffix)]
    return bare


def _akin(one: str, other: str) -> bool:
    if one in other or other in one:
        return True
    first, second = _stem(one), _stem(other)
    if first.startswith(second) or second.startswith(first):  # login, log in, log into
        return True
    if one.isascii() and other.isascii():  # return it, return this; login, logging in
        return one.lower().split()[0][:3] == other.lower().split()[0][:3]
    # A variant spelling: as long, one character apart (登录 / 登陆, 7天 / 七天).
    return len(one) == len(other) and sum(x != y for x, y in zip(one, other, strict=True)) == 1


# --------------------------------------------------------------------------- calendar


def _years(row: Coverage, lang: str) -> str:
    if row.first is None:
        return word(lang, "cal.before", year=row.last)
    if row.last is None:
        return word(lang, "cal.after", year=row.first)
    return str(row.first) if row.first == row.last else f"{row.first}–{row.last}"


def calendar_view(
    rows: Sequence[Coverage],
    upgrade: int | None,
    patches: int,
    path: str,
    version: str,
    lang: str,
    runs_out: int | None = None,
    *,
    advice: bool = True,
) -> View:
    """`jdhotline calendar`: each run of years, how sure its working days are, and from where;
    with ``advice``, how whoever runs jdhotline verifies a year (not for a phone's page)."""
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
        items.append(spans(word(lang, "pair", name=_years(row, lang), value=f"{tier} · {source}")))
    notes = [word(lang, "cal.patches", count=patches)] if patches else []
    if runs_out is not None:
        notes.append(word(lang, "cal.runs_out", last=runs_out, next=runs_out + 1))
    if upgrade is not None and advice:
        notes.append(word(lang, "notice.calendar-upgrade", years=upgrade))
    if advice:
        notes.append(word(lang, "cal.verify"))
    return (
        Title(word(lang, "cal.head")),
        Section("", tuple(items), gap=False),
        *(Para(spans(note)) for note in notes),
    )
