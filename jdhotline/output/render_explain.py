"""`which --explain`: the matcher's evidence table and its phases, as text and as JSON.

The core decides (match.explain); this only writes it: plain lines that fit the width
(each cue, its weight, the phases with the scores after each, and the winner), and the
JSON member (codes and numbers, no words: the contract of docs/json.md).
"""

from __future__ import annotations

import textwrap
import unicodedata
from typing import TYPE_CHECKING, Any

from jdhotline.i18n.words import word

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue
    from jdhotline.match import Explanation


def explain_lines(
    explanation: Explanation | None, catalogue: Catalogue, lang: str, width: int = 80
) -> list[str]:
    """The explanation as lines of at most ``width`` columns."""
    lines = ["", word(lang, "explain.title")]
    if explanation is None:
        return [*lines, word(lang, "explain.chosen")]
    lines.append(word(lang, "explain.cues") if explanation.cues else word(lang, "explain.no_cues"))
    cue_width = min(max((_cells(c.cue) for c in explanation.cues), default=0), 24)

    def called(scenario: str) -> str:
        """A scenario as the language names it: its id (en), its short name (zh)."""
        name = catalogue.scenario(scenario).name(lang).split(" / ")[0].split("（")[0]
        return word(lang, "explain.scenario", id=scenario, name=name)

    for cue in explanation.cues:
        notes = [word(lang, "explain.pattern")] if cue.pattern else []
        notes += [word(lang, "explain.negated")] if cue.negated else []
        scenario = _pad(called(cue.scenario), 16)
        row = f"  {_pad(_cut(cue.cue, 24), cue_width)}  {scenario} {cue.weight:g}"
        lines += _wrapped(row + ("  " + ", ".join(notes) if notes else ""), width, 4)
    lines.append(word(lang, "explain.phases"))
    names = {p: word(lang, f"explain.phase.{p}") for p in ("evidence", "elsewhere", "side")}
    names |= {p: word(lang, f"explain.phase.{p}") for p in ("absorbs", "enough", "ranked")}
    label = max(_cells(name) for name in names.values())
    for n, step in enumerate(explanation.steps, 1):
        values = dict(step.values)
        if "side" in values:
            values["side"] = word(lang, f"explain.side.{values['side']}")
        said = word(lang, f"explain.{step.phase}.{step.said}", **values)
        head = f"  {n} {_pad(names[step.phase], label)}  "
        lines += _wrapped(head + said, width, _cells(head))
        scores = word(lang, "sep.scores").join(
            f"{called(scenario)} {score:g}" for scenario, score in step.scores
        )
        if scores:
            lines += _wrapped(" " * _cells(head) + scores, width, _cells(head))
    winner = explanation.winner
    if winner is None:
        lines.append(word(lang, "explain.nothing"))
    else:
        name = catalogue.scenario(winner).name(lang)
        lines += _wrapped(word(lang, "explain.winner", scenario=winner, name=name), width, 2)
    return lines


def explain_json(explanation: Explanation | None) -> dict[str, Any] | None:
    """The JSON member `explain`: the same evidence and phases, as codes and numbers."""
    if explanation is None:
        return None
    return {
        "user": explanation.user,
        "cues": [
            {
                "cue": c.cue,
                "scenario": c.scenario,
                "weight": c.weight,
                "pattern": c.pattern,
                "negated": c.negated,
            }
            for c in explanation.cues
        ],
        "phases": [
            {
                "phase": s.phase,
                "said": s.said,
                "scores": dict(s.scores),
                **({"values": dict(s.values)} if s.values else {}),
            }
            for s in explanation.steps
        ],
        "winner": explanation.winner,
    }


def _cells(text: str) -> int:
    """Columns a text takes in a terminal: a Chinese character two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _cells(text))


def _cut(text: str, width: int) -> str:
    """A long cue (a pattern's match) shortened to fit its column."""
    if _cells(text) <= width:
        return text
    while _cells(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _wrapped(line: str, width: int, indent: int) -> list[str]:
    """A line wrapped at spaces to ``width`` columns, continued under ``indent``.

    Chinese is wrapped by the character (it has no spaces), never before a closing mark."""
    if _cells(line) <= width:
        return [line]
    if any(_cells(c) == 2 for c in line):
        out, rest = [], line
        while _cells(rest) > width:
            cut = len(rest)
            while _cells(rest[:cut]) > width:
                cut -= 1
            while cut > 1 and rest[cut] in "，。、；：？！）”":
                cut -= 1
            out.append(rest[:cut].rstrip())
            rest = " " * indent + rest[cut:].lstrip()
        return [*out, rest]
    return textwrap.wrap(line, width, subsequent_indent=" " * indent, break_on_hyphens=False)
