"""The views and JSON documents of the safety answer (`which` on the scam) and of `check`.

Apart from render.py to keep each file readable. Every sentence of the safety answer
is catalogue data with its sources (safety.py chooses them); this module words the
frame: the lines to call back, the sources, what a number is or is not.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from jdhotline.catalogue import without_aside
from jdhotline.i18n.words import in_language, word

from .console import clean
from .render import state_text
from .writers import Pairs, Para, Section, Span, Spans, View

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue, Safety, SafetySentence, Source
    from jdhotline.numbers import Found
    from jdhotline.safety import Alarm
    from jdhotline.schedule import LineStatus

KIND = "fake-customer-service"  # the one scam jdhotline recognises, as JSON names it


def _lines(catalogue: Catalogue, lang: str) -> list[Para]:
    """The catalogue's lines, two to a line, indented under the sentence that asks for
    them: a name is never broken (家电维修专 / 线), and four fit in two lines at 80."""
    rows: list[Para] = []
    for first in range(0, len(catalogue.lines), 2):
        parts: list[Span] = [Span("  ")]
        for i, line in enumerate(catalogue.lines[first : first + 2]):
            parts += [Span(" · ")] if i else []
            parts += [Span(line.number, "strong"), Span(" " + clean(line.name(lang)))]
        rows.append(Para(tuple(parts)))
    return rows


def _sentences(catalogue: Catalogue, said: Sequence[SafetySentence], lang: str) -> list[Any]:
    """Each sentence a bullet; the lines after the one that asks for them."""
    blocks: list[Any] = []
    items: list[Spans] = []
    for sentence in said:
        items.append((Span(sentence.text(lang)),))
        if sentence.lines:
            blocks += [Section("", tuple(items), gap=False), *_lines(catalogue, lang)]
            items = []
    return blocks + ([Section("", tuple(items), gap=False)] if items else [])


def _publisher(source: Source, lang: str) -> str:
    """The publisher without its aside: 山西晚报(太原市反诈中心…) → 山西晚报."""
    return without_aside(in_language(source.publisher, lang))


def _cited(safety: Safety, said: Sequence[SafetySentence]) -> list[Source]:
    ids = dict.fromkeys(i for s in said for i in s.sources)
    return [safety.source(i) for i in ids]


def source_spans(source: Source, lang: str) -> Spans:
    """Publisher, “title”, date, then the address: as the notice shows them, or said to be
    missing. The address is a span of its own, so Chinese punctuation never touches it
    (show?catid= stays a URL)."""
    title = (
        word(lang, "quoted", text=source.title) if source.title else word(lang, "safety.untitled")
    )
    date = source.published.isoformat() if source.published else word(lang, "safety.undated")
    publisher = in_language(source.publisher, lang)
    text = word(lang, "sep.clause").join((publisher, title, date))
    return (Span(text + " "), Span(source.url, "dim"))


def _answer(
    catalogue: Catalogue, said: Sequence[SafetySentence], lang: str, *, full: bool
) -> list[Any]:
    """The sentences, the first as the headline; the lines after the one that asks for them."""
    assert catalogue.safety is not None
    blocks: list[Any] = []
    if said:
        blocks.append(Para((Span(said[0].text(lang), "closed"),)))
    blocks += _sentences(catalogue, said[1:], lang)
    sources = _cited(catalogue.safety, said)
    if full:
        cited = tuple(source_spans(s, lang) for s in sources)
        blocks.append(Section(word(lang, "safety.sources"), cited))
    else:
        names = word(lang, "sep.sources").join(dict.fromkeys(_publisher(s, lang) for s in sources))
        cited_by = word(lang, "pair", name=word(lang, "safety.sources"), value=names)
        blocks.append(Para((Span(cited_by, "dim"),)))
    return blocks


def safety_view(catalogue: Catalogue, alarm: Alarm, lang: str, *, full: bool) -> View:
    from jdhotline.safety import sentences

    assert catalogue.safety is not None
    return tuple(_answer(catalogue, sentences(catalogue.safety, alarm.kinds), lang, full=full))


def then_view(lang: str) -> View:
    """Between the safety answer and the usual one, when a real question remains."""
    from .writers import Heading

    return (Heading(word(lang, "safety.then")),)


def safety_json(catalogue: Catalogue, alarm: Alarm, lang: str) -> dict[str, Any]:
    from jdhotline.safety import sentences

    assert catalogue.safety is not None
    said = sentences(catalogue.safety, alarm.kinds)
    return {
        "kind": KIND,
        "asks": list(alarm.kinds),
        "cues": list(alarm.cues),
        "sentences": [{"id": s.id, "text": s.text(lang), "sources": list(s.sources)} for s in said],
        "lines": lines_json(catalogue, lang),
        "sources": sources_json(_cited(catalogue.safety, said)),
    }


def lines_json(catalogue: Catalogue, lang: str) -> list[dict[str, str]]:
    return [{"id": x.id, "number": x.number, "name": x.name(lang)} for x in catalogue.lines]


def sources_json(sources: Sequence[Source]) -> list[dict[str, Any]]:
    return [
        {
            "id": s.id,
            "title": s.title,
            "publisher": s.publisher,
            "date": s.published.isoformat() if s.published else None,
            "url": s.url,
            "note": s.note,
        }
        for s in sources
    ]


# --------------------------------------------------------------------------- check


def _check_sentences(safety: Safety, scam: Alarm | None = None) -> list[SafetySentence]:
    """In the order `safety.check` lists them: checking comes first, then the warnings.
    For a text that reads as the scam, the safety answer's sentences instead (the
    headline first), and those of `safety.check` it lacks, in the catalogue's order."""
    listed = [next(s for s in safety.sentences if s.id == i) for i in safety.check]
    if scam is None:
        return listed
    from jdhotline.safety import sentences

    said = sentences(safety, scam.kinds)
    return said[:1] + [s for s in safety.sentences if s in said[1:] or s in listed]


def check_view(
    catalogue: Catalogue,
    found: Sequence[Found],
    statuses: dict[str, LineStatus],
    lang: str,
    scam: Alarm | None = None,
    *,
    full: bool,
) -> View:
    """Each number: the line it is, for whom, open now; or not one of ours, and the warnings.
    A text that reads as the scam gets the warning first (a user pasting the whole SMS
    must not read "not proof it is fake" before it), then the numbers, then the rest."""
    blocks: list[Any] = []
    warnings: list[SafetySentence] = []
    if scam is not None and catalogue.safety is not None:
        warnings = _check_sentences(catalogue.safety, scam)
        blocks.append(Para((Span(warnings[0].text(lang), "closed"),)))
    for number in found:
        if number.line is not None:
            line = number.line
            name = clean(line.name(lang))
            if name[:1].isascii():  # 京东 PLUS 会员专属热线: a space between Chinese and Latin
                name = word(lang, "space.before_latin") + name
            said = word(lang, "check.known", number=line.number, name=name)
            blocks.append(Para((Span(said, "strong"),)))
            status = statuses[line.id]
            rows: list[tuple[str, Spans]] = [
                (word(lang, "check.for"), (Span(word(lang, "audience." + line.audience)),)),
                (
                    word(lang, "check.now"),
                    (Span(state_text(status, lang), "open" if status.open_now else "closed"),),
                ),
            ]
            blocks.append(Pairs(tuple(rows)))
        elif number.official is not None:
            name = number.official.name(lang)
            said = word(lang, "check.official", number=number.official.number, name=name)
            blocks.append(Para((Span(said, "strong"),)))
        else:
            said = word(lang, "check.unknown", number=number.written)
            blocks.append(Para((Span(said, "closed"),)))
        if number.extension and number.known:
            blocks.append(Para((Span(word(lang, "check.extension", extension=number.extension)),)))
    unknown = [n for n in found if not n.known]
    if unknown and catalogue.safety is not None:
        blocks.append(Para((Span(word(lang, "check.not_proof")),)))
        warnings = warnings or _check_sentences(catalogue.safety)
    if warnings:
        blocks += _sentences(catalogue, warnings[1:] if scam else warnings, lang)
        blocks += _answer(catalogue, warnings, lang, full=full)[-1:]  # the sources
    return tuple(blocks)


def check_json(
    catalogue: Catalogue,
    found: Sequence[Found],
    statuses: dict[str, LineStatus],
    lang: str,
    scam: Alarm | None = None,
) -> dict[str, Any]:
    """The numbers, then `safety` (null when every number is a line and the text is no
    scam); a text that reads as the scam has `safety` first, with its asks and cues."""
    from .documents import iso

    numbers = []
    for n in found:
        line = n.line
        status = statuses.get(line.id) if line is not None else None
        numbers.append(
            {
                "written": n.written,
                "digits": n.digits,
                "extension": n.extension,
                "known": n.known,
                "line": {
                    "id": line.id,
                    "name": line.name(lang),
                    "number": line.number,
                    "audience": line.audience,
                    "open_now": status.open_now if status else None,
                    "next_change": iso(status.next_change) if status else None,
                }
                if line is not None
                else None,
                "official": {"number": n.official.number, "name": n.official.name(lang)}
                if n.official is not None
                else None,
            }
        )
    safety: dict[str, Any] | None = None
    warned = scam is not None or any(not n.known for n in found)
    if warned and catalogue.safety is not None:
        said = _check_sentences(catalogue.safety, scam)
        safety = {"kind": KIND}
        if scam is not None:
            safety |= {"asks": list(scam.kinds), "cues": list(scam.cues)}
        safety |= {
            "sentences": [
                {"id": s.id, "text": s.text(lang), "sources": list(s.sources)} for s in said
            ],
            "lines": lines_json(catalogue, lang),
            "sources": sources_json(_cited(catalogue.safety, said)),
        }
    rest = {"numbers": numbers, "all_known": all(n.known for n in found)}
    if scam is not None:
        return {"safety": safety, **rest}
    return {**rest, "safety": safety}
