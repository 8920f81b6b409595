"""Free text to scenario and line: the matcher and issue 9's examples; the tables of
sentences are data (tests/data/match/*.yaml). The matcher's catalogue syntax is pinned in
test_match_syntax.py, its accuracy on the corpus in test_accuracy.py."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from typer.testing import CliRunner

from jdhotline.catalogue import Catalogue
from jdhotline.cli import commands as cli
from jdhotline.cli import interview
from jdhotline.match import best, rank
from jdhotline.rules import advise

from .conftest import LOADER, read_yaml

AT = "2026-11-27T10:00"  # a Friday morning, Beijing time: every line open
runner = CliRunner()


def which(*args: str) -> dict[str, Any]:
    result = runner.invoke(cli.app, ["which", "--at", AT, "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def scenario_of(catalogue: Catalogue, text: str, user: str = "regular") -> str | None:
    match = best(catalogue, text, user)
    return match.scenario.id if match else None


# ---------------------------------------------------------------- issue 9, "What goes wrong"


@pytest.mark.parametrize(
    ("text", "scenario"),
    [
        ("我申请了仅退款,商家不同意", "dispute"),
        ("双十一活动优惠没有生效", "order"),
        ("店铺客服不理我", "dispute"),
        ("I got a discount code from an event but it does not work", "order"),
    ],
)
def test_buyers_are_not_sent_to_the_merchant_line(text: str, scenario: str) -> None:
    doc = which("--", text)
    assert doc["scenario"] == scenario
    assert doc["primary"]["number"] == "950618"
    assert not any("400-622-9068" in w for w in doc["warnings"])
    assert not any("店铺 ID" in item or "shop ID" in item for item in doc["checklist"])


def test_a_seller_refusing_a_refund_is_key_2_and_intervention() -> None:
    doc = which("--", "我申请了仅退款,商家不同意")
    assert doc["primary"]["ivr"]["key"] == "2"
    assert "商家不同意" in doc["matched"]


def test_delivery_to_the_door_is_not_a_technician_visit(catalogue: Catalogue) -> None:
    match = best(catalogue, "快递不送货上门")
    assert match is not None and "送货上门" in match.words and "上门" not in match.words


@pytest.mark.parametrize(
    "text", ["退回来的是空盒子", "职业索赔", "仅退款不退货", "buyer swapped the product"]
)
def test_merchants_in_their_own_words(text: str) -> None:
    doc = which("--merchant", "--", text)
    assert doc["scenario"] == "malicious-refund"
    assert doc["primary"]["number"] == "400-622-9068"


@pytest.mark.parametrize("text", ["退回来的是空盒子", "职业索赔", "buyer swapped the product"])
def test_merchants_are_recognised_without_the_flag(text: str) -> None:
    assert which("--", text)["scenario"] == "malicious-refund"


@pytest.mark.parametrize(
    ("text", "scenario"),
    [
        ("PLUS年卡能退吗", "membership"),
        ("京豆没到账", "membership"),
        ("plus 免运费券没了", "membership"),
        ("两万多的 MacBook", "high-value"),
        ("30k gold jewelry", "high-value"),
        ("12000 RMB drone", "high-value"),
    ],
)
def test_everyday_words(text: str, scenario: str) -> None:
    doc = which("--", text)
    assert doc["scenario"] == scenario
    if scenario == "high-value":
        assert doc["primary"]["ivr"]["key"] == "2"


@pytest.mark.parametrize(
    ("text", "not_scenario"),
    [
        ("eventually it worked out", "campaign"),
        ("I paid in installments", "appliance"),
        ("the photos are stored online", "store-violation"),
    ],
)
def test_english_matches_whole_words(catalogue: Catalogue, text: str, not_scenario: str) -> None:
    assert not_scenario not in {m.scenario.id for m in rank(catalogue, text)}


def test_ties_go_by_evidence_not_catalogue_order() -> None:
    doc = which("--", "买的冰箱还没送到,物流到哪了")
    assert (doc["scenario"], doc["primary"]["number"], doc["primary"]["ivr"]["key"]) == (
        "order",
        "950618",
        "1",
    )


def test_negation_removes_evidence(catalogue: Catalogue) -> None:
    doc = which("--", "不是家电问题,是快递一直没到")
    assert (doc["scenario"], doc["primary"]["number"]) == ("order", "950618")
    assert "appliance" not in {c["scenario"] for c in doc["candidates"]}
    assert scenario_of(catalogue, "家电问题") == "appliance"  # without the negation it counts


def test_a_merchants_refund_is_a_merchant_question() -> None:
    doc = which("--merchant", "--", "退款")
    assert doc["scenario"] == "malicious-refund"
    assert doc["primary"]["number"] == "400-622-9068"


def test_a_buyers_refusal_is_a_dispute_on_950618() -> None:
    doc = which("--", "商家不退款")
    assert (doc["scenario"], doc["primary"]["number"]) == ("dispute", "950618")


def test_high_value_on_950618_is_key_2() -> None:
    doc = which("--", "手机坏了")
    assert doc["scenario"] == "high-value"
    assert doc["primary"]["ivr"]["key"] == "2" and doc["primary"]["ivr"]["label"] == "after-sales"


@pytest.mark.parametrize(
    "text",
    ["电视黑屏", "万元电视故障 屏幕黑屏", "expensive TV black screen", "卡萨帝冰箱一万八 不制冷"],
)
def test_plus_high_value_appliance_goes_to_the_plus_line_appliance_line_next(text: str) -> None:
    doc = which("--plus", "--", text)
    assert doc["scenario"] == "high-value"
    assert doc["primary"]["number"] == "400-656-0055"
    assert doc["alternatives"][0]["number"] == "400-610-1360"
    assert doc["confident"] is True


def test_plus_high_value_appliance_says_the_guides_sentence() -> None:
    result = runner.invoke(
        cli.app, ["which", "--plus", "--at", AT, "--lang", "zh", "--", "电视黑屏"]
    )
    assert result.exit_code == 0
    assert "PLUS 会员\uff0c电视型号 XX" in result.stdout


@pytest.mark.parametrize("text", ["电视黑屏", "冰箱不制冷"])
def test_appliances_without_plus_go_to_the_appliance_line(text: str) -> None:
    assert which("--", text)["primary"]["number"] == "400-610-1360"


def test_plus_appliance_without_high_value_stays_on_the_appliance_line() -> None:
    doc = which("--plus", "--", "冰箱不制冷")
    assert (doc["scenario"], doc["primary"]["number"]) == ("appliance", "400-610-1360")


# ---------------------------------------------------------------- say when unsure


def test_candidates_best_first_with_lines_and_scores() -> None:
    doc = which("--", "冰箱 退货")  # 冰箱 (appliance) and 退货 (after-sales) weigh the same
    assert [c["scenario"] for c in doc["candidates"]][:2] == ["appliance", "after-sales"]
    assert [c["line"] for c in doc["candidates"]][:2] == ["400-610-1360", "950618"]
    assert doc["candidates"][0]["score"] == doc["candidates"][1]["score"] == 3.0
    assert doc["confident"] is False
    assert any("950618" in w and "after-sales" in w.lower() for w in doc["warnings"])


def test_a_clear_answer_is_confident() -> None:
    doc = which("--", "冰箱不制冷")
    assert doc["confident"] is True and not any("Not sure" in w for w in doc["warnings"])


def test_in_a_terminal_an_unsure_answer_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(interview, "interactive", lambda: True)
    result = runner.invoke(
        cli.app, ["which", "--at", AT, "--format", "json", "--", "冰箱 退货"], input="2\n"
    )
    assert result.exit_code == 0, result.output
    assert "Not sure which this is" in result.stderr
    assert "400-610-1360" in result.stderr and "950618" in result.stderr
    assert json.loads(result.stdout)["scenario"] == "after-sales"
    assert "Choose 1 or 2 [1]: " in result.stderr  # Enter picks the first: it says so
    zh = runner.invoke(
        cli.app,
        ["which", "--at", AT, "-f", "json", "--lang", "zh", "--", "冰箱 退货"],
        input="x\n\n",
    )
    assert (
        "输入 1 或 2，直接回车选 1：" in zh.stderr and "请输入 1 或 2，直接回车选 1。" in zh.stderr
    )
    assert json.loads(zh.stdout)["scenario"] != "after-sales"  # Enter: the first


def test_nothing_matched_still_exits_2() -> None:
    result = runner.invoke(cli.app, ["which", "--at", AT, "--", "红烧肉怎么做"])
    assert result.exit_code == 2


# ---------------------------------------------------------------- the matcher's rules


def test_a_keyword_inside_a_longer_one_counts_once(catalogue: Catalogue) -> None:
    match = best(catalogue, "冰箱不制冷")
    assert match is not None and match.words == ("冰箱", "不制冷")


def test_repeating_a_word_does_not_add_evidence(catalogue: Catalogue) -> None:
    once, thrice = best(catalogue, "退货"), best(catalogue, "退货退货退货")
    assert once is not None and thrice is not None and once.score == thrice.score


def test_weights_decide(catalogue: Catalogue) -> None:
    # 假货 (a strong dispute cue) outweighs 退款 (an ordinary after-sales one).
    assert scenario_of(catalogue, "收到假货 退款") == "dispute"
    assert scenario_of(catalogue, "退款") == "after-sales"


@pytest.mark.parametrize("word", ["refuse", "refuses", "refused", "refusing"])
def test_english_forms(catalogue: Catalogue, word: str) -> None:
    assert scenario_of(catalogue, f"the seller {word} to help") == "dispute"


@pytest.mark.parametrize(
    "amount",
    ["两万多", "一万八", "1.2万", "3w", "12000元", "¥15,999", "￥20000", "30k", "25,000 yuan"],
)
def test_amounts_of_ten_thousand_yuan_are_high_value(catalogue: Catalogue, amount: str) -> None:
    match = best(catalogue, f"{amount}买的相机坏了")
    assert match is not None and match.scenario.id == "high-value"
    assert any(amount.lower().replace("￥", "¥")[:2] in w for w in match.words)


@pytest.mark.parametrize("amount", ["200元", "5k steps", "1.5k"])
def test_small_amounts_are_not(catalogue: Catalogue, amount: str) -> None:
    assert all(m.scenario.id != "high-value" for m in rank(catalogue, amount))


def test_other_platforms_are_not_ours(catalogue: Catalogue) -> None:
    assert rank(catalogue, "淘宝的退款怎么催") == []
    assert rank(catalogue, "how to get a refund on Taobao") == []
    assert scenario_of(catalogue, "京东比淘宝贵,申请价保") == "order"  # JD named: ours


def test_latin_words_in_the_chinese_list_are_whole_words(catalogue: Catalogue) -> None:
    assert "account" not in {m.scenario.id for m in rank(catalogue, "buyer swapped it")}  # app


def test_a_refused_refund_is_a_dispute_however_many_refund_words(catalogue: Catalogue) -> None:
    match = best(catalogue, "退货退回去了商家说东西坏了不给退钱")
    assert match is not None and match.scenario.id == "dispute"
    assert match.absorbed == ("after-sales",) and "不给退" in match.words
    assert scenario_of(catalogue, "商家发错货了") == "after-sales"  # no refusal: nothing taken


def test_the_user_type_is_evidence(catalogue: Catalogue) -> None:
    assert scenario_of(catalogue, "退款", "merchant") == "malicious-refund"
    assert scenario_of(catalogue, "退款", "regular") == "after-sales"
    assert scenario_of(catalogue, "恶意退款", "regular") == "dispute"
    # 活动报名 is a seller's words whoever types them (a buyer signs up for no campaign),
    # so the pin is a buyer's 活动优惠, which a merchant asks about as a campaign.
    assert scenario_of(catalogue, "大促活动优惠", "regular") == "order"
    assert scenario_of(catalogue, "大促活动优惠", "merchant") == "campaign"
    assert scenario_of(catalogue, "大促活动报名", "regular") == "campaign"


def test_a_merchant_with_a_buyers_question_still_gets_an_answer(catalogue: Catalogue) -> None:
    # Issue 18: a merchant's 账号登不上 is the back office's (merchant-login); a merchant
    # buying (我在京东买的) asks a buyer's question.
    assert scenario_of(catalogue, "我在京东买的账号登不上", "merchant") == "account"
    assert scenario_of(catalogue, "账号登不上", "merchant") == "merchant-login"


@pytest.mark.parametrize("text", ["", "   ", "hello there", "😀", "\x00\x1b[31m", "的", "how"])
def test_no_match(catalogue: Catalogue, text: str) -> None:
    assert best(catalogue, text) is None


# ---------------------------------------------------------------- sentences as data

# The tables of sentences live in tests/data/match/*.yaml, one case a line, each file saying
# what it pins and whence; no held-out text belongs there (tests/test_accuracy.py checks).
CASES = Path(__file__).resolve().parent / "data" / "match"
KEYS = {"user", "text", "scenario", "line", "number", "warn"}
NOON = dt.datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))  # AT


def _cases() -> list[Any]:
    """Every case of every file, named by its file and line (a failure says where)."""
    cases = []
    for path in sorted(CASES.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        lines = [node.start_mark.line + 1 for node in yaml.compose(text, Loader=LOADER).value]
        for line, case in zip(lines, read_yaml(text), strict=True):
            where = f"tests/data/match/{path.name}:{line}"
            cases.append(pytest.param(case, where, id=f"{path.name}:{line}"))
    return cases


@pytest.mark.parametrize(("case", "where"), _cases())
def test_a_sentence_reaches_its_scenario(
    catalogue: Catalogue, case: dict[str, Any], where: str
) -> None:
    """With `number`: `which` (--plus, --merchant by `user`) answers `scenario` on that line
    for that user, and a warning names `warn` if given. With `line`: rules.advise gives
    `scenario` and `line`. Else: best() gives `scenario` (null: nothing matched)."""
    assert set(case) <= KEYS and {"text", "scenario"} <= set(case), where
    user, text = case.get("user", "regular"), case["text"]
    if "number" in case:
        flags = {"plus": ["--plus"], "merchant": ["--merchant"]}.get(user, [])
        doc = which(*flags, "--", text)
        got = (doc["scenario"], doc["primary"]["number"], doc["user"])
        assert got == (case["scenario"], case["number"], user), f"{where}: {text}"
        if "warn" in case:
            assert any(case["warn"] in w for w in doc["warnings"]), f"{where}: {doc['warnings']}"
    elif "line" in case:
        rec = advise(catalogue, user, text, NOON)
        got = (rec.scenario.id, rec.primary.line.id) if rec else (None, None)
        assert got == (case["scenario"], case["line"]), f"{where}: {text}"
    else:
        assert scenario_of(catalogue, text, user) == case["scenario"], f"{where}: {text}"


def test_every_file_of_cases_is_read() -> None:
    """A file that does not parse, or has no cases, is no silent pass."""
    files = sorted(CASES.glob("*.yaml"))
    assert len(files) >= 10
    for path in files:
        assert read_yaml(path.read_bytes()), path


def test_the_phone_as_the_medium_counts_for_almost_nothing(catalogue: Catalogue) -> None:
    assert scenario_of(catalogue, "用手机下的单 地址写错了能改吗") == "order"
    assert scenario_of(catalogue, "新买的手机屏幕坏了") == "high-value"


# A buyer's complaint about a shop stays a dispute on 950618 (a shop's penalty or an
# event's sign-up, typed without --merchant, is the merchant line's: sellers_words.yaml).
@pytest.mark.parametrize(
    "text",
    ["这家店铺违规卖假货", "我想举报店铺违规", "投诉商家虚假发货,一直没收到货",
     "this store sells fakes, report a violation"],
)  # fmt: skip
def test_a_buyers_complaint_about_a_shop_stays_a_dispute(text: str) -> None:
    doc = which("--", text)
    assert doc["primary"]["number"] == "950618"
    assert doc["scenario"] in {"dispute", "order"}


# A question about reaching customer service, in any words, is answered with the four
# lines: a human, nobody answering, a line that will not connect, a hotline's number.
@pytest.mark.parametrize(
    "asked",
    ["how do I get a human", "打了半天电话没人接", "950618打不通", "400-622-9068 一直占线",
     "电话打不进去", "can't reach a real person", "I want to talk to a person"],
)  # fmt: skip
def test_reaching_customer_service_in_other_words(asked: str) -> None:
    result = runner.invoke(cli.app, ["which", "--at", AT, "--", asked])
    assert result.exit_code == 0, result.output
    for number in ("950618", "400-656-0055", "400-610-1360", "400-622-9068"):
        assert number in result.stdout


@pytest.mark.parametrize("asked", ["京东客服招人吗", "人工智能是什么"])
def test_a_job_or_a_word_is_still_refused(asked: str) -> None:
    assert runner.invoke(cli.app, ["which", "--at", AT, "--", asked]).exit_code == 2


# -s with words, not an id: the scenario the matcher gives them, else the closest id.
@pytest.mark.parametrize(
    ("value", "lang", "said"),
    [("fridge", "en", "did you mean 'appliance'?"), ("冰箱", "zh", "是不是“appliance”"),
     ("退款没到", "zh", "是不是“after-sales”"), ("refund", "en", "did you mean 'after-sales'?"),
     ("oder", "en", "did you mean 'order'?"), ("applience", "zh", "是不是“appliance”")],
)  # fmt: skip
def test_an_unknown_scenario_suggests_what_its_words_mean(value: str, lang: str, said: str) -> None:
    result = runner.invoke(cli.app, ["which", "-s", value, "--lang", lang, "--at", AT])
    assert result.exit_code == 2
    assert said in result.stderr
