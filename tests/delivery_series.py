"""A small series to deliver with videos: tiny ffmpeg-made episodes (a flat grey picture with a tone), built into a
temporary folder for the delivery tests of the core, the command and the window."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from editor.core import edits
from editor.core.document import Cue
from editor.core.review import State
from editor.core.series.episode import EpisodeProject
from editor.core.series.store import NewEpisode, Series

WIDTH, HEIGHT = 240, 320  # vertical, as short dramas are
BAND = (0, 196, 240, 44)  # where the Chinese would be burned in (X,Y,W,H)
GREY = 128
LINES = ("林总来了。", "快走！")
ENGLISH = ("Boss Lin is here.", "Run!")


def ffmpeg() -> str:
    found = shutil.which("ffmpeg")
    if found is None:
        pytest.fail("the delivery tests need ffmpeg (apt-get install ffmpeg)")
    return found


def make_grey_video(path: Path, *, seconds: float = 2.0, width: int = WIDTH, height: int = HEIGHT) -> Path:
    """An H.264 + AAC mp4, one flat grey, 25 fps: whatever a render draws on it stands out."""
    subprocess.run(
        [ffmpeg(), "-y", "-loglevel", "error", "-f", "lavfi", "-i",
         f"color=c=0x{GREY:02x}{GREY:02x}{GREY:02x}:size={width}x{height}:rate=25:duration={seconds}",
         "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}", "-c:v", "libx264", "-preset", "ultrafast",
         "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path)],
        check=True, timeout=120)
    return path


def _episode(name: str, number: int, video: Path | None, band: str = "") -> NewEpisode:
    cues = [Cue(i, 200 + (i - 1) * 900, 200 + (i - 1) * 900 + 800, text) for i, text in enumerate(LINES, start=1)]
    return NewEpisode(name, number, cues, 25.0, video_path=str(video) if video else "",
                      source_path=f"/subs/{name}.srt", source_band=band)


def make_delivery_series(folder: Path, *, seconds: float = 2.0) -> Path:
    """drama.subseries in `folder`, target language en:
    EP01 video, band known, every line decided;  EP02 video, lines undecided (refused);
    EP03 no video, every line decided;           EP04 video, no band known, every line decided."""
    videos = folder / "vendor"
    videos.mkdir(parents=True, exist_ok=True)
    ep1 = make_grey_video(videos / "EP01.mp4", seconds=seconds)
    ep2 = shutil.copy(ep1, videos / "EP02.mp4")
    ep4 = shutil.copy(ep1, videos / "EP04.mp4")
    band = ",".join(map(str, BAND))
    path = folder / "drama.subseries"
    series = Series.create(path, source_lang="zh-Hans", languages=["en"], actor="pm", episodes=[
        _episode("EP01", 1, ep1, band), _episode("EP02", 2, Path(ep2), band), _episode("EP03", 3, None),
        _episode("EP04", 4, Path(ep4))])
    with series:
        for name in ("EP01", "EP03", "EP04"):
            translate(series, name)
        EpisodeProject.of(series, "EP02", "en").apply(edits.SetTarget(1, "Boss Lin is here."), actor="ann")
    return path


def translate(series: Series, episode: str, *, lang: str = "en") -> None:
    """Every line of `episode` translated and confirmed by a person."""
    view = EpisodeProject.of(series, episode, lang)
    for cue, text in zip(view.doc, ENGLISH, strict=True):
        view.apply(edits.SetTarget(cue.id, text), actor="ann")
        view.apply(edits.SetState(cue.id, State.TRANSLATED), actor="ann")


def probe(path: Path) -> dict:
    """ffprobe's streams and format of `path`."""
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        pytest.fail("the delivery tests need ffprobe (apt-get install ffmpeg)")
    out = subprocess.run([ffprobe, "-v", "error", "-of", "json", "-show_streams", "-show_format", str(path)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, f"{path} is not a video ffprobe reads: {out.stderr}"
    return json.loads(out.stdout)


def frame_at(path: Path, seconds: float, width: int = WIDTH, height: int = HEIGHT) -> np.ndarray:
    """The RGB picture of `path` at `seconds`, decoded by ffmpeg (height × width × 3)."""
    out = subprocess.run([ffmpeg(), "-v", "error", "-ss", f"{seconds}", "-i", str(path), "-frames:v", "1",
                          "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], capture_output=True, timeout=60, check=True)
    return np.frombuffer(out.stdout, dtype=np.uint8).reshape(height, width, 3)


def leftovers(folder: Path) -> list[str]:
    """Half-made files anywhere under `folder` (the render's and the report's hidden temporary files)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob(".*") if p.is_file())
