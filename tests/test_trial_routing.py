"""A new user's routing defects (the trial round), by kind: a merchant without
--merchant, damage found on delivery, a refund that has not arrived, a PLUS member who
says so in a label.

Through the CLI, as a new user types it, at a pinned moment (a Monday morning).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli

runner = CliRunner()
AT = "2026-12-07T10:00"  # a Monday, 10:00 Beijing time: every line open
MERCHANT = "400-622-9068"
REGULAR = "950618"


def run(*args: str) -> str:
    """What `jdhotline which` prints at the pinned moment; it must succeed."""
    result = runner.invoke(cli.app, ["which", "--at", AT, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def which(*args: str) -> dict[str, Any]:
    return json.loads(run("--format", "json", *args))


def text(*args: str, lang: str = "en") -> str:
    return run("--lang", lang, *args)


def assert_after_sales_key_2(problem: str) -> None:
    answer = which(problem)
    assert answer["scenario"] == "after-sales"
    assert (answer["primary"]["number"], answer["primary"]["ivr"]["key"]) == (REGULAR, "2")


# ---------------------------------------------------------------- 1. a merchant without --merchant


@pytest.mark.parametrize(
    ("problem", "scenario"),
    [
        ("店铺报名双11活动没通过", "campaign"),
        ("报名年货节活动被拒了", "campaign"),
        ("我的店被封了", "store-violation"),
        ("my payment is not settled yet as a seller", "store-violation"),
        ("my store was shut down", "store-violation"),
        ("a customer is demanding a refund without returning the item", "malicious-refund"),
        ("I want to join the 618 campaign but my application was rejected", "campaign"),
    ],
)
def test_a_merchant_who_forgets_merchant_gets_the_merchant_line(
    problem: str, scenario: str
) -> None:
    answer = which(problem)
    assert answer["scenario"] == scenario
    assert answer["primary"]["number"] == MERCHANT


def test_the_merchant_reading_is_said_in_both_languages() -> None:
    assert text("店铺报名双11活动没通过", lang="zh").startswith(f"拨打 {MERCHANT}")
    assert text("I want to join the 618 campaign but my application was rejected").startswith(
        f"Call {MERCHANT}"
    )


@pytest.mark.parametrize(
    "problem",
    ["双11活动价格不对", "618活动的优惠券用不了", "the 618 campaign price is wrong"],
)
def test_a_buyer_naming_a_campaign_stays_a_buyer(problem: str) -> None:
    assert which(problem)["primary"]["number"] == REGULAR


# ---------------------------------------------------------------- 2. damaged on delivery


@pytest.mark.parametrize(
    "problem",
    [
        "fridge delivered with a dent",
        "TV delivered with a cracked screen",
        "电视送到了屏幕是裂的",
        "冰箱送到就是坏的",
    ],
)
def test_damage_found_on_delivery_is_an_after_sales_return(problem: str) -> None:
    assert_after_sales_key_2(problem)


def test_damage_on_delivery_is_said_as_damage_in_both_languages() -> None:
    zh = text("电视送到了屏幕是裂的", lang="zh")
    assert "按 2" in zh and "商品破损" in zh and "衬衫" not in zh
    en = text("TV delivered with a cracked screen")
    assert "press 2" in en and "the item is damaged" in en and "shirt" not in en


@pytest.mark.parametrize(
    ("problem", "scenario"),
    [
        ("冰箱坏了", "appliance"),
        ("my fridge stopped working", "appliance"),
        ("冰箱还没送到", "order"),
    ],
)
def test_a_fault_in_use_or_a_delivery_keeps_its_line(problem: str, scenario: str) -> None:
    assert which(problem)["scenario"] == scenario


# ---------------------------------------------------------------- 3. a refund not arrived


@pytest.mark.parametrize(
    "problem",
    [
        "退款怎么还没到账",
        "退款退到哪了",
        "where is my refund",
        "where's my refund",
        "refund hasn't arrived",
    ],
)
def test_a_refund_not_arrived_is_after_sales_in_both_languages(problem: str) -> None:
    assert_after_sales_key_2(problem)


def test_a_refund_not_arrived_is_said_as_one() -> None:
    zh = text("退款怎么还没到账", lang="zh")
    assert "退款成功，至今没到账" in zh and "衬衫" not in zh
    en = text("where is my refund")
    assert "the refund was approved on 1 December and has not arrived" in en
    assert "shirt" not in en


@pytest.mark.parametrize(
    ("lang", "refund", "damaged", "damage"),
    [
        ("zh", "退款怎么还没到账", "电视送到了屏幕是裂的", "商品破损照片"),
        ("en", "where is my refund", "TV delivered with a cracked screen", "Photos of the damage"),
    ],
)
def test_a_refund_not_arrived_asks_for_no_photo_of_damage(
    lang: str, refund: str, damaged: str, damage: str
) -> None:
    checklist = which("--lang", lang, refund)["checklist"]
    assert len(checklist) == 3 and damage not in checklist
    assert any(("退款进度" if lang == "zh" else "refund's progress") in item for item in checklist)
    assert damage in which("--lang", lang, damaged)["checklist"]


# ---------------------------------------------------------------- 4. a PLUS member's label


@pytest.mark.parametrize(
    ("problem", "lang", "said"),
    [
        ("plus会员 退货运费谁出", "zh", "PLUS 会员 · 基础售后"),
        ("PLUS会员，冰箱坏了", "zh", "PLUS 会员"),
        ("PLUS member: my order arrived broken", "en", "PLUS member · After-sales"),
    ],
)
def test_a_plus_label_heading_ones_problem_is_a_members_answer(
    problem: str, lang: str, said: str
) -> None:
    assert which(problem)["user"] == "plus"
    assert said in text(problem, lang=lang)


@pytest.mark.parametrize("problem", ["plus会员 有什么权益", "plus member benefits"])
def test_a_question_about_plus_is_no_members_answer(problem: str) -> None:
    assert which(problem)["user"] == "regular"
