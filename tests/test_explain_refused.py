"""`which --explain` on words no scenario matches: the trace says why (no cue, too weak,
another platform) before the refusal, with the refusal's own exit code."""

from typer.testing import CliRunner

from jdhotline.cli import commands as cli
from jdhotline.errors import EXIT_USAGE

AT = ["--at", "2026-11-27T10:00"]


def _which(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli.app, ["which", *args, *AT])
    return result.exit_code, result.output


def test_no_cue_at_all_is_explained_in_chinese() -> None:
    code, output = _which("我想问问天气", "--explain", "--lang", "zh")
    assert code == EXIT_USAGE
    assert "文中没有热线数据里的识别词。" in output
    assert "结论：无（没有匹配的场景）" in output
    assert output.index("结论") < output.index("没能从“我想问问天气”判断出场景")


def test_another_platform_is_explained_in_english() -> None:
    code, output = _which("taobao seller sent a broken item", "--explain", "--lang", "en")
    assert code == EXIT_USAGE
    assert "broken" in output and "about another platform, not JD" in output


def test_without_explain_only_the_refusal() -> None:
    code, output = _which("我想问问天气", "--lang", "zh")
    assert code == EXIT_USAGE and "结论" not in output and "识别词" not in output


def test_other_refusals_get_no_trace() -> None:
    """--plus with --merchant is refused as a usage error, not explained (review)."""
    code, output = _which("冰箱不制冷", "--plus", "--merchant", "--explain", "--lang", "zh")
    assert code == EXIT_USAGE and "结论" not in output and "识别词" not in output
