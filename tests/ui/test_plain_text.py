"""Subtitle text, glossary terms, file names and errors are shown literally: never read as HTML."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from editor.core.document import Cue
from editor.core.review import Comment, Draft, RejectCategory, Rejection, Severity, State
from editor.core.store import Project, ProjectMeta
from editor.gui import App
from editor.services.player import NullPlayer
from editor.services.settings import Settings
from editor.ui.cue_model import Column
from editor.ui.main_window import MainWindow
from editor.ui.session import ReviewSession
from tests.ui.message_boxes import accept_next_box

PAYLOAD = '<img src="x.png"><a href="http://example.com">click</a><b>bold</b>'


def _risky(text: str) -> bool:
    """Raw markup that a rich-text renderer would act on (escaped text is fine)."""
    return "<img" in text or "<a href" in text


def _hostile_project(path: Path) -> Project:
    draft = Draft(text=f"{PAYLOAD} draft", engine="ctranslate2", model_id=f"model{PAYLOAD}", score=0.4,
                  alternatives=((f"{PAYLOAD} alt", 0.3),))
    rejection = Rejection(RejectCategory.STYLE, Severity.MINOR, PAYLOAD, f"rev{PAYLOAD}", "2026-12-01T10:00:00Z")
    thread = (Comment(f"ann{PAYLOAD}", "2026-12-01T09:00:00Z", PAYLOAD), Comment.of_rejection(rejection))
    cues = [Cue(1, 0, 1500, f"{PAYLOAD}林总来了", f"{PAYLOAD}", State.MT_DRAFT, thread, rejection, draft=draft),
            Cue(2, 1520, 1600, f"林总{PAYLOAD}", "", State.UNTRANSLATED)]
    project = Project.create(path, cues, ProjectMeta(), actor="t")
    project.replace_glossary([("林总", f"President Lin{PAYLOAD}", f"Boss{PAYLOAD}", "", False)], actor="t")
    return project


def test_no_label_or_tooltip_in_the_window_renders_subtitle_markup(qtbot, tmp_path):
    session = ReviewSession(_hostile_project(tmp_path / "p.subrev"), "ann")
    window = MainWindow(session, Settings(), NullPlayer(f"missing {PAYLOAD}"), None)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.qa_checked, timeout=30_000):
        window.show()
    try:
        for cue_id in (1, 2):
            window.table.select_cue(cue_id)
            QApplication.processEvents()
            for label in window.findChildren(QLabel):
                if _risky(label.text()):
                    assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName() or label.text()
            for widget in window.findChildren(QWidget):
                assert not _risky(widget.toolTip()), widget
        model = window.table.model
        for row in range(model.rowCount()):
            for column in Column:
                tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
                assert not (isinstance(tip, str) and _risky(tip)), (row, column, tip)
        issues = window.qa_panel.model
        assert issues.rowCount() > 0
        assert any("President Lin" in (issues.index(r, 3).data() or "") for r in range(issues.rowCount()))
        for row in range(issues.rowCount()):
            for column in range(issues.columnCount()):
                tip = issues.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
                assert not (isinstance(tip, str) and _risky(tip)), tip
        for tree in window.editor.findChildren(QAbstractItemView):  # alternatives, glossary, QA of the line
            model = tree.model()
            if model is None:
                continue
            for row in range(model.rowCount()):
                tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
                assert not (isinstance(tip, str) and _risky(tip)), tip
    finally:
        window.close()
        session.close()


def test_an_error_naming_a_hostile_file_is_shown_literally(qtbot, tmp_path):
    folder = tmp_path / '<img src="x.png">'
    folder.mkdir()
    path = folder / "ep.subrev"
    holder = _hostile_project(path)  # holds the project: the next opener gets an error naming the path
    seen: list[tuple[Qt.TextFormat, str]] = []
    app = App(QApplication.instance(), Settings())
    try:
        accept_next_box(seen)
        assert not app.open(path)
    finally:
        app.shutdown()
        holder.close()
    assert seen and seen[0][0] == Qt.TextFormat.PlainText and '<img src="x.png">' in seen[0][1]

