"""The window on a series: the panel of episodes × languages, Next/Previous Episode, a language switch, the series
memory offered for a line, and the series checks opening a line in its episode. A real SQLite series file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication

from editor.core import edits
from editor.core.document import Cue
from editor.core.review import State
from editor.core.series.episode import EpisodeProject
from editor.core.series.store import NewEpisode, Series
from editor.gui import App
from editor.services.settings import Settings

LINES = ["你好，李总。", "这份合同你看过了吗？", "我们走吧！"]


def _make(path, lang: str = "en") -> None:
    episodes = [NewEpisode(f"EP0{n}", n, [Cue(i, i * 2000, i * 2000 + 1500, text) for i, text in
                                          enumerate(LINES, start=1)], 25.0) for n in (1, 2, 3)]
    with Series.create(path, source_lang="zh-Hans", languages=["en", "es"], episodes=episodes, actor="pm") as series:
        view = EpisodeProject.of(series, "EP01", lang)
        view.apply(edits.SetTarget(3, "Let's go!"), actor="ann")
        view.apply(edits.SetState(3, State.TRANSLATED), actor="ann")
        view = EpisodeProject.of(series, "EP03", lang)
        view.apply(edits.SetTarget(3, "Let's leave!"), actor="ann")
        view.apply(edits.SetState(3, State.TRANSLATED), actor="ann")


@contextmanager
def _opened(tmp_path, episode: str, lang: str = "en") -> Iterator[App]:
    """The window on `episode` × `lang` of the three-episode series made by `_make` (its lines decided in `lang`)."""
    path = tmp_path / "drama.subseries"
    _make(path, lang)
    app = App(QApplication.instance(), Settings())
    try:
        assert app.open_series(path, episode, lang)
        yield app
    finally:
        app.shutdown()


def _started(qtbot, app: App):
    """The window on screen, with what it does after its first paint done (series panel, memory, spelling)."""
    window = app.window
    qtbot.waitUntil(lambda: window.after_paint.finished and not window.series_memory.loading and
                    window.editor.target_edit.spell_checker is not None, timeout=10_000)
    return window


def test_the_episode_shows_before_the_series_panel_memory_video_and_spelling_are_read(qtbot, tmp_path):
    with _opened(tmp_path, "EP02") as app:
        window = app.window
        assert window.table.model.rowCount() == 3  # the lines are there at once
        assert not window.after_paint.painted and window.series_panel.model.rows == []
        assert window.editor.target_edit.spell_checker is None and window.series_memory.loading
        window = _started(qtbot, app)
        assert [r.episode.name for r in window.series_panel.model.rows] == ["EP01", "EP02", "EP03"]
        assert window.editor.target_edit.spell_checker is not None and len(window.series_memory.index) == 2


def test_the_window_moves_through_episodes_and_languages_of_a_series(qtbot, tmp_path):
    with _opened(tmp_path, "EP02") as app:
        window = _started(qtbot, app)
        assert "EP02" in window.windowTitle() and "drama" in window.windowTitle()
        panel = window.series_panel
        assert [r.episode.name for r in panel.model.rows] == ["EP01", "EP02", "EP03"]
        assert window.window_actions["next_episode"].isEnabled()
        window.window_actions["next_episode"].trigger()
        assert app.session.project.episode.name == "EP03" and app.window is not window
        app.window.window_actions["next_episode"].trigger()  # the last one: stays, and says so
        assert app.session.project.episode.name == "EP03"
        app.window.window_actions["prev_episode"].trigger()
        assert app.session.project.episode.name == "EP02"
        app.window.series_panel.open_requested.emit("EP02", "es")  # the language switch
        assert (app.session.project.episode.name, app.session.project.lang) == ("EP02", "es")


def test_the_series_memory_offers_another_episodes_decision_and_inserting_it_is_an_edit(qtbot, tmp_path):
    with _opened(tmp_path, "EP02") as app:
        window = _started(qtbot, app)
        window.table.select_cue(3)
        memory = window.editor.details.memory
        texts = [memory.item(i).text() for i in range(memory.count())]
        assert any("EP01 line 3" in t and "Let's go!" in t for t in texts)
        assert any("EP03 line 3" in t and "Let's leave!" in t for t in texts)
        assert window.editor.insert_text("Let's go!")
        cue = app.session.doc.get(3)
        assert (cue.target, cue.state) == ("Let's go!", State.EDITED)  # the person still decides


def test_the_series_checks_list_an_inconsistency_and_open_its_line(qtbot, tmp_path):
    with _opened(tmp_path, "EP02") as app:
        checks = app.window.series_checks
        qtbot.waitUntil(lambda: checks.consistency.topLevelItemCount() == 1, timeout=10000)
        issue = checks.consistency.topLevelItem(0)
        assert "我们走吧" in issue.text(0) and issue.childCount() == 2
        assert checks.queue.model().rowCount() >= 2
        checks._on_item_activated(issue.child(1), 0)  # as a double-click on "EP03 line 3"
        assert app.session.project.episode.name == "EP03"
        assert app.window.review.current_cue().id == 3


def test_the_series_findings_are_kept_while_nothing_changes_and_checked_again_after_a_change(qtbot, tmp_path):
    # Spanish: no installed model covers it, so opening an episode drafts nothing and the series stays unchanged.
    with _opened(tmp_path, "EP01", "es") as app:
        checks = app.window.series_checks
        qtbot.waitUntil(lambda: checks.consistency.topLevelItemCount() == 1, timeout=10000)
        assert app.step_episode(1)
        window = _started(qtbot, app)  # EP02: the series is unchanged, its findings show without a new check
        assert window.series_checks.checker.has_kept()
        qtbot.waitUntil(lambda: window.series_checks.consistency.topLevelItemCount() == 1, timeout=500)
        window.table.select_cue(3)
        assert window.editor.insert_text("Let's go!")
        window.window_actions["confirm_next"].trigger()  # EP02 line 3 decided: a third rendering of 我们走吧！
        assert not window.series_checks.checker.has_kept()
        assert app.step_episode(1)
        window = _started(qtbot, app)
        checks = window.series_checks
        assert not checks.checker.has_kept()
        qtbot.waitUntil(lambda: checks.consistency.topLevelItemCount() == 1 and
                        checks.consistency.topLevelItem(0).childCount() == 3, timeout=10000)
        assert checks.checker.has_kept()


def test_the_next_episodes_waveforms_are_made_in_the_background_into_one_cache(qtbot, tmp_path, monkeypatch):
    from editor.services.waveform import load_cached
    from editor.ui import main_window
    from tests.media_files import make_test_video

    monkeypatch.setattr(main_window, "PREFETCH_DELAY_MS", 0)
    videos = [make_test_video(tmp_path / f"EP0{n}.mp4", width=160, height=288, seconds=2) for n in (1, 2)]
    episodes = [NewEpisode(f"EP0{n}", n, [Cue(1, 0, 1500, "你好")], 25.0, video_path=str(videos[n - 1]))
                for n in (1, 2)]
    path = tmp_path / "drama.subseries"
    Series.create(path, source_lang="zh-Hans", languages=["en"], episodes=episodes, actor="pm").close()
    app = App(QApplication.instance(), Settings())
    try:
        assert app.open_series(path, "EP01", "en")
        qtbot.waitUntil(lambda: load_cached(path, videos[1]) is not None, timeout=20000)
        assert not list(tmp_path.glob("EP0*.peaks"))  # one cache for the series, beside its file
    finally:
        app.shutdown()


def test_a_word_added_to_the_series_dictionary_is_saved_and_accepted_in_the_next_episode(qtbot, tmp_path):
    with _opened(tmp_path, "EP01") as app:
        checker = _started(qtbot, app).editor.target_edit.spell_checker
        assert checker is not None and checker.available
        assert [w for _s, _e, w in checker.misspelled("Xiaoming is here.")] == ["Xiaoming"]
        checker.add_word("Xiaoming")  # what "Add to Series Dictionary" does
        with Series.open(tmp_path / "drama.subseries", read_only=True) as reader:
            assert reader.dictionary_words("en") == ["Xiaoming"]
        app.window.window_actions["next_episode"].trigger()
        assert _started(qtbot, app).editor.target_edit.spell_checker.misspelled("Xiaoming is here.") == []
