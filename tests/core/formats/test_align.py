"""Alignment of translated cues to source cues by time overlap."""

from __future__ import annotations

from pathlib import Path

from editor.core.formats import ParsedCue, align_by_time, read_subtitles
from tests.conftest import BIG_CUES

from .conftest import DATA


def cue(start: int, end: int, text: str, line: int = 1) -> ParsedCue:
    return ParsedCue(start, end, text, line)


def test_each_target_goes_to_the_source_it_overlaps_most() -> None:
    source = [(10, 0, 1000), (11, 1000, 2000), (12, 2000, 3000)]
    target = [cue(100, 900, "a"), cue(1200, 2900, "b"), cue(2950, 3500, "c")]
    result = align_by_time(source, target)
    # "b" overlaps 11 by 800 ms and 12 by 900 ms; "c" overlaps only 12.
    assert result.matches == {10: "a", 12: "b\nc"}
    assert result.conflicts == [(12, target[2])]
    assert result.unaligned == []


def test_ties_go_to_the_earliest_source_cue() -> None:
    result = align_by_time([(2, 1000, 2000), (1, 0, 1000)], [cue(500, 1500, "tie")])
    assert result.matches == {1: "tie"}


def test_merged_targets_are_joined_in_time_order_and_losers_listed() -> None:
    source = [(7, 0, 4000)]
    target = [cue(3000, 3500, "third", 9), cue(0, 2500, "first", 1), cue(2500, 3000, "second", 5)]
    result = align_by_time(source, target)
    assert result.matches == {7: "first\nsecond\nthird"}
    assert result.conflicts == [(7, target[2]), (7, target[0])]  # "first" overlaps most and wins


def test_targets_overlapping_nothing_are_unaligned_in_file_order() -> None:
    source = [(1, 1000, 2000)]
    target = [cue(5000, 6000, "late", 9), cue(0, 1000, "touches only", 1), cue(1500, 1600, "in", 5)]
    result = align_by_time(source, target)
    assert result.matches == {1: "in"}
    assert result.unaligned == [target[0], target[1]]


def test_long_and_overlapping_source_cues() -> None:
    source = [(1, 0, 11_000), (2, 10_000, 11_000), (3, 10_500, 40_000)]
    target = [cue(10_000, 11_000, "x"), cue(30_000, 31_000, "y"), cue(10_600, 12_500, "z"),
              cue(61_000, 62_000, "w")]
    result = align_by_time(source, target)
    # x: 1000 ms with 1 and with 2, 500 with 3 -> tie, earliest wins.
    # z: 1900 ms with 3 beats 400 with 1 and 2.
    assert result.matches == {1: "x", 3: "z\ny"}
    assert result.conflicts == [(3, target[1])]
    assert result.unaligned == [target[3]]


def test_zero_length_cues() -> None:
    source = [(1, 0, 1000), (2, 2000, 2000)]
    result = align_by_time(source, [cue(500, 500, "point"), cue(1500, 2500, "around")])
    assert result.matches == {1: "point", 2: "around"}


def test_real_files_translation_against_source() -> None:
    source = read_subtitles(DATA / "gbk_simplified.srt").cues
    target = read_subtitles(DATA / "big5_traditional.srt").cues
    result = align_by_time([(i, c.start_ms, c.end_ms) for i, c in enumerate(source)], target)
    assert result.matches == {i: c.text for i, c in enumerate(target)}
    assert result.unaligned == [] and result.conflicts == []


def test_fifty_thousand_cues(big_srt: Path) -> None:
    cues = read_subtitles(big_srt).cues
    source = [(i, c.start_ms, c.end_ms) for i, c in enumerate(cues)]
    shifted = [ParsedCue(c.start_ms + 300, c.end_ms + 300, c.text, c.line) for c in reversed(cues)]
    result = align_by_time(source, shifted)
    assert len(result.matches) == BIG_CUES
    assert result.matches[0] == cues[0].text and result.matches[BIG_CUES - 1] == cues[-1].text
    assert result.unaligned == [] and result.conflicts == []
