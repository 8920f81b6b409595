"""What loading the shipped catalogue costs each way, the figures behind the README's
Performance section: PyYAML's import, parsing data/hotlines.yaml with it, and reading
the JSON twin (data/hotlines.json) that the wheel ships instead.

    python bench/catalogue_load.py [--runs N]

Each figure is the median of N runs in fresh interpreters (imports are cold), so it
includes nothing of jdhotline's own start-up.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YAML = ROOT / "data" / "hotlines.yaml"
TWIN = ROOT / "data" / "hotlines.json"
CUES = ROOT / "data" / "cues.yaml"  # the matcher's cues, with their own twin
CUES_TWIN = ROOT / "data" / "cues.json"

PROBES = {
    "import yaml": "import yaml",
    "parse hotlines.yaml and cues.yaml (safe_load, C loader)": (
        "import yaml\n"
        "raws = [open(p, encoding='utf-8').read() for p in ({yaml!r}, {cues!r})]\n"
        "loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)\n"
        "t = time.perf_counter()\nfor raw in raws: yaml.load(raw, Loader=loader)"
    ),
    "import json + json.loads(hotlines.json, cues.json)": (
        "t = time.perf_counter()\nimport json\n"
        "for p in ({twin!r}, {cues_twin!r}): json.loads(open(p, encoding='utf-8').read())"
    ),
}


def once(body: str) -> float:
    code = (
        "import time\nt = time.perf_counter()\n"
        + body.format(yaml=str(YAML), twin=str(TWIN), cues=str(CUES), cues_twin=str(CUES_TWIN))
        + "\nprint((time.perf_counter() - t) * 1000)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return float(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    print(
        f"shipped catalogue and cues: {YAML.stat().st_size + CUES.stat().st_size:,} bytes "
        f"of YAML, {TWIN.stat().st_size + CUES_TWIN.stat().st_size:,} bytes of JSON; "
        f"median of {runs} fresh interpreters"
    )
    for label, body in PROBES.items():
        times = [once(body) for _ in range(runs)]
        print(f"{label:<56} {statistics.median(times):7.1f} ms")


if __name__ == "__main__":
    main()
