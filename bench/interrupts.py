"""Ctrl-C at every moment of `jdhotline case add`: what the user is told, and whether it is true.

Starts `case add` again and again, each time sending SIGINT after a delay spread over
the whole run (start-up, the write, the answer, the exit), and sorts what happened:

- python: the Ctrl-C came while Python itself started, before jdhotline's first line
  ran (killed by the signal, or its own KeyboardInterrupt): the README says so;
- finished: exit 0 with "Case N saved" (the Ctrl-C came as it ended, or after);
- interrupted: exit 130, and the last line on stderr says interrupted and whether the
  case was saved, which the record then confirms;
- wrong: a traceback, "Exception ignored", a process killed by the signal, 130 without
  the line, or a line that says the opposite of the record.

It prints the counts and the run times; any "wrong" exits 1.

    python bench/interrupts.py [RUNS]     # default 200
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import NamedTuple

COMMAND = ["case", "add", "--line", "regular", "--at", "2026-11-27T10:00"]
SAVED_LINE = re.compile(r"^Case (\d+) saved")


class Outcome(NamedTuple):
    kind: str  # finished, interrupted, wrong
    why: str  # for "wrong": what was wrong
    code: int
    stderr: str


def cases_in(home: Path) -> int:
    path = home / "cases.db"
    if not path.exists():
        return 0
    with sqlite3.connect(path) as db:
        try:
            return int(db.execute("SELECT count(*) FROM cases").fetchone()[0])
        except sqlite3.OperationalError:  # created, no table yet
            return 0


def interrupt_once(home: Path, delay: float) -> Outcome:
    """One `case add` in ``home``, SIGINT after ``delay`` seconds; what it said, judged."""
    before = cases_in(home)
    env = {**os.environ, "JDHOTLINE_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "jdhotline", *COMMAND],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )  # fmt: skip
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)  # nothing if it has ended
    stdout, stderr = proc.communicate(timeout=60)
    code = proc.returncode
    added = cases_in(home) - before
    last = stderr.strip().splitlines()[-1] if stderr.strip() else ""

    def wrong(why: str) -> Outcome:
        return Outcome("wrong", why, code, stderr)

    if code in (-signal.SIGINT, 1) and not stdout and not added and "jdhotline" not in stderr:
        # Python's own start-up (the README says so): its default handler kills the
        # process, or its KeyboardInterrupt ends runpy, before jdhotline's first line.
        return Outcome("python", "", code, stderr)
    if "Traceback" in stderr or "Exception ignored" in stderr:
        return wrong("traceback")
    if code < 0:
        return wrong(f"killed by signal {-code}")
    if code == 0:
        if not SAVED_LINE.match(stdout) or added != 1:
            return wrong("exit 0 without the case saved")
        return Outcome("finished", "", code, stderr)
    if code != 130:
        return wrong(f"exit {code}")
    if last.startswith("jdhotline: interrupted; case ") and last.endswith(" was saved"):
        return Outcome("interrupted", "", code, stderr) if added == 1 else wrong("said saved")
    if last == "jdhotline: interrupted; nothing was saved":
        return Outcome("interrupted", "", code, stderr) if added == 0 else wrong("said unsaved")
    return wrong("130 without the interrupted line")


def run_time(home: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "jdhotline", *COMMAND],
        capture_output=True, env={**os.environ, "JDHOTLINE_HOME": str(home)}, check=True,
    )  # fmt: skip
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 200
    rng = random.Random(20261207)
    counts: Counter[str] = Counter()
    wrongs: list[Outcome] = []
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        times = sorted(run_time(home) for _ in range(5))
        median = statistics.median(times)
        print(f"case add alone: median {median * 1000:.0f} ms (of 5)")
        started = time.perf_counter()
        for i in range(runs):
            outcome = interrupt_once(home, rng.uniform(0, median * 1.3))
            counts[outcome.kind] += 1
            if outcome.kind == "wrong":
                wrongs.append(outcome)
                print(f"run {i}: {outcome.why} (exit {outcome.code})\n{outcome.stderr}")
        took = time.perf_counter() - started
    print(f"{runs} interrupts in {took:.0f} s: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 1 if wrongs else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
