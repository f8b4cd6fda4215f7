"""Files that cannot be loaded raise SubtitleError with a clear message and a stable code."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.formats import SubtitleError, parse_subtitles, read_subtitles

from .conftest import DATA


@pytest.mark.parametrize(
    ("name", "code", "words"),
    [
        ("empty.srt", "empty", "is empty"),
        ("whitespace.srt", "empty", "is empty"),
        ("garbage_png.srt", "binary", "binary file"),
        ("garbage_nul.srt", "binary", "binary file"),
        ("undecodable.srt", "undecodable", "cannot be decoded"),
        ("no_cues.srt", "no_cues", "no subtitles could be read"),
    ],
)
def test_unreadable_sample_files(name: str, code: str, words: str) -> None:
    with pytest.raises(SubtitleError) as caught:
        read_subtitles(DATA / name)
    assert caught.value.code == code
    assert words in str(caught.value)
    assert str(DATA / name) in str(caught.value)


def test_only_broken_cues_is_no_cues_and_names_the_first_problem() -> None:
    with pytest.raises(SubtitleError) as caught:
        parse_subtitles(b"1\n00:00:xx,000 --> 00:00:02,000\ntext\n", name="ep1.srt")
    assert caught.value.code == "no_cues"
    assert "line 2" in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SubtitleError) as caught:
        read_subtitles(tmp_path / "nope.srt")
    assert caught.value.code == "read_failed"
    assert str(caught.value) == f"cannot read {tmp_path / 'nope.srt'}: no such file or directory."


def test_directory_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(SubtitleError) as caught:
        read_subtitles(tmp_path)
    assert caught.value.code == "read_failed"


def test_unknown_format_without_extension_or_signature() -> None:
    with pytest.raises(SubtitleError) as caught:
        parse_subtitles(b"hello\nworld\n", name="notes.txt")
    assert caught.value.code == "unknown_format"


def test_unknown_format_argument() -> None:
    with pytest.raises(SubtitleError) as caught:
        parse_subtitles(b"1\n00:00:01,000 --> 00:00:02,000\na\n", format="sub")
    assert caught.value.code == "unknown_format"


def test_ass_without_events_section() -> None:
    with pytest.raises(SubtitleError) as caught:
        parse_subtitles(b"[Script Info]\nTitle: x\n", name="a.ass")
    assert caught.value.code == "no_cues"
    assert "[Events]" in str(caught.value)
