"""Typer through its front door (issue 21, steps 2 and 4): one Run, one boundary, and the
one private touch kept in cli/typer_adapter.py.

This file is cheap to run (no subprocess, a few in-process commands), so a CI job can
run it in a throwaway venv with the lowest and the newest Typer of pyproject's range
(scripts/typer_range.sh does, with the CLI tests beside it).
"""

from __future__ import annotations

import ast
import re
from importlib.metadata import version
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli
from jdhotline.cli import typer_adapter
from jdhotline.cli.run import Run

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "jdhotline"
AT = ["--at", "2026-12-07T10:00"]
runner = CliRunner()


def _release(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def test_the_adapter_finds_all_it_uses_in_this_typer() -> None:
    assert typer_adapter.check() == [], typer_adapter.TYPER


def test_this_typer_is_inside_the_pinned_range() -> None:
    """pyproject's range is the one the suite is run against (lowest and newest)."""
    pin = re.search(r'"typer>=([\d.]+),<([\d.]+)"', (ROOT / "pyproject.toml").read_text())
    assert pin, "typer's pin is a range: typer>=LOW,<HIGH"
    low, high = _release(pin[1]), _release(pin[2])
    assert low <= _release(version("typer")) < high


def _outside_the_adapter() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if p.name != "typer_adapter.py"]


def test_no_private_typer_or_click_import_outside_the_adapter() -> None:
    found = []
    for path in _outside_the_adapter():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                parts = name.split(".")
                private = parts[0] == "typer" and any(p.startswith("_") for p in parts)
                if private or parts[0] == "click":
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert not found, found


def test_no_assignment_to_typer_or_click_outside_the_adapter() -> None:
    """No process-wide patch: nothing assigns to an attribute of typer, click or a class
    imported from them (TyperArgument.x = ..., typer.core._main = ...)."""
    found = []
    for path in _outside_the_adapter():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        theirs = {"typer", "click"}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in theirs:
                theirs |= {alias.asname or alias.name for alias in node.names}
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else []
            if isinstance(node, (ast.AugAssign, ast.AnnAssign)):
                targets = [node.target]
            for target in targets:
                root = target
                while isinstance(root, ast.Attribute):
                    root = root.value
                if target is not root and isinstance(root, ast.Name) and root.id in theirs:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, found


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        (["which", "--lang", "zh"], "zh"),
        (["--lang", "zh", "which", "--lang", "en"], "en"),  # the nearest, as Click reads it
        (["case", "--lang=zh", "list"], "zh"),
        (["which", "--", "--lang", "zh"], "en"),  # after --, a problem's words
        (["which", "--lang", "fr"], "en"),  # refused by the option; the default speaks
    ],
)
def test_the_language_is_decided_once_from_the_command_line(
    monkeypatch: pytest.MonkeyPatch, args: list[str], lang: str
) -> None:
    monkeypatch.setenv("JDHOTLINE_LANG", "en")
    assert Run(args).lang == lang


def test_a_run_reads_the_clock_once_and_loads_the_catalogue_when_asked() -> None:
    run = Run(["which"]).given(at="2026-12-07T10:00")
    assert run.moment is run.moment and run.moment.isoformat() == "2026-12-07T10:00:00+08:00"
    assert run._catalogue is None
    assert run.catalogue is run.catalogue


def test_each_command_gets_a_run_of_its_own() -> None:
    """Nothing about a run is left in a module: what one run saved is not the next one's."""
    seen: list[Run] = []
    for _ in range(2):
        run = Run(["table", *AT])
        code = cli.typer.main.get_command(cli.app).main(
            ["table", *AT], obj=run, standalone_mode=False
        )
        assert code == 0
        seen.append(run)
    assert seen[0].out is not seen[1].out
    assert not hasattr(cli, "out") and not hasattr(cli, "saved")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["which", "--plus=x"], "Error: Option '--plus' does not take a value."),
        (["which", "--plus=x", "--lang", "zh"], "错误：--plus 后面不能带值"),
        (["open", "regular", "extra", "--lang", "zh"], "错误：多了参数 extra"),
        (["--lang", "zh"], "错误：缺少命令"),
        (["whch", "--lang", "zh"], "错误：没有 whch 这个命令，是不是 which？"),
        (["whch"], "Error: No such command 'whch'. Did you mean 'which'?"),
        (["which", "-f", "xml", "--lang", "zh"], "“xml”不是可选值之一：text、json、markdown"),
    ],
)
def test_usage_errors_are_worded_from_their_class_and_attributes(
    args: list[str], said: str
) -> None:
    result = runner.invoke(cli.app, args)
    assert result.exit_code == 2, result.output
    assert said in result.stderr, result.stderr
    assert "Traceback" not in result.output


def test_no_arguments_is_the_help_on_stderr_and_exit_2() -> None:
    result = runner.invoke(cli.app, [])
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: jdhotline [OPTIONS] COMMAND [ARGS]...")


def test_errors_end_at_the_one_boundary_with_their_codes(tmp_path: Path) -> None:
    """A library error anywhere in a command is one message and its documented code."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("hotlines: [", encoding="utf-8")
    result = runner.invoke(cli.app, ["table", "--catalog", str(broken), *AT])
    assert result.exit_code == 3 and result.stderr.startswith("jdhotline: "), result.output
    result = runner.invoke(cli.app, ["open", "nosuchline", *AT])
    assert result.exit_code == 2 and "unknown line 'nosuchline'" in result.stderr
    result = runner.invoke(cli.app, ["table", "--at", "tomorrowish"])
    assert result.exit_code == 2 and result.stderr.startswith("jdhotline: "), result.output
