"""Screenshot the VideoWidget playing a file, with VLC's subtitle overlay, on a real X server.

    python tools/screenshot_video_widget.py VIDEO OUT.png [--overlay TEXT] [--size 300x600] [--check]

Without a DISPLAY it starts its own Xvfb (a free display number) and runs itself there with
QT_QPA_PLATFORM=xcb. `--check` also grabs the frame without the overlay and prints JSON numbers that
tests/ui/test_video_widget.py asserts on. The grab uses QScreen.grabWindow (QWidget.grab() never contains the
video VLC draws; VLC's own snapshots leave out the marquee).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run_under_xvfb(argv: list[str]) -> int:
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            display = pipe.readline().strip()
        if not display:
            print("Xvfb did not start", file=sys.stderr)
            return 2
        env = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb",
               "SUBREVIEW_VLC_AOUT": os.environ.get("SUBREVIEW_VLC_AOUT", "dummy"),
               "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        return subprocess.run([sys.executable, __file__, *argv], env=env, timeout=120).returncode
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def _differing_pixels(a, b) -> int:
    return sum(1 for y in range(0, a.height(), 2) for x in range(0, a.width(), 2) if a.pixel(x, y) != b.pixel(x, y))


def _shoot(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from editor.services.player import create_player
    from editor.ui.video_widget import VideoWidget

    def wait_for(condition, timeout_ms: int) -> bool:
        waited = 0
        while not condition() and waited < timeout_ms:
            QTest.qWait(20)
            waited += 20
        return condition()

    app = QApplication([])
    player = create_player(headless=False)
    widget = VideoWidget(player)
    width, height = (int(v) for v in args.size.split("x"))
    widget.resize(width, height)
    widget.show()
    QTest.qWait(200)
    errors: list[str] = []
    player.media_error.connect(errors.append)
    if not player.load(args.video):
        print(json.dumps({"error": errors or [player.unavailable_reason]}))
        return 1
    wait_for(lambda: player.state() == "paused" and player.video_size() is not None, 5000)
    player.play()
    wait_for(lambda: player.position() >= 1000, 8000)  # the first run on a machine builds font caches
    screen = app.primaryScreen()
    plain = screen.grabWindow(widget.winId()).toImage() if args.check else None
    player.set_overlay_text(args.overlay)
    QTest.qWait(600)
    player.pause()
    QTest.qWait(300)
    shot = screen.grabWindow(widget.winId()).toImage()
    shot.save(args.out)
    result = {"platform": app.platformName(), "output_window": widget.has_output_window(),
              "video_size": list(player.video_size() or ()), "state": player.state(), "errors": errors,
              "position": player.position(), "size": [shot.width(), shot.height()]}
    if plain is not None:
        result["overlay_changed_pixels"] = _differing_pixels(plain, shot)
        center = plain.pixelColor(plain.width() // 2, plain.height() // 2)
        result["center_rgb"] = [center.red(), center.green(), center.blue()]
    print(json.dumps(result))
    player.shutdown()
    widget.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("video")
    parser.add_argument("out")
    parser.add_argument("--overlay", default="第一行字幕\nThe first subtitle line")
    parser.add_argument("--size", default="300x600")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        return _run_under_xvfb(argv)
    return _shoot(args)


if __name__ == "__main__":
    sys.exit(main())
