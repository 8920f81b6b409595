"""An on-disk cache of parsed data (the catalogue, chinesecalendar's sets), to start fast.

Parsing the catalogue means importing PyYAML and validating every entry, and
reading the official calendar means importing chinesecalendar: together about a
third of a command's own start-up time. The cache may never be wrong, so an
entry is used only when its key matches exactly: the jdhotline version, the
Python version, and the path, inode, size and modification time (in nanoseconds)
of every file the value was built from, jdhotline's own code included. Anything
else — a missing, stale, corrupt or unreadable entry — is ignored and rebuilt;
failing to write one is ignored too.

The folder: $JDHOTLINE_CACHE_DIR (empty: no cache), else the OS's cache folder
(~/.cache/jdhotline, ~/Library/Caches/jdhotline, %LOCALAPPDATA%\\jdhotline\\Cache).

An entry is written with marshal, not pickle: marshal is built into the interpreter,
while importing pickle costs about 2 ms, a sixth of a command's own start-up
(bench/startup.py); and reading an entry can only ever make records, dates and plain
values (see ``encode``), never run code as a tampered pickle could.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import marshal
import os
import sys
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from . import __version__
from .record import Record

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
    """What the cached value was built from: versions, and each file's identity and state.

    A file is its absolute path, device and inode (so a symlink pointed elsewhere is
    another file), size and modification time in nanoseconds. This file and record.py
    are always among them: they define how an entry is stored.
    """
    here = Path(__file__)
    files = []
    for path in (here, here.with_name("record.py"), *paths):
        stat = os.stat(path)
        identity = (os.path.abspath(path), stat.st_dev, stat.st_ino)
        files.append((*identity, stat.st_size, stat.st_mtime_ns))
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
    path = folder / f"{name}.marshal"
    hit = _read(path, key, kind)
    if hit is not None:
        return hit
    value = build()
    _write(path, key, value)
    return value


def _read(path: Path, key: tuple[object, ...], kind: type[T]) -> T | None:
    try:
        stored_key, stored = marshal.loads(path.read_bytes())
        if stored_key != key:
            return None
        value = decode(stored)
    except Exception:  # missing, unreadable, corrupt, or from other code: rebuild
        return None
    return value if isinstance(value, kind) else None


def _write(path: Path, key: tuple[object, ...], value: object) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        data = marshal.dumps((key, encode(value)))
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)  # atomic: a reader sees the old file or the new one
    except Exception:  # a read-only home, a full disk, a value encode() does not know
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return
    with contextlib.suppress(OSError):  # the same entry as earlier builds wrote it (pickle)
        path.with_suffix(".pickle").unlink(missing_ok=True)


# --------------------------------------------------------------------------- the format
# Plain values (None, bool, int, float, str, bytes), and tuples of them, are stored as
# they are, and read back without a look. Everything else becomes a list, which no
# stored value is otherwise, tagged by its first item:
#   [":tuple", item, ...] (a tuple with something not plain in it)
#   [":date", ordinal]   [":dates", ordinal, ...] (a frozenset of dates: the calendar)
#   [":frozenset", item, ...]   ["module.Class", field, ...] (a Record)


def encode(value: Any) -> Any:
    """A value as marshal can store it; TypeError for a kind the format does not know."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple:
        items = [encode(item) for item in value]
        return [":tuple", *items] if list in map(type, items) else tuple(items)
    if isinstance(value, Record):
        return [f"{kind.__module__}.{kind.__qualname__}", *[encode(item) for item in value]]
    if kind is dt.date:
        return [":date", value.toordinal()]
    if kind is frozenset:
        if value and all(type(item) is dt.date for item in value):
            return [":dates", *[item.toordinal() for item in value]]
        return [":frozenset", *[encode(item) for item in value]]
    raise TypeError(f"the cache cannot store {kind.__name__}")


def decode(stored: Any) -> Any:
    """The value ``encode`` was given; ValueError for anything it did not write."""
    kind = type(stored)
    if kind is not list:
        if kind in _PLAIN or kind is tuple:
            return stored
        raise ValueError(f"not a cache value: {kind.__name__}")
    tag, items = stored[0], stored[1:]
    if tag == ":dates":
        return frozenset(map(dt.date.fromordinal, items))
    for index, item in enumerate(items):  # a loop, not a comprehension: a big catalogue
        if type(item) is list:  # has ~10,000 of these, and a frame for each costs
            items[index] = decode(item)
    if not tag.startswith(":"):
        cls = _record_class(tag)
        if len(items) != len(cls._fields):
            raise ValueError(f"{tag}: {len(items)} fields stored, {len(cls._fields)} expected")
        return tuple.__new__(cls, items)
    if tag == ":tuple":
        return tuple(items)
    if tag == ":date":
        return dt.date.fromordinal(*items)
    if tag == ":frozenset":
        return frozenset(items)
    raise ValueError(f"not a cache tag: {tag!r}")


_PLAIN = frozenset({type(None), bool, int, float, str, bytes})


@cache
def _record_class(name: str) -> type[Record]:
    """A Record class of a module already imported (the cache never imports code)."""
    module, _, qualname = name.rpartition(".")
    found = getattr(sys.modules.get(module), qualname, None) if module else None
    if not (isinstance(found, type) and issubclass(found, Record)):
        raise ValueError(f"not a record class: {name!r}")
    return found
