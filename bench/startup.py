"""Start-up time of jdhotline's commands against Typer's own floor.

Runs each command and a one-command Typer hello-world (bench/hello_typer.py) in
alternation, at least 15 times each, with the same interpreter, and prints the
median, min and max wall time and each command's ratio to hello-world: the
median of the per-pair ratios, where each run of a command is paired with a run
of hello-world right before or after it (the order rotates). On a shared
virtual machine the speed drifts by a third from one second to the next; a pair
run back to back sees the same speed, so the drift cancels.

jdhotline ends by freezing the garbage collector, which spares it Python's
collections at shutdown (cli._spare_the_final_collections). The last column is
therefore like for like: each command against a hello-world that ends the same
way (gc.freeze() at exit), i.e. what jdhotline itself adds to Typer's floor.

    python bench/startup.py [--runs 21]

Targets: JSON commands <= 1.10x, text commands <= 1.25x, --version <= 1.05x.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
# The console script people run (as `python -m jdhotline` when it is not installed).
_SCRIPT = Path(PY).with_name("jdhotline")
JD = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "jdhotline"]
AT = ["--at", "2026-11-27T10:00"]
_HELLO = str(HERE / "hello_typer.py")

# (label, argv, target ratio or None)
COMMANDS: list[tuple[str, list[str], float | None]] = [
    ("python -c pass", [PY, "-c", "pass"], None),
    ("typer hello-world", [PY, _HELLO], None),
    ("which --plus -s appliance", [*JD, "which", "--plus", "--scenario", "appliance", *AT], 1.25),
    ("which ... --format json", [*JD, "which", "--plus", "-s", "appliance", *AT, "-fjson"], 1.10),
    ("open --format json", [*JD, "open", *AT, "--format", "json"], 1.10),
    ("table", [*JD, "table", *AT], 1.25),
    ("--help", [*JD, "--help"], 1.25),
    ("--version", [*JD, "--version"], 1.05),
]  # fmt: skip
FLOOR = "typer hello-world"
# The same hello-world, ending as jdhotline does (atexit runs before shutdown's collections).
SAME_EXIT = [
    PY, "-c",
    "import atexit, gc; atexit.register(gc.freeze); "
    f"exec(compile(open({_HELLO!r}).read(), {_HELLO!r}, 'exec'))",
]  # fmt: skip


def once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="rounds (at least 15)")
    args = parser.parse_args()
    runs = max(15, args.runs)
    env = dict(os.environ, COLUMNS="100", TERM="dumb")
    env.pop("JDHOTLINE_CATALOG", None)
    # Byte-compile jdhotline as `pip install` does: an editable install under
    # PYTHONDONTWRITEBYTECODE=1 would otherwise recompile it from source on every run.
    import compileall

    import jdhotline

    compileall.compile_dir(Path(jdhotline.__file__).parent, quiet=1)
    for _, argv, _ in COMMANDS:  # warm the disk cache and any on-disk caches
        once(argv, env)
    times: dict[str, list[float]] = {label: [] for label, _, _ in COMMANDS}
    ratios: dict[str, list[float]] = {label: [] for label, _, _ in COMMANDS}
    like: dict[str, list[float]] = {label: [] for label, _, _ in COMMANDS}
    hello = next(argv for label, argv, _ in COMMANDS if label == FLOOR)
    others = [(label, argv) for label, argv, _ in COMMANDS if label != FLOOR]
    for round_ in range(runs):
        order = others if round_ % 2 == 0 else others[::-1]  # alternate the order too
        for index, (label, argv) in enumerate(order):
            trio = {"floor": hello, "same exit": SAME_EXIT, "command": argv}
            names = list(trio)
            shift = (round_ + index) % 3  # each of the three goes first, second, third
            ran = {name: once(trio[name], env) for name in names[shift:] + names[:shift]}
            floor, floor_same, command = ran["floor"], ran["same exit"], ran["command"]
            times[label].append(command)
            times[FLOOR].append(floor)
            ratios[label].append(command / floor)
            like[label].append(command / floor_same)
            ratios[FLOOR].append(1.0)
            like[FLOOR].append(floor / floor_same)
    python = f"{platform.python_implementation()} {platform.python_version()}"
    print(f"jdhotline start-up, {runs} alternating rounds; {python} on {platform.machine()}, "
          f"{os.cpu_count()} CPUs")  # fmt: skip
    print(f"{'command':<28} {'median':>8} {'min':>8} {'max':>8} {'ratio':>7} {'target':>7}  ok"
          f"  {'same exit':>9}")  # fmt: skip
    failed = 0
    for label, _, target in COMMANDS:
        values = times[label]
        ratio = statistics.median(ratios[label])
        verdict = "" if target is None else ("yes" if ratio <= target else "NO")
        failed += verdict == "NO"
        goal = "" if target is None else f"{target:.2f}x"
        print(
            f"{label:<28} {statistics.median(values) * 1000:>6.1f}ms {min(values) * 1000:>6.1f}ms "
            f"{max(values) * 1000:>6.1f}ms {ratio:>6.2f}x {goal:>7}  {verdict:<3}"
            f" {statistics.median(like[label]):>8.2f}x"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
