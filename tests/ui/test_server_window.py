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


def test_a_translator_and_a_reviewer_on_one_episode_and_a_second_translator_reads_only(qtbot, team):
    tina, rex, tom = (App(QApplication.instance(), Settings()) for _ in range(3))
    try:
        assert tina.open_series(team["translator"], "第01集", "en")
        assert tina.session is not None and not tina.session.project.read_only
        assert tina.session.apply(edits.SetTarget(2, "Don't touch her!")) is not None
        assert tina.session.apply(edits.SetState(2, State.TRANSLATED)) is not None
        assert rex.open_series(team["reviewer"], "第01集", "en")  # the reviewer works beside her
        assert rex.session is not None and not rex.session.project.read_only
        assert rex.session.doc.get(2).state is State.TRANSLATED
        assert rex.session.apply(edits.SetState(2, State.APPROVED)) is not None
        seen: list[str] = []
        click_in_next_box("OK", seen)
        assert tom.open_series(team["translator2"], "第01集", "en")
        assert seen and "第01集 in en is being written by tina_" in seen[0]
        assert tom.session is not None and tom.session.project.read_only
        assert tom.session.doc.get(2).state is State.APPROVED  # reading is allowed
        assert tom.session.apply(edits.SetTarget(2, "Hands off her!")) is None  # read-only: nothing written
        assert tom.open_episode("第02集", "en")  # a free episode: claimed and writable
        assert not tom.session.project.read_only
    finally:
        for app in (tina, rex, tom):
            app.shutdown()
    with psycopg.connect(team["admin"]) as con:
        row = con.execute("SELECT target, state, decided_by FROM targets WHERE episode_id = 1 AND lang = 'en' AND "
                          "cue_id = 2").fetchone()
        assert row[:2] == ("Don't touch her!", "approved") and row[2].startswith("rex_")
        actors = [r[0] for r in con.execute("SELECT actor FROM events WHERE episode_id = 1 AND cue_id = 2 ORDER BY id")]
        assert [a.split("_")[0] for a in actors] == ["tina", "tina", "rex"]
        assert con.execute("SELECT count(*) FROM claims").fetchone() == (0,)  # closing gave every claim back


def test_the_reviewer_sees_the_translators_confirmation_and_she_sees_his_rejection(qtbot, team):
    from editor.core.review import RejectCategory, Rejection, Severity

    tina, rex = App(QApplication.instance(), Settings()), App(QApplication.instance(), Settings())
    try:
        assert tina.open_series(team["translator"], "第01集", "en")
        assert rex.open_series(team["reviewer"], "第01集", "en")
        assert tina.window is not None and rex.window is not None
        qtbot.waitUntil(lambda: all(app.window.server_follow.connected is True for app in (tina, rex)),
                        timeout=10_000)
        assert tina.session.apply(edits.SetTarget(2, "Don't touch her!")) is not None
        assert tina.session.apply(edits.SetState(2, State.TRANSLATED)) is not None
        qtbot.waitUntil(lambda: rex.session.doc.get(2).state is State.TRANSLATED, timeout=10_000)
        assert rex.session.doc.get(2).target == "Don't touch her!"
        rejection = Rejection(RejectCategory.TRANSLATION, Severity.MAJOR, "她 is a woman: 'her' is right, but say "
                              "'Hands off her!'")
        assert rex.session.apply(edits.SetState(2, State.REJECTED, rejection)) is not None
        qtbot.waitUntil(lambda: tina.session.doc.get(2).state is State.REJECTED, timeout=10_000)
        assert tina.session.doc.get(2).rejection is not None
        assert rex.session.reviewer.startswith("rex_")  # on a server the person is their login, not a setting
        assert "Hands off her!" in tina.session.doc.get(2).rejection.comment
    finally:
        tina.shutdown()
        rex.shutdown()


def test_anothers_decision_reaches_the_memory_and_the_series_checks(qtbot, team):
    tina, rex = App(QApplication.instance(), Settings()), App(QApplication.instance(), Settings())
    try:
        assert tina.open_series(team["translator"], "第01集", "en")
        assert rex.open_series(team["reviewer"], "第02集", "en")  # the same line 别碰她！ is line 2 there
        assert rex.window is not None
        qtbot.waitUntil(lambda: rex.window.server_follow.connected is True and not rex.window.series_memory.loading,
                        timeout=10_000)
        line = rex.session.doc.get(2)
        assert not any("Don't touch her!" in text for _label, text in rex.window.series_memory.rows(line))
        queue = rex.window.series_checks.queue_model

        def queued() -> set[tuple[str, int, str]]:
            return {(e.record.episode, e.record.line, e.record.target) for e in queue.entries}

        qtbot.waitUntil(lambda: rex.window.series_checks.checker.generation > 0, timeout=10_000)  # the first look
        qtbot.wait(500)
        assert ("第01集", 2, "Don't touch her!") not in queued()
        assert tina.session.apply(edits.SetTarget(2, "Don't touch her!")) is not None
        assert tina.session.apply(edits.SetState(2, State.TRANSLATED)) is not None
        # in rex's window (another login): her confirmed line now waits for review in the series checks' queue,
        # and her decision is a memory draft for the same line of his episode
        qtbot.waitUntil(lambda: ("第01集", 2, "Don't touch her!") in queued(), timeout=10_000)
        qtbot.waitUntil(lambda: any("Don't touch her!" in text
                                    for _label, text in rex.window.series_memory.rows(line)), timeout=10_000)
    finally:
        tina.shutdown()
        rex.shutdown()


def test_opening_the_series_without_naming_an_episode_opens_the_first_waiting_for_the_persons_role(qtbot, team):
    from editor.core.series.episode import EpisodeProject
    from editor.core.server.series import ServerSeries

    tina_login = team["translator"].split("://", 1)[1].split(":", 1)[0]
    with ServerSeries.open(team["admin"]) as series:  # 第01集: line 1 approved; 第02集: line 1 waits for review
        first = EpisodeProject.of(series, "第01集", "en")
        first.apply(edits.SetState(1, State.APPROVED), actor="pm")
        second = EpisodeProject.of(series, "第02集", "en")
        second.apply(edits.SetTarget(1, "Hello, Mr. Lin."), actor="pm")
        second.apply(edits.SetState(1, State.TRANSLATED), actor="pm")
        series.assign("第02集", "en", translator=tina_login)
    tina, rex = App(QApplication.instance(), Settings()), App(QApplication.instance(), Settings())
    try:
        assert rex.open_series(team["reviewer"])  # the only episode with a confirmed line waiting for review
        assert rex.session is not None and rex.session.project.episode.name == "第02集"
        assert tina.open_series(team["translator"])  # her assigned episode before the first one with open lines
        assert tina.session is not None and tina.session.project.episode.name == "第02集"
        assert not tina.session.project.read_only  # a translator and a reviewer work one episode together
    finally:
        tina.shutdown()
        rex.shutdown()


def test_what_others_did_while_the_connection_was_down_reaches_the_memory_and_checks(qtbot, team, pg_server,
                                                                                     pg_database, tmp_path):
    """Nothing was announced to a window whose connection was down: when it is back, it looks at the store, the
    memory and the series checks anew."""
    from tests.pg_cut import CutLine

    cut = CutLine(pg_server, tmp_path / "cut")
    rex_login = team["reviewer"].split("://", 1)[1].split(":", 1)[0]
    tina, rex = App(QApplication.instance(), Settings()), App(QApplication.instance(), Settings())
    try:
        assert tina.open_series(team["translator"], "第01集", "en")
        assert rex.open_series(cut.url(rex_login, server_fixtures.PASSWORD, pg_database), "第02集", "en")
        assert rex.window is not None
        follow = rex.window.server_follow
        qtbot.waitUntil(lambda: follow.connected is True and not rex.window.series_memory.loading, timeout=10_000)
        line = rex.session.doc.get(2)
        cut.refusing = True  # the network between rex and the server goes
        with psycopg.connect(team["admin"], autocommit=True) as con:  # and the server drops his connections
            con.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (rex_login,))
        qtbot.waitUntil(lambda: follow.connected is False, timeout=10_000)
        assert tina.session.apply(edits.SetTarget(2, "Don't touch her!")) is not None
        assert tina.session.apply(edits.SetState(2, State.TRANSLATED)) is not None
        qtbot.wait(1000)
        assert not any("Don't touch her!" in text for _label, text in rex.window.series_memory.rows(line))
        cut.refusing = False
        qtbot.waitUntil(lambda: follow.connected is True, timeout=15_000)
        qtbot.waitUntil(lambda: any("Don't touch her!" in text
                                    for _label, text in rex.window.series_memory.rows(line)), timeout=10_000)
        queue = rex.window.series_checks.queue_model
        qtbot.waitUntil(lambda: ("第01集", 2, "Don't touch her!") in {
            (e.record.episode, e.record.line, e.record.target) for e in queue.entries}, timeout=10_000)
    finally:
        tina.shutdown()
        rex.shutdown()
        cut.close()


def test_the_series_panel_shows_who_translates_reviews_and_writes_each_episode_live(qtbot, team):
    from editor.core.server.series import ServerSeries

    login = {role: team[role].split("://", 1)[1].split(":", 1)[0] for role in ("translator", "reviewer", "translator2")}
    with ServerSeries.open(team["admin"]) as series:
        series.assign("第01集", "en", translator=login["translator"], reviewer=login["reviewer"])
    tina, rex = App(QApplication.instance(), Settings()), App(QApplication.instance(), Settings())
    tom = ServerSeries.open(team["translator2"])
    try:
        assert tina.open_series(team["translator"], "第01集", "en")
        assert rex.open_series(team["reviewer"], "第01集", "en")
        assert rex.window is not None
        model = rex.window.series_panel.model
        qtbot.waitUntil(lambda: rex.window.server_follow.connected is True, timeout=10_000)

        def cell(episode: str) -> str:
            rows = [i for i, r in enumerate(model.rows) if r.episode.name == episode]  # none before the first count
            return str(model.data(model.index(rows[0], 2))) if rows else ""

        qtbot.waitUntil(lambda: f"{login['translator']} ✎ → {login['reviewer']} ✎" in cell("第01集"), timeout=10_000)
        assert "→" not in cell("第02集")  # nobody assigned, nobody writing
        tom.claim("第02集", "en")  # in another SubReview: announced, and every panel shows it
        qtbot.waitUntil(lambda: f"– → – · ✎ {login['translator2']}" in cell("第02集"), timeout=10_000)
        summary = rex.window.series_panel.summary.text()
        assert f"Translator: {login['translator']} — writing it since" in summary
        tom.release("第02集", "en")
        qtbot.waitUntil(lambda: "✎" not in cell("第02集"), timeout=10_000)
    finally:
        tom.close()
        tina.shutdown()
        rex.shutdown()


def test_a_bible_change_by_another_person_reaches_the_windows_checks(qtbot, team):
    from editor.core.server.series import ServerSeries

    rex = App(QApplication.instance(), Settings())
    try:
        assert rex.open_series(team["reviewer"], "第01集", "en")  # line 1 reads "Hello, Mr. Lin."
        assert rex.window is not None
        qtbot.waitUntil(lambda: rex.window.server_follow.connected is True, timeout=10_000)
        issues = rex.window.qa_panel.model

        def glossary_issues() -> list[str]:
            return [i.rule for i in issues.issues if i.rule.startswith("glossary")]

        qtbot.wait(1000)
        assert glossary_issues() == []
        with ServerSeries.open(team["admin"]) as series:  # the manager adds a term in another SubReview
            series.replace_bible("en", [("name", "林总", "President Lin", "", "", False)], actor="pm")
        qtbot.waitUntil(lambda: glossary_issues() == ["glossary_missing"], timeout=10_000)
    finally:
        rex.shutdown()


def test_an_action_the_server_kept_while_its_answer_was_lost_shows_once_the_window_can_look(qtbot, team, pg_server,
                                                                                             pg_database, tmp_path):
    """The person answered Cancel to "Saving not confirmed"; the server had kept the action: the window shows it as
    soon as it can read the store again, without another step of hers."""
    from editor.core.store.project import ProjectSaveError
    from tests.pg_cut import CutLine

    cut = CutLine(pg_server, tmp_path / "cut")
    tina_login = team["translator"].split("://", 1)[1].split(":", 1)[0]
    tina = App(QApplication.instance(), Settings())
    try:
        assert tina.open_series(cut.url(tina_login, server_fixtures.PASSWORD, pg_database), "第01集", "en")
        assert tina.window is not None and tina.session is not None
        qtbot.waitUntil(lambda: tina.window.server_follow.connected is True, timeout=10_000)
        asked: list[ProjectSaveError] = []
        tina.session.ask_retry = lambda error: asked.append(error) is not None  # she answers Cancel
        cut.refusing = True
        cut.at_next_commit("after")
        assert tina.session.apply(edits.SetTarget(2, "Don't touch her!")) is None
        assert asked and asked[0].saved_unknown
        assert tina.session.doc.get(2).target == ""  # only what is known to be saved is shown
        qtbot.wait(1000)  # her own announcement arrives meanwhile; the store cannot be read yet
        assert tina.session.doc.get(2).target == ""
        cut.refusing = False
        qtbot.waitUntil(lambda: tina.session.doc.get(2).target == "Don't touch her!", timeout=10_000)
        assert tina.window.statusBar().currentMessage() == "Connected to the series server again."
    finally:
        tina.shutdown()
        cut.close()
    with psycopg.connect(team["admin"]) as con:
        assert con.execute("SELECT count(*) FROM events WHERE action = 'set_target' AND cue_id = 2").fetchone() == (1,)
