"""Video playback through libvlc (python-vlc).

Rules that keep this safe (details and measurements in docs/decisions/008-player.md):
- libvlc event callbacks run on VLC's own threads. They only emit `_vlc_event`, connected *queued*; the slot
  reads VLC's state and acts. No libvlc call ever happens inside a callback (libvlc is not re-entrant).
- VLC's `get_time()` moves in coarse steps (100-500 ms) and stays stale after a pause. The player keeps its own
  position: anchored where VLC's time last changed, advanced by a monotonic clock times the rate while playing,
  frozen at pause. `position_changed` comes from a ~33 Hz poll timer while playing and once after each seek.
- A paused libvlc draws nothing until its input has played, and the first paused seek within ~100 ms of a pause
  shows the old frame. So a file opens *playing with no audio track selected* (nothing can be heard, whatever the
  audio output); as soon as VLC has a video output the player pauses, seeks to the wanted time, and seeks there
  once more a moment later. The audio track is selected on Play. Files with nothing to draw open paused.
- The current subtitle is drawn by VLC itself (marquee sub-source), never by Qt widgets over VLC's window.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from editor.core.render import RenderStyle
from editor.core.text_measure import em_px
from editor.services.player import DEFAULT_FPS, MAX_RATE, MIN_RATE, Player

POLL_MS = 30  # ~33 Hz playhead updates while playing
MAX_EXTRAPOLATION_MS = 1000  # never run ahead of VLC's last reported time by more than this (times the rate)
RANGE_CONFIRM_MS = 600  # VLC's time must be this close to a range's end before the range ends (its steps: 100-500)
BACKWARD_HOLD_MS = 600  # a resync that moves back less than this keeps the playhead still instead
TRACK_CHECKS = 5  # an opened file with no audio or video after this many checks (300 ms apart) is an error
PICTURE_WAIT_MS = 4000  # a video track still without a picture this long after opening: no decoder for it
PICTURE_SETTLE_MS = 250  # the paused seek after opening is repeated this long after the pause (see the docstring)
NO_TRACK_ID = 2**31 - 1  # an elementary stream id no file has: `:audio-track-id` with it selects no audio
AOUT_ENV = "SUBREVIEW_VLC_AOUT"

MARQUEE_BOTTOM = 8  # libvlc's marquee positions: 4 top, 8 bottom (centred horizontally)
MARQUEE_TOP = 4
MARQUEE_REFRESH_MS = 40  # VLC's default (1000 ms) would show a new line up to a second late


def vlc_options(*, headless: bool, extra_options: Sequence[str] = ()) -> list[str]:
    """libvlc Instance options. Headless (tests, no X11 window): dummy video and audio outputs."""
    # --no-sub-autodetect-file: VLC would otherwise load "demo.zh-Hans.srt" next to "demo.mp4" and draw it
    # itself; the only subtitle on the video is the one SubReview chooses (the marquee).
    options = ["--no-video-title-show", "--quiet", "--avcodec-hw=none", "--no-sub-autodetect-file"]
    if sys.platform.startswith("linux"):
        options.append("--no-xlib")  # Qt talks xcb and never called XInitThreads: Xlib-based outputs could crash
    aout = os.environ.get(AOUT_ENV, "").strip()
    if headless:
        options += ["--vout=dummy", f"--aout={aout or 'dummy'}"]
    elif aout:
        options.append(f"--aout={aout}")
    options += list(extra_options)
    return options


def overlay_font_px(width: int, height: int, style: RenderStyle | None = None) -> int:
    """The marquee's font size in video pixels, so the preview shows the line as the delivery render draws it: VLC
    sizes a font by its em, libass by its whole line height (editor.core.text_measure.em_px converts)."""
    resolved = (style or RenderStyle()).resolved(width, height)
    return em_px(resolved.font, resolved.font_px)


class VlcPlayer(Player):
    _vlc_event = Signal(int)  # a libvlc event type; emitted on VLC's threads, delivered queued

    _EVENTS = ("MediaPlayerPlaying", "MediaPlayerPaused", "MediaPlayerStopped", "MediaPlayerEndReached",
               "MediaPlayerEncounteredError", "MediaPlayerLengthChanged", "MediaPlayerVout")

    def __init__(self, vlc_module: Any, instance: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vlc = vlc_module
        self._instance = instance
        self._mp = instance.media_player_new()
        self._mp.video_set_mouse_input(False)  # clicks and keys go to the Qt window, not VLC's hotkeys
        self._mp.video_set_key_input(False)
        self._media: Any = None
        self._path = ""
        self._name = ""
        self._state = "stopped"
        self._failed = False
        self._duration = 0
        self._size: tuple[int, int] | None = None
        self._fps = DEFAULT_FPS
        self._rate = 1.0
        self._overlay = ""
        self._overlay_top = False  # the line asked to be drawn at the top ({\an8})
        self._delivery_style = RenderStyle()  # the QA profile's, set by the window
        self._guides: str | None = None  # the safe-zone image drawn over the picture
        self._position: float = 0  # ms; fractional between VLC's coarse time steps while playing
        self._anchor_ms = 0.0
        self._anchor_t = 0.0
        self._last_raw: int | None = None
        self._range: tuple[int, int, bool] | None = None
        # "show": playing silently until the first picture; "pausing": paused for it, VLC has not confirmed;
        # "paused": opened with :start-paused, not yet Paused. "" otherwise.
        self._opening = ""
        self._audio_pending = False  # the input was opened with no audio track: select one on Play
        self._track_checks = 0
        self._tracks_ok = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)
        self._picture_timer = QTimer(self)  # a video track whose format no decoder reads never gets a picture
        self._picture_timer.setSingleShot(True)
        self._picture_timer.setInterval(PICTURE_WAIT_MS)
        self._picture_timer.timeout.connect(self._on_picture_timer_timeout)
        self._track_timer = QTimer(self)
        self._track_timer.setSingleShot(True)
        self._track_timer.setInterval(300)
        self._track_timer.timeout.connect(self._on_track_timer_timeout)
        self._range_timer = QTimer(self)  # fires at the exact end of a range that ends between two polls
        self._range_timer.setSingleShot(True)
        self._range_timer.timeout.connect(self._on_range_timer_timeout)
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(PICTURE_SETTLE_MS)
        self._settle_timer.timeout.connect(self._on_settle_timer_timeout)
        self._vlc_event.connect(self._on_vlc_event, Qt.ConnectionType.QueuedConnection)
        self._events = self._mp.event_manager()  # keep it: it owns the ctypes callback libvlc calls
        for name in self._EVENTS:
            self._events.event_attach(getattr(vlc_module.EventType, name), self._forward_vlc_event)
        self._apply_overlay_style()

    # -- properties -------------------------------------------------------------------------------------------
    @property
    def available(self) -> bool:
        return True

    @property
    def unavailable_reason(self) -> str:
        return ""

    def state(self) -> str:
        return self._state

    def video_size(self) -> tuple[int, int] | None:
        return self._size

    def position(self) -> int:
        return int(self._position)

    def duration(self) -> int:
        return self._duration

    def rate(self) -> float:
        return self._rate

    # -- loading ----------------------------------------------------------------------------------------------
    def load(self, path: str) -> bool:
        self.unload()
        if self._mp is None:
            return False
        file = Path(path)
        self._name = file.name
        if not file.is_file():
            self._fail(f"Cannot play {file.name}: no such file ({path}).")
            return False
        self._path = str(file)
        self._failed = False
        self._track_checks = 0
        self._tracks_ok = False
        return self._open_input(0, "show")

    def _open_input(self, ms: int, mode: str) -> bool:
        """(Re)open the file at ms. "show": play with no audio track until VLC has a video output, then pause and
        draw the frame at ms; "paused": open paused (nothing to draw: audio only, or no decoder); "play": play."""
        media = self._instance.media_new_path(self._path)
        if media is None:
            self._fail(f"Cannot play {self._name}: VLC could not read the path.")
            return False
        if mode == "show":
            media.add_option(f":audio-track-id={NO_TRACK_ID}")
        elif mode == "paused":
            media.add_option(":start-paused")
        if ms > 0 and mode != "show":
            media.add_option(f":start-time={ms / 1000:.3f}")
        self._mp.stop()  # its Stopped event arrives queued; the slot reads VLC's state by then
        old, self._media = self._media, media
        self._mp.set_media(media)
        if old is not None:
            old.release()
        self._opening = mode if mode != "play" else ""
        self._audio_pending = mode == "show"
        self._settle_timer.stop()
        if self._mp.play() == -1:
            self._fail(f"Cannot play {self._name}: VLC could not start it.")
            return False
        return True

    def _stop_timers(self) -> None:
        for timer in (self._poll, self._track_timer, self._picture_timer, self._range_timer, self._settle_timer):
            timer.stop()

    def unload(self) -> None:
        if self._mp is None:
            return
        self._stop_timers()
        self._range = None
        self._opening = ""
        self._audio_pending = False
        if self._media is not None:
            self._mp.stop()
            self._media.release()
            self._media = None
        self._failed = False
        self._last_raw = None
        if self._duration:
            self._duration = 0
            self.duration_changed.emit(0)
        self._set_position(0)
        self._set_state("stopped")

    # -- transport --------------------------------------------------------------------------------------------
    def play(self) -> None:
        if not self._playable():
            return
        opening = self._opening in ("show", "pausing")  # VLC is (or was just) playing silently for a picture
        if opening:
            self._opening = ""
            self._settle_timer.stop()
        if self._vlc_stopped():
            start = self._position if self._position < self._duration - 100 else 0
            self._open_input(int(start), "play")
            self._position = start
        else:
            if self._audio_pending or opening:
                self._enable_audio()
                self._vlc_seek(int(self._position))  # from the frame on screen, with the new audio track in step
            self._mp.set_pause(0)
        self._anchor(self._position)
        self._set_state("playing")
        self._poll.start()

    def pause(self) -> None:
        if not self._playable() or self._state != "playing":
            return
        self._advance()
        self._poll.stop()
        self._range_timer.stop()
        self._mp.set_pause(1)
        self._set_state("paused")
        self.position_changed.emit(int(self._position))

    def toggle(self) -> None:
        if self._state == "playing":
            self.pause()
        else:
            self.play()

    def seek(self, ms: int) -> None:
        if not self._playable():
            return
        ms = max(0, int(ms))
        if self._duration > 0:
            ms = min(ms, self._duration)
        if self._range is not None and not self._range[0] <= ms <= self._range[1]:
            self._range = None
        self._range_timer.stop()
        if self._opening == "show":
            pass  # the pause that ends the opening seeks to self._position
        elif self._vlc_stopped():
            self._open_input(ms, "show")
        else:
            self._vlc_seek(ms)
        self._position = ms
        self._anchor(ms)
        self.position_changed.emit(ms)

    def set_rate(self, rate: float) -> None:
        rate = min(MAX_RATE, max(MIN_RATE, float(rate)))
        if self._mp is None:
            return
        if self._state == "playing":
            self._advance()
            self._anchor(self._position)
        self._rate = rate
        self._mp.set_rate(rate)

    def step_frame(self, direction: int) -> None:
        """Pause and move one frame (at the video's fps, 25 if unknown) forward or back, by a paused seek."""
        if not self._playable() or direction == 0:
            return
        self.pause()
        frame_ms = 1000.0 / self._fps
        index = round(self._position / frame_ms) + (1 if direction > 0 else -1)
        self.seek(round(max(0, index) * frame_ms))

    def play_range(self, start_ms: int, end_ms: int, loop: bool = False) -> None:
        if not self._playable() or end_ms <= start_ms:
            return
        self._range = None
        self._range_timer.stop()
        self.seek(start_ms)
        self._range = (int(start_ms), int(end_ms), bool(loop))
        self.play()

    def stop_range(self) -> None:
        self._range = None
        self._range_timer.stop()

    # -- output -----------------------------------------------------------------------------------------------
    def set_overlay_text(self, text: str, *, top: bool = False) -> None:
        self._overlay = text or ""
        if self._mp is not None and top != self._overlay_top:
            self._overlay_top = top
            self._mp.video_set_marquee_int(self._vlc.VideoMarqueeOption.Position,
                                           MARQUEE_TOP if top else MARQUEE_BOTTOM)
        if self._mp is not None:
            # The marquee text goes through strftime: a literal % must be doubled.
            self._mp.video_set_marquee_string(self._vlc.VideoMarqueeOption.Text, self._overlay.replace("%", "%%"))

    def set_delivery_style(self, style: RenderStyle) -> None:
        if style != self._delivery_style:
            self._delivery_style = style
            self._apply_overlay_style()

    def set_guides(self, image_path: str | None) -> None:
        """libvlc's logo filter draws the image at the picture's top left, over the video (the marquee stays above)."""
        self._guides = image_path
        if self._mp is None:
            return
        option = self._vlc.VideoLogoOption
        if image_path:
            self._mp.video_set_logo_string(option.logo_file, image_path)
            self._mp.video_set_logo_int(option.logo_x, 0)
            self._mp.video_set_logo_int(option.logo_y, 0)
            self._mp.video_set_logo_int(option.logo_opacity, 255)
        self._mp.video_set_logo_int(option.logo_enable, 1 if image_path else 0)

    def guides(self) -> str | None:
        return self._guides

    def set_output_window(self, win_id: int) -> None:
        """Draw into this native window (X11 window id / HWND / NSView). Takes effect when the video starts."""
        if self._mp is None:
            return
        if sys.platform.startswith("win"):
            self._mp.set_hwnd(int(win_id))
        elif sys.platform == "darwin":
            self._mp.set_nsobject(int(win_id))
        else:
            self._mp.set_xwindow(int(win_id))

    def shutdown(self) -> None:
        if self._mp is None:
            return
        self._stop_timers()
        for name in self._EVENTS:
            self._events.event_detach(getattr(self._vlc.EventType, name))
        mp, self._mp = self._mp, None
        mp.stop()
        mp.release()
        if self._media is not None:
            self._media.release()
            self._media = None
        self._instance.release()
        self._instance = None
        self._state = "stopped"

    # -- VLC events (callbacks on VLC's threads: emit only) ---------------------------------------------------
    def _forward_vlc_event(self, event: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the Qt side is gone already (exit without shutdown())
            self._vlc_event.emit(int(event.type.value))

    def _on_vlc_event(self, event_type: int) -> None:
        if self._mp is None or self._media is None or self._failed:
            return
        events = self._vlc.EventType
        if event_type == events.MediaPlayerEncounteredError.value:
            self._fail(f"Cannot play {self._name}: VLC could not open or decode it.")
        elif event_type == events.MediaPlayerLengthChanged.value:
            self._refresh_duration()
        elif event_type == events.MediaPlayerVout.value:
            self._refresh_video_size()
            self._apply_overlay_style()
            if self._opening == "show" and self._mp.has_vout():
                self._show_first_picture()
        elif event_type == events.MediaPlayerEndReached.value and self._ended_without_tracks():
            self._fail(f"Cannot play {self._name}: it holds no audio or video that VLC can read.")
        else:
            self._sync_state()

    def _sync_state(self) -> None:
        vlc_state = self._mp.get_state()
        states = self._vlc.State
        if self._opening == "show":
            self._continue_opening(vlc_state)
        elif vlc_state == states.Playing and self._opening == "pausing":
            pass  # the silent play of the opening, before VLC took the pause asked for the first picture
        elif vlc_state == states.Playing and self._opening == "paused" and self._state != "playing":
            pass  # `:start-paused` may pass through Playing before it pauses (seen on a loaded machine)
        elif vlc_state == states.Playing:
            self._opening = ""
            self._set_state("playing")
            if not self._poll.isActive():
                self._anchor(self._position)
                self._poll.start()
        elif vlc_state == states.Paused and self._opening == "paused" and self._state == "playing":
            pass  # the pause of `:start-paused`; play() was asked meanwhile and VLC will report Playing next
        elif vlc_state == states.Paused:
            self._opening = ""
            self._poll.stop()
            self._set_state("paused")
        elif vlc_state == states.Ended:
            self._on_ended()
        elif vlc_state == states.Error:
            self._fail(f"Cannot play {self._name}: VLC could not open or decode it.")
        elif vlc_state in (states.Stopped, states.NothingSpecial):
            self._poll.stop()
            self._set_state("stopped")
        if vlc_state in (states.Playing, states.Paused) and self._track_checks == 0:
            self._on_track_timer_timeout()

    def _continue_opening(self, vlc_state: Any) -> None:
        """The silent play of an opening moved on: pause at the first picture, or open paused if none can come."""
        states = self._vlc.State
        if vlc_state == states.Error:
            self._fail(f"Cannot play {self._name}: VLC could not open or decode it.")
        elif vlc_state == states.Ended or (vlc_state == states.Playing and self._mp.video_get_track_count() == 0):
            # Nothing to draw (audio only, or a video no decoder reads; with no track decoded VLC races to the end).
            self._open_input(int(self._position), "paused")
        elif self._mp.has_vout():
            self._show_first_picture()

    def _show_first_picture(self) -> None:
        self._opening = "pausing"
        self._poll.stop()
        self._mp.set_pause(1)
        self._vlc_seek(int(self._position))
        self._settle_timer.start()
        self._set_state("paused")

    def _on_settle_timer_timeout(self) -> None:
        if self._playable() and self._state == "paused":
            self._vlc_seek(int(self._position))  # VLC ignores a paused seek made right after the pause

    def _enable_audio(self) -> bool:
        """Select the first audio track of an input opened without one; False while it has none (yet)."""
        tracks = self._mp.audio_get_track_description() or ()
        ids = [track_id for track_id, _name in tracks if track_id >= 0]
        if not ids:
            return False
        self._mp.audio_set_track(ids[0])
        self._audio_pending = False
        return True

    def _on_ended(self) -> None:
        self._poll.stop()
        if self._range is not None and self._range[2]:  # looping a line that runs to the end of the file
            start = self._range[0]
            self._open_input(start, "play")
            self._position = start
            self._anchor(start)
            self.position_changed.emit(start)
            self._poll.start()
            return
        self._range = None
        self._range_timer.stop()
        self._refresh_duration()
        if self._duration:
            self._set_position(self._duration)
        self._set_state("ended")

    def _on_track_timer_timeout(self) -> None:
        if self._mp is None or self._media is None or self._failed:
            return
        self._track_checks += 1
        if self._has_tracks():
            if not self._tracks_ok:
                self._picture_timer.start()
            self._tracks_ok = True
            self._refresh_duration()
            self._refresh_video_size()
            fps = self._mp.get_fps()
            self._fps = fps if fps and fps > 0 else DEFAULT_FPS
        elif self._track_checks >= TRACK_CHECKS:
            self._fail(f"Cannot play {self._name}: it holds no audio or video that VLC can read.")
        else:
            self._track_timer.start()

    def _on_picture_timer_timeout(self) -> None:
        if self._mp is None or self._media is None or self._failed or self._mp.has_vout():
            return
        codecs = [t.codec for t in self._media.tracks_get() or () if t.type == self._vlc.TrackType.video]
        if codecs:
            fourcc = int(codecs[0]).to_bytes(4, "little").decode("latin-1").strip("\x00 ")
            self._fail(f"Cannot show {self._name}: VLC has no decoder for its video format '{fourcc}'.")

    # -- playhead ---------------------------------------------------------------------------------------------
    def _on_poll_timeout(self) -> None:
        if self._mp is None or self._state != "playing":
            self._poll.stop()
            return
        if self._audio_pending and self._mp.audio_get_track_count() > 0 and self._enable_audio():
            self._vlc_seek(int(self._position))  # an audio track that appeared after Play (some streams)
        self._advance()
        if self._range is not None:
            end = self._range[1]
            if self._position >= end and self._vlc_reached(end):
                self._end_range()
                return
            remaining_ms = (end - self._position) / self._rate
            if remaining_ms < POLL_MS * 1.5 and not self._range_timer.isActive():
                self._range_timer.start(max(0, int(remaining_ms)))
        self.position_changed.emit(int(self._position))

    def _on_range_timer_timeout(self) -> None:
        if self._mp is None or self._state != "playing" or self._range is None:
            return
        self._advance()
        if self._vlc_reached(self._range[1]):
            self._end_range()  # else the next poll ends it, once VLC's own time is there

    def _vlc_reached(self, end: int) -> bool:
        """VLC's own time is within one of its coarse steps of `end`: the clock's extrapolation alone never ends a
        range (a busy machine can hold VLC's start back for a second while the clock runs on)."""
        return self._last_raw is not None and self._last_raw >= end - RANGE_CONFIRM_MS

    def _end_range(self) -> None:
        if self._range is None:
            return
        start, _end, loop = self._range
        self._range_timer.stop()
        if loop:
            self._vlc_seek(start)
            self._position = start
            self._anchor(start)
            self.position_changed.emit(start)
        else:
            self._range = None
            self.pause()

    def _advance(self) -> None:
        """Move the playhead: resync where VLC's coarse time changed, else extrapolate with the clock."""
        raw = self._mp.get_time()
        now = time.monotonic()
        if raw is not None and raw >= 0 and raw != self._last_raw:
            self._last_raw = raw
            self._anchor_ms, self._anchor_t = float(raw), now
        estimate = self._anchor_ms + min((now - self._anchor_t) * 1000.0, MAX_EXTRAPOLATION_MS) * self._rate
        if self._duration > 0:
            estimate = min(estimate, float(self._duration))
        if self._position - BACKWARD_HOLD_MS < estimate < self._position:
            estimate = self._position  # VLC's step landed just behind the extrapolation: hold, never jitter back
        self._position = estimate

    def _anchor(self, ms: float) -> None:
        """Extrapolate from ms, starting now. VLC's current time is noted and only a *change* of it resyncs:
        after set_time() it reads back the target at once, and after a pause it is stale."""
        self._anchor_ms, self._anchor_t = float(ms), time.monotonic()
        self._last_raw = self._mp.get_time() if self._mp is not None else None

    # -- helpers ----------------------------------------------------------------------------------------------
    def _playable(self) -> bool:
        return self._mp is not None and self._media is not None and not self._failed

    def _vlc_stopped(self) -> bool:
        states = self._vlc.State
        return self._mp.get_state() in (states.Ended, states.Stopped, states.NothingSpecial, states.Error)

    def _vlc_seek(self, ms: int) -> None:
        # A paused VLC 3 shows the last frame *before* the target: +1 ms shows the frame that covers ms.
        target = ms + 1 if self._duration <= 0 else min(ms + 1, self._duration)
        self._mp.set_time(int(target))

    def _ended_without_tracks(self) -> bool:
        """The current input (not one replaced since the event was sent) ended with nothing VLC could read. An
        opening's silent play is left to _continue_opening, which reopens the file paused and asks again."""
        if self._opening == "show" or self._mp.get_state() != self._vlc.State.Ended:
            return False
        return not (self._tracks_ok or self._has_tracks())

    def _has_tracks(self) -> bool:
        return self._mp.video_get_track_count() > 0 or self._mp.audio_get_track_count() > 0

    def _refresh_duration(self) -> None:
        length = self._mp.get_length()
        if length and length > 0 and length != self._duration:
            self._duration = int(length)
            self.duration_changed.emit(self._duration)

    def _refresh_video_size(self) -> None:
        try:
            width, height = self._mp.video_get_size(0)
        except self._vlc.VLCException:
            return
        if width > 0 and height > 0 and (width, height) != self._size:
            self._size = (int(width), int(height))
            self._apply_overlay_style()
            self.video_size_changed.emit(*self._size)

    def _apply_overlay_style(self) -> None:
        if self._mp is None:
            return
        option = self._vlc.VideoMarqueeOption
        set_int = self._mp.video_set_marquee_int
        set_int(option.Enable, 1)
        set_int(option.Position, MARQUEE_TOP if self._overlay_top else MARQUEE_BOTTOM)
        set_int(option.Color, 0xFFFFFF)
        set_int(option.Opacity, 255)
        set_int(option.Timeout, 0)
        set_int(option.Refresh, MARQUEE_REFRESH_MS)
        if self._size is not None:
            width, height = self._size
            set_int(option.Size, overlay_font_px(width, height, self._delivery_style))
            # where the render puts it: clear of a feed's UI
            set_int(option.Y, self._delivery_style.resolved(width, height).margin_v)
        self.set_overlay_text(self._overlay, top=self._overlay_top)

    def _fail(self, message: str) -> None:
        self._failed = True
        self._poll.stop()
        self._track_timer.stop()
        self._picture_timer.stop()
        self._settle_timer.stop()
        self._opening = ""
        self._range = None
        self._range_timer.stop()
        if self._media is not None and self._mp is not None:
            self._mp.stop()  # its Stopped event arrives queued and is ignored while failed
        self._set_state("error")
        self.media_error.emit(message)

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    def _set_position(self, ms: int) -> None:
        if int(ms) != int(self._position):
            self._position = ms
            self.position_changed.emit(int(ms))
