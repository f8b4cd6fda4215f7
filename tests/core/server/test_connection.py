"""The series store's SQL, as it is written for SQLite, runs on the server through ServerConnection: `?`
placeholders, a literal `%`, upserts, RETURNING, executemany, and one transaction per action."""

from __future__ import annotations

import psycopg
import pytest

from editor.core.series.store import UPSERT_LINE, UPSERT_META
from editor.core.server.admin import init_server
from editor.core.server.connection import ServerConnection, to_psycopg


@pytest.fixture
def con(pg_server, pg_database):
    url = pg_server.url(dbname=pg_database)
    init_server(url)
    connection = ServerConnection(psycopg.connect(url))
    yield connection
    connection.close()


def test_placeholders_and_percent_signs():
    assert to_psycopg("SELECT 1 WHERE a = ? AND b LIKE '%x%' AND c = ?") == \
        "SELECT 1 WHERE a = %s AND b LIKE '%%x%%' AND c = %s"


def test_the_stores_upserts_and_returning_run_on_the_server(con):
    with con.transaction():
        [episode_id] = con.execute("INSERT INTO episodes (name, pos, fps, added_at) VALUES (?, ?, ?, ?) RETURNING id",
                                   ("第01集", 0.0, 25.0, "now")).fetchone()
        con.executemany(UPSERT_LINE, [(episode_id, 1, 0.0, 0, 900, "你好", "你好", None),
                                      (episode_id, 2, 1.0, 1000, 1900, "100%真的", "100%真的", None)])
        con.execute(UPSERT_LINE, (episode_id, 1, 0.5, 0, 950, "您好", "您好", '{"k": "v"}'))
        con.execute(UPSERT_META, ("source_lang", "zh-Hans"))
        con.execute(UPSERT_META, ("source_lang", "zh-Hant"))
    rows = con.execute("SELECT id, pos, end_ms, source FROM lines WHERE episode_id = ? ORDER BY pos",
                       (episode_id,)).fetchall()
    assert rows == [(1, 0.5, 950, "您好"), (2, 1.0, 1900, "100%真的")]
    assert con.execute("SELECT value FROM meta WHERE key = ?", ("source_lang",)).fetchone() == ("zh-Hant",)
    assert [r for r in con.execute("SELECT source FROM lines WHERE source LIKE '%真%'")] == [("100%真的",)]


def test_an_action_that_fails_leaves_nothing(con):
    with pytest.raises(psycopg.errors.UniqueViolation), con.transaction():
        con.execute("INSERT INTO languages (code, pos) VALUES (?, ?)", ("en", 0))
        con.execute("INSERT INTO languages (code, pos) VALUES (?, ?)", ("en", 1))
    assert con.execute("SELECT count(*) FROM languages").fetchone() == (0,)
    con.execute("INSERT INTO languages (code, pos) VALUES (?, ?) ON CONFLICT (code) DO NOTHING", ("es", 0))
    assert con.execute("SELECT code FROM languages").fetchall() == [("es",)]  # a statement outside: committed
