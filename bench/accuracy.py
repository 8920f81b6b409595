"""How often free text reaches the right scenario and line, on the labelled corpus; and
how often the fake-customer-service scam is recognised, and genuine problems taken for it.

    python bench/accuracy.py [--corpus bench/corpus.yaml] [--catalog FILE] [--cues FILE]
                             [--split train|heldout|all] [--heldout-misses]

Each problem goes the way `jdhotline which [--plus|--merchant] --at 2026-11-27T10:00
-- TEXT` takes it (rules.advise, which the CLI's `which` calls), without a process
per problem. For each split it prints scenario and line accuracy, overall, on the
clear (not ambiguous) problems, by language and by user type; each scenario's
precision and recall; a confusion table; how many answerable problems were refused
("nothing matched") and how many unrelated ones were; then the misses.

The heldout split is never tuned on: its misses are printed only with
--heldout-misses, for a last look once tuning is over.

Items with a `safety` field (scam or none, issue 19) are scored for safety only: scam
recall (the scams given the safety answer, as `which` gives it: safety.alarm) and
false alarms (genuine problems given it), by split; the scenario and line figures are
those of the items without it, as before. False alarms are counted on the look-alikes
(`safety: none`) and on every other genuine problem of the corpus too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

# From a checkout as well as from an installed jdhotline: the repository's own copy.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jdhotline.catalogue import Catalogue
from jdhotline.load import load
from jdhotline.rules import advise, calendar_of
from jdhotline.safety import alarm
from jdhotline.workdays import OfficialCalendar, WorkCalendar

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.yaml"
AT = dt.datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
NONE = "-"  # no scenario, no line: refused


def read_corpus(path: Path = CORPUS) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def routing_calendar(catalogue: Catalogue) -> WorkCalendar:
    """The catalogue's working days, as `which` reads them; run by an interpreter
    without chinesecalendar (a checkout's bench, no install), the shipped statutory
    data stands for it. The figures are routing: which scenario, which line, the same
    on any working-day calendar (every line answers for the pinned moment, a Friday
    morning either way)."""
    calendar = calendar_of(catalogue)
    try:
        import chinese_calendar  # noqa: F401  (its data is read when a day needs it)
    except ImportError:
        return calendar._replace(official=OfficialCalendar(frozenset(), frozenset(), frozenset()))
    return calendar


def predict(catalogue: Catalogue, items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each item with what jdhotline answers: scenario, line id (NONE when refused)."""
    calendar = routing_calendar(catalogue)
    done = []
    for item in items:
        scam = alarm(catalogue, item["text"])
        safety = {
            "safety_item": "safety" in item,
            "want_safety": item.get("safety") or "none",
            "got_safety": "scam" if scam else "none",
            "cues": list(scam.cues) if scam else [],
        }
        if "safety" in item:
            done.append({**item, **safety})
            continue
        rec = advise(catalogue, item["user"], item["text"], AT, calendar=calendar)
        got_scenario = rec.scenario.id if rec else NONE
        got_line = rec.primary.line.id if rec else NONE
        done.append(
            {
                **item,
                "want_scenario": item["scenario"] or NONE,
                "want_line": item["line"] or NONE,
                "got_scenario": got_scenario,
                "got_line": got_line,
                "matched": list(rec.matched) if rec else [],
                "confident": rec.confident if rec else True,
                **safety,
            }
        )
    return done


def _share(rows: list[dict[str, Any]], key: str) -> tuple[int, int]:
    return sum(r[f"want_{key}"] == r[f"got_{key}"] for r in rows), len(rows)


def safety_figures(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Scam recall and false alarms, as fractions (for the test that guards them)."""
    scams = [r for r in rows if r["want_safety"] == "scam"]
    lookalikes = [r for r in rows if r["safety_item"] and r["want_safety"] == "none"]
    genuine = [r for r in rows if r["want_safety"] == "none"]

    def share(group: list[dict[str, Any]]) -> float:
        return sum(r["got_safety"] == "scam" for r in group) / len(group) if group else 0.0

    return {
        "scam_recall": share(scams) if scams else 1.0,
        "lookalike_alarms": share(lookalikes),
        "false_alarms": share(genuine),
    }


def safety_report(rows: list[dict[str, Any]], *, misses: bool, out: Any = sys.stdout) -> None:
    say = lambda text="": print(text, file=out)  # noqa: E731
    scams = [r for r in rows if r["want_safety"] == "scam"]
    lookalikes = [r for r in rows if r["safety_item"] and r["want_safety"] == "none"]
    genuine = [r for r in rows if r["want_safety"] == "none"]
    caught = lambda group: (sum(r["got_safety"] == "scam" for r in group), len(group))  # noqa: E731
    say(f"scam recall:                    {_pct(caught(scams))}")
    for lang in sorted({r["lang"] for r in scams}):
        in_lang = [r for r in scams if r["lang"] == lang]
        say(f"  language {lang}:                  {_pct(caught(in_lang))}")
    say(f"false alarms, look-alikes:      {_pct(caught(lookalikes))}")
    say(f"false alarms, all genuine:      {_pct(caught(genuine))}")
    if misses:
        wrong = [r for r in rows if r["want_safety"] != r["got_safety"]]
        say(f"\nsafety misses ({len(wrong)})")
        for r in wrong:
            say(f"  {r['id']:14} want {r['want_safety']:4} got {r['got_safety']:4} {r['cues']}")
            say(f"          {r['text'][:160]!r}")


def figures(rows: list[dict[str, Any]]) -> dict[str, float]:
    """The headline figures, as fractions (for the test that guards them), on the items
    that are not safety items (those are scored by safety_figures)."""
    rows = [r for r in rows if not r["safety_item"]]
    clear = [r for r in rows if not r["ambiguous"]]
    answerable = [r for r in rows if r["want_scenario"] != NONE]
    unrelated = [r for r in rows if r["want_scenario"] == NONE]

    def frac(pair: tuple[int, int]) -> float:
        return pair[0] / pair[1] if pair[1] else 1.0

    return {
        "scenario": frac(_share(rows, "scenario")),
        "line": frac(_share(rows, "line")),
        "clear_scenario": frac(_share(clear, "scenario")),
        "clear_line": frac(_share(clear, "line")),
        "answerable_refused": frac(
            (sum(r["got_scenario"] == NONE for r in answerable), len(answerable))
        ),
        "unrelated_refused": frac(
            (sum(r["got_scenario"] == NONE for r in unrelated), len(unrelated))
        ),
    }


def _right(row: dict[str, Any]) -> bool:
    return (row["want_scenario"], row["want_line"]) == (row["got_scenario"], row["got_line"])


def _pct(pair: tuple[int, int]) -> str:
    right, total = pair
    return f"{100 * right / total:5.1f} % ({right}/{total})" if total else "    - (0)"


def report(rows: list[dict[str, Any]], title: str, *, misses: bool, out: Any = sys.stdout) -> None:
    say = lambda text="": print(text, file=out)  # noqa: E731
    everything, rows = rows, [r for r in rows if not r["safety_item"]]
    say(f"== {title}: {len(rows)} problems, and {len(everything) - len(rows)} safety items")
    safety_report(everything, misses=misses, out=out)
    say()
    clear = [r for r in rows if not r["ambiguous"]]
    say(f"{'':24}{'scenario right':>22}  {'line right':>22}")
    groups: list[tuple[str, list[dict[str, Any]]]] = [
        ("all", rows),
        ("clear (not ambiguous)", clear),
    ]
    for lang in sorted({r["lang"] for r in rows}):
        groups.append((f"language {lang}", [r for r in rows if r["lang"] == lang]))
    for user in ("regular", "plus", "merchant"):
        groups.append((f"user {user}", [r for r in rows if r["user"] == user]))
    for name, group in groups:
        say(f"{name:24}{_pct(_share(group, 'scenario')):>22}  {_pct(_share(group, 'line')):>22}")
    answerable = [r for r in rows if r["want_scenario"] != NONE]
    unrelated = [r for r in rows if r["want_scenario"] == NONE]
    refused = (sum(r["got_scenario"] == NONE for r in answerable), len(answerable))
    unrelated_refused = (sum(r["got_scenario"] == NONE for r in unrelated), len(unrelated))
    say(f"answerable refused: {_pct(refused)}")
    say(f"unrelated refused:  {_pct(unrelated_refused)}")
    unsure = [r for r in rows if not r["confident"]]
    say(
        f"not confident: {len(unsure)}, of which line right "
        f"{sum(r['want_line'] == r['got_line'] for r in unsure)}"
    )

    labels = sorted({r["want_scenario"] for r in rows} | {r["got_scenario"] for r in rows})
    say("\nper scenario        precision               recall")
    for label in labels:
        got = [r for r in rows if r["got_scenario"] == label]
        want = [r for r in rows if r["want_scenario"] == label]
        precision = (sum(r["want_scenario"] == label for r in got), len(got))
        recall = (sum(r["got_scenario"] == label for r in want), len(want))
        say(f"{label:18}{_pct(precision):>22}{_pct(recall):>22}")

    short = {label: label[:6] for label in labels}
    say("\nconfusion (rows: expected, columns: answered)")
    say(f"{'':18}" + "".join(f"{short[label]:>7}" for label in labels))
    counts = Counter((r["want_scenario"], r["got_scenario"]) for r in rows)
    for want in labels:
        cells = "".join(f"{counts[(want, got)] or '.':>7}" for got in labels)
        say(f"{want:18}{cells}")

    if misses:
        wrong = [r for r in rows if not _right(r)]
        say(f"\nmisses ({len(wrong)})")
        by_want: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in wrong:
            by_want[r["want_scenario"]].append(r)
        for want in sorted(by_want):
            for r in by_want[want]:
                flag = "~" if r["ambiguous"] else " "
                say(
                    f"{flag}{r['id']:8} {r['user']:8} want {r['want_scenario']}/{r['want_line']}"
                    f" got {r['got_scenario']}/{r['got_line']} {r['matched']}\n"
                    f"          {r['text'][:160]!r}"
                )
    say()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--catalog", type=Path, default=None)
    parser.add_argument("--cues", type=Path, default=None, help="your cues, added (--cues)")
    parser.add_argument("--split", choices=("train", "heldout", "all"), default="all")
    parser.add_argument("--heldout-misses", action="store_true", help="print heldout misses too")
    args = parser.parse_args(argv)
    catalogue = load(args.catalog, args.cues)
    items = read_corpus(args.corpus)
    rows = predict(catalogue, items)
    for split in ("train", "heldout"):
        if args.split in (split, "all"):
            chosen = [r for r in rows if r["split"] == split]
            show = split == "train" or args.heldout_misses
            report(chosen, split, misses=show)
    if args.split == "all":
        report(rows, "whole corpus", misses=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
