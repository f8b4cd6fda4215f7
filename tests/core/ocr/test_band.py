"""Finding the subtitle band from the text boxes seen in sample frames (9:16, 1080x1920)."""

from __future__ import annotations

import itertools

from editor.core.ocr.band import Seen, find_band
from editor.core.ocr.engine import Box

SIZE = (1080, 1920)
AREA = (0, 0, 1080, 1920)
LINES = ["把门关上", "别碰她", "这份合同你必须签", "林总，董事会的人都到了", "我们走着瞧", "对不起", "快叫救护车",
         "我早就知道是你", "孩子是谁的", "妈，我回来了"]


def _centred(sample: int, text: str, top: float, height: float = 60) -> Seen:
    width = len(text) * height
    return Seen(sample, Box(540 - width / 2, top, 540 + width / 2, top + height), text, 0.98)


def _watermark(sample: int) -> Seen:
    return Seen(sample, Box(40, 60, 280, 110), "星河短剧", 0.97)


def test_the_centred_changing_row_is_the_band_and_the_watermark_is_not():
    seen = [s for k, text in enumerate(LINES) for s in (_centred(k, text, 1300), _watermark(k))]
    band = find_band(seen, len(LINES), AREA, SIZE)
    assert band is not None
    x, y, w, h = band.rect
    assert (x, w) == (0, 1080)
    assert y <= 1300 - 60 and 1360 <= y + h <= 1400  # room for a second row above the one seen
    assert band.rows == 1 and 55 <= band.line_height <= 65
    assert band.ignore == ()  # the watermark is far from the band


def test_a_static_watermark_in_the_band_is_ignored_there():
    seen = [s for k, text in enumerate(LINES)
            for s in (_centred(k, text, 1300), Seen(k, Box(900, 1290, 1060, 1350), "星河短剧", 0.97))]
    band = find_band(seen, len(LINES), AREA, SIZE)
    assert band is not None and band.ignore == (Box(900, 1290, 1060, 1350),)


def test_text_off_centre_that_changes_every_frame_is_no_band():
    clock = [Seen(k, Box(10, 10, 300, 50), f"00:00:0{k}.000", 0.99) for k in range(8)]
    assert find_band(clock + [_watermark(k) for k in range(8)], 8, AREA, SIZE) is None


def test_two_rows_of_one_line_make_one_band():
    seen = []
    for k, (top, bottom) in enumerate(itertools.pairwise(LINES)):
        seen += [_centred(k, top, 1230), _centred(k, bottom, 1300)] if k % 2 else [_centred(k, bottom, 1300)]
    band = find_band(seen, len(LINES) - 1, AREA, SIZE)
    assert band is not None and band.rows == 2
    assert band.rect[1] <= 1230 and band.rect[1] + band.rect[3] >= 1360


def test_one_line_shown_the_whole_time_is_still_a_band():
    seen = [_centred(k, "这块玉佩是我母亲留下的", 1300) for k in range(8)]
    band = find_band(seen, 8, AREA, SIZE)
    assert band is not None and band.rect[1] < 1300 < band.rect[1] + band.rect[3]


def test_chinese_sliding_across_at_one_height_is_a_band():
    seen = [Seen(k, Box(100 + 90 * k, 1300, 340 + 90 * k, 1360), text, 0.95)
            for k, text in enumerate(["把门关上", "关上", "我们走", "我们走着瞧"])]
    band = find_band(seen, 4, AREA, SIZE)
    assert band is not None and band.rect[1] < 1300 < band.rect[1] + band.rect[3]
