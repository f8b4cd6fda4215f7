"""Shot changes: the sorted cut list, and cuts read from real ffmpeg scene scores of pictures with known cuts."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from editor.core.frames import frame_start
from editor.core.shots import DEFAULT_THRESHOLD, ShotChanges, parse_scene_output, scene_candidates, scene_filter

SIZE = "90x160"  # vertical, like a phone drama; small so each run takes a fraction of a second


def scene_log(segments: list[tuple[str, int]], rate: str, *, extra: str = "", threshold: float = DEFAULT_THRESHOLD,
              size: str = SIZE) -> str:
    """ffmpeg's log of `scene_filter` over lavfi sources joined by hard cuts: (source, frames) each."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.fail("these tests need ffmpeg (apt-get install ffmpeg)")
    parts, labels = [], ""
    for i, (source, frames) in enumerate(segments):
        opts = f"s={size}:r={rate}"
        parts.append(f"{source.format(opts=opts)},trim=end_frame={frames},setpts=PTS-STARTPTS,format=yuv420p,"
                     f"setsar=1[v{i}]")
        labels += f"[v{i}]"
    graph = ";".join(parts) + f";{labels}concat=n={len(segments)}:v=1:a=0"
    vf = f"{extra}{scene_filter(threshold)}"
    run = subprocess.run([ffmpeg, "-nostdin", "-hide_banner", "-nostats", "-v", "info", "-f", "lavfi", "-i", graph,
                          "-vf", vf, "-f", "null", "-"], capture_output=True, text=True, timeout=120, check=True)
    return run.stderr


def cut_frames(segments: list[tuple[str, int]]) -> list[int]:
    frames, total = [], 0
    for _source, count in segments[:-1]:
        total += count
        frames.append(total)
    return frames


MOVING = "testsrc2={opts}"  # a moving pattern and a running counter
BARS = "smptebars={opts}"
ZOOM = "mandelbrot={opts}:start_scale=2"
GREY = "color=c=0x808080:{opts}"
LIFE = "life={opts}:seed=3:mold=10:life_color=white:death_color=black:mold_color=0x808080"  # busy at first
PAN = "testsrc2=s=400x160:r={rate},crop=90:160:x='t*200':y=0"  # 8 px (9 % of the width) a frame at 25 fps


# --- the cut list -------------------------------------------------------------------------------------
def test_cuts_are_sorted_once_each() -> None:
    cuts = ShotChanges((3000, 1000, 2000, 1000))
    assert cuts.times_ms == (1000, 2000, 3000) and len(cuts) == 3 and list(cuts) == [1000, 2000, 3000]
    assert not ShotChanges() and ShotChanges((5,))


def test_nearest_cut() -> None:
    cuts = ShotChanges((1000, 2000, 4000))
    assert [cuts.nearest(ms) for ms in (0, 1000, 1499, 1500, 1501, 2900, 3100, 9000)] == [
        1000, 1000, 1000, 1000, 2000, 2000, 4000, 4000]  # a tie goes to the earlier cut
    assert ShotChanges().nearest(1234) is None


def test_cuts_within_a_span_are_strictly_inside() -> None:
    cuts = ShotChanges((1000, 2000, 3000))
    assert cuts.within(1000, 3000) == (2000,)
    assert cuts.within(999, 3001) == (1000, 2000, 3000)
    assert cuts.within(1001, 1999) == ()
    assert ShotChanges().within(0, 10_000) == ()


# --- cuts from ffmpeg ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("rate", "fps"), [("25", 25.0), ("30", 30.0), ("30000/1001", 30000 / 1001)])
def test_hard_cuts_between_different_pictures_are_found_on_their_frame(rate: str, fps: float) -> None:
    segments = [(MOVING, 37), (BARS, 21), (ZOOM, 30), (GREY, 26), (MOVING, 40)]
    cuts = parse_scene_output(scene_log(segments, rate), fps)
    assert cuts == tuple(frame_start(f, fps) for f in cut_frames(segments))


def test_moving_but_continuous_pictures_have_no_cuts() -> None:
    for source in (MOVING, ZOOM, PAN.replace("{rate}", "25")):
        segments = [(source, 100)]
        assert parse_scene_output(scene_log(segments, "25"), 25.0) == (), source


def test_a_cut_into_a_busy_picture_is_one_cut() -> None:
    """The frames just after a cut into a picture that changes a lot score high too: one cut, the first."""
    segments = [(GREY, 30), (LIFE, 40), (BARS, 30)]
    log = scene_log(segments, "25")
    assert [time // 40_000 for time, _score in scene_candidates(log)] == [30, 31, 70]
    assert parse_scene_output(log, 25.0) == (1200, 2800)


def test_a_weak_cut_is_kept_or_dropped_by_the_threshold() -> None:
    segments = [("color=c=0x606060:{opts}", 25), ("color=c=0x707070:{opts}", 25)]  # 16 levels of grey apart
    log = scene_log(segments, "25", threshold=1)
    [(_time, score)] = scene_candidates(log)
    assert 1 < score < DEFAULT_THRESHOLD
    assert parse_scene_output(log, 25.0) == ()
    assert parse_scene_output(log, 25.0, threshold=score - 0.5) == (1000,)


def test_the_first_frames_are_never_a_cut() -> None:
    """The second frame's score is its whole difference to the first (no difference before it to compare)."""
    log = scene_log([("testsrc2={opts},noise=alls=60:allf=t", 25)], "25", threshold=1)
    assert any(time < 100_000 for time, _s in scene_candidates(log))
    assert parse_scene_output(log, 25.0, threshold=1) == ()


def test_cut_times_stay_exact_hours_into_a_film() -> None:
    """ffmpeg prints pts_time with 6 digits (0.1 s at 3 hours); the integer pts in microseconds is exact."""
    segments = [(MOVING, 26), (BARS, 25)]
    log = scene_log(segments, "25", extra="setpts=PTS+10800/TB,")
    assert "pts_time:10801 " in log or "pts_time:10801\n" in log  # the rounded time ffmpeg shows
    assert parse_scene_output(log, 25.0) == (10_801_040,)


def test_an_unknown_frame_rate_keeps_the_millisecond() -> None:
    segments = [(MOVING, 26), (BARS, 25)]
    assert parse_scene_output(scene_log(segments, "25"), None) == (1040,)


def test_a_log_without_scores_has_no_cuts() -> None:
    assert parse_scene_output("", 25.0) == ()
    assert parse_scene_output("Input #0, mov,mp4\n[error] frame:12 pts:NOPTS pts_time:NOPTS\nscore\n", 25.0) == ()
