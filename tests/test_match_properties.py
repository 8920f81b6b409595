"""Properties of the matcher over generated text (hypothesis): it never raises, lists each
word once, finds what a plain search finds, and a cue of digits is no cue inside a longer
number (once in test_match.py)."""

from __future__ import annotations

import functools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from jdhotline.catalogue import Catalogue
from jdhotline.match import rank


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300), user=st.sampled_from(["regular", "plus", "merchant"]))
def test_matcher_never_raises_and_is_deterministic(
    catalogue: Catalogue, text: str, user: str
) -> None:
    ranked = rank(catalogue, text, user)
    assert ranked == rank(catalogue, text, user)
    for match in ranked:
        assert match.words and match.score > 0
    if ranked:
        assert max(m.score for m in ranked) == ranked[0].score
        assert any(m.score >= catalogue.model.min_score / 4 for m in ranked)


PIECES = st.sampled_from(
    ["冰箱", "不制冷", "退款", "恶意退款", "买家", "店铺违规", "7 天无理由", "查物流", "不是", "的", "了",
     "refuse", "refund", "Seller", "my", "order", "disorder", "washing machine", " ", ",", "x", "9",
     "两万", "30k", "淘宝", "京东", "618", "950618"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(PIECES, max_size=30))
def test_each_word_is_listed_once(catalogue: Catalogue, parts: list[str]) -> None:
    for match in rank(catalogue, "".join(parts)):
        assert len(set(match.words)) == len(match.words)


# ---------------------------------------------------------------- against a plain search


@settings(max_examples=50, deadline=None)
@given(parts=st.lists(PIECES, max_size=30))
def test_the_trie_finds_what_a_plain_search_finds(catalogue: Catalogue, parts: list[str]) -> None:
    """One pass of the trie-shaped expression finds every keyword a search of each finds."""
    from jdhotline.match import _hits, _index, _language_for, normalise_en, normalise_zh

    text = "".join(parts)
    index = _index(catalogue)
    zh_text, en_text = normalise_zh(text), normalise_en(text)
    zh, en = _language_for(index, 0, zh_text), _language_for(index, 1, en_text)
    ours = {(h.space, h.start, h.end, h.scenario, h.word) for h in _hits(zh, zh_text, 0, word_end=False)}  # fmt: skip
    ours |= {(h.space, h.start, h.end, h.scenario, h.word) for h in _hits(en, en_text, 1, word_end=True)}  # fmt: skip
    plain = set()
    for i, scenario in enumerate(catalogue.scenarios):
        for word in (*scenario.keywords.zh, *scenario.keywords.en):
            latin, needle, pattern = _plain_search(word)
            space, haystack = (1, en_text) if latin else (0, zh_text)
            for found in pattern.finditer(haystack):
                plain.add((space, found.start(), found.start() + len(needle), i, word))
    assert ours == plain


@functools.cache
def _plain_search(word: str) -> tuple[bool, str, re.Pattern[str]]:
    """A keyword's own search, compiled once: the catalogue has more keywords than re's
    cache holds, so each example compiled them all again (7 s of CPU for 50 examples)."""
    from jdhotline.match import normalise_en, normalise_zh

    latin = normalise_zh(word).isascii()
    needle = normalise_en(word).strip() if latin else normalise_zh(word)
    escaped = re.escape(needle)
    # A cue that begins (ends) with a digit is no cue just after (before) a digit.
    lead = "(?<![0-9])" if "0" <= needle[:1] <= "9" else ""
    trail = "(?![0-9])" if "0" <= needle[-1:] <= "9" else ""
    pattern = (
        rf"(?<![a-z]){lead}(?={escaped}{trail}(?:s|es|'s)?(?![a-z]))"
        if latin
        else f"{lead}(?={escaped}{trail})"
    )
    return latin, needle, re.compile(pattern)


# A cue that begins or ends with a digit is no cue inside a longer number (numbers.yaml).
@given(st.integers(0, 99_999), st.integers(0, 99_999))
@settings(max_examples=60, deadline=None)
def test_618_never_matches_between_digits(catalogue: Catalogue, before: int, after: int) -> None:
    for text in (f"{before}618", f"618{after}", f"订单{before}618{after}"):
        words = [w for m in rank(catalogue, text + " 退款没到") for w in m.words]
        assert "618" not in words
