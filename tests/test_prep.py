from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from jdhotline.catalogue import Catalogue
from jdhotline.cli import commands as cli
from jdhotline.cli import interview
from jdhotline.i18n.messages import refusal
from jdhotline.i18n.punctuation import zh_punctuation
from jdhotline.output.script import opening
from jdhotline.prep import Facts, missing, parse_day, parse_order, to_ask

TODAY = dt.date(2026, 11, 27)

FULL_ORDER = Facts(
    order="123",
    ordered=dt.date(2026, 10, 10),
    fault="商家承诺 24 小时发货,现在超期没发",
    want="要么当天发货,要么退款并补偿 50 元运费券",
)


def test_opening_reproduces_the_guides_example() -> None:
    said = opening(FULL_ORDER, plus=False, today=TODAY, lang="zh")
    assert zh_punctuation(said or "") == (
        "10 月 10 日下单（订单号 123），商家承诺 24 小时发货，现在超期没发，"
        "需求是要么当天发货，要么退款并补偿 50 元运费券"
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
        "美的冰箱 BCD-500WTPZM，2023 年 5 月 1 日买的，不制冷"
    )
    assert opening(facts, plus=True, today=TODAY, lang="en") == (
        "PLUS member; model 美的冰箱 BCD-500WTPZM; bought on 1 May 2023; 不制冷."
    )


def test_a_comma_after_a_number_is_full_width() -> None:
    """zh_punctuation reads "500,2025" as a thousands comma: the sentence is built
    with full-width marks, whatever the fact before it ends with."""
    fridge = Facts(model="美的 BCD-500", bought=dt.date(2025, 12, 1), problem="冰箱不制冷")
    assert opening(fridge, plus=False, today=TODAY, lang="zh") == (
        "美的 BCD-500，2025 年 12 月 1 日买的，冰箱不制冷"
    )
    shop = Facts(shop="12345", ordered=dt.date(2026, 11, 20), problem="买家恶意退款")
    assert opening(shop, plus=False, today=TODAY, lang="zh") == (
        "店铺 ID 12345，11 月 20 日下单，买家恶意退款"
    )
    args = ["prep", "--merchant", "买家恶意退款", "--shop", "12345", "--order", "9876543210"]
    args += ["--ordered", "11-20", "--want", "驳回退款", "--lang", "zh"]
    sheet = runner.invoke(cli.app, [*args, "--at", "2026-11-28T10:00"]).stdout
    assert "“店铺 ID 12345，11 月 20 日下单（订单号 9876543210），买家恶意退款" in sheet
    assert "• 店铺 ID：12345\n" in sheet and "：12345" in sheet.split("已提供")[1]
    assert ",2025" not in sheet and "ID:" not in sheet


def test_opening_needs_a_problem_and_a_time_or_a_demand() -> None:
    """The guide's shape, time + problem + demand; less than that is left out."""
    assert opening(Facts(order="12345", fault="商家拒绝 7 天无理由", want="需要介入"),
                   plus=False, today=TODAY, lang="zh") == "订单号 12345，商家拒绝 7 天无理由，需求是需要介入"  # fmt: skip
    last_year = Facts(ordered=dt.date(2025, 12, 30), problem="还没发货")
    assert (
        opening(last_year, plus=False, today=TODAY, lang="zh")
        == "2025 年 12 月 30 日下单，还没发货"
    )
    for nothing_to_say in (
        Facts(),
        Facts(problem="查物流"),  # the words the scenario was found by, and nothing else
        Facts(problem="查物流", order="123"),
        Facts(order="12345", want="需要介入"),  # no problem
        Facts(fault="not cooling"),
        Facts(ordered=dt.date(2025, 12, 30)),
    ):
        assert opening(nothing_to_say, plus=False, today=TODAY, lang="zh") is None
        assert opening(nothing_to_say, plus=True, today=TODAY, lang="en") is None


def test_phone_digits_are_their_own_words() -> None:
    facts = Facts(phone="5678", ordered=dt.date(2026, 11, 20), problem="还没发货", want="今天发货")
    assert opening(facts, plus=False, today=TODAY, lang="zh") == (
        "11 月 20 日下单（收货手机尾号 5678），还没发货，需求是今天发货"
    )
    assert opening(facts, plus=False, today=TODAY, lang="en") == (
        "Ordered on 20 November (receiving phone ending 5678); 还没发货; I want 今天发货."
    )


@pytest.mark.parametrize(
    ("scenario", "facts", "expected"),
    [
        ("appliance", Facts(), ("model", "bought", "fault", "order", "want")),
        ("appliance", Facts(problem="冰箱不制冷", model="BCD-1"), ("bought", "order", "want")),
        ("order", Facts(order="1"), ("ordered", "fault", "want")),
        ("dispute", Facts(order="1", fault="x", want="y"), ()),
        ("high-value", Facts(), ("order", "model", "fault", "want")),
        ("store-violation", Facts(problem="店铺违规"), ("shop", "want")),
        ("malicious-refund", Facts(shop="S1"), ("order", "fault", "want")),
        ("dispute", Facts(phone="5678", fault="x", want="y"), ()),  # the digits stand in
    ],
)
def test_missing_facts_per_scenario(
    catalogue: Catalogue, scenario: str, facts: Facts, expected: tuple
) -> None:
    assert missing(catalogue.scenario(scenario), facts) == expected


@pytest.mark.parametrize(
    ("scenario", "facts", "expected"),
    [
        # The order date after the order number, asked or given, for a buyer's order.
        ("after-sales", Facts(), ("order", "ordered", "fault", "want")),
        ("high-value", Facts(order="1"), ("ordered", "model", "fault", "want")),
        ("dispute", Facts(order="1", fault="x", want="y"), ("ordered",)),
        ("order", Facts(), ("order", "ordered", "fault", "want")),  # needed there: once
        # Not when the date is known, a purchase date tells the time, or for a merchant.
        ("after-sales", Facts(ordered=TODAY), ("order", "fault", "want")),
        ("high-value", Facts(bought=TODAY), ("order", "model", "fault", "want")),
        ("appliance", Facts(), ("model", "bought", "fault", "order", "want")),
        ("malicious-refund", Facts(), ("shop", "order", "fault", "want")),
        ("account", Facts(), ("fault", "want")),  # no order, no order date
    ],
)
def test_the_interview_asks_the_order_date_after_the_order(
    catalogue: Catalogue, scenario: str, facts: Facts, expected: tuple
) -> None:
    assert to_ask(catalogue.scenario(scenario), facts) == expected


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
    with pytest.raises(ValueError) as caught:
        parse_order(text)
    assert re.search("is not an order number", refusal(caught.value, "en"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-10-10", dt.date(2026, 10, 10)),
        ("10-10", dt.date(2026, 10, 10)),
        ("2023-5-1", dt.date(2023, 5, 1)),
        ("11-27", dt.date(2026, 11, 27)),  # today
        ("12-25", dt.date(2025, 12, 25)),  # MM-DD: the most recent one, never a future one
        ("02-29", dt.date(2024, 2, 29)),
    ],
)
def test_dates(text: str, expected: dt.date) -> None:
    assert parse_day(text, TODAY) == expected


@pytest.mark.parametrize("text", ["2026-02-30", "13-01", "yesterday", "10/10", "2026-10"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_day(text, TODAY)
    assert re.search("is not a date", refusal(caught.value, "en"))


@pytest.mark.parametrize("text", ["2026-11-28", "2030-01-01"])
def test_future_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_day(text, TODAY)
    assert re.search("is after today", refusal(caught.value, "en"))


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
    assert doc["opening"] == "美的冰箱 BCD-500WTPZM，2023 年 5 月 1 日买的，冰箱不制冷"
    assert [m["fact"] for m in doc["missing"]] == ["order", "want"]
    assert "我的订单" in doc["missing"][0]["where"]
    assert doc["evidence"] == ["不制冷的视频"]
    assert doc["record"] == (
        "jdhotline case add --line appliance --scenario appliance --note "
        "'型号 美的冰箱 BCD-500WTPZM，购买日期 2023-05-01，问题：冰箱不制冷，证据：不制冷的视频' --lang zh"
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
    from jdhotline.cli import interview

    monkeypatch.setattr(interview, "interactive", lambda: True)
    # model, bought (a bad date, then a good one), fault given, order and phone skipped, want.
    answers = "BCD-500WTPZM\nyesterday\n2023-05-01\n\n\n尽快上门\n"
    result = runner.invoke(
        cli.app,
        ["prep", "冰箱不制冷", "--at", AT, "--format", "json", "--lang", "zh"],
        input=answers,
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["opening"] == "BCD-500WTPZM，2023 年 5 月 1 日买的，冰箱不制冷，需求是尽快上门"
    assert [m["fact"] for m in doc["missing"]] == ["order"]
    assert "“yesterday”不是日期" in result.stderr
    assert "回车跳过" in result.stderr
    asked = result.stderr.split("“yesterday”不是日期")[1].splitlines()
    assert asked[1].startswith("购买时间：") and "直接回车跳过" in asked[2]  # the question again


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
    command = "  jdhotline case add --line appliance --scenario appliance --order 1234567890123"
    assert command in result.stdout.splitlines()


# ---------------------------------------------------------------- issue 11, points 1-7


def _prep(*args: str, input: str | None = None):
    return runner.invoke(cli.app, ["prep", *args, "--at", AT], input=input)


def test_the_interview_keeps_the_problem_as_the_fault(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(interview, "interactive", lambda: True)
    # who: Enter (regular); problem: 冰箱不制冷; model; bought; order and phone skipped; want.
    answers = "\n冰箱不制冷\n美的 BCD-500WTPZM\n2023-05-01\n\n\n上门维修\n"
    result = _prep("--format", "json", "--lang", "zh", input=answers)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["scenario"] == "appliance"
    assert doc["opening"] == "美的 BCD-500WTPZM，2023 年 5 月 1 日买的，冰箱不制冷，需求是上门维修"
    assert [m["fact"] for m in doc["missing"]] == ["order"]
    assert "问题 / 故障描述" not in result.stderr  # not asked again


def test_phone_digits_at_the_prompt_are_not_an_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(interview, "interactive", lambda: True)
    # appliance: model, bought, order skipped, then the phone's last digits, want.
    answers = "BCD-1\n2023-05-01\n\n5678\n上门维修\n"
    result = _prep("冰箱不制冷", "--format", "json", "--lang", "zh", input=answers)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert (
        doc["opening"]
        == "BCD-1，2023 年 5 月 1 日买的，收货手机尾号 5678，冰箱不制冷，需求是上门维修"
    )
    assert "订单号" not in doc["opening"] and doc["missing"] == []
    assert "--order" not in doc["record"]
    note = "型号 BCD-1，购买日期 2023-05-01，问题：冰箱不制冷，需求：上门维修，收货手机尾号 5678"
    assert f"--note '{note}'" in doc["record"]
    assert "报尾号请先回车" in result.stderr  # the order prompt says how to give the digits


def test_phone_flag() -> None:
    args = ("-s", "order", "--phone", "5678", "--ordered", "11-20", "--fault", "还没发货",
            "--want", "今天发货", "--format", "json", "--lang", "en")  # fmt: skip
    doc = json.loads(_prep(*args).stdout)
    assert (
        doc["opening"]
        == "Ordered on 20 November (receiving phone ending 5678); 还没发货; I want 今天发货."
    )
    assert (
        "--order" not in doc["record"]
        and "--note 'ordered 2026-11-20; problem: 还没发货; want: 今天发货; "
        "receiving phone ending 5678'"
        in doc["record"]
    )
    bad = _prep("-s", "order", "--phone", "15612345678")
    assert bad.exit_code == 2
    assert (
        bad.stderr
        == "jdhotline: --phone: '15612345678' is not the last 4 digits of a phone number (e.g. 5678)\n"
    )


def test_the_merchant_sheet_is_a_merchants() -> None:
    doc = json.loads(_prep("--merchant", "-s", "malicious-refund", "--format", "json").stdout)
    missing = {m["fact"]: m for m in doc["missing"]}
    assert list(missing) == ["shop", "order", "fault", "want"]
    assert missing["shop"]["name"] == "Shop ID" and "shop ID" in missing["shop"]["where"]
    where = " ".join(m["where"] for m in doc["missing"])
    for buyers_words in ("我的订单", "not cooling", "7-day"):
        assert buyers_words not in where
    shop = _prep("--merchant", "-s", "malicious-refund", "--shop", "S1024", "--order", "999",
                 "--fault", "买家恶意退款", "--want", "驳回退款", "--format", "json", "--lang", "zh")  # fmt: skip
    doc = json.loads(shop.stdout)
    assert doc["opening"] == "店铺 ID S1024，订单号 999，买家恶意退款，需求是驳回退款"
    assert "--note '问题：买家恶意退款，需求：驳回退款，店铺 ID S1024'" in doc["record"]


def test_merchant_opening_and_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = json.loads(_prep("--merchant", "-s", "store-violation", "--shop", "S1024", "--fault",
                           "店铺被判违规", "--want", "撤销处罚", "--format", "json", "--lang", "zh").stdout)  # fmt: skip
    assert doc["opening"] == "店铺 ID S1024，店铺被判违规，需求是撤销处罚"
    monkeypatch.setattr(interview, "interactive", lambda: True)
    result = _prep("--merchant", "--lang", "zh", input="买家恶意退款\nS1024\n\n\n\n")
    assert result.exit_code == 0, result.output
    assert "例如“买家恶意退款”" in result.stderr and "冰箱不制冷" not in result.stderr
    assert "店铺 ID：在线咨询需登录主账号，并提供店铺 ID" in result.stderr
    assert "订单号：涉事订单的订单号" in result.stderr and "我的订单" not in result.stderr


def test_dates_after_at_are_refused_and_month_day_is_the_latest() -> None:
    doc = json.loads(_prep("-s", "order", "--ordered", "12-25", "--fault", "没发货",
                           "--want", "发货", "--format", "json", "--lang", "en").stdout)  # fmt: skip
    assert doc["opening"].startswith("Ordered on 25 December 2025")
    for flag, value in (("--bought", "2030-01-01"), ("--ordered", "2026-11-28")):
        result = _prep("-s", "appliance", flag, value)
        assert result.exit_code == 2
        assert result.stderr == (
            f"jdhotline: {flag}: '{value}' is after today (2026-11-27); give a past date\n"
        )


def test_the_guides_steps_are_on_the_sheet() -> None:
    refund = _prep("商家拒绝退款", "--format", "markdown", "--lang", "zh").stdout
    assert "### 通话中" in refund and "先在 APP 订单“售后→申请人工介入”" in refund
    tracking = _prep("查物流", "--format", "markdown", "--lang", "zh").stdout
    assert "### 提示" in tracking and "京东客服助手" in tracking
    assert "按 1“订单咨询”" in tracking


def test_no_opening_when_there_is_nothing_to_say() -> None:
    doc = json.loads(_prep("查物流", "--format", "json", "--lang", "zh").stdout)
    assert doc["opening"] is None
    text = _prep("查物流", "--lang", "zh", "--format", "markdown").stdout
    assert "“查物流”" not in text and "时间 + 问题 + 需求" in text
    # The problem is given: the hint asks only for a date or a demand, not for --fault.
    assert "--fault" not in text and "再提供下单或购买日期" in text
    nothing = _prep("-s", "order", "--lang", "zh", "--format", "markdown").stdout
    assert "提供问题（--fault）" in nothing


def test_the_record_line_runs_as_printed_and_refuses_placeholder_words(tmp_path) -> None:
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    doc = json.loads(_prep("-s", "appliance", "--order", "123", "--format", "json").stdout)
    line = doc["record"]
    assert "<" not in line and "--agent" not in line  # issue 18: no shell trap
    # Pasted into a shell as printed, it runs and records the case.
    bin_dir = str(Path(sys.executable).parent)
    if shutil.which("bash") and shutil.which("jdhotline", path=bin_dir):
        env = {
            "PATH": bin_dir + ":/usr/bin:/bin",
            "JDHOTLINE_HOME": str(tmp_path / "shell"),  # not the runner's home below
            "LANG": "C.UTF-8",
        }
        ran = subprocess.run(
            ["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert ran.returncode == 0, ran.stderr
        assert (tmp_path / "shell" / "cases.db").exists()
    # Typed without the brackets, or quoted with them, the words are refused.
    for flag, value in (("--agent", "工号"), ("--agent", "<工号>"), ("--ticket", "服务单号"),
                        ("--promise", "<时限>"), ("--promise", "时限")):  # fmt: skip
        result = runner.invoke(cli.app, ["case", "add", "--line", "appliance", flag, value])
        assert result.exit_code == 2, (flag, value)
        assert result.stderr == (
            f"jdhotline: {flag}: {value!r} is the placeholder from the printed line; "
            "give what the agent told you, or leave the option out\n"
        )
    cases = runner.invoke(cli.app, ["case", "list", "--all", "--format", "json"])
    assert json.loads(cases.stdout) == []
    logged = runner.invoke(cli.app, ["case", "add", "--line", "appliance", "--agent", "00123"])
    assert logged.exit_code == 0
    refused = runner.invoke(cli.app, ["case", "log", "1", "--ticket", "<服务单号>"])
    assert refused.exit_code == 2 and "placeholder" in refused.stderr


@given(
    today=st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2099, 12, 31)),
    day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2000, 12, 31)),
)
def test_month_day_is_the_latest_such_date_up_to_today(today: dt.date, day: dt.date) -> None:
    found = parse_day(f"{day.month:02d}-{day.day:02d}", today)
    assert (found.month, found.day) == (day.month, day.day) and found <= today
    for year in range(found.year + 1, today.year + 1):  # none later that is still not future
        try:
            later = dt.date(year, day.month, day.day)
        except ValueError:
            continue
        assert later > today


def _record_and_store(doc: dict, at: str) -> dict:
    """Run the sheet's record line as printed, the agent's answers in place of <…>."""
    import shlex

    line = doc["record"] + " --agent 00123 --ticket 12345 --promise 24h"  # as the sheet says
    args = shlex.split(line)
    assert args[:3] == ["jdhotline", "case", "add"]
    added = runner.invoke(cli.app, [*args[1:], "--at", at, "--format", "json"])
    assert added.exit_code == 0, added.output
    shown = runner.invoke(cli.app, ["case", "show", "1", "--format", "json"])
    return json.loads(shown.stdout)


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        (
            "zh",
            "型号 美的 BCD-500WTPZM，购买日期 2023-05-01，下单日期 2023-04-28，问题：冰箱不制冷，"
            "需求：上门维修 '别周末'，证据：照片、聊天截图，收货手机尾号 5678",
        ),
        (
            "en",
            "model 美的 BCD-500WTPZM; bought 2023-05-01; ordered 2023-04-28; problem: 冰箱不制冷; "
            "want: 上门维修 '别周末'; evidence: 照片, 聊天截图; receiving phone ending 5678",
        ),
    ],
)
def test_the_record_line_keeps_every_fact_given(
    tmp_path, monkeypatch: pytest.MonkeyPatch, lang: str, note: str
) -> None:
    """A new user's model, dates, fault and demand were dropped from the record line."""
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    result = _prep("冰箱不制冷", "--model", "美的 BCD-500WTPZM", "--bought", "2023-05-01",
                   "--ordered", "2023-04-28", "--want", "上门维修\n'别周末'", "--phone", "5678",
                   "--evidence", "照片", "--evidence", "聊天截图", "--lang", lang,
                   "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert "\n" not in doc["record"]  # one line to copy
    case = _record_and_store(doc, AT)
    assert case["entries"][0]["note"] == note
    assert (case["line"], case["scenario"], case["agent"], case["ticket"]) == (
        "appliance", "appliance", "00123", "12345",
    )  # fmt: skip


def test_the_record_line_keeps_the_problem_beside_a_different_fault(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    doc = json.loads(
        _prep("洗衣机坏了", "--fault", "脱水时异响", "--order", "123", "--format", "json").stdout
    )
    case = _record_and_store(doc, AT)
    assert case["order"] == "123"
    assert case["entries"][0]["note"] == "problem: 洗衣机坏了; fault: 脱水时异响"


def test_fault_stands_in_for_the_problem_text() -> None:
    """`prep --fault 脱水时异响` said "say what went wrong" (exit 2); docs/usage/prep.md says
    --fault stands in for the problem text, so it is what is matched."""
    result = _prep("--fault", "脱水时异响", "--format", "json", "--lang", "zh")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["scenario"] == "appliance" and doc["primary"]["number"] == "400-610-1360"
    assert "--note '问题：脱水时异响'" in doc["record"]
    assert "fault" not in [m["fact"] for m in doc["missing"]]
    # A problem text, when given, is still what is matched; the fault is what is said.
    both = json.loads(_prep("查物流", "--fault", "脱水时异响", "--format", "json").stdout)
    assert both["scenario"] == "order"
    nothing = _prep("--fault", "zzzz")
    assert nothing.exit_code == 2 and "no scenario matched 'zzzz'" in nothing.stderr
    assert _prep().exit_code == 2  # neither: still "say what went wrong"


def test_a_problem_on_standard_input_is_read_once() -> None:
    """`prep -` read standard input twice, and the second read found it empty."""
    result = _prep("-", "--format", "json", input="冰箱不制冷\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["scenario"] == "appliance"


def test_prep_shows_the_facts_you_gave() -> None:
    args = [
        "prep",
        "洗衣机坏了",
        "--fault",
        "脱水时异响",
        "--model",
        "XQG100",
        "--at",
        "2026-11-27T10:00",
    ]
    zh = runner.invoke(cli.app, [*args, "--lang", "zh"]).stdout
    head = zh.split("还缺")[0]
    assert "已提供" in head and "XQG100" in head and "脱水时异响" in head
    assert head.index("开场白") < head.index("已提供")
    en = runner.invoke(cli.app, [*args, "--lang", "en", "--format", "markdown"]).stdout
    given = en.split("### You have")[1].split("###")[0]
    assert "XQG100" in given and "脱水时异响" in given
    doc = json.loads(runner.invoke(cli.app, [*args, "--format", "json"]).stdout)
    assert doc["facts"] == {"model": "XQG100", "fault": "脱水时异响"}
    bare = runner.invoke(cli.app, ["prep", "-s", "appliance", "--at", "2026-11-27T10:00"]).stdout
    assert "You have" not in bare


def test_an_opening_in_your_own_english_words_comes_without_the_how_to_hint() -> None:
    """The hint on what to add is for a sheet with no sentence, not beside one."""
    args = ("-s", "after-sales", "--ordered", "10-10", "--want", "a refund")
    english = _prep(*args, "--fault", "the shirt does not fit").stdout
    assert "• “Ordered on 10 October; the shirt does not fit; I want a refund.”\n" in english
    # The Chinese is beside it, built from the scenario, not from English words (issue 18).
    assert "time + problem + demand" not in english
    assert "In Chinese: “10 月 10 日下单，基础售后：XX，需求是 XX”" in english
    chinese = _prep(*args, "--fault", "the shirt does not fit", "--lang", "zh").stdout
    assert "• “10 月 10 日下单，基础售后：XX，需求是 XX”\n" in chinese
    assert "开场白按" not in chinese
    mixed = _prep(*args, "--fault", "衬衫不合身").stdout  # no Chinese sentence to give instead
    assert "• “Ordered on 10 October; 衬衫不合身; I want a refund.”\n" in mixed
    assert "time + problem + demand" not in mixed
    assert "time + problem + demand" in _prep("-s", "after-sales", "--fault", "衬衫不合身").stdout


def test_before_you_hang_up_says_each_thing_once() -> None:
    """The catalogue's lines ask for the ID, the ticket and the deadline: no summary
    line above them saying it again (it started lowercase, too)."""
    sheet = runner.invoke(cli.app, ["prep", "冰箱不制冷", "--at", AT]).stdout
    note = sheet.split("Before you hang up, note\n")[1].split("\n\n")[0]
    bullets = note.split("• ")[1:]
    assert bullets[0].startswith("If the agent says") and sum("工号" in b for b in bullets) == 1
    assert all(b[0].isupper() for b in bullets)
    zh = runner.invoke(cli.app, ["prep", "冰箱不制冷", "--at", AT, "--lang", "zh"]).stdout
    assert "客服工号、服务单号和承诺的时限" not in zh and "问清工号" in zh


def test_a_sentence_after_a_colon_is_not_capitalised() -> None:
    args = ["which", "--plus", "冰箱不制冷", "--full", "--at", AT]
    text = " ".join(runner.invoke(cli.app, args).stdout.split())
    assert "PLUS members should call it first too. It sends the local" in text
    assert ": It " not in text
