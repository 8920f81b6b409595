"""The questions asked in a terminal."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli
from jdhotline.cli import interview
from jdhotline.cli.interview import scenarios_for

runner = CliRunner()
AT = ["--at", "2026-11-27T12:00"]


@pytest.fixture
def tty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(interview, "interactive", lambda: True)


def test_buyers_are_offered_buyers_scenarios_and_merchants_their_own_first(catalogue) -> None:
    assert {s.audience for s in scenarios_for(catalogue, "plus")} == {"buyers"}
    assert {s.audience for s in scenarios_for(catalogue, "regular")} == {"buyers"}
    merchant = scenarios_for(catalogue, "merchant")
    assert [s.audience for s in merchant[:3]] == ["merchants"] * 3
    assert len(merchant) == len(catalogue.scenarios)


@pytest.mark.usefixtures("tty")
def test_which_dash_in_a_terminal_says_what_it_waits_for() -> None:
    result = runner.invoke(cli.app, ["which", "-", *AT, "--format", "json"], input="冰箱不制冷\n")
    assert result.exit_code == 0, result.output
    assert "Type or paste the problem, then press Ctrl-D" in result.stderr
    assert json.loads(result.stdout)["scenario"] == "appliance"


@pytest.mark.usefixtures("tty")
def test_prompts_and_their_errors_in_chinese() -> None:
    result = runner.invoke(
        cli.app, ["which", "--lang", "zh", *AT, "--format", "json"], input="5\n\n3\n"
    )
    assert result.exit_code == 0, result.output
    assert "你的身份是\uff1f" in result.stderr and "请输入 1\u30012 或 3" in result.stderr
    assert "jdhotline: " in result.stderr and "answer" not in result.stderr
    # The scenario list, from the catalogue's ASCII-punctuated names, reads full-width.
    assert "维权纠纷\uff08商家拒退款" in result.stderr and "维权纠纷(" not in result.stderr


@pytest.mark.usefixtures("tty")
def test_prep_asks_the_order_date_after_the_order_number_in_chinese() -> None:
    # order; the date: not a date, after --at, then 10-10; the fault; the demand.
    answers = "123\n昨天\n2026-12-01\n10-10\n衬衫不合身\n退货退款\n"
    result = runner.invoke(
        cli.app, ["prep", "-s", "after-sales", "--lang", "zh", *AT, "--format", "json"],
        input=answers,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    asked = result.stderr
    assert asked.index("订单号：") < asked.index("下单日期：APP“我的订单”的订单详情")
    assert asked.index("下单日期：") < asked.index("问题 / 故障描述：")
    assert "“昨天”不是日期；请写 2026-10-10，或用 10-10 表示最近的 10 月 10 日" in asked
    assert "“2026-12-01”晚于今天（2026-11-27）；请填过去的日期" in asked
    doc = json.loads(result.stdout)
    assert doc["opening"] == "10 月 10 日下单（订单号 123），衬衫不合身，需求是退货退款"
    assert doc["facts"]["ordered"] == "2026-10-10"
    assert doc["missing"] == []  # never listed as missing: asked, and skippable
    assert "--note '下单日期 2026-10-10，" in doc["record"]


@pytest.mark.usefixtures("tty")
def test_prep_order_date_in_english_and_enter_skips_it() -> None:
    # order and phone skipped, the date given as 11-20, the fault, the demand.
    answers = "\n\n11-20\nthe seller refuses a refund\na refund\n"
    result = runner.invoke(
        cli.app, ["prep", "-s", "dispute", *AT, "--format", "json"], input=answers
    )
    assert result.exit_code == 0, result.output
    assert 'Order date: The order\'s details in "我的订单" (My orders)' in result.stderr
    doc = json.loads(result.stdout)
    assert doc["opening"] == "Ordered on 20 November; the seller refuses a refund; I want a refund."
    skipped = runner.invoke(
        cli.app, ["prep", "-s", "dispute", *AT, "--format", "json"], input="\n\n\nx\ny\n"
    )
    assert skipped.exit_code == 0, skipped.output
    assert "ordered" not in json.loads(skipped.stdout)["facts"]
    assert json.loads(skipped.stdout)["opening"] == "X; I want y."


@pytest.mark.usefixtures("tty")
def test_prep_does_not_ask_an_order_date_it_has() -> None:
    given = ["prep", "-s", "after-sales", "--ordered", "10-10", *AT, "--lang", "zh"]
    result = runner.invoke(cli.app, given, input="123\n衬衫不合身\n退货\n")
    assert result.exit_code == 0, result.output
    assert "下单日期" not in result.stderr
    once = runner.invoke(cli.app, ["prep", "-s", "order", *AT, "--lang", "zh"], input="\n" * 5)
    assert once.exit_code == 0, once.output
    assert once.stderr.count("下单日期") == 1  # the order scenario needs it: asked once
