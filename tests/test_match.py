from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdhotline.catalogue import Catalogue
from jdhotline.match import _coverage, best, rank


@pytest.mark.parametrize(
    ("text", "scenario", "words"),
    [
        ("冰箱不制冷", "appliance", {"冰箱", "不制冷", "制冷"}),
        ("the seller refuses my refund", "dispute", {"seller", "refuse"}),
        ("商家拒退款", "dispute", {"商家拒退款", "拒退款", "拒退"}),
        ("查物流", "order", {"查物流", "物流"}),
        ("7 天无理由退货", "after-sales", {"7 天无理由", "无理由", "退货"}),
        ("7天无理由", "after-sales", {"7 天无理由", "无理由"}),  # spaces do not matter in Chinese
        ("手机故障", "high-value", {"手机", "故障"}),
        ("登录异常", "account", {"登录异常", "登录"}),
        ("买家恶意退款怎么办", "malicious-refund", {"买家恶意退款", "恶意退款"}),
        ("店铺违规被处罚", "store-violation", {"店铺违规", "违规", "处罚", "店铺"}),
        ("活动报名失败", "campaign", {"活动报名", "报名", "活动"}),
        ("My WASHING MACHINE leaks", "appliance", {"washing machine"}),
        ("Where is my parcel?", "order", {"where is my", "parcel"}),
    ],
)
def test_free_text(catalogue: Catalogue, text: str, scenario: str, words: set[str]) -> None:
    match = best(catalogue, text)
    assert match is not None
    assert match.scenario.id == scenario
    assert set(match.words) == words


def test_english_matches_at_word_start_only(catalogue: Catalogue) -> None:
    assert best(catalogue, "my order is late").scenario.id == "order"  # type: ignore[union-attr]
    assert best(catalogue, "disorder") is None  # "order" inside a word is not a match
    assert best(catalogue, "refused refund").scenario.id == "dispute"  # type: ignore[union-attr]


def test_most_specific_wins_and_ties_follow_catalogue_order(catalogue: Catalogue) -> None:
    ranked = rank(catalogue, "电视黑屏")  # 电视 (appliance) and 黑屏 (high-value): 2 chars each
    assert [m.scenario.id for m in ranked[:2]] == ["appliance", "high-value"]
    assert ranked[0].covered == ranked[1].covered == 2
    ranked = rank(catalogue, "恶意退款")  # malicious-refund covers 4, after-sales 退款 covers 2
    assert ranked[0].scenario.id == "malicious-refund" and ranked[0].covered == 4


def test_simple_questions_are_marked(catalogue: Catalogue) -> None:
    assert best(catalogue, "查物流").simple  # type: ignore[union-attr]
    assert best(catalogue, "track my parcel").simple  # type: ignore[union-attr]
    assert not best(catalogue, "催发货").simple  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["", "   ", "hello there", "😀", "\x00\x1b[31m"])
def test_no_match(catalogue: Catalogue, text: str) -> None:
    assert best(catalogue, text) is None


def test_coverage_counts_overlaps_once() -> None:
    assert _coverage([(0, 5), (2, 3), (4, 8), (10, 12)]) == 10
    assert _coverage([]) == 0


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300))
def test_matcher_never_raises(catalogue: Catalogue, text: str) -> None:
    for match in rank(catalogue, text):
        assert match.words and match.covered > 0


# ---------------------------------------------------------------- against a plain reference


def _reference(catalogue: Catalogue, text: str) -> list[tuple[str, tuple[str, ...], int]]:
    """The obvious implementation: search every keyword everywhere."""
    import re

    # (separator that spaces collapse to, what may not stand before a match)
    languages = {"zh": ("", ""), "en": (" ", "(?<![a-z0-9])")}
    found = []
    for order, scenario in enumerate(catalogue.scenarios):
        covered, words = 0, []
        for lang, (space, before) in languages.items():
            normal = re.sub(r"\s+", space, text).casefold()
            spans = []
            for word in getattr(scenario.keywords, lang):
                needle = re.sub(r"\s+", space, word).casefold()
                hits = [(m.start(), m.start() + len(needle))
                        for m in re.finditer(f"{before}(?={re.escape(needle)})", normal)]  # fmt: skip
                spans += hits
                words += [word] if hits else []
            covered += _coverage(spans)
        if words:
            found.append((-covered, order, (scenario.id, tuple(words), covered)))
    return [item for _, _, item in sorted(found)]


PIECES = st.sampled_from(
    ["冰箱", "不制冷", "制冷", "退款", "恶意退款", "买家", "店铺违规", "7 天无理由", "查物流", "的", "了",
     "refuse", "refund", "Seller", "my", "order", "disorder", "washing machine", " ", "  ", "x", "9"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(PIECES, max_size=30))
def test_matcher_agrees_with_the_plain_reference(catalogue: Catalogue, parts: list[str]) -> None:
    text = "".join(parts)
    ours = [(m.scenario.id, m.words, m.covered) for m in rank(catalogue, text)]
    assert ours == _reference(catalogue, text)
