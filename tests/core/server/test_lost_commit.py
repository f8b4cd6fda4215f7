"""The network cut as an action commits (decision 036): the server may have kept it or not, and the client cannot
tell from the broken connection. Each action carries an id the server keeps with it, so an action it kept is never
reported lost, and a retry of one whose outcome was unknown is recognised and never written twice, nor refused as
"changed by someone else meanwhile"."""

from __future__ import annotations

import pytest

from editor.core import edits
from editor.core.review import State
from editor.core.series.episode import EpisodeProject
from editor.core.server.series import ServerSeries
from editor.core.store.project import ProjectSaveError
from tests.core.server.conftest import PASSWORD
from tests.pg_cut import CutLine


@pytest.fixture
def cut(pg_server, tmp_path):
    line = CutLine(pg_server, tmp_path / "cut")
    yield line
    line.close()


@pytest.fixture
def view(team, cut, pg_database):
    """The translator's view of 第01集 in English, through the line that can be cut."""
    user = team["translator"].split("://", 1)[1].split(":", 1)[0]
    series = ServerSeries.open(cut.url(user, PASSWORD, pg_database))
    yield EpisodeProject.of(series, "第01集", "en")
    series.close()


def logged(team, action: str, cue: int = 2) -> int:
    with ServerSeries.open(team["admin"], read_only=True) as series:
        return series.connection.execute(
            "SELECT count(*) FROM events WHERE action = ? AND cue_id = ? AND lang = 'en'", (action, cue)).fetchone()[0]


def stored_target(team, cue: int = 2) -> str:
    with ServerSeries.open(team["admin"], read_only=True) as series:
        return EpisodeProject.of(series, "第01集", "en").doc.get(cue).target


def test_an_answer_lost_after_the_server_committed_is_not_a_failure(team, cut, view):
    cut.at_next_commit("after")
    view.apply(edits.SetTarget(2, "Don't touch her!"), actor="tina")
    assert cut.cuts == 1  # the commit's answer never came back
    assert view.doc.get(2).target == "Don't touch her!"
    assert stored_target(team) == "Don't touch her!"
    assert logged(team, "set_target") == 1
    view.apply(edits.SetState(2, State.TRANSLATED), actor="tina")  # the window goes on over a new connection
    assert logged(team, "set_state") == 1


def test_a_cut_before_the_commit_reached_the_server_saves_nothing_and_says_so(team, cut, view):
    cut.at_next_commit("before")
    with pytest.raises(ProjectSaveError) as refused:
        view.apply(edits.SetTarget(2, "Don't touch her!"), actor="tina")
    assert "nothing of this action was saved" in str(refused.value)
    assert view.doc.get(2).target == ""
    assert stored_target(team) == "" and logged(team, "set_target") == 0
    view.apply(edits.SetTarget(2, "Don't touch her!"), actor="tina")  # the person's retry
    assert stored_target(team) == "Don't touch her!" and logged(team, "set_target") == 1


@pytest.mark.parametrize("when", ["after", "before"])
def test_a_retry_after_an_unknown_outcome_saves_the_action_exactly_once(team, cut, view, when):
    """The server is unreachable right after the cut, so the client cannot ask whether it kept the action: the
    person is told so, and retries when it is back."""
    cut.refusing = True
    cut.at_next_commit(when)
    with pytest.raises(ProjectSaveError) as unsure:
        view.apply(edits.SetTarget(2, "Don't touch her!"), actor="tina")
    assert "cannot be told" in str(unsure.value) and "never saved twice" in str(unsure.value)
    assert view.doc.get(2).target == ""  # the window shows only what is known to be saved
    with pytest.raises(ProjectSaveError):  # still down: the retry is refused the same way, nothing written
        view.apply(edits.SetTarget(2, "Don't touch her!"), actor="tina")
    assert logged(team, "set_target") == (1 if when == "after" else 0)
    cut.refusing = False
    view.apply(edits.SetTarget(2, "Don't touch her!"), actor="tina")  # back: the same action again
    assert view.doc.get(2).target == "Don't touch her!"
    assert stored_target(team) == "Don't touch her!"
    assert logged(team, "set_target") == 1
    view.apply(edits.SetTarget(2, "Hands off her!"), actor="tina")  # a new action is a new one
    assert stored_target(team) == "Hands off her!" and logged(team, "set_target") == 2


def test_a_different_action_after_an_unknown_outcome_is_written_as_itself(team, cut, view):
    """The person did something else instead of retrying: the earlier action is not taken for it. If the server
    kept the earlier one, the line is now as it left it, and the new action is checked against that."""
    cut.refusing = True
    cut.at_next_commit("before")
    with pytest.raises(ProjectSaveError):
        view.apply(edits.SetTarget(2, "Don't touch her!"), actor="tina")
    cut.refusing = False
    view.apply(edits.SetTarget(3, "It's 100% true."), actor="tina")
    assert stored_target(team) == "" and stored_target(team, 3) == "It's 100% true."
    assert logged(team, "set_target") == 0


def test_a_split_whose_answer_was_lost_keeps_its_lines_in_order(team, cut, view):
    """A structural action retried after an unknown outcome: the positions the server kept are taken."""
    cut.refusing = True
    cut.at_next_commit("after")
    op = edits.Split(1, 500)
    with pytest.raises(ProjectSaveError):
        view.apply(op, actor="tina")
    cut.refusing = False
    view.apply(edits.Split(1, 500), actor="tina")
    assert len(view.doc) == 4
    view.apply(edits.SetTarget(view.doc[1].id, "Mr. Lin."), actor="tina")  # the new line is where it shows
    with ServerSeries.open(team["admin"], read_only=True) as series:
        stored = EpisodeProject.of(series, "第01集", "en").doc
        assert [c.id for c in stored] == [c.id for c in view.doc]
        assert stored[1].target == "Mr. Lin."
        assert series.connection.execute("SELECT count(*) FROM events WHERE action = 'split'").fetchone()[0] == 2
