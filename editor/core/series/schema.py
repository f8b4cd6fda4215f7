"""Schema of the `.subseries` file (decision 022): episodes share their source lines; each target language has
its own rows for every line; one append-only event log; the bible; the series dictionary.

Written in the SQL SQLite and PostgreSQL both accept (no WITHOUT ROWID, no SQLite-only types), so the same tables
can live on a server later; SQLite-only statements (PRAGMAs, triggers' RAISE) stay out of the table definitions.
"""

from __future__ import annotations

import sqlite3

from editor.core.store.schema import _run_script  # one statement at a time, inside the caller's transaction

APPLICATION_ID = 0x53425253  # "SBRS": a SubReview series, told apart from a project ("SBRV")
SCHEMA_VERSION = 1

TABLES = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE languages (
    code       TEXT PRIMARY KEY,
    pos        INTEGER NOT NULL,
    qa_profile TEXT NOT NULL DEFAULT '',
    model      TEXT NOT NULL DEFAULT ''
);
CREATE TABLE episodes (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    number          INTEGER,
    pos             REAL NOT NULL,
    video_path      TEXT NOT NULL DEFAULT '',
    source_path     TEXT NOT NULL DEFAULT '',
    source_format   TEXT NOT NULL DEFAULT 'srt',
    source_encoding TEXT NOT NULL DEFAULT 'utf-8',
    fps             REAL NOT NULL,
    duration_ms     INTEGER,
    header          TEXT NOT NULL DEFAULT '',
    footer          TEXT NOT NULL DEFAULT '',
    added_at        TEXT NOT NULL
);
CREATE TABLE lines (
    episode_id INTEGER NOT NULL REFERENCES episodes(id),
    id         INTEGER NOT NULL,
    pos        REAL NOT NULL,
    start_ms   INTEGER NOT NULL,
    end_ms     INTEGER NOT NULL,
    source     TEXT NOT NULL,
    source_key TEXT NOT NULL,
    meta       TEXT,
    PRIMARY KEY (episode_id, id)
);
CREATE INDEX lines_by_pos ON lines(episode_id, pos);
CREATE INDEX lines_by_source_key ON lines(source_key);
CREATE TABLE targets (
    episode_id INTEGER NOT NULL,
    lang       TEXT NOT NULL,
    cue_id     INTEGER NOT NULL,
    target     TEXT NOT NULL,
    state      TEXT NOT NULL,
    comments   TEXT,
    rejection  TEXT,
    draft      TEXT,
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (episode_id, lang, cue_id)
);
CREATE INDEX targets_by_lang_state ON targets(lang, state);
CREATE TABLE events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    action     TEXT NOT NULL,
    episode_id INTEGER,
    lang       TEXT,
    cue_id     INTEGER,
    before     TEXT,
    after      TEXT
);
CREATE INDEX events_by_line ON events(episode_id, lang, cue_id);
CREATE TABLE bible (
    id             INTEGER PRIMARY KEY,
    lang           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    source         TEXT NOT NULL,
    target         TEXT NOT NULL,
    forbidden      TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    case_sensitive INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX bible_by_lang ON bible(lang);
CREATE TABLE dictionary (
    lang TEXT NOT NULL,
    word TEXT NOT NULL,
    PRIMARY KEY (lang, word)
);
"""

# SQLite's way of making the log append-only; on a server the application's role gets no UPDATE or DELETE on it.
APPEND_ONLY = """
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
"""

BIBLE_KINDS = ("name", "address", "term", "note")


def create(con: sqlite3.Connection) -> None:
    """Today's schema in an empty database, inside the caller's transaction."""
    _run_script(con, TABLES + APPEND_ONLY)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
