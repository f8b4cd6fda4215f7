"""Schema of the `.subrev` file and its forward migrations (`PRAGMA user_version`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

APPLICATION_ID = 0x53425256  # "SBRV": tells our files apart from any other SQLite database
SCHEMA_VERSION = 2

_META = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""
_CUES_V1 = """
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
"""
_GLOSSARY_AND_EVENTS = """
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

# Version 2: a line's single free-text `note` became its review thread (`comments`, JSON: notes and rejections
# with author and time), and the open rejection records who rejected and when.
_CUES_V2 = """
CREATE TABLE cues (
    id        INTEGER PRIMARY KEY,
    pos       REAL NOT NULL,
    start_ms  INTEGER NOT NULL,
    end_ms    INTEGER NOT NULL,
    source    TEXT NOT NULL,
    target    TEXT NOT NULL,
    state     TEXT NOT NULL,
    comments  TEXT,
    rejection TEXT,
    draft     TEXT,
    meta      TEXT
);
CREATE INDEX cues_by_pos ON cues(pos);
"""


def _run_script(con: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: `executescript` would commit the caller's transaction."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            con.execute(pending)
            pending = ""


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _thread_from_log(con: sqlite3.Connection) -> dict[int, list[dict[str, Any]]]:
    """Every rejection the event log holds, per cue, as thread entries (who and when from the log)."""
    threads: dict[int, list[dict[str, Any]]] = {}
    rows = con.execute("SELECT cue_id, at, actor, after FROM events WHERE cue_id IS NOT NULL AND after LIKE "
                       "'%rejected%' ORDER BY id")
    for cue_id, at, actor, after in rows:
        try:
            data = json.loads(after)
            rejection = data.get("rejection") if data.get("state") == "rejected" else None
        except (ValueError, AttributeError):
            continue
        if isinstance(rejection, dict) and "category" in rejection:
            threads.setdefault(cue_id, []).append(
                {"author": actor, "at": at, "text": str(rejection.get("comment", "")), "kind": "rejection",
                 "category": rejection["category"], "severity": rejection.get("severity", "minor")})
    return threads


def _v1_to_v2(con: sqlite3.Connection) -> None:
    """Notes and past rejections become each line's thread; the open rejection learns who made it and when."""
    threads = _thread_from_log(con)
    last_note = {cue_id: (actor, at) for cue_id, actor, at in con.execute(
        "SELECT cue_id, actor, at FROM events WHERE action = 'set_note' AND cue_id IS NOT NULL ORDER BY id")}
    created = con.execute("SELECT value FROM meta WHERE key = 'created_at'").fetchone()
    rows = con.execute("SELECT id, pos, start_ms, end_ms, source, target, state, note, rejection, draft, meta "
                       "FROM cues").fetchall()
    con.execute("ALTER TABLE cues RENAME TO cues_v1")
    con.execute("DROP INDEX IF EXISTS cues_by_pos")
    _run_script(con, _CUES_V2)
    out = []
    for cue_id, pos, start, end, source, target, state, note, rejection, draft, meta in rows:
        thread = threads.get(cue_id, [])
        if isinstance(note, str) and note.strip():
            actor, at = last_note.get(cue_id, ("", created[0] if created else ""))
            thread.append({"author": actor, "at": at, "text": note, "kind": "note"})
            thread.sort(key=lambda c: c["at"])
        if rejection and thread:
            try:
                open_rejection = json.loads(rejection)
                last = next(c for c in reversed(thread) if c["kind"] == "rejection")
                open_rejection.update(by=last["author"], at=last["at"])
                rejection = _dumps(open_rejection)
            except (ValueError, StopIteration, AttributeError):
                pass
        out.append((cue_id, pos, start, end, source, target, state, _dumps(thread) if thread else None, rejection,
                    draft, meta))
    con.executemany("INSERT INTO cues (id, pos, start_ms, end_ms, source, target, state, comments, rejection, "
                    "draft, meta) VALUES (?,?,?,?,?,?,?,?,?,?,?)", out)
    con.execute("DROP TABLE cues_v1")


def _create_latest(con: sqlite3.Connection) -> None:
    """A new file gets today's schema directly."""
    _run_script(con, _META + _CUES_V2 + _GLOSSARY_AND_EVENTS)


_V1 = _META + _CUES_V1 + _GLOSSARY_AND_EVENTS  # what version 1 files were made with (tests make them to migrate)

# MIGRATIONS[n] brings a file from version n to n + 1. Version 0 is an empty new database.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _v1_to_v2,
}


def migrate(con: sqlite3.Connection, from_version: int) -> None:
    """Run every migration from `from_version` up to SCHEMA_VERSION inside the caller's transaction."""
    if from_version == 0:
        _create_latest(con)
        from_version = SCHEMA_VERSION
    for version in range(from_version, SCHEMA_VERSION):
        MIGRATIONS[version](con)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
