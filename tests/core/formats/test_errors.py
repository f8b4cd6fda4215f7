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


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("ep1.sub", b"{1}{25}Hello|World\n{26}{50}Again\n", "MicroDVD"),
        ("ep1.srt", b"{0}{48}renamed .sub\n", "MicroDVD"),
        ("ep1.sbv", b"0:00:01.000,0:00:02.000\nHello\n\n0:00:03.000,0:00:04.000\nWorld\n", "SBV"),
        ("ep1.smi", b"<SAMI>\n<BODY>\n<SYNC Start=1000><P Class=ENCC>Hello\n</BODY>\n</SAMI>\n", "SAMI"),
        ("ep1.srt", "\ufeff<SAMI><BODY><SYNC Start=1000><P>你好</SAMI>".encode(), "SAMI"),
        ("ep1.xml", b'<?xml version="1.0"?>\n<tt xmlns="http://www.w3.org/ns/ttml"><body/></tt>\n', "TTML"),
        ("ep1.lrc", b"[00:01.00]la la\n[00:02.50]la\n", "LRC"),
        ("ep1.idx", b"# VobSub index file, v7 (do not modify this line!)\nsize: 720x480\n", "VobSub"),
        ("ep1.json", b'{"segments": [{"start": 0.0, "end": 1.0, "text": "hi"}]}\n', "JSON"),
    ],
)
def test_a_file_in_a_format_we_do_not_read_is_named(name: str, data: bytes, kind: str) -> None:
    with pytest.raises(SubtitleError) as caught:
        parse_subtitles(data, name=name)
    assert caught.value.code == "foreign_format"
    message = str(caught.value)
    assert message.startswith(f"{name} is ")
    assert kind in message
    assert "SRT, WebVTT, ASS and SSA" in message


def test_an_srt_with_cues_is_never_called_foreign() -> None:
    # A first cue whose text looks like MicroDVD does not make the file MicroDVD.
    loaded = parse_subtitles(b"1\n00:00:01,000 --> 00:00:02,000\n{1}{2} <sami> [00:01.00]\n", name="ep1.srt")
    assert [c.text for c in loaded.cues] == ["{1}{2} <sami> [00:01.00]"]
