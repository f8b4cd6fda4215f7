"""Reading burned-in lines from real videos (FFmpeg + libass), with the real PP-OCR models: text, frames, band."""

from __future__ import annotations

import pytest

from editor.core.ocr import OcrError, read_burned_in
from tests.ocr_videos import WATERMARK, Line, Look, drama_lines, make_burned_in_video, score

MAX_CER = 0.02


def _assert_read_well(read) -> None:
    found = score(read.video, read.result.cues)
    assert found.cer <= MAX_CER, (found.cer, [c.text for c in read.result.cues])
    assert found.exact == found.boundaries, found.far
    assert len(read.result.cues) == len(read.video.lines), [c.text for c in read.result.cues]


def test_white_outlined_lines_over_a_busy_vertical_video_are_read_with_exact_frames(white_vertical):
    _assert_read_well(white_vertical)
    cues = white_vertical.result.cues
    assert cues[2].text == "这份合同你必须签\n快叫救护车"  # two rows, top first
    assert all(0.5 < cue.confidence <= 1 for cue in cues)
    assert not any(cue.moving for cue in cues)


def test_the_band_is_found_where_vertical_subtitles_sit_and_the_watermark_is_left_out(white_vertical):
    x, y, w, h = white_vertical.result.band
    height = white_vertical.video.height
    assert 0.55 * height <= y and y + h <= 0.85 * height, white_vertical.result.band
    assert (x, w) == (0, white_vertical.video.width)
    assert not any(WATERMARK in cue.text for cue in white_vertical.result.cues)
    assert not any(":" in cue.text for cue in white_vertical.result.cues)  # testsrc2's own clock, top left


def test_yellow_serif_lines_over_a_moving_wide_video_are_read(yellow_wide):
    _assert_read_well(yellow_wide)
    _x, y, _w, _h = yellow_wide.result.band
    assert y >= 0.6 * yellow_wide.video.height  # 16:9: near the bottom


def test_lines_in_an_opaque_box_are_read(boxed_vertical):
    _assert_read_well(boxed_vertical)


def test_a_video_without_burned_in_text_gives_no_lines_and_says_so(ocr_folder):
    video = make_burned_in_video(ocr_folder / "no-text.mp4", [], seconds=5)  # testsrc2's clock and a watermark
    result = read_burned_in(video.path)
    assert result.cues == [] and result.band is None
    assert [note.code for note in result.notes] == ["no_text"]
    assert "no burned-in text was found in no-text.mp4" in result.notes[0].message


def test_text_sliding_across_the_picture_is_marked_moving_with_low_confidence(ocr_folder):
    lines = [Line(400, 2400, "把门关上"), Line(2600, 4600, "我们走着瞧")]
    video = make_burned_in_video(ocr_folder / "moving.mp4", lines, look=Look(moving=True), background="gradient")
    result = read_burned_in(video.path)
    assert result.cues, "the sliding lines were not read at all"
    assert all(cue.moving and cue.confidence <= 0.5 for cue in result.cues), result.cues
    assert "moving" in [note.code for note in result.notes]


def test_a_60_fps_video_has_its_boundaries_on_its_own_frames(ocr_folder):
    video = make_burned_in_video(ocr_folder / "sixty.mp4", drama_lines(4, seed=8), fps=60, width=640, height=360,
                                 background="gradient", look=Look(size=0.07))
    result = read_burned_in(video.path)
    found = score(video, result.cues)
    assert result.fps == 60
    assert found.exact == found.boundaries and found.cer <= MAX_CER, (found.far, result.cues)


@pytest.mark.slow
def test_a_4k_video_is_read(ocr_folder):
    lines = [Line(300, 1500, "这块玉佩是我母亲留下的"), Line(1500, 2700, "陆先生请您放手")]
    video = make_burned_in_video(ocr_folder / "uhd.mp4", lines, width=3840, height=2160, seconds=3,
                                 background="gradient", look=Look(size=0.06))
    result = read_burned_in(video.path)
    found = score(video, result.cues)
    assert found.exact == found.boundaries and found.cer <= MAX_CER, (found.far, result.cues)


def test_traditional_lines_are_read_as_they_are_written(ocr_folder):
    lines = [Line(400, 2000, "這是三年前你送我的戒指"), Line(2000, 3600, "明天早上八點公司見")]
    video = make_burned_in_video(ocr_folder / "hant.mp4", lines, width=640, height=360, background="gradient",
                                 look=Look(font="Noto Sans CJK TC", size=0.07))
    result = read_burned_in(video.path, lang="zh-Hant")
    assert [cue.text for cue in result.cues] == [line.text for line in lines]
    assert result.notes == []  # the recognition model knows traditional forms (decision 035): nothing to warn of


def test_a_region_outside_the_picture_is_refused_naming_the_file(white_vertical):
    with pytest.raises(OcrError) as raised:
        read_burned_in(white_vertical.video.path, region=(300, 600, 100, 100))
    assert raised.value.code == "region_outside"
    assert raised.value.message == "the region 300,600,100,100 is not inside the 360x640 picture of " \
                                   "white-vertical.mp4."


def test_a_region_given_by_hand_is_where_the_lines_are_read(white_vertical):
    result = read_burned_in(white_vertical.video.path, region=(0, 380, 360, 140))
    _x, y, _w, h = result.band
    assert y >= 380 and y + h <= 520
    found = score(white_vertical.video, result.cues)
    assert found.exact == found.boundaries, found.far


def test_a_region_without_text_gives_no_lines_and_says_so(white_vertical):
    result = read_burned_in(white_vertical.video.path, region=(0, 200, 360, 100))
    assert result.cues == []
    assert [note.code for note in result.notes] == ["no_text_in_region"]


@pytest.mark.slow
def test_progress_rises_to_the_end_and_a_stop_keeps_the_lines_read_before_it(white_vertical):
    seen: list[float] = []
    read_burned_in(white_vertical.video.path, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 10

    def stop_half_way() -> bool:
        return len(seen_stop) > 0 and seen_stop[-1] > 0.55

    seen_stop: list[float] = []
    result = read_burned_in(white_vertical.video.path, progress=seen_stop.append, should_stop=stop_half_way)
    assert result.cancelled and "cancelled" in [note.code for note in result.notes]
    assert 0 < len(result.cues) < len(white_vertical.video.lines)
    assert [cue.text for cue in result.cues] == [c.text for c in white_vertical.result.cues[:len(result.cues)]]
    assert result.frames_read < white_vertical.result.frames_read


def test_a_name_card_beside_a_character_at_the_lines_height_is_not_part_of_the_lines(ocr_folder):
    lines = [Line(400, 2600, "你凭什么管我"), Line(2600, 4800, "这一次我绝不会放过你")]
    video = make_burned_in_video(ocr_folder / "name-card.mp4", lines, width=640, height=360, background="gradient",
                                 look=Look(size=0.07), captions=[Line(300, 4000, "林总")])
    result = read_burned_in(video.path)
    assert [cue.text for cue in result.cues] == [line.text for line in lines]
    found = score(video, result.cues)
    assert found.exact == found.boundaries, found.far
