"""Schema of the `.subrev` file and its forward migrations (`PRAGMA user_version`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x53425256  # "SBRV": tells our files apart from any other SQLite database
SCHEMA_VERSION = 1

_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE cues (
    id        INTEGER PRIMARY KEY,
    pos       REAL NOT NULL,
    start_ms  INTEGER NOT NULL,
    end_ms    INTEGER NOT NULL,
    source    TEXT NOT NULL,
    target    TEXT NOT NULL,
    state     TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT '',
    rejection TEXT,
    draft     TEXT,
    meta      TEXT
);
CREATE INDEX cues_by_pos ON cues(pos);
CREATE TABLE glossary (
    id             INTEGER PRIMARY KEY,
    source         TEXT NOT NULL,
    target         TEXT NOT NULL,
    forbidden      TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    case_sensitive INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE events (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    kind   TEXT NOT NULL,
    action TEXT NOT NULL,
    cue_id INTEGER,
    before TEXT,
    after  TEXT
);
CREATE INDEX events_by_cue ON events(cue_id);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
"""

# MIGRATIONS[n] brings a file from version n to n + 1. Version 0 is an empty new database.
def _run_script(con: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: `executescript` would commit the caller's transaction."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            con.execute(pending)
            pending = ""


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    0: lambda con: _run_script(con, _V1),
}


def migrate(con: sqlite3.Connection, from_version: int) -> None:
    """Run every migration from `from_version` up to SCHEMA_VERSION inside the caller's transaction."""
    for version in range(from_version, SCHEMA_VERSION):
        MIGRATIONS[version](con)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
