"""Delivering a series in one step: every episode × language to OUTDIR/LANG/EPISODE.fmt, each gated as a single
export is, plus OUTDIR/report.json and OUTDIR/report.html (decision 024).

With videos (`VideoOptions`), each delivered subtitle file gets OUTDIR/LANG/EPISODE.mp4 beside it: that language
burned in through `editor.core.render`, the source's burned-in band covered when asked and known. An episode × language
refused for lines needing a decision gets no video either; one whose video cannot be made (no video, no known band,
FFmpeg failing) keeps its subtitle file and the report says why. As with the subtitle files, a video an earlier
delivery wrote is removed when this one writes none at its path (it would show an older translation, or one now
refused): only files the earlier report.json lists are ever removed.

A stop (Cancel in the window: `should_stop`; Ctrl+C in a terminal) ends the delivery between two files or inside a
render, whose half-made MP4 is removed (FFmpeg writes beside the output and the file is renamed only when complete);
the report is still written and lists what was done before the stop.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from editor.core.formats import SubtitleError
from editor.core.render import COVER_STYLES, NO_FFMPEG, RenderError, render_project, stored_band
from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.series.checks import LanguageChecker, episode_pictures
from editor.core.series.episode import EpisodeProject
from editor.core.series.report import (
    DeliveryReport,
    DeliveryRow,
    VideoOptions,
    delivery_row,
    write_html,
    write_json,
)
from editor.core.series.store import Episode, Series
from editor.core.store.project import now_iso
from editor.core.user_error import UserError
from editor.core.workflows import ExportRefused, export_format, export_project

PENDING = QT_TRANSLATE_NOOP("Errors", "{count} lines still need a decision ({states})")
NO_EPISODE_VIDEO = QT_TRANSLATE_NOOP("Errors", "{episode} has no video to render.")
NO_BAND = QT_TRANSLATE_NOOP("Errors", "no band of burned-in subtitles is known for {episode} (it is found when the "
                                      "source is read from the picture), so its video was not made with the source "
                                      "left uncovered.")
STOPPED_IN_VIDEO = QT_TRANSLATE_NOOP("Errors", "the delivery was stopped while this video was being made.")
CANNOT_WRITE_VIDEO = QT_TRANSLATE_NOOP("Errors", "{name} cannot be written: {reason}.")

@dataclass(frozen=True)
class Delivery:
    report: DeliveryReport
    folder: Path
    refusals: dict[tuple[str, str], UserError] = field(default_factory=dict)  # (episode, lang): why, translatable
    video_notes: dict[tuple[str, str], UserError] = field(default_factory=dict)  # why a delivered row has no video

    @property
    def refused(self) -> list[DeliveryRow]:
        return [r for r in self.report.rows if not r.exported]

    @property
    def videos(self) -> list[DeliveryRow]:
        """The rows whose video was made."""
        return [r for r in self.report.rows if r.video]

    @property
    def missing_videos(self) -> list[DeliveryRow]:
        """Delivered rows whose video was asked for and not made."""
        return [r for r in self.report.rows if r.exported and not r.video and self.report.videos is not None]

    @property
    def stopped(self) -> bool:
        return self.report.stopped


class DeliveryInterrupted(KeyboardInterrupt):
    """Ctrl+C during a delivery: what was done before it is in the report already written; `delivery` is it."""

    def __init__(self, delivery: Delivery) -> None:
        super().__init__()
        self.delivery = delivery


def safe_file_name(name: str) -> str:
    """An episode name as a file name on every system (no separators, no reserved characters)."""
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name).strip(" .")
    return cleaned or "episode"


@dataclass(frozen=True)
class _Job:
    """What every episode × language of one delivery shares."""

    folder: Path
    actor: str
    fmt: str
    allow_unreviewed: bool
    bom: bool
    crlf: bool
    videos: VideoOptions | None
    earlier: set[str]
    rendering: Callable[[str, str, float], None] | None
    should_stop: Callable[[], bool] | None


@dataclass
class _Outcome:
    row: DeliveryRow
    refusal: UserError | None = None
    video_note: UserError | None = None
    stop: bool = False  # stopped inside this row's render (Cancel or Ctrl+C)
    interrupted: bool = False  # ... by Ctrl+C


def deliver(series: Series, outdir: str | os.PathLike[str], *, actor: str, languages: Sequence[str] | None = None,
            fmt: str = "srt", allow_unreviewed: bool = False, bom: bool = False, crlf: bool = False,
            videos: VideoOptions | None = None, progress: Callable[[int, int], None] | None = None,
            rendering: Callable[[str, str, float], None] | None = None,
            should_stop: Callable[[], bool] | None = None) -> Delivery:
    """Export what may be exported and say, per episode × language, what was written, forced or refused; with
    `videos`, render each delivered episode × language beside its file. `progress(done, total)` after each episode ×
    language, `rendering(episode, lang, fraction)` while a video is made; `should_stop()` true ends the delivery
    early (the report lists what was done). Ctrl+C does the same and raises DeliveryInterrupted."""
    folder = Path(outdir)
    export_format(f"x.{fmt}")  # an unknown format is refused before anything is written
    if videos is not None:
        if videos.cover_style not in COVER_STYLES:
            raise ValueError(f"cover style {videos.cover_style!r}: one of {', '.join(COVER_STYLES)}")
        if shutil.which("ffmpeg") is None:
            raise RenderError(template=NO_FFMPEG)
    langs = list(languages) if languages else [lang.code for lang in series.languages()]
    for lang in langs:
        series.language(lang)
    episodes = series.episodes()
    job = _Job(folder, actor, fmt, allow_unreviewed, bom, crlf, videos, earlier_files(folder), rendering, should_stop)
    rows: list[DeliveryRow] = []
    refusals: dict[tuple[str, str], UserError] = {}
    notes: dict[tuple[str, str], UserError] = {}
    total = len(langs) * len(episodes)
    stopped = interrupted = False
    pictures = episode_pictures(episodes)  # the placement checks of the report measure lines on each picture
    try:
        for lang in langs:
            checker = LanguageChecker.of(series, lang, pictures=pictures)
            (folder / lang).mkdir(parents=True, exist_ok=True)
            for episode in episodes:
                if should_stop is not None and should_stop():
                    stopped = True
                    break
                outcome = _deliver_one(series, episode, lang, checker, job)
                rows.append(outcome.row)
                if outcome.refusal is not None:
                    refusals[(episode.name, lang)] = outcome.refusal
                if outcome.video_note is not None:
                    notes[(episode.name, lang)] = outcome.video_note
                if outcome.stop:
                    stopped, interrupted = True, outcome.interrupted
                    break
                if progress is not None:
                    progress(len(rows), total)
            if stopped:
                break
    except KeyboardInterrupt:
        stopped = interrupted = True
    delivery = _finish(series, job, langs, rows, refusals, notes, stopped=stopped)
    if interrupted:
        raise DeliveryInterrupted(delivery)
    return delivery


def _finish(series: Series, job: _Job, langs: list[str], rows: list[DeliveryRow],
            refusals: dict[tuple[str, str], UserError], notes: dict[tuple[str, str], UserError], *,
            stopped: bool) -> Delivery:
    """Write report.json and report.html, log the delivery on the series."""
    listed = {path for row in rows for path in (row.file, row.video) if path}
    kept = tuple(sorted(f for f in job.earlier if f not in listed and (job.folder / f).is_file()))
    report = DeliveryReport(series.name, now_iso(), series.source_lang, tuple(langs), tuple(rows),
                            videos=job.videos, stopped=stopped, earlier_files=kept)
    write_json(report, job.folder / "report.json")
    write_html(report, job.folder / "report.html")
    after: dict[str, object] = {
        "folder": str(job.folder.resolve()), "format": job.fmt, "languages": langs,
        "exported": sum(1 for r in rows if r.exported), "refused": sum(1 for r in rows if not r.exported),
        "forced": sum(1 for r in rows if r.forced)}
    if job.videos is not None:
        after["videos"] = sum(1 for r in rows if r.video)
    if stopped:
        after["stopped"] = True
    series.log_event("deliver", actor=job.actor, after=after)
    return Delivery(report, job.folder, refusals, notes)


def _deliver_one(series: Series, episode: Episode, lang: str, checker: LanguageChecker, job: _Job) -> _Outcome:
    """One episode × language: its subtitle file (or the refusal), then its video when asked for."""
    view = EpisodeProject(series, episode, lang)
    qa_left = dict(Counter(i.severity for i in checker.run(episode, view.doc)))
    stem = f"{lang}/{safe_file_name(episode.name)}"
    relative, video_relative = f"{stem}.{job.fmt}", f"{stem}.mp4"
    file, forced, dropped = "", False, 0
    refusal: UserError | None = None
    try:
        result = export_project(view, job.folder / relative, actor=job.actor, allow_unreviewed=job.allow_unreviewed,
                                bom=job.bom, crlf=job.crlf)
        file, forced, dropped = relative, bool(result.unreviewed), len(result.dropped_tags)
    except ExportRefused as refused:
        states = ", ".join(f"{n} {state}" for state, n in sorted(refused.counts.items()))
        refusal = UserError(template=PENDING, count=len(refused.pending), states=states)
    except SubtitleError as exc:
        refusal = exc
    removed = _remove_earlier(job.folder, relative, job.earlier) if refusal is not None else ""
    row = delivery_row(episode.name, lang, list(view.doc), file=file, refused_reason=str(refusal or ""),
                       forced=forced, qa_left=qa_left, events=view.events(), dropped_tags=dropped,
                       removed_earlier=removed)
    outcome = _Outcome(row, refusal=refusal)
    if refusal is None and job.videos is not None:
        _render_one(view, video_relative, job, outcome)
    if not outcome.row.video:  # no video of this delivery at that path: an earlier one would be stale beside it
        outcome.row = replace(outcome.row,
                              video_removed_earlier=_remove_earlier(job.folder, video_relative, job.earlier))
    return outcome


def _render_one(view: EpisodeProject, relative: str, job: _Job, outcome: _Outcome) -> None:
    """The row's video, or the note saying why there is none; a stop inside the render is marked on `outcome`."""
    assert job.videos is not None
    name, lang = view.episode.name, view.lang
    cover = None
    note: UserError | None = None
    if not view.meta.video_path:
        note = UserError(template=NO_EPISODE_VIDEO, episode=name)
    elif job.videos.cover_source:
        cover = stored_band(view)
        if cover is None:
            note = UserError(template=NO_BAND, episode=name)
    if note is None:
        rendering = job.rendering
        try:
            result = render_project(
                view, job.folder / relative, actor=job.actor, allow_unreviewed=job.allow_unreviewed, cover=cover,
                cover_style=job.videos.cover_style, should_stop=job.should_stop,
                progress=None if rendering is None else lambda fraction: rendering(name, lang, fraction))
        except KeyboardInterrupt:
            note, outcome.stop, outcome.interrupted = UserError(template=STOPPED_IN_VIDEO), True, True
        except UserError as exc:  # no picture, nothing to draw, a band outside the picture, FFmpeg failing
            note = exc
        except OSError as exc:  # the finished render could not be put in place
            note = UserError(template=CANNOT_WRITE_VIDEO, name=relative, reason=(exc.strerror or str(exc)).lower())
        else:
            if result.cancelled:
                note, outcome.stop = UserError(template=STOPPED_IN_VIDEO), True
            else:
                outcome.row = replace(outcome.row, video=relative, video_cover=cover)
                return
    outcome.video_note = note
    outcome.row = replace(outcome.row, video_note=str(note))


def earlier_files(folder: Path) -> set[str]:
    """The files an earlier delivery into `folder` wrote, as its report.json lists them (relative paths): each row's
    subtitle file and video, and the files it kept from the delivery before it."""
    try:
        data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
        rows, kept = data.get("rows", []), data.get("earlier_files", [])
    except (OSError, ValueError, AttributeError):
        return set()
    files = {r["file"] for r in rows if isinstance(r, dict) and r.get("exported") and isinstance(r.get("file"), str)}
    files |= {r["video"] for r in rows if isinstance(r, dict) and isinstance(r.get("video"), str) and r["video"]}
    if isinstance(kept, list):
        files |= {f for f in kept if isinstance(f, str)}
    return {f for f in files if f and _inside(f)}


def _inside(relative: str) -> bool:
    """A path a report may name: relative and never out of the delivery folder (a hand-edited report is no licence
    to remove files elsewhere)."""
    path = Path(relative)
    return not path.is_absolute() and ".." not in path.parts and not path.drive


def _remove_earlier(folder: Path, relative: str, earlier: set[str]) -> str:
    """A refused episode × language must not leave the file an earlier delivery wrote at its path: the folder would
    hold an old translation beside a report saying it was not delivered. Only a file the earlier report lists is
    removed (never a file someone else put there); `relative` when removed."""
    path = folder / relative
    if relative not in earlier or not path.is_file():
        return ""
    try:
        path.unlink()
    except OSError:
        return ""
    return relative
