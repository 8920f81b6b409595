"""The shape of the house: wings whose rules hold, no import cycles (lazy imports
included), no module too long."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "jdhotline"
MAX_LINES = 530  # "about 500": the longest, load.py, is one validator class

# A module's wing is its folder; the modules at the top level are the core, except
# the console script and the exceptions, which every wing may use.
WINGS = ("cli", "output", "i18n", "record", "web")
BASE = {"__main__", "__init__", "errors"}
# What each wing may import, besides itself and errors. The core is pure: it never
# reads the clock, never prints, and knows nothing of how an answer is shown or kept.
MAY_IMPORT = {
    "core": {"core"},
    "i18n": {"core"},
    "record": {"core"},
    "output": {"core", "i18n", "record"},
    "web": {"core", "i18n", "output"},  # never the record: case records are never served
    "cli": {"core", "i18n", "output", "record", "web"},
}


def name_of(path: Path) -> str:
    """jdhotline/cli/commands.py -> "cli.commands"; jdhotline/match.py -> "match"."""
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {name_of(p): p for p in PACKAGE.rglob("*.py")}


def wing_of(module: str) -> str:
    head = module.split(".")[0]
    if module in BASE:
        return "base"
    return head if head in WINGS else "core"


def imports_of(path: Path, known: set[str]) -> set[str]:
    """jdhotline modules this file imports anywhere: at the top, in functions, for type checkers."""
    me = name_of(path)
    package = me.split(".")[:-1] if path.name != "__init__.py" else me.split(".")
    if me == "__init__":
        package = []
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            elif node.module and node.module.startswith("jdhotline"):
                base = []
            else:
                continue
            module = [*base, *((node.module or "").split(".") if node.module else [])]
            if not node.level:
                module = module[1:]  # drop "jdhotline"
            target = ".".join(module)
            if target in known:
                found.add(target)
            for alias in node.names:  # from . import words; from .output import documents
                sub = ".".join([*module, alias.name])
                if sub in known:
                    found.add(sub)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("jdhotline."):
                    found.add(alias.name.removeprefix("jdhotline."))
    return (found & known) - {me}


@functools.cache
def graph() -> dict[str, frozenset[str]]:
    """Parsed once a process (0.2 s), not once for each of the modules' tests."""
    known = modules()
    return {name: frozenset(imports_of(path, set(known))) for name, path in known.items()}


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


def test_the_walk_sees_lazy_and_package_imports(monkeypatch: pytest.MonkeyPatch) -> None:
    known = set(modules())
    probe = PACKAGE / "output" / "writers.py"
    assert "output.writers" in known and "i18n.words" in known
    source = "def f():\n    from ..i18n import words\n    from .console import x\n"
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: source)
    assert imports_of(probe, known) == {"i18n", "i18n.words", "output.console"}


# Known debts, each to be paid: a core module that still reaches a wing. None is owed
# (issue 21 paid checks -> i18n.messages: a catalogue error is worded by the wing).
DEBTS: set[tuple[str, str]] = set()


@pytest.mark.parametrize("module", sorted(modules()))
def test_every_wing_imports_only_what_it_may(module: str) -> None:
    edges = graph()
    wing = wing_of(module)
    if module == "__main__":  # the console script: it starts the command line
        allowed = {"cli", "i18n", "base"}
    elif module == "errors" or module == "__init__":
        allowed = set()
    else:
        allowed = MAY_IMPORT[wing] | {wing, "base"}
    wrong = sorted(m for m in edges[module] if wing_of(m) not in allowed)
    wrong = [m for m in wrong if (module, m) not in DEBTS]
    assert not wrong, f"{module} ({wing}) may not import {wrong}"


def test_every_debt_is_still_owed() -> None:
    """A debt paid comes off the list, so the list stays true."""
    edges = graph()
    assert all(target in edges[module] for module, target in DEBTS)


def test_the_wings_are_folders_and_errors_imports_nothing_of_ours() -> None:
    for wing in WINGS[:4]:
        assert (PACKAGE / wing / "__init__.py").is_file(), wing
    edges = graph()
    assert edges["errors"] == set()
    writers = edges["output.writers"]
    assert writers <= {"output.console", "i18n.linebreak"}, writers  # know no hotlines


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=name_of)
def test_no_module_is_too_long(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES
