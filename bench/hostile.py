"""How fast jdhotline refuses bad input: every answer well under a second.

Times, each in a fresh process: `jdhotline open --catalog FILE` on broken catalogues
(a YAML alias bomb, a 20 MB file, GBK text, a syntax error, a python tag, /dev/zero,
/dev/urandom, a FIFO with no writer, unquoted octal and hex numbers, a 500-character
keyword, empty lists), `jdhotline which -` on a 1 MB problem text (matched, and not),
extreme moments and promises, a foreign and a damaged case record, and bytes that are
not UTF-8 in a note. It prints the figures.

    python bench/hostile.py
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = (ROOT / "data" / "hotlines.yaml").read_text(encoding="utf-8")
AT = ["--at", "2026-11-27T10:00"]


def bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join([*lines, "hotlines: *j", "scenarios: *j", "say: *j", "assistant: *j"]) + "\n"


def run(args: list[str], stdin: bytes = b"", home: str = "") -> tuple[float, int]:
    env = dict(os.environ, JDHOTLINE_HOME=home or tempfile.mkdtemp())
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "jdhotline", *args], input=stdin,
                          capture_output=True, env=env, timeout=60, check=False)  # fmt: skip
    return time.perf_counter() - start, done.returncode


def catalogues(folder: Path) -> dict[str, Path]:
    files: dict[str, bytes | None] = {
        "alias bomb": bomb().encode(),
        "GBK text": SHIPPED.encode("gbk", errors="replace"),
        "syntax error": SHIPPED[: len(SHIPPED) // 2].encode() + b"\n  - [unclosed\n",
        "python tag": b"!!python/object/apply:os.system ['echo hi']\n",
        "20 MB": None,
        "unquoted octal number": SHIPPED.replace('"950618"', "0106543210", 1).encode(),
        "unquoted hex number": SHIPPED.replace('"950618"', "0x950618", 1).encode(),
        "500-character keyword": SHIPPED.replace("zh: [", "zh: [" + "冰" * 500 + ", ", 1).encode(),
        "empty lists": b"hotlines: []\nscenarios: []\nsay: {}\nassistant: {}\n",
    }
    paths: dict[str, Path] = {}
    for label, content in files.items():
        path = folder / f"{label.replace(' ', '-')}.yaml"
        if content is None:
            with path.open("wb") as handle:
                handle.truncate(20 * 1024 * 1024)
        else:
            path.write_bytes(content)
        paths[label] = path
    paths["/dev/zero"] = Path("/dev/zero")
    paths["/dev/urandom"] = Path("/dev/urandom")
    fifo = folder / "fifo.yaml"
    os.mkfifo(fifo)
    paths["a FIFO with no writer"] = fifo
    return paths


def records(folder: Path) -> dict[str, str]:
    """Homes holding a case record jdhotline must refuse, one line and exit 4."""
    foreign = folder / "foreign"
    foreign.mkdir()
    db = sqlite3.connect(foreign / "cases.db")
    db.executescript("CREATE TABLE contacts(name, phone); PRAGMA user_version = 2;")
    db.close()
    damaged = folder / "damaged"
    damaged.mkdir()
    for _ in range(20):
        run(["case", "add", "--line", "regular", "--note", "x" * 500, *AT], home=str(damaged))
    with (damaged / "cases.db").open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xff" * 4096)
    return {"foreign SQLite file": str(foreign), "damaged page": str(damaged)}


def main() -> int:
    worst = 0.0
    rows: list[tuple[str, float, int]] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for label, path in catalogues(folder).items():
            seconds, code = run(["open", "--catalog", str(path)])
            rows.append(("catalogue: " + label, seconds, code))
        text = ("我买的冰箱不制冷了," + "等了好几天还是没人联系我。" * 80_000).encode()
        seconds, code = run(["which", "-", "--format", "json"], stdin=text)
        rows.append((f"which - ({len(text) / 1e6:.1f} MB problem text)", seconds, code))
        seconds, code = run(["which", "-", *AT], stdin=b"zq" * 500_000)
        rows.append(("which - (1 MB, unmatched: quoted to 80)", seconds, code))
        for label, args in (
            ("--at 0001-01-01", ["which", "-s", "order", "--at", "0001-01-01"]),
            ("--at 9999-12-31T23:59Z", ["which", "-s", "order", "--at", "9999-12-31T23:59Z"]),
            ("--promise 9999-12-31T23:59Z", ["case", "add", "--line", "regular", *AT,
                                             "--promise", "9999-12-31T23:59Z"]),
            ("--promise before the call", ["case", "add", "--line", "regular", *AT,
                                           "--promise", "2026-11-26"]),
        ):  # fmt: skip
            seconds, code = run(args)
            rows.append((label, seconds, code))
        homes = records(folder)
        for label, home in homes.items():
            seconds, code = run(["case", "list"], home=home)
            rows.append((f"case list: {label}", seconds, code))
        seconds, code = run(["which", "-s", "order", *AT], home=homes["damaged page"])
        rows.append(("which, record damaged (answers)", seconds, code))
        note = os.fsdecode(b"bad \xff byte")
        seconds, code = run(["case", "add", "--line", "regular", "--note", note, *AT])
        rows.append(("case add --note (not UTF-8, kept escaped)", seconds, code))
    print(f"{'input':<44} {'time':>8}  exit")
    for label, seconds, code in rows:
        worst = max(worst, seconds)
        print(f"{label:<44} {seconds * 1000:>6.0f}ms  {code}")
    print(f"slowest: {worst * 1000:.0f} ms (target: under 1 s)")
    return 0 if worst < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
