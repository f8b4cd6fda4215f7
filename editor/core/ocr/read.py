"""Reading a video's burned-in subtitles: find the band, follow it frame by frame, return timed lines.

`read_burned_in` blocks for as long as the reading takes (about a quarter of the video's length for a 1080x1920
episode on two cores): run it off the GUI thread; it calls `progress(fraction)` and `should_stop()` as it goes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from editor.core.ocr import model
from editor.core.ocr.band import Band, Seen, boxes_to_read, find_band
from editor.core.ocr.engine import Box, OcrEngine, engine
from editor.core.ocr.frames import FrameReader, Video, last_complaint, open_video
from editor.core.ocr.model import OcrCue, OcrError, OcrNote, OcrResult, Rect
from editor.core.ocr.text import best_text, same_text
from editor.core.ocr.track import Track, Tracker
from editor.core.regions import region_text
from editor.core.timecode import format_clock

LANGUAGES = ("zh-Hans", "zh-Hant")
SAMPLES_PER_SECOND = 4.0  # the band is compared (and read when it changed) this often; boundaries are then exact
LOOK_SHORT_SIDE = 720  # frames looked at for the band are scaled so their short side is this many pixels
MIN_LOOKS, MAX_LOOKS = 8, 24  # frames looked at for the band: key frames when there are enough, else spread
READ_LINE_HEIGHT = 44.0  # the band is read scaled so a line is about this high (never enlarged): recognition's size
MIN_LINE_S = 0.08  # a line shown for less is a misreading of one or two frames, not a line
MOVING_CONFIDENCE = 0.5  # the highest confidence of a line whose text moved while shown
MOVING_GAP_S = 0.5  # pieces of a sliding line read this close to it are pieces of it
DISCOVERY_SHARE = 0.08  # of the progress bar, for finding the band

Progress = Callable[[float], None]
ShouldStop = Callable[[], bool]


def read_burned_in(video: str | os.PathLike[str], *, lang: str = "zh-Hans", region: Rect | None = None,
                   fps: float | None = None, progress: Progress | None = None,
                   should_stop: ShouldStop | None = None, threads: int | None = None) -> OcrResult:
    """The burned-in lines of `video`. `region` (x, y, w, h in the video's pixels) limits the search, else the
    band is found by itself; `fps` overrides the video's frame rate, on whose frames the times are put.
    Raises OcrError for a video that cannot be read or a region outside the picture."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    source = open_video(video)
    if fps is not None:
        source = replace(source, fps=fps)
    area = checked_region(region, source) if region is not None else (0, 0, source.width, source.height)
    report = progress or (lambda _fraction: None)
    stop = should_stop or (lambda: False)
    ocr = engine(threads or _default_threads())
    seen, looked = _look_for_text(source, area, ocr, report, stop)
    result = OcrResult([], None, [], 0, source.fps, source.width, source.height, source.duration_ms)
    if stop():
        result.cancelled = True
        result.notes.append(OcrNote("cancelled", model.CANCELLED, {"at": format_clock(0)}))
        return result
    band = find_band(seen, looked, area, (source.width, source.height))
    if band is None and region is None:
        result.notes.append(OcrNote("no_text", model.NO_TEXT, {"name": source.name, "frames": looked}))
        return result
    if band is None:
        band = _whole_region(area, seen, source)
    result.band = band.rect
    _follow(source, band, ocr, report, stop, result)
    if not result.cues and region is not None and not result.cancelled:
        result.notes.append(OcrNote("no_text_in_region", model.NO_TEXT_IN_REGION,
                                    {"name": source.name, "region": region_text(area)}))
    elif not result.cues and not result.cancelled:
        result.notes.append(OcrNote("no_text", model.NO_TEXT, {"name": source.name, "frames": result.frames_read}))
    report(1.0)
    return result


def checked_region(region: Rect, video: Video) -> Rect:
    """`region` made even (FFmpeg crops whole chroma samples), or OcrError when it is not inside the picture."""
    x, y, w, h = (int(v) for v in region)
    if w <= 0 or h <= 0 or x < 0 or y < 0 or x + w > video.width or y + h > video.height:
        raise OcrError("region_outside", template=model.REGION_OUTSIDE, region=region_text(region),
                       width=video.width, height=video.height, name=video.name)
    x0, y0 = x - x % 2, y - y % 2
    x1, y1 = min(video.width, x + w + (x + w) % 2), min(video.height, y + h + (y + h) % 2)
    if x1 - x0 < 8 or y1 - y0 < 8:
        raise OcrError("region_outside", template=model.REGION_OUTSIDE, region=region_text(region),
                       width=video.width, height=video.height, name=video.name)
    return x0, y0, x1 - x0, y1 - y0


def _default_threads() -> int:
    """onnxruntime's threads: one fewer than the cores (FFmpeg decodes on the other), at least one."""
    return max(1, min(4, (os.cpu_count() or 2) - 1))


# -- finding the band --------------------------------------------------------------------------------------------
def _look_for_text(video: Video, area: Rect, ocr: OcrEngine, report: Progress,
                   stop: ShouldStop) -> tuple[list[Seen], int]:
    """Text boxes in frames spread over the video (in the video's pixels), and how many frames were looked at."""
    scale = LOOK_SHORT_SIDE / min(video.width, video.height)
    size = (_even(area[2] * scale), _even(area[3] * scale))
    frames = _key_frames(video, area, size)
    if len(frames) < MIN_LOOKS:
        frames = _spread_frames(video, area, size)
    sx, sy = area[2] / size[0], area[3] / size[1]
    seen: list[Seen] = []
    for k, frame in enumerate(frames):
        if stop():
            break
        boxes = ocr.find(frame)  # subtitle boxes are ~4-6.5 % of the short side: 29-47 px at this size
        wanted = boxes_to_read(boxes, size[0], (0.03 * LOOK_SHORT_SIDE, 0.1 * LOOK_SHORT_SIDE))
        texts = dict(zip(wanted, ocr.read(frame, [boxes[i] for i in wanted]), strict=True))
        for i, box in enumerate(boxes):
            placed = Box(box.x0 * sx + area[0], box.y0 * sy + area[1], box.x1 * sx + area[0], box.y1 * sy + area[1])
            text, confidence = texts.get(i, (None, 0.0))
            seen.append(Seen(k, placed, text, confidence))
        report(DISCOVERY_SHARE * (k + 1) / len(frames))
    return seen, len(frames)


def _key_frames(video: Video, area: Rect, size: tuple[int, int]) -> list[np.ndarray]:
    """At most MAX_LOOKS key frames evenly spread: every other one is dropped whenever there are more."""
    kept: list[np.ndarray] = []
    stride = 1
    with FrameReader(video, size=size, crop=_crop(area, video), keyframes_only=True) as reader:
        for k, frame in enumerate(reader):
            if k % stride:
                continue
            kept.append(frame)
            if len(kept) > MAX_LOOKS:
                kept, stride = kept[::2], stride * 2
        _refuse_undecodable(reader, video)
    return kept


def _spread_frames(video: Video, area: Rect, size: tuple[int, int]) -> list[np.ndarray]:
    seconds = (video.duration_ms or 10_000) / 1000
    count = min(MAX_LOOKS, max(MIN_LOOKS, round(seconds / 2)))
    with FrameReader(video, size=size, crop=_crop(area, video), rate=count / seconds) as reader:
        frames = list(reader)
        _refuse_undecodable(reader, video)
    return frames


def _crop(area: Rect, video: Video) -> Rect | None:
    return None if area == (0, 0, video.width, video.height) else area


def _refuse_undecodable(reader: FrameReader, video: Video) -> None:
    if reader.frames == 0 and reader.returncode not in (0, None):
        raise OcrError("undecodable", template=model.UNDECODABLE, name=video.name,
                       reason=last_complaint(reader.complaints, video))


def _whole_region(area: Rect, seen: list[Seen], video: Video) -> Band:
    """A region given by hand where the frames looked at showed no subtitle: read all of it."""
    inside = [s.box.height for s in seen if s.confidence >= 0.7]
    line = float(np.median(inside)) if inside else 0.055 * min(video.width, video.height)
    return Band(area, line, 0, (), centred=False)


# -- following the band --------------------------------------------------------------------------------------------
def _follow(video: Video, band: Band, ocr: OcrEngine, report: Progress, stop: ShouldStop,
            result: OcrResult) -> None:
    scale = min(1.0, READ_LINE_HEIGHT / band.line_height)
    x, y, w, h = band.rect
    size = (_even(w * scale), _even(h * scale))
    ignore = tuple(Box((b.x0 - x) * scale, (b.y0 - y) * scale, (b.x1 - x) * scale, (b.y1 - y) * scale)
                   for b in band.ignore)
    step = max(1, round(video.fps / SAMPLES_PER_SECOND))
    tracker = Tracker(ocr, step=step, line_height=band.line_height * scale, ignore=ignore, centred=band.centred)
    expected = video.expected_frames
    with FrameReader(video, size=size, crop=_crop(band.rect, video), rate=video.fps) as reader:
        for index, frame in enumerate(reader):
            tracker.push(index, frame)
            if index % step == 0:
                if expected:
                    report(DISCOVERY_SHARE + (1 - DISCOVERY_SHARE) * min(1.0, index / expected))
                if stop():
                    result.cancelled = True
                    break
        result.frames_read = reader.frames
        reader.close()
        complaints = reader.complaints
        _refuse_undecodable(reader, video)
    tracks = tracker.finish()
    result.cues = _cues(tracks, video.fps)
    _add_notes(result, video, complaints, expected)


def _cues(tracks: list[Track], fps: float) -> list[OcrCue]:
    shortest = max(2, round(MIN_LINE_S * fps))
    kept = [t for t in tracks if t.end is not None and t.end - t.start >= shortest]
    merged: list[Track] = []
    for track in kept:
        last = merged[-1] if merged else None
        if last is not None and last.end is not None and track.start - last.end <= 2 \
                and same_text(track.reading.text, last.reading.text):
            last.end = track.end
            last.readings += track.readings
            last.centres += track.centres
        else:
            merged.append(track)
    moving = _moving(merged, round(MOVING_GAP_S * fps))
    cues = []
    for track, moved in zip(merged, moving, strict=True):
        assert track.end is not None
        text, confidence = best_text(track.readings)
        if moved:
            confidence = min(confidence, MOVING_CONFIDENCE)
        cues.append(OcrCue(round(track.start * 1000 / fps), round(track.end * 1000 / fps), text,
                           round(confidence, 4), moved))
    return cues


def _moving(tracks: list[Track], gap: int) -> list[bool]:
    """Which lines moved: those whose boxes drifted, and the pieces of a moving line read on its way in or out
    (a line at most `gap` frames from a moving one and sharing a character with it)."""
    moving = [track.moved for track in tracks]
    changed = True
    while changed:
        changed = False
        for k in range(len(tracks)):
            if moving[k]:
                continue
            for j in (k - 1, k + 1):
                if 0 <= j < len(tracks) and moving[j] and _near(tracks[min(j, k)], tracks[max(j, k)], gap) \
                        and set(tracks[j].reading.text) & set(tracks[k].reading.text) - set(" \n"):
                    moving[k] = changed = True
                    break
    return moving


def _near(before: Track, after: Track, gap: int) -> bool:
    return before.end is not None and after.start - before.end <= gap


def _add_notes(result: OcrResult, video: Video, complaints: str, expected: int | None) -> None:
    at_ms = round(result.frames_read * 1000 / video.fps)
    if result.cancelled:
        result.notes.append(OcrNote("cancelled", model.CANCELLED, {"at": format_clock(at_ms)}))
    elif expected and result.frames_read < expected - max(video.fps, 0.02 * expected):
        result.notes.append(OcrNote("cut_short", model.CUT_SHORT, {
            "name": video.name, "at": format_clock(at_ms), "duration": format_clock(video.duration_ms or 0)}))
    elif complaints.strip():
        result.notes.append(OcrNote("damaged", model.DAMAGED,
                                    {"name": video.name, "reason": last_complaint(complaints, video)}))
    moving = sum(cue.moving for cue in result.cues)
    if moving:
        result.notes.append(OcrNote("moving", model.MOVING, {"count": moving}))


def _even(value: float) -> int:
    return max(2, round(value / 2) * 2)
