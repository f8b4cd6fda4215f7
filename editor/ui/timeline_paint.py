"""Drawing the timeline: state palette, a mip-map of the peaks, the waveform image, the ruler and cue blocks.

Every function draws only what is visible: the waveform costs O(width) at any zoom because each pixel column
reads one or two buckets of the pyramid level whose bucket is just under a pixel wide (bench timeline (b),
decision 009). numpy is imported where it is used: it costs ~0.1 s, and only projects with a waveform need it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPen

from editor.core.review import State
from editor.core.text import strip_tags
from editor.services.waveform import Peaks

if TYPE_CHECKING:
    import numpy as np

# Review state -> block colour (hex, so the table and other views can reuse it with QColor(hex)).
STATE_COLORS: dict[State, str] = {
    State.UNTRANSLATED: "#8b9099",
    State.MT_DRAFT: "#e3a521",
    State.EDITED: "#22a69a",
    State.TRANSLATED: "#3b82d6",
    State.APPROVED: "#3aa856",
    State.REJECTED: "#d94848",
    State.STALE: "#9160cf",
}

BACKGROUND = QColor("#1c1d21")
RULER_BG = QColor("#2a2c31")
RULER_FG = QColor("#b8bcc4")
WAVE_FG = QColor("#5fb3c4")
LANE_BG = QColor("#232429")
CURRENT_BAND = QColor(255, 255, 255, 28)
CURRENT_BORDER = QColor("#ffffff")
PLAYHEAD = QColor("#ff5b4f")
SHOT_CHANGE = QColor("#c9a8ff")  # a cut in the picture: a thin line across the waveform and the lane

_QCOLORS: dict[State, QColor] = {state: QColor(hex_) for state, hex_ in STATE_COLORS.items()}


def state_color(state: State) -> QColor:
    return _QCOLORS[state]


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background`."""
    luma = 0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF()
    return QColor("#111111") if luma > 0.6 else QColor("#ffffff")


class PeakPyramid:
    """Peaks at 2x reductions: level k holds min/max over 2**k buckets, so any zoom reads O(columns)."""

    def __init__(self, peaks: Peaks) -> None:
        import numpy as np
        self.bucket_ms = 1000.0 / peaks.rate
        self.duration_ms = peaks.duration_ms
        mins, maxs = np.asarray(peaks.mins, np.int16), np.asarray(peaks.maxs, np.int16)
        self.levels: list[tuple[np.ndarray, np.ndarray]] = [(mins, maxs)]
        while len(mins) > 1:
            if len(mins) % 2:
                mins, maxs = np.append(mins, mins[-1]), np.append(maxs, maxs[-1])
            mins, maxs = np.minimum(mins[0::2], mins[1::2]), np.maximum(maxs[0::2], maxs[1::2])
            self.levels.append((mins, maxs))
        # Loudness scale: a high percentile, so one bang does not flatten the whole film.
        sample = next((lv for lv in self.levels if len(lv[0]) <= 200_000), self.levels[-1])
        magnitude = np.maximum(np.abs(sample[0].astype(np.int32)), np.abs(sample[1].astype(np.int32)))
        self.scale = max(float(np.percentile(magnitude, 99.5)) if len(magnitude) else 0.0, 64.0)

    def columns(self, start_ms: float, ms_per_px: float, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per pixel column: (min, max) in -1..1 and whether the column has audio."""
        import numpy as np
        level = math.floor(math.log2(max(ms_per_px / self.bucket_ms, 1.0)))
        level = max(0, min(level, len(self.levels) - 1))
        mins, maxs = self.levels[level]
        bucket_ms = self.bucket_ms * (1 << level)
        n = len(mins)
        edges = np.floor((start_ms + np.arange(width + 1) * ms_per_px) / bucket_ms).astype(np.int64)
        first = edges[:-1]
        valid = (first >= 0) & (first < n)
        if not valid.any():
            zero = np.zeros(width)
            return zero, zero, valid
        lo = int(np.clip(first[0], 0, n - 1))
        hi = int(np.clip(max(edges[-1], first[-1] + 1), lo + 1, n))
        idx = np.clip(first, lo, hi - 1) - lo
        col_min = np.minimum.reduceat(mins[lo:hi], idx).astype(np.float32) / self.scale
        col_max = np.maximum.reduceat(maxs[lo:hi], idx).astype(np.float32) / self.scale
        return np.clip(col_min, -1, 1), np.clip(col_max, -1, 1), valid


def waveform_image(pyramid: PeakPyramid, start_ms: float, ms_per_px: float, width: int, height: int,
                   color: QColor = WAVE_FG) -> QImage:
    """The visible waveform as an ARGB image of width x height device pixels (numpy fills it, no Python loop)."""
    import numpy as np
    col_min, col_max, valid = pyramid.columns(start_ms, ms_per_px, width)
    mid = (height - 1) / 2.0
    half = mid * 0.95
    top = np.floor(mid - col_max * half).astype(np.int32)
    bottom = np.maximum(np.ceil(mid - col_min * half).astype(np.int32), top)
    rows = np.arange(height, dtype=np.int32)[:, None]
    mask = (rows >= top[None, :]) & (rows <= bottom[None, :]) & valid[None, :]
    pixels = np.zeros((height, width), dtype=np.uint32)
    pixels[mask] = np.uint32(color.rgba())
    image = QImage(pixels.data, width, height, width * 4, QImage.Format.Format_ARGB32_Premultiplied)
    return image.copy()  # own the memory; the numpy buffer goes away


# --- ruler ----------------------------------------------------------------------------------------------------

_STEPS_MS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000,
             300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000)


def tick_steps(ms_per_px: float, label_px: float = 80, minor_px: float = 7) -> tuple[int, int]:
    """(labelled step, minor step) in ms so labels are >= label_px apart and minor ticks >= minor_px."""
    major = next((s for s in _STEPS_MS if s / ms_per_px >= label_px), _STEPS_MS[-1])
    minor = next((s for s in _STEPS_MS if s < major and major % s == 0 and s / ms_per_px >= minor_px), major)
    return major, minor


def format_time(ms: int, step_ms: int) -> str:
    """A ruler label as precise as the step needs: 1:02:03, 12:05, 12:05.5, 12:05.250."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    text = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    if step_ms < 1000:
        digits = 1 if step_ms % 100 == 0 else 2 if step_ms % 10 == 0 else 3
        text += f".{millis:03d}"[: 1 + digits]
    return text


def draw_ruler(painter: QPainter, rect: QRect, start_ms: float, ms_per_px: float) -> None:
    painter.fillRect(rect, RULER_BG)
    major, minor = tick_steps(ms_per_px)
    end_ms = start_ms + rect.width() * ms_per_px
    painter.setPen(QPen(RULER_FG, 1))
    bottom = rect.bottom()
    tick = int(start_ms // minor) * minor
    while tick <= end_ms:
        x = round((tick - start_ms) / ms_per_px) + rect.left()
        if tick % major == 0:
            painter.drawLine(x, bottom - 7, x, bottom)
            painter.drawText(x + 3, rect.top(), 200, rect.height() - 4,
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, format_time(tick, major))
        else:
            painter.drawLine(x, bottom - 3, x, bottom)
        tick += minor


# --- cue blocks ------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Block:
    x0: float
    x1: float
    state: State
    text: str
    current: bool = False
    preview: bool = False
    ghost: bool = False


def draw_block(painter: QPainter, lane: QRect, block: Block, metrics: QFontMetrics) -> None:
    """One cue: a rounded box in its state colour with its text elided inside; thin cues become bars."""
    x0, x1 = block.x0, max(block.x1, block.x0 + 1)
    rect = QRectF(x0, lane.top() + 3, x1 - x0, lane.height() - 6)
    fill = state_color(block.state)
    if block.ghost:  # where a dragged cue was: a dashed outline
        painter.setPen(QPen(fill, 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        return
    if rect.width() < 4:
        painter.fillRect(rect, fill)
        return
    painter.setPen(QPen(CURRENT_BORDER, 2) if block.current or block.preview else QPen(fill.darker(150), 1))
    painter.setBrush(fill)
    painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
    left, right = max(rect.left(), lane.left()) + 5, min(rect.right(), lane.right()) - 4  # keep text in view
    if right - left >= 8 and block.text:
        inner = QRectF(left, rect.top() + 2, right - left, rect.height() - 4)
        text = metrics.elidedText(block.text, Qt.TextElideMode.ElideRight, int(inner.width()))
        if text:
            painter.setPen(text_color_on(fill))
            painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def block_text(target: str, source: str) -> str:
    """The text a block shows, as a viewer reads it: the target (else the source) without markup, on one line."""
    text = strip_tags(target) if strip_tags(target).strip() else strip_tags(source)
    return " / ".join(part.strip() for part in text.splitlines() if part.strip())


def draw_shot_changes(painter: QPainter, xs: list[float], top: int, bottom: int) -> None:
    """A cut in the picture: a dashed line from `top` to `bottom` at each x, under a small marker at the top (the
    line alone is easy to miss among the waveform's peaks)."""
    painter.setPen(QPen(SHOT_CHANGE, 2, Qt.PenStyle.DashLine))
    for x in xs:
        painter.drawLine(round(x), top, round(x), bottom)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(SHOT_CHANGE)
    for x in xs:
        painter.drawPolygon([QPointF(x - 5, top), QPointF(x + 5, top), QPointF(x, top + 7)])

