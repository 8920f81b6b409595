"""The suite's own promise: no test depends on the developer's environment or writes
outside its temporary folders (conftest._pinned_env)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli

from .conftest import PINNED, UNSET, bare_env

AT = ["--at", "2026-11-27T10:00"]


def files_under(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()}


def test_the_environment_is_pinned(_pinned_env: Path) -> None:
    for name, value in PINNED.items():
        assert os.environ[name] == value
    assert not set(UNSET) & set(os.environ)
    assert Path.home() == _pinned_env
    for name in ("JDHOTLINE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        assert Path(os.environ[name]).is_relative_to(_pinned_env.parent), name


@pytest.mark.parametrize("how", ["in-process", "subprocess"])
def test_default_folders_are_the_tests_home(
    _pinned_env: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, how: str
) -> None:
    """Without JDHOTLINE_HOME, the record lands in the pinned home (a test cannot reach the
    real ~/.local/share), and nothing is written under the cache folder."""
    monkeypatch.delenv("JDHOTLINE_HOME")
    commands = [["case", "add", "--line", "plus", *AT], ["open", "--format", "json", *AT]]
    for args in commands:
        if how == "in-process":
            result = CliRunner().invoke(cli.app, args)
            assert result.exit_code == 0, result.output
        else:
            proc = subprocess.run(
                [sys.executable, "-m", "jdhotline", *args],
                capture_output=True, text=True, env=bare_env(), cwd=tmp_path, check=False,
            )  # fmt: skip
            assert proc.returncode == 0, proc.stderr
    written = files_under(_pinned_env)
    assert ".local/share/jdhotline/cases.db" in written
    assert not any(name.startswith(".cache/") for name in written), written  # no disk cache
    assert not any(tmp_path.iterdir())  # nothing in the working folder either
