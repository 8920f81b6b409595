"""The note after an answer about overdue cases stays short: up to three are listed;
beyond that the two longest overdue, the count, and `case list` for the rest."""

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli

runner = CliRunner()


def _add(n: int) -> None:
    for i in range(1, n + 1):
        # The highest numbers are the longest overdue: the note sorts, not the record.
        args = [
            "case",
            "add",
            "--line",
            "regular",
            "--order",
            f"10{i}",
            "--promise",
            f"{n + 1 - i}h",
        ]
        result = runner.invoke(cli.app, [*args, "--at", "2026-12-01T10:00", "--lang", "en"])
        assert result.exit_code == 0, result.output


def _note(lang: str) -> str:
    result = runner.invoke(
        cli.app, ["which", "订单没到", "--at", "2026-12-07T10:00", "--lang", lang]
    )
    assert result.exit_code == 0, result.output
    return result.stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_eight_overdue_cases_make_a_short_note(lang: str) -> None:
    _add(8)
    note = _note(lang)
    assert len(note.strip().splitlines()) <= 5
    assert "case list" in note and "followup 8" in note
    case = {"en": "Case", "zh": "记录"}[lang]
    listed = (f"{case} 8 ", f"{case} 7 ", f"{case} 6 ")
    assert listed[0] in note and listed[1] in note and listed[2] not in note
    assert ("8 overdue cases" if lang == "en" else "有 8 条记录已超时") in note


def test_three_are_all_listed() -> None:
    _add(3)
    note = _note("en")
    assert "You have 3 overdue cases: Case 1" in note and "Case 3 " in note and "followup 1" in note
    assert "case list" not in note
