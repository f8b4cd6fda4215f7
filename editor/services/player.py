"""Video playback: what the UI codes against (`Player`), the null player that says why there is no video, and
`create_player`, which makes the libvlc one (`editor.services.vlc_player`) when it can.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from editor.core.render import RenderStyle

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

    def set_overlay_text(self, text: str, *, top: bool = False) -> None:
        """Draw `text` over the video, at the bottom, or at the top when the line asks for it (`{\\an8}`)."""
        raise NotImplementedError

    def set_guides(self, image_path: str | None) -> None:
        """Draw a transparent image over the whole picture (the safe-zone guides), or none."""
        raise NotImplementedError

    def set_delivery_style(self, style: RenderStyle) -> None:
        """Draw the line over the video at the size and margin the delivery render will use (the QA profile's)."""
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

    def set_overlay_text(self, text: str, *, top: bool = False) -> None:
        pass

    def set_guides(self, image_path: str | None) -> None:
        pass

    def set_delivery_style(self, style: RenderStyle) -> None:
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
    return _player_from(_start_libvlc(headless, extra_options), parent)


class PlayerStart:
    """libvlc started on a thread while the project opens and the window is built: ~70 ms at each start of the
    window, nearly all of it in libvlc's own code, which runs beside Python's (bench series, decision 029).
    `player()` waits for it and makes the player on the calling (GUI) thread."""

    def __init__(self, *, headless: bool) -> None:
        self._started: tuple[Any, Any] | str = "libvlc could not start"
        self._thread = threading.Thread(target=self._run, args=(headless,), name="libvlc-start", daemon=True)
        self._thread.start()

    def _run(self, headless: bool) -> None:
        self._started = _start_libvlc(headless, ())

    def player(self, parent: QObject | None = None) -> Player:
        self._thread.join()
        return _player_from(self._started, parent)

    def discard(self) -> None:
        """Never used (no project with a video was opened): release the instance."""
        self._thread.join()
        if isinstance(self._started, tuple):
            self._started[1].release()
        self._started = "discarded"


def _start_libvlc(headless: bool, extra_options: Sequence[str]) -> tuple[Any, Any] | str:
    """(python-vlc's module, a libvlc instance), or why there is none."""
    from editor.services.vlc_player import vlc_options  # python-vlc itself is imported just below

    try:
        import vlc
    except ImportError:
        return "python-vlc is not installed"
    except (Exception, SystemExit):  # no libvlc: NotImplementedError, or sys.exit() on a bad PYTHON_VLC_LIB_PATH
        return "libvlc is not installed"
    options = vlc_options(headless=headless, extra_options=extra_options)
    try:
        instance = vlc.Instance(*options)
    except Exception as exc:
        return f"libvlc could not start ({exc})"
    if instance is None:
        return ("libvlc could not start: its plugins are missing or an option was refused "
                f"(options: {' '.join(options)})")
    return vlc, instance


def _player_from(started: tuple[Any, Any] | str, parent: QObject | None) -> Player:
    if isinstance(started, str):
        return NullPlayer(started, parent)
    from editor.services.vlc_player import VlcPlayer

    return VlcPlayer(started[0], started[1], parent)
