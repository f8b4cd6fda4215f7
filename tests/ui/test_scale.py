"""A whole season (50,000 cues) through the real window: open, scroll, filter, edit, check and export.

Correctness at scale only; how fast each step is lives in bench/ (`./dev bench apps`, `./dev bench qa`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from editor.core import edits, workflows
from editor.core.formats import read_subtitles
from editor.core.review import State
from editor.core.store import Project
from editor.gui import App, NewProjectOptions, Opened, given_new_project, project_for
from editor.services.settings import Settings
from tests.conftest import BIG_CUES


@pytest.fixture
def season(big_srt: Path, tmp_path: Path, qtbot):
    subs = tmp_path / "season.srt"
    subs.write_bytes(big_srt.read_bytes())
    app = App(QApplication.instance(), Settings())
    opened = project_for(subs, given_new_project(NewProjectOptions("zh-Hans", "en"), "ann"))
    assert isinstance(opened, Opened)  # made from the subtitles and handed over open: read once
    path = opened.project.path
    assert app.open(opened)
    window = app.window
    assert window is not None
    with qtbot.waitSignal(window.qa_checked, timeout=120_000):
        pass
    yield app, path
    app.shutdown()


@pytest.mark.slow
def test_a_season_opens_scrolls_filters_checks_and_exports(season, tmp_path, qtbot):
    app, path = season
    window = app.window
    table = window.table
    assert table.model.rowCount() == BIG_CUES and table.proxy.rowCount() == BIG_CUES
    # the checks ran on every line (each has no translation yet) and the panel lists them all, lazily
    assert sum(i.rule == "empty_target" for i in window.qa_panel.model.issues) >= BIG_CUES - 1  # 1: drafted
    assert window.qa_panel.model.index(BIG_CUES - 1, 1).data()  # the last row has its text on demand

    table.view.scrollToBottom()
    QApplication.processEvents()
    assert table.select_cue(BIG_CUES) and window.review.current == BIG_CUES
    assert window.editor.cue_id == BIG_CUES

    table.proxy.set_search(f"第{BIG_CUES - 1}句")
    QApplication.processEvents()
    assert table.proxy.rowCount() == 1
    table.clear_filters()
    QApplication.processEvents()
    assert table.proxy.rowCount() == BIG_CUES

    window.session.apply(edits.Batch(tuple(edits.SetTarget(k, f"Line {k}.") for k in range(1, BIG_CUES + 1))))
    window.session.apply(edits.SetTarget(BIG_CUES, "The last line of the season."))
    with qtbot.waitSignal(window.qa_checked, timeout=120_000):
        window.run_qa()
    assert window.session.doc.get(BIG_CUES).state is State.EDITED
    assert not any(i.rule == "empty_target" for i in window.qa_panel.model.issues)  # gone from every line
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()  # the whole batch is one step
    assert window.session.doc.get(7).target == ""
    window.session.undo_stack.redo()
    window.session.undo_stack.redo()

    out = tmp_path / "season.en.srt"
    assert workflows.export_project(window.session.project, out, actor="ann", allow_unreviewed=True).written == BIG_CUES
    exported = read_subtitles(out).cues
    assert len(exported) == BIG_CUES
    assert (exported[-1].start_ms, exported[-1].end_ms) == (BIG_CUES * 2000, BIG_CUES * 2000 + 1500)
    assert exported[-1].text == "The last line of the season."

    app.close_project()
    with Project.open(path, read_only=True) as reopened:  # nothing lost, nothing re-parsed
        assert len(reopened.doc) == BIG_CUES
        assert reopened.doc.get(BIG_CUES).target == "The last line of the season."
        assert reopened.integrity_check() == "ok"
