"""A preview or delivery MP4 with the translation burned in: libass draws the subtitles through FFmpeg's
`subtitles` filter, and the Chinese band burned into the picture can be covered (a box or a blur) first.

Refused while lines need a decision, as an export is. The subtitles go through the same writer and tag conversion
as an ASS export, with a style sized for the picture (PlayRes = the video's size, so font sizes and margins are
pixels of the video). FFmpeg writes to a temporary file beside the output, renamed when complete: a failed or
stopped render leaves the output as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.document import Cue
from editor.core.ffmpeg_process import running_ffmpeg
from editor.core.formats import render_subtitles_with_report, without_blank_cues
from editor.core.media_info import VideoInfo, probe_video, progress_fraction
from editor.core.regions import Region, parse_region_text, region_text
from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.user_error import UserError

if TYPE_CHECKING:
    from editor.core.qa.profile import QAProfile
    from editor.core.store import Project

NO_FFMPEG = QT_TRANSLATE_NOOP("Errors", "rendering needs FFmpeg, which is not installed.")
NO_PICTURE = QT_TRANSLATE_NOOP("Errors", "{name} has no picture to draw the subtitles on.")
NOTHING_TO_DRAW = QT_TRANSLATE_NOOP("Errors", "no line has a translation to draw on {name}.")
REGION_OUTSIDE = QT_TRANSLATE_NOOP("Errors", "the region to cover ({region}) lies outside the {width}×{height} "
                                             "picture of {name}.")
FAILED = QT_TRANSLATE_NOOP("Errors", "FFmpeg could not render {name}: {reason}")
NOT_WRITABLE = QT_TRANSLATE_NOOP("Errors", "{name} cannot be written there: {reason}")
NO_VIDEO = QT_TRANSLATE_NOOP("Errors", "{project} has no video to render.")
SAME_AS_INPUT = QT_TRANSLATE_NOOP("Errors", "{name} is the video itself; choose another file for the render.")

COVER_STYLES = ("box", "blur")
FONT_HEIGHT_RATIO = 0.045  # the delivery font: 4.5 % of the picture's height ...
FONT_WIDTH_RATIO = 0.06  # ... at most 6 % of its width (a vertical picture is narrow)
VERTICAL_MARGIN_RATIO = 0.18  # 9:16 feeds cover the bottom ~17-18 % with their own buttons and captions
HORIZONTAL_MARGIN_RATIO = 0.06
SIDE_MARGIN_RATIO = 0.05  # left and right: libass wraps a line wider than the space between them


class RenderError(UserError):
    """A render that cannot be made: one sentence for the person, nothing written."""


@dataclass(frozen=True)
class RenderStyle:
    """How the translation is drawn, in the video's pixels."""

    font: str = "Noto Sans CJK SC"  # covers Latin and CJK; libass falls back through fontconfig for the rest
    font_px: int = 0  # 0: from the picture's size
    margin_v: int = 0  # distance from the bottom (or the top, for {\an8} lines); 0: from the picture's size
    outline_px: float = 3.0

    def resolved(self, width: int, height: int) -> RenderStyle:
        """The style with its sizes worked out for a width×height picture (what libass is given)."""
        return RenderStyle(self.font, self.font_px or delivery_font_px(width, height),
                           self.margin_v or delivery_margin_px(width, height), self.outline_px)


def profile_style(profile: QAProfile | None) -> RenderStyle:
    """The delivery style a QA profile sets (decision 033): its font, size and margin (0: from the picture)."""
    if profile is None:
        return RenderStyle()
    return RenderStyle(profile.delivery_font, profile.delivery_font_px, profile.delivery_margin_px)


def delivery_style(profile: QAProfile | None, width: int, height: int) -> RenderStyle:
    """The style a width×height picture is drawn with under `profile`: what the render, the preview and the
    placement checks share."""
    return profile_style(profile).resolved(width, height)


def project_style(project: Project, profile_name: str | None = None) -> RenderStyle:
    """The delivery style of a project's QA profile (`profile_name`, else the project's or its language's)."""
    from editor.core.cli import project_profile

    return profile_style(project_profile(project, profile_name))


def delivery_font_px(width: int, height: int) -> int:
    """The delivery font size for a picture: relative to its height, capped by its width."""
    return max(10, round(min(height * FONT_HEIGHT_RATIO, width * FONT_WIDTH_RATIO)))


def delivery_margin_px(width: int, height: int) -> int:
    """How far above the bottom the subtitles sit: clear of a phone feed's own controls on vertical video."""
    return round(height * (VERTICAL_MARGIN_RATIO if height > width else HORIZONTAL_MARGIN_RATIO))


def side_margin_px(width: int) -> int:
    """The left and right margins of the render's style."""
    return round(width * SIDE_MARGIN_RATIO)


def ass_header(width: int, height: int, style: RenderStyle) -> str:
    style = style.resolved(width, height)
    font_px, margin, side = style.font_px, style.margin_v, side_margin_px(width)
    return (
        "[Script Info]\nScriptType: v4.00+\n"
        f"PlayResX: {width}\nPlayResY: {height}\nWrapStyle: 0\nScaledBorderAndShadow: yes\n\n"
        "[V4+ Styles]\n"
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, "
        "Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, "
        "MarginR, MarginV, Encoding\n"
        f"Style: Default,{style.font},{font_px},&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,"
        f"{style.outline_px:g},0,2,{side},{side},{margin},1\n"
    )


def subtitles_for(cues: Sequence[Cue], width: int, height: int, style: RenderStyle, source_format: str) -> str:
    """The ASS script libass draws: the lines' translations, their markup converted as an ASS export does."""
    rows = without_blank_cues([(c.start_ms, c.end_ms, c.target, c.meta) for c in cues])
    return render_subtitles_with_report(rows, "ass", header=ass_header(width, height, style),
                                        source_format=source_format).text


def check_region(region: Region, info: VideoInfo, name: str) -> None:
    x, y, w, h = region
    width, height = info.width or 0, info.height or 0
    if w <= 0 or h <= 0 or x < 0 or y < 0 or x + w > width or y + h > height:
        raise RenderError(template=REGION_OUTSIDE, region=region_text(region), width=width, height=height,
                          name=name)


def video_graph(subtitles: str, cover: Region | None, cover_style: str) -> str:
    """The filter graph from the input's picture to [v]: the region covered (a box or a blur), then the subtitles."""
    draw = f"subtitles=filename='{_escape_filter_path(subtitles)}'"
    if cover is None:
        return f"[0:v]{draw}[v]"
    x, y, w, h = cover
    if cover_style == "blur":
        radius = max(2, min(w, h) // 4)
        return (f"[0:v]split[keep][band];[band]crop={w}:{h}:{x}:{y},boxblur={radius}:2[blurred];"
                f"[keep][blurred]overlay={x}:{y},{draw}[v]")
    return f"[0:v]drawbox=x={x}:y={y}:w={w}:h={h}:color=black@1.0:t=fill,{draw}[v]"


def _escape_filter_path(path: str) -> str:
    """A path inside an FFmpeg filter argument (its own quoting: \\ : ' , [ ] ; need escaping)."""
    out = path.replace("\\", "/")
    for ch in ":',[];":
        out = out.replace(ch, "\\" + ch)
    return out


@dataclass
class RenderResult:
    out: Path
    lines: int
    seconds: float
    cancelled: bool = False


def render_video(video: str | os.PathLike[str], cues: Sequence[Cue], out: str | os.PathLike[str], *,
                 source_format: str = "srt", cover: Region | None = None, cover_style: str = "box",
                 style: RenderStyle = RenderStyle(), progress: Callable[[float], None] | None = None,
                 should_stop: Callable[[], bool] | None = None, ffmpeg: str = "ffmpeg") -> RenderResult:
    """Burn the lines' translations into `video`, writing `out` (MP4, H.264, the audio copied)."""
    video, out = Path(video), Path(out)
    binary = shutil.which(ffmpeg)
    if binary is None:
        raise RenderError(template=NO_FFMPEG)
    if out.resolve() == video.resolve():
        raise RenderError(template=SAME_AS_INPUT, name=out.name)
    info = probe_video(video)
    if not info.width or not info.height:
        raise RenderError(template=NO_PICTURE, name=video.name)
    script = subtitles_for(cues, info.width, info.height, style, source_format)
    lines = script.count("\nDialogue:")
    if not lines:
        raise RenderError(template=NOTHING_TO_DRAW, name=video.name)
    if cover is not None:
        check_region(cover, info, video.name)
    folder = out.parent if str(out.parent) else Path(".")
    try:
        fd, partial = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=out.suffix or ".mp4", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise RenderError(template=NOT_WRITABLE, name=str(out), reason=(exc.strerror or str(exc)).lower()) from None
    with tempfile.TemporaryDirectory(prefix="subreview-render-") as work:
        ass = Path(work) / "subtitles.ass"
        ass.write_text(script, encoding="utf-8")
        command = [binary, "-hide_banner", "-loglevel", "error", "-nostats", "-progress", "pipe:1", "-y",
                   "-i", str(video), "-filter_complex", video_graph(str(ass), cover, cover_style),
                   "-map", "[v]", "-map", "0:a?", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20",
                   "-pix_fmt", "yuv420p", "-c:a", "copy", "-movflags", "+faststart", partial]
        started = time.monotonic()
        try:
            cancelled = _run(command, info.duration_ms or 0, progress, should_stop)
        except _FfmpegFailed as failed:
            Path(partial).unlink(missing_ok=True)
            raise RenderError(template=FAILED, name=out.name, reason=str(failed)) from None
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    if cancelled:
        Path(partial).unlink(missing_ok=True)
        return RenderResult(out, lines, time.monotonic() - started, cancelled=True)
    os.replace(partial, out)
    return RenderResult(out, lines, time.monotonic() - started)


class _FfmpegFailed(Exception):
    """FFmpeg ended with an error; its last message line."""


def _run(command: list[str], duration_ms: int, progress: Callable[[float], None] | None,
         should_stop: Callable[[], bool] | None) -> bool:
    """Run FFmpeg, reporting its progress (0..1) from `-progress` lines; True when stopped by `should_stop`. However
    this ends (stopped, Ctrl+C or a kill -INT reaching only Python), FFmpeg stops too, not at the episode's end."""
    def cannot_start(error: OSError) -> OSError:
        return error

    with running_ffmpeg(command, cannot_start) as run:
        for raw in run.stdout:
            if should_stop is not None and should_stop():
                return True
            fraction = progress_fraction(raw, duration_ms)
            if fraction is not None and progress is not None:
                progress(fraction)
        code = run.wait()
    if code != 0:
        message = run.log.strip().splitlines()
        raise _FfmpegFailed(message[-1] if message else f"exit code {code}")
    return False


def render_project(project: Project, out: str | os.PathLike[str], *, actor: str, allow_unreviewed: bool = False,
                   cover: Region | None = None, cover_style: str = "box", style: RenderStyle | None = None,
                   progress: Callable[[float], None] | None = None,
                   should_stop: Callable[[], bool] | None = None) -> RenderResult:
    """Render a project's (or a series episode's) video with its translation, gated and logged as an export is;
    drawn in `style`, else in the delivery style of the project's QA profile (`project_style`)."""
    from editor.core.workflows import ExportRefused, undecided

    pending = undecided(project.doc)
    if pending and not allow_unreviewed:
        raise ExportRefused(pending)
    video = project.meta.video_path
    if not video:
        raise RenderError(template=NO_VIDEO, project=project.path.name)
    if style is None:
        style = project_style(project)
    result = render_video(video, list(project.doc), out, source_format=project.meta.source_format or "srt",
                          cover=cover, cover_style=cover_style, style=style, progress=progress,
                          should_stop=should_stop)
    if not result.cancelled:
        log_render(project, result, actor=actor, unreviewed=len(pending), cover=cover, cover_style=cover_style,
                   style=style)
    return result


def log_render(project: Project, result: RenderResult, *, actor: str, unreviewed: int, cover: Region | None,
               cover_style: str, style: RenderStyle | None = None) -> None:
    """The render in the project's history: where, how many lines, how many undecided, what was covered, and the
    style asked for (sizes 0: from the picture)."""
    after = {"path": str(result.out.resolve()), "lines": result.lines, "unreviewed": unreviewed,
             "cover": list(cover) if cover is not None else None, "cover_style": cover_style if cover else None}
    if style is not None:
        after["style"] = {"font": style.font, "font_px": style.font_px, "margin_v": style.margin_v}
    project.log_event("render", actor=actor, after=after)


def stored_band(project: Project) -> Region | None:
    """The burned-in source band found when the source was read from the picture (meta `source_band`: X,Y,W,H)."""
    return parse_region_text(project.meta.extra.get("source_band", ""))
