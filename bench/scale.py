"""jdhotline against a big catalogue and a long problem text.

Generates a catalogue of 1,000 lines, 300 scenarios and 6,000 keywords, then times
loading it and matching a short and a 100 KB problem text, in the library and
through the CLI, and checks that time grows linearly with the catalogue and the text.

    python bench/scale.py

Targets: matching a 100 KB text <= 50 ms; the CLI end to end on the big catalogue
<= 2x its time on the shipped one; doubling the catalogue or the text at most
about doubles the time (nothing quadratic).
"""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

# From a checkout as well as from an installed jdhotline: the repository's own copy.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jdhotline import load as load_module
from jdhotline import match as match_module
from jdhotline.match import rank

HAN = (
    "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生"
    "自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小么本心"
)
LATIN = "abcdefghijklmnopqrstuvwxyz"


def _word(rng: random.Random, alphabet: str, low: int, high: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def generate(lines: int, scenarios: int, keywords_per_scenario: int, seed: int = 7) -> dict:
    """A valid catalogue with the shipped one's shape and the given size."""
    rng = random.Random(seed)
    shipped = yaml.safe_load(load_module.default_path().read_text(encoding="utf-8"))
    half = keywords_per_scenario // 2
    scenario_ids = [f"s{i}" for i in range(scenarios)]
    data = {key: shipped[key] for key in ("version", "facts", "say", "assistant", "calendar")}
    data["scenarios"] = [
        {
            "id": sid,
            "name": {"zh": f"场景{i}", "en": f"Scenario {i}"},
            "audience": "buyers",
            "keywords": {
                "zh": [_word(rng, HAN, 2, 5) for _ in range(half)],
                "en": [_word(rng, LATIN, 4, 9) for _ in range(keywords_per_scenario - half)],
            },
            "needs": ["order", "fault", "want"],
            "prepare": [{"zh": "订单号", "en": "Order number"}],
        }
        for i, sid in enumerate(scenario_ids)
    ]
    template = shipped["hotlines"][0]
    data["hotlines"] = []
    for i in range(lines):
        line = {k: v for k, v in template.items() if k not in ("menu", "tips", "peak", "extends")}
        line.update(
            id=f"line-{i}",
            number=f"400-{i // 1000:03d}-{i % 1000:04d}",
            scenarios=[scenario_ids[(i + j) % scenarios] for j in range(3)],
            general=i == 0,
        )
        data["hotlines"].append(line)
    return data


def problem_text(size: int, seed: int = 11) -> str:
    """Mixed Chinese and English prose of about ``size`` characters."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        piece = _word(rng, HAN, 2, 12) if rng.random() < 0.5 else _word(rng, LATIN, 2, 9) + " "
        parts.append(piece)
        total += len(piece)
    return "".join(parts)[:size]


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def cli_once(args: list[str], env: dict[str, str], stdin: str = "") -> float:
    """Wall time of one `python -m jdhotline ARGS` run."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "jdhotline", *args],
        input=stdin.encode(), capture_output=True, env=env, check=True,
    )  # fmt: skip
    return time.perf_counter() - start


def cli_time(args: list[str], env: dict[str, str], runs: int = 9, stdin: str = "") -> float:
    cli_once(args, env, stdin)  # warm the OS's file cache
    return statistics.median(cli_once(args, env, stdin) for _ in range(runs))


def paired(
    first: list[str], second: list[str], env: dict[str, str], runs: int = 15
) -> tuple[float, float, float]:
    """Median times of two commands run in back-to-back pairs, and the median pair ratio.

    The machine's speed drifts from one second to the next; a pair sees the same speed.
    """
    pair = (first, second)
    for args in pair:
        cli_once(args, env)  # warm the OS's file cache
    times: tuple[list[float], list[float]] = ([], [])
    for round_ in range(runs):
        for which in (0, 1) if round_ % 2 == 0 else (1, 0):
            times[which].append(cli_once(pair[which], env))
    ratio = statistics.median(b / a for a, b in zip(*times, strict=True))
    return statistics.median(times[0]), statistics.median(times[1]), ratio


def main() -> int:
    failed = 0

    def report(label: str, value: str, ok: bool | None = None) -> None:
        nonlocal failed
        verdict = "" if ok is None else ("ok" if ok else "NO")
        failed += ok is False
        print(f"{label:<58} {value:>12}  {verdict}")

    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.yaml"
        half = Path(folder) / "half.yaml"
        big.write_text(
            yaml.safe_dump(generate(1000, 300, 20), allow_unicode=True), encoding="utf-8"
        )
        half.write_text(
            yaml.safe_dump(generate(500, 150, 20), allow_unicode=True), encoding="utf-8"
        )
        print(f"generated catalogue: 1,000 lines, 300 scenarios, 6,000 keywords, "
              f"{big.stat().st_size:,} bytes")  # fmt: skip
        if hasattr(os, "getloadavg"):  # other jobs slow every figure below
            print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
        t_load = best_of(5, lambda: load_module.load(big))
        t_load_half = best_of(5, lambda: load_module.load(half))
        cat = load_module.load(big)
        cat_half = load_module.load(half)
        assert sum(len(s.keywords.zh) + len(s.keywords.en) for s in cat.scenarios) == 6000
        report("load + validate, 1,000 lines", f"{t_load * 1000:.1f} ms")
        report(
            "  ... 500 lines: time ratio 1,000 / 500",
            f"{t_load / t_load_half:.2f}x",
            t_load / t_load_half < 2.6,
        )

        short = "冰箱不制冷 the seller refuses my refund"
        text = {n: problem_text(n * 1000) for n in (25, 50, 100)}

        def fresh_index() -> None:
            match_module._index.forget()  # forget the compiled keywords: build them again...
            re.purge()  # ...and so does re: its cache would hand back run 1's pattern
            rank(cat, short)

        t_index = best_of(3, fresh_index)
        report("compile 6,000 keywords into one pattern (once a run)", f"{t_index * 1000:.1f} ms")
        t_short = best_of(20, lambda: rank(cat, short))
        t = {n: best_of(5, lambda n=n: rank(cat, text[n])) for n in text}
        report("match a short text, 6,000 keywords", f"{t_short * 1000:.2f} ms")
        report(
            "match a 100 KB text, 6,000 keywords (target <= 50 ms)",
            f"{t[100] * 1000:.1f} ms",
            t[100] <= 0.050,
        )
        report("  ... time ratio 100 KB / 50 KB", f"{t[100] / t[50]:.2f}x", t[100] / t[50] < 2.6)
        report("  ... time ratio 50 KB / 25 KB", f"{t[50] / t[25]:.2f}x", t[50] / t[25] < 2.6)
        t_half_cat = best_of(5, lambda: rank(cat_half, text[100]))
        report(
            "  ... time ratio 6,000 / 3,000 keywords (100 KB)",
            f"{t[100] / t_half_cat:.2f}x",
            t[100] / t_half_cat < 2.6,
        )
        found = rank(cat, text[100])
        report("  scenarios matched in the 100 KB text", f"{len(found)}")

        env = dict(os.environ, COLUMNS="100")
        env.pop("JDHOTLINE_CATALOG", None)
        args = ["which", short, "--at", "2026-11-27T10:00", "--format", "json"]
        sample = cat.scenarios[5].keywords
        big_args = ["which", f"{sample.zh[0]} {sample.en[0]}", *args[2:], "--catalog", str(big)]
        shipped, on_big, ratio = paired(args, big_args, env)
        report("CLI which, shipped catalogue", f"{shipped * 1000:.0f} ms")
        report("CLI which, 1,000-line catalogue", f"{on_big * 1000:.0f} ms")
        report("  ... ratio big / shipped (target <= 2x)", f"{ratio:.2f}x", ratio <= 2)
        long_args = [
            "which",
            "-",
            "--catalog",
            str(big),
            "--at",
            "2026-11-27T10:00",
            "-fjson",
        ]
        report(
            "CLI which, 100 KB problem, 1,000-line catalogue",
            f"{cli_time(long_args, env, 5, stdin=text[100]) * 1000:.0f} ms",
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
