"""Issue 20 (10): identifiers have a sane maximum length, so nothing is wrapped for seconds."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from jdhotline.cli.commands import app
from jdhotline.prep import MAX_IDENTIFIER

AT = ["--at", "2026-12-08T10:00"]


@pytest.mark.parametrize("flag", ["--agent", "--ticket"])
def test_an_overlong_agent_id_or_ticket_is_refused_in_one_line(flag: str, tmp_path: Path) -> None:
    env = {"JDHOTLINE_HOME": str(tmp_path)}
    runner = CliRunner()
    long = "9" * 20_000
    en = runner.invoke(app, ["case", "add", "--line", "regular", flag, long, *AT], env=env)
    assert en.exit_code == 2
    assert en.stderr == (
        f"jdhotline: {flag}: 20,000 characters; an agent's ID or a ticket has at most 60\n"
    )
    zh = runner.invoke(
        app, ["case", "add", "--line", "regular", flag, "9" * 61, *AT, "--lang", "zh"], env=env
    )
    assert zh.exit_code == 2
    assert zh.stderr == f"jdhotline: {flag}: 有 61 个字符；工号或服务单号最多 60 个字符\n"
    ok = runner.invoke(
        app, ["case", "add", "--line", "regular", flag, "9" * MAX_IDENTIFIER, *AT], env=env
    )
    assert ok.exit_code == 0, ok.output
