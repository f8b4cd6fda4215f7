"""The window on a series on the server (`subreview open URL`): the episode is claimed by the person who opens it;
a second person opening it is told who has it and since when and gets it read-only; decisions land on the server
under the login that made them."""

from __future__ import annotations

import psycopg
from PySide6.QtWidgets import QApplication

from editor.core import edits
from editor.core.review import State
from editor.gui import App
from editor.services.settings import Settings
from tests.core.server import conftest as server_fixtures
from tests.ui.message_boxes import click_in_next_box

# The real PostgreSQL of tests/core/server, and a series pushed onto it with a translator and a reviewer.
pg_server, pg_database = server_fixtures.pg_server, server_fixtures.pg_database
local_series, team = server_fixtures.local_series, server_fixtures.team


def test_two_people_on_one_episode_through_the_window(qtbot, team):
    tina, rex = App(QApplication.instance(), Settings()), App(QApplication.instance(), Settings())
    try:
        assert tina.open_series(team["translator"], "第01集", "en")
        assert tina.session is not None and not tina.session.project.read_only
        assert tina.session.apply(edits.SetTarget(2, "Don't touch her!")) is not None
        assert tina.session.apply(edits.SetState(2, State.TRANSLATED)) is not None
        seen: list[str] = []
        click_in_next_box("OK", seen)
        assert rex.open_series(team["reviewer"], "第01集", "en")
        assert seen and "第01集 in en is being written by tina_" in seen[0]
        assert rex.session is not None and rex.session.project.read_only
        assert rex.session.doc.get(2).state is State.TRANSLATED  # reading is allowed: tina's decision is there
        assert rex.session.apply(edits.SetState(2, State.APPROVED)) is None  # read-only: refused, nothing written
        assert rex.open_episode("第02集", "en")  # a free episode: claimed and writable
        assert not rex.session.project.read_only
    finally:
        tina.shutdown()
        rex.shutdown()
    with psycopg.connect(team["admin"]) as con:
        assert con.execute("SELECT state FROM targets WHERE episode_id = 1 AND lang = 'en' AND cue_id = 2"
                           ).fetchone() == ("translated",)
        actors = {row[0] for row in con.execute("SELECT actor FROM events WHERE episode_id = 1 AND cue_id = 2")}
        assert all(actor.startswith("tina_") for actor in actors) and actors
        assert con.execute("SELECT count(*) FROM claims").fetchone() == (0,)  # closing gave every claim back
