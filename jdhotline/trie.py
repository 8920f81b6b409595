"""Keywords compiled into one regular expression per language, shaped like a trie.

Run over a text once (in C), it finds at every position the longest keyword that starts
there; the shorter keywords that start there too are its prefixes, known in advance
(``Compiled.starts``). match.py builds these for the catalogue's keyword lists.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Compiled(NamedTuple):
    """One list of keywords compiled: the pattern, and what each longest match stands for."""

    pattern: re.Pattern[str] | None
    # The longest keyword found at a position -> every keyword that starts there (it and
    # its prefixes), as (scenario index, order in the scenario, keyword as written, length,
    # weight).
    starts: dict[str, tuple[tuple[int, int, str, int, float], ...]]


def compile_keywords(
    owners: dict[str, list[tuple[int, int, str, float]]], *, word_start: bool
) -> Compiled:
    if not owners:
        return Compiled(None, {})
    starts = {
        keyword: tuple(
            (scenario, order, written, n, weight)
            for n in range(1, len(keyword) + 1)
            if keyword[:n] in owners
            for scenario, order, written, weight in owners[keyword[:n]]
        )
        for keyword in owners
    }
    body = trie_pattern(sorted(owners))
    # A lookahead, so that matches may overlap ("不制冷" and "制冷" in "冰箱不制冷").
    pattern = ("(?<![a-z])" if word_start else "") + f"(?=({body}))"
    return Compiled(re.compile(pattern), starts)


def trie_pattern(keywords: list[str]) -> str:
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
