from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_readme_pictures_are_up_to_date(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location(
        "screenshots", ROOT / "scripts" / "screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    drawn_with = (
        (ROOT / "docs" / "screenshots-rich-version.txt").read_text(encoding="utf-8").strip()
    )
    if module.rich_version() != drawn_with:
        pytest.skip(f"pictures drawn with Rich {drawn_with}; run python scripts/screenshots.py")
    monkeypatch.setenv("TZ", "Asia/Shanghai")  # restored after the test; render_all sets it too
    for name, svg in module.render_all().items():
        committed = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert svg == committed, f"docs/{name} is out of date: run python scripts/screenshots.py"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("which-plus-appliance.svg", "which-zh.svg", "table.svg"):
        assert f"docs/{name}" in readme, name
