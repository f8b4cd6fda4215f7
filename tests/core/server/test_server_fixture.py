"""The tests' PostgreSQL is a real server: passwords are checked, LISTEN/NOTIFY crosses connections, a restart
keeps what was committed."""

from __future__ import annotations

import psycopg
import pytest


def test_a_role_logs_in_with_its_password_and_a_wrong_one_is_refused(pg_server, pg_database):
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute("CREATE ROLE ann LOGIN PASSWORD 'right horse'")
    try:
        with psycopg.connect(pg_server.url("ann", "right horse", pg_database)) as con:
            assert con.execute("SELECT current_user").fetchone() == ("ann",)
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            psycopg.connect(pg_server.url("ann", "wrong", pg_database))
    finally:
        with psycopg.connect(pg_server.url(), autocommit=True) as admin:
            admin.execute("DROP ROLE ann")


def test_notify_reaches_another_connection(pg_server, pg_database):
    url = pg_server.url(dbname=pg_database)
    with psycopg.connect(url, autocommit=True) as listener, psycopg.connect(url, autocommit=True) as talker:
        listener.execute("LISTEN series")
        talker.execute("NOTIFY series, 'EP01/en/3'")
        received = next(listener.notifies(timeout=5))
        assert (received.channel, received.payload) == ("series", "EP01/en/3")


def test_a_restart_keeps_what_was_committed(pg_server, pg_database):
    url = pg_server.url(dbname=pg_database)
    with psycopg.connect(url) as con:
        con.execute("CREATE TABLE kept (line int)")
        con.execute("INSERT INTO kept VALUES (7)")
    pg_server.restart()
    with psycopg.connect(url) as con:
        assert con.execute("SELECT line FROM kept").fetchall() == [(7,)]
