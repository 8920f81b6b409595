from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jdhotline import __version__
from jdhotline.cli import commands as cli

from .calendars import pin_official
from .conftest import bare_env, dump_yaml, line_data

runner = CliRunner()
FRIDAY_NOON = "2026-11-27T12:00"
LINE_KEYS = [
    "id", "name", "number", "open_now", "next_change", "best_time", "wait", "peak", "ivr", "online",
    "calendar_verified", "calendar",
]  # fmt: skip


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None):
    return runner.invoke(cli.app, list(args), input=input, env=env)


def as_json(*args: str) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_which_plus_appliance_json_key_by_key(shipped_data: dict[str, Any]) -> None:
    doc = as_json("which", "--plus", "--scenario", "appliance", "--at", "2026-11-27T22:00")
    assert list(doc) == [
        "user", "scenario", "matched", "candidates", "confident", "at", "primary", "alternatives",
        "checklist", "warnings", "notes",
    ]  # fmt: skip
    assert doc["user"] == "plus"
    assert doc["scenario"] == "appliance"
    assert doc["matched"] == []
    assert doc["at"] == "2026-11-27T22:00+08:00"
    primary = doc["primary"]
    assert list(primary) == LINE_KEYS
    assert primary["id"] == "appliance"
    assert primary["number"] == "400-610-1360"
    assert primary["open_now"] is False
    assert primary["next_change"] == "2026-11-28T09:00+08:00"
    assert primary["best_time"] == {
        "start": "2026-11-28T09:00+08:00",
        "end": "2026-11-28T11:00+08:00",
    }
    assert primary["wait"] is None
    assert primary["ivr"]["key"] is None and primary["ivr"]["menu"] == []
    assert primary["ivr"]["note"] == line_data(shipped_data, "appliance")["dial_note"]["en"]
    assert primary["calendar_verified"] is True
    assert [a["id"] for a in doc["alternatives"]] == ["plus", "regular"]
    plus = doc["alternatives"][0]
    assert plus["number"] == "400-656-0055" and plus["open_now"] is True
    assert plus["next_change"] is None and plus["best_time"]["end"] is None
    assert plus["wait"] == {"min_minutes": 1, "max_minutes": 2}
    assert any("BCD-XXXX" in item for item in doc["checklist"])
    assert any("400-610-1360" in w and "warranty" in w for w in doc["warnings"])
    assert any("400-656-0055" in w and "open now" in w for w in doc["warnings"])
    assert doc["notes"] == ["Tell them you are a PLUS member to expedite"]


def test_which_free_text_in_english_and_chinese() -> None:
    doc = as_json("which", "the seller refuses my refund", "--at", FRIDAY_NOON)
    assert doc["scenario"] == "dispute" and doc["matched"] == ["seller refuses", "refund"]
    assert doc["primary"]["number"] == "950618"
    assert doc["primary"]["ivr"]["key"] == "2" and doc["primary"]["ivr"]["label"] == "after-sales"
    doc = as_json("which", "冰箱不制冷", "--lang", "zh", "--at", FRIDAY_NOON)
    assert doc["scenario"] == "appliance" and doc["primary"]["name"] == "家电维修专线"
    assert doc["matched"] == ["冰箱", "不制冷"]  # 制冷 is inside 不制冷: it counts once


def test_which_text_answer() -> None:
    result = run("which", "--plus", "--scenario", "appliance", "--at", "2026-11-27T10:00")
    assert result.exit_code == 0
    out = result.stdout
    assert out.splitlines()[0] == "Call 400-610-1360  Appliance repair line"
    assert out.splitlines()[1] == "open · closes 21:00 (in 11 h)"
    for expected in (
        "PLUS member", "now, until 11:00", "Have ready", "The model",
        "“Midea fridge BCD-500WTPZM, bought in 2023, not cooling”",
        "In Chinese: “美的冰箱 BCD-500WTPZM，2023 年买的，不制冷”", "more: --full",
    ):  # fmt: skip
        assert expected in " ".join(out.split()), expected
    assert not any(line != line.rstrip() for line in out.splitlines()), "trailing spaces when piped"
    full = " ".join(
        run(
            "which", "--plus", "-s", "appliance", "--at", "2026-11-27T10:00", "--full"
        ).stdout.split()
    )
    for expected in (
        "Why this line", "400-656-0055 PLUS member line",
        "checked against it on 2026-11-27", "On the call", "2026-11-27 Fri 10:00 Beijing time",
    ):  # fmt: skip
        assert expected in full and expected not in " ".join(out.split()), expected
    # The PLUS tip is the one thing a member says on this line: at a glance too (issue 18).
    tip = "Tell them you are a PLUS member to expedite"
    assert tip in full and tip in " ".join(out.split())


def test_which_text_in_chinese() -> None:
    result = run("which", "冰箱不制冷", "--lang", "zh", "--at", "2026-11-27T21:30")
    assert result.exit_code == 0
    for expected in (
        "拨打 400-610-1360",
        "已下班 · 明天 09:00 开始接听\uff08还有 11 小时 30 分钟\uff09\uff0c现在可拨 950618",
        "明天 09:00–11:00",
    ):
        assert expected in result.stdout, expected
    full = run("which", "冰箱不制冷", "--lang", "zh", "--at", "2026-11-27T21:30", "--full")
    assert "匹配词\uff1a冰箱、不制冷" in full.stdout and "制冷、" not in full.stdout


def test_tips_follow_the_scenario() -> None:
    order = run("which", "-s", "order", "--format", "markdown", "--at", FRIDAY_NOON).stdout
    dispute = run("which", "-s", "dispute", "--format", "markdown", "--at", FRIDAY_NOON).stdout
    assert "Tracking / changing the address" in order and "Seller refuses a refund" not in order
    assert "Seller refuses a refund" in dispute and "Tracking / changing the address" not in dispute


def test_the_plus_example_is_for_plus_members() -> None:
    plus = run(
        "which", "--plus", "-s", "high-value", "--format", "markdown", "--at", FRIDAY_NOON
    ).stdout
    regular = run("which", "-s", "high-value", "--format", "markdown", "--at", FRIDAY_NOON).stdout
    assert "- “PLUS member, TV model XX" in plus
    # A regular buyer's is jdhotline's own, not the guide's late-shipping one (issue 18).
    assert "PLUS member, TV model" not in regular and "- “Order 12345, item XX" in regular
    assert "Ordered on 10 October" not in regular


def test_merchants_get_no_buyer_example() -> None:
    md = run(
        "which", "--merchant", "-s", "campaign", "--format", "markdown", "--at", FRIDAY_NOON
    ).stdout
    # Every scenario has its own sentence (issue 18): a campaign's, not a buyer's.
    assert "- “Shop ID XX, our New Year sale sign-up" in md and "Ordered on 10 October" not in md
    buyer = run("which", "-s", "account", "--format", "markdown", "--at", FRIDAY_NOON).stdout
    assert (
        "- “The phone on my account ends in 5678" in buyer and "Ordered on 10 October" not in buyer
    )


def test_which_markdown() -> None:
    result = run("which", "查物流", "--format", "markdown", "--at", "2026-11-27T20:30")
    assert result.exit_code == 0
    md = result.stdout
    assert md.startswith("**Try first: the in-app assistant (京东客服助手) answers this at once**")
    assert "**Call 950618**  Regular customer line, **press 1 (order enquiry)**" in md
    assert "### Warnings" in md and "25 min" in md  # the evening peak
    assert "### Notes" in md and "京东客服助手" in md  # a simple question
    assert "- **Best time:** peak hours now; quieter: 23:00–tomorrow 09:00" in md
    assert "Regular buyer · Orders" in md and "Source: 店托易" in md  # Markdown is the full answer


def test_local_time_shown_when_the_zone_differs(monkeypatch: pytest.MonkeyPatch) -> None:
    wide = {"COLUMNS": "200"}
    result = run("which", "-s", "order", "--full", "--at", "2026-11-27T12:00Z", env=wide)
    assert (
        "2026-11-27 Fri 20:00 Beijing time (UTC+8); your local time 2026-11-27 Fri 12:00 (UTC)"
        in result.stdout
    )
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    result = run("which", "-s", "order", "--full", "--at", "2026-11-27T12:00Z", env=wide)
    assert "Beijing time (UTC+8)" in result.stdout and "local time" not in result.stdout
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    result = run("which", "-s", "order", "--full", "--at", "2026-11-27T20:00", env=wide)
    assert "2026-11-27 Fri 20:00 Beijing time" in result.stdout
    assert "your local time 2026-11-27 Fri 07:00 (EST)" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["which", "--plus", "--merchant", "-s", "order"],
            "--plus and --merchant exclude each other",
        ),
        (["which"], "say what went wrong"),
        (["which", "-s", "applaince"], "unknown scenario 'applaince'; did you mean 'appliance'?"),
        (["which", "xyzzy"], "no scenario matched 'xyzzy'"),
        (
            ["which", "-s", "order", "--at", "2026-02-30"],
            "--at: '2026-02-30' is not a date and time",
        ),
        (["which", "-s", "order", "--at", "25:00"], "--at: '25:00' is not a time of day"),
        (["which", "-s", "order", "--at", "12:60"], "--at: '12:60' is not a time of day"),
        (["open", "merchnt"], "unknown line 'merchnt'; did you mean 'merchant'?"),
        (["open", "12345"], "unknown line '12345'"),
    ],
)
def test_usage_errors_exit_2_with_one_message(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"jdhotline: {message}")
    assert "Traceback" not in result.output


def test_no_match_lists_the_scenarios() -> None:
    result = run("which", "xyzzy")
    assert "Known scenarios: appliance, high-value, dispute" in result.stderr


def test_bad_catalogue_exits_3(tmp_path: Path, data: dict[str, Any]) -> None:
    line_data(data, "merchant")["hours"]["open"] = "25:00"
    path = tmp_path / "mine.yaml"
    path.write_text(dump_yaml(data, sort_keys=True), encoding="utf-8")
    for args, env in (
        (["which", "-s", "order", "--catalog", str(path)], None),
        (["open"], {"JDHOTLINE_CATALOG": str(path)}),
        (["table", "--format", "json"], {"JDHOTLINE_CATALOG": str(path)}),
        (["scenarios"], {"JDHOTLINE_CATALOG": str(path)}),
    ):
        result = run(*args, env=env)
        assert result.exit_code == 3, args
        assert result.stdout == ""
        assert result.stderr.startswith(
            f'jdhotline: {path}: hotlines[3].hours.open: "25:00" is not a time'
        )
    result = run("open", "--catalog", str(tmp_path / "missing.yaml"))
    assert result.exit_code == 3 and "no such file" in result.stderr


def test_own_catalogue_fixes_a_number(tmp_path: Path, data: dict[str, Any]) -> None:
    line_data(data, "merchant")["number"] = "400-000-0000"
    path = tmp_path / "mine.yaml"
    path.write_text(dump_yaml(data, sort_keys=True), encoding="utf-8")
    doc = as_json(
        "which", "--merchant", "-s", "campaign", "--catalog", str(path), "--at", FRIDAY_NOON
    )
    assert doc["primary"]["number"] == "400-000-0000"


# ---------------------------------------------------------------- prompts


@pytest.fixture
def tty(monkeypatch: pytest.MonkeyPatch) -> None:
    from jdhotline.cli import interview

    monkeypatch.setattr(interview, "interactive", lambda: True)


@pytest.mark.usefixtures("tty")
def test_prompts_ask_user_type_then_problem() -> None:
    result = run("which", "--format", "json", "--at", FRIDAY_NOON, input="2\n冰箱不制冷\n")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert (doc["user"], doc["scenario"], doc["primary"]["id"]) == (
        "plus",
        "appliance",
        "appliance",
    )
    assert "Who are you?" in result.stderr and "What went wrong?" in result.stderr


@pytest.mark.usefixtures("tty")
def test_prompts_pick_a_scenario_by_number() -> None:
    result = run("which", "--merchant", "--format", "json", "--at", FRIDAY_NOON, input="3\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["scenario"] == "campaign"  # a merchant's own come first
    assert "1) Malicious refund claims by buyers" in result.stderr


@pytest.mark.usefixtures("tty")
def test_prompts_offer_buyers_only_buyer_scenarios_and_say_what_is_expected() -> None:
    result = run("which", "--plus", "--format", "json", "--at", FRIDAY_NOON, input="\n\n2\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["scenario"] == "high-value"
    assert "Malicious refund" not in result.stderr and "Campaign" not in result.stderr
    assert result.stderr.count("1) Appliance") == 1  # the list is shown once
    assert result.stderr.count("Describe the problem in a few words, or type a number") == 2


@pytest.mark.usefixtures("tty")
def test_prompts_offer_the_list_when_nothing_matches() -> None:
    result = run("which", "xyzzy", "--format", "json", "--at", FRIDAY_NOON, input="0\n3\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["scenario"] == "dispute"
    assert "No scenario matched “xyzzy”" in result.stderr
    assert "Type a number from the list above." in result.stderr


@pytest.mark.usefixtures("tty")
def test_prompt_with_closed_stdin_exits_2() -> None:
    result = run("which", input="")
    assert result.exit_code == 2
    assert "no answer on standard input; pass --plus/--merchant and --scenario" in result.stderr


@pytest.mark.usefixtures("tty")
def test_ctrl_c_at_a_prompt_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: Any) -> str:
        raise KeyboardInterrupt

    from jdhotline.cli.run import Consoles

    monkeypatch.setattr(Consoles, "read", interrupted)
    result = run("which")
    assert result.exit_code == 130
    assert result.stderr.endswith("\njdhotline: interrupted\n")


# ---------------------------------------------------------------- table, open, scenarios


def test_table_json() -> None:
    doc = as_json("table")
    assert [row["id"] for row in doc] == ["regular", "plus", "appliance", "merchant"]
    for row in doc:
        assert list(row) == [
            "id",
            "name",
            "number",
            "audience",
            "scenarios",
            "extends",
            "extends_audience",
            "hours",
            "off_peak",
            "online",
        ]
    merchant = doc[3]
    assert merchant["number"] == "400-622-9068" and merchant["audience"] == "merchants"
    assert merchant["hours"] == {"open": "09:00", "close": "18:00", "days": "working-days"}
    assert merchant["off_peak"] == [{"start": "09:30", "end": "11:00"}]
    assert doc[0]["off_peak"] == [
        {"start": "14:00", "end": "16:00"},
        {"start": "23:00", "end": "09:00"},
    ]


def test_table_text_narrow_and_wide() -> None:
    narrow = run("table", "--at", "2026-11-28T10:00", env={"COLUMNS": "80"}).stdout
    assert "400-622-9068  Merchant line  closed" in narrow
    assert "09:00–18:00 working days" in narrow
    wide = run("table", "--at", "2026-11-28T10:00", env={"COLUMNS": "160"}).stdout
    assert "┃ Line" in wide and "400-622-9068" in wide


def test_table_markdown() -> None:
    md = run("table", "--format", "markdown", "--at", FRIDAY_NOON, "--lang", "zh").stdout
    assert md.splitlines()[0].startswith("| 号码 | 热线 | 当前状态 |")
    assert "| 400-622-9068 | 商家专属热线 | 可拨打 | 京东商家 |" in md


def test_open_one_line_exit_codes() -> None:
    result = run("open", "merchant", "--at", "2026-11-27T15:50")
    assert result.exit_code == 0
    assert "open · closes 18:00 (in 2 h 10 min)" in result.stdout
    result = run("open", "400-622-9068", "--at", "2026-11-28T10:00")
    assert result.exit_code == 1
    said = " ".join(result.stdout.split())  # a Saturday: the line's day off
    assert "closed today (day off) · opens Mon 11-30 09:00 (in 1 d 23 h)" in said
    assert run("open", "4006229068", "--at", "2026-11-28T10:00").exit_code == 1
    assert run("open", "950618", "--at", "2026-11-28T03:00").exit_code == 0


@pytest.mark.calendar
def test_open_json_is_a_list_also_for_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_official(monkeypatch)
    assert as_json("open", "--at", FRIDAY_NOON) == [
        {"id": "regular", "number": "950618", "open_now": True, "next_change": None, "calendar_verified": True, "calendar": "verified"},
        {"id": "plus", "number": "400-656-0055", "open_now": True, "next_change": None, "calendar_verified": True, "calendar": "verified"},
        {"id": "appliance", "number": "400-610-1360", "open_now": True, "next_change": "2026-11-27T21:00+08:00", "calendar_verified": True, "calendar": "verified"},
        {"id": "merchant", "number": "400-622-9068", "open_now": True, "next_change": "2026-11-27T18:00+08:00", "calendar_verified": True, "calendar": "verified"},
    ]  # fmt: skip
    result = run("open", "merchant", "--format", "json", "--at", "2027-01-02T10:00")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {"id": "merchant", "number": "400-622-9068", "open_now": False, "next_change": "2027-01-04T09:00+08:00", "calendar_verified": False, "calendar": "statutory"}
    ]  # fmt: skip


@pytest.mark.calendar
def test_unverified_calendar_is_said_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_official(monkeypatch)  # 2026 is the last year announced
    which = ("which", "--merchant", "-s", "campaign", "-f", "markdown")
    text = run(*which, "--at", "2027-01-02T10:00").stdout
    assert (
        "2027: holidays not announced yet; statutory holidays and their make-up days counted, adjusted working weekends unknown."
        in text
    )
    assert (
        "Once a chinesecalendar release covers 2027, upgrading verifies it: pip install -U chinesecalendar"
        in text
    )
    text = run(*which, "--at", "2027-01-02T10:00", "--lang", "zh").stdout
    assert "2027 年放假安排尚未公布：已计入法定节假日及补假，调休尚不知道。" in text
    text = run(*which, "--at", "2040-01-02T10:00").stdout
    assert (
        "2040: no holiday data; working days guessed as Monday–Friday, less the holidays fixed by date."
        in text
    )
    assert "pip install" not in text  # no release can cover 2040 yet
    text = run("open", "merchant", "--at", "2027-01-02T10:00", "-f", "markdown").stdout
    assert "(statutory holidays only: adjusted days not announced yet)" in text
    text = run(
        "open", "merchant", "--at", "2027-01-02T10:00", "-f", "markdown", "--lang", "zh"
    ).stdout
    assert "（还有 1 天 23 小时；仅计法定节假日，调休尚未公布）" in text  # one bracket, not two
    assert "\uff09\uff08" not in text
    text = run("open", "merchant", "--at", "2040-01-02T10:00", "-f", "markdown").stdout
    assert "(working days guessed: Monday–Friday, less the holidays fixed by date)" in text


def test_scenarios() -> None:
    doc = as_json("scenarios")
    assert [s["id"] for s in doc][:3] == ["appliance", "high-value", "dispute"]
    assert "冰箱" in doc[0]["keywords"]["zh"]
    text = run("scenarios").stdout
    assert "malicious-refund" in text


# ---------------------------------------------------------------- language, version, help


def test_language_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    args = ("which", "-s", "order", "--format", "json", "--at", FRIDAY_NOON)
    assert as_json(*args)["primary"]["name"] == "Regular customer line"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert as_json(*args)["primary"]["name"] == "普通用户热线"
    monkeypatch.setenv("JDHOTLINE_LANG", "en")
    assert as_json(*args)["primary"]["name"] == "Regular customer line"
    assert as_json(*args, "--lang", "zh")["primary"]["name"] == "普通用户热线"


def test_lang_before_the_command(tmp_path: Path) -> None:
    """`jdhotline --lang zh which`, `case --lang zh list`: the nearest --lang wins."""
    args = ("which", "-s", "order", "--format", "json", "--at", FRIDAY_NOON)
    assert as_json("--lang", "zh", *args)["primary"]["name"] == "普通用户热线"
    assert (
        as_json("--lang", "zh", *args, "--lang", "en")["primary"]["name"] == "Regular customer line"
    )
    home = {"JDHOTLINE_HOME": str(tmp_path)}
    result = run("case", "--lang", "zh", "list", "--at", FRIDAY_NOON, env=home)
    assert result.exit_code == 0 and result.stdout == "没有未结的记录。\n", result.output
    assert run("completion", "bash", "--lang", "zh").exit_code == 0
    assert run("--lang", "fr", "table").exit_code == 2


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout == f"jdhotline {__version__}\n"


def test_every_command_has_help() -> None:
    import typer.main

    group = typer.main.get_group(cli.app)
    assert sorted(group.commands) == [
        "calendar", "case", "check", "completion", "open", "prep", "scenarios", "serve", "table",
        "which",
    ]  # fmt: skip
    case = group.commands["case"]
    assert sorted(case.commands) == [
        "add",
        "close",
        "export",
        "followup",
        "list",
        "log",
        "reopen",
        "show",
    ]  # type: ignore[attr-defined]
    commands = [([name], c) for name, c in group.commands.items()]
    commands += [(["case", name], c) for name, c in case.commands.items()]  # type: ignore[attr-defined]
    for path, command in commands:
        assert command.help, f"{path} needs help text"
        result = run(*path, "--help")
        assert result.exit_code == 0 and "Usage:" in result.stdout
        for placeholder in ("<bool>", "<list", "<int>", "<str>", "{", "}"):  # types, not words
            assert placeholder not in result.stdout, (path, placeholder)
    assert "<bool>" not in run("--help").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["which", "-f", "xml", "x"],
            "Invalid value for '--format' / '-f': 'xml' is not one of: text, json, markdown.",
        ),
        (
            ["which", "--lang", "fr", "x"],
            "Invalid value for '--lang': 'fr' is not one of: zh, en, zh-Hant.",
        ),
        (["case", "show", "abc"], "Invalid value for 'N': 'abc' is not a case number"),
        (["case", "export", "-f", "xml"], "'xml' is not one of: json, csv, xlsx, ics."),
    ],
)
def test_typer_usage_errors_in_plain_words(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Usage: jdhotline {args[0]}")
    assert message in result.stderr
    assert "Value error" not in result.stderr and "Input should be" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "zh", "opne"], "错误：没有 opne 这个命令，是不是 open？"),
        (["case", "--lang", "zh", "lst"], "错误：没有 lst 这个命令，是不是 list？"),
        (["--lang", "zh", "xyzzy"], "错误：没有 xyzzy 这个命令\n"),
        (["case", "show", "abc", "--lang", "zh"], "错误：编号的值无效：“abc”不是记录编号"),
        (["which", "-f", "xml", "x", "--lang", "zh"], "错误：--format/-f 的值无效："),
    ],
)
def test_typer_usage_errors_in_chinese(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith("用法：jdhotline")
    assert message in result.stderr, result.stderr
    assert "Did you mean" not in result.stderr and "'" not in result.stderr


def test_a_chinese_locale_words_a_mistyped_command() -> None:
    locale = {"JDHOTLINE_LANG": None, "LC_ALL": None, "LC_MESSAGES": None}
    result = run("whch", env={**locale, "LANG": "zh_CN.UTF-8"})  # type: ignore[dict-item]
    assert result.exit_code == 2
    assert result.stderr.endswith("错误：没有 whch 这个命令，是不是 which？\n")


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete -o default -F _jdhotline_completion jdhotline"),
     ("zsh", "#compdef jdhotline"), ("fish", "complete --command jdhotline")],
)  # fmt: skip
def test_each_shell_gets_its_own_completion_script(shell: str, marker: str) -> None:
    result = run("completion", shell)
    assert result.exit_code == 0 and marker in result.stdout


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jdhotline", "open", "plus", "--at", FRIDAY_NOON, "--format", "json"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "plus"


def test_the_console_script_ends_without_final_collections(tmp_path: Path) -> None:
    """main() freezes the collector as it ends; its output and exit code are whole."""
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: sys.stderr.write(f'FROZEN {gc.get_freeze_count()}'))\n"
        "from jdhotline.cli.commands import main\n"
        "main()\n"
    )
    for args, status in ((["open", "plus"], 0), (["open", "merchant"], 1), (["open", "x"], 2)):
        proc = subprocess.run(
            [sys.executable, "-c", code, *args, "--at", "2026-11-28T10:00", "--format", "json"],
            capture_output=True, text=True, cwd=tmp_path, check=False,
        )  # fmt: skip
        assert proc.returncode == status, proc.stderr
        frozen = int(proc.stderr.rsplit("FROZEN ", 1)[1])
        assert frozen > 10_000  # Typer's and pydantic's objects, left out at shutdown
        if status < 2:
            assert json.loads(proc.stdout)[0]["open_now"] is (status == 0)


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    code = "from jdhotline.cli.commands import main; main()"
    proc = subprocess.run(
        f'{sys.executable} -c "{code}" scenarios --format json | head -c 1',
        shell=True, capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert proc.stdout == "["
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_ascii_only_output_never_crashes(tmp_path: Path) -> None:
    env = bare_env(PATH="/usr/bin:/bin", PYTHONIOENCODING="ascii")
    base = [sys.executable, "-m", "jdhotline"]
    text = subprocess.run(
        [*base, "which", "冰箱不制冷", "--at", FRIDAY_NOON],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert text.returncode == 0 and b"Traceback" not in text.stderr
    assert b"Call 400-610-1360" in text.stdout
    assert text.stderr.count(b"cannot show some characters") == 1  # one note, at the end
    doc = subprocess.run(
        [*base, "which", "冰箱不制冷", "--lang", "zh", "--at", FRIDAY_NOON, "--format", "json"],
        capture_output=True, env=env, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert doc.returncode == 0 and doc.stdout.isascii()
    assert json.loads(doc.stdout)["primary"]["name"] == "家电维修专线"  # \u escapes lose nothing


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("jdhotline wh", 1, ["which"]),
        ("jdhotline which -s app", 3, ["appliance"]),
        ("jdhotline open mer", 2, ["merchant"]),
        ("jdhotline case add --line pl", 4, ["plus"]),
        ("jdhotline case fo", 2, ["followup"]),
    ],
)
def test_bash_completion(tmp_path: Path, words: str, cword: int, expected: list[str]) -> None:
    """What bash's completion function (jdhotline --show-completion bash) asks and gets."""
    env = bare_env(
        PATH="/usr/bin:/bin", _JDHOTLINE_COMPLETE="complete_bash",
        COMP_WORDS=words, COMP_CWORD=str(cword),
    )  # fmt: skip
    installed = Path(sys.executable).with_name("jdhotline")  # the console script bash completes
    result = subprocess.run(
        [installed], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )
    assert result.stdout.split() == expected, result.stderr
    script = subprocess.run(
        [installed, "completion", "bash"],
        capture_output=True, text=True, env=bare_env(PATH="/usr/bin:/bin"), check=False,
    )  # fmt: skip
    assert "complete -o default -F _jdhotline_completion jdhotline" in script.stdout
