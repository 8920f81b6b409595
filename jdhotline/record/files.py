"""The case record's file: made private before SQLite opens it, and recognised as a
SQLite database (or refused untouched) before anything reads or writes it."""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path

from jdhotline.errors import CaseStoreError, os_reason

from .schema import HEADER


def create_private(path: Path) -> None:
    """Create a new record as mode 0600 before SQLite opens it: it holds order numbers,
    phone digits and agents' IDs. SQLite gives its -wal and -shm files the same mode.
    Never follows a link (O_EXCL); an existing file is left to check_file and SQLite."""
    with suppress(OSError):  # it exists, or cannot be made: SQLite says why
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def private(path: Path) -> None:
    """A record (and its -wal and -shm files) made readable by its owner only."""
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            mode = name.lstat().st_mode
            if stat.S_ISREG(mode) and mode & 0o077:
                name.chmod(stat.S_IMODE(mode) & 0o700)
        except OSError:  # missing, or not ours to change (read-only, another owner)
            pass


def check_file(path: Path) -> None:
    """Refuse, without touching it, a file that is not a SQLite database, and never
    block: a FIFO, a device or a socket is refused before it is opened, and a link to
    a missing or empty file is refused, so that no other file becomes the record."""
    link = path.is_symlink()
    header = b""
    try:
        info = path.stat()
        if stat.S_ISREG(info.st_mode) and info.st_size:
            with path.open("rb") as handle:
                header = handle.read(len(HEADER))
    except FileNotFoundError:
        if link:
            raise CaseStoreError("store.link", path=path, target=os.path.realpath(path)) from None
        return
    except NotADirectoryError:
        raise CaseStoreError("store.not_folder", folder=path.parent) from None
    except OSError as exc:
        raise CaseStoreError(
            "store.cannot_read", path=path, why=os_reason(exc), detail=exc.strerror
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise CaseStoreError("store.is_folder", path=path)
    if not stat.S_ISREG(info.st_mode):
        raise CaseStoreError("store.not_file", path=path)
    if link and not header:
        raise CaseStoreError("store.link", path=path, target=os.path.realpath(path))
    if header and header != HEADER:
        raise CaseStoreError("store.not_sqlite", path=path)
