"""Free text to scenario, by keywords in Chinese and English.

Chinese keywords match as substrings (spaces ignored, no word segmentation);
English keywords match at the start of a word, case-insensitively, so
"refuse" also finds "refuses". The scenario whose keywords cover the most
characters of the text wins; a tie goes to the scenario listed first in the
catalogue.

All keywords of a language are compiled into one regular expression shaped like
a trie and run over the text once (in C), finding at every position the longest
keyword that starts there; the shorter keywords that start there too are its
prefixes, known in advance. So the time grows with the text plus the matches,
not with text x keywords: a 100 KB text against 6,000 keywords takes a few tens
of milliseconds (bench/scale.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from .catalogue import Catalogue, Scenario

_SPACE = re.compile(r"\s+")


class Match(NamedTuple):
    scenario: Scenario
    words: tuple[str, ...]  # the catalogue's keywords found in the text
    covered: int  # characters of the text those keywords cover
    simple: bool  # every word found marks a simple question (the in-app assistant can answer)


class _Language(NamedTuple):
    pattern: re.Pattern[str] | None
    # The longest keyword found at a position -> every keyword that starts there (it and
    # its prefixes), as (scenario index, order in the scenario, keyword as written, length).
    starts: dict[str, tuple[tuple[int, int, str, int], ...]]


class _Index(NamedTuple):
    zh: _Language
    en: _Language


def normalise_zh(text: str) -> str:
    return _SPACE.sub("", text).casefold()


def normalise_en(text: str) -> str:
    return _SPACE.sub(" ", text).casefold()


def rank(catalogue: Catalogue, text: str) -> list[Match]:
    """Every scenario with at least one keyword in the text, best first."""
    index = _index(catalogue)
    spans: dict[int, list[list[tuple[int, int]]]] = defaultdict(lambda: [[], []])
    words: dict[int, dict[tuple[int, int, str], None]] = defaultdict(dict)
    for lang, (language, normal) in enumerate(
        ((index.zh, normalise_zh(text)), (index.en, normalise_en(text)))
    ):
        if language.pattern is None:
            continue
        starts = language.starts
        for found in language.pattern.finditer(normal):
            start = found.start()
            for scenario, order, written, length in starts[found.group(1)]:
                spans[scenario][lang].append((start, start + length))
                words[scenario][(lang, order, written)] = None
    ranked: list[tuple[int, int, Match]] = []
    for scenario_index, (zh_spans, en_spans) in spans.items():
        scenario = catalogue.scenarios[scenario_index]
        covered = _coverage(zh_spans) + _coverage(en_spans)
        found_words = tuple(written for _, _, written in sorted(words[scenario_index]))
        simple_words = set(scenario.simple.zh) | set(scenario.simple.en)
        simple = all(word in simple_words for word in found_words)
        ranked.append((-covered, scenario_index, Match(scenario, found_words, covered, simple)))
    ranked.sort(key=lambda item: item[:2])
    return [match for _, _, match in ranked]


def best(catalogue: Catalogue, text: str) -> Match | None:
    ranked = rank(catalogue, text)
    return ranked[0] if ranked else None


_last: tuple[Catalogue, _Index] | None = None


def _index(catalogue: Catalogue) -> _Index:
    """The compiled keywords of a catalogue (the last one is kept: the CLI loads one)."""
    global _last
    if _last is not None and _last[0] is catalogue:
        return _last[1]
    zh: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    en: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for i, scenario in enumerate(catalogue.scenarios):
        for position, keyword in enumerate(scenario.keywords.zh):
            if normal := normalise_zh(keyword):
                zh[normal].append((i, position, keyword))
        for position, keyword in enumerate(scenario.keywords.en):
            if normal := normalise_en(keyword):
                en[normal].append((i, position, keyword))
    index = _Index(
        zh=_language(zh, word_start=False),
        en=_language(en, word_start=True),
    )
    _last = (catalogue, index)
    return index


def _language(owners: dict[str, list[tuple[int, int, str]]], *, word_start: bool) -> _Language:
    if not owners:
        return _Language(None, {})
    starts = {
        keyword: tuple(
            (scenario, order, written, n)
            for n in range(1, len(keyword) + 1)
            if keyword[:n] in owners
            for scenario, order, written in owners[keyword[:n]]
        )
        for keyword in owners
    }
    body = _trie_pattern(sorted(owners))
    # A lookahead, so that matches may overlap ("不制冷" and "制冷" in "冰箱不制冷").
    pattern = ("(?<![a-z0-9])" if word_start else "") + f"(?=({body}))"
    return _Language(re.compile(pattern), starts)


def _trie_pattern(keywords: list[str]) -> str:
    """A regex matching the longest of ``keywords`` at a position, shaped as a trie."""
    trie: dict[str, dict] = {}
    for keyword in keywords:
        node = trie
        for char in keyword:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends_here = "" in node
        branches = [re.escape(char) + build(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here:  # a keyword ends here and longer ones go on: the rest is optional
            body = "(?:" + body + ")?" if len(branches) == 1 else body + "?"
        return body

    return build(trie)


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
