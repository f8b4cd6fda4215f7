"""The review table shows the live document, refreshes only what an edit touched, and filters and sorts fast."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QTextDocument

from editor.core import edits
from editor.core.document import Cue
from editor.core.qa import QAIssue
from editor.core.review import Comment, Draft, State
from editor.ui.cue_table import (
    Column,
    CueFilterProxy,
    CueIdRole,
    CueTableModel,
    CueTablePanel,
    QAFilter,
    SortRole,
    needs_decision,
)
from tests.ui.cue_samples import make_session, qa_issues


@pytest.fixture
def model(session):
    m = CueTableModel(session)
    m.set_qa_issues(qa_issues(session))
    return m


def ids(model) -> list[int]:
    return [model.index(r, 0).data(CueIdRole) for r in range(model.rowCount())]


def shown(proxy: CueFilterProxy) -> list[int]:
    return [proxy.cue_id_at(r) for r in range(proxy.rowCount())]


def rendered(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def test_model_passes_the_qt_model_tester_through_edits(model, session, qtmodeltester):
    qtmodeltester.check(model, force_py=True)
    session.apply(edits.SetTarget(3, "This is the ring you gave me three years ago."))
    session.apply(edits.SetState(1, State.APPROVED))
    session.apply(edits.AddComment(4, Comment("tester", "2026-12-01T10:00:00Z", "ok")))
    session.undo_stack.undo()
    model.set_qa_issues(qa_issues(session))
    model.pin(5)
    model.pin(6)
    assert ids(model) == [c.id for c in session.doc]


def test_proxy_passes_the_model_tester_while_filtered_sorted_and_edited(model, session, qtmodeltester):
    proxy = CueFilterProxy(model)
    proxy.set_states({State.MT_DRAFT, State.STALE, State.UNTRANSLATED})
    proxy.sort(Column.CONFIDENCE)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_search("你")
    proxy.set_qa_filter(QAFilter.ANY)
    proxy.set_search("")
    proxy.set_qa_filter(QAFilter.OFF)
    proxy.sort(Column.START, Qt.SortOrder.DescendingOrder)
    session.apply(edits.SetTarget(3, "The ring."))  # untranslated -> translated: leaves the filter
    session.apply(edits.Split(1, 1500))
    session.apply(edits.Merge(8))
    session.apply(edits.Insert(0, 400, "开场", index=0))
    session.apply(edits.Delete((10, 11, 20)))
    for _ in range(5):
        session.undo_stack.undo()
    proxy.sort(-1)
    model.set_qa_issues([])
    assert shown(proxy) == [c.id for c in session.doc if proxy.accepts(c)]


def test_cells_show_times_speed_confidence_state_and_qa(model, session):
    def cell(row: int, col: Column, role=Qt.ItemDataRole.DisplayRole):
        return model.index(row, col).data(role)

    assert [cell(0, c) for c in Column] == [
        "1", "00:00:00.500", "00:00:02.600", "2.100", "11.0", "你怎么又来了？", "Why are you here again?",
        "Machine draft", "", "0.71", "",
    ]
    assert cell(6, Column.THREAD) == "2"  # cue 7: a note and its open rejection, flagged
    assert cell(6, Column.THREAD, Qt.ItemDataRole.DecorationRole) is not None
    assert cell(0, Column.THREAD, Qt.ItemDataRole.DecorationRole) is None
    tip = rendered(cell(6, Column.THREAD, Qt.ItemDataRole.ToolTipRole))
    assert "Rejected by 李审校" in tip and "Check the name with the client" in tip
    assert cell(2, Column.CPS) == "4.4"  # untranslated: the source's reading speed ...
    assert cell(2, Column.CPS, Qt.ItemDataRole.ForegroundRole).name() == "#8a8a8a"  # ... shown greyed
    assert "\n" not in cell(4, Column.SOURCE) and "↵" in cell(4, Column.SOURCE)
    assert cell(1, Column.CONFIDENCE) == ""  # a person decided: the draft's score no longer matters
    assert cell(2, Column.QA) == "1" and cell(6, Column.QA) == "2"
    assert cell(6, Column.STATE, Qt.ItemDataRole.BackgroundRole).name() == "#f9d9da"
    assert cell(0, Column.START, SortRole) == 500 and cell(0, Column.CONFIDENCE, SortRole) == pytest.approx(0.71)
    assert cell(4, Column.NUMBER, CueIdRole) == 5
    assert model.cue_id_at(6) == 7 and model.row_of(7) == 6 and model.row_of(999) is None
    flags = model.flags(model.index(0, Column.TARGET))
    assert not flags & Qt.ItemFlag.ItemIsEditable and flags & Qt.ItemFlag.ItemIsSelectable
    assert not model.setData(model.index(0, Column.TARGET), "typed", Qt.ItemDataRole.EditRole)


def test_tooltips_show_subtitle_markup_literally(model, session):
    target = model.index(14, Column.TARGET).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img src=x>" not in target and rendered(target) == "<img src=x>It was me."
    qa = model.index(14, Column.QA).data(Qt.ItemDataRole.ToolTipRole)
    assert "Unbalanced tags: <img>" in rendered(qa)
    multi = model.index(7, Column.SOURCE).data(Qt.ItemDataRole.ToolTipRole)
    assert rendered(multi) == "你知道我等了你多久吗？\n整整五年。"


def test_qa_messages_name_cue_numbers_not_ids(model, session):
    session.apply(edits.Insert(0, 300, "开场", index=0))  # cue id 37 is now number 1; cue 9 is number 10
    model.set_qa_issues([QAIssue("overlap", 8, "error", {"next_id": 9, "overlap_ms": 120})])
    tip = rendered(model.index(model.row_of(8), Column.QA).data(Qt.ItemDataRole.ToolTipRole))
    assert tip == "Overlaps subtitle #10 by 120 ms"


def test_an_edit_refreshes_only_the_rows_it_touched(model, session):
    rows = []
    model.dataChanged.connect(lambda tl, br, roles: rows.append((tl.row(), br.row())))
    session.apply(edits.SetTarget(12, "I'll be right there."))
    assert rows == [(11, 11)]
    rows.clear()
    note = Comment("tester", "2026-12-01T10:00:00Z", "n")
    session.apply(edits.Batch([edits.AddComment(2, note), edits.AddComment(3, note), edits.AddComment(30, note)]))
    assert rows == [(1, 2), (29, 29)]
    rows.clear()
    session.undo_stack.undo()
    assert rows == [(1, 2), (29, 29)]


def test_structural_edits_insert_and_remove_rows_in_step_with_the_document(model, session):
    events = []
    model.rowsAboutToBeInserted.connect(lambda p, f, t: events.append(("+?", f, t, model.rowCount())))
    model.rowsInserted.connect(lambda p, f, t: events.append(("+", f, t, model.rowCount())))
    model.rowsAboutToBeRemoved.connect(lambda p, f, t: events.append(("-?", f, t, model.rowCount())))
    model.rowsRemoved.connect(lambda p, f, t: events.append(("-", f, t, model.rowCount())))
    model.modelReset.connect(lambda: events.append(("reset",)))
    follow = QPersistentModelIndex(model.index(model.row_of(30), Column.TARGET))
    doc = session.doc

    session.apply(edits.Split(4, 8900))
    assert events == [("+?", 4, 4, 36), ("+", 4, 4, 37)]
    session.apply(edits.Merge(9))
    assert events[2:] == [("-?", 10, 10, 37), ("-", 10, 10, 36)]
    session.apply(edits.Insert(0, 400, "开场", index=0))
    session.apply(edits.Delete((2, 3, 4, 20)))
    assert events[4:] == [("+?", 0, 0, 36), ("+", 0, 0, 37),  # removals come last row first
                          ("-?", 20, 20, 37), ("-", 20, 20, 36), ("-?", 2, 4, 36), ("-", 2, 4, 33)]
    assert ids(model) == [c.id for c in doc]
    assert model.index(follow.row(), 0).data(CueIdRole) == 30
    assert model.index(model.row_of(1), Column.NUMBER).data() == "2"
    for _ in range(4):
        session.undo_stack.undo()
        assert ids(model) == [c.id for c in doc]
    assert ids(model) == list(range(1, 37)) and ("reset",) not in events
    assert model.index(follow.row(), 0).data(CueIdRole) == 30
    assert model.index(model.row_of(9), Column.TARGET).data() == "Sorry."


def test_filters_pick_the_right_lines(model, session):
    proxy = CueFilterProxy(model)
    doc = session.doc
    proxy.set_states({State.MT_DRAFT, State.STALE})
    assert shown(proxy) == [c.id for c in doc if c.state in (State.MT_DRAFT, State.STALE)]
    proxy.set_states(())
    proxy.set_qa_filter(QAFilter.ERRORS)
    assert shown(proxy) == [6, 7, 11, 15, 21, 29, 31]
    proxy.set_qa_filter(QAFilter.ANY)
    assert 3 in shown(proxy) and 16 in shown(proxy) and 1 not in shown(proxy)
    proxy.set_qa_filter("off")
    proxy.set_confidence_below(0.5)
    assert shown(proxy) == [6, 11, 27, 31]  # drafts only; 14 has no score
    proxy.set_confidence_below(None)
    proxy.set_search("LIN corporation")  # case-insensitive, over tags like {\an8}
    assert shown(proxy) == [7]
    proxy.set_search("finally told the")  # the line break counts as a space
    assert shown(proxy) == [5]
    proxy.set_search("李总")
    assert shown(proxy) == [11, 20]
    proxy.set_search("#12")  # a jump, not a filter
    assert proxy.rowCount() == len(doc) and not proxy.filters_active()
    proxy.set_search("")
    proxy.set_needs_decision(True)
    expected = [c.id for c in doc if c.state in (State.UNTRANSLATED, State.MT_DRAFT, State.REJECTED, State.STALE)
                and c.source]
    assert shown(proxy) == expected and 18 not in expected  # cue 18 has no source
    proxy.set_states({State.REJECTED})  # filters combine
    assert shown(proxy) == [7, 23]
    proxy.clear_filters()
    assert proxy.rowCount() == len(doc)
    assert needs_decision(doc.get(3)) and not needs_decision(doc.get(18))


def test_sorting_by_confidence_puts_the_least_confident_draft_first_and_unscored_lines_last(model):
    proxy = CueFilterProxy(model)
    proxy.sort(Column.CONFIDENCE)
    order = shown(proxy)
    assert order[:4] == [11, 31, 6, 27] and order[-1] == 36
    scores = [model.sort_value(i, Column.CONFIDENCE) for i in order]
    assert scores[:11] == sorted(scores[:11]) and scores[10] == pytest.approx(0.97)
    assert order[11:] == [c for c in range(1, 37) if c not in order[:11]]  # unscored: in document order
    proxy.sort(Column.CONFIDENCE, Qt.SortOrder.DescendingOrder)
    order = shown(proxy)
    assert order[0] == 26 and order[10] == 11 and order[11:] == [c for c in range(1, 37) if c not in order[:11]]
    proxy.sort(-1)
    assert shown(proxy) == list(range(1, 37))


def test_the_line_being_worked_on_stays_in_a_filtered_sorted_table(qtbot, session):
    panel = CueTablePanel(session)
    qtbot.addWidget(panel)
    panel.model.set_qa_issues(qa_issues(session))
    panel.proxy.set_states({State.MT_DRAFT})
    panel.view.sortByColumn(Column.CONFIDENCE, Qt.SortOrder.AscendingOrder)
    with qtbot.waitSignal(panel.current_cue_changed) as changed:
        panel.select_cue(6)
    assert changed.args == [6] and panel.proxy.cue_id_at(panel.view.currentIndex().row()) == 6
    row = panel.view.currentIndex().row()
    session.apply(edits.SetTarget(6, "See you at the office at eight."), typing=True)
    assert panel.proxy.cue_id_at(row) == 6  # translated and unscored now, but kept where it was
    with qtbot.waitSignal(panel.current_cue_changed) as changed:
        panel.view.setCurrentIndex(panel.proxy.index(0, Column.SOURCE))
    assert changed.args == [11] and 6 not in shown(panel.proxy)  # it leaves when the reviewer moves on


def test_select_cue_clears_only_the_filters_that_hide_it(qtbot, session):
    panel = CueTablePanel(session)
    qtbot.addWidget(panel)
    panel.model.set_qa_issues(qa_issues(session))
    panel.proxy.set_states({State.MT_DRAFT})
    panel.proxy.set_qa_filter(QAFilter.ANY)
    panel._sync_filter_widgets()
    assert shown(panel.proxy) == [6, 11, 16, 31]
    with qtbot.waitSignal(panel.current_cue_changed) as changed:
        assert panel.select_cue(3)  # untranslated, with a QA issue: the state filter goes, the QA one stays
    assert changed.args == [3] and panel.proxy.states == frozenset() and panel.proxy.qa_filter is QAFilter.ANY
    assert panel.proxy.cue_id_at(panel.view.currentIndex().row()) == 3
    assert panel._qa_combo.currentData() == QAFilter.ANY and not any(a.isChecked()
                                                                    for a in panel._state_actions.values())
    assert not panel.select_cue(999)


def test_a_filter_change_hiding_the_current_line_does_not_switch_lines(qtbot, session):
    panel = CueTablePanel(session)
    qtbot.addWidget(panel)
    panel.select_cue(5)
    switched = []
    panel.current_cue_changed.connect(switched.append)
    panel.proxy.set_states({State.APPROVED})
    assert switched == [] and panel.current_cue_id == 5 and not panel.view.currentIndex().isValid()
    panel.proxy.set_states(())
    assert panel.proxy.cue_id_at(panel.view.currentIndex().row()) == 5 and switched == []


def test_next_cue_goes_in_document_order_and_wraps(qtbot, session):
    panel = CueTablePanel(session)
    qtbot.addWidget(panel)
    panel.model.set_qa_issues(qa_issues(session))
    panel.view.sortByColumn(Column.CONFIDENCE, Qt.SortOrder.AscendingOrder)

    def untranslated(c: Cue) -> bool:
        return c.state is State.UNTRANSLATED and bool(c.source)

    assert panel.next_cue(untranslated, 3) == 12
    assert panel.next_cue(untranslated, 32) == 3
    assert panel.next_cue(untranslated) == 3
    assert panel.next_cue(needs_decision, 35) == 1
    assert panel.next_cue(panel.has_issue, 7) == 8
    assert panel.next_cue(lambda c: c.id == 5, 5) is None


def test_the_filter_bar_drives_the_proxy(qtbot, session):
    panel = CueTablePanel(session)
    qtbot.addWidget(panel)
    panel.show()
    panel._state_actions[State.REJECTED].setChecked(True)
    assert shown(panel.proxy) == [7, 23] and "2 of 36" in panel._count.text()
    panel._search.setText("contract")
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 0)  # it is in a translated line
    panel._search.setText("#13")
    qtbot.waitUntil(lambda: panel.current_cue_id == 13)
    assert panel.proxy.cue_id_at(panel.view.currentIndex().row()) == 13
    assert panel.proxy.states == frozenset() and panel._search.text() == ""
    panel._state_actions[State.MT_DRAFT].setChecked(True)
    panel._confidence.setValue(0.4)
    assert shown(panel.proxy) == [6, 11, 31]
    panel.clear_filters()
    assert not panel.proxy.filters_active() and not panel._state_actions[State.MT_DRAFT].isChecked()
    assert panel._confidence.value() == 0 and "36 lines" in panel._count.text()


def test_fifty_thousand_lines_build_filter_and_sort_quickly(tmp_path, qtbot):
    cues = []
    for i in range(1, 50_001):
        state = (State.UNTRANSLATED, State.MT_DRAFT, State.TRANSLATED, State.APPROVED)[i % 4]
        draft = Draft(text=f"Line {i}", score=(i * 7919 % 1000) / 1000) if state is State.MT_DRAFT else None
        target = "" if state is State.UNTRANSLATED else f"Line {i}"
        cues.append(Cue(i, i * 2000, i * 2000 + 1500, f"第{i}句", target, state, draft=draft))
    session = make_session(tmp_path / "big.subrev", cues)
    started = time.perf_counter()
    panel = CueTablePanel(session)
    qtbot.addWidget(panel)
    panel.resize(1200, 500)
    panel.show()
    panel.proxy.set_states({State.MT_DRAFT})
    panel.view.sortByColumn(Column.CONFIDENCE, Qt.SortOrder.AscendingOrder)
    lowest = min(c.draft.score for c in cues if c.draft)
    assert session.doc.get(panel.proxy.cue_id_at(0)).draft.score == lowest
    panel.proxy.set_search("line 4999")
    assert 0 < panel.proxy.rowCount() < 20
    panel.clear_filters()
    assert panel.select_cue(49_999)
    session.apply(edits.Split(49_999, 49_999 * 2000 + 700))
    session.apply(edits.SetTarget(25_000, "Typed"))
    assert panel.model.rowCount() == 50_001 and panel.proxy.rowCount() == 50_001
    assert time.perf_counter() - started < 30  # generous: the point is that it runs, in about a second
    session.close()
