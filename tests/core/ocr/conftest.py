"""Videos with burned-in Chinese lines (made once per run with FFmpeg and libass) and their readings."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

import pytest

from editor.core.ocr import OcrResult, read_burned_in
from tests.ocr_videos import BurnedInVideo, Line, Look, drama_lines, make_burned_in_video

# Two back-to-back lines, a two-row line, a gap, a long line: the shapes a drama's subtitles take.
LINES = [Line(400, 1350, "把门关上"), Line(1350, 3630, "别碰她"), Line(3630, 5500, "这份合同你必须签\n快叫救护车"),
         Line(6040, 7010, "林总，董事会的人都到了"), Line(7570, 9130, "我们走着瞧")]


@dataclass
class Read:
    video: BurnedInVideo
    result: OcrResult


@pytest.fixture(scope="session")
def ocr_folder(tmp_path_factory: pytest.TempPathFactory):
    if shutil.which("ffmpeg") is None:
        pytest.fail("the OCR tests need ffmpeg with libass (apt-get install ffmpeg)")
    return tmp_path_factory.mktemp("ocr")


def _read(folder, name: str, lines, **making) -> Read:
    lang = making.pop("lang", "zh-Hans")
    video = make_burned_in_video(folder / f"{name}.mp4", lines, **making)
    return Read(video, read_burned_in(video.path, lang=lang))


@pytest.fixture(scope="session")
def white_vertical(ocr_folder) -> Read:
    """9:16, white with a black outline over testsrc2 (moving, with its own clock text), a static watermark."""
    return _read(ocr_folder, "white-vertical", LINES)


@pytest.fixture(scope="session")
def yellow_wide(ocr_folder) -> Read:
    """16:9, yellow serif over the moving mandelbrot, a static watermark."""
    return _read(ocr_folder, "yellow-wide", drama_lines(5, seed=3, two_rows_every=3), width=640, height=360,
                 background="mandelbrot", look=Look(font="Noto Serif CJK SC", colour="yellow", size=0.07))


@pytest.fixture(scope="session")
def boxed_vertical(ocr_folder) -> Read:
    """9:16, white in an opaque box (BorderStyle=3) over the game of life."""
    return _read(ocr_folder, "boxed-vertical", drama_lines(5, seed=4), background="life",
                 look=Look(box=True, size=0.042))
