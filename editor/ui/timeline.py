"""The timeline: waveform, ruler and cue blocks coloured by review state; click to seek, drag to retime.

What does not move while the film plays (ruler, waveform, blocks) is rendered once per view into a pixmap;
a playhead step repaints only two thin strips over it (0.05 ms a frame instead of 1-2 ms: bench timeline (c),
decision 009). A drag paints a preview only; the release makes ONE
`SetTiming` through the session, so a retime is one undo step like any other edit.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QPolygon,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QWidget

from editor.core.document import Change, Cue
from editor.core.edits import SetTiming
from editor.services.waveform import Peaks
from editor.ui.session import ReviewSession
from editor.ui.timeline_model import CueDrag, CueIndex, DragMode
from editor.ui.timeline_paint import (
    BACKGROUND,
    CURRENT_BAND,
    LANE_BG,
    PLAYHEAD,
    STATE_COLORS,
    Block,
    PeakPyramid,
    block_text,
    draw_block,
    draw_ruler,
    draw_shot_changes,
    state_color,
    waveform_image,
)

__all__ = ["STATE_COLORS", "TimelineWidget", "state_color"]

RULER_H = 20
LANE_H = 44
EDGE_PX = 5  # grab zone of a block's edge
SNAP_PX = 8
MIN_MS_PER_PX = 1.0
MAX_MS_PER_PX = 60_000.0  # before anything says how long the film is


@dataclass
class _Press:
    pos: QPoint
    hit: tuple[int, DragMode] | None
    view_start: float
    panning: bool = False


class TimelineWidget(QWidget):
    """Custom-painted timeline of one review session."""

    seek_requested = Signal(int)  # ms
    cue_clicked = Signal(int)  # cue id
    view_changed = Signal(int, int)  # visible start ms, end ms

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.min_gap_ms = 83  # 2 frames at 24 fps; the window sets it from the project's fps
        self.min_duration_ms = 40
        self.fps: float | None = None  # the video's frame rate: dragged edges land on its frames
        self._cuts: tuple[int, ...] = ()  # shot changes, ms
        self.follow_playhead = True  # page along when the playing head walks out of the view
        self._index = CueIndex(session.doc)
        self._pyramid: PeakPyramid | None = None
        self._duration = 0
        self._playhead = 0
        self._current: int | None = None
        self._start = 0.0
        self._mpp = 50.0
        self._announced: tuple[int, int] | None = None
        self._layer: QPixmap | None = None
        self._layer_key: tuple | None = None
        self._version = 0
        self._press: _Press | None = None
        self._drag: CueDrag | None = None
        self._preview: tuple[int, int] | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumHeight(RULER_H + LANE_H + 40)
        session.changed.connect(self._on_session_changed)

    # --- public API --------------------------------------------------------------------------------------
    def set_shot_changes(self, times_ms: tuple[int, ...]) -> None:
        """Cuts in the picture (sorted ms): drawn across the waveform and the lane; dragged edges snap to them."""
        self._cuts = tuple(sorted(times_ms))
        self._invalidate()

    def shot_changes(self) -> tuple[int, ...]:
        return self._cuts

    def set_peaks(self, peaks: Peaks | None) -> None:
        self._pyramid = PeakPyramid(peaks) if peaks is not None and len(peaks) else None
        self._invalidate()

    def set_duration(self, ms: int) -> None:
        self._duration = max(0, int(ms))
        self.set_view(self._start, self._mpp)

    def total_ms(self) -> int:
        """Length of the timeline: the media's, or the audio's or the last cue's end when longer."""
        audio = self._pyramid.duration_ms if self._pyramid else 0
        return max(self._duration, audio, self._index.last_end)

    @property
    def ms_per_px(self) -> float:
        return self._mpp

    def view_range(self) -> tuple[int, int]:
        return int(self._start), int(self._start + self.width() * self._mpp)

    def set_view(self, start_ms: float, ms_per_px: float) -> None:
        """Show from `start_ms` at `ms_per_px` (clamped to the timeline); emits `view_changed` when it moves."""
        width, total = max(1, self.width()), self.total_ms()
        max_mpp = max(MIN_MS_PER_PX * 4, total * 1.02 / width) if total else MAX_MS_PER_PX
        mpp = min(max(float(ms_per_px), MIN_MS_PER_PX), max_mpp)
        start = max(0.0, float(start_ms))
        if total:  # the last screen may show up to half a screen past the end
            start = min(start, max(0.0, total - width * mpp * 0.5))
        if (start, mpp) == (self._start, self._mpp):
            return
        self._start, self._mpp = start, mpp
        self.update()
        self._announce_view()

    def _announce_view(self) -> None:
        view = self.view_range()
        if view != self._announced:
            self._announced = view
            self.view_changed.emit(*view)

    def zoom(self, factor: float, anchor_ms: float | None = None) -> None:
        """Zoom by `factor` (> 1 shows more time) keeping `anchor_ms` under the same pixel."""
        anchor = self._start + self.width() * self._mpp / 2 if anchor_ms is None else anchor_ms
        x = (anchor - self._start) / self._mpp
        mpp = self._mpp * factor
        self.set_view(anchor - x * mpp, mpp)

    def scroll_by(self, ms: float) -> None:
        self.set_view(self._start + ms, self._mpp)

    def set_playhead(self, ms: int) -> None:
        """Move the playhead; repaints two thin strips unless the view pages along with it."""
        old_x, old = self._x(self._playhead), self._playhead
        self._playhead = max(0, int(ms))
        start, end = self._start, self._start + self.width() * self._mpp
        if self.follow_playhead and start <= old <= end and not start <= self._playhead < end:
            self.set_view(self._playhead - (end - start) * 0.05, self._mpp)
            return
        self.update(self._playhead_strip(old_x))
        self.update(self._playhead_strip(self._x(self._playhead)))

    @property
    def playhead(self) -> int:
        return self._playhead

    def cue_at(self, ms: float) -> int | None:
        """The cue showing at `ms` (the latest-starting one when several overlap)."""
        return self._index.at(ms)

    def set_current_cue(self, cue_id: int | None) -> None:
        if cue_id != self._current:
            self._current = cue_id
            self._invalidate()

    def ensure_visible(self, ms: int) -> None:
        """Scroll (keeping the zoom) so `ms` is in view, a little after the left edge when it was not."""
        span = self.width() * self._mpp
        if not self._start <= ms <= self._start + span:
            self.set_view(ms - span * 0.1, self._mpp)

    # --- geometry ---------------------------------------------------------------------------------------------
    def _x(self, ms: float) -> float:
        return (ms - self._start) / self._mpp

    def _ms_at(self, x: float) -> float:
        return self._start + x * self._mpp

    def _lane(self) -> QRect:
        return QRect(0, self.height() - LANE_H, self.width(), LANE_H)

    def _wave(self) -> QRect:
        return QRect(0, RULER_H, self.width(), max(0, self.height() - RULER_H - LANE_H))

    def _playhead_strip(self, x: float) -> QRect:
        return QRect(int(x) - 6, 0, 13, self.height())

    # --- painting -----------------------------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._version += 1
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._static_layer())
        if self._drag is not None and self._preview is not None:
            cue = self.session.doc.get(self._drag.cue_id)
            block = Block(self._x(self._preview[0]), self._x(self._preview[1]), cue.state,
                          block_text(cue.target, cue.source), preview=True)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            draw_block(painter, self._lane(), block, painter.fontMetrics())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        x = round(self._x(self._playhead))
        if -6 <= x <= self.width() + 6:
            painter.setPen(PLAYHEAD)
            painter.drawLine(x, 0, x, self.height())
            painter.setBrush(PLAYHEAD)
            painter.drawPolygon(QPolygon([QPoint(x - 5, 0), QPoint(x + 5, 0), QPoint(x, 6)]))
        painter.end()

    def _static_layer(self) -> QPixmap:
        dpr = self.devicePixelRatioF()
        dragged = self._drag.cue_id if self._drag is not None else None
        key = (self.width(), self.height(), dpr, self._start, self._mpp, self._version, dragged)
        if self._layer is None or key != self._layer_key:
            self._layer = self._render_layer(dpr, dragged)
            self._layer_key = key
        return self._layer

    def _render_layer(self, dpr: float, ghost: int | None) -> QPixmap:
        """Ruler, waveform and cue blocks of the visible range; a dragged cue leaves a ghost (its preview is live)."""
        pixmap = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(BACKGROUND)
        painter = QPainter(pixmap)
        painter.setFont(self.font())
        draw_ruler(painter, QRect(0, 0, self.width(), RULER_H), self._start, self._mpp)
        wave, lane = self._wave(), self._lane()
        t0, t1 = self._start, self._ms_at(self.width())
        doc = self.session.doc
        if self._current is not None and self._index.intersects(self._current, t0, t1):
            cue = doc.get(self._current)
            x0, x1 = self._x(cue.start_ms), self._x(cue.end_ms)
            painter.fillRect(QRect(round(x0), wave.top(), max(1, round(x1 - x0)), wave.height()), CURRENT_BAND)
        if self._pyramid is not None and wave.height() > 2:
            image = waveform_image(self._pyramid, self._start, self._mpp / dpr, round(wave.width() * dpr),
                                   round(wave.height() * dpr))
            image.setDevicePixelRatio(dpr)
            painter.drawImage(wave.topLeft(), image)
        painter.fillRect(lane, LANE_BG)
        lo, hi = bisect_left(self._cuts, t0), bisect_right(self._cuts, t1)
        draw_shot_changes(painter, [self._x(t) for t in self._cuts[lo:hi]], wave.top(), lane.bottom())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        for i in self._index.visible(t0, t1):
            cue_id = self._index.ids[i]
            cue = doc.get(cue_id)
            text = block_text(cue.target, cue.source) if (cue.end_ms - cue.start_ms) / self._mpp >= 16 else ""
            block = Block(self._x(cue.start_ms), self._x(cue.end_ms), cue.state, text, cue_id == self._current,
                          ghost=cue_id == ghost)
            draw_block(painter, lane, block, metrics)
        painter.end()
        return pixmap

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.set_view(self._start, self._mpp)
        self._announce_view()

    # --- session -----------------------------------------------------------------------------------------------
    def _on_session_changed(self, change: Change) -> None:
        """Re-index only when timing or structure changed; repaint only when an affected cue is in view."""
        timing = change.structural or any(
            (d.before.start_ms, d.before.end_ms) != (d.after.start_ms, d.after.end_ms)
            for d in change.deltas if d.before is not None and d.after is not None)
        t0, t1 = self._start, self._ms_at(self.width())
        visible_before = any(self._index.intersects(i, t0, t1) for i in change.cue_ids)
        if timing:
            self._index = CueIndex(self.session.doc)
            if self._current is not None and self._current not in self.session.doc:
                self._current = None
            if self._drag is not None and self._drag.cue_id in change.cue_ids:
                self._cancel_drag()  # the line moved under the drag
        if visible_before or any(self._index.intersects(i, t0, t1) for i in change.cue_ids):
            self._invalidate()

    # --- mouse and keyboard ------------------------------------------------------------------------------------
    def _hit(self, pos: QPoint) -> tuple[int, DragMode] | None:
        """The cue block (and which part: an edge or the body) under `pos`, or None."""
        if not self._lane().contains(pos):
            return None
        return self._index.hit(self._ms_at(pos.x()), EDGE_PX * self._mpp)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        self._press = _Press(pos, self._hit(pos), self._start)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        press = self._press
        if press is None:
            self._update_cursor(pos)
            return
        dx = pos.x() - press.pos.x()
        if self._drag is None and not press.panning:
            if abs(dx) < QApplication.startDragDistance():
                return
            if press.hit is None:
                press.panning = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            else:
                self._begin_drag(*press.hit)
        if press.panning:
            self.set_view(press.view_start - dx * self._mpp, self._mpp)
        elif self._drag is not None:
            snap = 0.0 if event.modifiers() & Qt.KeyboardModifier.AltModifier else SNAP_PX * self._mpp
            self._set_preview(self._drag.result(dx * self._mpp, snap))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, drag, preview = self._press, self._drag, self._preview
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return super().mouseReleaseEvent(event)
        self._press, self._drag, self._preview = None, None, None
        self._update_cursor(event.position().toPoint())
        if drag is not None:
            self._invalidate()
            if preview is not None and preview != (drag.start, drag.end):
                line = str(self.session.doc.index_of(drag.cue_id) + 1)
                self.session.apply(SetTiming(drag.cue_id, *preview), text=self.tr("Retime line %1").replace("%1", line))
        elif not press.panning:
            if press.hit is not None:
                cue_id = press.hit[0]
                self.cue_clicked.emit(cue_id)
                self.seek_requested.emit(self.session.doc.get(cue_id).start_ms)
            else:
                self.seek_requested.emit(max(0, round(self._ms_at(press.pos.x()))))

    def _begin_drag(self, cue_id: int, mode: DragMode) -> None:
        cue = self.session.doc.get(cue_id)
        limit = self._duration or None
        self._drag = CueDrag.begin(self._index, cue, mode, min_gap=self.min_gap_ms,
                                   min_duration=self.min_duration_ms, playhead=self._playhead, limit=limit,
                                   fps=self.fps, cuts=self._cuts_near(cue))
        self._preview = (cue.start_ms, cue.end_ms)
        self._invalidate()

    def _cuts_near(self, cue: Cue) -> tuple[int, ...]:
        """The cuts a drag of `cue` may snap to: those within ten seconds of it (a drag rarely goes farther)."""
        lo, hi = bisect_left(self._cuts, cue.start_ms - 10_000), bisect_right(self._cuts, cue.end_ms + 10_000)
        return self._cuts[lo:hi]

    def _set_preview(self, preview: tuple[int, int]) -> None:
        if preview != self._preview:
            old = self._preview
            self._preview = preview
            lane = self._lane()
            for start, end in [preview] if old is None else [old, preview]:
                x0, x1 = self._x(start), self._x(end)
                self.update(QRect(int(x0) - 3, lane.top(), int(x1 - x0) + 7, lane.height()))

    def _cancel_drag(self) -> None:
        self._press, self._drag, self._preview = None, None, None
        self.unsetCursor()
        self._invalidate()

    def _update_cursor(self, pos: QPoint) -> None:
        hit = self._hit(pos)
        if hit is None:
            self.unsetCursor()
        elif hit[1] is DragMode.MOVE:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.setCursor(Qt.CursorShape.SizeHorCursor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Wheel (or Ctrl+wheel) zooms around the pointer; Shift+wheel and horizontal wheels scroll."""
        dy, dx = event.angleDelta().y(), event.angleDelta().x()
        span = self.width() * self._mpp
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or (dx and not dy):
            self.scroll_by(-(dy or dx) / 120 * span * 0.1)
        elif dy:
            self.zoom(0.8 ** (dy / 120), self._ms_at(event.position().x()))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, span = event.key(), self.width() * self._mpp
        if key == Qt.Key.Key_Escape and (self._drag is not None or self._press is not None):
            self._cancel_drag()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.scroll_by(span * 0.1 * (-1 if key == Qt.Key.Key_Left else 1))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.scroll_by(span * 0.9 * (-1 if key == Qt.Key.Key_PageUp else 1))
        elif key == Qt.Key.Key_Home:
            self.set_view(0, self._mpp)
        elif key == Qt.Key.Key_End:
            self.set_view(self.total_ms() - span, self._mpp)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            anchor = self._playhead if self._start <= self._playhead <= self._start + span else None
            self.zoom(0.8 if key != Qt.Key.Key_Minus else 1.25, anchor)
        else:
            return super().keyPressEvent(event)
        event.accept()

