"""A new user's trial of the command line (a shopper, a merchant, a grown child helping
a parent), round 4: what read wrong. Each test failed before its fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from jdhotline.cli.commands import app

runner = CliRunner()

NATIONAL_DAY = "2026-10-01T10:00"  # a Thursday, a holiday: the merchant line rests
SUNDAY = "2026-12-06T10:00"
TUESDAY = "2026-12-08T10:00"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def table_state(lang: str, at: str, number: str = "400-622-9068") -> str:
    code, out, err = invoke("table", "--lang", lang, "--at", at)
    assert code == 0, err
    head = next(line for line in out.splitlines() if line.startswith(number + "  "))
    return head.split("  ")[-1]


# --------------------------------------------------------------------------- table on a day off


@pytest.mark.parametrize(
    ("lang", "at", "state"),
    [
        ("zh", NATIONAL_DAY, "今天休息（国庆节）"),  # was 已下班, as if it had worked today
        ("zh", SUNDAY, "今天休息"),
        ("zh", "2026-12-08T20:00", "已下班"),  # an evening after work: unchanged
        ("zh-Hant", NATIONAL_DAY, "今天休息（國慶節）"),
        ("en", NATIONAL_DAY, "closed today (National Day)"),
        ("en", SUNDAY, "closed today (day off)"),
        ("en", "2026-12-08T20:00", "closed"),
    ],
)
def test_table_says_a_day_off_as_open_does(lang: str, at: str, state: str) -> None:
    """`open` said 今天休息（国庆节） for the merchant line on 1 October, `table` 已下班."""
    assert table_state(lang, at) == state
    code, out, _ = invoke("open", "merchant", "--lang", lang, "--at", at)
    assert code == 1 and state.split(" · ")[0] in out


def test_a_holiday_not_yet_verified_is_one_bracket_in_the_table() -> None:
    """Spring Festival 2027 (statutory only): 今天休息（春节）（仅计…） had two brackets."""
    assert table_state("zh", "2027-02-06T10:00") == "今天休息（春节；仅计法定节假日，调休尚未公布）"


# --------------------------------------------------------------------------- check with nothing


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "jdhotline: 没有给出电话号码；请给一个号码，例如 jdhotline check 400-656-0055。\n"),
        (
            "en",
            "jdhotline: no phone number given; give one, e.g. `jdhotline check 400-656-0055`.\n",
        ),
    ],
)
@pytest.mark.parametrize("given", ["", "   "])
def test_check_with_an_empty_number_says_none_was_given(lang: str, said: str, given: str) -> None:
    """`check ""` quoted the empty text: “”里没有电话号码 / no phone number in ''."""
    code, out, err = invoke("check", given, "--lang", lang)
    assert (code, out, err) == (2, "", said)


# --------------------------------------------------------------------------- scenario names in hints


def test_the_scenario_list_in_a_hint_keeps_each_name_whole() -> None:
    """appliance（家电安装）: a broken fridge's reader took it for installation only, and
    merchant-login（京麦） named no problem at all."""
    code, _, err = invoke("which", "asdfgh", "--lang", "zh", "--at", TUESDAY)
    assert code == 2
    assert "appliance（家电安装 / 维修 / 延保）" in err
    assert "merchant-login（京麦 / 商家后台登录）" in err
    assert "high-value（高客单价售后 / 数码故障）" in err
    assert "order（订单咨询）" in err  # the bracket still goes: brackets never nest
    assert "（（" not in err and "））" not in err


# --------------------------------------------------------------------------- a line by its name


@pytest.mark.parametrize(
    ("given", "number"),
    [
        ("家电维修专线", "400-610-1360"),  # the name every answer prints
        ("商家专属热线", "400-622-9068"),
        ("家电", "400-610-1360"),  # what a shopper types
        ("商家", "400-622-9068"),
        ("普通用户", "950618"),
        ("PLUS会员", "400-656-0055"),
        ("Merchant line", "400-622-9068"),
        ("appliance repair line", "400-610-1360"),
    ],
)
def test_open_takes_a_line_by_the_name_it_prints(given: str, number: str) -> None:
    """`open 商家`, `open 家电维修专线`: refused, though the error listed those very names."""
    code, out, err = invoke("open", given, "--lang", "zh", "--at", TUESDAY)
    assert code == 0, err
    assert out.startswith("● " + number + "  ")


def test_open_takes_a_line_by_its_traditional_name() -> None:
    code, out, err = invoke("open", "家電維修專線", "--lang", "zh-Hant", "--at", TUESDAY)
    assert code == 0, err
    assert out.startswith("● 400-610-1360  ")


@pytest.mark.parametrize("given", ["热线", "专", "京东", "line"])
def test_a_name_shared_by_several_lines_is_still_refused(given: str) -> None:
    code, out, err = invoke("open", given, "--lang", "zh", "--at", TUESDAY)
    assert (code, out) == (2, "")
    assert err.startswith(f"jdhotline: 没有“{given}”这条热线")


def test_case_add_takes_a_line_by_its_chinese_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    code, out, err = invoke("case", "add", "--line", "家电", "--lang", "zh", "--at", TUESDAY)
    assert code == 0, err
    assert out.startswith("已保存记录 1：家电维修专线")


# --------------------------------------------------------------------------- an order number in the words


@pytest.mark.parametrize(
    "problem",
    [
        "订单号312345678901 商家不发货",
        "喂 我的订单号是 312345678901 东西一直不发货",
        "订单：３１２３４５６７８９０１，商家不发货",  # full-width, as a phone keyboard types
        "my order #312345678901 has not shipped",
    ],
)
def test_prep_takes_the_order_number_typed_in_the_problem(problem: str) -> None:
    """A helper typed the order number into the problem; prep still listed it as missing
    (还缺 订单号) and left it out of the opening sentence and the record line."""
    code, out, err = invoke("prep", problem, "--ordered", "10-05", "--lang", "zh", "--at", TUESDAY)
    assert code == 0, err
    assert "（订单号 312345678901）" in out  # the opening sentence
    assert "• 订单号：312345678901" in out  # 已提供
    assert "还缺\n• 订单号" not in out
    assert "--order 312345678901" in out  # the record line


@pytest.mark.parametrize(
    "problem",
    [
        "商家不发货 我手机 13812345678",  # a phone number, no 订单 before it
        "订单号 312345678901 和订单号 312345678902 都没发货",  # two: not for us to pick
        "订单 12345 没发货",  # too short for a JD order number
    ],
)
def test_prep_leaves_a_number_that_may_not_be_the_order(problem: str) -> None:
    code, out, err = invoke("prep", problem, "--lang", "zh", "--at", TUESDAY)
    assert code == 0, err
    assert "已提供\n• 订单号" not in out and "--order" not in out.split("--line")[1]


def test_an_order_given_as_an_option_wins_over_one_in_the_words() -> None:
    code, out, err = invoke(
        "prep", "订单号312345678901 商家不发货", "--order", "999999999999", "--lang", "zh",
        "--at", TUESDAY,
    )  # fmt: skip
    assert code == 0, err
    assert "• 订单号：999999999999" in out and "312345678901）" not in out


# --------------------------------------------------------------------------- a merchant buying


@pytest.mark.parametrize(
    ("lang", "footer"),
    [
        ("zh", "普通买家 · 基础售后（7 天无理由 / 退换货） · 更多：--full"),
        ("en", "Regular buyer · After-sales (7-day no-reason returns, exchanges) · more: --full"),
    ],
)
def test_a_merchant_asking_as_a_buyer_is_answered_as_a_buyer_in_the_footer(
    lang: str, footer: str
) -> None:
    """`which --merchant 我买的衣服不合身想退`: the buyer's line, and (in --full) 这是买家的
    问题，下面按买家身份回答; yet the footer said 京东商家 · 基础售后."""
    code, out, err = invoke(
        "which", "--merchant", "我买的衣服不合身想退", "--lang", lang, "--at", TUESDAY
    )
    assert code == 0, err
    assert out.startswith("拨打 950618" if lang == "zh" else "Call 950618")
    assert out.rstrip("\n").endswith(footer)


def test_a_merchants_own_problem_still_says_merchant() -> None:
    code, out, err = invoke("which", "--merchant", "店铺被扣分", "--lang", "zh", "--at", TUESDAY)
    assert code == 0, err
    assert out.rstrip("\n").endswith("京东商家 · 店铺违规处理 · 更多：--full")


def test_an_order_number_in_other_digits_is_not_taken() -> None:
    """Only digits `case add --order` takes (a stranger's reading): Arabic-Indic ones
    are left in the problem, not offered as the order."""
    from jdhotline.prep import order_in

    assert order_in("订单号 ١٢٣٤٥٦٧٨٩٠١٢ 没发货") is None
    assert order_in("订单号 ３１２３４５６７８９０１ 没发货") == "312345678901"
