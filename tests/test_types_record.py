"""Issue 21, step 6: the case record reads its rows by column name, tells "busy" by SQLite's
error code, checks foreign keys, and writes schema v3 from text of its own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from jdhotline.record import store as record
from jdhotline.record.schema import APPLICATION_ID, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3
from jdhotline.record.store import CaseStore, CaseStoreError

from .conftest import bj

AT = "2026-11-27T10:00:00+08:00"


def _file(path: Path, script: str) -> None:
    db = sqlite3.connect(path)
    db.executescript(script)
    db.close()


def _schema(path: Path) -> list[tuple[str, str, str]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
    finally:
        db.close()


# ---------------------------------------------------------------- schema v3


@pytest.mark.parametrize(
    "old", [SCHEMA_V1 + "PRAGMA user_version = 1;", SCHEMA_V2 + "PRAGMA user_version = 2;"]
)
def test_a_migrated_record_has_the_schema_of_a_new_one(tmp_path: Path, old: str) -> None:
    """SCHEMA_V3 is written out whole; the steps from v1 and v2 must end at the same tables,
    checks and indexes, to the letter of their SQL."""
    CaseStore(tmp_path / "new.db").close()
    _file(tmp_path / "old.db", old)
    CaseStore(tmp_path / "old.db").close()
    new = _schema(tmp_path / "new.db")
    assert [name for _, name, _ in new] == ["cases_by_order", "entries_by_case", "cases", "entries"]
    assert _schema(tmp_path / "old.db") == new


def test_schema_v3_is_not_cut_from_v2() -> None:
    """Version 3 takes a reopen; version 2's text, which refuses one, is not part of it."""
    assert "'reopen'" in SCHEMA_V3 and "'reopen'" not in SCHEMA_V2
    assert SCHEMA_V2 not in SCHEMA_V3 and SCHEMA_V3.count("CREATE TABLE") == 2


# ---------------------------------------------------------------- rows by name


def test_rows_are_read_by_column_name_not_position(tmp_path: Path) -> None:
    """Each SELECT names its columns and each row is read by those names (sqlite3.Row): a
    version 3 record whose columns another tool wrote in another order reads the same (a
    ``SELECT *`` read by position would give the line as the order number)."""
    path = tmp_path / "cases.db"
    _file(
        path,
        "CREATE TABLE cases (outcome TEXT, closed_at TEXT, created_at TEXT NOT NULL,"
        " status TEXT NOT NULL DEFAULT 'open', order_no TEXT, scenario TEXT,"
        " line TEXT NOT NULL, id INTEGER PRIMARY KEY);"
        "CREATE TABLE entries (note TEXT, due TEXT, ticket TEXT, agent TEXT, kind TEXT NOT NULL,"
        " at TEXT NOT NULL, case_id INTEGER NOT NULL REFERENCES cases(id),"
        " id INTEGER PRIMARY KEY);"
        f"PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 3;"
        f"INSERT INTO cases (id, line, scenario, order_no, created_at)"
        f" VALUES (1, 'appliance', 'appliance', '123456', '{AT}');"
        f"INSERT INTO entries (id, case_id, at, kind, agent, ticket, due, note)"
        f" VALUES (1, 1, '{AT}', 'call', '00123', '98765', '2026-11-28T10:00:00+08:00', '冰箱');",
    )
    with CaseStore(path) as store:
        case = store.get(1)
        store.close_case(1, at=bj("2026-11-28 09:00"), outcome="修好")
        closed = store.get(1)
    assert (case.line, case.scenario, case.order, case.status) == (
        "appliance", "appliance", "123456", "open",
    )  # fmt: skip
    entry = case.entries[0]
    assert (entry.kind, entry.agent, entry.ticket, entry.due, entry.note) == (
        "call", "00123", "98765", bj("2026-11-28 10:00"), "冰箱",
    )  # fmt: skip
    assert (closed.status, closed.outcome, closed.closed_at) == (
        "closed", "修好", bj("2026-11-28 09:00"),
    )  # fmt: skip


# ---------------------------------------------------------------- busy by code


def _error(message: str, code: int | None) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(message)
    if code is not None:
        exc.sqlite_errorcode = code  # type: ignore[attr-defined]  # set as SQLite would
    return exc


@pytest.mark.parametrize(
    ("message", "code", "busy"),
    [
        ("database is locked", 5, True),  # SQLITE_BUSY (sqlite3 names it from Python 3.11)
        ("database table is locked", 6, True),  # SQLITE_LOCKED
        ("anything at all", 517, True),  # SQLITE_BUSY_SNAPSHOT: busy, extended
        ("anything at all", 262, True),  # SQLITE_LOCKED_SHAREDCACHE
        ("the disk says locked", 13, False),  # SQLITE_FULL whatever its text says
        ("malformed: busy", 11, False),  # SQLITE_CORRUPT
        ("database is locked", None, True),  # Python 3.10: no code, the message
        ("disk I/O error", None, False),
    ],
)
def test_busy_is_told_by_sqlite_error_code(message: str, code: int | None, busy: bool) -> None:
    assert record._is_busy(_error(message, code)) is busy


def test_a_busy_error_by_code_is_told_as_locked(tmp_path: Path) -> None:
    """The one-line refusal follows the code: busy is "locked", whatever the text."""
    path = tmp_path / "cases.db"
    locked = record._store_error(path, _error("anything", 5), 0.2)
    other = record._store_error(path, _error("locked (said a disk)", 10), 0.2)
    assert locked.code == "store.locked"
    assert other.code == "store.unusable"


def test_a_real_lock_carries_its_code(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    CaseStore(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()
        holder.execute("ROLLBACK")
        holder.close()
    assert record._is_busy(caught.value)
    if hasattr(caught.value, "sqlite_errorcode"):  # Python >= 3.11
        assert caught.value.sqlite_errorcode & 0xFF == 5  # SQLITE_BUSY


# ---------------------------------------------------------------- foreign keys


def test_foreign_keys_are_on_for_every_write(tmp_path: Path) -> None:
    with CaseStore(tmp_path / "cases.db") as store:
        store.add(line="regular", at=bj("2026-11-27 10:00"))
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            store.db.execute("INSERT INTO entries (case_id, at, kind) VALUES (2, ?, 'call')", (AT,))
        store.log(1, at=bj("2026-11-27 11:00"))  # a case that exists: as before
        assert len(store.get(1).entries) == 2


def _orphaned(path: Path, version: int) -> None:
    """A record another program left with an entry for a case that does not exist."""
    schema = SCHEMA_V2 if version == 2 else SCHEMA_V3
    _file(
        path,
        f"{schema} PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {version};"
        f"INSERT INTO cases (id, line, created_at) VALUES (1, 'regular', '{AT}');"
        f"INSERT INTO entries (case_id, at, kind, note) VALUES (1, '{AT}', 'call', 'mine');"
        f"INSERT INTO entries (case_id, at, kind, note) VALUES (7, '{AT}', 'call', 'stray');",
    )


@pytest.mark.parametrize("version", [2, 3])
def test_a_record_that_breaks_a_foreign_key_still_opens(tmp_path: Path, version: int) -> None:
    """Turning the check on changes nothing for a file already written: it opens (a version 2
    one migrates, its rows copied as they are), its cases read, the stray entry is shown
    nowhere and kept, and new writes go on."""
    path = tmp_path / "cases.db"
    _orphaned(path, version)
    with CaseStore(path) as store:
        assert [(c.id, [e.note for e in c.entries]) for c in store.all()] == [(1, ["mine"])]
        assert store.unreadable == []
        store.log(1, at=bj("2026-11-27 11:00"), note="again")
        assert [e.note for e in store.get(1).entries] == ["mine", "again"]
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 4
        assert db.execute("PRAGMA foreign_key_check").fetchall() == [("entries", 2, "cases", 0)]
    finally:
        db.close()


def test_a_write_that_breaks_a_foreign_key_is_a_one_line_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should a write ever name a missing case, SQLite refuses it and the store says so in
    one line (CaseStoreError), with nothing half-written."""
    path = tmp_path / "cases.db"
    with CaseStore(path) as store:
        store.add(line="regular", at=bj("2026-11-27 10:00"))
        monkeypatch.setattr(CaseStore, "_require_open", lambda self, case_id, action: None)
        with pytest.raises(CaseStoreError) as caught:
            store.log(5, at=bj("2026-11-27 11:00"))
        assert (caught.value.code, caught.value.params["detail"]) == (
            "store.unusable",
            "FOREIGN KEY constraint failed",
        )
        assert [len(c.entries) for c in store.all()] == [1]


# ---------------------------------------------------------------- types defined once

PACKAGE = Path(__file__).resolve().parent.parent / "jdhotline"


@pytest.mark.parametrize(
    "spelled",
    ['"regular", "plus", "merchant"', '"everyone", "plus", "merchants"', '"buyers", "merchants"'],
)
def test_user_types_and_audiences_are_spelled_once(spelled: str) -> None:
    """catalogue.py defines each as a Literal; every other module takes it from there."""
    where = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if spelled in path.read_text(encoding="utf-8")
    )
    assert where == ["catalogue.py"]


def test_the_tuples_are_the_literals_values() -> None:
    from typing import get_args

    from jdhotline import catalogue, rules

    assert catalogue.USERS == ("regular", "plus", "merchant") == get_args(catalogue.User)
    assert catalogue.LINE_AUDIENCES == ("everyone", "plus", "merchants")
    assert catalogue.SCENARIO_AUDIENCES == ("buyers", "merchants")
    codes = rules.WARNING_CODES + rules.NOTE_CODES + rules.REASON_CODES
    assert codes == rules.NOTICE_CODES and len(set(codes)) == len(codes) == 17


def test_an_unknown_user_type_is_refused_as_before() -> None:
    from jdhotline.load import load
    from jdhotline.rules import advise, recommend

    catalogue = load()
    with pytest.raises(ValueError, match="unknown user type 'vip'"):
        recommend(catalogue, "vip", catalogue.scenario("order"), bj("2026-11-27 10:00"))
    with pytest.raises(ValueError, match="unknown user type 'vip'"):
        advise(catalogue, "vip", "订单号查询物流", bj("2026-11-27 10:00"))


def test_the_missing_facts_are_looked_up_once_for_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A merchant's call sheet: the JSON's missing facts, with where a merchant finds
    them, are the ones the printed sheet shows."""
    import json

    from typer.testing import CliRunner

    from jdhotline.cli import commands as cli

    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    args = ["prep", "买家恶意退款", "--merchant", "--at", "2026-11-27T10:00", "--lang", "en"]
    runner = CliRunner()
    as_json = runner.invoke(cli.app, [*args, "--format", "json"])
    as_markdown = runner.invoke(cli.app, [*args, "--format", "markdown"])
    assert as_json.exit_code == as_markdown.exit_code == 0, as_json.output
    missing = json.loads(as_json.stdout)["missing"]
    assert missing and all(m["name"] and m["where"] for m in missing)
    assert "shop" in [m["fact"] for m in missing]
    for item in missing:
        assert item["name"] in as_markdown.stdout and item["where"] in as_markdown.stdout


def test_a_fact_the_catalogue_does_not_describe_is_named_by_its_id() -> None:
    from jdhotline.load import load
    from jdhotline.prep import CallSheet, Facts, ToFind
    from jdhotline.rules import recommend

    catalogue = load()
    rec = recommend(catalogue, "regular", catalogue.scenario("order"), bj("2026-11-27 10:00"))
    sheet = CallSheet(rec, Facts(), ("order", "colour"), None, None)
    found = sheet.to_find(catalogue, "en")
    assert found[1] == ToFind("colour", "colour", "")
    assert found[0].fact == "order" and found[0].name != "order" and found[0].where


# ---------------------------------------------------------------- the core has no words


def test_a_catalogue_error_is_worded_by_the_i18n_wing(tmp_path: Path) -> None:
    """checks.Refused carries a code and its parameters; str() is that, for logs; the
    words, in either language, are i18n.messages' (the core imports no wing)."""
    from jdhotline.errors import CatalogueError
    from jdhotline.i18n.messages import catalogue_message
    from jdhotline.load import load

    (tmp_path / "mine.yaml").write_text("hotlines: 3\n", encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load(tmp_path / "mine.yaml")
    error = caught.value
    assert str(error) == f"{error.file}: {error.entry}: {error.code} {error.params}"
    english, chinese = catalogue_message(error, "en"), catalogue_message(error, "zh")
    assert english.startswith(f"{tmp_path / 'mine.yaml'}: ") and english != str(error)
    assert chinese.startswith(str(tmp_path / "mine.yaml")) and chinese != english
    checks = (PACKAGE / "checks.py").read_text(encoding="utf-8")
    assert "i18n" not in checks


@pytest.mark.parametrize("version", [2, 3])
def test_a_new_case_never_takes_a_stray_entrys_number(tmp_path: Path, version: int) -> None:
    """The stray entry names case 7: new cases are 8, 9 …, each with its own entries only."""
    path = tmp_path / "cases.db"
    _orphaned(path, version)
    with CaseStore(path) as store:
        added = [
            store.add(line="regular", at=bj("2026-11-27 12:00"), note=f"new {i}") for i in range(3)
        ]
        assert added == [8, 9, 10]
        assert [[e.note for e in store.get(n).entries] for n in added] == [
            ["new 0"],
            ["new 1"],
            ["new 2"],
        ]
        assert [c.id for c in store.all()] == [1, 8, 9, 10]


@pytest.mark.parametrize("stray", ["9223372036854775807", "7.5", "'x'"])
def test_an_odd_stray_entry_never_blocks_a_new_case(tmp_path: Path, stray: str) -> None:
    """An orphan entry whose case number is huge, a fraction or text (another program's):
    new cases are still numbered after the record's own (review)."""
    path = tmp_path / "cases.db"
    _file(
        path,
        f"{SCHEMA_V3} PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 3;"
        f"INSERT INTO cases (id, line, created_at) VALUES (1, 'regular', '{AT}');"
        f"INSERT INTO entries (case_id, at, kind, note) VALUES ({stray}, '{AT}', 'call', 'odd');",
    )
    with CaseStore(path) as store:
        assert store.add(line="regular", at=bj("2026-11-27 12:00")) == 2
