"""Issue 18, points 1–4: the right line for callers the first rounds sent astray.

Through the CLI, as a new user types it, at the issue's moment (a Tuesday morning).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli

runner = CliRunner()
AT = "2026-12-08T10:00"  # a Tuesday, 10:00 Beijing time: every line open
MERCHANT = "400-622-9068"


def which(*args: str) -> dict[str, Any]:
    result = runner.invoke(cli.app, ["which", "--at", AT, "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def text(*args: str, lang: str = "en") -> str:
    result = runner.invoke(cli.app, ["which", "--at", AT, "--lang", lang, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


# ---------------------------------------------------------------- 1. a merchant without --merchant


@pytest.mark.parametrize(
    ("problem", "scenario"),
    [
        ("买家仅退款不退货怎么办", "malicious-refund"),
        ("货款结算延迟了", "store-violation"),
        ("店铺评分下降了", "store-violation"),
        ("买家给了差评怎么办", "malicious-refund"),
        ("怎么入驻京东", "campaign"),
        ("买家下单后仅退款", "malicious-refund"),
        ("a buyer left a one-star review after getting a full refund", "malicious-refund"),
        ("our payout for last month is delayed again", "store-violation"),
    ],
)
def test_a_sellers_words_reach_the_merchant_line_without_the_flag(
    problem: str, scenario: str
) -> None:
    doc = which("--", problem)
    assert (doc["user"], doc["scenario"], doc["primary"]["number"]) == (
        "regular",
        scenario,
        MERCHANT,
    )
    assert any("--merchant" in w for w in doc["warnings"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_note_says_merchant_says_so(lang: str) -> None:
    out = text("买家仅退款不退货怎么办", lang=lang)
    assert out.startswith(f"{'Call' if lang == 'en' else '拨打'} {MERCHANT}")
    said = {"en": "(--merchant says so)", "zh": "（也可以加 --merchant）"}[lang]
    assert said in " ".join(out.split()).replace("( --", "(--"), out


@pytest.mark.parametrize(
    "problem",
    ["这家店评分那么高还卖假货 我要投诉", "the shop refused my refund and blocked me",
     "我申请了仅退款,商家不同意"],
)  # fmt: skip
def test_a_buyers_complaint_about_a_shop_stays_a_buyers(problem: str) -> None:
    doc = which("--", problem)
    assert (doc["scenario"], doc["primary"]["number"]) == ("dispute", "950618")


# ---------------------------------------------------------------- 2. an appliance not delivered


@pytest.mark.parametrize(
    "problem",
    ["冰箱还没送到", "电视什么时候送货", "我买的冰箱还没送到", "my fridge hasn't arrived yet"],
)
def test_an_appliance_not_yet_delivered_is_an_order_on_key_1(problem: str) -> None:
    doc = which("--", problem)
    assert (doc["scenario"], doc["primary"]["number"], doc["primary"]["ivr"]["key"]) == (
        "order",
        "950618",
        "1",
    )
    assert doc["confident"], doc["candidates"]


@pytest.mark.parametrize(
    "problem", ["空调送到了 什么时候来安装", "冰箱送货上门后安装师傅一直没来", "冰箱不制冷"]
)
def test_installation_and_repair_stay_on_the_appliance_line(problem: str) -> None:
    assert which("--", problem)["primary"]["number"] == "400-610-1360"


# ---------------------------------------------------------------- 3. --merchant, a fault of one's own


@pytest.mark.parametrize(
    ("problem", "scenario", "number"),
    [
        ("冰箱坏了", "appliance", "400-610-1360"),
        ("my fridge is broken", "appliance", "400-610-1360"),
        ("手机坏了", "high-value", "950618"),
        ("店里的冰箱坏了", "appliance", "400-610-1360"),
    ],
)
def test_a_merchants_own_broken_thing_gets_the_buyers_answer_with_a_note(
    problem: str, scenario: str, number: str
) -> None:
    doc = which("--merchant", "--", problem)
    assert (doc["scenario"], doc["primary"]["number"]) == (scenario, number)
    assert any("buyer's question" in n for n in doc["notes"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_merchants_broken_fridge_in_words(lang: str) -> None:
    out = text("--merchant", "--full", "冰箱坏了", lang=lang)
    assert "400-610-1360" in out.splitlines()[0]
    assert {"en": "buyer's question", "zh": "这是买家的问题"}[lang] in out


def test_a_claim_against_a_buyer_stays_the_merchants() -> None:
    doc = which("--merchant", "--", "买家说收到的冰箱坏了要退款")
    assert (doc["scenario"], doc["primary"]["number"]) == ("malicious-refund", MERCHANT)
    assert which("--merchant", "--", "退款")["scenario"] == "malicious-refund"


# ---------------------------------------------------------------- 4. 京麦 login


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        ([], "京麦登不上去"),
        (["--merchant"], "商家后台密码忘了 主账号找不回来"),
        (["--merchant"], "账号登不上"),
        (["--merchant"], "I can't log in to Jingmai since this morning"),
    ],
)
def test_a_merchant_locked_out_of_the_back_office_calls_the_merchant_line(
    args: list[str], problem: str
) -> None:
    doc = which(*args, "--", problem)
    assert (doc["scenario"], doc["primary"]["number"]) == ("merchant-login", MERCHANT)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_login_answer_says_it_is_jdhotlines_addition(lang: str) -> None:
    out = text("--merchant", "--full", "京麦登不上去", lang=lang)
    said = {
        "en": "The guide's table does not list merchant back-office login",
        "zh": "攻略的热线表没有为这条线列出“京麦 / 商家后台登录”",
    }[lang]
    assert said in " ".join(out.split()).replace("“ ", "“"), out
    assert {"en": "violation", "zh": "违规"}[lang] not in out


def test_a_buyers_own_login_stays_on_950618() -> None:
    doc = which("--", "京东账号登不上")
    assert (doc["scenario"], doc["primary"]["number"]) == ("account", "950618")
