from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from jdhotline.catalogue import Catalogue
from jdhotline.cli import commands as cli
from jdhotline.errors import BadMoment
from jdhotline.i18n.messages import refusal
from jdhotline.output.script import followup
from jdhotline.record.schema import SCHEMA_V1, SCHEMA_V2, SCHEMA_V3
from jdhotline.record.store import CaseStore, CaseStoreError, NoSuchCase, parse_promise
from jdhotline.schedule import BEIJING

from .conftest import bj, communicate_all, reaped

runner = CliRunner()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    return tmp_path


AT = ("--at", "2026-11-27T10:00")


@contextmanager
def refused(pattern: str) -> Iterator[None]:
    """The case record refuses, and says so in English words matching ``pattern``."""
    with pytest.raises(CaseStoreError) as caught:
        yield
    assert re.search(pattern, refusal(caught.value, "en")), refusal(caught.value, "en")


def run(*args: str, input: str | None = None):
    return runner.invoke(cli.app, list(args), input=input)


# ---------------------------------------------------------------- the store


def test_add_log_close_and_history(tmp_path: Path) -> None:
    with CaseStore(tmp_path / "cases.db") as store:
        first = store.add(line="appliance", at=bj("2026-11-27 10:00"), order="123", agent="00123",
                          ticket="12345", due=bj("2026-11-28 10:00"), note="24 小时内联系")  # fmt: skip
        second = store.add(line="regular", at=bj("2026-11-27 11:00"))
        assert (first, second) == (1, 2)
        store.log(first, at=bj("2026-11-28 12:00"), agent="00456", due=bj("2026-11-28 14:00"))
        case = store.get(first)
        assert [e.agent for e in case.entries] == ["00123", "00456"]
        assert case.latest("agent") == "00456" and case.latest("ticket") == "12345"
        assert case.due == bj("2026-11-28 14:00")
        assert case.overdue(bj("2026-11-28 13:59")) is None
        assert case.overdue(bj("2026-11-28 16:30")) == dt.timedelta(hours=2, minutes=30)
        assert case.missed_promises(bj("2026-11-28 13:00")) == 1
        assert case.missed_promises(bj("2026-11-28 15:00")) == 2
        store.close_case(second, at=bj("2026-11-27 12:00"), outcome="solved")
        assert [c.id for c in store.all()] == [1]
        assert [c.id for c in store.all(include_closed=True)] == [1, 2]
        closed = store.get(second)
        assert (closed.status, closed.outcome, closed.entries[-1].kind) == (
            "closed",
            "solved",
            "close",
        )
        assert closed.overdue(bj("2030-01-01 00:00")) is None
        assert [c.id for c in store.for_order("123")] == [1]
        with pytest.raises(NoSuchCase):
            store.log(99, at=bj("2026-11-28 12:00"))
        with pytest.raises(NoSuchCase):
            store.get(99)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("24h", "2026-11-28 10:00"),
        ("3d", "2026-11-30 10:00"),
        ("90m", "2026-11-27 11:30"),
        ("2026-11-28T18:00", "2026-11-28 18:00"),
        ("2026-11-28T10:00Z", "2026-11-28 18:00"),
        ("2026-11-28", "2026-11-28 23:59"),
        # As agents and the guide say them (“3 小时内短信通知”, “24 小时内”).
        ("3小时", "2026-11-27 13:00"),
        ("3 小时内", "2026-11-27 13:00"),
        ("24 小时", "2026-11-28 10:00"),
        ("24小时以内", "2026-11-28 10:00"),
        ("3个小时", "2026-11-27 13:00"),
        ("2天", "2026-11-29 10:00"),
        ("2 日内", "2026-11-29 10:00"),
        ("半小时", "2026-11-27 10:30"),
        ("半个小时内", "2026-11-27 10:30"),
        ("30分钟", "2026-11-27 10:30"),
        ("45 分", "2026-11-27 10:45"),
        ("２４ 小时", "2026-11-28 10:00"),
        ("３天", "2026-11-30 10:00"),
        ("24h内", "2026-11-28 10:00"),
        ("三小时", "2026-11-27 13:00"),  # issue 18: Chinese numerals are read
        ("3 小时后", "2026-11-27 13:00"),  # issue 18: "3小时后回电" promises the call-back
    ],
)
def test_promises(text: str, due: str) -> None:
    assert parse_promise(text, bj("2026-11-27 10:00")) == bj(due)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("soon", "not a deadline"),
        ("24", "not a deadline"),
        ("-3d", "not a deadline"),
        ("2026-13-01", "not a deadline"),
        ("9999d", "more than a year away"),
        ("9" * 5000 + "h", "more than a year away"),
        ("2026-11-26", "before the call"),  # issue 13: before the call
        ("2026-11-27T09:59", "before the call"),
        ("2028-01-01", "more than a year after the call"),  # issue 13: years away
        ("9999-12-31T23:59Z", "2000-01-01 to 2099-12-31"),  # issue 13: an OverflowError
        ("0001-01-01", "2000-01-01 to 2099-12-31"),
        ("0h", "due at the moment of the call"),  # due at the call: not a promise
        ("0 小时", "due at the moment of the call"),
        ("00分钟", "due at the moment of the call"),
        ("2026-11-27T10:00", "due at the moment of the call"),
        ("半天", "not a deadline"),  # half a day says no time
        ("1小时半", "not a deadline"),
        ("小时", "not a deadline"),
        ("٣h", "not a deadline"),  # digits of another script are not read as 3
        ("9999天", "more than a year away"),
        ("367 天内", "more than a year away"),
    ],
)
def test_bad_promises(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_promise(text, bj("2026-11-27 10:00"))
    assert re.search(message, refusal(caught.value, "en"))


def test_a_promise_a_year_away_and_full_width_digits() -> None:
    at = bj("2026-11-27 10:00")
    assert parse_promise("366d", at) == bj("2027-11-28 10:00")
    assert parse_promise("２４ｈ", at) == bj("2026-11-28 10:00")  # NFKC, as --order
    assert parse_promise("２０２６-１１-２８", at) == bj("2026-11-28 23:59")


@given(
    hours=st.integers(min_value=1, max_value=366 * 24),
    form=st.sampled_from(["{n}小时", "{n} 小时内", "{n}个小时以内", "{n}h", "{n}H内"]),
    wide=st.booleans(),
)
def test_hours_in_any_form_are_the_same_deadline(hours: int, form: str, wide: bool) -> None:
    at = bj("2026-11-27 10:00")
    digits = str(hours).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    text = form.format(n=digits if wide else hours)
    assert parse_promise(text, at) == at + dt.timedelta(hours=hours)


@given(text=st.text(max_size=30))
def test_any_promise_text_is_a_deadline_after_the_call_or_a_one_line_refusal(text: str) -> None:
    at = bj("2026-11-27 10:00")
    try:
        due = parse_promise(text, at)
    except ValueError as exc:
        assert "\n" not in str(exc).replace(repr(text), "")  # one line, bar the text itself
    else:
        assert at < due <= at + dt.timedelta(days=366)


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(1, 1, 1),
        dt.datetime(1999, 12, 31, 23, 59, tzinfo=BEIJING),
        dt.datetime(2100, 1, 1, tzinfo=BEIJING),
        dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.timezone.utc),
    ],
)
def test_a_moment_outside_the_range_is_refused_before_writing(
    tmp_path: Path, moment: dt.datetime
) -> None:
    """Issue 13 #1: year 1 was saved, then broke every command that read it."""
    with CaseStore(tmp_path / "cases.db") as store:
        with pytest.raises(BadMoment) as caught:
            store.add(line="regular", at=moment)
        assert re.search("2000-01-01 to 2099-12-31", refusal(caught.value, "en"))
        with pytest.raises(BadMoment):
            store.add(line="regular", at=bj("2026-11-27 10:00"), due=moment)
        assert store.all() == []
        assert store.db.execute("SELECT count(*) FROM entries").fetchone()[0] == 0


def test_a_row_that_cannot_be_read_is_left_out_and_named(tmp_path: Path) -> None:
    """Issue 13 #1: a row another program wrote (year 1, garbage) never hides the others."""
    path = tmp_path / "cases.db"
    with CaseStore(path) as store:
        for _ in range(4):
            store.add(line="regular", at=bj("2026-11-27 10:00"), due=bj("2026-11-28 10:00"))
    db = sqlite3.connect(path)
    db.execute("UPDATE cases SET created_at = '0001-01-01T00:00:00' WHERE id = 1")
    db.execute("UPDATE entries SET due = 'soon' WHERE case_id = 2")
    db.execute("UPDATE entries SET at = 42 WHERE case_id = 3")
    db.commit()
    db.close()
    with CaseStore(path) as store:
        assert [c.id for c in store.all()] == [4]
        assert store.unreadable == [1, 2, 3]
        assert store.get(4).id == 4 and store.unreadable == []
        with refused(r"case 2 in .* cannot be read"):
            store.get(2)


def test_migration_from_version_1(tmp_path: Path) -> None:
    """Version 1 goes through 2 to 3 in one transaction (every step, or none)."""
    path = tmp_path / "cases.db"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_V1)
    db.execute(
        "INSERT INTO cases (line, scenario, order_no, agent, ticket, due, note, status, created_at)"
        " VALUES ('appliance', 'appliance', '123', '00123', '12345', '2026-11-28T10:00:00+08:00',"
        " 'old note', 'open', '2026-11-27T10:00:00+08:00')"
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with CaseStore(path) as store:
        case = store.get(1)
        assert (case.line, case.order, case.latest("agent"), case.due) == (
            "appliance", "123", "00123", bj("2026-11-28 10:00"),
        )  # fmt: skip
        assert [e.note for e in case.entries] == ["old note"]
        assert store.add(line="regular", at=bj("2026-11-29 10:00")) == 2
        store.close_case(1, at=bj("2026-11-29 11:00"))
        store.reopen(1, at=bj("2026-11-29 12:00"))  # version 3 takes a reopen
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 4
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()


def test_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    content = "我的购物笔记\n".encode() * 100
    path.write_bytes(content)
    before = path.stat().st_mtime_ns
    with refused("not a jdhotline case database"):
        CaseStore(path)
    assert path.read_bytes() == content and path.stat().st_mtime_ns == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.db"]


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("PRAGMA application_id = 1245988940; PRAGMA user_version = 99", "newer jdhotline"),
        ("PRAGMA user_version = 99", "not jdhotline's"),  # no application id: not ours
        ("CREATE TABLE photos (id INTEGER)", "not jdhotline's"),
        ("PRAGMA application_id = 42", "not jdhotline's"),
        ("CREATE TABLE cases (id INTEGER); PRAGMA user_version = 2", "not jdhotline's"),
        (SCHEMA_V3 + "PRAGMA user_version = 3", "not jdhotline's"),  # 3 was always stamped
        (
            SCHEMA_V1 + "PRAGMA application_id = 1245988940; PRAGMA user_version = 3",
            "not jdhotline's",
        ),
    ],
)
def test_newer_or_foreign_database_is_refused_untouched(
    tmp_path: Path, sql: str, message: str
) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.executescript(sql)
    db.commit()
    db.close()
    content = path.read_bytes()
    with refused(message):
        CaseStore(path)
    assert path.read_bytes() == content


@pytest.mark.parametrize("version", [-1, 0, 1, 2])
@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_a_foreign_database_keeps_its_version_and_journal(
    tmp_path: Path, version: int, journal: str
) -> None:
    """Issue 13 #3: a contacts file was restamped to version 2 and switched to WAL."""
    path = tmp_path / "cases.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA journal_mode = {journal}")
    db.executescript(
        "CREATE TABLE contacts(name, phone); INSERT INTO contacts VALUES ('mom', '123');"
        f"PRAGMA user_version = {version};"
    )
    db.close()
    content = path.read_bytes()
    with refused("not jdhotline's; it was left untouched"):
        CaseStore(path)
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == version
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == journal
    assert check.execute("PRAGMA application_id").fetchone()[0] == 0
    assert check.execute("SELECT * FROM contacts").fetchall() == [("mom", "123")]
    check.close()
    if journal == "delete":
        assert path.read_bytes() == content


def test_a_record_from_before_the_application_id_is_recognised_and_stamped(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cases.db"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_V2 + "PRAGMA user_version = 2;")
    db.execute(
        "INSERT INTO cases (line, created_at) VALUES ('regular', '2026-11-27T10:00:00+08:00')"
    )
    db.commit()
    db.close()
    with CaseStore(path) as store:
        assert [c.id for c in store.all()] == [1]
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA application_id").fetchone()[0] == 0x4A44484C
    assert check.execute("PRAGMA user_version").fetchone()[0] == 4
    check.close()


def _version_2_record(path: Path) -> None:
    """A record as the last version 2 jdhotline left it: stamped, a closed case."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript(
        SCHEMA_V2 + "PRAGMA application_id = 1245988940; PRAGMA user_version = 2;"
        "INSERT INTO cases (line, status, created_at, closed_at, outcome) VALUES"
        " ('appliance', 'closed', '2026-11-27T10:00:00+08:00', '2026-11-28T10:00:00+08:00', '修好');"
        "INSERT INTO entries (case_id, at, kind, agent, due) VALUES"
        " (1, '2026-11-27T10:00:00+08:00', 'call', '00123', '2026-11-28T10:00:00+08:00');"
        "INSERT INTO entries (case_id, at, kind, note) VALUES"
        " (1, '2026-11-28T10:00:00+08:00', 'close', '修好');"
    )
    db.close()


def test_version_2_migrates_to_3_keeping_every_entry(tmp_path: Path) -> None:
    """Version 3 lets the history hold a reopen; version 2's CHECK refused one."""
    path = tmp_path / "cases.db"
    _version_2_record(path)
    with CaseStore(path) as store:
        case = store.get(1)
        assert [(e.id, e.kind, e.agent, e.note) for e in case.entries] == [
            (1, "call", "00123", None),
            (2, "close", None, "修好"),
        ]
        assert (case.outcome, case.due) == ("修好", bj("2026-11-28 10:00"))
        store.reopen(1, at=bj("2026-11-29 10:00"))
        assert [e.kind for e in store.get(1).entries] == ["call", "close", "reopen"]
        with pytest.raises(sqlite3.IntegrityError):  # the CHECK still holds
            store.db.execute(
                "INSERT INTO entries (case_id, at, kind) VALUES (1, '2026-11-29', 'bogus')"
            )
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 4
    assert check.execute("PRAGMA application_id").fetchone()[0] == 0x4A44484C
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    names = {row[0] for row in check.execute("SELECT name FROM sqlite_master")}
    assert names == {"cases", "entries", "entries_by_case", "cases_by_order"}
    check.close()


def test_processes_migrating_a_version_2_record_at_once(tmp_path: Path) -> None:
    """Four first uses of a new jdhotline on one version 2 record: one migrates, each adds."""
    path = tmp_path / "cases.db"
    _version_2_record(path)
    assert _open_at_once(path, 4) == [2, 3, 4, 5]
    with CaseStore(path) as store:
        assert [len(c.entries) for c in store.all(include_closed=True)] == [2, 1, 1, 1, 1]


def test_a_new_record_is_stamped_as_jdhotline_s(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    CaseStore(path).close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA application_id").fetchone()[0] == 0x4A44484C
    assert check.execute("PRAGMA user_version").fetchone()[0] == 4
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    check.close()


def test_a_corrupt_page_is_one_line_and_exit_4(home: Path) -> None:
    """Issue 13 #2: a damaged page gave a 45-line sqlite3.DatabaseError traceback."""
    assert run("case", "add", "--line", "regular", "--note", "a", *AT).exit_code == 0
    for _ in range(30):  # a few pages, so that page 2 is a table's
        assert run("case", "add", "--line", "regular", "--note", "x" * 500, *AT).exit_code == 0
    with (home / "cases.db").open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xff" * 4096)
    for args in (
        ["case", "list"],
        ["case", "show", "1"],
        ["case", "export"],
        ["case", "add", "--line", "regular", *AT],
    ):
        result = run(*args, *([] if "--at" in args else AT))
        assert result.exit_code == 4, (args, result.output)
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and "cases.db" in result.stderr, result.stderr
    which = run("which", "-s", "order", *AT)
    assert which.exit_code == 0 and "950618" in which.stdout
    assert which.stderr.startswith("jdhotline: (case record not read:")
    assert which.stderr.count("\n") == 1


def test_locked_database_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jdhotline.record.store as cases

    path = tmp_path / "cases.db"
    with CaseStore(path) as store:
        store.add(line="regular", at=bj("2026-11-27 10:00"))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    monkeypatch.setattr(cases, "BUSY_TIMEOUT_MS", 200)
    try:
        with (
            CaseStore(path) as store,
            refused(r"locked by another program \(waited 0\.2 s\)"),
        ):
            store.add(line="regular", at=bj("2026-11-27 11:00"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with CaseStore(path) as store:
        assert [c.id for c in store.all()] == [1]  # nothing lost, nothing half-written


WRITER = """
import sys, datetime as dt
from pathlib import Path
from jdhotline.record.store import CaseStore
from jdhotline.schedule import BEIJING
path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
at = dt.datetime(2026, 11, 27, 10, 0, tzinfo=BEIJING)
with CaseStore(path) as store:
    for i in range(count):
        case_id = store.add(line="regular", at=at, note=f"{name}-{i}")
        print(case_id, flush=True)
"""


def test_two_writer_processes(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, "200"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    results = communicate_all(procs, timeout=120)
    for proc, (_, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
    with CaseStore(path) as store:
        cases = store.all()
    assert len(cases) == 400
    notes = sorted(c.entries[0].note or "" for c in cases)
    assert notes == sorted(f"{n}-{i}" for n in ("a", "b") for i in range(200))


def test_opening_a_record_another_program_holds_waits_as_long_as_it_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14 #4: "locked (waited 10 s)" came after 5 ms; the wait is now real and told."""
    import jdhotline.record.store as cases

    path = tmp_path / "cases.db"
    CaseStore(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")  # no reader gets in, WAL or not
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(cases, "BUSY_TIMEOUT_MS", 300)
    started = time.monotonic()
    try:
        # 0.3 s, or a little more on a loaded machine (seen: 0.4 s under xdist at load 8)
        with refused(r"locked by another program \(waited 0\.[3-9] s\)"):
            CaseStore(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert time.monotonic() - started >= 0.3  # the message is true: it did wait


OPENER = """
import sys, time, datetime as dt
from pathlib import Path
from jdhotline.record.store import CaseStore
from jdhotline.schedule import BEIJING
start = float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
with CaseStore(Path(sys.argv[1])) as store:
    print(store.add(line="regular", at=dt.datetime(2026, 11, 27, 10, 0, tzinfo=BEIJING)))
"""


def test_processes_creating_a_new_record_at_once(tmp_path: Path) -> None:
    """Issue 14 #4: the second of two first uses got "locked (waited 10 s)" within 5 ms.

    Four processes open a record that does not exist yet at the same moment, three times
    over; every one must create or find the record and add its case.
    """
    for round_ in range(3):
        path = tmp_path / f"round-{round_}" / "cases.db"
        assert _open_at_once(path, 4) == [1, 2, 3, 4]


def _open_at_once(path: Path, count: int) -> list[int]:
    """``count`` processes open the record at the same moment and add a case each."""
    start = f"{time.time() + 0.3:.3f}"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, str(path), start],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(count)
    ]
    results = communicate_all(procs, timeout=120)
    assert [p.returncode for p in procs] == [0] * count, [err for _, err in results]
    return sorted(int(out) for out, _ in results)


def test_sigkill_mid_write_keeps_every_acknowledged_case(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    command = [sys.executable, "-c", WRITER, str(path), "k", "100000"]
    acknowledged: list[int] = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as proc, reaped(proc):
        assert proc.stdout is not None
        deadline = time.monotonic() + 60
        while len(acknowledged) < 150 and time.monotonic() < deadline:
            acknowledged.append(int(proc.stdout.readline()))
        os.kill(proc.pid, signal.SIGKILL)  # in the middle of its writing loop
        proc.wait()
        acknowledged += [int(line) for line in proc.stdout.read().split()]
    assert proc.returncode == -signal.SIGKILL
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in db.execute("SELECT id FROM cases")}
    db.close()
    assert len(acknowledged) >= 150
    assert set(acknowledged) <= stored


def test_a_promise_is_kept_up_to_its_deadline_inclusive(tmp_path: Path) -> None:
    """Overdue and missed start after the deadline, not at it."""
    with CaseStore(tmp_path / "cases.db") as store:
        case_id = store.add(line="appliance", at=bj("2026-11-27 10:00"), due=bj("2026-11-28 10:00"))
        case = store.get(case_id)
        assert case.overdue(bj("2026-11-28 10:00")) is None
        assert case.overdue(bj("2026-11-28 10:01")) == dt.timedelta(minutes=1)
        assert case.missed_promises(bj("2026-11-28 10:00")) == 0
        assert case.missed_promises(bj("2026-11-28 10:01")) == 1
        # Called back right at the deadline: the first promise was kept.
        store.log(case_id, at=bj("2026-11-28 10:00"), due=bj("2026-11-28 12:00"))
        case = store.get(case_id)
        assert case.missed_promises(bj("2026-11-28 12:00")) == 0
        assert case.missed_promises(bj("2026-11-28 12:01")) == 1
        assert case.overdue(bj("2026-11-28 12:00")) is None


# ---------------------------------------------------------------- follow-up words


def _case_with_promises(tmp_path: Path, line: str = "appliance"):
    store = CaseStore(tmp_path / "cases.db")
    case_id = store.add(line=line, at=bj("2026-11-27 10:00"), order="123", agent="00123",
                        ticket="12345", due=bj("2026-11-28 10:00"))  # fmt: skip
    return store, case_id


def test_followup_words(tmp_path: Path, catalogue: Catalogue) -> None:
    store, case_id = _case_with_promises(tmp_path)
    case = store.get(case_id)
    line = catalogue.line("appliance")
    zh = followup(case, line, bj("2026-11-28 12:00"), "zh")
    assert (
        zh.words
        == "订单号 123，工号 00123 承诺 24 小时内反馈，现在已超时 2 小时，麻烦催进度，服务单号 12345"
    )
    assert zh.escalate is None and zh.missed == 1
    en = followup(case, line, bj("2026-11-28 12:00"), "en")
    assert en.words == (
        "Order 123; agent 00123 promised feedback within 24 hours; it is now 2 h overdue; "
        "please chase it; service ticket 12345."
    )
    early = followup(case, line, bj("2026-11-28 09:00"), "zh")
    assert "超时" not in early.words and early.missed == 0
    store.close()


def test_escalation_after_the_second_missed_promise(tmp_path: Path, catalogue: Catalogue) -> None:
    store, case_id = _case_with_promises(tmp_path)
    store.log(case_id, at=bj("2026-11-28 12:00"), agent="00456", due=bj("2026-11-29 12:00"))
    case = store.get(case_id)
    line = catalogue.line("appliance")
    assert followup(case, line, bj("2026-11-29 11:00"), "zh").escalate is None
    late = followup(case, line, bj("2026-11-30 12:00"), "zh")
    assert late.missed == 2
    assert late.escalate == "麻烦帮我升级到家电售后主管，这个问题已拖延 3 天，需要加急"
    regular = followup(case, catalogue.line("regular"), bj("2026-11-30 12:00"), "zh")
    assert regular.escalate is not None and "上级维权专员" in regular.escalate
    plus = followup(case, catalogue.line("plus"), bj("2026-11-30 12:00"), "en")
    assert plus.escalate is not None and "PLUS 专属维权组" in plus.escalate
    store.close()


# ---------------------------------------------------------------- the CLI


@pytest.mark.usefixtures("home")
def test_case_commands_end_to_end(home: Path) -> None:
    added = run("case", "add", "--line", "400-610-1360", "-s", "appliance", "--order", "1234-5678",
                "--agent", "00123", "--ticket", "12345", "--promise", "24h", "--note", "[bold]师傅[/bold]",
                "--at", "2026-11-27T10:00", "--format", "json")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout) == {
        "id": 1, "line": "appliance", "order": "12345678", "status": "open",
        "due": "2026-11-28T10:00+08:00", "overdue": False,
    }  # fmt: skip
    assert (home / "cases.db").exists()
    text = run("case", "add", "--line", "regular", "--at", "2026-11-27T11:00")
    assert text.exit_code == 0 and text.stdout.startswith(
        "Case 2 saved: Regular customer line · no promise recorded"
    )

    listed = run("case", "list", "--at", "2026-11-28T12:00", "--format", "json")
    assert json.loads(listed.stdout) == [
        {"id": 1, "line": "appliance", "order": "12345678", "status": "open", "due": "2026-11-28T10:00+08:00", "overdue": True},
        {"id": 2, "line": "regular", "order": None, "status": "open", "due": None, "overdue": False},
    ]  # fmt: skip
    table = run("case", "list", "--at", "2026-11-28T12:00").stdout
    assert "12345678" in table and "2 h" in table

    follow = run("case", "followup", "1", "--at", "2026-11-28T12:00", "--lang", "zh")
    assert follow.exit_code == 0
    assert "工号00123承诺24小时内反馈\uff0c现在已超时2" in "".join(follow.stdout.split())
    assert "400-610-1360" in follow.stdout

    logged = run("case", "log", "1", "--agent", "00456", "--promise", "2h", "--note", "again",
                 "--at", "2026-11-28T12:05")  # fmt: skip
    assert logged.exit_code == 0 and "Call added to case 1" in logged.stdout
    doc = json.loads(
        run("case", "followup", "1", "--at", "2026-11-28T15:00", "--format", "json").stdout
    )
    assert doc["missed_promises"] == 2 and doc["overdue_minutes"] == 55
    assert "escalate" in doc and "家电售后主管" in doc["escalate"]
    assert doc["line"]["number"] == "400-610-1360"

    shown = run("case", "show", "1", "--format", "json", "--at", "2026-11-28T15:00")
    history = json.loads(shown.stdout)["entries"]
    assert [(e["agent"], e["note"]) for e in history] == [
        ("00123", "[bold]师傅[/bold]"),
        ("00456", "again"),
    ]
    shown = runner.invoke(cli.app, ["case", "show", "1", "--at", "2026-11-28T15:00"],
                          env={"COLUMNS": "200"})  # fmt: skip
    assert shown.exit_code == 0 and "\x1b" not in shown.stdout
    assert "│ [bold]师傅[/bold] " in shown.stdout  # markup shown as typed, in one cell

    closed = run("case", "close", "1", "--outcome", '=HYPERLINK("x")', "--at", "2026-11-29T09:00")
    assert closed.exit_code == 0 and "Case 1 closed" in closed.stdout
    assert [c["id"] for c in json.loads(run("case", "list", "--format", "json").stdout)] == [2]
    assert len(json.loads(run("case", "list", "--all", "--format", "json").stdout)) == 2

    exported = json.loads(run("case", "export", "--format", "json").stdout)
    assert [len(c["entries"]) for c in exported] == [3, 1]
    csv_text = run("case", "export", "--format", "csv").stdout
    rows = csv_text.splitlines()
    assert rows[0].startswith("\ufeffcase,line,scenario,order,status,outcome,at,kind")
    assert len(rows) == 1 + 4
    assert "'=HYPERLINK" in csv_text  # a note never runs as a spreadsheet formula


@pytest.mark.usefixtures("home")
def test_case_errors() -> None:
    assert run("case", "show", "7").exit_code == 2
    bad = run("case", "add", "--line", "nope")
    assert bad.exit_code == 2 and "unknown line 'nope'" in bad.stderr
    bad = run("case", "add", "--line", "regular", "--promise", "soon")
    assert bad.exit_code == 2 and "--promise: 'soon' is not a deadline" in bad.stderr
    bad = run("case", "add", "--line", "regular", "--order", "12ab")
    assert bad.exit_code == 2 and "--order: '12ab' is not an order number" in bad.stderr
    assert run("case", "list", "--format", "json").stdout.strip() == "[]"


def test_case_on_a_non_sqlite_file_exits_4(home: Path) -> None:
    path = home / "cases.db"
    path.write_text("not a database", encoding="utf-8")
    result = run("case", "list")
    assert result.exit_code == 4
    assert "not a jdhotline case database" in result.stderr and "Traceback" not in result.output
    assert path.read_text(encoding="utf-8") == "not a database"


def test_which_and_prep_mention_overdue_cases(home: Path) -> None:
    run(
        "case",
        "add",
        "--line",
        "appliance",
        "--order",
        "555",
        "--promise",
        "24h",
        "--at",
        "2026-11-27T10:00",
    )
    which = run("which", "冰箱不制冷", "--at", "2026-11-29T10:00", "--format", "json")
    assert which.exit_code == 0 and json.loads(which.stdout)["scenario"] == "appliance"
    assert (
        "You have an overdue case: Case 1 · Appliance repair line" in which.stderr
        and "case followup 1" in which.stderr
    )
    prep = run(
        "prep", "冰箱不制冷", "--order", "555", "--at", "2026-11-29T10:00", "--format", "json"
    )
    assert [c["id"] for c in json.loads(prep.stdout)["open_cases"]] == [1]
    other = run(
        "prep", "冰箱不制冷", "--order", "556", "--at", "2026-11-29T10:00", "--format", "json"
    )
    assert json.loads(other.stdout)["open_cases"] == []
    early = run("which", "冰箱不制冷", "--at", "2026-11-27T12:00")
    assert "overdue" not in early.stderr


@pytest.mark.parametrize("xdg", [None, "/srv/data", "  "])
def test_data_folder_is_platformdirs(monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    import platformdirs

    monkeypatch.delenv("JDHOTLINE_HOME", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    expected = Path(platformdirs.user_data_dir("jdhotline", appauthor=False)) / "cases.db"
    from jdhotline.cli.run import store_path

    assert store_path() == expected


# ---------------------------------------------------------------- issue 11, points 8-11


def _one_line_refusal(result, action: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1, result.stderr  # one line
    assert f"`case {action}` is refused" in result.stderr
    assert "jdhotline case reopen 1" in result.stderr


@pytest.mark.usefixtures("home")
def test_closing_twice_is_refused_and_keeps_the_outcome() -> None:
    run("case", "add", "--line", "appliance", "--agent", "00123", "--promise", "24h",
        "--at", "2026-11-27T10:00")  # fmt: skip
    closed = run(
        "case", "close", "1", "--outcome", "师傅 11-29 上门修好", "--at", "2026-11-29T15:00"
    )
    assert closed.exit_code == 0
    again = run("case", "close", "1", "--at", "2026-11-29T16:00")
    _one_line_refusal(again, "close")
    assert "its outcome is kept: 师傅 11-29 上门修好" in again.stderr
    shown = json.loads(run("case", "show", "1", "--format", "json").stdout)
    assert shown["outcome"] == "师傅 11-29 上门修好"
    assert shown["closed_at"] == "2026-11-29T15:00+08:00"
    assert [e["kind"] for e in shown["entries"]] == ["call", "close"]
    exported = json.loads(run("case", "export", "--format", "json").stdout)
    assert exported[0]["outcome"] == "师傅 11-29 上门修好"
    assert "Outcome: 师傅 11-29 上门修好" in run("case", "show", "1").stdout
    zh = run("case", "show", "1", "--lang", "zh").stdout  # the close entry's words: 结果
    assert "\n结果  师傅 11-29 上门修好\n" in zh and "备注  师傅" not in zh
    table = run("case", "show", "1", "-f", "markdown").stdout
    assert "| Note | Outcome |" in table and "|  | 师傅 11-29 上门修好 |" in table


@pytest.mark.usefixtures("home")
def test_a_closed_case_takes_no_calls_until_reopened() -> None:
    run("case", "add", "--line", "appliance", "--agent", "00123", "--promise", "24h",
        "--at", "2026-11-27T10:00")  # fmt: skip
    run("case", "close", "1", "--outcome", "修好了", "--at", "2026-11-28T09:00")
    _one_line_refusal(run("case", "log", "1", "--note", "again", "--at", "2026-11-29T10:00"), "log")
    _one_line_refusal(run("case", "followup", "1", "--at", "2026-11-29T10:00"), "followup")
    shown = json.loads(run("case", "show", "1", "--format", "json").stdout)
    assert shown["status"] == "closed" and len(shown["entries"]) == 2

    reopened = run("case", "reopen", "1", "--at", "2026-11-30T10:00")
    assert reopened.exit_code == 0 and reopened.stdout.startswith(
        "Case 1 reopened: Appliance repair line"
    )
    shown = json.loads(run("case", "show", "1", "--format", "json").stdout)
    assert (shown["status"], shown["closed_at"], shown["outcome"]) == ("open", None, None)
    # The history is kept, the outcome noted at the close included, and says it was reopened.
    assert [(e["kind"], e["at"], e["note"]) for e in shown["entries"]] == [
        ("call", "2026-11-27T10:00+08:00", None),
        ("close", "2026-11-28T09:00+08:00", "修好了"),
        ("reopen", "2026-11-30T10:00+08:00", None),
    ]
    logged = run(
        "case", "log", "1", "--note", "又坏了", "--promise", "2h", "--at", "2026-11-30T10:05"
    )
    assert logged.exit_code == 0
    assert run("case", "followup", "1", "--at", "2026-11-30T13:00").exit_code == 0

    twice = run("case", "reopen", "1")
    assert (
        twice.exit_code == 2
        and twice.stderr == "jdhotline: case 1 is open; there is nothing to reopen\n"
    )
    assert run("case", "reopen", "9").exit_code == 2


@pytest.mark.usefixtures("home")
def test_prep_says_which_cases_it_lists() -> None:
    for order in ("9999", "5555"):
        run("case", "add", "--line", "plus", "--order", order, "--promise", "1h",
            "--at", "2026-11-27T10:00")  # fmt: skip
    run("case", "add", "--line", "regular", "--promise", "1h", "--at", "2026-11-27T10:00")
    at = ("--at", "2026-11-28T10:00", "--format", "markdown", "--lang", "zh")
    every = run("prep", "--plus", "电视黑屏", *at).stdout
    assert "### 你所有超时未兑现的承诺\uff08不限订单\uff09" in every and "这个订单" not in every
    assert "记录 1 · PLUS 会员专属热线" in every and "记录 2 · PLUS" in every
    assert "记录 3 · 普通用户热线" in every
    one = run("prep", "--plus", "电视黑屏", "--order", "5555", *at).stdout
    assert "### 这个订单有超时未兑现的承诺\n\n- 记录 2 · PLUS 会员专属热线 · 订单号 5555" in one
    assert "记录 1 " not in one and "记录 3 " not in one


@pytest.mark.usefixtures("home")
def test_csv_export_is_utf8_with_a_byte_order_mark() -> None:
    import csv
    import io

    run("case", "add", "--line", "regular", "--note", "商家不接电话", "--at", "2026-11-27T10:00")
    result = run("case", "export", "--format", "csv")
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbfcase,line,")  # Excel and WPS read UTF-8
    assert result.stdout_bytes.count(b"\xef\xbb\xbf") == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert rows[0]["case"] == "1" and rows[0]["note"] == "商家不接电话"


@pytest.mark.usefixtures("home")
def test_no_buyers_escalation_for_a_merchants_case() -> None:
    run("case", "add", "--line", "merchant", "--promise", "2h", "--at", "2026-11-27T10:00")
    run("case", "log", "1", "--promise", "2h", "--at", "2026-11-27T13:00")
    doc = json.loads(run("case", "followup", "1", "--at", "2026-11-27T16:00", "-f", "json").stdout)
    assert doc["missed_promises"] == 2 and doc["escalate"] is None


@pytest.mark.usefixtures("home")
def test_close_reopen_close_keeps_the_outcome_and_records_the_reopen() -> None:
    """A new user closed with an outcome, reopened, closed again: the outcome was null
    and the history had no reopen (show ended on "closed" for an open case)."""
    run("case", "add", "--line", "appliance", "--agent", "00123", "--promise", "24h",
        "--at", "2026-11-27T10:00")  # fmt: skip
    run("case", "close", "1", "--outcome", "师傅 11-29 上门修好", "--at", "2026-11-29T15:00")
    assert run("case", "reopen", "1", "--at", "2026-11-30T09:00").exit_code == 0

    shown = run("case", "show", "1", "--at", "2026-11-30T09:30", "--lang", "zh", "-f", "markdown")
    last = shown.stdout.strip().splitlines()[-1]
    assert last.startswith("| 2026-11-30 09:00 | 重新打开 |"), shown.stdout
    rows = run("case", "export", "--format", "csv").stdout.splitlines()
    assert [row.split(",")[4:8] for row in rows[1:]] == [
        ["open", "", "2026-11-27T10:00+08:00", "call"],
        ["open", "", "2026-11-29T15:00+08:00", "close"],
        ["open", "", "2026-11-30T09:00+08:00", "reopen"],
    ]

    closed = run("case", "close", "1", "--at", "2026-11-30T18:00")
    assert closed.exit_code == 0, closed.output
    doc = json.loads(run("case", "show", "1", "--format", "json").stdout)
    assert (doc["status"], doc["outcome"], doc["closed_at"]) == (
        "closed", "师傅 11-29 上门修好", "2026-11-30T18:00+08:00",
    )  # fmt: skip
    # Every close keeps its own outcome; the case keeps the last one given.
    assert [(e["kind"], e["at"], e["note"]) for e in doc["entries"]] == [
        ("call", "2026-11-27T10:00+08:00", None),
        ("close", "2026-11-29T15:00+08:00", "师傅 11-29 上门修好"),
        ("reopen", "2026-11-30T09:00+08:00", None),
        ("close", "2026-11-30T18:00+08:00", None),
    ]
    english = run("case", "show", "1", "-f", "markdown", "--at", "2026-11-30T19:00").stdout
    assert "Outcome: 师傅 11-29 上门修好" in english and "| reopened |" in english

    # Reopened and closed with a new outcome: that one is the case's.
    run("case", "reopen", "1", "--at", "2026-12-01T09:00")
    run("case", "close", "1", "--outcome", "换新机", "--at", "2026-12-02T09:00")
    assert json.loads(run("case", "show", "1", "-f", "json").stdout)["outcome"] == "换新机"


@pytest.mark.usefixtures("home")
def test_promises_as_agents_phrase_them_through_the_cli() -> None:
    """A new user typed the guide's “3 小时内” and “半小时” and was refused."""
    for promise, due in [
        ("3 小时内", "2026-11-27T13:00+08:00"),
        ("24 小时", "2026-11-28T10:00+08:00"),
        ("2天", "2026-11-29T10:00+08:00"),
        ("半小时", "2026-11-27T10:30+08:00"),
        ("３０分钟", "2026-11-27T10:30+08:00"),
    ]:
        added = run("case", "add", "--line", "regular", "--promise", promise, *AT, "-f", "json")
        assert added.exit_code == 0, (promise, added.output)
        assert json.loads(added.stdout)["due"] == due, promise
    logged = run("case", "log", "1", "--promise", "3小时", "--at", "2026-11-27T11:00")
    assert logged.exit_code == 0 and "promised by 2026-11-27 14:00" in logged.stdout
    for nonsense, message in [
        ("0h", "--promise: '0h' is due at the moment of the call; a promise is later"),
        ("半天", "--promise: '半天' is not a deadline; use a number of minutes, hours, days"),
        ("很快", "--promise: '很快' is not a deadline"),
    ]:
        refused = run("case", "add", "--line", "regular", "--promise", nonsense, *AT)
        assert refused.exit_code == 2 and refused.stdout == ""
        assert refused.stderr.count("\n") == 1 and message in refused.stderr, refused.stderr
    assert len(json.loads(run("case", "list", "-f", "json").stdout)) == 5  # none of those


@pytest.mark.usefixtures("home")
def test_a_reopened_case_owes_no_promise_made_before_its_close() -> None:
    """The close settled the old promise: after a reopen the case is not overdue by it,
    the follow-up does not quote it, and a promise closed in time was not missed."""
    run("case", "add", "--line", "appliance", "--agent", "00123", "--promise", "24h",
        "--at", "2026-11-27T10:00")  # fmt: skip
    run("case", "close", "1", "--outcome", "修好了", "--at", "2026-11-27T18:00")  # in time
    reopened = run("case", "reopen", "1", "--at", "2026-12-02T09:00")
    assert reopened.stdout == "Case 1 reopened: Appliance repair line · no promise recorded\n"
    listed = json.loads(run("case", "list", "--at", "2026-12-02T09:30", "-f", "json").stdout)
    assert (listed[0]["due"], listed[0]["overdue"]) == (None, False)
    follow = json.loads(
        run("case", "followup", "1", "--at", "2026-12-02T09:30", "-f", "json").stdout
    )
    assert follow["missed_promises"] == 0 and follow["overdue_minutes"] is None
    zh = run("case", "followup", "1", "--at", "2026-12-02T09:30", "--lang", "zh").stdout
    assert "之前对接的是工号 00123\uff0c麻烦催进度" in zh and "24 小时内反馈" not in zh
    calendar = run("case", "export", "--format", "ics", "--at", "2026-12-02T09:30").stdout
    assert "BEGIN:VEVENT" not in calendar  # no deadline to put in the calendar
    run("case", "log", "1", "--promise", "2h", "--at", "2026-12-02T09:10")
    late = json.loads(run("case", "followup", "1", "--at", "2026-12-02T12:10", "-f", "json").stdout)
    assert (late["missed_promises"], late["overdue_minutes"]) == (1, 60)


def test_an_entry_before_the_last_one_is_refused_and_nothing_is_written(home: Path) -> None:
    """Found by a new user: a call or a close dated before the case was opened was
    accepted, and the history read out of order."""
    runner.invoke(cli.app, ["case", "add", "--line", "regular", "--at", "2026-11-27T10:00"])
    for args in (["log", "1", "--note", "hi"], ["close", "1"]):
        for lang, said in (("en", "is before its last entry"), ("zh", "比它还早")):
            result = runner.invoke(
                cli.app, ["case", *args, "--at", "2026-11-01T10:00", "--lang", lang]
            )
            assert result.exit_code == 2 and said in result.stderr, result.output
    shown = runner.invoke(
        cli.app, ["case", "show", "1", "--format", "json", "--at", "2026-11-28T10:00"]
    )
    doc = json.loads(shown.stdout)
    assert len(doc["entries"]) == 1 and doc["status"] == "open"
    later = runner.invoke(cli.app, ["case", "log", "1", "--note", "ok", "--at", "2026-11-27T10:00"])
    assert later.exit_code == 0  # the same minute is not before it


def test_a_recorded_calls_at_is_when_it_happened_and_its_formats_are_text_and_json() -> None:
    for command in ("add", "log"):
        en = run("case", command, "--help").stdout
        assert "When the call happened" in en and "The moment to answer for" not in en
        zh = run("case", command, "--help", "--lang", "zh").stdout
        assert "这通电话是什么时候打的" in zh and "按哪个时刻回答" not in zh
    for command in ("add", "log", "close", "reopen"):
        page = run("case", command, "--help").stdout
        assert "text|json " in page and "markdown" not in page
    assert "按哪个时刻回答" in run("case", "list", "--help", "--lang", "zh").stdout
    refused = run("case", "add", "--line", "regular", "-f", "markdown", *AT)
    assert refused.exit_code == 2 and "'markdown' is not one of: text, json." in refused.stderr
