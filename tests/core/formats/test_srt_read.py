"""The tolerant SRT reader on real sample files."""

from __future__ import annotations

from editor.core.formats import ParsedCue, Problem, parse_subtitles, read_subtitles

from .conftest import DATA


def times_and_texts(name: str) -> list[tuple[int, int, str]]:
    return [(cue.start_ms, cue.end_ms, cue.text) for cue in read_subtitles(DATA / name).cues]


def test_missing_index_numbers() -> None:
    loaded = read_subtitles(DATA / "missing_index.srt")
    assert [(c.start_ms, c.end_ms, c.text, c.line) for c in loaded.cues] == [
        (1000, 2000, "first", 1),
        (3000, 4000, "second", 4),
        (5000, 6000, "third", 7),
    ]
    assert loaded.problems == []


def test_dot_separator_and_short_fractions() -> None:
    assert times_and_texts("dot_times.srt") == [
        (1000, 2500, "half a second"),  # ".5" is tenths
        (3250, 4125, "two digits"),  # ".25" is hundredths
        (5000, 6000, "no spaces, one hour digit"),
    ]


def test_bad_timestamp_is_reported_with_its_line_and_the_rest_loads() -> None:
    loaded = read_subtitles(DATA / "bad_timestamp.srt")
    assert [(c.start_ms, c.end_ms, c.text) for c in loaded.cues] == [
        (1000, 2000, "fine"),
        (5000, 6000, "fine again"),
        (8000, 8000, "ends before it starts"),
    ]
    bad = [p for p in loaded.problems if p.code == "bad_timestamp"]
    assert bad == [Problem(6, "bad_timestamp",
                           "'00:00:0x,000 --> 00:00:04,000' is not a valid time; cue skipped")]


def test_end_before_start_keeps_the_cue_with_zero_length() -> None:
    loaded = read_subtitles(DATA / "bad_timestamp.srt")
    cue = loaded.cues[-1]
    assert (cue.start_ms, cue.end_ms, cue.line) == (8000, 8000, 13)
    assert [p.line for p in loaded.problems if p.code == "end_before_start"] == [13]


def test_mixed_line_endings_blank_whitespace_lines_and_no_final_newline() -> None:
    loaded = read_subtitles(DATA / "mixed_endings.srt")
    assert [(c.text, c.line) for c in loaded.cues] == [
        ("crlf line", 1), ("lf line", 5), ("cr line", 11), ("no final newline", 15),
    ]
    assert loaded.problems == []


def test_cues_without_blank_lines_between_them() -> None:
    loaded = read_subtitles(DATA / "no_blank_lines.srt")
    assert [(c.start_ms, c.text, c.line) for c in loaded.cues] == [
        (1000, "first", 1), (3000, "second", 4), (5000, "third", 7),
    ]


def test_unsorted_and_overlapping_cues_stay_in_file_order_and_are_reported() -> None:
    loaded = read_subtitles(DATA / "unsorted_overlap.srt")
    assert [c.start_ms for c in loaded.cues] == [5000, 1000, 1500, 3000]
    assert [(p.line, p.code) for p in loaded.problems] == [(5, "unsorted"), (9, "overlap")]


def test_tags_three_lines_position_number_line_and_empty_cue() -> None:
    loaded = read_subtitles(DATA / "tags_multiline.srt")
    assert loaded.cues[0] == ParsedCue(
        1000, 3000, '{\\an8}<i>第一行</i>\n<font color="#ffff00">第二行</font>\n<b>第三行</b>', 1,
        {"position": "X1:100 X2:500 Y1:10 Y2:50"},
    )
    assert loaded.cues[1].text == "He counted to\n42\nand stopped."
    assert (loaded.cues[2].text, loaded.cues[2].line) == ("", 13)
    assert loaded.cues[3].text == "last"
    assert loaded.problems == []


def test_number_line_before_a_timing_line_starts_a_new_cue_even_without_blank_line() -> None:
    data = (b"1\n00:00:01,000 --> 00:00:02,000\nsecond line is a number\n7\n"
            b"2\n00:00:03,000 --> 00:00:04,000\nb\n")
    cues = parse_subtitles(data, format="srt").cues
    assert [(c.text, c.line) for c in cues] == [("second line is a number\n7", 1), ("b", 5)]


def test_text_after_a_blank_line_is_joined_and_reported() -> None:
    data = b"1\n00:00:01,000 --> 00:00:02,000\nfirst\n\nlost line\n\n2\n00:00:03,000 --> 00:00:04,000\nb\n"
    loaded = parse_subtitles(data, format="srt")
    assert [c.text for c in loaded.cues] == ["first\nlost line", "b"]
    assert [(p.line, p.code) for p in loaded.problems] == [(5, "stray_text")]


def test_text_before_the_first_cue_is_reported_and_ignored() -> None:
    loaded = parse_subtitles(b"junk\n\n1\n00:00:01,000 --> 00:00:02,000\na\n", format="srt")
    assert [c.text for c in loaded.cues] == ["a"]
    assert [(p.line, p.code) for p in loaded.problems] == [(1, "stray_text")]


def test_leading_and_trailing_spaces_in_text_are_kept() -> None:
    loaded = parse_subtitles(b"1\n00:00:01,000 --> 00:00:02,000\n  indented  \n", format="srt")
    assert loaded.cues[0].text == "  indented  "


def test_times_without_hours_and_long_hours() -> None:
    data = b"1\n01:02.5 --> 01:03.000\na\n\n2\n100:00:00,000 --> 100:00:01,000\nb\n"
    assert [(c.start_ms, c.end_ms) for c in parse_subtitles(data, format="srt").cues] == [
        (62500, 63000), (360_000_000, 360_001_000),
    ]


def test_sample_file_path_and_format_are_recorded() -> None:
    loaded = read_subtitles(DATA / "missing_index.srt")
    assert loaded.path == str(DATA / "missing_index.srt")
    assert (loaded.format, loaded.encoding, loaded.header) == ("srt", "utf-8", "")


def test_negative_times_are_set_to_zero_and_reported() -> None:
    # What shifting a file earlier than its first cue leaves; the cue and its text are kept.
    data = (b"1\n-00:00:01,500 --> 00:00:02,000\nkept\n\n2\n-00:00:04,000 --> -00:00:03,000\nboth\n\n"
            b"3\n00:00:05,000 --> 00:00:06,000\nnormal\n")
    loaded = parse_subtitles(data, format="srt")
    assert [(c.start_ms, c.end_ms, c.text, c.line) for c in loaded.cues] == [
        (0, 2000, "kept", 1), (0, 0, "both", 5), (5000, 6000, "normal", 9),
    ]
    assert [(p.line, p.code) for p in loaded.problems] == [(2, "negative_time"), (6, "negative_time"),
                                                           (5, "overlap")]


def test_a_text_line_with_an_arrow_but_no_clock_is_text() -> None:
    data = b"1\n00:00:01,000 --> 00:00:02,000\n3 --> 4 goals\n\n2\n00:00:03,000 --> 00:00:04,000\n5 -->\n"
    loaded = parse_subtitles(data, format="srt")
    assert [c.text for c in loaded.cues] == ["3 --> 4 goals", "5 -->"]
    assert loaded.problems == []


def test_files_joined_with_their_byte_order_marks_read_as_one() -> None:
    part = "\ufeff1\r\n00:00:0{0},000 --> 00:00:0{1},000\r\n第{0}句\r\n\r\n"
    loaded = parse_subtitles((part.format(1, 2) + part.format(3, 4)).encode("utf-8"), name="joined.srt")
    assert [(c.start_ms, c.text, c.line) for c in loaded.cues] == [(1000, "第1句", 1), (3000, "第3句", 5)]
    assert loaded.problems == []


def test_line_endings_converted_twice_are_single_endings() -> None:
    data = ("1\r\r\n00:00:01,000 --> 00:00:02,000\r\r\n第一行\r\r\n第二行\r\r\n\r\r\n"
            "2\r\r\n00:00:03,000 --> 00:00:04,000\r\r\nB\r\r\n").encode()
    loaded = parse_subtitles(data, name="ftp.srt")
    assert [(c.text, c.line) for c in loaded.cues] == [("第一行\n第二行", 1), ("B", 6)]
    assert loaded.problems == []


def test_joined_files_sample() -> None:
    loaded = read_subtitles(DATA / "joined_files.srt")
    assert [(c.start_ms, c.end_ms, c.text, c.line) for c in loaded.cues] == [
        (1000, 2000, "第一集", 1), (0, 3000, "第二集\n3 --> 4", 5)]
    assert [(p.line, p.code) for p in loaded.problems] == [(6, "negative_time"), (5, "unsorted")]
