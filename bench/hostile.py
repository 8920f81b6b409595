"""How fast jdhotline refuses bad input: every answer well under a second.

Times `jdhotline open --catalog FILE` on broken catalogues (a YAML alias bomb, a
20 MB file, GBK text, a syntax error, a python tag) and `jdhotline which -` on a
1 MB problem text, each in a fresh process, and prints the figures.

    python bench/hostile.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = (ROOT / "data" / "hotlines.yaml").read_text(encoding="utf-8")


def bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join([*lines, "hotlines: *j", "scenarios: *j", "say: *j", "assistant: *j"]) + "\n"


def run(args: list[str], stdin: bytes = b"") -> tuple[float, int]:
    env = dict(os.environ, JDHOTLINE_CACHE_DIR="")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "jdhotline", *args], input=stdin,
                          capture_output=True, env=env, timeout=60, check=False)  # fmt: skip
    return time.perf_counter() - start, done.returncode


def main() -> int:
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        files = {
            "alias bomb": bomb().encode(),
            "GBK text": SHIPPED.encode("gbk", errors="replace"),
            "syntax error": SHIPPED[: len(SHIPPED) // 2].encode() + b"\n  - [unclosed\n",
            "python tag": b"!!python/object/apply:os.system ['echo hi']\n",
            "20 MB": None,
        }
        print(f"{'input':<44} {'time':>8}  exit")
        for label, content in files.items():
            path = Path(folder) / f"{label.replace(' ', '-')}.yaml"
            if content is None:
                with path.open("wb") as handle:
                    handle.truncate(20 * 1024 * 1024)
            else:
                path.write_bytes(content)
            seconds, code = run(["open", "--catalog", str(path)])
            worst = max(worst, seconds)
            print(f"{'catalogue: ' + label:<44} {seconds * 1000:>6.0f}ms  {code}")
        text = ("我买的冰箱不制冷了," + "等了好几天还是没人联系我。" * 80_000).encode()
        seconds, code = run(["which", "-", "--format", "json"], stdin=text)
        worst = max(worst, seconds)
        label = f"which - ({len(text) / 1e6:.1f} MB problem text)"
        print(f"{label:<44} {seconds * 1000:>6.0f}ms  {code}")
    print(f"slowest: {worst * 1000:.0f} ms (target: under 1 s)")
    return 0 if worst < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
