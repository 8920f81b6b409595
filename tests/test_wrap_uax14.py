"""One honest oracle for Chinese line breaking: every break jdhotline's wrapping makes
(writers.break_lines) is a break opportunity of UAX #14, the Unicode line-breaking
algorithm (uniseg), or one of a short list of exceptions, each with its reason.

The texts are every Chinese text jdhotline prints from its words and its catalogue (the
catalogue's with its punctuation made full-width, as the answers show it), placeholders
filled, wrapped at 20 to 120 columns. That no line starts with a closing mark, and that
a number keeps its unit, is pinned in test_writers.py: UAX #14 forbids fewer breaks
than jdhotline does, and this test only asks about the breaks it makes.
"""

from __future__ import annotations

import re
from typing import Any

from uniseg.linebreak import line_break_boundaries

from jdhotline.i18n.words import WORDS
from jdhotline.output.writers import CLOSING, break_lines

from .conftest import shipped_copy

HAN = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
WIDTHS = (20, 30, 40, 60, 80, 120)


def _zh(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "zh":
                for text in value if isinstance(value, list) else [value]:
                    if isinstance(text, str):
                        found.add(text)
            else:
                _zh(value, found)
    elif isinstance(node, list):
        for value in node:
            _zh(value, found)
    return found


def _texts() -> list[str]:
    texts = _zh(shipped_copy(), set())
    for text in WORDS["zh"].values():
        texts.add(re.sub(r"\{[^{}]*\}", "3", text))
    paragraphs = {p for text in texts for p in text.split("\n") if HAN.search(p)}
    return sorted(paragraphs)


def listed(text: str, at: int) -> str | None:
    """Why a break at ``at`` is right though UAX #14 (as uniseg has it) does not allow it."""
    before, after = text[:at].rstrip(" "), text[at:]
    if after.startswith("\u201c") and before and HAN.match(before[-1]):
        # An opening quotation mark after a Chinese character: clreq breaks before it,
        # and so does UAX #14 since Unicode 15.1 (rule LB19a); uniseg's older rule
        # treats “ as an ambiguous quote, never to be broken around.
        return "an opening quote after a Chinese character"
    if after.startswith("/ ") and text[at - 1 : at] == " ":
        return "a slash standing between spaces (安装 / 维修), as a word"  # LB13: no break before /
    if re.match(r"--[a-z]", after) and before and HAN.match(before[-1]):
        return "an option name after a Chinese mark (、--bought)"  # LB21: no break before -
    return None


def breaks(text: str, width: int) -> list[int]:
    """Where each line but the first starts."""
    return [start for start, _ in break_lines(text, width)[1:]]


def test_every_break_is_a_uax14_opportunity_or_listed() -> None:
    texts = _texts()
    assert len(texts) > 300  # the catalogue's and the words' Chinese, not a sample
    made = refused = 0
    for text in texts:
        wrapped = {width: breaks(text, width) for width in WIDTHS}
        if not any(wrapped.values()):
            continue
        allowed = set(line_break_boundaries(text))  # uniseg is slow: once a text, if wrapped
        for width, starts in wrapped.items():
            for at in starts:
                made += 1
                if at not in allowed:
                    refused += 1
                    assert listed(text, at), f"{text[:at]!r} | {text[at:]!r} (width {width})"
    assert made > 500  # texts this wide are wrapped: the test sees breaks
    assert refused <= made // 20  # exceptions stay exceptions


def test_the_oracle_refuses_what_clreq_refuses() -> None:
    """The oracle is no oracle if it allows a break before a closing mark or inside a number."""
    text = "京东热线。400-656-0055"
    allowed = set(line_break_boundaries(text))
    assert text.index("。") not in allowed
    assert all(at not in allowed for at in range(6, len(text)))  # inside the number
    assert not listed(text, text.index("。"))
    assert all(mark in CLOSING for mark in "。，")
