"""One real PostgreSQL server for the session (tests/pg_server.py), each test in a database of its own."""

from __future__ import annotations

import itertools

import psycopg
import pytest

from editor.core import edits
from editor.core.document import Cue
from editor.core.review import State
from editor.core.series.episode import EpisodeProject
from editor.core.series.store import NewEpisode, Series
from editor.core.server.admin import add_person, init_server
from editor.core.server.transfer import push_series
from tests.pg_server import PgServer, remove_server, start_server, wait_until_up

_numbers = itertools.count(1)
PASSWORD = "a long passphrase"


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
    name = f"t{next(_numbers)}"
    with psycopg.connect(pg_server.url(), autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(pg_server.url(), autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def local_series(tmp_path):
    """A series file: two episodes, English and Spanish, one line of 第01集 translated and confirmed by ann."""
    path = tmp_path / "drama.subseries"
    cues = [Cue(1, 0, 1000, "你好，林总。"), Cue(2, 1200, 2400, "别碰她！"), Cue(3, 2600, 3800, "100%是真的")]
    with Series.create(path, source_lang="zh-Hans", languages=["en", "es"], actor="pm",
                       episodes=[NewEpisode("第01集", 1, cues, 25.0), NewEpisode("第02集", 2, cues[:2], 25.0)]) as s:
        view = EpisodeProject.of(s, "第01集", "en")
        view.apply(edits.SetTarget(1, "Hello, Mr. Lin."), actor="ann")
        view.apply(edits.SetState(1, State.TRANSLATED), actor="ann")
    return path


@pytest.fixture
def team(pg_server, pg_database, local_series):
    """`local_series` pushed onto the server, with two translators (tina_…, tom_…) and a reviewer (rex_…): their
    URLs by role ("translator", "translator2", "reviewer") and the administrator's ("admin")."""
    admin = pg_server.url(dbname=pg_database)
    init_server(admin)
    people = {"translator": f"tina_{pg_database}", "reviewer": f"rex_{pg_database}",
              "translator2": f"tom_{pg_database}"}
    for role, name in people.items():
        add_person(admin, name, role.rstrip("2"), PASSWORD)
    push_series(local_series, admin)
    yield {"admin": admin} | {role: pg_server.url(name, PASSWORD, pg_database) for role, name in people.items()}
    with psycopg.connect(pg_server.url(), autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{pg_database}" WITH (FORCE)')
        for name in people.values():
            con.execute(f'DROP ROLE IF EXISTS "{name}"')
