"""Runs the real player in a real video widget on an X display and reports what the screen shows, as JSON.

    DISPLAY=:N QT_QPA_PLATFORM=xcb python -m tests.services.player_picture_probe SCENARIO VIDEO

tests/services/test_player_picture.py starts it on a private Xvfb (pytest's own QApplication is offscreen, and
VLC's picture only exists in a native X window). Waiting is done in a QEventLoop: QTest.qWait keeps the GIL, so
VLC's event callbacks (Python) would stall meanwhile. The centre pixel of the window tells which second of a
`make_colour_steps_video` is on screen.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from editor.services.player import Player, create_player
from editor.ui.video_widget import VideoWidget

SETTLE_MS = 700  # after a request, time for VLC to draw (it draws within ~100 ms here; margin for a busy machine)


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition: Callable[[], bool], timeout_ms: int) -> bool:
    deadline = time.monotonic() + timeout_ms / 1000
    while not condition() and time.monotonic() < deadline:
        wait(10)
    return condition()


class Probe:
    def __init__(self, app: QApplication, player: Player, widget: VideoWidget) -> None:
        self.app, self.player, self.widget = app, player, widget
        self.states: list[str] = []
        self.errors: list[str] = []
        player.state_changed.connect(self.states.append)
        player.media_error.connect(self.errors.append)

    def look(self) -> dict[str, Any]:
        """What is on screen in the video area now, and what the player says."""
        image = self.app.primaryScreen().grabWindow(self.widget.winId()).toImage()
        centre = image.pixelColor(image.width() // 2, image.height() // 2)
        return {"centre": [centre.red(), centre.green(), centre.blue()], "state": self.player.state(),
                "position": self.player.position(), "_image": image}


def _differing_pixels(a: Any, b: Any) -> int:
    return sum(1 for y in range(0, a.height(), 2) for x in range(0, a.width(), 2) if a.pixel(x, y) != b.pixel(x, y))


def scenario_open(probe: Probe, video: str) -> dict[str, Any]:
    """Open, never play: the first picture; then paused seeks; then play from the last one."""
    player = probe.player
    player.load(video)
    opened = wait_for(lambda: player.state() == "paused", 8000)
    wait(SETTLE_MS)
    result: dict[str, Any] = {"opened": opened, "open": probe.look(), "states_at_open": list(probe.states)}
    for ms in (2500, 1200, 4300):
        player.seek(ms)
        wait(SETTLE_MS)
        result[f"seek_{ms}"] = probe.look()
    probe.widget.resize(300, 520)  # the window fits the pane to the video's aspect once it is known
    wait(SETTLE_MS)
    result["resized"] = probe.look()
    plain = result["resized"]["_image"]
    player.set_overlay_text("字幕 SUBTITLE")
    wait(SETTLE_MS)
    result["overlay_changed_pixels"] = _differing_pixels(plain, probe.look()["_image"])
    player.play()
    wait(1200)
    result["played"] = probe.look()
    return result


def scenario_open_then_seek_at_once(probe: Probe, video: str) -> dict[str, Any]:
    """What the window does: open, and at once seek to the selected line (before VLC has drawn anything)."""
    player = probe.player
    player.load(video)
    player.seek(2500)
    opened = wait_for(lambda: player.state() == "paused", 8000)
    wait(SETTLE_MS)
    return {"opened": opened, "shown": probe.look()}


def scenario_seek_after_the_end(probe: Probe, video: str) -> dict[str, Any]:
    """Play to the end, then seek back: VLC reopens the ended input, and the frame there must show."""
    player = probe.player
    player.load(video)
    wait_for(lambda: player.state() == "paused", 8000)
    player.seek(5500)
    player.play()
    ended = wait_for(lambda: player.state() == "ended", 8000)
    player.seek(1500)
    wait_for(lambda: player.state() == "paused", 8000)
    wait(SETTLE_MS)
    return {"ended": ended, "shown": probe.look()}


def _changed_rows(a: Any, b: Any) -> list[int]:
    """The rows (every second one) where two grabs of the video area differ: where the overlay was drawn."""
    return [y for y in range(0, a.height(), 2) if any(a.pixel(x, y) != b.pixel(x, y) for x in range(0, a.width(), 2))]


def scenario_overlay_placement(probe: Probe, video: str) -> dict[str, Any]:
    """A line drawn at the bottom, then one asking for the top ({\\an8}): which rows the text covers."""
    player = probe.player
    player.load(video)
    opened = wait_for(lambda: player.state() == "paused", 8000)
    wait(SETTLE_MS)
    plain = probe.look()["_image"]
    player.set_overlay_text("字幕 SUBTITLE")
    wait(SETTLE_MS)
    bottom = _changed_rows(plain, probe.look()["_image"])
    player.set_overlay_text("字幕 SUBTITLE", top=True)
    wait(SETTLE_MS)
    top = _changed_rows(plain, probe.look()["_image"])
    return {"opened": opened, "height": plain.height(), "bottom_rows": bottom, "top_rows": top}


def scenario_guides(probe: Probe, video: str) -> dict[str, Any]:
    """The safe-zone guides laid over the picture, then taken away: the centre pixel of the covered bottom band."""
    from editor.core.safe_zones import PROFILES
    from editor.ui.safe_zone_guides import guides_file

    player = probe.player
    player.load(video)
    opened = wait_for(lambda: player.state() == "paused", 8000)
    wait_for(lambda: player.video_size() is not None, 4000)
    width, height = player.video_size() or (0, 0)
    player.set_guides(guides_file(width, height, PROFILES["tiktok"], None))
    wait(SETTLE_MS)

    def bottom_and_middle() -> list[list[int]]:
        image = probe.look()["_image"]
        found = []
        for fy in (0.95, 0.5):
            colour = image.pixelColor(image.width() // 2, int(image.height() * fy))
            found.append([colour.red(), colour.green(), colour.blue()])
        return found

    shown = bottom_and_middle()
    player.set_guides(None)
    wait(SETTLE_MS)
    return {"opened": opened, "with_guides": shown, "without": bottom_and_middle()}


SCENARIOS = {"guides": scenario_guides, "overlay_placement": scenario_overlay_placement, "open": scenario_open,
             "open_then_seek_at_once": scenario_open_then_seek_at_once,
             "seek_after_the_end": scenario_seek_after_the_end}


def main(argv: list[str]) -> int:
    scenario, video = argv
    app = QApplication([])
    player = create_player(headless=False)
    widget = VideoWidget(player)
    widget.resize(240, 400)
    widget.show()
    wait(300)
    probe = Probe(app, player, widget)
    result = SCENARIOS[scenario](probe, video)
    result.update(platform=app.platformName(), output_window=widget.has_output_window(), states=probe.states,
                  errors=probe.errors)
    player.shutdown()
    widget.close()
    print(json.dumps(result, default=lambda value: None))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
