"""The user's record of calls and promises, in SQLite.

Reliability first: what an agent promised must never be lost.

* Every change is one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``).
* WAL journal and a busy timeout: two processes adding cases at once both succeed,
  and a process killed mid-write leaves every committed case readable.
* ``PRAGMA user_version`` holds the schema version; older files migrate forward,
  a newer one or a file that is not SQLite is refused and left untouched.
* ``PRAGMA foreign_keys``: every entry jdhotline writes names a case that exists.
* Rows are read by column name (``sqlite3.Row``), and "busy" is told by SQLite's error
  code, not by its message.

Times are passed in (ISO 8601, Beijing time); nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from jdhotline.case import Case, Entry, closed_error, parse_promise
from jdhotline.errors import CaseStateError, CaseStoreError, NoSuchCase, os_reason
from jdhotline.schedule import BEIJING, in_range

from .files import check_file, create_private, private
from .schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_V4,
    SCHEMA_VERSION,
    TABLES,
    UNSTAMPED_UNTIL,
)

__all__ = ["Case", "CaseStateError", "CaseStore", "CaseStoreError", "NoSuchCase", "parse_promise"]

if TYPE_CHECKING:
    import sqlite3

T = TypeVar("T")

BUSY_TIMEOUT_MS = 10_000
_SURROGATE = re.compile("[\ud800-\udfff]")  # undecodable bytes, read with surrogateescape


class CaseStore:
    """Cases in one SQLite file. Use as a context manager, or call close()."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.unreadable: list[int] = []  # cases left out of the last read (see _load)
        check_file(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise CaseStoreError(
                "store.mkdir", folder=path.parent, why=os_reason(exc), detail=exc.strerror
            ) from None
        create_private(path)
        import sqlite3  # imported here: only the case commands pay for it

        self._started = time.monotonic()
        try:
            self.db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise _store_error(path, exc, time.monotonic() - self._started) from None
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # A migration copies the file's rows as they are (SQLite's own advice for a
            # schema change), so a file another program left with an entry for a missing
            # case still opens; from then on every write is checked. Outside any
            # transaction: inside one, SQLite ignores this pragma.
            self.db.execute("PRAGMA foreign_keys = OFF")
            self._prepare()
            self.db.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            self.db.close()
            raise _store_error(path, exc, time.monotonic() - self._started) from None
        except BaseException:
            self.db.close()
            raise

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _prepare(self) -> None:
        """Recognise the file, then create or migrate it; a file that is not ours is not touched.

        Two processes may open a new record at once (issue 14): each step that writes
        retries while the other holds the lock, up to the busy timeout in real time, and
        the step that creates or migrates looks again once it holds the write lock.
        """
        state = self._retry(self._state)
        private(self.path)  # recognised as ours: only its owner reads it from now on
        if state == "current":
            self._retry(self._wal)
            return
        with self._write():
            state = self._state()  # again, inside the write lock: another process may be done
            if state == "new":
                _run_script(self.db, SCHEMA_V4)
            elif state != "current":
                if state == "v1":
                    self._check_v1()
                for version in range(int(state[1:]), SCHEMA_VERSION):
                    _run_script(self.db, MIGRATIONS[version])
            if state != "current":
                self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self._retry(self._wal)

    def _state(self) -> str:
        """new, v1, v2 (ours, older: stamped or from before the application id),
        current; else refuse.

        Only reads: a file that is not recognised is left exactly as it was.
        """
        # One statement, so one snapshot: another process may be creating the file now.
        row = self.db.execute(
            "SELECT (SELECT application_id FROM pragma_application_id) AS app,"
            " (SELECT user_version FROM pragma_user_version) AS version,"
            " (SELECT group_concat(name, char(31)) FROM sqlite_master WHERE type = 'table')"
            " AS names"
        ).fetchone()
        app, version, names = row["app"], row["version"], row["names"]
        tables = frozenset(names.split("\x1f")) if names else frozenset()
        if app == APPLICATION_ID and version > SCHEMA_VERSION:
            raise CaseStoreError(
                "store.newer", path=self.path, version=version, known=SCHEMA_VERSION
            )
        if app == APPLICATION_ID and version == SCHEMA_VERSION and tables == TABLES[version]:
            return "current"
        if app == 0 and version == 0 and not tables:
            return "new"
        ours = app == APPLICATION_ID or (app == 0 and version <= UNSTAMPED_UNTIL)
        if ours and version in TABLES and tables == TABLES[version]:
            return f"v{version}"
        raise CaseStoreError("store.foreign", path=self.path)

    def _check_v1(self) -> None:
        """Version 2 allows only open and closed: name the first v1 row that stops the
        migration, and the one-line repair (the file is left as it was)."""
        row = self.db.execute(
            "SELECT id, quote(status) AS status FROM cases WHERE status IS NULL"
            " OR status NOT IN ('open', 'closed') ORDER BY id LIMIT 1"
        ).fetchone()
        if row is not None:
            import shlex

            case_id, quoted = row["id"], row["status"]
            status = quoted if len(quoted) <= 40 else quoted[:39] + "…"
            repair = {
                f"repair_{to}": f"sqlite3 {shlex.quote(str(self.path))} "
                f"\"UPDATE cases SET status = '{to}' WHERE id = {case_id}\""  # no $ ` " in it
                for to in ("open", "closed")
            }
            raise CaseStoreError(
                "store.v1_status", path=self.path, id=case_id, status=status, **repair
            )

    def _wal(self) -> None:
        if self.db.execute("PRAGMA journal_mode").fetchone()["journal_mode"] != "wal":
            self.db.execute("PRAGMA journal_mode = WAL")

    def _retry(self, step: Callable[[], T]) -> T:
        """Run a step that SQLite may refuse at once while another process holds a lock.

        SQLite's busy handler does not cover every case (switching the journal to WAL,
        a reader meeting a WAL being set up): those come back "locked" at once. Retry
        them until the busy timeout has passed in real time, so "waited 10 s" is true.
        """
        import sqlite3

        deadline = self._started + BUSY_TIMEOUT_MS / 1000
        pause = 0.001
        while True:
            try:
                return step()
            except sqlite3.OperationalError as exc:
                now = time.monotonic()
                if not _is_busy(exc) or now >= deadline:
                    raise
            time.sleep(min(pause, deadline - now))
            pause = min(pause * 2, 0.05)

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction that takes the write lock at once (waits up to the busy timeout)."""
        self._started = time.monotonic()
        self._retry(lambda: self.db.execute("BEGIN IMMEDIATE"))
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # ---- changes

    def add(
        self,
        *,
        line: str,
        at: dt.datetime,
        scenario: str | None = None,
        order: str | None = None,
        agent: str | None = None,
        ticket: str | None = None,
        due: dt.datetime | None = None,
        note: str | None = None,
        promise: str | None = None,
    ) -> int:
        with self._guard(), self._write():
            # A number no entry already names: a record another program left with an
            # entry for a missing case (foreign_key_check) must not hand it to this one.
            cursor = self.db.execute(
                "INSERT INTO cases (id, line, scenario, order_no, created_at) VALUES ("
                "(SELECT max(ifnull((SELECT max(id) FROM cases), 0),"
                " ifnull((SELECT max(case_id) FROM entries WHERE typeof(case_id) = 'integer'"
                " AND case_id < 9007199254740992), 0)) + 1), ?, ?, ?, ?)",
                (line, scenario, order, _iso(at)),
            )
            case_id = int(cursor.lastrowid or 0)
            self._entry(case_id, at, "call", agent, ticket, due, note, promise)
        return case_id

    def log(
        self,
        case_id: int,
        *,
        at: dt.datetime,
        agent: str | None = None,
        ticket: str | None = None,
        due: dt.datetime | None = None,
        note: str | None = None,
        promise: str | None = None,
    ) -> None:
        with self._guard(), self._write():
            self._require_open(case_id, "log")
            self._entry(case_id, at, "call", agent, ticket, due, note, promise)

    def close_case(self, case_id: int, *, at: dt.datetime, outcome: str | None = None) -> None:
        """Close an open case; a closed one is refused, so its outcome is never overwritten.

        Closed again after a reopen without an outcome, the case keeps the one noted at
        its last close; the close entry keeps its own (none)."""
        with self._guard(), self._write():
            self._require_open(case_id, "close")
            self.db.execute(
                "UPDATE cases SET status = 'closed', closed_at = ?, outcome = coalesce(?,"
                " (SELECT note FROM entries WHERE case_id = cases.id AND kind = 'close'"
                "  AND note IS NOT NULL ORDER BY id DESC LIMIT 1)) WHERE id = ?",
                (_iso(at), outcome, case_id),
            )
            self._entry(case_id, at, "close", None, None, None, outcome)

    def reopen(self, case_id: int, *, at: dt.datetime) -> None:
        """Open a closed case again, as a ``reopen`` entry at ``at``. Its history stays,
        the close entries and their outcomes included; the case's outcome is cleared
        while it is open (a close without one brings the last back)."""
        with self._guard(), self._write():
            status, _ = self._status(case_id)
            if status != "closed":
                raise CaseStateError(case_id, "case.not_closed")
            self.db.execute(
                "UPDATE cases SET status = 'open', closed_at = NULL, outcome = NULL WHERE id = ?",
                (case_id,),
            )
            self._entry(case_id, at, "reopen", None, None, None, None)

    def _entry(
        self,
        case_id: int,
        at: dt.datetime,
        kind: str,
        agent: str | None,
        ticket: str | None,
        due: dt.datetime | None,
        note: str | None,
        promise: str | None = None,
    ) -> None:
        """One entry of the history; one dated before the last is refused (the history
        reads in order, and a promise's deadline counts from its call)."""
        last = self.db.execute(
            "SELECT at FROM entries WHERE case_id = ? ORDER BY id DESC LIMIT 1", (case_id,)
        ).fetchone()
        try:
            previous = _moment(last["at"]) if last is not None else None
        except (TypeError, ValueError, OverflowError):  # a damaged row: _load reports it
            previous = None
        if previous is not None and at < previous:
            raise CaseStateError(
                case_id,
                "case.before_last",
                at=f"{at.astimezone(BEIJING):%Y-%m-%d %H:%M}",
                last=f"{previous.astimezone(BEIJING):%Y-%m-%d %H:%M}",
            )
        self.db.execute(
            "INSERT INTO entries (case_id, at, kind, agent, ticket, due, note, promise)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (case_id, _iso(at), kind, agent, ticket, _iso(due) if due else None, note, promise),
        )

    def _status(self, case_id: int) -> tuple[str, str | None]:
        row = self.db.execute(
            "SELECT status, outcome FROM cases WHERE id = ?", (case_id,)
        ).fetchone()
        if row is None:
            raise NoSuchCase(case_id)
        outcome = row["outcome"]
        return row["status"], outcome if _readable(outcome) else None

    def _require_open(self, case_id: int, action: str) -> None:
        status, outcome = self._status(case_id)
        if status == "closed":
            raise closed_error(case_id, action, outcome)

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Every SQLite error (locked, corrupt, disk full...) becomes a CaseStoreError."""
        import sqlite3

        self._started = time.monotonic()
        try:
            yield
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc, time.monotonic() - self._started) from None

    # ---- reading

    def get(self, case_id: int) -> Case:
        with self._guard():
            cases = self._load("WHERE id = ?", (case_id,))
        if self.unreadable:
            raise CaseStoreError("store.unreadable_case", id=case_id, path=self.path)
        if not cases:
            raise NoSuchCase(case_id)
        return cases[0]

    def all(self, *, include_closed: bool = False) -> list[Case]:
        with self._guard():
            return self._load("" if include_closed else "WHERE status = 'open'", ())

    def for_order(self, order: str) -> list[Case]:
        with self._guard():
            return self._load("WHERE order_no = ? AND status = 'open'", (order,))

    def _load(self, where: str, params: tuple[object, ...]) -> list[Case]:
        """The cases asked for; one whose row cannot be read is left out and listed in
        ``unreadable`` (a moment another program wrote, a damaged value, a BLOB or text
        that is not UTF-8), so that one bad row never takes the other cases, or `which`,
        down with it."""
        import sqlite3

        try:
            return self._rows(where, params)
        except sqlite3.OperationalError as exc:
            if "decode" not in str(exc):
                raise
        # Text another program wrote that is not UTF-8: read again (only then, as a
        # Python text factory costs a call a value), its rows left out by _rows.
        self.db.text_factory = lambda raw: raw.decode("utf-8", "surrogateescape")
        try:
            return self._rows(where, params)
        finally:
            self.db.text_factory = str

    def _rows(self, where: str, params: tuple[object, ...]) -> list[Case]:
        self.unreadable = []
        rows = self.db.execute(
            "SELECT id, line, scenario, order_no, status, created_at, closed_at, outcome"
            f" FROM cases {where} ORDER BY id",
            params,
        ).fetchall()
        if not rows:
            return []
        entries: dict[int, list[Entry]] = {row["id"]: [] for row in rows}
        bad: set[int] = set()
        found = self.db.execute(
            "SELECT case_id, id, at, kind, agent, ticket, due, note, promise FROM entries"
            f" WHERE case_id IN (SELECT id FROM cases {where}) ORDER BY id",
            params,
        )
        for entry in found:
            case_id = entry["case_id"]
            if case_id not in entries:
                continue
            try:
                said = (entry["kind"], entry["agent"], entry["ticket"], entry["promise"])
                _check_text(said, entry["note"])
                entries[case_id].append(
                    Entry(
                        entry["id"],
                        _moment(entry["at"]),
                        entry["kind"],
                        entry["agent"],
                        entry["ticket"],
                        _moment(entry["due"]) if entry["due"] else None,
                        entry["note"],
                        entry["promise"],
                    )
                )
            except (TypeError, ValueError, OverflowError):
                bad.add(case_id)
        cases = []
        for row in rows:
            try:
                if row["id"] in bad:
                    raise ValueError(row["id"])
                _check_text(
                    (row["line"], row["scenario"], row["order_no"], row["status"]), row["outcome"]
                )
                cases.append(
                    Case(
                        id=row["id"],
                        line=row["line"],
                        scenario=row["scenario"],
                        order=row["order_no"],
                        status=row["status"],
                        created_at=_moment(row["created_at"]),
                        closed_at=_moment(row["closed_at"]) if row["closed_at"] else None,
                        outcome=row["outcome"],
                        entries=tuple(entries[row["id"]]),
                    )
                )
            except (TypeError, ValueError, OverflowError):
                self.unreadable.append(row["id"])
        return cases


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run several statements inside the caller's open transaction (executescript would commit)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _readable(value: object) -> bool:
    """Text as jdhotline writes it: a str, valid UTF-8 (no lone surrogates), or NULL."""
    return value is None or (
        isinstance(value, str) and (value.isascii() or not _SURROGATE.search(value))
    )


def _check_text(values: Sequence[object], *more: object) -> None:
    if not all(_readable(v) for v in (*values, *more)):
        raise TypeError("not text")


def _is_busy(exc: Exception) -> bool:
    """SQLITE_BUSY or SQLITE_LOCKED, extended codes included (the low byte is the primary
    code). Python 3.10 gives no code (``sqlite_errorcode`` is 3.11's): there, its message."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        text = str(exc)
        return "locked" in text or "busy" in text
    return (code & 0xFF) in _BUSY


# SQLITE_BUSY and SQLITE_LOCKED: sqlite3 names them from Python 3.11 only (3.10 is supported).
_BUSY = (5, 6)


def _store_error(path: Path, exc: sqlite3.Error, waited: float) -> CaseStoreError:
    text = str(exc)
    if _is_busy(exc):
        seconds = f"{waited:.0f}" if waited >= 1 else f"{waited:.1f}"
        return CaseStoreError("store.locked", path=path, seconds=seconds)
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        if os.access(path.parent, os.W_OK):
            return CaseStoreError("store.read_only", path=path)
        return CaseStoreError("store.read_only_folder", path=path, folder=path.parent)
    why = next((why for part, why in _SQLITE_WHY if part in text), "other")
    return CaseStoreError("store.unusable", path=path, why=why, detail=text)


# What SQLite's message says, as a reason words.py can give in either language.
_SQLITE_WHY = (
    ("malformed", "damaged"),
    ("not a database", "damaged"),
    ("full", "full"),
    ("I/O", "io"),
)


def _iso(moment: dt.datetime) -> str:
    """A moment as stored; one outside the supported range is refused before it is written."""
    return in_range(moment).isoformat(timespec="seconds")


def _moment(text: str) -> dt.datetime:
    if not isinstance(text, str):
        raise TypeError(text)
    return in_range(dt.datetime.fromisoformat(text))
