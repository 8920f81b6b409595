"""The matcher's catalogue syntax: keywords, weights, patterns, counter-evidence and the
links between scenarios, as a user writes them in their own catalogue (once in
test_match.py)."""

from __future__ import annotations

from typing import Any

import pytest

from jdhotline.catalogue import Catalogue
from jdhotline.match import best

from .conftest import build
from .refused import refused
from .test_match import scenario_of

# ---------------------------------------------------------------- the catalogue's syntax


def _scenario(data: dict[str, Any], scenario_id: str) -> dict[str, Any]:
    return next(s for s in data["scenarios"] if s["id"] == scenario_id)


def test_a_user_fixes_a_miss_by_adding_a_word(data: dict[str, Any]) -> None:
    before = build(data)
    assert (
        best(before, "扫码枪坏了") is None or best(before, "扫码枪坏了").scenario.id != "appliance"
    )  # type: ignore[union-attr]
    _scenario(data, "appliance")["keywords"]["zh"].append({"扫码枪": 3})
    after = build(data)
    match = best(after, "扫码枪坏了")
    assert match is not None and match.scenario.id == "appliance" and "扫码枪" in match.words


def test_a_user_adds_a_pattern(data: dict[str, Any]) -> None:
    _scenario(data, "order")["patterns"] = [{"regex": r"jd\d{10,13}", "weight": 3}]
    match = best(build(data), "JD1234567890123")
    assert (
        match is not None and match.scenario.id == "order" and match.words == ("jd1234567890123",)
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"扫码枪": 9}, "weight 9 is not a number from 0.1 to 5"),
        ({"扫码枪": "heavy"}, 'weight "heavy" is not a number'),
        ({"扫码枪": 0}, "weight 0 is not a number"),
        ("家电", "'家电' is listed twice"),
        ("", "expected a non-empty text"),
    ],
)
def test_keyword_validation(data: dict[str, Any], entry: Any, message: str) -> None:
    _scenario(data, "appliance")["keywords"]["zh"].append(entry)
    with refused(message):
        build(data)


def test_english_keywords_must_be_english(data: dict[str, Any]) -> None:
    _scenario(data, "appliance")["keywords"]["en"].append("冰箱")
    with refused(r"keywords\.en\[\d+\]: '冰箱' is not English"):
        build(data)


def test_a_user_adds_counter_evidence(data: dict[str, Any]) -> None:
    """off_topic words are edited like keywords: a user refuses what is not a problem."""
    assert best(build(data), "冰箱二手能卖多少钱") is not None
    data["off_topic"]["zh"].append({"能卖多少钱": 4})
    assert best(build(data), "冰箱二手能卖多少钱") is None


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"哪家强": 9}, r"off_topic\.zh\[\d+\]: weight 9 is not a number from 0.1 to 5"),
        ("求推荐", "'求推荐' is listed twice"),
    ],
)
def test_counter_evidence_is_validated(data: dict[str, Any], entry: Any, message: str) -> None:
    data["off_topic"]["zh"].append(entry)
    with refused(message):
        build(data)


def test_counter_evidence_weighs_against_the_best_scenario(catalogue: Catalogue) -> None:
    from jdhotline.match import off_topic

    assert off_topic(catalogue, "三千左右的手机买哪个好") == {"买哪个": 3.0, "哪个好": 3.0}
    assert best(catalogue, "三千左右的手机买哪个好") is None  # 手机 3 against 6
    # A problem of one's own outweighs a passing request for advice.
    assert off_topic(catalogue, "手机买了三天就黑屏开不了机,客服推荐一下怎么办") == {
        "推荐一下": 3.0
    }
    assert catalogue.model.off_topic_share == 1.0
    assert (
        scenario_of(catalogue, "手机买了三天就黑屏开不了机,客服推荐一下怎么办", "regular")
        == "high-value"
    )


def test_a_user_adds_a_buyers_words(data: dict[str, Any]) -> None:
    """buyer_voice is edited like keywords: a merchant's own purchase is a buyer's question."""
    text = "店里从京东拿了一批纸箱 到货压坏了"
    assert scenario_of(build(data), text, "merchant") == "malicious-refund"
    data["buyer_voice"]["zh"].append("从京东拿了")
    assert scenario_of(build(data), text, "merchant") == "after-sales"
    data["buyer_voice"]["zh"].append({"拿货": 9})
    with refused(r"buyer_voice\.zh\[\d+\]: weight 9 is not"):
        build(data)


def test_an_amount_does_not_outweigh_counter_evidence(catalogue: Catalogue) -> None:
    """A budget is no problem: 手机 3 and 3000 yuan 2 against "recommend a" 3 is refused,
    while the same amount beside a fault is high-value evidence."""
    assert best(catalogue, "recommend a phone under 3000 yuan") is None
    assert scenario_of(catalogue, "paid 3000 yuan for this phone, screen is cracked") == (
        "high-value"
    )
    assert scenario_of(catalogue, "两万多买的") == "high-value"  # an amount alone still answers


@pytest.mark.parametrize(
    ("regex", "message"),
    [
        (r"\d+万", "repeats without a bound"),
        (r"(a|b)*c", "repeats without a bound"),
        (r"(ab)\1", "back-reference"),
        (r"x?", "matches the empty text"),
        (r"[", "does not compile"),
        (r"\d{12}\d{12}\d{12}\d{12}\d{12}\d{12}", "more than 60 characters"),
        (r"(?P<n>a)", "named groups"),
    ],
)
def test_pattern_validation(data: dict[str, Any], regex: str, message: str) -> None:
    _scenario(data, "order")["patterns"] = [{"regex": regex}]
    with refused(r"scenarios\[\d+\]\.patterns\[0\]\.regex: .*" + message):
        build(data)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("counterpart", "nowhere", "unknown scenario 'nowhere'"),
        ("counterpart", "order", "names the scenario itself"),
        ("plus_absorbs", ["nowhere"], "unknown scenario 'nowhere'"),
        ("absorbs", ["order"], "names the scenario itself"),
    ],
)
def test_links_between_scenarios_are_checked(
    data: dict[str, Any], field: str, value: Any, message: str
) -> None:
    _scenario(data, "order")[field] = value
    with refused(message):
        build(data)


def test_the_catalogue_round_trips_with_weights_and_patterns(catalogue: Catalogue) -> None:
    from .dump import dump

    again = build_text(dump(catalogue))
    assert again.scenarios == catalogue.scenarios
    assert again.merchant_voice == catalogue.merchant_voice
    assert again.buyer_voice == catalogue.buyer_voice and catalogue.buyer_voice.zh
    assert again.elsewhere == catalogue.elsewhere


def build_text(text: str) -> Catalogue:
    from jdhotline.load import parse

    return parse(text, "again.yaml")
