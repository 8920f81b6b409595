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
    # Never a skip: CI would pass with the check gone. The test extra pins this Rich.
    assert module.rich_version() == drawn_with, (
        f"pictures drawn with Rich {drawn_with}, Rich {module.rich_version()} installed: "
        'pip install -e ".[test]", or redraw them with python scripts/screenshots.py'
    )
    monkeypatch.setenv("TZ", "Asia/Shanghai")  # restored after the test; render_all sets it too
    for name, svg in module.render_all().items():
        committed = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert svg == committed, f"docs/{name} is out of date: run python scripts/screenshots.py"
    # Each picture is shown where it belongs: the READMEs, and the page of its command.
    shown = {
        "which-plus-appliance.svg": ("README.md", "docs/usage/which.md"),
        "which-zh.svg": ("README.md", "README.zh-CN.md", "docs/usage/which.md"),
        "table.svg": ("docs/usage/table.md",),
    }
    for name, pages in shown.items():
        for page in pages:
            text = (ROOT / page).read_text(encoding="utf-8")
            link = f"docs/{name}" if page.startswith("README") else f"../{name}"
            assert f"]({link})" in text, (page, name)


def test_the_test_extra_pins_the_rich_that_drew_the_pictures() -> None:
    drawn_with = (
        (ROOT / "docs" / "screenshots-rich-version.txt").read_text(encoding="utf-8").strip()
    )
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    test_extra = pyproject.split("[project.optional-dependencies]", 1)[1].split("\n]", 1)[0]
    assert f'"rich=={drawn_with}"' in test_extra, "pin the Rich that drew docs/*.svg"
