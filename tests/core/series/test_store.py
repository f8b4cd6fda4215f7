"""The series file keeps the project file's promises for every episode × language: one transaction per action,
shared source and timing, each language's own work, ids never reused, a lock naming its holder."""

from __future__ import annotations

import sqlite3

import pytest

from editor.core import edits
from editor.core.document import Cue
from editor.core.review import State
from editor.core.series.episode import EpisodeProject
from editor.core.series.store import NewEpisode, Series, SeriesError
from editor.core.store import Project, ProjectError, ProjectLockedError, ProjectMeta


def _episode(name: str, number: int, n: int = 4) -> NewEpisode:
    cues = [Cue(i, i * 2000, i * 2000 + 1500, f"{name}第{i}句") for i in range(1, n + 1)]
    return NewEpisode(name, number, cues, 25.0, video_path=f"/videos/{name}.mp4", source_path=f"/subs/{name}.srt")


@pytest.fixture
def series_path(tmp_path):
    path = tmp_path / "drama.subseries"
    Series.create(path, source_lang="zh-Hans", languages=["en", "es"],
                  episodes=[_episode("EP02", 2), _episode("EP01", 1)], actor="pm").close()
    return path


def test_episodes_are_in_episode_order_with_their_lines(series_path):
    with Series.open(series_path, read_only=True) as series:
        episodes = series.episodes()
        assert [e.name for e in episodes] == ["EP01", "EP02"]
        assert [e.cues for e in episodes] == [4, 4]
        assert episodes[0].fps == 25.0
        assert [lang.code for lang in series.languages()] == ["en", "es"]


def test_a_decision_in_one_language_is_saved_at_once_and_leaves_the_others_alone(series_path):
    with Series.open(series_path) as series:
        en = EpisodeProject.of(series, "EP01", "en")
        en.apply(edits.SetTarget(1, "Line one"), actor="ann")
        en.apply(edits.SetState(1, State.TRANSLATED), actor="ann")
        # another connection sees it before the series is closed: the action is committed
        con = sqlite3.connect(series_path)
        row = con.execute("SELECT target, state, decided_by FROM targets WHERE lang = 'en' AND cue_id = 1").fetchone()
        con.close()
        assert row == ("Line one", "translated", "ann")
        es = EpisodeProject.of(series, "EP01", "es")
        assert es.doc.get(1).target == "" and es.doc.get(1).state is State.UNTRANSLATED
        assert es.doc.get(1).source == "EP01第1句"
    with Series.open(series_path) as series:
        again = EpisodeProject.of(series, "EP01", "en")
        assert again.doc.get(1).target == "Line one" and again.doc.get(1).state is State.TRANSLATED
        assert [e.action for e in again.events(cue_id=1)] == ["set_target", "set_state"]


def test_a_retime_is_made_once_for_every_language_and_their_decided_lines_become_stale(series_path):
    with Series.open(series_path) as series:
        es = EpisodeProject.of(series, "EP01", "es")
        es.apply(edits.SetTarget(2, "Línea dos"), actor="eva")
        es.apply(edits.SetState(2, State.TRANSLATED), actor="eva")
        en = EpisodeProject.of(series, "EP01", "en")
        en.apply(edits.SetTiming(2, 4100, 5600), actor="ann")
        es = EpisodeProject.of(series, "EP01", "es")
        cue = es.doc.get(2)
        assert (cue.start_ms, cue.end_ms) == (4100, 5600)
        assert cue.state is State.STALE and cue.target == "Línea dos"  # the text is kept; the line needs a look
        assert [e.action for e in es.events(cue_id=2)][-1] == "stale_after_shared_change"


def test_a_line_split_in_one_language_appears_untranslated_in_the_others_and_ids_are_never_reused(series_path):
    with Series.open(series_path) as series:
        en = EpisodeProject.of(series, "EP01", "en")
        change = en.apply(edits.Split(4, 8700), actor="ann")
        new_id = next(d.cue_id for d in change.deltas if d.before is None)
        en.apply(edits.Delete((new_id,)), actor="ann")
    with Series.open(series_path) as series:
        es = EpisodeProject.of(series, "EP01", "es")
        change = es.apply(edits.Split(3, 6700), actor="eva")
        again = next(d.cue_id for d in change.deltas if d.before is None)
        assert again > new_id  # the deleted line's id belongs to its history
        en = EpisodeProject.of(series, "EP01", "en")
        assert en.doc.get(again).state is State.UNTRANSLATED and en.doc.get(again).source


def test_undoing_a_merge_in_one_language_brings_the_others_text_back(series_path):
    with Series.open(series_path) as series:
        es = EpisodeProject.of(series, "EP02", "es")
        es.apply(edits.SetTarget(2, "dos"), actor="eva")
        es.apply(edits.SetTarget(3, "tres"), actor="eva")
        en = EpisodeProject.of(series, "EP02", "en")
        change = en.apply(edits.Merge(2), actor="ann")
        assert 3 not in EpisodeProject.of(series, "EP02", "es").doc
        en.apply_change(change.inverse(), actor="ann", action="undo")
        es = EpisodeProject.of(series, "EP02", "es")
        assert es.doc.get(3).target == "tres"  # never lost: hidden while the line did not exist


def test_status_counts_states_and_open_lines_per_episode_and_language(series_path):
    with Series.open(series_path) as series:
        en = EpisodeProject.of(series, "EP02", "en")
        en.apply(edits.SetTarget(1, "One"), actor="ann")
        en.apply(edits.SetState(1, State.TRANSLATED), actor="ann")
        en.apply(edits.SetState(1, State.APPROVED), actor="rev")
        en.apply(edits.SetTarget(2, "Two"), actor="ann")
        status = {s.episode.name: s.languages for s in series.status()}
    assert status["EP02"]["en"].states["approved"] == 1
    assert status["EP02"]["en"].states["edited"] == 1
    assert status["EP02"]["en"].states["untranslated"] == 2
    assert status["EP02"]["en"].need_decision == 3
    assert status["EP02"]["es"].need_decision == 4 and status["EP01"]["en"].need_decision == 4


def test_memory_holds_every_persons_decision_with_its_episode_and_line(series_path):
    with Series.open(series_path) as series:
        en = EpisodeProject.of(series, "EP02", "en")
        en.apply(edits.SetTarget(3, "Three"), actor="ann")
        en.apply(edits.SetState(3, State.TRANSLATED), actor="ann")
        en.apply(edits.SetTarget(4, "typed, not confirmed"), actor="ann")
        lines = list(series.decided_lines("en"))
    assert [(lang, target, episode, number, by) for lang, _s, target, episode, number, _st, by, _at in lines] == [
        ("en", "Three", "EP02", 3, "ann")]


def test_a_second_writer_is_told_who_has_the_series_and_readers_still_read(series_path):
    with Series.open(series_path):
        with pytest.raises(ProjectLockedError) as refused:
            Series.open(series_path)
        assert "already open" in str(refused.value)
        with Series.open(series_path, read_only=True) as reader:
            assert len(reader.episodes()) == 2
            view = EpisodeProject.of(reader, "EP01", "en")
            with pytest.raises(ProjectError, match="read-only"):
                view.apply(edits.SetTarget(1, "x"), actor="ann")


def test_an_unknown_episode_or_language_names_what_the_series_has(series_path):
    with Series.open(series_path, read_only=True) as series:
        with pytest.raises(SeriesError, match="EP01, EP02"):
            EpisodeProject.of(series, "EP09", "en")
        with pytest.raises(SeriesError, match="en, es"):
            EpisodeProject.of(series, "EP01", "fr")
        assert EpisodeProject.of(series, "2", "en").episode.name == "EP02"  # by number


def test_a_project_file_is_not_a_series_and_nothing_is_left_behind_by_a_failed_create(tmp_path):
    project = tmp_path / "ep.subrev"
    Project.create(project, [Cue(1, 0, 1000, "你好")], ProjectMeta(), actor="ann").close()
    with pytest.raises(SeriesError, match="not a SubReview series"):
        Series.open(project)
    missing = tmp_path / "no such folder" / "s.subseries"
    with pytest.raises(SeriesError, match="cannot create"):
        Series.create(missing, source_lang="zh-Hans", languages=["en"], episodes=[_episode("EP01", 1)], actor="pm")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ep.subrev"]
    twice = tmp_path / "twice.subseries"
    with pytest.raises(SeriesError, match="already has an episode EP01"):
        Series.create(twice, source_lang="zh-Hans", languages=["en"], episodes=[_episode("EP01", 1)] * 2, actor="pm")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ep.subrev"]


def test_the_event_log_of_a_series_is_append_only(series_path):
    con = sqlite3.connect(series_path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("DELETE FROM events")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("UPDATE events SET actor = 'someone else'")
    con.close()


def test_a_new_series_is_never_written_through_a_link_planted_beside_it(tmp_path):
    target = tmp_path / "someone-elses-file"
    target.write_text("keep me", encoding="utf-8")
    path = tmp_path / "drama.subseries"
    (tmp_path / "drama.subseries-wal").symlink_to(target)
    with pytest.raises(ProjectError, match="link"):
        Series.create(path, source_lang="zh-Hans", languages=["en"], episodes=[_episode("EP01", 1)], actor="pm")
    assert target.read_text(encoding="utf-8") == "keep me"


def test_an_episode_opened_read_only_takes_nothing_though_its_series_is_writable(tmp_path):
    """A server opens an episode another person writes read-only (decision 036); a file's series obeys it too."""
    with Series.create(tmp_path / "s.subseries", source_lang="zh-Hans", languages=["en"], actor="pm",
                       episodes=[NewEpisode("EP01", 1, [Cue(1, 0, 900, "你好")], 25.0)]) as series:
        view = EpisodeProject.of(series, "EP01", "en")
        view.read_only = True
        with pytest.raises(SeriesError, match="read-only"):
            view.apply(edits.SetTarget(1, "Hello"), actor="ann")
        assert view.doc.get(1).target == "" and EpisodeProject.of(series, "EP01", "en").doc.get(1).target == ""
