"""Videos that cannot be read give one clear sentence naming the file; a damaged one keeps what could be read."""

from __future__ import annotations

from dataclasses import replace

import pytest

from editor.core.ocr import OcrError, read_burned_in
from tests.media_files import make_garbage_file
from tests.ocr_videos import drama_lines, make_burned_in_video, make_undecodable, score, truncated


@pytest.fixture(scope="module")
def plain(ocr_folder):
    return make_burned_in_video(ocr_folder / "plain.mp4", drama_lines(5, seed=2), background="gradient")


def _refused(path) -> OcrError:
    with pytest.raises(OcrError) as raised:
        read_burned_in(path)
    return raised.value


def test_random_bytes_under_a_video_name_are_refused(tmp_path):
    error = _refused(make_garbage_file(tmp_path / "ep01.mp4"))
    # Random bytes sometimes look to FFmpeg like a stream of audio frames: then the file "holds no picture".
    assert error.code in ("unreadable", "no_picture") and error.message.startswith("ep01.mp4 ")


def test_a_missing_file_and_a_folder_are_refused(tmp_path):
    assert _refused(tmp_path / "gone.mp4").message == "gone.mp4 does not exist."
    assert _refused(tmp_path).code == "not_a_file"


def test_a_codec_no_decoder_knows_is_refused_with_what_to_do(plain, tmp_path):
    error = _refused(make_undecodable(tmp_path / "odd.mp4", plain.path))
    assert error.code == "undecodable"
    assert error.message.startswith("the picture of odd.mp4 cannot be decoded (")
    assert error.message.endswith("convert it to H.264 and try again.")


def test_a_video_cut_short_keeps_the_lines_before_the_cut_and_says_where_it_stops(plain, tmp_path):
    result = read_burned_in(truncated(tmp_path / "cut.mp4", plain.path, keep=0.5))
    assert [note.code for note in result.notes] == ["cut_short"]
    assert "the picture of cut.mp4 stops at 00:00:0" in result.notes[0].message
    read = len(result.cues)
    assert 0 < read < len(plain.lines)
    last_frame_ms = result.frames_read * 1000 / result.fps
    whole = [line for line in plain.lines if line.end_ms <= last_frame_ms]
    assert [cue.text for cue in result.cues[:len(whole)]] == [line.text for line in whole]
    found = score(replace(plain, lines=whole), result.cues[:len(whole)])
    assert found.exact == found.boundaries, found.far


def test_a_video_cut_short_with_its_index_at_the_end_is_refused(plain, tmp_path):
    error = _refused(truncated(tmp_path / "cut-end.mp4", plain.path, keep=0.6, index_first=False))
    assert error.code == "unreadable" and "cut-end.mp4" in error.message
