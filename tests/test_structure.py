"""The shape of the house: no import cycles (lazy imports included), no module too long."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "jdhotline"
MAX_LINES = 530  # "about 500": the longest, load.py, is one validator class


def imports_of(path: Path) -> set[str]:
    """jdhotline modules this file imports anywhere: at the top, in functions, for type checkers."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                if node.module:
                    found.add(node.module.split(".")[0])
                else:  # from . import render, documents
                    found.update(alias.name for alias in node.names)
            elif node.module and node.module.startswith("jdhotline."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(
                a.name.split(".")[1] for a in node.names if a.name.startswith("jdhotline.")
            )
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    return found & modules - {path.stem}


def graph() -> dict[str, set[str]]:
    return {path.stem: imports_of(path) for path in PACKAGE.glob("*.py")}


def test_no_import_cycles() -> None:
    edges = graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert not cycles, " ; ".join(" -> ".join(c) for c in cycles)


def test_the_walk_sees_lazy_imports(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text("def f():\n    from .render import x\n    from . import words\n")
    (tmp_path / "render.py").write_text("")
    assert imports_of(module) == {"render", "words"} & {p.stem for p in PACKAGE.glob("*.py")}


def test_errors_imports_nothing_of_ours_and_the_core_no_output_layer() -> None:
    edges = graph()
    assert edges["errors"] == set()
    output = {"cli", "case_cli", "options", "interview", "console", "render", "render_case",
              "writers", "documents"}  # fmt: skip
    for core in ("catalogue", "load", "workdays", "schedule", "match", "rules", "prep", "script",
                 "cases"):  # fmt: skip
        assert not edges[core] & output, (core, edges[core] & output)
    assert not edges["writers"] - {"console"} and not edges["console"]  # know no hotlines


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_no_module_is_too_long(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES
