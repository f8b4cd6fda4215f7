"""Rules between cues: gaps in frames at the video's rate, chaining, overlaps, file order."""

from __future__ import annotations

import pytest

from tests.core.qa.helpers import cue, only, qa


def pair(gap_ms: int, fps: float = 24.0) -> list:
    return qa([cue(1, 0, 2000), cue(2, 2000 + gap_ms, 4000)], fps=fps)


# 2 frames are 83.33 ms at 24 fps and 80 ms at 25 fps; times are whole ms, so 83 counts as 2 frames.
@pytest.mark.parametrize(("gap", "fps"), [(82, 24.0), (80, 24.0), (78, 25.0), (40, 25.0), (0, 24.0)])
def test_min_gap_fires(gap: int, fps: float) -> None:
    params = only(pair(gap, fps), "min_gap")
    frames = pytest.approx(gap * fps / 1000)
    assert params == [{"next_id": 2, "gap_ms": gap, "gap_frames": frames, "min_frames": 2.0}]


@pytest.mark.parametrize(("gap", "fps"), [(83, 24.0), (84, 24.0), (80, 25.0), (79, 25.0), (84, 23.976)])
def test_two_frames_is_enough(gap: int, fps: float) -> None:
    issues = pair(gap, fps)
    assert only(issues, "min_gap") == []
    assert only(issues, "chaining") == []


def test_min_gap_issue_sits_on_the_earlier_cue() -> None:
    [issue] = [i for i in pair(40) if i.rule == "min_gap"]
    assert (issue.cue_id, issue.severity) == (1, "error")


@pytest.mark.parametrize(("gap", "fps", "frames"), [(125, 24.0, 3.0), (500, 24.0, 12.0), (480, 25.0, 12.0)])
def test_chaining_suggests_closing_small_gaps(gap: int, fps: float, frames: float) -> None:
    issues = pair(gap, fps)
    expected = {"next_id": 2, "gap_ms": gap, "gap_frames": pytest.approx(frames), "max_frames": 12.0}
    assert only(issues, "chaining") == [expected | {"close_to_frames": 2.0}]
    assert [i.severity for i in issues if i.rule == "chaining"] == ["info"]


@pytest.mark.parametrize(("gap", "fps"), [(542, 24.0), (520, 25.0), (2000, 24.0)])
def test_no_chaining_beyond_twelve_frames(gap: int, fps: float) -> None:
    assert only(pair(gap, fps), "chaining") == []


def test_overlap() -> None:
    issues = qa([cue(1, 0, 2000), cue(2, 1500, 3500)])
    assert only(issues, "overlap") == [{"next_id": 2, "overlap_ms": 500}]
    assert only(issues, "min_gap") == []
    assert only(qa([cue(1, 0, 2000), cue(2, 2000, 3500)]), "overlap") == []


def test_a_long_cue_overlaps_every_cue_inside_it() -> None:
    issues = qa([cue(1, 0, 6000), cue(2, 1000, 2000), cue(3, 3000, 4000)])
    assert [(i.cue_id, i.params) for i in issues if i.rule == "overlap"] == [
        (1, {"next_id": 2, "overlap_ms": 1000}),
        (1, {"next_id": 3, "overlap_ms": 1000}),
    ]
    assert only(issues, "min_gap") == []  # cue 3 is compared with cue 1, which ends last


def test_unsorted_and_neighbours_in_time_order() -> None:
    issues = qa([cue(1, 2040, 4000), cue(2, 0, 2000)])  # file order is not time order
    assert [(i.rule, i.cue_id, i.params) for i in issues] == [
        ("min_gap", 2, {"next_id": 1, "gap_ms": 40, "gap_frames": pytest.approx(0.96), "min_frames": 2.0}),
        ("unsorted", 2, {"previous_id": 1, "start_ms": 0, "previous_start_ms": 2040}),
    ]


def test_sorted_cues_are_not_unsorted() -> None:
    assert only(qa([cue(1, 0, 2000), cue(2, 0, 2500), cue(3, 3000, 5000)]), "unsorted") == []


def test_cues_without_text_are_not_neighbours() -> None:
    cues = [cue(1, 0, 2000), cue(2, 2010, 2500, "", ""), cue(3, 3000, 5000), cue(4, 0, 100, "", "")]
    assert qa(cues) == []
