"""The window's series tools on a real series file: Find & Replace in Series (one undo step for every episode),
Add to Bible, and Deliver Series (files, report, refusals and forced episodes)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from editor.core import edits
from editor.core.document import Cue
from editor.core.review import State
from editor.core.series.episode import EpisodeProject
from editor.core.series.store import NewEpisode, Series
from editor.ui.bible_dialog import BibleEntry, BibleEntryDialog, add_bible_entry, split_forbidden
from editor.ui.cue_style import LINE_BREAK_MARK, plain_html
from editor.ui.deliver_dialog import DeliverDialog
from editor.ui.series_find import (
    ADDED_STYLE,
    FOUND_STYLE,
    HTML_ROLE,
    HitModel,
    SeriesFindDialog,
    marked_html,
    replaced_spans,
)
from editor.ui.session import ReviewSession
from tests.ui.message_boxes import click_in_next_box

LINES = ("林总来了。", "你好，林总。", "快走！", "<b>小心</b>点。")


def _episode(name: str, number: int) -> NewEpisode:
    cues = [Cue(i, i * 2000, i * 2000 + 1500, text) for i, text in enumerate(LINES, start=1)]
    return NewEpisode(name, number, cues, 25.0, source_path=f"/subs/{name}.srt")


def _translate(series: Series, episode: str, lang: str, texts: dict[int, str], *, decide: bool = True) -> None:
    view = EpisodeProject.of(series, episode, lang)
    for cue_id, text in texts.items():
        view.apply(edits.SetTarget(cue_id, text), actor="ann")
        if decide:
            view.apply(edits.SetState(cue_id, State.TRANSLATED), actor="ann")


@pytest.fixture
def series(tmp_path):
    """Three episodes in en and es; EP01 and EP02 fully translated in en, EP03 half; es has EP01 only."""
    s = Series.create(tmp_path / "drama.subseries", source_lang="zh-Hans", languages=["en", "es"],
                      episodes=[_episode(f"EP0{n}", n) for n in (1, 2, 3)], actor="pm")
    english = {1: "Boss Lin is here.", 2: "Hello, Boss Lin.", 3: "Run!", 4: "<i>Careful</i> <now>."}
    _translate(s, "EP01", "en", english)
    _translate(s, "EP02", "en", english)
    _translate(s, "EP03", "en", {1: "Boss Lin is here.", 2: "Hello, boss Lin."}, decide=False)
    _translate(s, "EP01", "es", {1: "Llegó el jefe Lin.", 2: "Hola, jefe Lin.", 3: "¡Corre!", 4: "Cuidado."})
    yield s
    s.close()


@pytest.fixture
def session(series, qtbot):
    """The window's session on EP01 × en, as the window holds it."""
    s = ReviewSession(EpisodeProject.of(series, "EP01", "en"), "rita")
    yield s
    s.undo_stack.clear()


@pytest.fixture
def finder(series, session, qtbot):
    opened: list[tuple[str, str, int]] = []

    def open_line(episode: str, lang: str, cue_id: int) -> bool:
        opened.append((episode, lang, cue_id))
        return True

    dialog = SeriesFindDialog(series)
    qtbot.addWidget(dialog)
    dialog.bind(session, open_line=open_line)
    dialog.opened = opened  # type: ignore[attr-defined]  # what a double-click asked the window to show
    return dialog


def _on_disk(series: Series, episode: str, lang: str, cue_id: int) -> Cue:
    return EpisodeProject.of(series, episode, lang).doc.get(cue_id)


def _rows(model: HitModel) -> list[tuple[str, int, str]]:
    return [(h.episode, h.line, h.lang) for h in model.hits]


# --- Find & Replace in Series ---------------------------------------------------------------------------------

def test_find_shows_the_lines_of_every_episode_with_the_match_marked_and_the_text_escaped(finder, qtbot):
    finder.find_edit.setText("Boss Lin")
    finder.look_in.setCurrentIndex(finder.look_in.findData("en"))
    finder.find_lines()
    assert _rows(finder.model) == [("EP01", 1, "en"), ("EP01", 2, "en"), ("EP02", 1, "en"), ("EP02", 2, "en"),
                                   ("EP03", 1, "en"), ("EP03", 2, "en")]  # case-insensitive: "boss Lin" too
    assert "6 lines of 3 episodes" in finder.status.text()
    markup = finder.model.index(1, HitModel.TEXT).data(HTML_ROLE)
    assert markup == f'Hello, <span style="{FOUND_STYLE}">Boss Lin</span>.'
    finder.find_edit.setText("<now>")
    finder.find_lines()
    markup = finder.model.index(0, HitModel.TEXT).data(HTML_ROLE)
    assert "&lt;i&gt;Careful&lt;/i&gt;" in markup and "&lt;now&gt;</span>" in markup  # never read as markup
    assert _rows(finder.model) == [("EP01", 4, "en"), ("EP02", 4, "en")]


def test_find_in_all_languages_and_in_the_source(finder):
    finder.find_edit.setText("lin")
    finder.look_in.setCurrentIndex(finder.look_in.findData(""))
    finder.find_lines()
    assert {h.lang for h in finder.model.hits} == {"en", "es"} and len(finder.model.hits) == 8
    finder.case.setChecked(True)
    finder.find_edit.setText("林总")
    finder.look_in.setCurrentIndex(finder.look_in.count() - 1)  # the source lines
    assert not finder.replace_edit.isEnabled() and not finder.preview_button.isEnabled()
    finder.find_lines()
    assert _rows(finder.model) == [(e, n, "en") for e in ("EP01", "EP02", "EP03") for n in (1, 2)]


def test_it_looks_in_the_language_the_window_shows_at_first(series, qtbot):
    dialog = SeriesFindDialog(series)
    qtbot.addWidget(dialog)
    dialog.bind(ReviewSession(EpisodeProject.of(series, "EP01", "es"), "rita"), open_line=lambda *_: True)
    assert dialog.look_in.currentData() == "es"
    dialog.find_edit.setText("jefe")
    dialog.find_lines()
    assert _rows(dialog.model) == [("EP01", 1, "es"), ("EP01", 2, "es")]  # only Spanish has "jefe"


def test_a_double_click_asks_the_window_to_open_that_episode_at_that_line(finder, series):
    finder.find_edit.setText("Run")
    finder.find_lines()
    index = finder.model.index(1, HitModel.TEXT)
    finder.view.activated.emit(index)
    assert finder.opened == [("EP02", "en", 3)]  # line 3 of EP02 in English: its cue id, for the window


def test_the_dialog_moves_to_the_window_of_the_episode_it_opened_and_keeps_its_results(series, session, qtbot):
    first_window, second_window = QWidget(), QWidget()
    for w in (first_window, second_window):
        qtbot.addWidget(w)
    dialog = SeriesFindDialog(series, first_window)
    other = ReviewSession(EpisodeProject.of(series, "EP02", "en"), "rita")
    asked: list[tuple[str, str, int]] = []

    def open_line(episode: str, lang: str, cue_id: int) -> bool:
        asked.append((episode, lang, cue_id))
        # as the application does: the episode gets a window of its own, which takes the dialog
        dialog.bind(other, open_line=open_line, parent=second_window)
        return True

    dialog.bind(session, open_line=open_line, parent=first_window)
    dialog.show()
    dialog.find_edit.setText("Run")
    dialog.find_lines()
    dialog.view.activated.emit(dialog.model.index(1, 0))
    assert asked == [("EP02", "en", 3)]
    assert dialog.parentWidget() is second_window and dialog.isVisible() and dialog.session is other
    first_window.deleteLater()  # the old window goes away as the application replaces it
    qtbot.wait(10)
    assert dialog.isVisible() and len(dialog.model.hits) == 2  # the dialog and its results stay
    dialog.replace_edit.setText("Go")
    dialog.preview()
    assert dialog.replace_all() and other.undo_stack.count() == 1 and session.undo_stack.count() == 0


def test_a_bad_regular_expression_is_said_in_the_dialog(finder):
    finder.find_edit.setText("Boss")
    finder.find_lines()
    assert finder.model.rowCount() == 6
    finder.regex.setChecked(True)
    finder.find_edit.setText("Boss (Lin")
    finder.find_lines()  # must not raise
    assert "is not a valid regular expression" in finder.status.text()
    assert finder.model.rowCount() == 0
    finder.replace_edit.setText("x")
    finder.preview()
    assert "is not a valid regular expression" in finder.status.text()
    assert not finder.replace_button.isEnabled()


def test_replace_all_changes_two_episodes_in_one_undo_step_and_each_line_becomes_edited(finder, series, session,
                                                                                       qtbot):
    changes = []
    session.changed.connect(changes.append)
    finder.find_edit.setText("Boss Lin")
    finder.replace_edit.setText("President Lin")
    finder.look_in.setCurrentIndex(finder.look_in.findData("en"))
    finder.preview()
    assert finder.model.columnCount() == 5
    assert [r.after for r in finder.model.replacements][:2] == ["President Lin is here.", "Hello, President Lin."]
    after = finder.model.index(1, HitModel.AFTER).data(HTML_ROLE)
    assert after == f'Hello, <span style="{ADDED_STYLE}">President Lin</span>.'
    assert _on_disk(series, "EP02", "en", 1).target == "Boss Lin is here."  # a preview changes nothing
    assert finder.replace_all()
    for episode in ("EP01", "EP02"):
        for cue_id, text in ((1, "President Lin is here."), (2, "Hello, President Lin.")):
            cue = _on_disk(series, episode, "en", cue_id)
            assert (cue.target, cue.state) == (text, State.EDITED)  # an edit to confirm, never a decision
    assert _on_disk(series, "EP03", "en", 2).target == "Hello, President Lin."
    assert session.doc.get(1).target == "President Lin is here."  # the window's own episode is up to date
    assert [c.cue_ids for c in changes] == [[1, 2]]  # and its views were told what changed
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Replace “Boss Lin” in 6 lines"
    session.undo_stack.undo()
    for episode in ("EP01", "EP02"):
        cue = _on_disk(series, episode, "en", 1)
        assert (cue.target, cue.state) == ("Boss Lin is here.", State.TRANSLATED)
    assert _on_disk(series, "EP03", "en", 2).target == "Hello, boss Lin."
    assert session.doc.get(2).target == "Hello, Boss Lin." and session.doc.get(2).state is State.TRANSLATED
    session.undo_stack.redo()
    assert _on_disk(series, "EP02", "en", 2).target == "Hello, President Lin."
    actions = [e.action for e in EpisodeProject.of(series, "EP02", "en").events(cue_id=2)][-3:]
    assert actions == ["replace_in_series", "undo:replace_in_series", "redo:replace_in_series"]


def test_regex_groups_replace_and_the_preview_goes_stale_when_the_search_changes(finder, series):
    finder.regex.setChecked(True)
    finder.case.setChecked(True)
    finder.find_edit.setText(r"Boss (\w+)")
    finder.replace_edit.setText(r"Mr. \1")
    finder.look_in.setCurrentIndex(finder.look_in.findData("en"))
    finder.preview()
    assert finder.model.replacements[0].after == "Mr. Lin is here." and finder.replace_button.isEnabled()
    assert len(finder.model.replacements) == 5  # "boss Lin" does not match case
    finder.replace_edit.setText("Sir")
    finder.replace_edit.textEdited.emit("Sir")
    assert not finder.replace_button.isEnabled() and "preview again" in finder.status.text()
    assert not finder.replace_all()
    assert _on_disk(series, "EP02", "en", 1).target == "Boss Lin is here."


def test_a_line_changed_since_the_preview_is_refused_and_nothing_is_replaced(finder, series, session):
    finder.find_edit.setText("Boss Lin")
    finder.replace_edit.setText("President Lin")
    finder.preview()
    _translate(series, "EP02", "en", {2: "Hi, Boss Lin."})
    assert not finder.replace_all()
    assert "line 2 of EP02 changed since the preview" in finder.status.text()
    assert _on_disk(series, "EP01", "en", 1).target == "Boss Lin is here." and session.undo_stack.count() == 0


def test_a_failed_write_says_why_and_changes_nothing(finder, series, session):
    finder.find_edit.setText("Boss Lin")
    finder.replace_edit.setText("President Lin")
    finder.look_in.setCurrentIndex(finder.look_in.findData("en"))
    finder.preview()
    ep02 = series.episode_info("EP02").id
    # SQLite refuses the second episode's rows: the first episode was written in the same transaction already
    series.connection.execute(f"CREATE TEMP TRIGGER refuse BEFORE UPDATE ON targets WHEN new.episode_id = {ep02} "
                              "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    try:
        assert not finder.replace_all()
    finally:
        series.connection.execute("DROP TRIGGER temp.refuse")
    assert "disk I/O error" in finder.status.text()
    assert session.undo_stack.count() == 0
    assert session.doc.get(1).target == "Boss Lin is here." and session.doc.get(1).state is State.TRANSLATED
    assert _on_disk(series, "EP01", "en", 1).target == "Boss Lin is here."
    assert _on_disk(series, "EP01", "en", 1).state is State.TRANSLATED
    assert finder.replace_all()  # the same preview goes through once the file takes it
    assert _on_disk(series, "EP02", "en", 1).target == "President Lin is here."


def test_the_marks_of_a_replacement_fit_the_text_it_makes():
    import re

    pattern = re.compile(r"(\w+) Lin", re.IGNORECASE)
    after, spans = replaced_spans("Boss Lin, boss Lin!", pattern, r"Lin \1", regex=True)
    assert after == pattern.sub(r"Lin \1", "Boss Lin, boss Lin!") == "Lin Boss, Lin boss!"
    assert [after[a:b] for a, b in spans] == ["Lin Boss", "Lin boss"]
    assert marked_html("a<b\nc", [(1, 2)], "x") == f'a<span style="x">&lt;</span>b{LINE_BREAK_MARK}c'


# --- Add to Bible --------------------------------------------------------------------------------------------

def test_add_to_bible_stores_the_entry_from_the_selected_text(series, qtbot):
    dialog = BibleEntryDialog(series, "en", "rita", source="林总\u2029", target=" Boss\u2029Lin ")  # as Qt selects
    qtbot.addWidget(dialog)
    assert (dialog.source.text(), dialog.target.text()) == ("林总", "Boss Lin")
    assert dialog.language.currentData() == "en"
    dialog.kind.setCurrentIndex(dialog.kind.findData("name"))
    dialog.forbidden.setText("President Lin; Mr. Lin |Mr. Lin")
    dialog.note.setPlainText("The CEO; everyone calls him 林总.")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.saved_languages == ["en"]
    assert series.bible_rows("en") == [("name", "林总", "Boss Lin", "President Lin|Mr. Lin",
                                        "The CEO; everyone calls him 林总.", False)]
    assert series.bible_rows("es") == []
    view = EpisodeProject.of(series, "EP01", "en")
    assert view.glossary_rows() == [("林总", "Boss Lin", "President Lin|Mr. Lin", "The CEO; everyone calls him 林总.",
                                     False)]


def test_add_to_bible_for_every_language_replaces_the_same_source_and_keeps_notes(series, qtbot):
    add_bible_entry(series, "en", BibleEntry("term", "林总", "Mr. Lin"), actor="pm")
    add_bible_entry(series, "en", BibleEntry("note", "林总", note="male, 40"), actor="pm")
    dialog = BibleEntryDialog(series, "en", "rita", source="林总")
    qtbot.addWidget(dialog)
    dialog.target.setText("Boss Lin")
    dialog.language.setCurrentIndex(dialog.language.findData(""))
    assert dialog.replaces.isVisibleTo(dialog) and "en: 林总 → Mr. Lin" in dialog.replaces.text()
    dialog.save()
    assert dialog.saved_languages == ["en", "es"]
    assert series.bible_rows("en") == [("term", "林总", "Boss Lin", "", "", False),
                                       ("note", "林总", "", "", "male, 40", False)]
    assert series.bible_rows("es") == [("term", "林总", "Boss Lin", "", "", False)]


def test_add_to_bible_says_what_is_missing(series, qtbot):
    dialog = BibleEntryDialog(series, "es", "rita", target="jefe")
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted and "source" in dialog.problem.text()
    dialog.source.setText("林总")
    dialog.kind.setCurrentIndex(dialog.kind.findData("note"))
    assert not dialog.target.isEnabled()
    dialog.save()
    assert "note" in dialog.problem.text() and series.bible_rows("es") == []
    assert split_forbidden(" a | b；a ;; ") == ("a", "b")


# --- Deliver Series ----------------------------------------------------------------------------------------------

def _deliver(dialog: DeliverDialog, qtbot) -> None:
    with qtbot.waitSignal(dialog.delivered, timeout=30_000):
        assert dialog.start()
    assert not dialog.running


def test_deliver_writes_the_files_and_the_report_and_lists_the_refused_episodes(series, tmp_path, qtbot):
    dialog = DeliverDialog(series, "rita")
    qtbot.addWidget(dialog)
    out = tmp_path / "out"
    dialog.folder.setText(str(out))
    dialog.language_boxes["es"].setChecked(False)
    dialog.format.setCurrentIndex(dialog.format.findData("vtt"))
    assert "1 episodes have lines without a decision" in dialog.note.text()
    running = []
    dialog.running_changed.connect(running.append)
    _deliver(dialog, qtbot)
    assert running == [True, False]
    assert sorted(p.name for p in (out / "en").iterdir()) == ["EP01.vtt", "EP02.vtt"]
    assert (out / "en" / "EP01.vtt").read_text(encoding="utf-8").startswith("WEBVTT")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [(r["episode"], r["lang"], r["exported"]) for r in report["rows"]] == [
        ("EP01", "en", True), ("EP02", "en", True), ("EP03", "en", False)]
    assert (out / "report.html").is_file() and dialog.report_path() == out / "report.html"
    assert dialog.report_button.isEnabled()
    items = [dialog.results.topLevelItem(i) for i in range(dialog.results.topLevelItemCount())]
    first = items[0]
    assert (first.text(0), first.text(1), first.text(2)) == ("EP03", "en", "Refused")  # refusals come first
    assert first.text(3) == "4 lines still need a decision (2 edited, 2 untranslated)"
    assert [i.text(2) for i in items[1:]] == ["Delivered", "Delivered"]
    assert "Delivered 2 of 3 episode files" in dialog.summary.text() and "refused: 1" in dialog.summary.text()
    events = series.events()
    assert events[-1][4] == "deliver" and events[-1][2] == "rita"


def test_forced_delivery_asks_once_and_marks_the_undecided_episodes(series, tmp_path, qtbot):
    dialog = DeliverDialog(series, "rita")
    qtbot.addWidget(dialog)
    out = tmp_path / "forced"
    dialog.folder.setText(str(out))
    dialog.forced.setChecked(True)
    seen: list[str] = []
    click_in_next_box("Cancel", seen)
    assert not dialog.start()  # the person said no: nothing written
    assert seen == ["3 episodes have lines without a decision; deliver them anyway?"]  # EP03 en; EP02, EP03 es
    assert not (out / "report.json").exists()
    click_in_next_box("Deliver Anyway", seen)
    _deliver(dialog, qtbot)
    assert len(seen) == 2
    rows = {(r.episode, r.lang): r for r in dialog.delivery.report.rows}
    assert rows[("EP03", "en")].forced and rows[("EP03", "en")].exported
    assert not rows[("EP01", "en")].forced
    assert not rows[("EP02", "es")].exported  # nothing translated: nothing to send, forced or not
    assert (out / "en" / "EP03.srt").read_text(encoding="utf-8").count("-->") == 2


def test_delivering_into_a_read_only_folder_says_so_and_writes_nothing(series, tmp_path, qtbot, make_read_only):
    locked = tmp_path / "locked"
    locked.mkdir()
    make_read_only(locked)
    dialog = DeliverDialog(series, "rita")
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(locked / "delivery"))
    assert not dialog.start()
    assert dialog.problem.isVisibleTo(dialog)
    assert dialog.problem.text().startswith(f"Nothing can be written in {locked / 'delivery'}")
    assert not (locked / "delivery").exists() and not dialog.running
    dialog.folder.setText("")
    assert not dialog.start() and "Choose the folder" in dialog.problem.text()


def test_a_relative_folder_is_taken_beside_the_series(series, tmp_path, qtbot):
    dialog = DeliverDialog(series, "rita")
    qtbot.addWidget(dialog)
    dialog.folder.setText("to the client")
    dialog.language_boxes["en"].setChecked(False)
    _deliver(dialog, qtbot)
    assert dialog.delivery.folder == series.path.parent / "to the client"
    assert (tmp_path / "to the client" / "es" / "EP01.srt").is_file()


def test_the_delivery_runs_off_the_gui_thread_and_the_dialog_cannot_be_closed_meanwhile(series, tmp_path, qtbot):
    dialog = DeliverDialog(series, "rita")
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "thread"))
    dialog.show()
    progress: list[tuple[int, int]] = []
    dialog._runner.progressed.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(dialog.delivered, timeout=30_000):
        dialog.start()
        assert dialog.running and not dialog.deliver_button.isEnabled()
        dialog.reject()
        assert dialog.isVisible()  # Close waits for the delivery
    assert progress[-1] == (6, 6) and dialog.buttons.button(dialog.buttons.StandardButton.Close).isEnabled()
    dialog.reject()
    assert not dialog.isVisible()


def test_find_results_are_plain_for_copying_and_tooltips(finder):
    finder.find_edit.setText("Careful")
    finder.find_lines()
    index = finder.model.index(0, HitModel.TEXT)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "<i>Careful</i> <now>."
    assert index.data(Qt.ItemDataRole.ToolTipRole) == plain_html("<i>Careful</i> <now>.")  # not read as markup


def test_nothing_is_written_to_the_series_file_by_finding(finder, series, tmp_path):
    before = sqlite3.connect(series.path).execute("SELECT count(*) FROM events").fetchone()[0]
    finder.find_edit.setText("Lin")
    finder.find_lines()
    finder.replace_edit.setText("Li")
    finder.preview()
    assert sqlite3.connect(series.path).execute("SELECT count(*) FROM events").fetchone()[0] == before
