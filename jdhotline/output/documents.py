"""The JSON and CSV documents that scripts read: the contract.

Keys and their order are kept stable (tests check them key by key); the words in
them come from render.py, so a JSON answer says what the text answer says.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from jdhotline.catalogue import format_minutes

from .console import clean

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue, Scenario
    from jdhotline.output.script import FollowUp
    from jdhotline.prep import CallSheet
    from jdhotline.record.store import Case
    from jdhotline.rules import Recommendation
    from jdhotline.schedule import LineStatus
    from jdhotline.workdays import Coverage


def iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat(timespec="minutes") if moment is not None else None


def dumps(document: Any, *, ascii_only: bool = False, compact: bool = False) -> str:
    """One JSON document; C1 control and invisible characters escaped too (json leaves them).

    Indented for a person at a terminal; ``compact`` (no whitespace) for the web API,
    where json's encoder in C writes it in a quarter of the time (35 against 150 us for
    a `which` answer): the indented form is written by json's encoder in Python."""
    import json

    from .console import JSON_RAW

    if compact:
        text = json.dumps(document, ensure_ascii=ascii_only, separators=(",", ":"))
    else:
        text = json.dumps(document, ensure_ascii=ascii_only, indent=2)
    if ascii_only:
        return text

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x10000:
            return f"\\u{code:04x}"
        code -= 0x10000  # a JSON \u escape is UTF-16: a surrogate pair
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"

    return JSON_RAW.sub(escape, text)


def line_json(status: LineStatus, scenario: Scenario | None, lang: str) -> dict[str, Any]:
    line = status.line
    key = line.menu_key_for(scenario.id) if scenario is not None else None
    best = status.best_time
    return {
        "id": line.id,
        "name": line.name(lang),
        "number": line.number,
        "open_now": status.open_now,
        "next_change": iso(status.next_change),
        "best_time": {"start": iso(best.start), "end": iso(best.end)} if best else None,
        "wait": (
            {"min_minutes": line.wait_minutes[0], "max_minutes": line.wait_minutes[1]}
            if line.wait_minutes
            else None
        ),
        "peak": (
            {
                "start": format_minutes(status.peak.window.start),
                "end": format_minutes(status.peak.window.end),
            }
            if status.peak
            else None
        ),
        "ivr": {
            "key": key.key if key else None,
            "label": key.label(lang) if key else None,
            "menu": [{"key": k.key, "label": k.label(lang)} for k in line.menu],
            "note": line.dial_note(lang) if line.dial_note else None,
        },
        "online": line.online(lang),
        "calendar_verified": status.calendar_verified,
        "calendar": status.calendar,
    }


def which_json(rec: Recommendation, catalogue: Catalogue, lang: str) -> dict[str, Any]:
    from .render import notice_text  # here: the other documents need no view code

    return {
        "user": rec.user,
        "scenario": rec.scenario.id,
        "matched": list(rec.matched),
        "candidates": [
            {"scenario": c.scenario.id, "line": c.line.number, "score": c.score}
            for c in rec.candidates
        ],
        "confident": rec.confident,
        "at": iso(rec.at),
        "primary": line_json(rec.primary, rec.scenario, lang),
        "alternatives": [line_json(alt, rec.scenario, lang) for alt in rec.alternatives],
        "checklist": [item(lang) for item in rec.checklist],
        "warnings": [notice_text(n, rec, catalogue, lang) for n in rec.warnings],
        "notes": [notice_text(n, rec, catalogue, lang) for n in rec.notes],
    }


def open_json(statuses: Sequence[LineStatus]) -> list[dict[str, Any]]:
    return [
        {
            "id": s.line.id,
            "number": s.line.number,
            "open_now": s.open_now,
            "next_change": iso(s.next_change),
            "calendar_verified": s.calendar_verified,
            "calendar": s.calendar,
        }
        for s in statuses
    ]


def table_json(catalogue: Catalogue, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "id": line.id,
            "name": line.name(lang),
            "number": line.number,
            "audience": line.audience,
            "scenarios": list(line.scenarios),
            "extends": list(line.extends),
            "extends_audience": line.extends_audience,
            "hours": {
                "open": format_minutes(line.hours.window.start),
                "close": format_minutes(line.hours.window.end),
                "days": line.hours.days,
            },
            "off_peak": [
                {"start": format_minutes(w.start), "end": format_minutes(w.end)}
                for w in line.off_peak
            ],
            "online": line.online(lang),
        }
        for line in catalogue.lines
    ]


def scenarios_json(catalogue: Catalogue, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "id": s.id,
            "name": s.name(lang),
            "audience": s.audience,
            "keywords": {"zh": list(s.keywords.zh), "en": list(s.keywords.en)},
        }
        for s in catalogue.scenarios
    ]


def prep_json(sheet: CallSheet, catalogue: Catalogue, lang: str) -> dict[str, Any]:
    from jdhotline.output.script import record_command

    rec = sheet.rec
    doc = which_json(rec, catalogue, lang)
    doc["opening"] = sheet.opening
    doc["missing"] = [item._asdict() for item in sheet.to_find(catalogue, lang)]
    doc["evidence"] = list(sheet.facts.evidence)
    from jdhotline.prep import GIVEN

    given = ((fact, getattr(sheet.facts, fact)) for fact in GIVEN)
    doc["facts"] = {fact: str(value) for fact, value in given if value}
    doc["record"] = record_command(rec.primary.line.id, rec.scenario.id, sheet.facts, lang)
    doc["open_cases"] = [case_summary_json(c, rec.at) for c in sheet.open_cases]
    return doc


def case_summary_json(case: Case, at: dt.datetime) -> dict[str, Any]:
    late = case.overdue(at)
    return {
        "id": case.id,
        "line": case.line,
        "order": case.order,
        "status": case.status,
        "due": iso(case.due),
        "overdue": late is not None,
    }


def case_json(case: Case, at: dt.datetime) -> dict[str, Any]:
    doc = case_summary_json(case, at)
    doc.update(
        {
            "scenario": case.scenario,
            "agent": case.latest("agent"),
            "ticket": case.latest("ticket"),
            "created_at": iso(case.created_at),
            "closed_at": iso(case.closed_at),
            "outcome": case.outcome,
            "entries": [
                {
                    "at": iso(e.at),
                    "kind": e.kind,
                    "agent": e.agent,
                    "ticket": e.ticket,
                    "due": iso(e.due),
                    "note": e.note,
                }
                for e in case.entries
            ],
        }
    )
    return doc


def followup_json(case: Case, status: LineStatus, words: FollowUp, lang: str) -> dict[str, Any]:
    return {
        "case": case_summary_json(case, status.at),
        "line": line_json(status, None, lang),
        "say": words.words,
        "escalate": words.escalate,
        "missed_promises": words.missed,
        "overdue_minutes": int(words.overdue.total_seconds() // 60) if words.overdue else None,
    }


CSV_COLUMNS = (
    "case", "line", "scenario", "order", "status", "outcome",
    "at", "kind", "agent", "ticket", "due", "note",
)  # fmt: skip


def cases_csv(cases: Sequence[Case]) -> str:
    """One row per entry, the case's fields repeated: the whole history in a spreadsheet."""
    import csv
    import io

    buffer = io.StringIO()
    # A byte-order mark first: Excel and WPS on Chinese Windows read a CSV without one
    # as GBK, and Chinese notes turn to garbled text.
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for case in cases:
        for e in case.entries:
            head = [case.id, case.line, case.scenario, case.order, case.status, case.outcome]
            entry = [iso(e.at), e.kind, e.agent, e.ticket, iso(e.due), e.note]
            writer.writerow(
                [_csv_safe(clean("" if v is None else str(v))) for v in (*head, *entry)]
            )
    return buffer.getvalue()


def _csv_safe(text: str) -> str:
    """Spreadsheets run a cell starting with = + - @ as a formula: quote it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def calendar_json(rows: Sequence[Coverage], upgrade: int | None) -> dict[str, Any]:
    return {
        "years": [
            {"first": r.first, "last": r.last, "calendar": r.tier, "source": r.source} for r in rows
        ],
        "upgrade_could_verify": upgrade,
    }
