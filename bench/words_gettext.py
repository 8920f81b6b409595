"""What the words cost at start-up: one Python table per language (today) against gettext
catalogues (.po compiled to .mo with Babel, read by the standard library's gettext).

For `jdhotline which --plus -s appliance`, run in fresh interpreters, alternating:
  tables   import jdhotline.i18n.words (every table of en and zh, from .pyc)
  gettext  the same words as a .mo per language (msgid = the key), opened with
           gettext.GNUTranslations, plus the English .mo the fallback would read
and the whole command, for scale. Babel is needed only to write the .mo here.

    python bench/words_gettext.py [--runs 21]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
ROOT = Path(__file__).resolve().parent.parent


def write_mo(folder: Path) -> list[Path]:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    sys.path.insert(0, str(ROOT))
    from jdhotline.i18n.words import WORDS

    paths = []
    for lang in ("en", "zh"):
        catalog = Catalog(locale="zh_Hans_CN" if lang == "zh" else "en")
        for key, text in WORDS[lang].items():
            catalog.add(key, text)
        path = folder / f"{lang}.mo"
        with path.open("wb") as f:
            write_mo(f, catalog)
        paths.append(path)
    return paths


def timed(code: str, runs: int) -> list[float]:
    """Wall time of a fresh interpreter running ``code``."""
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([PY, "-c", code], check=True)
        out.append((time.perf_counter() - start) * 1000)
    return out


def inside(setup: str, code: str) -> float:
    """Milliseconds ``code`` takes in a fresh interpreter, after ``setup``."""
    timer = f"import time\n{setup}\nt = time.perf_counter()\n{code}\n"
    timer += "print((time.perf_counter() - t) * 1000)"
    done = subprocess.run([PY, "-c", timer], check=True, capture_output=True, text=True)
    return float(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        en, zh = write_mo(Path(tmp))
        cases = {
            "python -c pass": "pass",
            "tables (import words)": "import jdhotline.i18n.words",
            "gettext (.mo en + zh)": (
                "import gettext\n"
                f"for p in ({str(en)!r}, {str(zh)!r}):\n"
                "    with open(p, 'rb') as f: gettext.GNUTranslations(f)"
            ),
            "which --plus -s appliance": (
                "import sys; from jdhotline.__main__ import main; sys.argv = ['jdhotline', "
                "'which', '--plus', '-s', 'appliance', '--at', '2026-11-27T10:00']\n"
                "import contextlib, io\n"
                "with contextlib.redirect_stdout(io.StringIO()):\n"
                "    try: main()\n    except SystemExit: pass"
            ),
            "which ... --lang zh-Hant": (
                "import sys; from jdhotline.__main__ import main; sys.argv = ['jdhotline', "
                "'which', '--plus', '-s', 'appliance', '--at', '2026-11-27T10:00', '--lang', "
                "'zh-Hant']\nimport contextlib, io\n"
                "with contextlib.redirect_stdout(io.StringIO()):\n"
                "    try: main()\n    except SystemExit: pass"
            ),
        }
        results: dict[str, list[float]] = {name: [] for name in cases}
        loads: dict[str, list[float]] = {name: [] for name in LOADS}
        for _ in range(runs):  # alternate, so the machine's drift falls on all alike
            for name, code in cases.items():
                results[name] += timed(code, 1)
            for name, (setup, code) in LOADS.items():
                loads[name].append(inside(setup, code.format(en=str(en), zh=str(zh))))
    floor = statistics.median(results["python -c pass"])
    print(f"{'fresh interpreter':30} {'median ms':>10} {'min':>8} {'over python':>12}")
    for name, times in results.items():
        median = statistics.median(times)
        print(f"{name:30} {median:10.1f} {min(times):8.1f} {median - floor:12.1f}")
    print(f"\n{'the words alone, in-process':30} {'median ms':>10} {'min':>8}")
    for name, times in loads.items():
        print(f"{name:30} {statistics.median(times):10.2f} {min(times):8.2f}")


# The words alone, timed inside the interpreter once the package is imported: what the
# choice of format costs a command (the rest of start-up is the same either way).
# The standard library both need and the command imports anyway, imported first.
_STDLIB = "import datetime, typing, pathlib, json, re, gettext, collections.abc, jdhotline"
LOADS = {
    "tables: en + zh": (_STDLIB, "import jdhotline.i18n.words"),
    "gettext: en + zh .mo": (
        _STDLIB,
        "for p in ({en!r}, {zh!r}):\n    with open(p, 'rb') as f: gettext.GNUTranslations(f)",
    ),
    "zh-Hant: its JSON": (
        _STDLIB + "; import jdhotline.i18n.words as w",
        "w.words_of('zh-Hant')",
    ),
    "opencc: import + s2tw": (_STDLIB, "import opencc; opencc.OpenCC('s2tw')"),
}


if __name__ == "__main__":
    main()
