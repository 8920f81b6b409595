from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from jdhotline.catalogue import USERS as USER_TYPES
from jdhotline.catalogue import Catalogue
from jdhotline.cli import commands as cli
from jdhotline.rules import NoLineError, Recommendation, recommend

from .calendars import pin_official
from .conftest import bj, build, dump_yaml, line_data

BUYER = ["order", "after-sales", "dispute", "account", "membership", "high-value"]
MERCHANT = ["store-violation", "campaign", "malicious-refund", "merchant-login"]
NOON = "2026-11-27 12:00"  # a Friday: every line open

# (user, scenario) -> (primary, alternatives, menu key): the guide's routing.
EXPECTED: dict[tuple[str, str], tuple[str, list[str], str | None]] = {}
for s in BUYER:
    key = {"order": "1", "after-sales": "2", "dispute": "2", "high-value": "2"}.get(s)
    EXPECTED["regular", s] = ("regular", [], key)
    EXPECTED["merchant", s] = ("regular", [], key)
    EXPECTED["plus", s] = ("plus", ["regular"], None)
for user in USER_TYPES:
    for s in MERCHANT:
        EXPECTED[user, s] = ("merchant", [], None)
EXPECTED["regular", "appliance"] = ("appliance", ["regular"], None)
EXPECTED["merchant", "appliance"] = ("appliance", ["regular"], None)
EXPECTED["plus", "appliance"] = ("appliance", ["plus", "regular"], None)


def rec(catalogue: Catalogue, user: str, scenario: str, moment: str = NOON, **kw) -> Recommendation:
    return recommend(catalogue, user, catalogue.scenario(scenario), bj(moment), **kw)


def codes(notices) -> list[str]:
    return [n.code for n in notices]


def test_every_user_and_scenario_is_covered(catalogue: Catalogue) -> None:
    assert set(EXPECTED) == {(u, s.id) for u in USER_TYPES for s in catalogue.scenarios}


@pytest.mark.parametrize(("user", "scenario"), sorted(EXPECTED))
def test_routing(catalogue: Catalogue, user: str, scenario: str) -> None:
    primary, alternatives, key = EXPECTED[user, scenario]
    r = rec(catalogue, user, scenario)
    assert r.primary.line.id == primary
    assert [a.line.id for a in r.alternatives] == alternatives
    assert (r.menu_key.key if r.menu_key else None) == key
    assert r.checklist == catalogue.scenario(scenario).prepare
    buyer_question = user == "merchant" and scenario not in MERCHANT
    assert ("buyer-question" in codes(r.notes)) == buyer_question
    assert ("merchant-line" in codes(r.warnings)) == (user != "merchant" and scenario in MERCHANT)


def test_plus_member_with_appliance(catalogue: Catalogue) -> None:
    r = rec(catalogue, "plus", "appliance")
    assert codes(r.reasons) == ["serves", "specialist"]
    assert "plus-expedite" in codes(r.notes)
    assert "caution" in codes(r.warnings)  # never an unofficial repairer
    assert "plus-members-only" not in codes(r.warnings)


def test_plus_line_warning_for_non_members(catalogue: Catalogue) -> None:
    for scenario in ("dispute", "high-value", "membership"):
        assert "plus-members-only" in codes(rec(catalogue, "regular", scenario).warnings)
    for scenario in ("order", "after-sales", "account"):
        assert "plus-members-only" not in codes(rec(catalogue, "regular", scenario).warnings)
    assert "plus-members-only" not in codes(rec(catalogue, "plus", "dispute").warnings)


def test_plus_member_reasons(catalogue: Catalogue) -> None:
    assert codes(rec(catalogue, "plus", "dispute").reasons) == ["serves", "members-line"]
    assert codes(rec(catalogue, "plus", "order").reasons) == ["general-line", "members-line"]


def test_evening_peak(catalogue: Catalogue) -> None:
    assert "peak" in codes(rec(catalogue, "regular", "order", "2026-11-27 20:00").warnings)
    assert "peak" not in codes(rec(catalogue, "regular", "order", "2026-11-27 23:00").warnings)
    assert "peak" not in codes(rec(catalogue, "plus", "order", "2026-11-27 20:00").warnings)


def test_closed_primary_names_the_open_alternative(catalogue: Catalogue) -> None:
    r = rec(catalogue, "regular", "appliance", "2026-11-27 22:00")
    closed = [n for n in r.warnings if n.code == "primary-closed"]
    assert len(closed) == 1 and closed[0].other is not None and closed[0].other.id == "regular"
    r = rec(catalogue, "plus", "appliance", "2026-11-27 22:00")
    assert next(n for n in r.warnings if n.code == "primary-closed").other.id == "plus"  # type: ignore[union-attr]
    r = rec(catalogue, "merchant", "campaign", "2026-11-28 10:00")
    closed = [n for n in r.warnings if n.code == "primary-closed"]
    assert len(closed) == 1 and closed[0].other is None
    assert "primary-closed" not in codes(rec(catalogue, "regular", "appliance").warnings)


@pytest.mark.calendar
def test_unverified_calendar_is_a_warning(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_official(monkeypatch)  # 2026 is the last year announced
    r = rec(catalogue, "merchant", "campaign", "2027-03-01 10:00")
    calendar = [(n.code, n.years) for n in r.warnings if n.code.startswith("calendar-")]
    assert calendar == [("calendar-statutory", (2027,)), ("calendar-upgrade", (2027,))]
    r = rec(catalogue, "merchant", "campaign", "2040-03-01 10:00")  # past the statutory data
    calendar = [(n.code, n.years) for n in r.warnings if n.code.startswith("calendar-")]
    assert calendar == [("calendar-guessed", (2040,))]  # no release can cover 2040 yet
    assert not any(
        c.startswith("calendar-") for c in codes(rec(catalogue, "merchant", "campaign").warnings)
    )


def test_simple_question_note(catalogue: Catalogue) -> None:
    assert "assistant" in codes(rec(catalogue, "regular", "order", simple=True).notes)
    assert "assistant" not in codes(rec(catalogue, "regular", "order").notes)


def test_no_line_is_a_documented_refusal(data) -> None:
    # A catalogue whose only line for "membership" is for PLUS members.
    line_data(data, "regular")["scenarios"].remove("membership")
    line_data(data, "regular")["extends"].remove("membership")
    line_data(data, "regular")["general"] = False
    catalogue = build(data)
    with pytest.raises(NoLineError):
        recommend(catalogue, "regular", catalogue.scenario("membership"), bj(NOON))
    assert (
        recommend(catalogue, "plus", catalogue.scenario("membership"), bj(NOON)).primary.line.id
        == "plus"
    )


def test_no_line_through_the_cli_is_exit_3_in_either_language(data, tmp_path) -> None:

    line_data(data, "regular")["scenarios"].remove("membership")
    line_data(data, "regular")["extends"].remove("membership")
    line_data(data, "regular")["general"] = False
    path = tmp_path / "mine.yaml"
    path.write_text(dump_yaml(data, sort_keys=True), encoding="utf-8")
    args = ["which", "-s", "membership", "--catalog", str(path), "--at", "2026-11-27T10:00"]
    en = runner.invoke(cli.app, [*args, "--lang", "en"])
    assert en.exit_code == 3
    assert "no line in the catalogue serves 'membership' (Regular buyer)" in en.stderr
    zh = runner.invoke(cli.app, [*args, "--lang", "zh"])
    assert zh.exit_code == 3
    assert "热线数据文件里没有为普通买家处理“membership”的热线" in zh.stderr


# ---------------------------------------------------------------- issue 11, points 12-16

runner = CliRunner()

BUYERS_ONLY = ("售后”中查进度", "上级维权专员", "家电售后主管")


def _md(*args: str) -> str:
    result = runner.invoke(cli.app, [*args, "--format", "markdown", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("flags", "scenario", "present", "absent"),
    [
        ((), "dispute", ("上级维权专员", "售后”中查进度", "不是 PLUS 会员"),
         ("家电售后主管", "PLUS 专属维权组")),
        ((), "appliance", ("家电售后主管",), ("上级维权专员", "PLUS 专属维权组")),
        (("--plus",), "dispute", ("上级维权专员", "PLUS 专属维权组"),
         ("家电售后主管", "不是 PLUS 会员")),
        (("--plus",), "appliance", ("家电售后主管", "PLUS 专属维权组"), ("上级维权专员",)),
        (("--merchant",), "malicious-refund", ("问清工号",),
         (*BUYERS_ONLY, "PLUS 专属维权组", "不是 PLUS 会员")),
        (("--merchant",), "dispute", ("问清工号",), ("PLUS 专属维权组", "不是 PLUS 会员")),
    ],
)  # fmt: skip
def test_advice_only_for_the_callers_and_scenarios_it_is_for(
    flags: tuple[str, ...], scenario: str, present: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    for command in ("which", "prep"):
        text = _md(command, *flags, "-s", scenario, "--at", "2026-11-27T12:00")
        for words in present:
            assert words in text, (command, flags, scenario, words)
        for words in absent:
            assert words not in text, (command, flags, scenario, words)


def test_advice_per_user_type_in_the_rules(catalogue: Catalogue) -> None:
    for scenario in catalogue.scenarios:
        for user in ("regular", "plus", "merchant"):
            if user != "merchant" and scenario.audience == "merchants":
                continue
            advice = " ".join(t.zh for t in rec(catalogue, user, scenario.id).on_the_call)
            assert "问清工号" in advice
            assert ("PLUS 专属维权组" in advice) == (user == "plus"), (user, scenario.id)
            assert ("家电售后主管" in advice) == (
                user != "merchant" and scenario.id == "appliance"
            ), (user, scenario.id)
            assert ("售后”中查进度" in advice) == (user != "merchant"), (user, scenario.id)


def test_merchant_line_closed_says_the_open_lines_are_not_for_it() -> None:
    args = ("which", "--merchant", "买家恶意退款", "--at", "2026-10-01T10:00")
    zh = " ".join(_md(*args).split())
    assert (
        "400-622-9068 现在不开放。950618、400-656-0055、400-610-1360 虽然开着，但不处理这个问题；"
        "可以先用在线入口：京麦工作台“客服中心”，需登录主账号，提供店铺 ID。"
    ) in zh
    assert "也没有其他热线开放" not in zh
    en = runner.invoke(cli.app, [*args, "--format", "json", "--lang", "en"]).stdout
    warning = next(w for w in json.loads(en)["warnings"] if "closed now" in w)
    assert warning == (
        "400-622-9068 is closed now. 950618, 400-656-0055, 400-610-1360 are open, but they are "
        'not the lines for this question; use 京麦工作台 (JD merchant workbench) "客服中心"; '
        "log in with the main account and give the shop ID."
    )
    assert "online: " not in warning


@pytest.mark.parametrize(
    ("problem", "at"), [("查物流", "2026-11-27T00:30"), ("账号登不上", "2026-11-27T03:00")]
)
def test_after_midnight_is_still_after_23_00(problem: str, at: str) -> None:
    doc = json.loads(
        runner.invoke(cli.app, ["which", problem, "--at", at, "--format", "json"]).stdout
    )
    assert doc["primary"]["best_time"] == {"start": at + "+08:00", "end": "2026-11-27T09:00+08:00"}
    text = runner.invoke(cli.app, ["which", problem, "--at", at]).stdout
    assert "Best time  now, until 09:00" in text


def test_in_the_peak_the_peak_not_the_wait() -> None:
    at = ("--at", "2026-11-27T20:30")
    zh = _md("which", "查物流", *at)
    assert "- **接通效率：** 现在是高峰时段（20:00–23:00），见下方注意" in zh
    assert "3–5 分钟" not in zh and "平均等待" not in zh
    assert "晚 8 点拨打曾等待 25 分钟仍未接通" in zh
    plus = _md("which", "--plus", "会员权益", *at)  # 950618 as an alternative, in its peak
    assert "950618** 普通用户热线 · 24 小时可拨打 · 现在是高峰时段（20:00–23:00）" in plus
    assert "接通效率 1–2 分钟（攻略数据）" in plus  # outside any peak: the guide's figure
    doc = json.loads(runner.invoke(cli.app, ["which", "查物流", *at, "--format", "json"]).stdout)
    assert doc["primary"]["peak"] == {"start": "20:00", "end": "23:00"}
    noon = json.loads(
        runner.invoke(cli.app, ["which", "查物流", "--at", "2026-11-27T12:00", "-f", "json"]).stdout
    )
    assert noon["primary"]["peak"] is None
    assert "- **接通效率：** 3–5 分钟" in _md("which", "查物流", "--at", "2026-11-27T12:00")


def test_where_jdhotline_extends_the_guides_table_it_says_so() -> None:
    table = _md("table", "--at", "2026-11-27T12:00")
    assert (
        "会员权益咨询（本工具补充）" in table and "高客单价售后 / 数码故障（本工具补充）" in table
    )
    assert (
        "账户登录异常（本工具补充）" not in table
        and "订单咨询（查物流 / 改地址 / 催发货）、" in table
    )
    doc = json.loads(runner.invoke(cli.app, ["table", "--format", "json"]).stdout)
    assert [row["extends"] for row in doc] == [
        ["membership", "high-value"],
        [],
        [],
        ["merchant-login"],
    ]
    assert [row["extends_audience"] for row in doc] == [True, False, False, False]
    assert "| 950618 | 普通用户热线 | 可拨打 | 所有买家（本工具补充） |" in table
    assert "| 400-610-1360 | 家电维修专线 | 可拨打 | 所有买家 |" in table  # the guide's own words
    which = _md("which", "-s", "membership", "--at", "2026-11-27T12:00")
    assert "攻略的热线表没有为这条线列出“会员权益咨询”；推荐这条线是本工具的补充。" in which
    guide = _md("which", "-s", "account", "--at", "2026-11-27T12:00")
    assert "本工具的补充" not in guide
