"""Who is asking, weighed: evidence for the other side of the counter goes to the
scenario's counterpart (a merchant's 退款 is a claim against a buyer), except when a
merchant names a thing of their own (冰箱坏了), and which scenarios share a line.

Pure functions over a catalogue and the matcher's scores (match.py calls them).
"""

from __future__ import annotations

from .catalogue import Catalogue


def sided(
    catalogue: Catalogue,
    scores: dict[int, dict[str, float]],
    first: dict[int, int],
    side: str,
    by_id: dict[str, int],
) -> dict[int, dict[str, float]]:
    """The scores once evidence for the other side of the counter has gone to the
    scenario's counterpart (three quarters of it; a quarter stays)."""
    # What the other side keeps and its counterpart gets: data/cues.yaml's `model:`.
    keeps, gives = catalogue.model.other_side, catalogue.model.counterpart
    final: dict[int, dict[str, float]] = {i: dict(cues) for i, cues in scores.items()}
    for i, cues in scores.items():
        scenario = catalogue.scenarios[i]
        if scenario.audience == side:
            continue
        for word in cues:
            final[i][word] = cues[word] * keeps
        other = by_id.get(scenario.counterpart or "")
        if other is not None:
            target = final.setdefault(other, {})
            for word, weight in cues.items():
                target[word] = max(target.get(word, 0.0), weight * gives)
            first.setdefault(other, first[i])
    return final


def own_thing(
    catalogue: Catalogue, scores: dict[int, dict[str, float]], final: dict[int, dict[str, float]]
) -> bool:
    """Whether a merchant's text is about a thing of their own: its best merchant
    scenario has only borrowed words, and a buyers' scenario without a counterpart
    (the appliance, the phone) has more evidence of its own."""
    if not final:
        return False
    top = max(sum(cues.values()) for cues in final.values())
    best = [
        i
        for i, cues in final.items()
        if sum(cues.values()) == top and catalogue.scenarios[i].audience == "merchants"
    ]
    if not best or any(scores.get(i) for i in best):
        return False
    borrowed = top
    return any(
        catalogue.scenarios[i].audience == "buyers"
        and not catalogue.scenarios[i].counterpart
        and sum(cues.values()) > borrowed
        for i, cues in scores.items()
    )


def same_line(catalogue: Catalogue, one: str, other: str) -> bool:
    """Whether some line serves both scenarios (dispute and after-sales: 950618)."""
    return any(one in line.scenarios and other in line.scenarios for line in catalogue.lines)
