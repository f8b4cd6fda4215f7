"""Following the band frame by frame: read only when it changes, merge frames with the same text into one line,
and put each line's first and last frame exactly.

Every frame of the band arrives; every `step`-th is a sample. A sample whose band looks as at the last reading
(a downscaled grey image, compared block by block) changes nothing. Otherwise the boxes of the line on screen are
recognised again (cheap); only when that text differs is the band searched for text anew (detection, costlier).
When the text changed between two samples, the frames in between (kept) are probed by recognising the old and the
new line's boxes, bisecting to the exact frame where the old line ends and where the new one begins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from editor.core.ocr.band import centred_boxes
from editor.core.ocr.engine import DETECT_TEXT_HEIGHT, Box, OcrEngine
from editor.core.ocr.text import Reading, assemble, is_wordlike, same_text

MIN_BOX_CONFIDENCE = 0.6  # boxes recognised with less are background, not text
BOX_HEIGHTS = (0.55, 1.9)  # boxes outside these multiples of the line height are not subtitle text
CHANGED_LEVELS = 14  # a block whose mean grey level moved more than this has changed
CHANGED_BLOCKS = 2  # the band changed when at least this many blocks did
MOVED = 1.0  # line heights a line's boxes may drift while shown before it counts as moving
STILL_LEVELS = 24  # a pixel that moved less than this many grey levels since the line was first read is still
MOVED_SHARE = 0.06  # the line changed when more than this share of its still pixels moved
MIN_STILL_SHARE = 0.08  # fewer still pixels than this share of the line's boxes tell nothing


class LinePixels:
    """The grey pixels of a line's boxes when it was first read, and which of them stayed put at every sample
    since: its strokes and outline (or box). The background between them may move; while the still pixels stay
    put, the line is on screen unchanged, and recognising it again can be skipped."""

    def __init__(self, grey: np.ndarray, boxes: tuple[Box, ...]) -> None:
        height, width = grey.shape
        x0, y0 = max(0, int(min(b.x0 for b in boxes))), max(0, int(min(b.y0 for b in boxes)))
        x1, y1 = min(width, int(max(b.x1 for b in boxes)) + 1), min(height, int(max(b.y1 for b in boxes)) + 1)
        self.region = (slice(y0, y1), slice(x0, x1))
        self.first = grey[self.region].copy()
        self.still: np.ndarray | None = None

    def unchanged(self, grey: np.ndarray) -> bool | None:
        """True: the still pixels stayed put; False: they moved; None: too few still pixels to tell."""
        if self.still is None or self.still.mean() < MIN_STILL_SHARE:
            return None
        moved = np.abs(grey[self.region] - self.first) > STILL_LEVELS
        return bool((moved & self.still).sum() <= MOVED_SHARE * self.still.sum())

    def confirm(self, grey: np.ndarray) -> None:
        """The line is known to be on screen in `grey`: keep only the pixels that are still there too."""
        still = np.abs(grey[self.region] - self.first) <= STILL_LEVELS
        self.still = still if self.still is None else self.still & still


@dataclass
class Track:
    """A line followed over frames [start, end): the readings taken of it, and whether it moved."""

    start: int
    reading: Reading
    end: int | None = None
    readings: list[tuple[str, float]] = field(default_factory=list)
    centres: list[float] = field(default_factory=list)
    pixels: LinePixels | None = None

    def add(self, reading: Reading) -> None:
        self.readings.append((reading.text, reading.confidence))
        self.centres.append(reading.span.centre[0])

    @property
    def moved(self) -> bool:
        return bool(self.centres) and max(self.centres) - min(self.centres) > MOVED * self.reading.span.height


class Tracker:
    """Feed it every frame of the band in order (`push`), then `finish`; `tracks` holds the lines found."""

    def __init__(self, engine: OcrEngine, *, step: int, line_height: float, ignore: tuple[Box, ...] = (),
                 centred: bool = False) -> None:
        self.engine = engine
        self.centred = centred  # only text centred in the band is read (the lines were seen centred)
        self.step = max(1, step)
        self.line_height = line_height
        self.ignore = ignore
        self.tracks: list[Track] = []
        self.reads = 0  # full readings (detection + recognition)
        self.checks = 0  # recognitions of known boxes
        self._current: Track | None = None
        self._pending: list[tuple[int, np.ndarray]] = []  # frames since the last sample, the sample first
        self._signature: np.ndarray | None = None
        self._block = max(2, round(line_height / 4))
        self._detect_scale = min(2.0, max(0.25, DETECT_TEXT_HEIGHT / line_height))
        self._last_index = -1

    def push(self, index: int, frame: np.ndarray) -> None:
        self._last_index = index
        if index % self.step == 0 or not self._pending:
            self._sample(index, frame)
        else:
            self._pending.append((index, frame))

    def finish(self) -> list[Track]:
        """Close the line on screen after the last frame pushed (read as a sample first)."""
        if self._pending and self._pending[-1][0] != self._pending[0][0]:
            index, frame = self._pending.pop()
            self._sample(index, frame)
        if self._current is not None:
            self._current.end = self._last_index + 1
            self.tracks.append(self._current)
            self._current = None
        return self.tracks

    # -- a sample -----------------------------------------------------------------------------------------
    def _sample(self, index: int, frame: np.ndarray) -> None:
        grey = frame.mean(axis=2, dtype=np.float32)
        signature = self._signature_of(grey)
        if self._signature is not None and not self._changed(signature, self._signature):
            self._pending = [(index, frame)]
            return
        self._signature = signature
        current = self._current
        if current is not None and self._still_shown(current, frame, grey):
            self._pending = [(index, frame)]
            return
        found = self._read(frame)
        if current is not None and found is not None and same_text(found.text, current.reading.text):
            current.add(found)
            if found.boxes != current.reading.boxes:  # the line moved: follow its new boxes
                current.reading = found
                current.pixels = LinePixels(grey, found.boxes)
        elif current is not None or found is not None:
            self._change(index, frame, found)
        self._pending = [(index, frame)]

    def _still_shown(self, track: Track, frame: np.ndarray, grey: np.ndarray) -> bool:
        """The line is still on screen: its still pixels did not move, or it is recognised again in its boxes."""
        assert track.pixels is not None
        if track.pixels.unchanged(grey):
            track.pixels.confirm(grey)
            return True
        again = self._read_boxes(frame, track.reading.boxes)
        if again is not None and same_text(again.text, track.reading.text):
            track.add(again)
            track.pixels.confirm(grey)
            return True
        return False

    def _change(self, index: int, frame: np.ndarray, found: Reading | None) -> None:
        """The text changed between the last sample and frame `index`: find the exact frames."""
        between = [*self._pending, (index, frame)]
        current = self._current
        first_other = 1  # position in `between` of the first frame not showing the current line
        if current is not None:
            shows = self._prober(current.reading, current.pixels)
            first_other = _first(between, 1, len(between) - 1, lambda f: not shows(f))
            current.end = between[first_other][0]
            self.tracks.append(current)
        self._current = None
        if found is None:
            return
        shows = self._prober(found)
        first_new = _first(between, first_other, len(between) - 1, shows)
        self._current = Track(between[first_new][0], found)
        self._current.add(found)
        self._current.pixels = LinePixels(frame.mean(axis=2, dtype=np.float32), found.boxes)

    def _prober(self, reading: Reading, pixels: LinePixels | None = None) -> Callable[[np.ndarray], bool]:
        def shows(frame: np.ndarray) -> bool:
            if pixels is not None and pixels.unchanged(frame.mean(axis=2, dtype=np.float32)):
                return True
            seen = self._read_boxes(frame, reading.boxes)
            return seen is not None and same_text(seen.text, reading.text)
        return shows

    # -- reading ------------------------------------------------------------------------------------------
    def _read(self, frame: np.ndarray) -> Reading | None:
        """Search the band for text and recognise it."""
        self.reads += 1
        low, high = BOX_HEIGHTS
        boxes = [b for b in self.engine.find(frame, self._detect_scale)
                 if low * self.line_height <= b.height <= high * self.line_height
                 and not any(b.overlap(zone) > 0.5 for zone in self.ignore)]
        if self.centred:
            boxes = [boxes[i] for i in centred_boxes(boxes, frame.shape[1])]
        return self._recognised(frame, boxes)

    def _read_boxes(self, frame: np.ndarray, boxes: tuple[Box, ...]) -> Reading | None:
        self.checks += 1
        return self._recognised(frame, list(boxes))

    def _recognised(self, frame: np.ndarray, boxes: list[Box]) -> Reading | None:
        if not boxes:
            return None
        texts = self.engine.read(frame, boxes)
        pieces = [(box, text, confidence) for box, (text, confidence) in zip(boxes, texts, strict=True)
                  if confidence >= MIN_BOX_CONFIDENCE and is_wordlike(text)]
        return assemble(pieces, self.line_height)

    # -- change detection ---------------------------------------------------------------------------------
    def _signature_of(self, grey: np.ndarray) -> np.ndarray:
        b = self._block
        h, w = grey.shape[0] // b * b, grey.shape[1] // b * b
        blocks: np.ndarray = grey[:h, :w].reshape(h // b, b, w // b, b).mean(axis=(1, 3))
        return blocks

    def _changed(self, a: np.ndarray, b: np.ndarray) -> bool:
        return int((np.abs(a - b) > CHANGED_LEVELS).sum()) >= CHANGED_BLOCKS


def _first(frames: list[tuple[int, np.ndarray]], lo: int, hi: int, test: Callable[[np.ndarray], bool]) -> int:
    """The first position in [lo, hi] whose frame passes `test`, assuming frames fail then pass (hi passes)."""
    while lo < hi:
        mid = (lo + hi) // 2
        if test(frames[mid][1]):
            hi = mid
        else:
            lo = mid + 1
    return lo
