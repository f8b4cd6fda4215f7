"""One real PostgreSQL server for the session (tests/pg_server.py), each test in a database of its own."""

from __future__ import annotations

import itertools

import pytest

from tests.pg_server import PgServer, remove_server, start_server, wait_until_up

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server():
    server = start_server()
    try:
        wait_until_up(server)
        yield server
    finally:
        remove_server(server)


@pytest.fixture
def pg_database(pg_server: PgServer):
    """A fresh, empty database on the session's server: its name."""
    import psycopg

    name = f"t{next(_numbers)}"
    with psycopg.connect(pg_server.url(), autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(pg_server.url(), autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
