"""A series delivery with videos: beside each delivered subtitle file an MP4 with that language burned in (real
ffmpeg, libass and ffprobe on tiny ffmpeg-made episodes), none for refused episodes, a clear line for an episode
that cannot have one, earlier videos removed by the re-delivery rule, and a stop that leaves no half-made MP4."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.core import edits
from editor.core.series.deliver import VideoOptions, deliver, earlier_files
from editor.core.series.episode import EpisodeProject
from editor.core.series.store import Series
from tests.delivery_series import BAND, GREY, frame_at, leftovers, make_delivery_series, probe


@pytest.fixture(scope="module")
def series_folder(tmp_path_factory) -> Path:
    return make_delivery_series(tmp_path_factory.mktemp("delivery")).parent


@pytest.fixture
def series(series_folder, tmp_path):
    """A fresh copy of the module's series for each test (deliveries log events and change it)."""
    copy = tmp_path / "drama.subseries"
    copy.write_bytes((series_folder / "drama.subseries").read_bytes())
    with Series.open(copy) as opened:
        yield opened


def _rows(out: Path) -> dict[str, dict]:
    return {r["episode"]: r for r in json.loads((out / "report.json").read_text(encoding="utf-8"))["rows"]}


def test_each_decided_episode_gets_a_playable_video_beside_its_file_and_the_refused_none(series, tmp_path):
    out = tmp_path / "out"
    seen: list[tuple[str, str, float]] = []
    delivery = deliver(series, out, actor="pm", videos=VideoOptions(cover_source=True, cover_style="box"),
                       rendering=lambda episode, lang, fraction: seen.append((episode, lang, fraction)))
    video = out / "en" / "EP01.mp4"
    assert (out / "en" / "EP01.srt").is_file() and video.is_file()
    facts = probe(video)
    picture = next(s for s in facts["streams"] if s["codec_type"] == "video")
    assert (picture["codec_name"], picture["width"], picture["height"]) == ("h264", 240, 320)
    assert any(s["codec_type"] == "audio" for s in facts["streams"])  # the sound is kept
    assert abs(float(facts["format"]["duration"]) - 2.0) < 0.2

    frame = frame_at(video, 0.6).astype(int)  # the first line is on screen
    x, y, w, h = BAND
    assert frame[y + 4:y + h - 4, x + 4:x + w - 4].max() < 40  # the Chinese band is covered with black
    below = frame[y + h + 2:, :]
    white, outline = (below.min(axis=2) > 180).sum(), (below.max(axis=2) < 50).sum()
    assert white > 20 and outline > 200  # the translation is drawn under the band: white letters, dark outline
    after = frame_at(video, 1.95)[y + h + 2:, :]  # no line on screen any more
    assert (after.min(axis=2) > 180).sum() == 0 and (after.max(axis=2) < 50).sum() == 0
    assert abs(frame[10:60, 10:230].astype(int) - GREY).max() < 12  # the rest of the picture is untouched

    rows = {r.episode: r for r in delivery.report.rows}
    assert rows["EP01"].video == "en/EP01.mp4" and rows["EP01"].video_cover == BAND
    assert not rows["EP02"].exported and rows["EP02"].video == "" and not (out / "en" / "EP02.mp4").exists()
    assert rows["EP02"].video_note == ""  # refused: the report says why once, for the file
    assert rows["EP03"].exported and not rows["EP03"].video
    assert rows["EP03"].video_note == "EP03 has no video to render."
    assert rows["EP04"].exported and not (out / "en" / "EP04.mp4").exists()
    assert rows["EP04"].video_note.startswith("no band of burned-in subtitles is known for EP04")
    assert [r.episode for r in delivery.missing_videos] == ["EP03", "EP04"]
    assert sorted(p.name for p in (out / "en").iterdir()) == ["EP01.mp4", "EP01.srt", "EP03.srt", "EP04.srt"]
    assert leftovers(out) == []
    assert {e for e, _lang, _f in seen} == {"EP01"} and seen[-1][2] == 1.0

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["videos"] == {"cover_source": True, "cover_style": "box"} and report["stopped"] is False
    listed = _rows(out)
    assert listed["EP01"]["video"] == "en/EP01.mp4" and listed["EP01"]["video_cover"] == list(BAND)
    assert listed["EP03"]["video_note"] == "EP03 has no video to render."
    assert report["summary"]["en"]["videos"] == 1
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "en/EP01.mp4" in page and "No video: <bdi>EP03 has no video to render.</bdi>" in page
    assert "the source subtitles covered (box)" in page
    renders = [e for e in series.events() if e[4] == "render"]
    assert len(renders) == 1  # the render is in the episode's history, as a single render is


def test_without_cover_every_episode_with_a_video_is_rendered_and_blur_leaves_no_black_box(series, tmp_path):
    out = tmp_path / "out"
    delivery = deliver(series, out, actor="pm", videos=VideoOptions())
    assert [r.video for r in delivery.videos] == ["en/EP01.mp4", "en/EP04.mp4"]
    assert all(r.video_cover is None for r in delivery.videos)
    frame = frame_at(out / "en" / "EP01.mp4", 0.6)
    x, y, w, h = BAND
    assert abs(frame[y + 4:y + h - 4, x + 4:x + w - 4].astype(int) - GREY).max() < 12  # nothing covered
    blurred = deliver(series, tmp_path / "blur", actor="pm", videos=VideoOptions(True, "blur"))
    assert [r.video for r in blurred.videos] == ["en/EP01.mp4"]
    frame = frame_at(tmp_path / "blur" / "en" / "EP01.mp4", 0.6)
    assert frame[y + 4:y + h - 4, x + 4:x + w - 4].min() > 100  # a blur of grey is grey, not a black box


def test_a_redelivery_removes_the_earlier_video_of_an_episode_now_refused_and_nothing_else(series, tmp_path):
    out = tmp_path / "out"
    deliver(series, out, actor="pm", videos=VideoOptions())
    assert {"en/EP01.mp4", "en/EP04.mp4", "en/EP01.srt"} <= earlier_files(out)
    theirs = out / "en" / "EP03.mp4"  # not written by SubReview: never touched
    theirs.write_bytes(b"someone else's video")
    EpisodeProject.of(series, "EP01", "en").apply(edits.SetTarget(1, "Boss Lin has come."), actor="ann")
    again = deliver(series, out, actor="pm", videos=VideoOptions())
    rows = {r.episode: r for r in again.report.rows}
    assert not rows["EP01"].exported
    assert (rows["EP01"].removed_earlier, rows["EP01"].video_removed_earlier) == ("en/EP01.srt", "en/EP01.mp4")
    assert not (out / "en" / "EP01.mp4").exists() and not (out / "en" / "EP01.srt").exists()
    assert (out / "en" / "EP04.mp4").is_file() and rows["EP04"].video == "en/EP04.mp4"
    assert theirs.read_bytes() == b"someone else's video"
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<bdi>en/EP01.mp4</bdi> from an earlier delivery was removed" in page

    subtitles_only = deliver(series, out, actor="pm")  # no video this time: the older ones would be stale
    assert {r.video_removed_earlier for r in subtitles_only.report.rows} == {"", "en/EP04.mp4"}
    assert not (out / "en" / "EP04.mp4").exists() and theirs.is_file()
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["videos"] is None


def test_a_stop_inside_a_render_leaves_no_half_made_video_and_a_report_of_what_was_done(series, tmp_path):
    out = tmp_path / "out"
    started: list[float] = []
    delivery = deliver(series, out, actor="pm", videos=VideoOptions(),
                       rendering=lambda _e, _l, fraction: started.append(fraction),
                       should_stop=lambda: bool(started))  # Cancel as soon as the first video is under way
    assert started and delivery.stopped
    assert [(r.episode, r.exported, r.video) for r in delivery.report.rows] == [("EP01", True, "")]
    assert delivery.report.rows[0].video_note == "the delivery was stopped while this video was being made."
    assert not (out / "en" / "EP01.mp4").exists() and leftovers(out) == []
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["stopped"] is True and [r["episode"] for r in report["rows"]] == ["EP01"]
    assert "This delivery was stopped" in (out / "report.html").read_text(encoding="utf-8")


def test_files_a_stopped_delivery_did_not_reach_stay_known_to_the_next_one(series, tmp_path):
    out = tmp_path / "out"
    deliver(series, out, actor="pm", videos=VideoOptions())
    asked: list[int] = []

    def second_time() -> bool:  # Cancel once the first episode is done
        asked.append(1)
        return len(asked) > 1

    stopped = deliver(series, out, actor="pm", should_stop=second_time)
    assert stopped.stopped and [r.episode for r in stopped.report.rows] == ["EP01"]
    assert set(stopped.report.earlier_files) == {"en/EP03.srt", "en/EP04.srt", "en/EP04.mp4"}
    assert {"en/EP04.mp4", "en/EP03.srt"} <= earlier_files(out)
    EpisodeProject.of(series, "EP04", "en").apply(edits.SetTarget(2, "Go!"), actor="ann")  # EP04 now refused
    again = deliver(series, out, actor="pm", videos=VideoOptions())
    rows = {r.episode: r for r in again.report.rows}
    assert rows["EP04"].video_removed_earlier == "en/EP04.mp4" and not (out / "en" / "EP04.mp4").exists()


def test_a_report_naming_files_outside_its_folder_is_never_a_licence_to_remove_them(tmp_path):
    outside = tmp_path / "precious.srt"
    outside.write_text("keep", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").write_text(json.dumps({"rows": [
        {"file": "../precious.srt", "exported": True, "video": str(outside)}], "earlier_files": ["../x"]}),
        encoding="utf-8")
    assert earlier_files(out) == set()


def test_the_delivery_and_series_qa_check_where_each_line_sits_on_its_picture(series, tmp_path, capsys):
    """A line wider than the 240-pixel picture's safe width, and one over the burned-in band, are warnings in the
    delivery report and in `series qa` (each video's size is read for them)."""
    from editor.app import main
    from editor.core.series.checks import LanguageChecker, episode_pictures

    view = EpisodeProject.of(series, "EP01", "en")
    view.apply(edits.SetTarget(1, "Boss Lin has finally arrived at the headquarters tonight."), actor="ann")
    view.apply(edits.SetTarget(2, "{\\pos(120,215)}Run!"), actor="ann")  # drawn on the band
    episode = series.episode_info("EP01")
    view = EpisodeProject.of(series, "EP01", "en")
    placed = LanguageChecker.of(series, "en", pictures=episode_pictures([episode])).run(episode, view.doc)
    assert {"placement_too_wide", "placement_source_band"} <= {issue.rule for issue in placed}
    unplaced = LanguageChecker.of(series, "en").run(episode, view.doc)
    assert not {issue.rule for issue in unplaced} & {"placement_too_wide", "placement_source_band"}
    warnings = sum(issue.severity == "warning" for issue in placed)
    deliver(series, tmp_path / "out", actor="pm", allow_unreviewed=True, languages=["en"])
    assert _rows(tmp_path / "out")["EP01"]["qa_left"]["warning"] == warnings
    path = str(series.path)
    series.close()
    assert main(["series", "qa", path, "--json"]) == 0
    counts = {(c["episode"], c["lang"]): c["warning"] for c in json.loads(capsys.readouterr().out)["qa"]}
    assert counts[("EP01", "en")] == warnings
