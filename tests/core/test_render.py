"""Rendering the translation into the video: real FFmpeg with libass, frames read back and looked at by pixel."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from editor.app import main
from editor.core.document import Cue
from editor.core.render import RenderError, RenderStyle, ass_header, render_project, render_video, video_graph
from editor.core.review import State
from editor.core.store import Project, ProjectMeta
from tests.media_files import make_test_video

W, H = 360, 640
GRAY = 0x40


@pytest.fixture(scope="module")
def flat_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_test_video(tmp_path_factory.mktemp("render-media") / "ep01.mp4", seconds=3, pattern="gray")


def _cues(state: State = State.APPROVED) -> list[Cue]:
    return [Cue(1, 100, 1000, "你好", "Hello there, friend.", state),
            Cue(2, 1200, 2000, "上面", "{\\an8}Up here", state),
            Cue(3, 2100, 2900, "没有翻译", "", State.UNTRANSLATED if state is not State.APPROVED else state)]


def _project(tmp_path: Path, video: Path, cues: list[Cue]) -> Project:
    return Project.create(tmp_path / "ep01.subrev", cues, ProjectMeta(video_path=str(video), fps=25.0), actor="t")


def _frame(video: Path, at_s: float) -> bytes:
    """The picture at `at_s` as 8-bit gray, W×H bytes."""
    out = subprocess.run(["ffmpeg", "-v", "error", "-ss", str(at_s), "-i", str(video), "-frames:v", "1",
                          "-f", "rawvideo", "-pix_fmt", "gray", "-"], capture_output=True, check=True, timeout=60)
    assert len(out.stdout) == W * H
    return out.stdout


def _bright_rows(frame: bytes) -> list[int]:
    """Rows holding text-white pixels (the flat video is dark gray)."""
    return [y for y in range(H) if max(frame[y * W:(y + 1) * W]) > 200]


def _dark_share(frame: bytes, region: tuple[int, int, int, int]) -> float:
    x, y, w, h = region
    pixels = [frame[row * W + col] for row in range(y, y + h) for col in range(x, x + w)]
    return sum(1 for p in pixels if p < GRAY - 30) / len(pixels)


def test_the_translation_is_drawn_at_the_bottom_and_an8_lines_at_the_top(tmp_path, flat_video):
    with _project(tmp_path, flat_video, _cues()) as project:
        out = tmp_path / "preview.mp4"
        seen: list[float] = []
        result = render_project(project, out, actor="ann", progress=seen.append)
        assert result.lines == 2 and out.is_file() and not result.cancelled
        assert seen and seen[-1] == 1.0 and seen == sorted(seen)
        assert project.events()[-1].action == "render" and project.events()[-1].actor == "ann"
    bottom = _bright_rows(_frame(out, 0.5))
    assert bottom and min(bottom) > H / 2 and max(bottom) < H * 0.85  # above a phone feed's bottom controls
    top = _bright_rows(_frame(out, 1.6))
    assert top and max(top) < H / 2
    assert _bright_rows(_frame(out, 2.5)) == []  # a line with no translation draws nothing
    streams = json.loads(subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-of", "json", str(out)],
                                        capture_output=True, check=True).stdout)["streams"]
    assert sorted(s["codec_type"] for s in streams) == ["audio", "video"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".preview.")]  # no partial file left


@pytest.mark.parametrize("style", ["box", "blur"])
def test_the_source_band_is_covered(tmp_path, flat_video, style):
    band = (0, 300, W, 60)
    with _project(tmp_path, flat_video, _cues()) as project:
        render_project(project, tmp_path / "covered.mp4", actor="ann", cover=band, cover_style=style)
    frame = _frame(tmp_path / "covered.mp4", 0.5)
    if style == "box":
        assert _dark_share(frame, band) > 0.95
    else:  # a blur of a flat picture stays flat: the band is there, unchanged
        assert _dark_share(frame, band) < 0.05
    assert "drawbox" in video_graph("s.ass", band, "box") and "boxblur" in video_graph("s.ass", band, "blur")


def test_a_render_is_refused_while_lines_need_a_decision_and_nothing_is_written(tmp_path, flat_video, capsys):
    project = _project(tmp_path, flat_video, _cues(State.MT_DRAFT))
    project.close()
    out = tmp_path / "preview.mp4"
    assert main(["render", str(project.path), str(out), "--reviewer", "ann"]) == 3
    assert "need a decision" in capsys.readouterr().err and not out.exists()
    assert main(["render", str(project.path), str(out), "--allow-unreviewed", "--reviewer", "ann"]) == 0
    assert out.is_file()


def test_bad_requests_get_one_clear_sentence(tmp_path, flat_video, capsys):
    project = _project(tmp_path, flat_video, _cues())
    project.close()
    out = tmp_path / "preview.mp4"
    assert main(["render", str(project.path), str(out), "--cover-source"]) == 2
    assert "no burned-in subtitle band is known" in capsys.readouterr().err
    assert main(["render", str(project.path), str(out), "--cover-region", "0,600,360,100"]) == 2
    assert "lies outside the 360×640 picture" in capsys.readouterr().err
    assert main(["render", str(project.path), str(tmp_path / "no-such-folder" / "x.mp4")]) == 2
    assert "cannot be written" in capsys.readouterr().err
    assert main(["render", str(project.path), str(tmp_path / "x.srt")]) == 2
    assert not out.exists() and not list(tmp_path.glob("*.mp4"))
    with pytest.raises(RenderError, match="is the video itself"):
        render_video(flat_video, _cues(), flat_video)


def test_a_stopped_render_leaves_nothing_behind(tmp_path, flat_video):
    out = tmp_path / "preview.mp4"
    out.write_bytes(b"an earlier render")
    result = render_video(flat_video, _cues(), out, should_stop=lambda: True)
    assert result.cancelled and out.read_bytes() == b"an earlier render"
    assert [p.name for p in tmp_path.iterdir()] == ["preview.mp4"]


def test_ctrl_c_during_a_render_stops_ffmpeg_at_once_and_leaves_nothing(tmp_path, flat_video, monkeypatch):
    started: list[subprocess.Popen] = []
    real_popen = subprocess.Popen

    def watched(*args, **kwargs):  # the real FFmpeg, only kept in view
        started.append(real_popen(*args, **kwargs))
        return started[-1]

    def interrupt(_fraction: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(subprocess, "Popen", watched)
    out = tmp_path / "preview.mp4"
    with pytest.raises(KeyboardInterrupt):
        render_video(flat_video, _cues(), out, progress=interrupt)
    assert started and started[-1].returncode == -9  # killed, not waited for until the end of the episode
    assert list(tmp_path.iterdir()) == []


def test_a_series_episode_renders_with_its_language(tmp_path, flat_video, capsys):
    from editor.core.series.store import NewEpisode, Series

    path = tmp_path / "drama.subseries"
    cue = Cue(1, 100, 2500, "你好", "", State.UNTRANSLATED)
    with Series.create(path, source_lang="zh-Hans", languages=["en", "es"],
                       episodes=[NewEpisode("EP01", 1, [cue], 25.0, video_path=str(flat_video))], actor="pm") as series:
        from editor.core import edits
        from editor.core.series.episode import EpisodeProject

        view = EpisodeProject.of(series, "EP01", "es")
        view.apply(edits.SetTarget(1, "Hola"), actor="ana")
        view.apply(edits.SetState(1, State.TRANSLATED), actor="ana")
    out = tmp_path / "es.mp4"
    assert main(["render", str(path), str(out), "--episode", "EP01"]) == 3  # en: nothing decided
    assert main(["render", str(path), str(out), "--episode", "EP01", "--lang", "es"]) == 0
    assert "rendered 1 lines" in capsys.readouterr().out and _bright_rows(_frame(out, 1.0))


def test_the_style_is_sized_in_the_videos_pixels():
    header = ass_header(1080, 1920, RenderStyle())
    assert "PlayResX: 1080" in header and "PlayResY: 1920" in header and ",65,&H00FFFFFF" in header
