"""What `case export --format xlsx` costs, and what it spares every other command.

    python bench/xlsx_export.py [--runs 7] [--cases 200]

Prints, as the median and min of --runs fresh interpreters each: the time to import
XlsxWriter (-X importtime, the cumulative figure), and the wall time of
`case export --format csv` and `--format xlsx` over a record of --cases cases of two
calls each, with the file sizes. No other command imports XlsxWriter
(tests/test_right3_record.py checks `case export --format csv`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def import_ms(module: str) -> float:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    last = [line for line in done.stderr.splitlines() if line.rstrip().endswith(f"| {module}")]
    return int(last[-1].split("|")[1]) / 1000


def run_ms(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "jdhotline", *args], capture_output=True, env=env, check=True
    )
    return (time.perf_counter() - start) * 1000, len(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cases", type=int, default=200)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, JDHOTLINE_HOME=home)
        import datetime as dt

        from jdhotline.record.store import CaseStore
        from jdhotline.schedule import BEIJING

        at = dt.datetime(2026, 12, 1, 10, tzinfo=BEIJING)
        with CaseStore(Path(home) / "cases.db") as store:
            for i in range(options.cases):
                case = store.add(line="appliance", at=at, order=f"{1234567890000 + i}",
                                 agent=f"{i:05d}", note="冰箱不制冷，需求：上门维修")  # fmt: skip
                store.log(case, at=at + dt.timedelta(hours=1), agent="00456")
        figures = {
            "import xlsxwriter": [import_ms("xlsxwriter") for _ in range(options.runs)],
        }
        sizes = {}
        for fmt in ("csv", "xlsx"):
            args = ["case", "export", "--format", fmt, "--at", "2026-12-08T10:00"]
            timed = [run_ms(args, env) for _ in range(options.runs)]
            figures[f"export {fmt}"] = [ms for ms, _ in timed]
            sizes[fmt] = timed[0][1]
    for name, values in figures.items():
        print(f"{name:20} median {statistics.median(values):7.1f} ms  min {min(values):7.1f} ms")
    for fmt, size in sizes.items():
        print(f"{fmt} file: {size / 1024:.1f} KiB for {options.cases} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
