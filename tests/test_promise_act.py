"""A follow-up says back what the agent promised to do, as they said it in Chinese
(48小时内上门 → 承诺 48 小时内上门), and the guide's 反馈 when they named nothing; in
English, "feedback" (trial4)."""

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli

runner = CliRunner()


def _followup(promise: str, lang: str) -> str:
    add = ["case", "add", "--line", "appliance", "--agent", "00123", "--promise", promise]
    assert runner.invoke(cli.app, [*add, "--at", "2026-12-07T10:00"]).exit_code == 0
    result = runner.invoke(
        cli.app, ["case", "followup", "1", "--at", "2026-12-20T10:00", "--lang", lang]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("promise", "said"),
    [
        ("48小时内上门", "承诺 48 小时内上门"),
        ("24小时内给您回电", "承诺 24 小时内回电"),
        ("3个工作日内退款到账", "承诺 3 个工作日内退款"),
        ("2天内", "承诺 2 天内反馈"),
        ("48小时内弄好", "承诺 48 小时内反馈"),
    ],
)
def test_the_agents_own_verb(promise: str, said: str) -> None:
    assert said in _followup(promise, "zh")


def test_traditional_chinese_says_the_verb_in_its_script() -> None:
    assert "承諾 48 小時內上門" in _followup("48小时内上门", "zh-Hant")


def test_english_quotes_the_chinese_with_the_verb() -> None:
    out = _followup("48小时内上门", "en")
    assert "feedback within 48 hours" in out and "承诺 48 小时内上门" in out
