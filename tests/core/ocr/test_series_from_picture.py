"""A folder of videos with no subtitles becomes a series whose sources are read from the picture: each episode's
lines keep their confidence and its band; a blank video is left out and said; a stop makes nothing and the next run
goes on from the videos already read; a source fix in one language makes the other languages' lines stale."""

from __future__ import annotations

import shutil

import pytest

from editor.app import main
from editor.core import edits, source_check
from editor.core.ocr.cache import cached_reading
from editor.core.render import stored_band
from editor.core.review import Actor, Draft, State
from editor.core.series import build
from editor.core.series.command_runs import cmd_new  # noqa: F401 - the command exists
from editor.core.series.episode import EpisodeProject
from editor.core.series.store import Series, SeriesError
from editor.core.source_check import FixSource
from tests.ocr_videos import Line, make_burned_in_video

EP1 = [Line(400, 1600, "把门关上"), Line(1600, 3400, "别碰她")]
EP2 = [Line(300, 1500, "林总，董事会的人都到了"), Line(2000, 3600, "我们走着瞧")]


@pytest.fixture(scope="module")
def vendor_folder(ocr_folder):
    made, folder = ocr_folder / "made", ocr_folder / "vendor"
    made.mkdir()
    folder.mkdir()
    videos = [make_burned_in_video(made / "第01集.mp4", EP1, seconds=4),
              make_burned_in_video(made / "第02集.mp4", EP2, seconds=4, width=640, height=360),
              make_burned_in_video(made / "第03集.mp4", [], seconds=3, background="gradient", watermark=False),
              make_burned_in_video(made / "第04集.mp4", [], seconds=2)]
    for video in videos:  # the videos alone: the subtitles they were made from stay behind
        shutil.copy(video.path, folder / video.path.name)
    (folder / "第04集.srt").write_text("1\n00:00:00,500 --> 00:00:01,500\n你好\n", encoding="utf-8")
    return folder


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SUBREVIEW_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_videos_alone_become_episodes_read_from_the_picture(vendor_folder, tmp_path, cache):
    series, report = build.create_series(tmp_path / "s.subseries", vendor_folder, source_lang="zh-Hans",
                                         languages=["en", "es"], actor="ann", from_picture=True)
    with series:
        assert [e.name for e in series.episodes()] == ["第01集", "第02集", "第04集"]
        first = EpisodeProject.of(series, "第01集", "en")
        assert [c.source for c in first.doc] == [line.text for line in EP1]
        assert all(source_check.needs_source_check(c) for c in first.doc)
        second = EpisodeProject.of(series, "第02集", "es")
        # a small 16:9 picture: a character may be misread (the source check is for that); the lines are there
        assert len(second.doc) == 2 and second.doc[0].source == EP2[0].text
        assert [abs(c.start_ms - line.start_ms) <= 80 for c, line in zip(second.doc, EP2, strict=True)] == [True] * 2
        band1, band2 = stored_band(first), stored_band(second)
        assert band1 is not None and band2 is not None and band1 != band2  # each episode its own band
        assert band2[1] + band2[3] <= 360 < band1[1] + band1[3]
        from_file = EpisodeProject.of(series, "第04集", "en")
        assert not source_check.read_from_picture(from_file.doc[0]) and stored_band(from_file) is None
    assert any("第03集.mp4" in p and "no burned-in text" in p for p in report.problems)
    assert not any("第01集.mp4" in p for p in report.problems)  # read, so not "a video without subtitles"


def test_without_the_option_a_video_alone_stays_a_problem(vendor_folder, tmp_path, cache):
    series, report = build.create_series(tmp_path / "s.subseries", vendor_folder, source_lang="zh-Hans",
                                         languages=["en"], actor="ann")
    with series:
        assert [e.name for e in series.episodes()] == ["第04集"]
    assert any("第01集.mp4" in p for p in report.problems)
    assert not (cache / "ocr").exists()  # nothing was read


def test_a_stop_makes_no_series_and_the_next_run_goes_on(vendor_folder, tmp_path, cache):
    read: list[str] = []

    def progress(fraction: float, episode: str) -> None:
        if episode not in read:
            read.append(episode)

    with pytest.raises(SeriesError) as stopped:
        build.create_series(tmp_path / "s.subseries", vendor_folder, source_lang="zh-Hans", languages=["en"],
                            actor="ann", from_picture=True, progress=progress, should_stop=lambda: len(read) > 1)
    assert "no series was made" in str(stopped.value) and not (tmp_path / "s.subseries").exists()
    assert cached_reading(vendor_folder / "第01集.mp4", "zh-Hans") is not None  # kept for the next run
    assert cached_reading(vendor_folder / "第02集.mp4", "zh-Hans") is None
    assert main(["series", "new", str(tmp_path / "s.subseries"), "--episodes", str(vendor_folder),
                 "--source-from-picture", "--target-lang", "en"]) == 0
    with Series.open(tmp_path / "s.subseries") as series:
        assert len(series.episodes()) == 3


def test_a_fixed_source_line_makes_the_other_languages_stale(vendor_folder, tmp_path, cache):
    shutil.copytree(vendor_folder, tmp_path / "v", ignore=shutil.ignore_patterns("第02集*", "第03集*", "第04集*"))
    series, _report = build.create_series(tmp_path / "s.subseries", tmp_path / "v", source_lang="zh-Hans",
                                          languages=["en", "es"], actor="ann", from_picture=True)
    with series:
        es = EpisodeProject.of(series, "第01集", "es")
        es.apply(edits.ApplyDraft(2, Draft("No la toques.")), actor="mt", kind=Actor.MACHINE)
        en = EpisodeProject.of(series, "第01集", "en")
        en.apply(FixSource(2, "别碰他"), actor="ann")
        es = EpisodeProject.of(series, "第01集", "es")
        cue = es.doc.get(2)
        assert cue.source == "别碰他" and source_check.check_of(cue) == "fixed" and cue.state is State.STALE
