"""Times on the video's frames, at integer and NTSC frame rates."""

from __future__ import annotations

import pytest

from editor.core.frames import (
    duration_of_frames,
    frame_at_or_after,
    frame_at_or_before,
    frame_index,
    frame_start,
    snap_to_frame,
    snap_within,
)

RATES = [23.976, 24.0, 25.0, 29.97, 30.0, 50.0, 59.94, 60.0]


def test_a_drag_at_25_fps_lands_on_a_frame():
    assert snap_to_frame(6909, 25.0) == 6920  # frame 173, where 6.909 s was stored before
    assert snap_to_frame(6899, 25.0) == 6880


@pytest.mark.parametrize("fps", RATES)
def test_a_snapped_time_maps_back_to_its_frame_and_stays_put(fps):
    for index in range(0, 200_000, 997):  # ~2 hours at 25 fps, sampled
        ms = frame_start(index, fps)
        assert frame_index(ms, fps) == index
        assert snap_to_frame(ms, fps) == ms
        assert frame_at_or_after(ms, fps) == ms == frame_at_or_before(ms, fps)


@pytest.mark.parametrize("fps", RATES)
def test_the_frame_at_or_after_and_at_or_before_a_time_bracket_it(fps):
    for ms in range(0, 5000, 7):
        after, before = frame_at_or_after(ms, fps), frame_at_or_before(ms, fps)
        assert before <= ms <= after or before == after
        assert after - before <= duration_of_frames(1, fps) + 1
        assert frame_index(after, fps) - frame_index(before, fps) in (0, 1)


def test_snap_within_bounds_moves_inward_or_gives_up():
    assert snap_within(1010, 1000, 2000, 25.0) == 1000
    assert snap_within(1010, 1005, 2000, 25.0) == 1040  # the nearest frame is below the bound: the next one
    assert snap_within(1990, 1000, 1995, 25.0) == 1960
    assert snap_within(1010, 1005, 1030, 25.0) is None  # no frame between 1005 and 1030 at 40 ms a frame


def test_an_unknown_frame_rate_leaves_times_alone():
    for fps in (None, 0.0, -25.0, float("nan")):
        assert snap_to_frame(6909, fps) == 6909
        assert snap_within(6909, 0, None, fps) == 6909
    assert duration_of_frames(2, None) == 83
