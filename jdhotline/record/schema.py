"""The case record's SQLite schema: each version's tables, and the steps from one to the next.

``PRAGMA user_version`` holds the version and ``PRAGMA application_id`` marks the file
as jdhotline's; store.py recognises, creates and migrates files with these.
"""

SCHEMA_VERSION = 4
# PRAGMA application_id: "JDHL". Files from before it was stamped are recognised by
# their version and tables (TABLES); anything else is not jdhotline's and is not touched.
APPLICATION_ID = 0x4A44484C
TABLES = {
    1: frozenset({"cases"}),
    2: frozenset({"cases", "entries"}),
    3: frozenset({"cases", "entries"}),
    4: frozenset({"cases", "entries"}),
}
UNSTAMPED_UNTIL = 2  # versions 1 and 2 were first written without the application id
HEADER = b"SQLite format 3\x00"

# Version 1 (jdhotline's first record): one row per case, no history.
SCHEMA_V1 = """
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    line TEXT NOT NULL,
    scenario TEXT,
    order_no TEXT,
    agent TEXT,
    ticket TEXT,
    due TEXT,
    note TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL
);
"""

# Version 2: every call is an entry, so a case has a history.
SCHEMA_V2 = """
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    line TEXT NOT NULL,
    scenario TEXT,
    order_no TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at TEXT NOT NULL,
    closed_at TEXT,
    outcome TEXT
);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('call', 'close')),
    agent TEXT,
    ticket TEXT,
    due TEXT,
    note TEXT
);
CREATE INDEX entries_by_case ON entries(case_id, id);
CREATE INDEX cases_by_order ON cases(order_no);
"""

MIGRATE_1_TO_2 = f"""
ALTER TABLE cases RENAME TO cases_v1;
{SCHEMA_V2}
INSERT INTO cases (id, line, scenario, order_no, status, created_at)
    SELECT id, line, scenario, order_no, status, created_at FROM cases_v1;
INSERT INTO entries (case_id, at, kind, agent, ticket, due, note)
    SELECT id, created_at, 'call', agent, ticket, due, note FROM cases_v1;
DROP TABLE cases_v1;
"""

# Version 3: a reopen is an entry too, so the history says when a case was opened again.
# SQLite cannot change a CHECK in place: the entries move to a new table.
ENTRIES_V3 = """
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('call', 'close', 'reopen')),
    agent TEXT,
    ticket TEXT,
    due TEXT,
    note TEXT
);
CREATE INDEX entries_by_case ON entries(case_id, id);
"""

MIGRATE_2_TO_3 = f"""
ALTER TABLE entries RENAME TO entries_v2;
DROP INDEX entries_by_case;
{ENTRIES_V3}
INSERT INTO entries (id, case_id, at, kind, agent, ticket, due, note)
    SELECT id, case_id, at, kind, agent, ticket, due, note FROM entries_v2;
DROP TABLE entries_v2;
"""

# Version 3 whole, as a new record was until version 4: history, kept for the tests that
# build a version 3 file.
SCHEMA_V3 = """
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    line TEXT NOT NULL,
    scenario TEXT,
    order_no TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at TEXT NOT NULL,
    closed_at TEXT,
    outcome TEXT
);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('call', 'close', 'reopen')),
    agent TEXT,
    ticket TEXT,
    due TEXT,
    note TEXT
);
CREATE INDEX entries_by_case ON entries(case_id, id);
CREATE INDEX cases_by_order ON cases(order_no);
"""

# Version 4: a promise keeps the agent's words ("48小时内回电") beside its deadline, so the
# follow-up says it back in the agent's unit (48 小时), not the 2 天 the deadline alone
# would give. The entries move to a new table, as in version 3, so a migrated file's SQL
# is a new file's to the letter.
ENTRIES_V4 = """
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('call', 'close', 'reopen')),
    agent TEXT,
    ticket TEXT,
    due TEXT,
    note TEXT,
    promise TEXT
);
CREATE INDEX entries_by_case ON entries(case_id, id);
"""

MIGRATE_3_TO_4 = f"""
ALTER TABLE entries RENAME TO entries_v3;
DROP INDEX IF EXISTS entries_by_case;
{ENTRIES_V4}
INSERT INTO entries (id, case_id, at, kind, agent, ticket, due, note)
    SELECT id, case_id, at, kind, agent, ticket, due, note FROM entries_v3;
DROP TABLE entries_v3;
"""

# The current schema, for a new file; an older file runs each step from its version up,
# all in one transaction. Written out whole, not cut from the steps above: those are
# history and never change, this is what a new record is (tests/test_types_record.py
# and tests/test_deadline3.py check that a new file and one migrated from v1, v2 or v3
# have the same tables and indexes).
SCHEMA_V4 = """
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    line TEXT NOT NULL,
    scenario TEXT,
    order_no TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at TEXT NOT NULL,
    closed_at TEXT,
    outcome TEXT
);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('call', 'close', 'reopen')),
    agent TEXT,
    ticket TEXT,
    due TEXT,
    note TEXT,
    promise TEXT
);
CREATE INDEX entries_by_case ON entries(case_id, id);
CREATE INDEX cases_by_order ON cases(order_no);
"""
MIGRATIONS = {1: MIGRATE_1_TO_2, 2: MIGRATE_2_TO_3, 3: MIGRATE_3_TO_4}
