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


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test depends on the developer's language, catalogue, home or time zone."""
    for name in ("JDHOTLINE_LANG", "JDHOTLINE_CATALOG", "LC_ALL", "LC_MESSAGES", "JDHOTLINE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


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
