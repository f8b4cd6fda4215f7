"""A bad or cut-off byte no longer refuses a whole episode: it becomes U+FFFD and each place is reported on its
own line; a file that is mostly undecodable is still refused."""

from __future__ import annotations

import pytest

from editor.core.formats import SubtitleError, decode_subtitle_bytes, parse_subtitles, read_subtitles

from .conftest import DATA
from .conftest import SAMPLES as make_samples

SIMPLIFIED = make_samples.srt(make_samples.SIMPLIFIED)  # 8 cues, the last text on line 31
TRADITIONAL = make_samples.srt(make_samples.TRADITIONAL)
LAST_LINE = SIMPLIFIED.count("\n")


def damaged(encoding: str, text: str = SIMPLIFIED) -> bytes:
    """The file with one byte of its last character replaced by 0xFF."""
    data = text.encode(encoding)
    at = data.rindex("。".encode(encoding))
    return data[:at] + b"\xff" + data[at + 1:]


@pytest.mark.parametrize(("encoding", "text", "codec"), [
    ("gbk", SIMPLIFIED, "gb18030"), ("gb18030", SIMPLIFIED, "gb18030"), ("big5", TRADITIONAL, "big5"),
    ("utf-8", SIMPLIFIED, "utf-8"),
])
def test_one_bad_byte_on_the_last_line_is_replaced_and_reported_there(encoding: str, text: str, codec: str) -> None:
    loaded = parse_subtitles(damaged(encoding, text), name="ep8.srt")
    assert loaded.encoding == codec
    assert [cue.text for cue in loaded.cues[:-1]] == [cue.text for cue in parse_subtitles(text.encode()).cues[:-1]]
    assert "\ufffd" in loaded.cues[-1].text
    assert {p.line for p in loaded.problems} == {LAST_LINE}
    assert {p.code for p in loaded.problems} == {"invalid_bytes"}
    assert "0xFF" in loaded.problems[0].message and "replaced" in loaded.problems[0].message


@pytest.mark.parametrize(("encoding", "text"), [("gbk", SIMPLIFIED), ("big5", TRADITIONAL), ("utf-8", SIMPLIFIED),
                                                ("utf-16-le", SIMPLIFIED)])
def test_a_file_cut_in_the_middle_of_its_last_character(encoding: str, text: str) -> None:
    data = text.rstrip("\n").encode(encoding)[:-1]
    loaded = parse_subtitles(data, name="cut.srt")
    assert loaded.cues[-1].text == text.rstrip("\n").splitlines()[-1][:-1] + "\ufffd"
    [problem] = loaded.problems
    assert (problem.line, problem.code) == (LAST_LINE, "invalid_bytes")
    assert problem.message.startswith("the file ends in the middle of a character")


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\r\r\n"])
def test_the_line_of_a_bad_byte_counts_line_endings_as_the_reader_does(ending: str) -> None:
    loaded = parse_subtitles(damaged("gb18030", SIMPLIFIED.replace("\n", ending)), name="windows.srt")
    [problem] = loaded.problems
    assert problem.line == LAST_LINE == loaded.cues[-1].line + 2


def test_adjacent_bad_bytes_are_one_place_and_many_places_are_all_counted() -> None:
    lines = [f"第{i}句台词，没有问题。" for i in range(200)]
    data = bytearray(make_samples.srt(lines).encode("gb18030"))
    for n in range(30):  # 30 places of two bad bytes each, on the text lines of cues 0, 5, 10, ...
        at = data.index(f"第{n * 5}句".encode("gb18030"))
        data[at:at + 2] = b"\xff\xff"
    loaded = parse_subtitles(bytes(data), name="many.srt")
    bad = [p for p in loaded.problems if p.code == "invalid_bytes"]
    assert [p.line for p in bad[:20]] == [3 + 4 * 5 * n for n in range(20)]
    assert bad[0].message == "bytes 0xFF 0xFF are not valid GB18030 and were replaced with \ufffd"
    assert len(bad) == 21
    assert bad[20].message.startswith("10 more places that are not valid GB18030, up to line 583,")
    assert sum(cue.text.count("\ufffd") for cue in loaded.cues) == 60  # one for each byte


def test_a_file_mostly_undecodable_in_the_named_encoding_is_refused() -> None:
    with pytest.raises(SubtitleError) as caught:
        parse_subtitles(SIMPLIFIED.encode("gbk"), name="ep.srt", encoding="utf-8")
    assert caught.value.code == "undecodable"
    assert str(caught.value).startswith("ep.srt cannot be decoded as UTF-8:")
    assert "the first on line 3" in str(caught.value)


def test_random_high_bytes_are_still_refused() -> None:
    with pytest.raises(SubtitleError) as caught:
        read_subtitles(DATA / "undecodable.srt")
    assert caught.value.code == "undecodable"


def test_decode_subtitle_bytes_never_replaces_silently() -> None:
    with pytest.raises(SubtitleError) as caught:
        decode_subtitle_bytes(damaged("gbk"), name="glossary.csv")
    assert caught.value.code == "undecodable"
    assert str(caught.value) == (f"glossary.csv cannot be decoded as GB18030: line {LAST_LINE} has bytes that are "
                                 "not valid GB18030.")


def test_a_real_replacement_character_in_utf8_is_not_a_problem() -> None:
    loaded = parse_subtitles("1\n00:00:01,000 --> 00:00:02,000\n坏字\ufffd\n".encode())
    assert (loaded.cues[0].text, loaded.problems) == ("坏字\ufffd", [])
