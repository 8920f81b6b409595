"""An on-disk cache of parsed data (the catalogue, chinesecalendar's sets), to start fast.

Parsing the catalogue means importing PyYAML and validating every entry, and
reading the official calendar means importing chinesecalendar: together about a
third of a command's own start-up time. The cache may never be wrong, so an
entry is used only when its key matches exactly: the jdhotline version, the
Python version, and the path, size and modification time (in nanoseconds) of
every file the value was built from, jdhotline's own code included. Anything
else — a missing, stale, corrupt or unreadable entry — is ignored and rebuilt;
failing to write one is ignored too.

The folder: $JDHOTLINE_CACHE_DIR (empty: no cache), else the OS's cache folder
(~/.cache/jdhotline, ~/Library/Caches/jdhotline, %LOCALAPPDATA%\\jdhotline\\Cache).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from . import __version__

T = TypeVar("T")


def directory() -> Path | None:
    """Where cache files go; None when caching is switched off."""
    chosen = os.environ.get("JDHOTLINE_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "jdhotline"
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / "jdhotline" / "Cache"
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(home / ".cache")
    return Path(base) / "jdhotline"


def fingerprint(paths: Iterable[Path]) -> tuple[object, ...]:
    """What the cached value was built from: versions, and each file's path, size, mtime."""
    files = []
    for path in paths:
        stat = path.stat()
        files.append((str(path.resolve()), stat.st_size, stat.st_mtime_ns))
    return (__version__, sys.version, tuple(files))


def cached(
    name: str,
    sources: Iterable[Path],
    build: Callable[[], T],
    kind: type[T],
    folder: Path | None,
) -> T:
    """``build()``, or the value cached under ``name`` if it was built from the same files."""
    if folder is None:
        return build()
    try:
        key = fingerprint(sources)
    except OSError:
        return build()
    path = folder / f"{name}.pickle"
    hit = _read(path, key, kind)
    if hit is not None:
        return hit
    value = build()
    _write(path, key, value)
    return value


def _read(path: Path, key: tuple[object, ...], kind: type[T]) -> T | None:
    import pickle

    try:
        stored_key, value = pickle.loads(path.read_bytes())
    except Exception:  # missing, unreadable, corrupt, or from other code: rebuild
        return None
    return value if stored_key == key and isinstance(value, kind) else None


def _write(path: Path, key: tuple[object, ...], value: object) -> None:
    import pickle

    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)  # atomic: a reader sees the old file or the new one
    except Exception:  # a read-only home, a full disk, a value that cannot be pickled
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
