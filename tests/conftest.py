from __future__ import annotations

import copy
import datetime as dt
import os
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings

from jdhotline import catalogue as cat_mod
from jdhotline import load as load_mod
from jdhotline.schedule import BEIJING

# In CI the property tests and the fuzzer run a fixed, reproducible set of examples:
# a submission's fate never depends on the luck of the draw. Locally they explore.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "hotlines.yaml"


def bj(text: str) -> dt.datetime:
    """A pinned moment, Beijing time: bj("2026-11-27 12:00")."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=BEIJING)


# What the output depends on, fixed for every test (a test that needs another value sets
# its own). A developer's exported COLUMNS=60, FORCE_COLOR=1, NO_COLOR=1, TERM=dumb or
# LANG=C must not change a result.
PINNED = {
    "COLUMNS": "80",
    "LINES": "25",
    "LANG": "C.UTF-8",
    "TZ": "UTC",
}
# Read by Rich, Typer, Click or Python, and left unset.
UNSET = (
    "FORCE_COLOR", "NO_COLOR", "PY_COLORS", "CLICOLOR", "CLICOLOR_FORCE", "COLORTERM", "TERM",
    "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS", "JUPYTER_LINES", "TERMINAL_WIDTH",
    "GITHUB_ACTIONS", "_TYPER_FORCE_DISABLE_TERMINAL", "LANGUAGE", "PYTHONIOENCODING", "PYTHONUTF8",
)  # fmt: skip


XDG = {
    "XDG_CACHE_HOME": ".cache",
    "XDG_CONFIG_HOME": ".config",
    "XDG_DATA_HOME": ".local/share",
    "XDG_STATE_HOME": ".local/state",
}


@pytest.fixture(autouse=True)
def _pinned_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one place the environment is pinned, for every test.

    Nothing the developer exported leaks in (width, colour, terminal, language,
    catalogue, time zone), and every folder jdhotline or a library may write to (the
    home, the XDG folders, JDHOTLINE_HOME) is a temporary one, also for the
    subprocesses a test starts. Returns the test's home.
    """
    for name in list(os.environ):
        if name in UNSET or name.startswith(("JDHOTLINE_", "_JDHOTLINE_", "LC_", "XDG_")):
            monkeypatch.delenv(name)
    for name, value in PINNED.items():
        monkeypatch.setenv(name, value)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name, folder in XDG.items():
        monkeypatch.setenv(name, str(home / folder))
    monkeypatch.setenv("JDHOTLINE_HOME", str(home / "jdhotline"))
    time.tzset()
    return home


def bare_env(**extra: str) -> dict[str, str]:
    """A minimal environment for a subprocess: PATH, and the pinned folders and zone.

    Without HOME a program finds the real home folder through the password database.
    """
    keep = ("PATH", "HOME", "TZ", "JDHOTLINE_HOME", *XDG)
    return {**{name: os.environ[name] for name in keep if name in os.environ}, **extra}


@pytest.fixture(scope="session")
def shipped_data() -> dict[str, Any]:
    return yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))


@pytest.fixture
def data(shipped_data: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of the shipped catalogue as plain data, to break or extend."""
    return copy.deepcopy(shipped_data)


@pytest.fixture(scope="session")
def catalogue() -> cat_mod.Catalogue:
    return load_mod.load(SHIPPED)


def build(data: dict[str, Any], file: str = "test.yaml") -> cat_mod.Catalogue:
    return load_mod.parse(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), file)


def line_data(data: dict[str, Any], line_id: str) -> dict[str, Any]:
    return next(line for line in data["hotlines"] if line["id"] == line_id)
