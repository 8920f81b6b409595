"""--help follows the language: Chinese words, Chinese line breaks; English as Typer writes it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from jdhotline.cli import commands as cli

from .test_answers import CLOSING, OPENING, english_words

runner = CliRunner()
COMMANDS = [
    [],
    ["which"],
    ["table"],
    ["open"],
    ["check"],
    ["scenarios"],
    ["calendar"],
    ["prep"],
    ["completion"],
    ["serve"],
    ["case"],
    *[["case", name] for name in ("add", "log", "close", "reopen", "list", "show")],
    ["case", "followup"],
    ["case", "export"],
]
# What a Chinese help page may hold in Latin letters besides option names and commands:
# the values to type, the line ids, the catalogue's file format and shell code.
TYPED = {"text", "json", "markdown", "csv", "ics", "zh", "en", "bash", "zsh", "fish", "eval"}
TYPED |= {"regular", "plus", "appliance", "merchant", "YAML", "xlsx"}
TYPED |= {"Hant", "TW", "HK", "MO"}  # --lang zh-Hant; the locales zh_TW, zh_HK, zh_MO
TYPED |= {word for command in COMMANDS for word in command} | {"open", "which", "case"}
ENV_VAR = re.compile(r"\$?JDHOTLINE_[A-Z]+")
NO_LOCALE = {"JDHOTLINE_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}


def help_of(args: list[str], columns: int = 80, **env: str | None) -> str:
    result = runner.invoke(cli.app, args, env={**NO_LOCALE, "COLUMNS": str(columns), **env})
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result.stdout


def test_every_command_is_in_the_table() -> None:
    from jdhotline.i18n.words_help import COMMANDS as WORDED

    group = cli.typer.main.get_command(cli.app)
    paths = [""] + [name for name in group.commands]  # type: ignore[attr-defined]
    paths += ["case " + name for name in group.commands["case"].commands]  # type: ignore[attr-defined]
    assert sorted(paths) == sorted(WORDED)
    assert sorted(paths) == sorted(" ".join(c) for c in COMMANDS)


@pytest.mark.parametrize("columns", [40, 80, 120])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "jdhotline")
def test_chinese_help_is_chinese_and_breaks_lines_by_the_rules(
    command: list[str], columns: int
) -> None:
    page = help_of([*command, "-h", "--lang", "zh"], columns)
    assert page.startswith("用法：jdhotline ") and "\n选项：\n" in page, page
    assert not english_words(ENV_VAR.sub(" ", page)) - TYPED, page
    assert not re.search("[\u4e00-\u9fff][,;:?!]", page), page
    for line in page.splitlines():
        assert not line.lstrip()[:1] or line.lstrip()[0] not in CLOSING, (command, line)
        assert not line.rstrip() or line.rstrip()[-1] not in OPENING, (command, line)
        assert cell_len(line) <= columns, (command, line)


def test_the_whole_page_is_worded() -> None:
    page = help_of(["-h", "--lang", "zh"])
    for words in ("\n命令：\n", "显示本帮助并退出。", "为当前终端安装命令补全。"):
        assert words in page, words
    assert "  case        记下通话和客服的承诺\n" in page
    page = help_of(["which", "-h", "--lang", "zh"], 120)
    assert "\n参数：\n  问题  " in page and "[选项] [问题]..." in page
    assert "--at 时间" in page and "--catalog 路径" in page
    assert "输出格式（默认：text）。" in page
    assert "（环境变量：JDHOTLINE_CATALOG）。" in re.sub(r"\n +", "", page)
    assert "bash、zsh 或 fish（必填）。" in help_of(["completion", "-h", "--lang", "zh"])
    assert "jdhotline case show [选项] 编号\n" in help_of(["case", "show", "-h", "--lang", "zh"])


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--help", "--lang", "zh"], {}),
        (["--lang", "zh", "-h"], {}),
        (["which", "--help"], {"LANG": "zh_CN.UTF-8"}),
        (["case", "add", "-h"], {"JDHOTLINE_LANG": "zh"}),
        (["case", "add", "-h", "--lang", "zh"], {"LANG": "en_US.UTF-8"}),
    ],
)
def test_help_follows_the_language_of_the_command_line(
    args: list[str], env: dict[str, str]
) -> None:
    assert help_of(args, **env).startswith("用法：")


def test_english_wins_over_a_chinese_locale() -> None:
    assert help_of(["which", "-h", "--lang", "en"], LANG="zh_CN.UTF-8").startswith("Usage: ")


def test_no_command_shows_the_chinese_help() -> None:
    for args in ([], ["case"]):
        result = runner.invoke(cli.app, args, env={**NO_LOCALE, "JDHOTLINE_LANG": "zh"})
        assert result.exit_code == 2 and result.stderr.startswith("用法：jdhotline "), args
        assert "\n命令：\n" in result.stderr


def test_english_help_is_typers() -> None:
    assert help_of(["--help"]) == (
        "Usage: jdhotline [OPTIONS] COMMAND [ARGS]...\n"
        "\n"
        "  Which JD.com (京东) customer-service hotline to call, when, and what to have\n"
        "  ready.\n"
        "\n"
        "  All hours are Beijing time (Asia/Shanghai), whatever your machine's zone.\n"
        "\n"
        "Options:\n"
        "  --version             Show the version.\n"
        "  --install-completion  Install completion for the current shell.\n"
        "  --show-completion     Show completion for the current shell, to copy it or\n"
        "                        customize the installation.\n"
        "  -h, --help            Show this message and exit.\n"
        "\n"
        "Commands:\n"
        "  which       Which number to dial for your problem, whether it is open,...\n"
        "  table       All hotlines: number, who it is for, scenarios, hours,...\n"
        "  open        Is a line open now? With one line: exit 0 when open, 1 when...\n"
        "  check       Is this number one of JD's lines? Exit 0 when every number...\n"
        "  scenarios   The scenario ids, their names and example keywords.\n"
        "  calendar    Which years' working days are verified, statutory only or...\n"
        "  prep        A one-page call sheet: which line and when, what to say, what...\n"
        "  serve       A page for a phone or a browser, and a JSON API.\n"
        "  completion  Print the tab-completion script for a shell.\n"
        "  case        Keep track of calls and what the agent promised (a local...\n"
    )
    page = help_of(["case", "add", "--help"])
    assert "  --agent AGENT_ID        The agent's ID.\n" in page
    assert "  --ticket TICKET         The service ticket.\n" in page
    assert not re.search("--[a-z]+ [\u4e00-\u9fff]", page)  # no wide placeholder
    assert "Output format.  [default: text]" in page and "[env var: JDHOTLINE_CATALOG]" in page


def test_the_documented_example_is_what_it_prints() -> None:
    page = (Path(__file__).parent.parent / "docs" / "usage" / "README.md").read_text(
        encoding="utf-8"
    )
    shown = page.split("$ jdhotline open -h --lang zh\n", 1)[1].split("\n…\n", 1)[0]
    assert help_of(["open", "-h", "--lang", "zh"]).startswith(shown + "\n")
