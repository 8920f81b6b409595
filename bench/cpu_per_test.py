"""A pytest plugin: the CPU seconds each test used, its children's included, as a JUnit
property (``cpu``), for bench/test_times.py --cpu.

    PYTHONPATH=bench pytest -p cpu_per_test --junitxml=run.xml

Wall time per test on a shared machine is mostly the other users' load; CPU time is
the work the test itself did, so a before and an after measured at different loads
compare. A child counts once it has been waited for (subprocess.run does).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _timed(item: pytest.Item, when: str) -> Iterator[None]:
    start = _cpu()
    yield
    item.stash.setdefault(_SPENT, {})[when] = _cpu() - start


_SPENT = pytest.StashKey[dict[str, float]]()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    yield from _timed(item, "setup")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    yield from _timed(item, "call")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    yield from _timed(item, "teardown")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Iterator[Any]:
    outcome = yield
    if call.when == "teardown":
        spent = sum(item.stash.get(_SPENT, {}).values())
        outcome.get_result().user_properties.append(("cpu", f"{spent:.3f}"))
