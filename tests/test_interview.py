"""The questions asked in a terminal."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from jdhotline import cli, interview
from jdhotline.interview import scenarios_for

runner = CliRunner()
AT = ["--at", "2026-11-27T12:00"]


@pytest.fixture
def tty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "interactive", lambda: True)
    monkeypatch.setattr(interview, "interactive", lambda: True)


def test_buyers_are_offered_buyers_scenarios_and_merchants_their_own_first(catalogue) -> None:
    assert {s.audience for s in scenarios_for(catalogue, "plus")} == {"buyers"}
    assert {s.audience for s in scenarios_for(catalogue, "regular")} == {"buyers"}
    merchant = scenarios_for(catalogue, "merchant")
    assert [s.audience for s in merchant[:3]] == ["merchants"] * 3
    assert len(merchant) == len(catalogue.scenarios)


@pytest.mark.usefixtures("tty")
def test_which_dash_in_a_terminal_says_what_it_waits_for() -> None:
    result = runner.invoke(cli.app, ["which", "-", *AT, "--format", "json"], input="冰箱不制冷\n")
    assert result.exit_code == 0, result.output
    assert "Type or paste the problem, then press Ctrl-D" in result.stderr
    assert json.loads(result.stdout)["scenario"] == "appliance"


@pytest.mark.usefixtures("tty")
def test_prompts_and_their_errors_in_chinese() -> None:
    result = runner.invoke(
        cli.app, ["which", "--lang", "zh", *AT, "--format", "json"], input="5\n\n3\n"
    )
    assert result.exit_code == 0, result.output
    assert "你的身份是\uff1f" in result.stderr and "请输入 1\u30012 或 3" in result.stderr
    assert "jdhotline: " in result.stderr and "answer" not in result.stderr
