"""Free text to scenario, by keywords in Chinese and English.

Chinese keywords match as substrings (spaces ignored, no word segmentation);
English keywords match at the start of a word, case-insensitively, so
"refuse" also finds "refuses". The scenario whose keywords cover the most
characters of the text wins; a tie goes to the scenario listed first in the
catalogue.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .catalogue import Catalogue, Scenario

_SPACE = re.compile(r"\s+")


class Match(NamedTuple):
    scenario: Scenario
    words: tuple[str, ...]  # the catalogue's keywords found in the text
    covered: int  # characters of the text those keywords cover
    simple: bool  # every word found marks a simple question (the in-app assistant can answer)


def rank(catalogue: Catalogue, text: str) -> list[Match]:
    """Every scenario with at least one keyword in the text, best first."""
    zh_text = _SPACE.sub("", text).casefold()
    en_text = _SPACE.sub(" ", text).casefold()
    found: list[tuple[int, int, Match]] = []
    for order, scenario in enumerate(catalogue.scenarios):
        zh_hits = {w: spans for w in scenario.keywords.zh if (spans := _find_zh(zh_text, w))}
        en_hits = {w: spans for w in scenario.keywords.en if (spans := _find_en(en_text, w))}
        if not zh_hits and not en_hits:
            continue
        covered = _coverage([span for spans in zh_hits.values() for span in spans])
        covered += _coverage([span for spans in en_hits.values() for span in spans])
        simple_words = set(scenario.simple.zh) | set(scenario.simple.en)
        words = (*zh_hits, *en_hits)
        simple = all(word in simple_words for word in words)
        found.append((-covered, order, Match(scenario, words, covered, simple)))
    found.sort(key=lambda item: item[:2])
    return [match for _, _, match in found]


def best(catalogue: Catalogue, text: str) -> Match | None:
    ranked = rank(catalogue, text)
    return ranked[0] if ranked else None


def _find_zh(text: str, keyword: str) -> list[tuple[int, int]]:
    needle = _SPACE.sub("", keyword).casefold()
    spans = []
    start = text.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def _find_en(text: str, keyword: str) -> list[tuple[int, int]]:
    pattern = r"(?<![a-z0-9])" + re.escape(keyword.casefold())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _coverage(spans: list[tuple[int, int]]) -> int:
    """Characters covered by the union of spans."""
    total = 0
    reach = -1
    for start, end in sorted(spans):
        if end <= reach:
            continue
        total += end - max(start, reach)
        reach = end
    return total
