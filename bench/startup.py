"""Start-up time of jdhotline's commands against Typer's own floor.

Runs each command and a one-command Typer hello-world (bench/hello_typer.py) in
alternation, at least 15 times each, with the same interpreter, and prints the
median, min and max wall time and each command's ratio to hello-world: the
median of the per-pair ratios, where each run of a command is paired with a run
of hello-world right before or after it (the order rotates). On a shared
virtual machine the speed drifts by a third from one second to the next; a pair
run back to back sees the same speed, so the drift cancels.

jdhotline ends by freezing the garbage collector, which spares it Python's
collections at shutdown (cli._spare_the_final_collections). The "same exit" column
is therefore like for like at the end: each command against a hello-world that ends
the same way (gc.freeze() at exit), i.e. what jdhotline adds to Typer's floor (issue
21's measure). Both ratios are judged against the targets.

jdhotline also runs with the cycle collector off from its first line (__main__.py),
which makes the answer come sooner; a hello-world would gain from it too. So a last
column, "gc off", is informational: each command against a hello-world that runs
with the collector off as well and freezes it at exit, i.e. jdhotline's own work
alone. Each run of a command sits between its floors, which take turns going first.

Then, in rounds of adjacent runs, what freezing at exit saves the hello-world, what
the collector off adds to that, and what importing Rich adds to it; and how many
objects a text command leaves to the collector at exit.

    python bench/startup.py [--runs 21]

Targets: JSON commands <= 1.10x, text commands <= 1.25x, --version <= 1.05x.
"""

from __future__ import annotations

import argparse
import atexit
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
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
# ...and also running as jdhotline does, with the collector off from the start.
GC_OFF = [SAME_EXIT[0], SAME_EXIT[1], "import gc; gc.disable(); " + SAME_EXIT[2]]
# ...and importing what jdhotline's text commands import from Rich.
RICH = ["rich.console", "rich.text"]
SAME_EXIT_RICH = [SAME_EXIT[0], SAME_EXIT[1], f"import {', '.join(RICH)}; " + SAME_EXIT[2]]
# The objects a text command leaves tracked by the collector when it ends.
FROZEN_PROBE = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: sys.stderr.write(f'FROZEN {gc.get_freeze_count()}'))\n"
    "sys.argv = ['jdhotline', *sys.argv[1:]]\n"
    "from jdhotline.cli.commands import main\n"
    "main()\n"
)


def machine() -> str:
    """Processor, memory, system and Python, as far as the OS tells."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        info = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        cpu = next(line.split(":", 1)[1].strip() for line in info.splitlines()
                   if line.startswith("model name"))  # fmt: skip
        total = next(line for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal:"))  # fmt: skip
        memory = f", {int(total.split()[1]) / 1024**2:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    python = f"{platform.python_implementation()} {platform.python_version()}"
    return f"{cpu}, {os.cpu_count()} CPUs{memory}, {platform.system()}, {python}{load()}"


def load() -> str:
    """How busy the machine was (other jobs slow every run, the floor's too)."""
    try:
        return f"; load average {os.getloadavg()[0]:.1f}"
    except (AttributeError, OSError):  # not on Windows
        return ""


def once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="rounds (at least 15)")
    args = parser.parse_args()
    runs = max(15, args.runs)
    # A new user's start-up: no case record (with one, `which` also imports sqlite3 to
    # look for overdue promises, about 2 ms).
    home = tempfile.mkdtemp(prefix="jdhotline-bench-")
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    env = dict(os.environ, COLUMNS="100", TERM="dumb", JDHOTLINE_HOME=home)
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
    own: dict[str, list[float]] = {label: [] for label, _, _ in COMMANDS}
    hello = next(argv for label, argv, _ in COMMANDS if label == FLOOR)
    others = [(label, argv) for label, argv, _ in COMMANDS if label != FLOOR]
    for round_ in range(runs):
        order = others if round_ % 2 == 0 else others[::-1]  # alternate the order too
        for index, (label, argv) in enumerate(order):
            # The command in the middle: run back to back with each of its two floors,
            # which take turns at going first.
            names = ["floor", "same exit", "command", "gc off"]
            if (round_ + index) % 2:
                names.reverse()
            runs_of = {"floor": hello, "same exit": SAME_EXIT, "command": argv, "gc off": GC_OFF}
            ran = {name: once(runs_of[name], env) for name in names}
            times[label].append(ran["command"])
            times[FLOOR].append(ran["floor"])
            ratios[label].append(ran["command"] / ran["floor"])
            like[label].append(ran["command"] / ran["same exit"])
            own[label].append(ran["command"] / ran["gc off"])
            ratios[FLOOR].append(1.0)
    floor = statistics.median(times[FLOOR])
    saved, off, rich = [], [], []
    for round_ in range(runs):
        # The frozen hello-world in the middle, beside the plain one, the one with the
        # collector off and the one with Rich.
        four = [
            ("plain", hello),
            ("gc off", GC_OFF),
            ("frozen", SAME_EXIT),
            ("rich", SAME_EXIT_RICH),
        ]
        ran = {name: once(argv, env) for name, argv in (four[::-1] if round_ % 2 else four)}
        like[FLOOR].append(ran["plain"] / ran["frozen"])
        own[FLOOR].append(ran["plain"] / ran["gc off"])
        saved.append(ran["plain"] - ran["frozen"])
        off.append(ran["frozen"] - ran["gc off"])
        rich.append(ran["rich"] - ran["frozen"])
    probe = [PY, "-c", FROZEN_PROBE, "which", "--plus", "-s", "appliance", *AT]
    frozen = subprocess.run(probe, capture_output=True, text=True, env=env, check=True)
    objects = int(frozen.stderr.rsplit("FROZEN ", 1)[1])

    print(f"jdhotline start-up, {runs} alternating rounds; {machine()}")
    print(f"{'command':<26} {'median':>8} {'min':>8} {'max':>8} {'target':>7} {'ratio':>7}  ok"
          f"  {'same exit':>9}  ok  {'gc off':>6}")  # fmt: skip
    failed = 0

    def verdict(ratio: float, target: float | None) -> str:
        nonlocal failed
        if target is None:
            return ""
        failed += ratio > target
        return "yes" if ratio <= target else "NO"

    for label, _, target in COMMANDS:
        values = times[label]
        ratio, same = statistics.median(ratios[label]), statistics.median(like[label])
        alone = statistics.median(own[label]) if own[label] else 0.0
        goal = "" if target is None else f"{target:.2f}x"
        print(
            f"{label:<26} {statistics.median(values) * 1000:>6.1f}ms {min(values) * 1000:>6.1f}ms "
            f"{max(values) * 1000:>6.1f}ms {goal:>7} {ratio:>6.2f}x  {verdict(ratio, target):<3}"
            f" {same:>8.2f}x  {verdict(same, target):<3} {alone:>5.2f}x".rstrip()
        )
    cost = statistics.median(rich)
    print(f"gc.freeze() at exit saves the hello-world {statistics.median(saved) * 1000:.1f} ms, "
          f"the collector off from the start {statistics.median(off) * 1000:.1f} ms more "
          f"(medians of {runs} adjacent runs)")  # fmt: skip
    print(f"importing {', '.join(RICH)} adds {cost * 1000:.1f} ms to it: "
          f"{cost / floor:.0%} of the floor ({floor * 1000:.1f} ms)")  # fmt: skip
    print(f"objects the collector would go over at exit (which, text): {objects:,}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
