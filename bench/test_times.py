"""Where the test suite's time goes: seconds per test file, from pytest's JUnit XML.

    pytest --junitxml=run.xml ...
    python bench/test_times.py [--cpu] run.xml [other.xml]

With one file it prints each test file's summed test time (setup, call and teardown,
as pytest reports them) and number of tests, slowest first; with two, the two side by
side (before, after) and the change. Wall time per test on a shared machine is mostly
the other users' load; with --cpu it sums the CPU seconds bench/cpu_per_test.py
recorded instead (PYTHONPATH=bench pytest -p cpu_per_test ...), which compare across
loads. Under pytest-xdist the wall time is about the sum divided by the workers. The
figures in docs/performance-tests.md come from this script.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path


def per_file(path: Path, cpu: bool = False) -> dict[str, tuple[float, int]]:
    """{test file: (seconds, tests)} from a JUnit XML report (CPU seconds with cpu)."""
    seconds: dict[str, float] = defaultdict(float)
    tests: dict[str, int] = defaultdict(int)
    for case in ET.parse(path).iter("testcase"):
        # classname is "tests.test_x" or "tests.test_x.Class"; the file is its module.
        parts = case.get("classname", "").split(".")
        module = next((p for p in parts if p.startswith("test_")), parts[-1])
        if cpu:
            spent = [p.get("value") for p in case.iter("property") if p.get("name") == "cpu"]
            seconds[module] += sum(float(value or 0) for value in spent)
        else:
            seconds[module] += float(case.get("time", 0))
        tests[module] += 1
    return {name: (seconds[name], tests[name]) for name in seconds}


def main(argv: list[str]) -> None:
    cpu = "--cpu" in argv
    runs = [per_file(Path(arg), cpu) for arg in argv if arg != "--cpu"]
    if len(runs) == 1:
        (run,) = runs
        print("| test file | s | tests |\n|---|---:|---:|")
        for name, (secs, count) in sorted(run.items(), key=lambda kv: -kv[1][0]):
            print(f"| {name} | {secs:.1f} | {count} |")
        total, count = sum(s for s, _ in run.values()), sum(n for _, n in run.values())
        print(f"| total | {total:.1f} | {count} |")
        return
    before, after = runs
    names = sorted(set(before) | set(after), key=lambda n: -before.get(n, after.get(n, (0, 0)))[0])
    print("| test file | before s | tests | after s | tests | change |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in names:
        b, bn = before.get(name, (0.0, 0))
        a, an = after.get(name, (0.0, 0))
        change = f"{100 * (a - b) / b:+.0f} %" if b else "new"
        print(f"| {name} | {b:.1f} | {bn} | {a:.1f} | {an} | {change} |")
    bt, at = sum(s for s, _ in before.values()), sum(s for s, _ in after.values())
    bn, an = sum(n for _, n in before.values()), sum(n for _, n in after.values())
    print(f"| total | {bt:.1f} | {bn} | {at:.1f} | {an} | {100 * (at - bt) / bt:+.0f} % |")


if __name__ == "__main__":
    main(sys.argv[1:])
