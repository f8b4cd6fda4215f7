"""The series tools in the real window of a series: Find in Series follows the window to the episode it opens,
Replace All is one step of that window's undo stack, Add to Bible refreshes the glossary, Deliver runs modal."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor.core.review import State
from editor.core.series.episode import EpisodeProject
from editor.core.series.store import Series
from editor.gui import App
from editor.services.settings import Settings
from editor.ui.bible_dialog import BibleEntryDialog
from editor.ui.deliver_dialog import DeliverDialog
from tests.ui.test_series_tools import _episode, _translate


def _make(path) -> None:
    with Series.create(path, source_lang="zh-Hans", languages=["en", "es"],
                       episodes=[_episode(f"EP0{n}", n) for n in (1, 2, 3)], actor="pm") as s:
        english = {1: "Boss Lin is here.", 2: "Hello, Boss Lin.", 3: "Run!", 4: "Careful."}
        _translate(s, "EP01", "en", english)
        _translate(s, "EP02", "en", english)


def _answer_modal(kind, act) -> None:
    """Once a modal dialog of `kind` is up, call `act(dialog)`."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(20, poll)


def test_the_series_tools_in_the_window(qtbot, tmp_path):
    path = tmp_path / "drama.subseries"
    _make(path)
    app = App(QApplication.instance(), Settings())
    try:
        assert app.open_series(path, "EP01", "en")
        first = app.window
        for name in ("find_in_series", "add_to_bible", "deliver_series"):
            assert first.window_actions[name].isEnabled()
        first.window_actions["find_in_series"].trigger()
        finder = app.series_find
        assert finder is not None and finder.isVisible() and finder.parentWidget() is first
        finder.find_edit.setText("Run")
        finder.find_lines()
        finder.view.activated.emit(finder.model.index(1, 0))  # EP02 line 3
        qtbot.wait(10)
        second = app.window
        assert second is not first and app.session.project.episode.name == "EP02"
        assert second.review.current_cue().id == 3
        assert finder.parentWidget() is second and finder.isVisible() and finder.session is app.session
        finder.find_edit.setText("Boss Lin")
        finder.replace_edit.setText("President Lin")
        finder.look_in.setCurrentIndex(finder.look_in.findData("en"))
        finder.preview()
        assert finder.replace_all()
        assert app.session.doc.get(1).target == "President Lin is here."
        ep01 = EpisodeProject.of(app.series, "EP01", "en").doc.get(2)
        assert (ep01.target, ep01.state) == ("Hello, President Lin.", State.EDITED)
        second.window_actions["undo"].trigger()
        assert app.session.doc.get(1).target == "Boss Lin is here."
        assert EpisodeProject.of(app.series, "EP01", "en").doc.get(2).target == "Hello, Boss Lin."

        second.table.select_cue(3)
        source = second.editor.source_edit
        cursor = source.textCursor()
        cursor.setPosition(0)
        cursor.setPosition(2, QTextCursor.MoveMode.KeepAnchor)  # 快走 of 快走！
        source.setTextCursor(cursor)

        def fill(dialog: BibleEntryDialog) -> None:
            dialog.target.setText("Hurry")
            dialog.save()

        _answer_modal(BibleEntryDialog, fill)
        with qtbot.waitSignal(second.qa_checked, timeout=20_000):
            second.window_actions["add_to_bible"].trigger()
        assert app.series.bible_rows("en") == [("term", "快走", "Hurry", "", "", False)]
        assert any(t.source == "快走" for t in second.editor._glossary.terms)

        out = tmp_path / "out"
        delivered = []

        def deliver(dialog: DeliverDialog) -> None:
            dialog.folder.setText(str(out))
            dialog.delivered.connect(lambda d: (delivered.append(d), dialog.reject()))
            dialog.start()

        _answer_modal(DeliverDialog, deliver)
        second.window_actions["deliver_series"].trigger()  # returns once the dialog closed
        assert delivered and (out / "report.html").is_file() and (out / "en" / "EP01.srt").is_file()
    finally:
        app.shutdown()
