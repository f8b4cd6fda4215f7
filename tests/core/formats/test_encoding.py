"""Encodings of real sample files and the decoding rules of decode_subtitle_bytes."""

from __future__ import annotations

import pytest

from editor.core.formats import SubtitleError, decode_subtitle_bytes, read_subtitles

from .conftest import DATA
from .conftest import SAMPLES as make_samples

THREE_SIMPLIFIED = make_samples.SIMPLIFIED[:3]


@pytest.mark.parametrize(
    ("name", "encoding", "texts"),
    [
        ("gbk_simplified.srt", "gb18030", make_samples.SIMPLIFIED),
        ("gbk_short.srt", "gb18030", ["你好", "谢谢你"]),
        ("big5_traditional.srt", "big5", make_samples.TRADITIONAL),
        ("big5_short.srt", "big5", ["你好嗎", "謝謝你"]),
        ("euckr_korean.srt", "cp949", make_samples.KOREAN),
        ("sjis_japanese.srt", "cp932", make_samples.JAPANESE),
        ("cp1252_french.srt", "cp1252", make_samples.FRENCH),
        ("utf8_bom.srt", "utf-8-sig", THREE_SIMPLIFIED),
        ("utf16le_bom.srt", "utf-16", THREE_SIMPLIFIED),
        ("utf16be_bom.srt", "utf-16", THREE_SIMPLIFIED),
        ("utf16le_nobom.srt", "utf-16-le", THREE_SIMPLIFIED),
        ("utf32le_bom.srt", "utf-32", THREE_SIMPLIFIED),
        ("utf32be_bom.srt", "utf-32", THREE_SIMPLIFIED),
    ],
)
def test_sample_files_decode_to_the_exact_text(name: str, encoding: str, texts: list[str]) -> None:
    loaded = read_subtitles(DATA / name)
    assert loaded.encoding == encoding
    assert [cue.text for cue in loaded.cues] == texts
    assert loaded.problems == []


def test_gb18030_four_byte_character_survives() -> None:
    loaded = read_subtitles(DATA / "gb18030_simplified.srt")
    assert loaded.encoding == "gb18030"
    assert loaded.cues[-1].text == "𠮷野家的老板说，明天再来吧。"


def test_big5_and_gbk_bytes_are_not_confused_with_each_other() -> None:
    simplified = (DATA / "gbk_simplified.srt").read_bytes()
    traditional = (DATA / "big5_traditional.srt").read_bytes()
    assert decode_subtitle_bytes(simplified) == (simplified.decode("gbk"), "gb18030")
    assert decode_subtitle_bytes(traditional) == (traditional.decode("big5"), "big5")


def test_bom_is_removed_from_the_text() -> None:
    text, encoding = decode_subtitle_bytes((DATA / "utf8_bom.srt").read_bytes())
    assert encoding == "utf-8-sig"
    assert text.startswith("1\n")


def test_utf32_le_bom_is_checked_before_utf16_le() -> None:
    data = "1\n字幕".encode("utf-32")  # Python writes the LE BOM FF FE 00 00 on little-endian machines
    assert decode_subtitle_bytes(b"\xff\xfe\x00\x00" + "1\n字幕".encode("utf-32-le")) == ("1\n字幕", "utf-32")
    assert decode_subtitle_bytes(data)[0] == "1\n字幕"


def test_plain_utf8_is_reported_as_utf8() -> None:
    assert decode_subtitle_bytes("你好\n".encode()) == ("你好\n", "utf-8")


def test_bomless_utf16_be_is_recognised() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\n你好\n"
    assert decode_subtitle_bytes(text.encode("utf-16-be")) == (text, "utf-16-be")


def test_undecodable_bytes_name_the_line_and_offset_of_the_first_bad_utf8_byte() -> None:
    with pytest.raises(SubtitleError) as caught:
        read_subtitles(DATA / "undecodable.srt")
    assert caught.value.code == "undecodable"
    assert "line 3 (byte offset 32)" in str(caught.value)


@pytest.mark.parametrize("name", ["garbage_png.srt", "garbage_nul.srt"])
def test_binary_files_are_refused(name: str) -> None:
    with pytest.raises(SubtitleError) as caught:
        read_subtitles(DATA / name)
    assert caught.value.code == "binary"
    assert "binary" in str(caught.value)


def test_zip_bytes_are_refused() -> None:
    with pytest.raises(SubtitleError) as caught:
        decode_subtitle_bytes(b"PK\x03\x04" + bytes(range(256)))
    assert caught.value.code == "binary"


def test_samples_are_up_to_date() -> None:
    """The committed files are exactly what make_samples.py generates."""
    for name, data in make_samples.FILES.items():
        assert (DATA / name).read_bytes() == data, name
    assert (DATA / "garbage_png.srt").read_bytes() == make_samples.garbage()
    assert (DATA / "undecodable.srt").read_bytes() == make_samples.undecodable()
