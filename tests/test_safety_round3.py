"""Issue 19, third round: defects from a new user's trial, pinned through the CLI in zh and en.

(a) `check` given a whole pasted scam SMS led with "not proof it is fake" before any
warning: it now leads with the warning. (b) The lines under the "call JD yourself"
bullet started at the left edge, under the bullet: they now hang under its text.
"""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from jdhotline.cli import commands as cli
from jdhotline.safety import alarm

from .test_answers import english_words

runner = CliRunner()
AT = "2026-12-07T10:00"  # a Monday morning, Beijing time: every line open
HEADLINE = {"zh": "这很像冒充京东客服的诈骗", "en": "Fake JD customer-service scam?"}
SMS = {
    "zh": "【京东金融】尊敬的用户：您名下的白条为学生时期误开通，须于今日内注销，"
    "否则将上报征信。请致电 400-188-6620 或点击 jd-zhuxiao.top 办理",
    "en": "[JD] Dear customer, your parcel was lost in transit. To receive a triple "
    "compensation call 400 188 6620 or open http://jd-claims.top today",
}
UNKNOWN = {"zh": "400-188-6620 不在本工具所知的京东热线之列。", "en": "400 188 6620 is not one"}
NUMBERS = ("950618", "400-656-0055", "400-610-1360", "400-622-9068")


def run(*args: str, columns: int = 80) -> tuple[int, str]:
    result = runner.invoke(cli.app, list(args), env={"COLUMNS": str(columns)})
    return result.exit_code, result.stdout


# --------------------------------------------------------------------------- (a) check on a pasted SMS


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_on_a_pasted_scam_sms_leads_with_the_warning(lang: str) -> None:
    code, out = run("check", SMS[lang], "--at", AT, "--lang", lang)
    assert code == 1, out  # the number is not one of the lines: exit 1, as documented
    lines = out.splitlines()
    assert lines[0].startswith(HEADLINE[lang]), out
    assert lines[1].startswith(UNKNOWN[lang]), out
    assert "96110" in out and all(number in out for number in NUMBERS), out
    assert all(cell_len(line) <= 80 for line in lines), out
    if lang == "zh":
        assert out.index("这很像") < out.index("不能断定它是真是假")
        assert not english_words(out), out
    else:
        assert out.index("scam?") < out.index("does not prove it fake or real")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_real_jd_number_in_a_scam_text_still_gets_the_warning_first(lang: str) -> None:
    text = {
        "zh": "有人说是京东客服，电话 950618，让我注销白条，不然影响征信",
        "en": "a caller said he was from JD on 950618 and told me to share my screen",
    }[lang]
    code, out = run("check", text, "--at", AT, "--lang", lang)
    assert code == 0, out  # every number given is a line: exit 0, as documented
    lines = out.splitlines()
    assert lines[0].startswith(HEADLINE[lang]), out
    assert lines[1].startswith("950618 "), out
    assert "96110" in out, out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_json_on_a_pasted_scam_sms_puts_safety_first(lang: str) -> None:
    code, out = run("check", SMS[lang], "--at", AT, "--lang", lang, "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert next(iter(doc)) == "safety" and doc["safety"]["asks"], doc
    assert doc["safety"]["sentences"][0]["id"] == "headline"
    assert doc["numbers"][0]["digits"] == "4001886620" and not doc["all_known"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_on_a_bare_number_still_says_what_it_is_first(lang: str) -> None:
    code, out = run("check", "400-188-6620", "--at", AT, "--lang", lang)
    assert code == 1
    verdict = "不在本工具所知" if lang == "zh" else "is not one of the JD lines"
    assert out.startswith("400-188-6620 " + verdict) and HEADLINE[lang] not in out, out


# --------------------------------------------------------------------------- (b) the lines hang


def _under_the_bullet(out: str) -> list[str]:
    """The lines after the "call JD yourself" bullet, up to the next bullet."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if "950618" in line)
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("• "))
    return lines[start:end]


@pytest.mark.parametrize("columns", [80, 40])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_lines_hang_under_the_bullets_text(lang: str, columns: int) -> None:
    text = "有人打电话说是京东客服，让我关闭白条，不然影响征信"
    code, out = run("which", text, "--at", AT, "--lang", lang, columns=columns)
    assert code == 5, out
    under = _under_the_bullet(out)
    assert under[0].startswith("  950618 "), out
    assert all(line.startswith("  ") and line[2] != " " for line in under), out
    assert all(number in "\n".join(under) for number in NUMBERS), out
    assert all(cell_len(line) <= columns for line in out.splitlines()), out
    if columns == 80:
        assert len(under) == 2 and len(out.splitlines()) <= 12, out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_lines_hang_in_checks_answer_too(lang: str) -> None:
    code, out = run("check", "4006065500", "--at", AT, "--lang", lang)
    assert code == 1
    under = _under_the_bullet(out)
    assert len(under) == 2 and all(
        line.startswith("  4") or line.startswith("  9") for line in under
    )


# --------------------------------------------------------------------------- the cues, widened by kind


@pytest.mark.parametrize(
    "text",
    [
        "客服说要我把验证码告诉他才能退款",  # two known misses of the second round
        "说我开通了百万保障",
        "京东可服说我开了金调要注消，不然影响征性",  # slips of a hurried hand
        "對方說要共享螢幕，讓我下載一個會議軟體",  # Taiwan words
        "jd客服让我download一个zoom，说要share screen",  # jd next to Chinese is 京东
        "the jd customer servise asked me for the verfication code",
    ],
)
def test_the_scam_told_in_other_words_is_recognised(text: str) -> None:
    from jdhotline.load import load

    assert alarm(load(), text) is not None, text


@pytest.mark.parametrize(
    "text",
    [
        "我是大学生，白条额度能提额吗",
        "快递员让我加他微信，说以后送货方便联系",
        "我在新手机上登录京东，要短信验证码，正常吗",
        "京东金融打电话推销金条借款，我说不用",
    ],
)
def test_the_look_alikes_stay_quiet(text: str) -> None:
    from jdhotline.load import load

    assert alarm(load(), text) is None, text


def test_normalise_reads_words_and_slips_as_the_cues_know_them() -> None:
    from jdhotline.safety import normalise

    assert normalise("讓我共享螢幕") == "让我共享屏幕"
    assert normalise("京东可服说要注消白条") == "京东客服说要注销白条"
    assert normalise("JD客服") == "京东客服" and normalise("JD agent") == "jd agent"
    assert normalise("请点击 jd-sec.cn 验证") == "请点击 jd-sec.cn 验证"  # an address keeps its jd
