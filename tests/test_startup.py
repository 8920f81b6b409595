"""Start-up cost cannot creep back: which heavy modules a command imports.

In the spirit of Typer's own test_rich_import: run the command in a fresh
interpreter and look at sys.modules. Timings live in bench/startup.py.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("rich", "yaml", "chinese_calendar", "sqlite3", "platformdirs", "jdhotline.validate")

# The probe itself imports nothing but sys, so that what it reports is the command's doing.
PROBE = """
import sys
sys.argv = ["jdhotline", *sys.argv[1:]]
from jdhotline.cli import main
try:
    main()
except SystemExit:
    pass
finally:
    sys.stderr.write("\\nMODULES " + repr(sorted(sys.modules)) + "\\n")
"""


def imported(args: list[str], env: dict[str, str]) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    names = ast.literal_eval(result.stderr.rsplit("MODULES ", 1)[1])
    return {name if name.startswith("jdhotline") else name.split(".")[0] for name in names}


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    import os

    return dict(
        os.environ, JDHOTLINE_CACHE_DIR=str(tmp_path / "cache"), JDHOTLINE_HOME=str(tmp_path)
    )


def test_version_imports_nothing_heavy(env: dict[str, str]) -> None:
    modules = imported(["--version"], env)
    assert not modules & {*HEAVY, "jdhotline.catalogue", "jdhotline.schedule", "json", "pickle"}


def test_open_json_with_a_warm_cache_imports_nothing_heavy(env: dict[str, str]) -> None:
    args = ["open", "--format", "json", "--at", "2026-11-28T10:00"]
    cold = imported(args, env)  # the first run parses the YAML and reads chinesecalendar...
    assert {"yaml", "chinese_calendar", "jdhotline.validate"} <= cold
    warm = imported(args, env)  # ...and leaves both in the cache for the next ones
    assert not warm & set(HEAVY), warm & set(HEAVY)
    assert "jdhotline.catalogue" in warm and "jdhotline.cache" in warm
    assert "pickle" not in warm  # the cache is marshal, built into the interpreter


def test_which_json_does_not_import_rich_or_sqlite(env: dict[str, str]) -> None:
    args = [
        "which",
        "--plus",
        "--scenario",
        "appliance",
        "--format",
        "json",
        "--at",
        "2026-11-27T10:00",
    ]
    imported(args, env)
    warm = imported(args, env)
    assert not warm & {"rich", "yaml", "sqlite3", "jdhotline.validate"}
