"""Video playback: what the UI codes against (`Player`), the null player that says why there is no video, and
`create_player`, which makes the libvlc one (`editor.services.vlc_player`) when it can.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

STATES = ("stopped", "playing", "paused", "ended", "error")
MIN_RATE = 0.25
MAX_RATE = 4.0
DEFAULT_FPS = 25.0


class Player(QObject):
    """What the UI codes against. `VlcPlayer` plays; `NullPlayer` stands in when libvlc is missing."""

    position_changed = Signal(int)  # ms
    duration_changed = Signal(int)  # ms
    state_changed = Signal(str)  # one of STATES
    media_error = Signal(str)  # a sentence for a person
    video_size_changed = Signal(int, int)  # width, height in pixels

    @property
    def available(self) -> bool:
        return False

    @property
    def unavailable_reason(self) -> str:
        return ""

    def state(self) -> str:
        raise NotImplementedError

    def video_size(self) -> tuple[int, int] | None:
        raise NotImplementedError

    def load(self, path: str) -> bool:
        raise NotImplementedError

    def unload(self) -> None:
        raise NotImplementedError

    def play(self) -> None:
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def toggle(self) -> None:
        raise NotImplementedError

    def seek(self, ms: int) -> None:
        raise NotImplementedError

    def position(self) -> int:
        raise NotImplementedError

    def duration(self) -> int:
        raise NotImplementedError

    def set_rate(self, rate: float) -> None:
        raise NotImplementedError

    def rate(self) -> float:
        raise NotImplementedError

    def step_frame(self, direction: int) -> None:
        raise NotImplementedError

    def play_range(self, start_ms: int, end_ms: int, loop: bool = False) -> None:
        raise NotImplementedError

    def stop_range(self) -> None:
        raise NotImplementedError

    def set_overlay_text(self, text: str) -> None:
        raise NotImplementedError

    def set_output_window(self, win_id: int) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        raise NotImplementedError


class NullPlayer(Player):
    """No libvlc: every call is a harmless no-op; `unavailable_reason` says why, for the video area."""

    def __init__(self, reason: str, parent: QObject | None = None, *, no_video: bool = False) -> None:
        super().__init__(parent)
        self._reason = reason
        self._rate = 1.0
        self.no_video = no_video  # nothing is missing: the project simply has no video

    @property
    def available(self) -> bool:
        return False

    @property
    def unavailable_reason(self) -> str:
        return self._reason

    def state(self) -> str:
        return "stopped"

    def video_size(self) -> tuple[int, int] | None:
        return None

    def load(self, path: str) -> bool:
        return False

    def unload(self) -> None:
        pass

    def play(self) -> None:
        pass

    def pause(self) -> None:
        pass

    def toggle(self) -> None:
        pass

    def seek(self, ms: int) -> None:
        pass

    def position(self) -> int:
        return 0

    def duration(self) -> int:
        return 0

    def set_rate(self, rate: float) -> None:
        pass

    def rate(self) -> float:
        return self._rate

    def step_frame(self, direction: int) -> None:
        pass

    def play_range(self, start_ms: int, end_ms: int, loop: bool = False) -> None:
        pass

    def stop_range(self) -> None:
        pass

    def set_overlay_text(self, text: str) -> None:
        pass

    def set_output_window(self, win_id: int) -> None:
        pass

    def shutdown(self) -> None:
        pass


# Qt platforms whose native window handle libvlc can draw into (set_xwindow / set_hwnd / set_nsobject).
# Elsewhere (offscreen, wayland without XWayland) the player runs headless and the widget shows a message.
EMBEDDING_PLATFORMS = ("xcb", "windows", "cocoa")


def create_player(*, headless: bool = False, extra_options: Sequence[str] = (),
                  parent: QObject | None = None) -> Player:
    """A `VlcPlayer`, or a `NullPlayer` whose reason says what is missing. `extra_options` is for tests."""
    from editor.services.vlc_player import VlcPlayer, vlc_options  # python-vlc itself is imported just below

    try:
        import vlc
    except ImportError:
        return NullPlayer("python-vlc is not installed", parent)
    except (Exception, SystemExit):  # no libvlc: NotImplementedError, or sys.exit() on a bad PYTHON_VLC_LIB_PATH
        return NullPlayer("libvlc is not installed", parent)
    options = vlc_options(headless=headless, extra_options=extra_options)
    try:
        instance = vlc.Instance(*options)
    except Exception as exc:
        return NullPlayer(f"libvlc could not start ({exc})", parent)
    if instance is None:
        return NullPlayer("libvlc could not start: its plugins are missing or an option was refused "
                          f"(options: {' '.join(options)})", parent)
    return VlcPlayer(vlc, instance, parent)
