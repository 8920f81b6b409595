from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from jdhotline import cli
from jdhotline.catalogue import Catalogue
from jdhotline.prep import Facts, missing, parse_day, parse_order
from jdhotline.script import opening

TODAY = dt.date(2026, 11, 27)

FULL_ORDER = Facts(
    order="123",
    ordered=dt.date(2026, 10, 10),
    fault="商家承诺 24 小时发货,现在超期没发",
    want="要么当天发货,要么退款并补偿 50 元运费券",
)


def test_opening_reproduces_the_guides_example() -> None:
    assert opening(FULL_ORDER, plus=False, today=TODAY, lang="zh") == (
        "10 月 10 日下单(订单号 123),商家承诺 24 小时发货,现在超期没发,"
        "需求是要么当天发货,要么退款并补偿 50 元运费券"
    )


def test_opening_in_english() -> None:
    facts = Facts(
        order="123",
        ordered=dt.date(2026, 10, 10),
        fault="the seller promised to ship within 24 hours and has not",
        want="it shipped today, or a refund plus a ¥50 shipping voucher",
    )
    assert opening(facts, plus=False, today=TODAY, lang="en") == (
        "Ordered on 10 October (order 123); the seller promised to ship within 24 hours "
        "and has not; I want it shipped today, or a refund plus a ¥50 shipping voucher."
    )


def test_opening_appliance_shape() -> None:
    facts = Facts(model="美的冰箱 BCD-500WTPZM", bought=dt.date(2023, 5, 1), problem="不制冷")
    assert opening(facts, plus=False, today=TODAY, lang="zh") == (
        "美的冰箱 BCD-500WTPZM,2023 年 5 月 1 日买的,不制冷"
    )
    assert opening(facts, plus=True, today=TODAY, lang="en") == (
        "PLUS member; model 美的冰箱 BCD-500WTPZM; bought on 1 May 2023; 不制冷."
    )


def test_opening_from_partial_facts() -> None:
    assert opening(Facts(order="12345", want="需要介入"), plus=False, today=TODAY, lang="zh") == (
        "订单号 12345,需求是需要介入"
    )
    assert opening(Facts(fault="not cooling"), plus=False, today=TODAY, lang="en") == "Not cooling."
    last_year = Facts(ordered=dt.date(2025, 12, 30))
    assert opening(last_year, plus=False, today=TODAY, lang="zh") == "2025 年 12 月 30 日下单"
    assert opening(Facts(), plus=False, today=TODAY, lang="zh") is None
    assert opening(Facts(), plus=True, today=TODAY, lang="en") is None


@pytest.mark.parametrize(
    ("scenario", "facts", "expected"),
    [
        ("appliance", Facts(), ("model", "bought", "fault", "order", "want")),
        ("appliance", Facts(problem="冰箱不制冷", model="BCD-1"), ("bought", "order", "want")),
        ("order", Facts(order="1"), ("ordered", "fault", "want")),
        ("dispute", Facts(order="1", fault="x", want="y"), ()),
        ("high-value", Facts(), ("order", "model", "fault", "want")),
        ("store-violation", Facts(problem="店铺违规"), ("want",)),
    ],
)
def test_missing_facts_per_scenario(
    catalogue: Catalogue, scenario: str, facts: Facts, expected: tuple
) -> None:
    assert missing(catalogue.scenario(scenario), facts) == expected


def test_every_needed_fact_says_where_to_find_it(catalogue: Catalogue) -> None:
    for scenario in catalogue.scenarios:
        assert scenario.needs, scenario.id
        for fact in scenario.needs:
            described = catalogue.fact(fact)
            assert described is not None and described.where.zh and described.where.en
    model = catalogue.fact("model")
    assert model is not None and "BCD-XXXX" in model.where.zh and "规格参数" in model.where.zh


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1234567890123", "1234567890123"), ("1234 5678-90", "1234567890"), (" 42 ", "42")],
)
def test_order_numbers(text: str, expected: str) -> None:
    assert parse_order(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "12a4", "١٢٣", "12.5", "--"])
def test_bad_order_numbers(text: str) -> None:
    with pytest.raises(ValueError, match="is not an order number"):
        parse_order(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-10-10", dt.date(2026, 10, 10)),
        ("10-10", dt.date(2026, 10, 10)),
        ("2023-5-1", dt.date(2023, 5, 1)),
    ],
)
def test_dates(text: str, expected: dt.date) -> None:
    assert parse_day(text, TODAY) == expected


@pytest.mark.parametrize("text", ["2026-02-30", "13-01", "yesterday", "10/10", "2026-10"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(ValueError, match="is not a date"):
        parse_day(text, TODAY)


# ---------------------------------------------------------------- the command

runner = CliRunner()
AT = "2026-11-27T10:00"


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))


def test_prep_json_for_a_fridge() -> None:
    result = runner.invoke(cli.app, [
        "prep", "冰箱不制冷", "--model", "美的冰箱 BCD-500WTPZM", "--bought", "2023-05-01",
        "--evidence", "不制冷的视频", "--at", AT, "--format", "json", "--lang", "zh",
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["scenario"] == "appliance" and doc["primary"]["number"] == "400-610-1360"
    assert doc["opening"] == "美的冰箱 BCD-500WTPZM,2023 年 5 月 1 日买的,冰箱不制冷"
    assert [m["fact"] for m in doc["missing"]] == ["order", "want"]
    assert "我的订单" in doc["missing"][0]["where"]
    assert doc["evidence"] == ["不制冷的视频"]
    assert doc["record"] == (
        "jdhotline case add --line appliance --scenario appliance --agent 工号 --ticket 服务单号 --promise 24h"
    )
    assert doc["open_cases"] == []


def test_prep_markdown_and_text() -> None:
    args = ["prep", "-s", "order", "--order", "123", "--ordered", "10-10", "--at", AT,
            "--fault", "商家承诺 24 小时发货,现在超期没发", "--want", "当天发货", "--lang", "zh"]  # fmt: skip
    md = runner.invoke(cli.app, [*args, "--format", "markdown"]).stdout
    assert (
        "“10 月 10 日下单\uff08订单号 123\uff09\uff0c商家承诺 24 小时发货\uff0c现在超期没发\uff0c需求是当天发货”"
        in md
    )
    assert "```sh\njdhotline case add --line regular --scenario order --order 123 " in md
    assert "### 还缺" not in md  # nothing missing
    text = runner.invoke(cli.app, args).stdout
    assert "拨打 950618" in text and "按 1“订单咨询”" in text


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--order", "12a", "--order: '12a' is not an order number"),
        ("--ordered", "2026-02-30", "--ordered: '2026-02-30' is not a date"),
        ("--bought", "last year", "--bought: 'last year' is not a date"),
    ],
)
def test_prep_validation(flag: str, value: str, message: str) -> None:
    result = runner.invoke(cli.app, ["prep", "-s", "appliance", flag, value, "--at", AT])
    assert result.exit_code == 2 and result.stderr.startswith(f"jdhotline: {message}")


def test_prep_asks_for_missing_facts_in_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from jdhotline import interview

    monkeypatch.setattr(cli, "interactive", lambda: True)
    monkeypatch.setattr(interview, "interactive", lambda: True)
    # model, bought (a bad date, then a good one), fault given, order skipped, want.
    answers = "BCD-500WTPZM\nyesterday\n2023-05-01\n\n尽快上门\n"
    result = runner.invoke(
        cli.app,
        ["prep", "冰箱不制冷", "--at", AT, "--format", "json", "--lang", "zh"],
        input=answers,
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["opening"] == "BCD-500WTPZM,2023 年 5 月 1 日买的,冰箱不制冷,需求是尽快上门"
    assert [m["fact"] for m in doc["missing"]] == ["order"]
    assert "'yesterday' is not a date" in result.stderr
    assert "回车跳过" in result.stderr


def test_prep_lists_missing_facts_when_not_a_terminal() -> None:
    result = runner.invoke(cli.app, ["prep", "-s", "high-value", "--at", AT])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert (
        "Still missing" in text
        and "Order number: Copy it from" in text
        and 'Model: "型号" on the box' in text
    )


def test_record_command_is_one_line_even_when_narrow() -> None:
    result = runner.invoke(cli.app, ["prep", "-s", "appliance", "--order", "1234567890123", "--at", AT],
                           env={"COLUMNS": "40"})  # fmt: skip
    command = (
        "  jdhotline case add --line appliance --scenario appliance --order 1234567890123 "
        "--agent 工号 --ticket 服务单号 --promise 24h"
    )
    assert command in result.stdout.splitlines()
