"""The window's checks: a full run in the background at start and after retiming; edited lines alone after
text and state edits, always ending equal to a full check of the document."""

from __future__ import annotations

from collections import Counter

import pytest

from editor.core import edits, qa
from editor.core.cli import project_profile, project_qa_context
from editor.core.review import Comment
from editor.services.player import NullPlayer
from editor.services.settings import Settings
from editor.ui.main_window import MainWindow
from tests.ui.cue_samples import make_session


@pytest.fixture
def window(sample_window):
    return sample_window


def _as_full_check(w: MainWindow) -> list[tuple]:
    project = w.session.project
    issues = qa.run_qa(w.session.doc, project_profile(project, None), project_qa_context(project))
    return sorted((i.rule, i.cue_id, i.severity, sorted(i.params.items())) for i in issues)


def _shown(w: MainWindow) -> list[tuple]:
    return sorted((i.rule, i.cue_id, i.severity, sorted(i.params.items())) for i in w.qa_panel.model.issues)


def test_a_text_edit_rechecks_only_that_line_and_agrees_with_a_full_check(qtbot, window):
    generation = window.checks.runner.generation
    assert not window.table.model.issues_for(4) or all(i.rule != "empty_target" for i in
                                                       window.table.model.issues_for(4))
    window.session.apply(edits.SetTarget(4, ""))
    with qtbot.waitSignal(window.qa_checked, timeout=5000):
        pass
    assert window.checks.runner.generation == generation  # no full run for a text edit
    assert any(i.rule == "empty_target" for i in window.table.model.issues_for(4))
    assert _shown(window) == _as_full_check(window)
    _assert_in_line_order(window)


def test_editing_a_line_with_gap_or_overlap_issues_keeps_them_and_agrees_with_a_full_check(qtbot, window):
    """The recheck replaces only the line's own issues; those between it and its time neighbours stay."""
    generation = window.checks.runner.generation
    neighbour = next(i for i in window.qa_panel.model.issues if i.rule in qa.NEIGHBOUR_RULES)
    named = neighbour.params.get("next_id", neighbour.params.get("previous_id"))
    for cue_id in (neighbour.cue_id, named):
        cue = window.session.doc.get(cue_id)
        window.session.apply(edits.SetTarget(cue_id, (cue.target or "Now translated") + " 2024"))
        with qtbot.waitSignal(window.checks.shown, timeout=5000):
            pass
        assert neighbour in window.table.model.issues_for(neighbour.cue_id)
        assert _shown(window) == _as_full_check(window)
        _assert_in_line_order(window)
        recount = Counter(i.severity for i in window.qa_panel.model.issues)
        assert window.qa_panel.counts == recount and str(recount["error"]) in window.qa_panel.summary.text()
    assert window.checks.runner.generation == generation  # no whole check for text edits


def _assert_in_line_order(w: MainWindow) -> None:
    from editor.core.qa import SEVERITY_ORDER

    order = [(w.table.model.row_of(i.cue_id), SEVERITY_ORDER[i.severity]) for i in w.qa_panel.model.issues]
    assert order == sorted(order)


def test_retiming_runs_a_full_check(qtbot, window):
    generation = window.checks.runner.generation
    cue = window.session.doc.get(10)
    window.session.apply(edits.SetTiming(10, cue.start_ms, cue.start_ms + 200))  # too short now
    with qtbot.waitSignal(window.qa_checked, timeout=10_000):
        pass
    assert window.checks.runner.generation == generation + 1
    assert _shown(window) == _as_full_check(window)


def test_edits_made_while_a_full_check_runs_are_merged_into_its_result(qtbot, window):
    window.run_qa()  # in flight now
    window.session.apply(edits.SetTarget(4, ""))
    window.session.apply(edits.SetTarget(12, "Fixed at last."))
    qtbot.waitUntil(lambda: _shown(window) == _as_full_check(window), timeout=10_000)
    _assert_in_line_order(window)


def test_the_counts_follow_every_kind_of_change_like_a_recount(window):
    from editor.core.review import Draft, State
    from editor.core.workflows import needs_decision, state_counts

    def recount() -> tuple[dict[str, int], int]:
        doc = window.session.doc
        return state_counts(doc), sum(1 for c in doc if needs_decision(c))

    session = window.session
    steps = [
        edits.SetTarget(3, "A person's line."),
        edits.SetState(2, State.APPROVED),
        edits.ApplyDraft(12, Draft(text="A machine line.", engine="test")),
        edits.Insert(100_000, 101_000, "新的一句", ""),
        edits.Delete((5,)),
        edits.Batch((edits.SetTarget(6, "one"), edits.SetTarget(8, "two"))),
    ]
    for op in steps:
        session.apply(op)
        assert (window._counts, window._open_lines) == recount(), op
    for _ in steps:
        session.undo_stack.undo()
        assert (window._counts, window._open_lines) == recount()
    _counts, open_lines = recount()
    assert str(open_lines) in window.counts_label.text()


def test_a_decision_or_a_note_alone_is_not_checked_again(qtbot, window):
    """The rules read times and texts only: approving a line or writing a note changes no issue."""
    from editor.core.review import State

    before = _shown(window)
    window.checks._timer.stop()
    window.session.apply(edits.SetState(2, State.APPROVED))
    window.session.apply(edits.AddComment(3, Comment("tester", "2026-12-01T10:00:00Z", "ask the client")))
    assert not window.checks._dirty and not window.checks._timer.isActive()
    window.session.apply(edits.SetTarget(3, "A line with   three spaces"))  # a text edit is checked again
    assert window.checks._dirty == {3} and window.checks._timer.isActive()
    with qtbot.waitSignal(window.qa_checked, timeout=5000):
        pass
    assert _shown(window) == _as_full_check(window) != before


def test_checked_fields_changed_names_what_the_rules_read():
    from editor.core.document import Cue
    from editor.core.review import State

    cue = Cue(1, 0, 1000, "你好", "Hello")
    thread = (Comment("ann", "2026-12-01T10:00:00Z", "fine"),)
    assert not qa.checked_fields_changed(cue, cue.with_(state=State.APPROVED, comments=thread))
    for change in ({"target": "Hi"}, {"source": "您好"}, {"start_ms": 10}, {"end_ms": 900}):
        assert qa.checked_fields_changed(cue, cue.with_(**change)), change
    assert qa.checked_fields_changed(None, cue) and qa.checked_fields_changed(cue, None)


def test_a_blank_line_gaining_text_changes_the_gaps_of_its_neighbours(qtbot, tmp_path):
    """Blank lines take no part in the gap rules: when one gets text, the gap issue between the lines around
    it is gone and two new ones name it, which a check of that line alone would not see."""
    from editor.core.document import Cue

    cues = [Cue(1, 0, 1000, "第一句", "First line."), Cue(2, 1010, 1020, "", ""),
            Cue(3, 1030, 2500, "第三句", "Third line.")]
    session = make_session(tmp_path / "gaps.subrev", cues)
    w = MainWindow(session, Settings(), NullPlayer("no video in this test"), None)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.qa_checked, timeout=30_000):
        w.show()
    before = {(i.rule, i.cue_id, i.params.get("next_id")) for i in w.qa_panel.model.issues}
    assert ("min_gap", 1, 3) in before
    generation = w.checks.runner.generation
    with qtbot.waitSignal(w.qa_checked, timeout=10_000):
        session.apply(edits.SetTarget(2, "Hm."))
    assert w.checks.runner.generation == generation + 1  # a full check, not a recheck of line 2
    after = {(i.rule, i.cue_id, i.params.get("next_id")) for i in w.qa_panel.model.issues}
    assert ("min_gap", 1, 3) not in after and ("min_gap", 1, 2) in after
    assert _shown(w) == _as_full_check(w)
    w.close()
    session.close()


def test_needs_full_check_for_times_rows_and_lines_gaining_or_losing_text():
    from editor.core.document import Cue

    cue = Cue(1, 0, 1000, "你好", "")
    assert qa.needs_full_check(None, cue) and qa.needs_full_check(cue, None)
    assert qa.needs_full_check(cue, cue.with_(end_ms=900))
    assert not qa.needs_full_check(cue, cue.with_(target="Hello"))  # it had text (the source) already
    blank = Cue(2, 0, 1000, "", "")
    assert qa.needs_full_check(blank, blank.with_(target="Hello"))
    assert qa.needs_full_check(cue, cue.with_(source="<i></i>"))  # only a tag left: shows nothing


def test_a_change_to_many_lines_is_checked_in_steps_not_in_one_go(qtbot, window):
    ids = [c.id for c in window.session.doc]
    assert len(ids) > 3
    generation = window.checks.runner.generation
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("editor.ui.window_checks.RECHECK_LIMIT", 3)
        window.session.apply(edits.Batch(tuple(edits.SetTarget(i, f"Line {i} again.") for i in ids)))
        with qtbot.waitSignal(window.qa_checked, timeout=10_000):
            pass
    assert window.checks.runner.generation == generation + 1  # a full run in steps, not a recheck
    assert _shown(window) == _as_full_check(window)


# --- the check kept between sessions -------------------------------------------------------------------------
def _open_window(qtbot, path, settings=None) -> MainWindow:
    from editor.core.store import Project
    from editor.ui.session import ReviewSession

    w = MainWindow(ReviewSession(Project.open(path), "ann"), settings or Settings(), NullPlayer("no video"), None)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.qa_checked, timeout=30_000):
        w.show()
    return w


def _close(w: MainWindow) -> None:
    w.close()
    w.session.close()


def test_reopening_an_unchanged_project_shows_the_kept_check_without_checking_again(qtbot, tmp_path):
    path = tmp_path / "kept.subrev"
    make_session(path).close()
    first = _open_window(qtbot, path)
    assert first.checks.runner.generation == 1  # nothing kept yet: a whole check
    shown = _shown(first)
    assert shown
    _close(first)
    again = _open_window(qtbot, path)
    assert again.checks.runner.generation == 0  # no check ran
    assert _shown(again) == shown == _as_full_check(again)
    _assert_in_line_order(again)
    model = again.table.model  # the lines' marks too, not only the dock
    assert sum(len(model.issues_for(c.id)) for c in again.session.doc) == len(shown)
    _close(again)


def test_lines_edited_in_the_last_session_are_in_the_kept_check(qtbot, tmp_path):
    path = tmp_path / "edited.subrev"
    make_session(path).close()
    w = _open_window(qtbot, path)
    w.session.apply(edits.SetTarget(4, ""))  # closed before the recheck runs: the close does it
    _close(w)
    again = _open_window(qtbot, path)
    assert again.checks.runner.generation == 0
    assert any(i.rule == "empty_target" for i in again.table.model.issues_for(4))
    assert _shown(again) == _as_full_check(again)
    _assert_in_line_order(again)  # worst first within each line, as a fresh check shows them
    _close(again)


def test_a_project_changed_elsewhere_is_checked_again(qtbot, tmp_path):
    from editor.core.store import Project

    path = tmp_path / "changed.subrev"
    make_session(path).close()
    _close(_open_window(qtbot, path))
    with Project.open(path) as project:  # e.g. the command line, between two sessions
        project.apply(edits.SetTarget(4, ""), actor="cli")
    again = _open_window(qtbot, path)
    assert again.checks.runner.generation == 1
    assert any(i.rule == "empty_target" for i in again.table.model.issues_for(4))
    assert _shown(again) == _as_full_check(again)
    _close(again)


def test_a_check_made_with_another_profile_is_not_reused(qtbot, tmp_path):
    path = tmp_path / "profile.subrev"
    make_session(path).close()
    _close(_open_window(qtbot, path))
    settings = Settings()
    settings.set("qa/profile", "zh-Hans")  # the reviewer chose another client's numbers
    again = _open_window(qtbot, path, settings)
    assert again.checks.runner.generation == 1
    _close(again)


def test_a_check_still_running_at_close_is_not_kept(qtbot, tmp_path):
    from editor.core.qa import cache as qa_cache

    path = tmp_path / "busy.subrev"
    make_session(path).close()
    w = _open_window(qtbot, path)
    assert not qa_cache.file_for(path).exists()  # kept at close only
    w.session.apply(edits.SetTiming(10, 0, 100))  # a full check is due, not yet run
    _close(w)
    assert not qa_cache.file_for(path).exists()
