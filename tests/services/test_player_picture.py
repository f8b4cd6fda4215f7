"""On a real X display, an opened video shows its picture before Play, and paused seeks show the frame there.

The player runs in a child process on a private Xvfb (tests/services/player_picture_probe.py), because VLC's
picture exists only in a native X window; the probe reads the centre pixel of a video that is one colour per
second (tests/media_files.py STEP_COLOURS).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.media_files import STEP_COLOURS, make_colour_steps_video
from tests.xvfb import xvfb_display

ROOT = Path(__file__).resolve().parents[2]
SECONDS = list(STEP_COLOURS.values())  # SECONDS[k] is the colour of second k


pytestmark = pytest.mark.slow  # a real X server and VLC per test


@pytest.fixture(scope="module")
def steps_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_colour_steps_video(tmp_path_factory.mktemp("picture-media") / "第01集 steps.mp4")


def _probe(scenario: str, video: Path) -> dict:
    with xvfb_display(1024, 768) as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "SUBREVIEW_VLC_AOUT": "dummy",
               "PYTHONPATH": str(ROOT)}
        out = subprocess.run([sys.executable, "-m", "tests.services.player_picture_probe", scenario, str(video)],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["platform"] == "xcb" and result["output_window"] and not result["errors"], result
    return result


def _second_shown(look: dict) -> int | None:
    """Which second of the colour-steps video the centre pixel shows (None: black or anything else)."""
    for second, colour in enumerate(SECONDS):
        if all(abs(a - b) <= 40 for a, b in zip(look["centre"], colour, strict=True)):
            return second
    return None


def test_an_opened_video_shows_its_first_picture_and_paused_seeks_show_their_frame(steps_video):
    result = _probe("open", steps_video)
    assert result["opened"], result["states"]
    assert "playing" not in result["states_at_open"], f"opening must not look like playing: {result['states']}"
    opened = result["open"]
    assert opened["state"] == "paused" and opened["position"] == 0
    assert _second_shown(opened) == 0, f"the first picture should be on screen before Play: {opened['centre']}"
    for ms in (2500, 1200, 4300):
        look = result[f"seek_{ms}"]
        assert look["state"] == "paused" and look["position"] == ms
        assert _second_shown(look) == ms // 1000, f"a paused seek to {ms} ms shows {look['centre']}"
    assert _second_shown(result["resized"]) == 4, "resizing the paused video area keeps the picture"
    assert result["overlay_changed_pixels"] > 100, "the subtitle overlay should be drawn on the paused picture"
    played = result["played"]
    assert played["state"] == "playing" and 4500 <= played["position"] <= 6000, played
    assert _second_shown(played) == 5, f"playing should go on from the sought time: {played['centre']}"


def test_a_seek_made_while_the_video_is_still_opening_shows_that_frame(steps_video):
    """The window selects the first line (and seeks to it) right after loading, before VLC has drawn anything."""
    result = _probe("open_then_seek_at_once", steps_video)
    assert result["opened"], result["states"]
    shown = result["shown"]
    assert shown["state"] == "paused" and shown["position"] == 2500
    assert _second_shown(shown) == 2, f"the frame at 2.5 s should be on screen: {shown['centre']}"


def test_a_seek_after_the_video_ended_shows_that_frame(steps_video):
    result = _probe("seek_after_the_end", steps_video)
    assert result["ended"], result["states"]
    shown = result["shown"]
    assert shown["state"] == "paused" and shown["position"] == 1500
    assert _second_shown(shown) == 1, f"the frame at 1.5 s should be on screen: {shown['centre']}"


def test_a_line_asking_for_the_top_is_drawn_at_the_top(tmp_path):
    from tests.media_files import make_test_video

    result = _probe("overlay_placement", make_test_video(tmp_path / "flat.mp4", pattern="gray", seconds=3))
    assert result["opened"]
    half = result["height"] / 2
    assert result["bottom_rows"] and all(y > half for y in result["bottom_rows"]), result
    assert result["top_rows"] and all(y < half for y in result["top_rows"]), result


def test_the_safe_zone_guides_are_laid_over_the_picture_and_taken_away(tmp_path):
    from tests.media_files import make_test_video

    result = _probe("guides", make_test_video(tmp_path / "flat.mp4", pattern="gray", seconds=3))
    assert result["opened"]
    (bottom, middle), (bottom_after, _middle_after) = result["with_guides"], result["without"]
    assert bottom[0] > bottom[2] + 25, result  # reddish where the feed's caption covers the picture
    assert abs(middle[0] - middle[2]) < 15 and abs(bottom_after[0] - bottom_after[2]) < 15, result  # gray

