"""The matcher on the labelled corpus (bench/accuracy.py): the whole corpus, and the held-out
third on its own against the figures the README states; and no held-out text in the tests.

The answers are deterministic, so these are not timing tests.
"""

from __future__ import annotations

import ast
import importlib.util
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jdhotline.catalogue import Catalogue

from .conftest import read_yaml

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"

# What the matcher reached on the whole corpus (train and heldout) when this was written;
# the test fails if a change loses more than two points of any of them. Raise the figures
# when you improve them.
REACHED = {"scenario": 0.957, "line": 0.986, "clear_scenario": 0.978, "clear_line": 0.991}
REFUSED = {"answerable_refused": 0.004, "unrelated_refused": 0.950}

# The held-out third (split: heldout, 163 problems) as the README's accuracy table states
# it, in per cent to one decimal: no slack, since the answers are deterministic. Pooled
# with train and two points of slack, held-out scenario accuracy could fall from 89.6 %
# to about 83.5 % with the whole-corpus test still green. If a change moves one of these,
# change the README's table with it.
HELDOUT_AT_LEAST = {"clear_line": 97.1, "clear_scenario": 93.5, "line": 96.9, "scenario": 89.6}
HELDOUT_REFUSED_AT_MOST = 1.3  # answerable problems refused, per cent
HELDOUT_UNRELATED_REFUSED = (12, 13)  # at least 12 of the 13 that fit no scenario


def _accuracy_module() -> Any:
    path = ROOT / "bench" / "accuracy.py"
    spec = importlib.util.spec_from_file_location("jdhotline_bench_accuracy", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def accuracy() -> Any:
    return _accuracy_module()


@pytest.fixture(scope="module")
def predicted(accuracy: Any, catalogue: Catalogue) -> list[dict[str, Any]]:
    """The corpus answered once for this module's tests."""
    items = accuracy.read_corpus()
    assert len(items) >= 400
    return accuracy.predict(catalogue, items)


def test_the_figures_need_no_chinesecalendar(
    accuracy: Any, catalogue: Catalogue, predicted: list[dict[str, Any]], monkeypatch: Any
) -> None:
    """bench/accuracy.py run by a bare interpreter (a checkout, no install): without
    chinesecalendar the statutory data stands for it, and every answer is the same."""
    import sys

    monkeypatch.setitem(sys.modules, "chinese_calendar", None)  # import raises ImportError
    calendar = accuracy.routing_calendar(catalogue)
    assert calendar.official is not None and not calendar.official.years
    assert calendar.upgrade_year() is None
    items = [item for item in accuracy.read_corpus() if "safety" not in item][:60]
    bare = accuracy.predict(catalogue, items)
    assert [(r["got_scenario"], r["got_line"]) for r in bare] == [
        (r["got_scenario"], r["got_line"]) for r in predicted if not r["safety_item"]
    ][:60]


def test_accuracy_on_the_whole_corpus_holds(accuracy: Any, predicted: list[dict[str, Any]]) -> None:
    got = accuracy.figures(predicted)
    for key, reached in REACHED.items():
        assert got[key] >= reached - 0.02, (key, got[key])
    assert got["answerable_refused"] <= REFUSED["answerable_refused"] + 0.02
    assert got["unrelated_refused"] >= REFUSED["unrelated_refused"] - 0.02


def test_accuracy_on_the_heldout_third_holds(
    accuracy: Any, predicted: list[dict[str, Any]]
) -> None:
    # The first corpus's held-out third, whose figures the docs state (docs/matching.md);
    # the later sets (routing, safety) are guarded by their own tests.
    first = {item["id"] for item in accuracy.read_corpus() if item["id"][:3] in ("zh-", "en-")}
    rows = [row for row in predicted if row["split"] == "heldout" and row["id"] in first]
    assert len(rows) == 163
    got = accuracy.figures(rows)
    for key, stated in HELDOUT_AT_LEAST.items():
        assert round(100 * got[key], 1) >= stated, (key, got[key])
    assert round(100 * got["answerable_refused"], 1) <= HELDOUT_REFUSED_AT_MOST
    unrelated = [row for row in rows if row["want_scenario"] == accuracy.NONE]
    refused = sum(row["got_scenario"] == accuracy.NONE for row in unrelated)
    assert (refused, len(unrelated)) >= HELDOUT_UNRELATED_REFUSED
    assert len(unrelated) == HELDOUT_UNRELATED_REFUSED[1]


# ---------------------------------------------------------------- no held-out text in the tests


def _plain(text: str) -> str:
    """Compared without case, width, spaces, punctuation or symbols: 冰箱坏了，谁来修 is
    冰箱坏了 谁来修."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in text if unicodedata.category(c)[0] not in "PZSC")


def _size(plain: str) -> int:
    """A Han character says about as much as two Latin letters."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in plain)


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _test_texts() -> dict[str, str]:
    """Every string in tests/ (Python constants, YAML scalars), plain, with its file."""
    texts: dict[str, str] = {}
    for path in sorted(TESTS.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        if path.suffix == ".py":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            found = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]
        elif path.suffix in (".yaml", ".yml"):
            found = list(_strings(read_yaml(path.read_bytes())))
        else:
            continue
        for text in found:
            if isinstance(text, str):
                texts.setdefault(_plain(text), str(path.relative_to(ROOT)))
    return texts


def test_no_heldout_text_is_in_the_tests(accuracy: Any) -> None:
    """The held-out third is never tuned on, so none of its texts may sit in a test, however
    its spaces and punctuation were changed: a text of two or more Han characters (four
    Latin letters) equal to a test's string, or one of eight (sixteen) or more inside one.
    Shorter ones (a greeting, two words) are everyday words, not a copy."""
    texts = _test_texts()
    # Every test string in one haystack, one search per held-out text, not one per pair
    # (4.4 s of CPU): a plain text holds no line break, so none is found across two.
    haystack = "\n".join(texts)
    found = []
    for item in accuracy.read_corpus():
        if item["split"] != "heldout":
            continue
        plain = _plain(item["text"])
        if _size(plain) < 4:
            continue
        if plain in texts:
            found.append((item["id"], item["text"], texts[plain]))
        elif _size(plain) >= 16 and plain in haystack:
            where = [where for text, where in texts.items() if plain in text]
            found.append((item["id"], item["text"], where[0]))
    assert not found, found


def test_the_heldout_check_finds_a_changed_copy() -> None:
    """The check above is no check if its comparison misses a copy with a comma for a space."""
    assert _plain("冰箱坏了,等了三天没人来修") == _plain("冰箱坏了 等了三天没人来修")
    assert _plain("冰箱坏了，等了三天没人来修！") == _plain("冰箱坏了 等了三天没人来修")
    assert _plain("Where is  my parcel?!") == _plain("where is my parcel")
