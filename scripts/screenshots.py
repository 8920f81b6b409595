"""Regenerate the README's pictures: SVG screenshots exported by Rich.

    python scripts/screenshots.py

They show `jdhotline which --plus --scenario appliance`, the same in Chinese for a
regular buyer, and `jdhotline table` at a
fixed moment, in a fixed width and time zone, so the same code always draws the
same pictures; tests/test_screenshots.py fails when they are out of date.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
AT = "2026-11-27T22:00"  # a Friday evening: the appliance line has just closed


def render_all() -> dict[str, str]:
    """File name -> SVG text, for every picture in docs/."""
    os.environ["TZ"] = "Asia/Shanghai"  # no "your local time" in the pictures
    time.tzset()
    sys.path.insert(0, str(ROOT))
    from rich.console import Console

    from jdhotline import load, rules
    from jdhotline.output import render, render_lines, writers
    from jdhotline.schedule import BEIJING, parse_moment

    cat = load.load()
    at = parse_moment(AT, dt.datetime(2026, 11, 27, tzinfo=BEIJING))
    plus = rules.recommend(cat, "plus", cat.scenario("appliance"), at)
    regular = rules.recommend(
        cat, "regular", cat.scenario("appliance"), at, matched=("冰箱", "不制冷")
    )
    statuses = rules.line_statuses(cat, at)

    def lines(view: writers.View, lang: str, width: int) -> list[object]:
        return writers.to_rich(view, width)

    pictures = {
        "which-plus-appliance.svg": (
            f"jdhotline which --plus --scenario appliance --at {AT}",
            100,
            lines(render.which_view(plus, cat, "en", full=False), "en", 100),
        ),
        "which-zh.svg": (
            f"jdhotline which 冰箱不制冷 --lang zh --at {AT}",
            80,
            lines(render.which_view(regular, cat, "zh", full=False), "zh", 80),
        ),
        "table.svg": (
            f"jdhotline table --at {AT}",
            150,
            lines(render_lines.table_view(cat, statuses, "en"), "en", 150),
        ),
    }
    svgs = {}
    for name, (title, width, renderable) in pictures.items():
        console = Console(
            record=True, width=width, file=io.StringIO(), force_terminal=True,
            color_system="truecolor", legacy_windows=False, highlight=False,
            _environ={},  # the same pictures whatever TERM, COLUMNS or NO_COLOR say
        )  # fmt: skip
        for line in renderable:
            console.print(line, soft_wrap=hasattr(line, "plain"))
        svgs[name] = console.export_svg(title=title)
    return svgs


def rich_version() -> str:
    from importlib.metadata import version

    return version("rich")


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    for name, svg in render_all().items():
        (DOCS / name).write_text(svg, encoding="utf-8")
        print(f"wrote docs/{name}")
    # Another Rich may draw the same output differently: the test compares like with like.
    (DOCS / "screenshots-rich-version.txt").write_text(rich_version() + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
