"""Facts apart from the model (issue 21, step 5): the catalogue's twin carries the proof
of its patterns, and a twin that does not say what its proof proved is still caught."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from jdhotline import bounded
from jdhotline import load as load_mod
from jdhotline.errors import CatalogueError

from .conftest import SHIPPED

RUNAWAY = "(a|a){0,20}b"  # 2^20 ways at each a: refused by bounded.check


def _copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped YAML and its twin, copied, and loaded as the shipped catalogue."""
    for path in SHIPPED.parent.glob("*.*"):
        if path.suffix in (".yaml", ".json"):
            shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(load_mod, "default_path", lambda: tmp_path / SHIPPED.name)
    return tmp_path / SHIPPED.with_suffix(".json").name


def _twin_pattern(twin: Path, regex: str, *, in_proof: bool = False) -> None:
    """The twin's first scenario pattern made ``regex`` (its key, the YAML's, unchanged)."""
    doc = json.loads(twin.read_text(encoding="utf-8"))
    scenario = next(s for s in doc["data"]["scenarios"] if s.get("patterns"))
    scenario["patterns"][0]["regex"] = regex
    if in_proof:
        doc["proof"]["steps"][regex] = 1
    twin.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_the_twin_carries_a_proof_of_every_pattern() -> None:
    doc = json.loads(SHIPPED.with_suffix(".json").read_text(encoding="utf-8"))
    assert doc["proof"]["by"] == bounded.PROOF
    steps = doc["proof"]["steps"]
    catalogue = load_mod.load()
    patterns = [p for s in catalogue.scenarios for p in s.patterns]
    assert catalogue.safety is not None
    patterns += [*catalogue.safety.claim, *catalogue.safety.innocent]
    patterns += [p for ask in catalogue.safety.asks for p in ask.patterns]
    assert patterns and all(steps[p.regex] == bounded.check(p.regex) for p in patterns)


def test_a_tampered_twin_pattern_is_proven_again_and_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    twin = _copied(tmp_path, monkeypatch)
    _twin_pattern(twin, RUNAWAY)
    with pytest.raises(CatalogueError) as caught:
        load_mod.load()
    assert "could take" in str(caught.value), str(caught.value)
    assert ".patterns[0].regex" in str(caught.value)


def test_a_twin_proven_by_another_prover_is_proven_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    twin = _copied(tmp_path, monkeypatch)
    _twin_pattern(twin, RUNAWAY, in_proof=True)  # a lie in its proof...
    doc = json.loads(twin.read_text(encoding="utf-8"))
    doc["proof"]["by"] = "bounded/0"  # ...by a prover that is not this one
    twin.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogueError):
        load_mod.load()


def test_a_pattern_that_parses_but_would_not_compile_is_refused() -> None:
    """The loader parses a pattern once and no longer compiles it: what re.compile
    refuses after parsing (a look-behind of varying width) is refused all the same."""
    checks = load_mod._Validator("x.yaml")
    with pytest.raises(CatalogueError) as caught:
        checks.pattern({"regex": "(?<=ab|c)d"}, "scenarios[0].patterns[0]")
    assert "does not compile" in str(caught.value)
