"""Issue 19: the fake-customer-service scam answered first, `check NUMBER`, and the safety
facts as catalogue data with their sources.

Through the CLI where the issue says so (its two examples, its two `check` examples, in
Chinese and English); the core (safety.py, numbers.py) and the validator directly.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from rich.cells import cell_len
from typer.testing import CliRunner

from jdhotline.catalogue import Catalogue
from jdhotline.checks import Refused
from jdhotline.cli import commands as cli
from jdhotline.errors import EXIT_NOT_A_LINE, EXIT_SAFETY, EXIT_USAGE
from jdhotline.load import parse
from jdhotline.numbers import find
from jdhotline.safety import alarm

from .conftest import SHIPPED
from .refused import english
from .test_answers import CLOSING, english_words

runner = CliRunner()
AT = "2026-12-07T10:00"  # a Monday morning, Beijing time: every line open
SCAM_ZH = "有人打电话说是京东客服，让我关闭白条，不然影响征信"
SCAM_EN = "someone from JD called me, said my account will be frozen unless I share screen"
NUMBERS = ("950618", "400-656-0055", "400-610-1360", "400-622-9068")


def run(*args: str, columns: int = 80) -> tuple[int, str, str]:
    result = runner.invoke(cli.app, list(args), env={"COLUMNS": str(columns)})
    return result.exit_code, result.stdout, result.stderr


# --------------------------------------------------------------------------- the issue's examples


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("text", [SCAM_ZH, SCAM_EN], ids=["zh-text", "en-text"])
def test_the_issues_examples_get_the_safety_answer_first(text: str, lang: str) -> None:
    code, out, _ = run("which", text, "--at", AT, "--lang", lang)
    assert code == EXIT_SAFETY, out
    lines = out.splitlines()
    assert len(lines) <= 12, out
    assert all(cell_len(line) <= 80 for line in lines), out
    first = "这很像冒充京东客服的诈骗" if lang == "zh" else "Fake JD customer-service scam?"
    assert lines[0].startswith(first), out
    assert "96110" in out and "110 " in out
    assert all(number in out for number in NUMBERS), out
    assert ("来源：" if lang == "zh" else "Sources: ") in lines[-1]
    assert "Call 950618" not in out and "Account and login" not in out  # not a login problem


@pytest.mark.parametrize("text", [SCAM_ZH, SCAM_EN], ids=["zh-text", "en-text"])
def test_the_safety_answer_is_all_chinese_in_chinese(text: str) -> None:
    _, out, _ = run("which", text, "--at", AT, "--lang", "zh")
    assert not english_words(out), out
    assert not re.search("[\u4e00-\u9fff][,;:?!]", out), out
    for line in out.splitlines():
        assert not line[:1] or line[0] not in CLOSING, line


def test_the_json_has_the_safety_object_first_with_its_sources() -> None:
    code, out, _ = run("which", SCAM_ZH, "--at", AT, "--format", "json", "--lang", "zh")
    assert code == EXIT_SAFETY
    doc = json.loads(out)
    assert next(iter(doc)) == "safety"
    safety = doc["safety"]
    assert safety["kind"] == "fake-customer-service" and "close-credit" in safety["asks"]
    cited = {s["id"] for s in safety["sources"]}
    for sentence in safety["sentences"]:
        assert sentence["sources"] and set(sentence["sources"]) <= cited, sentence
    assert [x["number"] for x in safety["lines"]] == list(NUMBERS)
    assert any("96110" in s["text"] for s in safety["sentences"])
    for source in safety["sources"]:
        assert source["publisher"] and source["url"].startswith("http")
        assert (source["title"] and source["date"]) or source["note"], source


def test_a_real_question_after_the_scam_gets_its_usual_answer_after_the_safety_one() -> None:
    text = "快递员打电话说包裹丢了，要给我三倍理赔，让我加微信"
    code, out, _ = run("which", text, "--at", AT, "--lang", "zh", columns=100)
    assert code == EXIT_SAFETY
    assert (
        out.index("这很像冒充京东客服的诈骗")
        < out.index("如果问题本身确实存在")
        < out.index("拨打 950618")
    )
    doc = json.loads(run("which", text, "--at", AT, "--format", "json")[1])
    assert list(doc)[:2] == ["safety", "user"] and doc["scenario"] == "order"


def test_markdown_gives_every_source_in_full() -> None:
    code, out, _ = run("which", SCAM_EN, "--at", AT, "--format", "markdown")
    assert code == EXIT_SAFETY
    assert "### Sources" in out and "https://tech.sina.cn/" in out
    assert "date not shown" in out  # a date the stored copy does not show is said so


# --------------------------------------------------------------------------- check


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_a_number_that_is_not_a_line(lang: str) -> None:
    code, out, _ = run("check", "4006065500", "--at", AT, "--lang", lang)
    assert code == EXIT_NOT_A_LINE == 1, out
    if lang == "zh":
        assert out.startswith("4006065500 不在本工具所知的京东热线之列。")
        assert "不能断定它是真是假" in out and "不要拨打来电或短信里留下的号码" in out
        assert not english_words(out), out
    else:
        assert out.startswith("4006065500 is not one of the JD lines jdhotline knows.")
        assert "does not prove it fake or real" in out
        assert "never a number the caller or an SMS gave" in out
    assert "96110" in out and all(number in out for number in NUMBERS)
    assert out.index("96110") > out.index("400-622-9068")  # call yourself first, then warnings


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_a_number_that_is_a_line(lang: str) -> None:
    code, out, _ = run("check", "+86 400 656 0055", "--at", AT, "--lang", lang)
    assert code == 0, out
    if lang == "zh":
        assert out.startswith("400-656-0055 是京东 PLUS 会员专属热线")
        assert "仅限 PLUS 会员" in out and "24 小时可拨打" in out
    else:
        assert out.startswith("400-656-0055 is JD's PLUS member line")
        assert "PLUS members only" in out and "open, 24 hours" in out
    assert "96110" not in out


def test_check_json_and_the_closed_merchant_line() -> None:
    code, out, _ = run("check", "4006229068", "--at", "2026-12-06T10:00", "--format", "json")
    assert code == 0  # known, though closed on a Sunday: check says what it is, not if open
    doc = json.loads(out)
    assert doc["all_known"] and doc["safety"] is None
    assert doc["numbers"][0]["line"]["id"] == "merchant"
    assert doc["numbers"][0]["line"]["open_now"] is False
    code, out, _ = run("check", "4006065500", "--format", "json", "--at", AT)
    doc = json.loads(out)
    assert code == 1 and not doc["all_known"] and doc["numbers"][0]["line"] is None
    assert doc["safety"]["sentences"][0]["id"] == "verify"


def test_check_without_a_number_is_refused() -> None:
    code, _, err = run("check", "京东客服", "--lang", "zh")
    assert code == EXIT_USAGE and "里没有电话号码" in err


@pytest.mark.parametrize(
    ("text", "digits", "extension", "line"),
    [
        ("+86 400 656 0055", "4006560055", None, "plus"),
        ("400-656-0055", "4006560055", None, "plus"),
        ("4006560055", "4006560055", None, "plus"),
        (
            "\uff14\uff10\uff10\uff16\uff15\uff16\uff10\uff10\uff15\uff15",
            "4006560055",
            None,
            "plus",
        ),
        ("400-656-0055 转 2", "4006560055", "2", "plus"),
        ("400-656-0055-8", "4006560055", "8", "plus"),
        ("call +86 (400) 610-1360 ext. 12", "4006101360", "12", "appliance"),
        ("0086-950618", "950618", None, "regular"),
        ("【京东金融】您的白条需注销，请致电4006065500处理", "4006065500", None, None),
    ],
)
def test_numbers_as_people_paste_them(
    catalogue: Catalogue, text: str, digits: str, extension: str | None, line: str | None
) -> None:
    (found,) = find(catalogue, text)
    assert (found.digits, found.extension) == (digits, extension)
    assert (found.line.id if found.line else None) == line


def test_dates_and_order_numbers_are_no_phone_numbers(catalogue: Catalogue) -> None:
    found = find(catalogue, "订单号 312345678901234，下单 2026-12-07，客服 950618")
    assert [f.digits for f in found] == ["950618"]


# --------------------------------------------------------------------------- the pattern, not the words


@pytest.mark.parametrize(
    "text",
    [
        "白条怎么还款",
        "白条分期能提前还吗",
        "验证码一直收不到",
        "登录京东收不到短信验证码怎么办",
        "我想自己关闭白条怎么操作",
        "白条逾期了会影响征信吗",
        "京东客服打电话说我的退款已经处理好了",
        "快递员打电话说快递放驿站了",
        "快递丢了 怎么申请理赔",
        "The verification code SMS doesn't arrive",
        "How do I repay my baitiao bill?",
        "I want to close my baitiao, how?",
        "The courier called to say my parcel is at the pickup station",
    ],
)
def test_a_genuine_question_with_the_scams_words_is_no_alarm(
    catalogue: Catalogue, text: str
) -> None:
    assert alarm(catalogue, text) is None


@pytest.mark.parametrize(
    "text",
    [
        SCAM_ZH,
        SCAM_EN,
        "京东客服 打电话 说 我的 白条 要 注销 不然 影响 征信 让我 下载 腾讯会议",  # voice input
        "【京东金融】尊敬的用户，您的白条账户存在异常，需在今日内注销，否则将影响个人征信",
        "我妈接到个电话 说是京东金融的 要她把验证码报给对方",
        "对方说是京东客服，让我把钱转到安全账户",
        "a caller from JD asked me to read him the verification code they just sent",
    ],
)
def test_the_scam_is_recognised_in_the_voices_people_use(catalogue: Catalogue, text: str) -> None:
    assert alarm(catalogue, text) is not None


# --------------------------------------------------------------------------- the catalogue's facts


def _with_safety(change: Any) -> dict[str, Any]:
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    change(data["safety"])
    return data


def _refusal(data: dict[str, Any]) -> Refused:
    with pytest.raises(Refused) as caught:
        parse(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "mine.yaml")
    return caught.value


def test_every_shipped_safety_sentence_has_a_known_source(catalogue: Catalogue) -> None:
    safety = catalogue.safety
    assert safety is not None and safety.sentences
    known = {s.id for s in safety.sources}
    for sentence in safety.sentences:
        assert sentence.sources and set(sentence.sources) <= known, sentence.id
        assert sentence.verified_on.isoformat() == "2026-12-07"
    for number in safety.official:
        assert number.sources and set(number.sources) <= known


def test_the_validator_refuses_a_safety_sentence_without_a_source() -> None:
    refused = _refusal(_with_safety(lambda s: s["sentences"][0].pop("source")))
    assert refused.code == "safety.no_source"
    assert refused.entry == "safety.sentences[0].source"
    assert "needs a `source`" in english(refused)


def test_the_validator_refuses_a_source_that_is_not_listed() -> None:
    def unknown(safety: dict[str, Any]) -> None:
        safety["sentences"][1]["source"] = "my-uncle"

    refused = _refusal(_with_safety(unknown))
    assert refused.entry.startswith("safety.sentences[1].source") and "my-uncle" in english(refused)


def test_the_validator_refuses_a_missing_date_that_is_not_explained() -> None:
    def undated(safety: dict[str, Any]) -> None:
        safety["sources"][0]["date"] = None
        safety["sources"][0].pop("note", None)

    refused = _refusal(_with_safety(undated))
    assert (refused.code, refused.entry) == ("safety.unexplained_null", "safety.sources[0].date")


def test_a_further_official_number_needs_its_source_and_is_then_known() -> None:
    number = {
        "number": "95118",
        "name": {"zh": "某热线", "en": "A line"},
        "verified_on": "2026-12-07",
    }

    def unsourced(safety: dict[str, Any]) -> None:
        safety["official"] = [dict(number)]

    assert _refusal(_with_safety(unsourced)).code == "safety.no_source"

    def sourced(safety: dict[str, Any]) -> None:
        safety["official"] = [{**number, "source": "jd-security"}]

    data = _with_safety(sourced)
    mine = parse(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "mine.yaml")
    (found,) = find(mine, "95118")
    assert found.known and found.official is not None and found.line is None


# --------------------------------------------------------------------------- the corpus (bench/accuracy.py)

# Reached on the corpus when this was written (bench/accuracy.py); the test fails if a
# change loses more than the margin. Deterministic: not a timing test. The second round's
# blind set (77 scams, 77 look-alikes) measured 89.6 % (69/77) recognised, 1.3 % of the
# look-alikes and 0.7 % of every genuine problem alarmed, and is train since the third
# round; HELDOUT_RECALL waits for the next blind set's measurement.
HELDOUT_RECALL = 0.88
FALSE_ALARMS_MAX = 0.02


def _accuracy_module() -> Any:
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "bench" / "accuracy.py"
    spec = importlib.util.spec_from_file_location("jdhotline_bench_accuracy_safety", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scam_recall_and_false_alarms_hold_on_the_corpus(catalogue: Catalogue) -> None:
    accuracy = _accuracy_module()
    rows = accuracy.predict(catalogue, accuracy.read_corpus())
    for split in ("train", "heldout"):
        chosen = [r for r in rows if r["split"] == split]
        got = accuracy.safety_figures(chosen)
        floor = 0.995 if split == "train" else HELDOUT_RECALL
        # Between two blind rounds the heldout holds no scam (the last one is train now).
        if any(r["want_safety"] == "scam" for r in chosen):
            assert got["scam_recall"] >= floor, (split, got)
        assert got["false_alarms"] <= FALSE_ALARMS_MAX, (split, got)
        assert got["lookalike_alarms"] <= FALSE_ALARMS_MAX, (split, got)
    safety_items = [r for r in rows if r["safety_item"]]
    assert sum(r["want_safety"] == "scam" for r in safety_items) >= 60
    assert sum(r["want_safety"] == "none" for r in safety_items) >= 60


def test_a_sources_address_keeps_its_ascii_marks_in_chinese() -> None:
    code, out, _ = run("check", "4006065500", "--full", "--lang", "zh", "--at", AT, columns=100)
    assert code == 1
    assert "https://gaj.changzhou.gov.cn/content/suitable/show?catid=34222&id=86186" in out
    assert "未注明日期" in out  # a date the stored copy does not show is said so
