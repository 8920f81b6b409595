from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli
from jdhotline.output.console import clean
from jdhotline.output.documents import dumps

from .conftest import dump_yaml, line_data

HOSTILE_NAME = "[bold red]Fake[/bold red] \x1b]0;pwned\x07\x1b[2J"
HOSTILE_TIP = "[link=https://evil.example]click[/link] \x9b31m"


@pytest.fixture
def hostile(tmp_path: Path, data: dict[str, Any]) -> Path:
    line = line_data(data, "regular")
    line["name"]["en"] = HOSTILE_NAME
    line["tips"][0]["en"] = HOSTILE_TIP
    data["scenarios"][4]["prepare"][0]["en"] = "[red]order number[/red]"
    path = tmp_path / "hostile.yaml"
    path.write_text(dump_yaml(data, sort_keys=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize("command", [["which", "-s", "order", "--full"], ["table"], ["open"]])
def test_catalogue_text_is_shown_literally(hostile: Path, fmt: str, command: list[str]) -> None:
    args = [*command, "--catalog", str(hostile), "--format", fmt, "--at", "2026-11-27T12:00"]
    result = CliRunner().invoke(cli.app, args, env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    if fmt == "json":
        if command[0] != "open":  # the name and tips travel intact inside JSON strings
            assert HOSTILE_NAME in _strings(json.loads(out))
        return
    if command[0] != "open":
        assert "[bold red]Fake[/bold red]" in out
        assert "\\x1b]0;pwned\\x07\\x1b[2J" in out
    if command[0] == "which":
        assert "[link=https://evil.example]click[/link] \\x9b31m" in out
        assert "[red]order number[/red]" in out


def _strings(document: Any) -> list[str]:
    if isinstance(document, str):
        return [document]
    if isinstance(document, dict):
        document = list(document.values())
    if isinstance(document, list):
        return [s for item in document for s in _strings(item)]
    return []


def test_clean_and_dumps() -> None:
    assert clean("a\x1b[31mb\tc\nd\x7f") == "a\\x1b[31mb\tc\nd\\x7f"
    assert dumps({"k": "\x1b\x9b"}) == '{\n  "k": "\\u001b\\u009b"\n}'
    assert json.loads(dumps({"k": "\x1b\x9b"})) == {"k": "\x1b\x9b"}


def test_every_notice_code_the_rules_give_has_words(catalogue) -> None:
    """rules.py names each notice by a code; render.py words each one (none falls through)."""
    import re

    from jdhotline import rules
    from jdhotline.output.render import notice_text
    from jdhotline.rules import NOTICE_CODES, Notice, recommend

    source = Path(rules.__file__).read_text(encoding="utf-8")
    used = set(re.findall(r'Notice\(\s*"([a-z-]+)"', source))
    assert used <= set(NOTICE_CODES), used - set(NOTICE_CODES)
    at = dt.datetime(2026, 11, 27, 12, 30, tzinfo=dt.timezone.utc)  # 20:30: the peak
    rec = recommend(catalogue, "regular", catalogue.scenario("order"), at)
    for code in NOTICE_CODES:
        line = catalogue.line("appliance" if code in ("caution", "plus-expedite") else "plus")
        notice = Notice(
            code, line, other=catalogue.line("regular"), years=(2027,), scenario=rec.scenario
        )
        for lang in ("zh", "en"):
            assert notice_text(notice, rec, catalogue, lang), (code, lang)


def test_a_working_days_line_on_a_day_off_says_so() -> None:
    """已下班 is for the evening; on a holiday the line rests, and the calendar names it."""
    from typer.testing import CliRunner

    from jdhotline.cli import commands as cli

    def state(at: str, lang: str) -> str:
        args = ["open", "merchant", "--at", at, "--lang", lang, "-f", "markdown"]
        return " ".join(CliRunner().invoke(cli.app, args).stdout.split())

    assert "今天休息（国庆节） · 10 月 8 日周四 09:00 开" in state("2026-10-03T10:00", "zh")
    assert "closed today (National Day) · opens Thu 10-08 09:00" in state("2026-10-03T10:00", "en")
    assert "今天休息 · 11 月 30 日周一 09:00 开" in state("2026-11-28T10:00", "zh")  # Saturday
    assert "已下班 · 11 月 30 日周一 09:00 开" in state("2026-11-27T20:00", "zh")  # evening
    args = ["which", "--merchant", "买家恶意退款", "--at", "2026-11-28T10:00", "--lang", "zh"]
    online = " ".join(CliRunner().invoke(cli.app, [*args, "-f", "markdown"]).stdout.split())
    assert "现在可用在线入口" in online
    assert "京麦工作台“客服中心”，需登录主账号" in online and "在线）" not in online
