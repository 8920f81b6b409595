"""The way back: a catalogue as the YAML data load.py reads back to an equal catalogue.

The tests' own (parse(dump(c)) == c checks the loader); jdhotline itself never writes a
catalogue out.
"""

from __future__ import annotations

from typing import Any

from jdhotline.catalogue import (
    Catalogue,
    Keywords,
    L10n,
    Line,
    Safety,
    Scenario,
    Tip,
    Window,
    format_minutes,
)


def to_data(catalogue: Catalogue) -> dict[str, Any]:
    """The catalogue as the plain data its YAML holds: parse(dump(c)) == c."""

    def tip(value: Tip) -> dict[str, Any]:
        data: dict[str, Any] = text(value.text)
        if value.scenarios:
            data["scenarios"] = list(value.scenarios)
        if value.users:
            data["users"] = list(value.users)
        return data

    def text(value: L10n) -> dict[str, str]:
        return {"zh": value.zh, "en": value.en}

    def window(value: Window) -> dict[str, str]:
        return {"start": format_minutes(value.start), "end": format_minutes(value.end)}

    def line(value: Line) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": value.id,
            "name": text(value.name),
            "number": value.number,
            "audience": value.audience,
            "general": value.general,
            "scenarios": list(value.scenarios),
            "hours": {
                "open": format_minutes(value.hours.window.start),
                "close": format_minutes(value.hours.window.end),
                "days": value.hours.days,
            },
            "off_peak": [window(w) for w in value.off_peak],
            "peak": [{**window(p.window), "note": text(p.note)} for p in value.peak],
            "wait_minutes": list(value.wait_minutes) if value.wait_minutes else None,
            "menu": [
                {"key": k.key, "label": text(k.label), "scenarios": list(k.scenarios)}
                for k in value.menu
            ],
            "online": text(value.online),
            "tips": [tip(t) for t in value.tips],
            "source": value.source,
            "verified_on": value.verified_on.isoformat(),
        }
        for key in ("dial_note", "why", "plus_tip", "caution"):
            if getattr(value, key) is not None:
                data[key] = text(getattr(value, key))
        if value.non_member_reply is not None:
            data["non_member_reply"] = value.non_member_reply
        if value.extends:
            data["extends"] = list(value.extends)
        if value.extends_audience:
            data["extends_audience"] = True
        return data

    def words(value: Keywords) -> dict[str, list[Any]]:
        weights = dict(value.weights)

        def one(word: str) -> Any:
            return {word: weights[word]} if word in weights else word

        return {"zh": [one(w) for w in value.zh], "en": [one(w) for w in value.en]}

    def scenario(value: Scenario) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": value.id,
            "name": text(value.name),
            "audience": value.audience,
            "keywords": words(value.keywords),
            "needs": list(value.needs),
            "prepare": [text(p) for p in value.prepare],
        }
        if value.simple.zh or value.simple.en:
            data["simple"] = words(value.simple)
        if value.patterns:
            data["patterns"] = [{"regex": p.regex, "weight": p.weight} for p in value.patterns]
        if value.counterpart is not None:
            data["counterpart"] = value.counterpart
        if value.plus_absorbs:
            data["plus_absorbs"] = list(value.plus_absorbs)
        if value.absorbs:
            data["absorbs"] = list(value.absorbs)
        if value.example is not None:
            data["example"] = text(value.example)
        if value.plus_example is not None:
            data["plus_example"] = text(value.plus_example)
        if value.example_own:
            data["example_own"] = True
        if value.examples:
            data["examples"] = [_example(e, text) for e in value.examples]
        return data

    data: dict[str, Any] = {
        "version": 1,
        "hotlines": [line(x) for x in catalogue.lines],
        "scenarios": [scenario(x) for x in catalogue.scenarios],
        "say": {
            "shape": text(catalogue.say.shape),
            "example": text(catalogue.say.example),
            "on_the_call": [tip(t) for t in catalogue.say.on_the_call],
        },
        "assistant": text(catalogue.assistant),
        "calendar": {
            "extra_holidays": sorted(d.isoformat() for d in catalogue.extra_holidays),
            "extra_workdays": sorted(d.isoformat() for d in catalogue.extra_workdays),
            **{
                y.year: {
                    "holidays": sorted(d.isoformat() for d in y.holidays),
                    "workdays": sorted(d.isoformat() for d in y.workdays),
                }
                for y in catalogue.calendar_years
            },
        },
    }
    if catalogue.merchant_voice.zh or catalogue.merchant_voice.en:
        data["merchant_voice"] = words(catalogue.merchant_voice)
    if catalogue.buyer_voice.zh or catalogue.buyer_voice.en:
        data["buyer_voice"] = words(catalogue.buyer_voice)
    if catalogue.elsewhere.zh or catalogue.elsewhere.en:
        data["elsewhere"] = words(catalogue.elsewhere)
    if catalogue.off_topic.zh or catalogue.off_topic.en:
        data["off_topic"] = words(catalogue.off_topic)
    if catalogue.facts:
        data["facts"] = {
            k: {
                "name": text(f.name),
                "where": text(f.where),
                **({"merchants": text(f.merchants)} if f.merchants else {}),
            }
            for k, f in catalogue.facts
        }
    if catalogue.safety is not None:
        data["safety"] = safety_data(catalogue.safety)
    return data


def dump(catalogue: Catalogue) -> str:
    """The catalogue as YAML that parse() reads back to an equal catalogue."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(to_data(catalogue), Dumper=dumper, allow_unicode=True, sort_keys=False)


def _example(example: Any, text: Any) -> dict[str, Any]:
    """One entry of a scenario's ``examples``, as the catalogue writes it."""
    data: dict[str, Any] = dict(text(example.text))
    if example.cues:
        data["cues"] = list(example.cues)
    if example.own:
        data["own"] = True
    if example.plus is not None:
        data["plus"] = text(example.plus)
    if example.prepare:
        data["prepare"] = [text(p) for p in example.prepare]
    return data


def safety_data(safety: Safety) -> dict[str, Any]:
    """The plain data safety_load.section reads back to an equal Safety."""

    def pattern(p: Any) -> dict[str, Any]:
        return {"regex": p.regex, "weight": p.weight}

    def ids(values: tuple[str, ...]) -> Any:
        return values[0] if len(values) == 1 else list(values)

    return {
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "date": s.published.isoformat() if s.published else None,
                "url": s.url,
                **({"note": s.note} if s.note is not None else {}),
            }
            for s in safety.sources
        ],
        "sentences": [
            {
                "id": s.id,
                "zh": s.text.zh,
                "en": s.text.en,
                "source": ids(s.sources),
                "verified_on": s.verified_on.isoformat(),
                **({"kinds": list(s.kinds)} if s.kinds else {}),
                **({"lines": True} if s.lines else {}),
            }
            for s in safety.sentences
        ],
        "claim": [pattern(p) for p in safety.claim],
        "asks": [
            {"kind": a.kind, "patterns": [pattern(p) for p in a.patterns]} for a in safety.asks
        ],
        "innocent": [pattern(p) for p in safety.innocent],
        "threshold": safety.threshold,
        "check": list(safety.check),
        "official": [
            {
                "number": o.number,
                "name": {"zh": o.name.zh, "en": o.name.en},
                "source": ids(o.sources),
                "verified_on": o.verified_on.isoformat(),
            }
            for o in safety.official
        ],
    }
