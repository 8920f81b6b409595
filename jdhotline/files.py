"""A catalogue's files as bytes: read within bounds, and the shipped ones' JSON twins.

Apart from load.py only to keep each module one concern (and about 500 lines): load.py
reads through these and validates what they hold. Nothing here prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .checks import Refused
from .errors import os_reason

MAX_BYTES = 1_000_000  # a real catalogue is ~20 KB; anything this big is a mistake


def twin_key(raw: bytes) -> str:
    """What the shipped catalogue's JSON twin was written from: its size and CRC-32."""
    import zlib

    return f"{len(raw)}:{zlib.crc32(raw):08x}"


def twin(target: Path, raw: bytes) -> Any:
    """The shipped catalogue's data from its JSON twin (hotlines.json), if it was written
    from these very bytes; else None, and the YAML is parsed.

    Measured after the matcher's keywords grew the catalogue to 76 KB: PyYAML takes
    ~10 ms to import and ~30 ms to parse it, json.loads its twin ~3 ms: the start-up
    budget (bench/startup.py) holds only with the twin. It is not a cache: it ships
    with the code, is written by scripts/catalogue_json.py, tests/test_catalogue.py
    fails when it is out of date, and the key is the YAML's content, not a timestamp.
    Every value is validated as if it came from the YAML but for its patterns' proof
    of bounded time, which the twin carries (proof); your own --catalog is always
    parsed.
    """
    import json

    try:
        doc = json.loads(target.with_suffix(".json").read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("key") != twin_key(raw):
        return None
    return doc


def proof(doc: dict[str, Any]) -> dict[str, int]:
    """The steps of each pattern the twin's writer proved bounded (bounded.check), by the
    pattern's text; {} unless proven by this very prover (bounded.PROOF).

    Proving the shipped patterns again on every run cost ~75 ms, a third of a command
    (bench/startup.py, issue 21). A pattern is trusted by its own text: one the twin's
    data holds but its proof does not (a twin edited by hand, a writer's bug) is proven
    here as a YAML's is, and refused if it could run away (tests/test_cues_split.py).
    Everything else in the twin is checked as if it came from the YAML
    (docs/decisions.md).
    """
    from . import bounded

    proof = doc.get("proof")
    if not isinstance(proof, dict) or proof.get("by") != bounded.PROOF:
        return {}
    steps = proof.get("steps")
    if not isinstance(steps, dict):
        return {}
    return {
        regex: count
        for regex, count in steps.items()
        if isinstance(count, int) and not isinstance(count, bool) and 0 < count <= bounded.MAX_WORK
    }


def read(target: Path, shown: str) -> bytes:
    """At most MAX_BYTES of a regular file, whatever it claims to be.

    Opened without blocking (a FIFO with no writer would wait forever) and checked
    once open; then read to one byte past the limit, never trusting st_size
    (/dev/zero says 0 and never ends).
    """
    import os
    import stat

    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise Refused(shown, "", "file.missing") from None
    except PermissionError:
        raise Refused(shown, "", "file.cannot_read", why="denied") from None
    except OSError as exc:
        if target.is_dir():
            raise Refused(shown, "", "file.folder") from None
        raise _unreadable(shown, exc) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise Refused(shown, "", "file.folder")
        if not stat.S_ISREG(mode):
            raise Refused(shown, "", "file.not_regular")
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _unreadable(shown, exc) from None
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        raise Refused(shown, "", "file.too_big", limit=f"{MAX_BYTES:,}")
    return raw


def _unreadable(shown: str, exc: OSError) -> Refused:
    """Worded by its errno; the system's own text stands for it in English."""
    detail = exc.strerror or str(exc)
    return Refused(shown, "", "file.cannot_read", why=os_reason(exc), detail=detail)


def display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
