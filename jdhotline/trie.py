"""Keywords compiled into one regular expression per language, shaped like a trie.

Run over a text once (in C), it finds at every position the longest keyword that starts
there; the shorter keywords that start there too are its prefixes, known in advance
(``Compiled.starts``). match.py builds these for the catalogue's keyword lists.
"""

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple


class Compiled(NamedTuple):
    """One list of keywords compiled: the pattern, and what each longest match stands for."""

    pattern: "re.Pattern[str] | Scan | None"  # Scan: walked as a trie (SCAN_ABOVE)
    # The longest keyword found at a position -> every keyword that starts there (it and
    # its prefixes), as (scenario index, order in the scenario, keyword as written, length,
    # weight).
    starts: dict[str, tuple[tuple[int, int, str, int, float], ...]]


def compile_keywords(
    owners: dict[str, list[tuple[int, int, str, float]]], *, word_start: bool, scan: bool = False
) -> Compiled:
    """The keywords as one pattern; walked as a trie instead (``Scan``) when asked, or
    when there are more than SCAN_ABOVE."""
    if not owners:
        return Compiled(None, {})
    if scan or len(owners) > SCAN_ABOVE:
        return Compiled(Scan(owners, word_start=word_start), _Starts(owners))
    starts = {keyword: _starts(owners, keyword) for keyword in owners}
    body = trie_pattern(sorted(owners))
    # A lookahead, so that matches may overlap ("不制冷" and "制冷" in "冰箱不制冷").
    pattern = ("(?<![a-z])" if word_start else "") + f"(?=({body}))"
    return Compiled(re.compile(pattern), starts)


# More keywords than this are walked as a trie in Python rather than compiled: re's
# compiler, itself Python, took 6 s on 70,000 keywords (issue 20 #12), and ~0.2 s on
# the shipped 3,000, while building the trie takes ~0.1 s for 70,000 and a walk over
# the 5,000 characters match.py reads ~7 ms (CPU time, bench/hostile.py's inputs).
SCAN_ABOVE = 10_000


def _starts(
    owners: dict[str, list[tuple[int, int, str, float]]], keyword: str
) -> tuple[tuple[int, int, str, int, float], ...]:
    return tuple(
        (scenario, order, written, n, weight)
        for n in range(1, len(keyword) + 1)
        if keyword[:n] in owners
        for scenario, order, written, weight in owners[keyword[:n]]
    )


class _Starts(dict[str, tuple[tuple[int, int, str, int, float], ...]]):
    """``Compiled.starts`` worked out for the keywords a text holds, not all 10^5."""

    def __init__(self, owners: dict[str, list[tuple[int, int, str, float]]]) -> None:
        super().__init__()
        self.owners = owners

    def __missing__(self, keyword: str) -> tuple[tuple[int, int, str, int, float], ...]:
        found = self[keyword] = _starts(self.owners, keyword)
        return found


class _Found(NamedTuple):
    at: int
    keyword: str

    def start(self) -> int:
        return self.at

    def group(self, _: int) -> str:
        return self.keyword


class Scan:
    """What the compiled pattern does, by walking a trie: at every position (not just
    after a letter, for English), the longest keyword that starts there."""

    def __init__(self, keywords: Iterable[str], *, word_start: bool) -> None:
        self.word_start = word_start
        self.trie: dict[str, dict] = {}
        for keyword in keywords:
            node = self.trie
            for char in keyword:
                node = node.setdefault(char, {})
            node[""] = {}

    def finditer(self, text: str) -> Iterator[_Found]:
        trie, size = self.trie, len(text)
        for start in range(size):
            node = trie.get(text[start])
            if node is None:
                continue
            if self.word_start and start and "a" <= text[start - 1] <= "z":
                continue
            longest, end = 0, start + 1
            while node is not None:
                if "" in node:
                    longest = end
                if end >= size:
                    break
                node = node.get(text[end])
                end += 1
            if longest:
                yield _Found(start, text[start:longest])


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
