"""Issue 18, points 5–8 and 21: the sentence to say, the time to call, the PLUS tip,
the Chinese beside the English, and Chinese a native speaker would write.

Through the CLI, at the issue's moment (a Tuesday morning) unless a test says otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli

runner = CliRunner()
AT = "2026-12-08T10:00"  # a Tuesday, 10:00 Beijing time


def run(*args: str, lang: str = "en", code: int = 0) -> str:
    result = runner.invoke(cli.app, [*args, "--lang", lang], env={"COLUMNS": "200"})
    assert result.exit_code == code, result.output
    return result.stdout


def say(out: str, lang: str) -> str:
    """The sentence section of an answer: from its heading to the next blank or heading."""
    head = "怎么说" if lang == "zh" else "Say it like this"
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(head))
    body = []
    for line in lines[start + 1 :]:
        if not line.startswith("•"):
            break
        body.append(line)
    return "\n".join(body)


# ---------------------------------------------------------------- 5. the sentence fits the problem


@pytest.mark.parametrize("scenario", ["membership", "account", "high-value"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_short_and_full_answers_say_the_same_sentence(scenario: str, lang: str) -> None:
    short = say(run("which", "-s", scenario, "--at", AT, lang=lang), lang)
    full = say(run("which", "-s", scenario, "--at", AT, "--full", lang=lang), lang)
    assert short == full
    assert "24 小时发货" not in full and "ship within 24 hours" not in full
    assert "时间 + 问题 + 需求" not in short and "Time + problem + demand" not in short


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("problem", ["where is my package", "查物流"])
def test_tracking_is_not_told_to_demand_a_voucher(problem: str, lang: str) -> None:
    sentence = say(run("which", problem, "--at", AT, lang=lang), lang)
    assert "运费券" not in sentence and "voucher" not in sentence
    assert "物流" in sentence  # the tracking sentence, in Chinese in either language


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_tvs_black_screen_is_not_a_fridges_sentence(lang: str) -> None:
    sentence = say(run("which", "电视黑屏，开不了机", "--at", AT, lang=lang), lang)
    assert "电视" in sentence and "冰箱" not in sentence


def test_the_guides_fridge_sentence_stays_the_guides() -> None:
    out = run("which", "冰箱不制冷", "--at", AT, lang="zh")
    assert "怎么说（照这个例句，换成你的信息）" in out
    assert "美的冰箱 BCD-500WTPZM，2023 年买的，不制冷" in say(out, "zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_jdhotlines_own_sentence_says_so(lang: str) -> None:
    out = run("which", "洗衣机脱水时异响", "--at", AT, lang=lang)
    assert {"en": "(jdhotline's example)", "zh": "本工具的例句"}[lang] in out
    assert "洗衣机" in say(out, lang) and "冰箱" not in say(out, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_campaign_call_sheet_gives_a_campaigns_example(lang: str) -> None:
    out = run("prep", "--merchant", "-s", "campaign", "--at", AT, lang=lang)
    assert "恶意退款" not in out and "malicious refund" not in out
    assert {"en": "New Year sale", "zh": "年货节"}[lang] in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_washing_machines_sheet_does_not_ask_for_a_return(lang: str) -> None:
    out = run("prep", "洗衣机脱水时异响", "--at", AT, lang=lang)
    assert "退货" not in out and "the return" not in out
    assert "洗衣机" in out


def test_every_scenario_has_its_own_sentence_in_both_languages() -> None:
    doc = json.loads(run("scenarios", "--format", "json"))
    for scenario in doc:
        for lang in ("en", "zh"):
            out = run("which", "-s", scenario["id"], "--merchant", "--at", AT, lang=lang)
            assert {"en": "Say it like this", "zh": "怎么说（"}[lang] in out, (scenario, out)


# ---------------------------------------------------------------- 6. the best time


@pytest.mark.parametrize(
    ("at", "en", "zh"),
    [
        ("10:00", "now is fine (peak from 20:00); quieter: 14:00–16:00",
         "现在就可以打（今天 20:00 进入高峰前）；更好：今天 14:00–16:00"),
        ("16:30", "now is fine (peak from 20:00); quieter: 23:00–tomorrow 09:00",
         "现在就可以打（今天 20:00 进入高峰前）；更好：今天 23:00–明天 09:00"),
        ("18:00", "now is fine (peak from 20:00); quieter: 23:00–tomorrow 09:00",
         "现在就可以打（今天 20:00 进入高峰前）；更好：今天 23:00–明天 09:00"),
        ("20:30", "peak hours now; quieter: 23:00–tomorrow 09:00",
         "现在是高峰时段；更好：今天 23:00–明天 09:00"),
        ("14:30", "now, until 16:00", "现在就打，今天 16:00 前"),
        ("23:30", "now, until tomorrow 09:00", "现在就打，明天 09:00 前"),
    ],
)  # fmt: skip
def test_outside_the_peak_now_is_fine_and_the_quiet_window_is_better(
    at: str, en: str, zh: str
) -> None:
    moment = f"2026-12-08T{at}"
    assert f"Best time  {en}" in run("which", "商家拒绝退款", "--at", moment)
    assert f"最佳拨打时间  {zh}" in run("which", "商家拒绝退款", "--at", moment, lang="zh")


def test_a_line_without_a_peak_is_fine_until_it_closes() -> None:
    out = run("which", "--merchant", "-s", "campaign", "--at", "2026-12-08T14:00")
    assert "Best time  now is fine (until 18:00); quieter: tomorrow 09:30–11:00" in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_followup_says_the_same(tmp_path: Path, lang: str) -> None:
    env = {"JDHOTLINE_HOME": str(tmp_path), "COLUMNS": "200"}
    add = ["case", "add", "--line", "regular", "--order", "123", "--agent", "00123"]
    added = runner.invoke(cli.app, [*add, "--promise", "2h", "--at", "2026-12-08T10:00"], env=env)
    assert added.exit_code == 0, added.output
    followup = ["case", "followup", "1", "--at", "2026-12-08T16:00", "--lang", lang]
    out = runner.invoke(cli.app, followup, env=env).stdout
    said = {
        "en": "now is fine (peak from 20:00)",
        "zh": "现在就可以打（今天 20:00 进入高峰前）",
    }[lang]
    assert said in out and "23:00–" in out


# ---------------------------------------------------------------- 7. the PLUS tip


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_plus_member_is_told_to_say_so_at_a_glance(lang: str) -> None:
    out = run("which", "--plus", "冰箱不制冷", "--at", AT, lang=lang)
    tip = {"en": "Tell them you are a PLUS member to expedite", "zh": "报“PLUS 会员”可加急"}
    assert tip[lang] in out
    assert tip[lang] not in run("which", "冰箱不制冷", "--at", AT, lang=lang)


# ---------------------------------------------------------------- 8. Chinese beside the English


def test_the_followup_in_english_has_the_chinese_beside_it(tmp_path: Path) -> None:
    env = {"JDHOTLINE_HOME": str(tmp_path), "COLUMNS": "200"}
    add = ["case", "add", "--line", "regular", "--order", "123", "--agent", "00123"]
    assert runner.invoke(cli.app, [*add, "--promise", "24h", "--at", AT], env=env).exit_code == 0
    out = runner.invoke(
        cli.app, ["case", "followup", "1", "--lang", "en", "--at", "2026-12-10T10:00"], env=env
    ).stdout
    assert "agent 00123 promised feedback within 24 hours" in out
    assert "In Chinese: “订单号 123，工号 00123 承诺 24 小时内反馈" in out


PREP = ["prep", "the seller refuses my refund for a jacket", "--order", "1234567890123",
        "--ordered", "11-20", "--want", "full refund", "--at", AT]  # fmt: skip


def test_an_english_call_sheet_opens_with_the_chinese_too() -> None:
    out = run(*PREP)
    assert "the seller refuses my refund for a jacket" in out
    assert "In Chinese: “11 月 20 日下单（订单号 1234567890123），" in out


def test_the_chinese_sentence_is_built_from_the_scenario_not_foreign_words() -> None:
    out = run(*PREP, lang="zh")
    opening = out.split("开场白", 1)[1].split("\n\n", 1)[0]
    assert "refund" not in opening and "seller" not in opening
    assert "11 月 20 日下单（订单号 1234567890123），维权纠纷：XX，需求是 XX" in opening


# ---------------------------------------------------------------- 21. Chinese wording


def test_a_hotline_starts_answering_not_opens_a_door() -> None:
    out = run("which", "-s", "appliance", "--at", "2026-12-08T22:00", lang="zh")
    assert "明天 09:00 开始接听" in out and "09:00 开（" not in out


def test_the_words_a_native_speaker_would_write() -> None:
    plus = run("which", "--plus", "-s", "membership", "--full", "--at", AT, lang="zh")
    assert "（攻略数据）" in plus and "攻略所给" not in plus
    extension = run("which", "-s", "membership", "--full", "--at", AT, lang="zh")
    assert "推荐这条线是本工具的补充" in extension and "让你打这里" not in extension
    sheet = run("prep", "冰箱不制冷", "--at", AT, lang="zh")
    assert "即可自动生成" in sheet and "就会写好" not in sheet
    table = run("table", "--at", AT, lang="zh")
    assert "维权纠纷（商家拒退款 / 售假）" in table and "恶意拒退" not in table


def test_timing_advice_is_the_best_time_not_the_call() -> None:
    out = run("prep", "--merchant", "-s", "campaign", "--at", AT, lang="zh")
    assert "9:30-11:00" not in out and "最佳拨打时间  现在就打，今天 11:00 前" in out


def test_the_calendar_upgrade_note_reads_as_chinese() -> None:
    out = run("open", "merchant", "--at", "2027-03-02T10:00", lang="zh")
    assert "收入日历数据" not in out


def test_a_stated_plus_membership_in_english() -> None:
    result = runner.invoke(cli.app, ["which", "I'm a PLUS member, my fridge is not cooling"])
    assert "You said you are a PLUS member, so this is a member's answer" in result.stderr


@pytest.mark.parametrize("columns", [40, 80, 120])
@pytest.mark.parametrize("scenario", ["membership", "account", "high-value", "campaign"])
def test_no_line_is_one_orphaned_chinese_character(scenario: str, columns: int) -> None:
    args = ["which", "--merchant", "-s", scenario, "--at", AT, "--lang", "zh"]
    out = runner.invoke(cli.app, args, env={"COLUMNS": str(columns)}).stdout
    for line in out.splitlines():
        bare = line.strip().rstrip("”。，；）")
        assert not (len(bare) == 1 and "\u4e00" <= bare <= "\u9fff"), out


@pytest.mark.parametrize(
    ("problem", "zh", "en"),
    [
        ("货款结算延迟了", "货款", "payout"),
        ("店铺评分下降了", "店铺评分", "store rating"),
        ("买家给了差评怎么办", "差评", "bad review"),
        ("怎么入驻京东", "入驻", "open a shop"),
    ],
)
def test_a_sellers_sentence_fits_the_sellers_problem(problem: str, zh: str, en: str) -> None:
    assert zh in say(run("which", problem, "--at", AT, lang="zh"), "zh")
    english = say(run("which", problem, "--at", AT), "en")
    assert en in english and zh in english  # the Chinese beside it
    assert "虚假发货" not in english and "仅退款" not in english.replace(zh, "")
