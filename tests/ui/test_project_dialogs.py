"""Dialogs about whole files: a new project asks for its languages (remembered) and reads the video's frame rate,
the export refuses the source file and remembers BOM/CRLF, the source can be read again in another encoding, and
the first run asks who is reviewing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from editor import gui
from editor.core.review import State
from editor.core.store import Project
from editor.services.settings import Settings
from editor.ui import file_actions
from editor.ui.project_dialogs import ExportDialog, NewProjectDialog, ReviewerNameDialog
from tests.media_files import make_video_at_rate

BIG5_EPISODE = "".join(f"{i}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\n{text}\n\n"
                       for i, text in enumerate(("少爺回來了。", "夫人在等您。"), start=1))


def test_a_new_project_remembers_the_languages_and_reads_the_frame_rate_of_the_video(qtbot, tmp_path):
    settings = Settings()
    video = make_video_at_rate(tmp_path / "第01集.mp4", "25")
    subs = tmp_path / "第01集.srt"
    subs.write_text("1\n00:00:00,500 --> 00:00:01,500\n你好\n", encoding="utf-8")
    dialog = NewProjectDialog(settings, None, video=video)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "25 fps" in dialog.fps_note.text(), timeout=10_000)
    assert dialog.fps.value() == 25.0
    dialog._guess_subtitles(video)
    assert dialog.subtitles.text() == str(subs)
    dialog.target_lang.setCurrentText("es")
    dialog.source_lang.setCurrentText("zh-Hans")
    dialog._on_accepted()
    assert dialog.result() == QDialog.DialogCode.Accepted
    choice = dialog.choice()
    assert (choice.video, choice.subtitles, choice.target_lang, choice.fps) == (video, subs, "es", 25.0)
    again = NewProjectDialog(Settings(), None)
    qtbot.addWidget(again)
    assert again.target_lang.currentText() == "es"  # the last choice is offered next time


def test_a_new_project_is_made_as_chosen(qtbot, tmp_path):
    subs = tmp_path / "ep.srt"
    subs.write_bytes(BIG5_EPISODE.encode("big5"))
    opened = gui.project_for(gui.NewProject(subs, None, "zh-Hant", "pt-BR", 30.0, "big5", "ann"),
                             lambda *_: None)
    assert isinstance(opened, gui.Opened)
    with opened.project as project:
        assert [c.source for c in project.doc] == ["少爺回來了。", "夫人在等您。"]
        meta = project.meta
        assert (meta.source_lang, meta.target_lang, meta.fps, meta.source_encoding) == ("zh-Hant", "pt-BR", 30.0,
                                                                                       "big5")
        assert project.events()[0].actor == "ann"


def test_the_export_dialog_refuses_the_source_and_remembers_bom_and_crlf(qtbot, tmp_path):
    source = tmp_path / "ep.srt"
    source.write_text("x", encoding="utf-8")
    settings = Settings()
    dialog = ExportDialog(settings, tmp_path / "ep.en.srt", source, "2 lines will be written.")
    qtbot.addWidget(dialog)
    assert "source subtitle file" in dialog.problem_with(str(source))
    assert "source subtitle file" in dialog.problem_with(str(tmp_path / "." / "ep.srt"))
    assert ".srt, .vtt" in dialog.problem_with(str(tmp_path / "ep.en.txt"))
    assert dialog.problem_with(str(tmp_path / "ep.en.srt")) == ""
    dialog.bom.setChecked(True)
    dialog.crlf.setChecked(True)
    dialog._on_accepted()
    assert (Settings().get("export/bom"), Settings().get("export/crlf")) == (1, 1)
    again = ExportDialog(Settings(), tmp_path / "ep.en.srt", source, "")
    qtbot.addWidget(again)
    assert again.bom.isChecked() and again.crlf.isChecked()


def test_the_window_exports_with_bom_and_crlf_when_asked(qtbot, sample_window, tmp_path):
    Settings().set("export/bom", 1)
    Settings().set("export/crlf", 1)
    window = sample_window
    window.settings = Settings()
    out = tmp_path / "delivery.srt"

    def answer() -> None:  # "lines still need a decision": export anyway
        from PySide6.QtWidgets import QMessageBox

        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            next(b for b in box.buttons() if b.text().replace("&", "") == "Export Anyway").click()
        else:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    file_actions.export(window, str(out))
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data


def test_reopening_the_source_in_another_encoding_is_one_undo_step(qtbot, sample_window, tmp_path):
    window = sample_window
    project = window.session.project
    source = tmp_path / "sample.srt"
    cues = list(window.session.doc)
    source.write_bytes("".join(f"{n}\n{_clock(c.start_ms)} --> {_clock(c.end_ms)}\n{c.source}\n\n"
                               for n, c in enumerate(cues, 1)).encode("gb18030"))
    project.set_meta("source_path", str(source), actor="t")
    before = [c.source for c in window.session.doc]
    assert file_actions.reopen_with_encoding(window, "big5")  # the wrong choice: the person sees mojibake ...
    assert [c.source for c in window.session.doc] != before
    window.window_actions["undo"].trigger()  # ... and takes it back in one step
    assert [c.source for c in window.session.doc] == before
    assert file_actions.reopen_with_encoding(window, "gb18030")
    assert [c.source for c in window.session.doc] == before  # the same text: nothing changed, nothing stale
    assert project.meta.source_encoding == "gb18030"
    source.write_bytes(source.read_bytes().replace("你怎么又来了".encode("gb18030"), "你怎么还在这".encode("gb18030")))
    steps = window.session.undo_stack.index()
    assert file_actions.reopen_with_encoding(window, "gb18030")
    assert window.session.doc.get(1).source.startswith("你怎么还在这")
    assert window.session.doc.get(1).state is State.STALE  # its draft was for another source text
    assert window.session.undo_stack.index() == steps + 1
    window.window_actions["undo"].trigger()
    assert [c.source for c in window.session.doc] == before


def _clock(ms: int) -> str:
    from editor.core.timecode import format_clock

    return format_clock(ms)


def test_the_first_run_asks_who_is_reviewing_instead_of_taking_the_login_name(qtbot, monkeypatch):
    monkeypatch.delenv("SUBREVIEW_REVIEWER")
    settings = Settings()
    assert not settings.knows_reviewer()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReviewerNameDialog):
            QTimer.singleShot(50, answer)
            return
        dialog.name.setText("王小明")
        dialog._on_accepted()

    QTimer.singleShot(50, answer)
    gui.ask_reviewer_name(settings)
    assert Settings().reviewer_name() == "王小明" and Settings().knows_reviewer()
    gui.ask_reviewer_name(Settings())  # asked once only: no dialog now (the test would hang otherwise)


def test_a_guessed_encoding_is_said_when_the_project_opens(qtbot, tmp_path):
    subs = tmp_path / "last.srt"
    subs.write_bytes("1\n00:01:02,000 --> 00:01:04,000\n哦\n".encode("gbk"))  # also valid UTF-8 (Ŷ)
    opened = gui.project_for(subs, gui.given_new_project(gui.NewProjectOptions("zh-Hans", "en"), "ann"))
    assert isinstance(opened, gui.Opened)
    app = gui.App(QApplication.instance(), Settings())
    try:
        assert app.open(opened)
        window = app.window
        assert window is not None
        boxes = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() ==
                 "Check the Chinese text"]
        assert boxes and "Reopen Source with Encoding" in boxes[0].text()
        boxes[0].close()
    finally:
        app.shutdown()
    assert Path(tmp_path / "last.subrev").exists()
    with Project.open(tmp_path / "last.subrev", read_only=True):
        pass


def test_opening_subtitles_without_languages_asks_with_the_dialog(qtbot, tmp_path):
    subs = tmp_path / "ep9.srt"
    subs.write_text("1\n00:00:00,500 --> 00:00:01,500\n你好\n", encoding="utf-8")
    Settings().set("project/target_lang", "fr")

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewProjectDialog):
            QTimer.singleShot(50, answer)
            return
        assert dialog.subtitles.text() == str(subs) and dialog.target_lang.currentText() == "fr"
        dialog._on_accepted()

    QTimer.singleShot(50, answer)
    opened = gui.project_for(subs, gui.ask_new_project(Settings(), None, "ann"))
    assert isinstance(opened, gui.Opened)
    with opened.project as project:
        assert project.meta.target_lang == "fr" and project.events()[0].actor == "ann"
