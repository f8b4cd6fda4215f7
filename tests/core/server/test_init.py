"""`init_server` and `add_person` on a real PostgreSQL: the tables, the groups, and the rules the server itself
enforces — the log is append-only for everyone, the actor of a logged action is the login that wrote it, only a
reviewer approves or rejects, and every action is announced (LISTEN/NOTIFY)."""

from __future__ import annotations

import json

import psycopg
import pytest

from editor.core.server import schema
from editor.core.server.admin import ServerError, add_person, connect, init_server

PASSWORD = "s3cret horse"


@pytest.fixture
def series_db(pg_server, pg_database):
    """A database set up for a series, with a translator (ann) and a reviewer (bo); their URLs."""
    admin = pg_server.url(dbname=pg_database)
    init_server(admin)
    names = {"translator": f"ann_{pg_database}", "reviewer": f"bo_{pg_database}"}
    for role, name in names.items():
        add_person(admin, name, role, PASSWORD)
    with psycopg.connect(admin) as con:
        con.execute("INSERT INTO languages (code, pos) VALUES ('en', 0)")
        con.execute("INSERT INTO episodes (name, pos, fps, added_at) VALUES ('EP01', 0, 25, 'now')")
        con.execute("INSERT INTO lines (episode_id, id, pos, start_ms, end_ms, source, source_key) "
                    "VALUES (1, 1, 0, 0, 1000, '你好', '你好')")
    yield {role: pg_server.url(name, PASSWORD, pg_database) for role, name in names.items()} | {"admin": admin}
    with psycopg.connect(pg_server.url(), autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{pg_database}" WITH (FORCE)')
        for name in names.values():
            con.execute(f'DROP ROLE IF EXISTS "{name}"')


def _log(url: str, actor: str = "someone else") -> None:
    with psycopg.connect(url) as con:
        con.execute("INSERT INTO events (at, actor, kind, action, episode_id, lang, cue_id) "
                    "VALUES ('now', %s, 'person', 'set_state', 1, 'en', 1)", (actor,))


def test_init_makes_the_series_tables_and_says_its_version(series_db):
    with connect(series_db["admin"]) as con:
        tables = {row[0] for row in con.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        assert {"meta", "languages", "episodes", "lines", "targets", "events", "bible", "dictionary",
                "assignments", "claims", "schema_version"} <= tables
        assert con.execute("SELECT version FROM schema_version").fetchone() == (schema.SCHEMA_VERSION,)
        types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                 "WHERE table_name = 'lines'").fetchall())
        assert types["pos"] == "double precision"  # positions halve between neighbours: 8 bytes


def test_init_refuses_a_database_that_holds_a_series_already(series_db):
    with pytest.raises(ServerError, match="holds a series already"):
        init_server(series_db["admin"])


def test_nobody_changes_or_removes_a_logged_action(series_db):
    _log(series_db["translator"])
    for who in ("translator", "reviewer"):
        with psycopg.connect(series_db[who]) as con, pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("UPDATE events SET action = 'nothing happened'")
        with psycopg.connect(series_db[who]) as con, pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("DELETE FROM events")
    with psycopg.connect(series_db["admin"]) as con:
        assert con.execute("SELECT count(*) FROM events").fetchone() == (1,)


def test_the_actor_of_a_logged_action_is_the_login_that_wrote_it(series_db):
    _log(series_db["translator"], actor="bo the reviewer")
    with psycopg.connect(series_db["admin"]) as con:
        [(actor,)] = con.execute("SELECT actor FROM events").fetchall()
    assert actor.startswith("ann_")


def _set_state(url: str, state: str, decided_by: str = "") -> None:
    with psycopg.connect(url) as con:
        con.execute("INSERT INTO targets (episode_id, lang, cue_id, target, state, decided_by, decided_at) "
                    "VALUES (1, 'en', 1, 'Hello', %s, %s, 'now') ON CONFLICT (episode_id, lang, cue_id) "
                    "DO UPDATE SET state = excluded.state, decided_by = excluded.decided_by, "
                    "decided_at = excluded.decided_at", (state, decided_by))


def test_only_a_reviewer_approves_or_rejects(series_db):
    _set_state(series_db["translator"], "translated", decided_by="x")
    for state in ("approved", "rejected"):
        with pytest.raises(psycopg.DatabaseError, match="is not a reviewer") as refused:
            _set_state(series_db["translator"], state)
        assert refused.value.sqlstate == schema.NOT_A_REVIEWER
    _set_state(series_db["reviewer"], "approved", decided_by="a name the client made up")
    with psycopg.connect(series_db["admin"]) as con:
        state, decided_by = con.execute("SELECT state, decided_by FROM targets").fetchone()
    assert state == "approved" and decided_by.startswith("bo_")  # the login, not what the client wrote


def test_every_logged_action_is_announced(series_db):
    with psycopg.connect(series_db["reviewer"], autocommit=True) as listener:
        listener.execute("LISTEN subreview")
        _log(series_db["translator"])
        note = next(listener.notifies(timeout=5))
    payload = json.loads(note.payload)
    assert (payload["episode"], payload["lang"], payload["cue"], payload["action"]) == (1, "en", 1, "set_state")


def test_sql_in_a_name_or_a_password_is_only_text(pg_server, pg_database, series_db):
    name, password = "Robert'); DROP TABLE events;--", "x'; DROP TABLE lines;--"
    add_person(series_db["admin"], name, "translator", password)
    try:
        with psycopg.connect(pg_server.url(name, password, pg_database)) as con:
            assert con.execute("SELECT count(*) FROM lines").fetchone() == (1,)
    finally:
        with psycopg.connect(pg_server.url(), autocommit=True) as con:
            con.execute('DROP ROLE IF EXISTS "Robert\'); DROP TABLE events;--"')


def test_wrong_password_unknown_database_and_bad_role_are_one_sentence(pg_server, series_db):
    translator = series_db["translator"].replace(PASSWORD.replace(" ", "%20"), "nope")
    with pytest.raises(ServerError, match=r"refused the login of ann_.*wrong user name or password"):
        connect(translator)
    with pytest.raises(ServerError, match="has no database nothere"):
        connect(pg_server.url(dbname="nothere"))
    with pytest.raises(ServerError, match="translator, reviewer or manager, not boss"):
        add_person(series_db["admin"], "carl", "boss", "pw")
    with pytest.raises(ServerError, match="cannot reach the series server"):
        connect("postgresql://nobody@/x?host=/nonexistent-folder")
