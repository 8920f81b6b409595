"""What a person holding the phone sees: the answer at a glance, and Chinese that is Chinese.

Every scenario for every user type, in both languages, at moments when the lines are
open and closed; every command in Chinese at 40, 80 and 120 columns.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli
from jdhotline.load import load

from .conftest import SHIPPED

runner = CliRunner()
SCENARIOS = [s.id for s in load(SHIPPED).scenarios]
MOMENTS = ["2026-11-27T22:00", "2026-11-28T10:00", "2026-11-27T20:30"]  # closed, weekend, peak
USERS = [[], ["--plus"], ["--merchant"]]

# Closing marks no line may start with, opening marks no line may end with (clreq).
CLOSING = "\uff0c\u3002\u3001\uff1b\uff1a\uff1f\uff01\uff09\u300d\u300f\u3011\u300b\u201d,.;:?!)"
OPENING = "\uff08\u300c\u300e\u3010\u300a\u201c("
# Names a Chinese answer may carry in Latin letters, and the command lines it quotes.
NAMES = {"PLUS", "APP", "ID", "JD", "BCD", "XXXX", "WTPZM", "XX", "UTC"}
COMMAND = re.compile(r"(jdhotline|pip install|--)[\w-]*( [\w\-./]+)*")


def run(*args: str, columns: int = 100) -> tuple[str, str]:
    result = runner.invoke(cli.app, list(args), env={"COLUMNS": str(columns)})
    assert result.exit_code in (0, 1), result.output
    return result.stdout, result.stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("at", MOMENTS)
@pytest.mark.parametrize("user", USERS, ids=["regular", "plus", "merchant"])
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_answer_fits_a_screen_and_starts_with_the_number(
    scenario: str, user: list[str], at: str, lang: str
) -> None:
    out, _ = run("which", *user, "-s", scenario, "--at", at, "--lang", lang)
    lines = out.splitlines()
    assert len(lines) <= 20, out
    json_out = runner.invoke(
        cli.app, ["which", *user, "-s", scenario, "--at", at, "--format", "json"]
    ).stdout
    number = re.search(r'"number": "([0-9-]+)"', json_out)
    assert number is not None
    assert any(number.group(1) in line for line in lines[:3]), out


def test_the_issues_example_closed_line_with_the_open_one_beside_it() -> None:
    out, _ = run("which", "--plus", "-s", "appliance", "--at", "2026-11-27T22:00", "--lang", "zh")
    assert out.splitlines()[0] == "拨打 400-610-1360  家电维修专线"
    assert out.splitlines()[1].startswith(
        "已下班 · 明天 09:00 开始接听\uff08还有 11 小时\uff09\uff0c现在可拨 400-656-0055"
    )
    assert " — " not in out  # Chinese goes on after a comma; English keeps its dash
    en, _ = run("which", "--plus", "-s", "appliance", "--at", "2026-11-27T22:00", "--lang", "en")
    assert "(in 11 h) — open now: 400-656-0055" in en


def test_simple_questions_start_with_the_assistant() -> None:
    out, _ = run("which", "查物流", "--at", "2026-11-27T10:00", "--lang", "zh")
    assert out.splitlines()[0].startswith("先问京东客服助手")
    assert out.splitlines()[1].startswith("拨打 950618")


def test_no_filler_and_no_repetition() -> None:
    out, _ = run("which", "-s", "appliance", "--at", "2026-11-27T10:00")
    assert "not given by the guide" not in out and "no menu given" not in out
    full, _ = run("which", "--plus", "-s", "high-value", "--at", "2026-11-27T10:00", "--full")
    assert full.count("TV model XX") == 1  # the PLUS script once
    md, _ = run("which", "冰箱不制冷", "--at", "2026-11-27T10:00", "--format", "markdown")
    assert "Matched: 冰箱, 不制冷\n" in md or "Matched: 冰箱, 不制冷*" in md


def english_words(text: str) -> set[str]:
    text = COMMAND.sub(" ", text)
    return {w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in NAMES}


def zh_commands(tmp_path: Path) -> list[list[str]]:
    at = ["--at", "2026-11-28T12:00", "--lang", "zh"]
    return [
        ["which", "冰箱不制冷", *at],
        ["which", "冰箱不制冷", "--full", *at],
        ["which", "--merchant", "-s", "malicious-refund", "--full", *at],
        ["which", "-s", "dispute", "--full", *at],
        ["which", "--plus", "-s", "high-value", "--full", "--format", "markdown", *at],
        ["table", *at],
        [
            "table",
            "--at",
            "2026-10-03T10:00",
            "--lang",
            "zh",
        ],  # National Day: the merchant line shut
        ["open", *at],
        ["scenarios", "--lang", "zh"],
        ["calendar", "--lang", "zh"],
        ["case", "add", "--line", "regular", *at],
        ["prep", "-s", "order", "--order", "123", "--fault", "没发货", *at],
        ["prep", "-s", "appliance", *at],
        ["case", "list", *at],
        ["case", "show", "1", *at],
        ["case", "followup", "1", *at],
    ]


def cell_lines(out: str) -> list[str]:
    """Every line of the output, a table's row cut into its cells' lines (borders dropped)."""
    return [cell.strip() for line in out.splitlines() for cell in re.split("[│┃]", line)]


@pytest.mark.parametrize("columns", [40, 80, 120, 150])
def test_chinese_output_is_chinese_and_breaks_lines_by_the_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    runner.invoke(cli.app, ["case", "add", "--line", "appliance", "--order", "555",
                            "--agent", "00123", "--promise", "24h", "--at", "2026-11-27T10:00"])  # fmt: skip
    ids = {part for s in SCENARIOS for part in s.split("-")}
    for args in zh_commands(tmp_path):
        out, err = run(*args, columns=columns)
        words = english_words(out + err)
        if args[0] == "scenarios":  # the ids to type after --scenario are code, not words
            words -= ids
        assert not words, (args, words)
        for line in cell_lines(out):
            assert not line[:1] or line[0] not in CLOSING, (args, line)
            assert not line or line[-1] not in OPENING, (args, line)
            assert line != "/", (args, "a lone slash")
        prose = "\n".join(x for x in out.splitlines() if not x.startswith("  jdhotline "))
        assert not re.search("[\u4e00-\u9fff][,;:?!]", prose), (args, "ASCII punctuation")


UNIT = re.compile(r"(小时|分钟|个月|天|年|月|日|元|h|min|d)(?![A-Za-z])")


@pytest.mark.parametrize("columns", [40, 80, 100, 120])
def test_a_number_keeps_its_unit_and_a_command_its_words(columns: int) -> None:
    at = ["--at", "2026-10-03T10:00"]
    commands = [
        ["open", "merchant", *at, "--lang", "zh"],
        ["open", *at],
        ["which", "冰箱不制冷", "--full", *at, "--lang", "zh"],
        ["which", "-s", "appliance", "--full", *at],
        ["table", *at, "--lang", "zh"],
        ["calendar"],
        ["calendar", "--lang", "zh"],
    ]
    for args in commands:
        out, _ = run(*args, columns=columns)
        lines = cell_lines(out)
        for before, after in itertools.pairwise(lines):
            if re.search(r"\d$", before):
                assert not UNIT.match(after), (args, before, after)
        assert not any(re.search(r"(jdhotline|pip install|pip)$", line) for line in lines), args
        if "pip install" in out:
            assert any("pip install -U chinesecalendar" in line for line in lines), (args, out)


def test_the_markdown_footer_is_a_paragraph_an_item() -> None:
    from markdown_it import MarkdownIt

    md, _ = run("which", "冰箱不制冷", "--format", "markdown", "--full", "--at", "2026-10-03T10:00")
    tokens = MarkdownIt().parse(md)
    paragraphs = [t.content for t in tokens if t.type == "inline"]
    for start in ("Regular buyer", "Matched:", "Time:", "Source:"):
        found = [p for p in paragraphs if f"*{start}" in p]
        assert len(found) == 1 and found[0].startswith(f"*{start}"), (start, found)
        assert "\n" not in found[0]


def test_a_tv_is_not_a_fridge() -> None:
    out, _ = run("prep", "--plus", "电视黑屏", "--at", "2026-11-27T10:00")
    assert "The model: on the sticker inside the fridge door" not in out
    assert '(e.g. "not cooling")' not in out


def test_english_answers_give_the_chinese_sentence_to_say() -> None:
    args = ["prep", "-s", "order", "--order", "123", "--at", "2026-11-27T10:00"]
    out, _ = run(*args, "--fault", "没发货", "--want", "今天发货")
    assert "In Chinese: “订单号 123\uff0c没发货\uff0c需求是今天发货”" in out
    assert "Order 123; 没发货" not in out  # never half English, half Chinese
    out, _ = run(*args, "--ordered", "11-20", "--fault", "not shipped", "--want", "a refund")
    assert "“Ordered on 20 November (order 123); not shipped; I want a refund.”" in out
    # Your English words are not pasted into the Chinese: the scenario stands for them (issue 18).
    assert "In Chinese: “11 月 20 日下单（订单号 123），订单咨询：XX，需求是 XX”" in out


def test_a_plus_member_who_forgot_plus_is_told() -> None:
    _, err = run("which", "商家拒退款", "--at", "2026-11-27T10:00")
    assert "A PLUS member? Add --plus" in err
    _, err = run("which", "--plus", "商家拒退款", "--at", "2026-11-27T10:00")
    assert "--plus" not in err


def zh_errors() -> list[list[str]]:
    at = ["--at", "2026-11-27T10:00", "--lang", "zh"]
    return [
        ["which", "--lang", "zh", "冰箱", "--promise", "x"],  # no such option
        ["which", "冰箱", "--lang", "zh", "--at"],  # missing value
        ["table", "--lang", "zh", "--format", "xml"],  # invalid choice
        ["open", "regular", "多余", "--lang", "zh"],  # unexpected extra argument
        ["case", "log", "--lang", "zh"],  # missing argument
        ["case", "--lang", "zh"],  # no command after the group
        ["case", "add", "--line", "regular", "--promise", "0h", *at],  # promise
        ["which", "冰箱", "--at", "2026-02-30T10:00", "--lang", "zh"],  # not a moment
        ["which", "冰箱", "--at", "25:00", "--lang", "zh"],  # not a time of day
        ["which", "冰箱", "--at", "1999-01-01T10:00", "--lang", "zh"],  # out of range
        ["prep", "-s", "order", "--order", "十二", *at],  # order
        ["prep", "-s", "order", "--phone", "12", *at],  # phone
        ["case", "log", "1", *at],  # a closed case
        ["case", "reopen", "2", *at],  # an open case
        ["case", "show", "x", "--lang", "zh"],  # not a case number
    ]


@pytest.mark.parametrize("columns", [40, 80, 120])
def test_chinese_errors_are_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    runner.invoke(cli.app, ["case", "add", "--line", "regular", "--at", "2026-11-27T09:00"])
    runner.invoke(cli.app, ["case", "close", "1", "--at", "2026-11-27T09:30"])
    runner.invoke(cli.app, ["case", "add", "--line", "regular", "--at", "2026-11-27T09:00"])
    for args in zh_errors():
        result = runner.invoke(cli.app, args, env={"COLUMNS": str(columns)})
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.strip(), args
        typed = {"xml", "text", "json", "markdown"}  # the values to type are code, not words
        assert not english_words(result.stderr) - typed, (args, result.stderr)
        assert not re.search("[\u4e00-\u9fff][,;:?!]", result.stderr), (args, result.stderr)


def unusable_records(tmp_path: Path) -> dict[str, Path]:
    """Case records jdhotline refuses (exit 4), as JDHOTLINE_HOME folders."""
    import sqlite3

    homes = {name: tmp_path / name for name in ("text", "folder", "foreign")}
    for home in homes.values():
        home.mkdir()
    (homes["text"] / "cases.db").write_text("我的购物笔记\n", encoding="utf-8")
    (homes["folder"] / "cases.db").mkdir()
    sqlite3.connect(homes["foreign"] / "cases.db").execute("CREATE TABLE t (x)").connection.close()
    homes["file"] = tmp_path / "a-file"
    homes["file"].write_text("", encoding="utf-8")
    return homes


@pytest.mark.parametrize("columns", [40, 80, 120])
def test_chinese_case_record_errors_are_chinese(tmp_path: Path, columns: int) -> None:
    for name, home in unusable_records(tmp_path).items():
        for args in (["case", "list"], ["case", "add", "--line", "regular"]):
            result = runner.invoke(
                cli.app,
                [*args, "--lang", "zh", "--at", "2026-11-27T10:00"],
                env={"COLUMNS": str(columns), "JDHOTLINE_HOME": str(home)},
            )
            assert result.exit_code == 4, (name, args, result.output)
            said = re.sub(r"/[^\s\uff08\uff09\uff0c\uff1b]+", " ", result.stderr)  # paths
            assert "JDHOTLINE_HOME" in said or name == "folder", (name, result.stderr)
            said = said.replace("JDHOTLINE_HOME", "").replace("SQLite", "")
            assert not english_words(said), (name, result.stderr)
            assert not re.search("^[\uff0c\u3002\u3001\uff1b\uff1a\uff1f\uff01\uff09]", said, re.M)


def test_interrupted_in_chinese() -> None:
    from jdhotline.i18n.messages import interrupted_message

    assert interrupted_message(["--lang", "zh", "which"], []) == "jdhotline: 已中断"
    assert (
        interrupted_message(["case", "add", "--lang=zh"], [])
        == "jdhotline: 已中断；没有保存任何内容"
    )
    assert interrupted_message(["--lang", "en", "which"], []) == "jdhotline: interrupted"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_question_about_reaching_customer_service_gets_the_four_lines(lang: str) -> None:
    """Found by a new user: 京东热线总占线怎么办 was refused (exit 2); the table answers it."""
    at = ["--at", "2026-11-27T10:00", "--lang", lang]
    for asked in (
        "京东热线总占线怎么办",
        "客服电话多少",
        "how do I get a human at JD customer service",
    ):
        result = runner.invoke(cli.app, ["which", asked, *at])
        assert result.exit_code == 0, result.output
        for number in ("950618", "400-656-0055", "400-610-1360", "400-622-9068"):
            assert number in result.stdout
        assert ("没有说具体问题" if lang == "zh" else "No problem given") in result.stderr
        doc = runner.invoke(cli.app, ["which", asked, *at, "--format", "json"])
        assert doc.exit_code == 2 and doc.stdout == ""  # JSON keeps the which contract
        assert "jdhotline table" in doc.stderr


@pytest.mark.parametrize(
    ("asked", "zh", "en"),
    [
        ("淘宝客服电话多少", "别的平台或服务", "another platform or service"),
        (
            "推荐个三千左右的手机",
            "不是订单、商品、账号或店铺出的问题",
            "is not a problem with an order",
        ),
        ("今天好热", "没能从“今天好热”判断出场景", "no scenario matched"),
    ],
)
def test_a_refusal_says_why(asked: str, zh: str, en: str) -> None:
    for lang, said in (("zh", zh), ("en", en)):
        result = runner.invoke(
            cli.app, ["which", asked, "--at", "2026-11-27T10:00", "--lang", lang]
        )
        assert result.exit_code == 2 and said in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("text", "user"),
    [
        ("我是plus会员 商家不给退款", "plus"),
        ("我是京东PLUS会员，订单三天没发货", "plus"),
        ("作为PLUS会员 电视黑屏了", "plus"),
        ("I'm a PLUS member and the seller refuses my refund", "plus"),
        ("PLUS member here, my parcel is stuck", "plus"),
        ("plus会员有什么权益", "regular"),  # a question about PLUS, not a member saying so
        ("我不是plus会员 商家不退款", "regular"),
        ("我从来没开过plus 怎么扣了我99", "regular"),
    ],
)
def test_a_plus_member_who_says_so_gets_the_members_answer(text: str, user: str) -> None:
    """Found by a new user: "我是plus会员…" without --plus was answered as a regular buyer."""
    result = runner.invoke(cli.app, ["which", text, "--at", "2026-11-27T10:00", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["user"] == user
    assert ("You said you are a PLUS member" in result.stderr) == (user == "plus")
