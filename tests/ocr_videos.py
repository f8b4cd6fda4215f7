"""Videos with Chinese subtitles burned in by libass (ffmpeg's `subtitles=` filter), for the OCR tests and benchmark.

Each video is made from an ASS file written here over a lavfi background, so the truth (every line's text and the
frames it is on) is known exactly. Built into a temporary folder, never committed.
"""

from __future__ import annotations

import math
import random
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rapidfuzz.distance import Levenshtein

# Short-drama lines, simplified and traditional (same meaning, index for index).
LINES_HANS = [
    "你怎么又来了", "我只是想把这个还给你", "这是三年前你送我的戒指", "我不需要", "她终于说出了真相",
    "明天早上八点公司见", "你知道我等了你多久吗", "整整五年", "对不起", "从今天起我不会再让你受委屈",
    "林总，董事会的人都到了", "这份合同你必须签", "我们离婚吧", "孩子是谁的", "你凭什么管我",
    "妈，我回来了", "别碰她", "今天的事谁也不许说出去", "我早就知道是你", "你以为我还会相信你吗",
    "快叫救护车", "这块玉佩是我母亲留下的", "陆先生请您放手", "我们走着瞧", "这一次我绝不会放过你",
    "原来你一直在骗我", "把门关上", "老爷子醒了", "她不是你想的那种人", "给我查清楚",
]
LINES_HANT = [
    "你怎麼又來了", "我只是想把這個還給你", "這是三年前你送我的戒指", "我不需要", "她終於說出了真相",
    "明天早上八點公司見", "你知道我等了你多久嗎", "整整五年", "對不起", "從今天起我不會再讓你受委屈",
    "林總，董事會的人都到了", "這份合同你必須簽", "我們離婚吧", "孩子是誰的", "你憑什麼管我",
    "媽，我回來了", "別碰她", "今天的事誰也不許說出去", "我早就知道是你", "你以為我還會相信你嗎",
    "快叫救護車", "這塊玉佩是我母親留下的", "陸先生請您放手", "我們走著瞧", "這一次我絕不會放過你",
    "原來你一直在騙我", "把門關上", "老爺子醒了", "她不是你想的那種人", "給我查清楚",
]
WATERMARK = "星河短剧"

# lavfi backgrounds: busy and moving ones, and calm ones, the same pixels at every run: `life` is seeded and the
# gradient's colours and its line's ends (inside the picture: an end outside it is drawn at random) are given; left
# to chance, `gradients` drew other colours each time, and a test read a comma on some of them only.
BACKGROUNDS = {
    "testsrc2": "testsrc2=size={w}x{h}:rate={fps}",
    "mandelbrot": "mandelbrot=size={w}x{h}:rate={fps}",
    "life": "life=size={w}x{h}:rate={fps}:mold=10:ratio=0.5:seed=1:life_color=#c0c0c0:death_color=#303050",
    "gradient": ("gradients=size={w}x{h}:rate={fps}:speed=0.02:seed=1:x0=0:y0=0:x1={w1}:y1={h1}:nb_colors=2:"
                 "c0=0x1e4a5a:c1=0x9a6a3a"),
    "flat": "color=c=0x405060:size={w}x{h}:rate={fps}",
}


@dataclass(frozen=True)
class Line:
    """A burned-in line: on screen from start_ms (included) to end_ms (excluded)."""

    start_ms: int
    end_ms: int
    text: str  # "\n" between two rows


@dataclass(frozen=True)
class Look:
    """How the lines are drawn (an ASS style): font, size as a fraction of the height, colours, outline or box."""

    font: str = "Noto Sans CJK SC"
    size: float = 0.045  # font size / picture height (9:16: 0.03-0.045; 16:9: 0.06-0.08)
    colour: str = "white"  # white, yellow, cyan
    outline: float = 3.0
    shadow: float = 1.0
    box: bool = False  # BorderStyle=3: an opaque box behind the text
    bold: bool = False
    margin_v: float | None = None  # bottom margin / height; default: 9:16 25 %, 16:9 6 %
    moving: bool = False  # each line slides across the picture (\move): text that never sits still


_COLOURS = {"white": "&H00FFFFFF", "yellow": "&H0000FFFF", "cyan": "&H00FFFF00"}


@dataclass
class BurnedInVideo:
    path: Path
    lines: list[Line]
    width: int
    height: int
    fps: int
    look: Look
    watermark: bool
    extra: dict[str, object] = field(default_factory=dict)

    def frame_of(self, ms: int) -> int:
        """The first frame shown at or after `ms` (libass draws a line on frames whose time is in [start, end))."""
        return math.ceil(ms * self.fps / 1000 - 1e-9)


def make_burned_in_video(path: Path, lines: Sequence[Line], *, width: int = 360, height: int = 640, fps: int = 25,
                         seconds: float | None = None, background: str = "testsrc2", look: Look = Look(),
                         watermark: bool = True, captions: Sequence[Line] = (),
                         codec: Sequence[str] = ("-c:v", "libx264", "-preset", "veryfast", "-crf", "20",
                                                 "-pix_fmt", "yuv420p"),
                         ) -> BurnedInVideo:
    """Render `lines` onto a lavfi background with libass; a static watermark in the top-left corner when asked;
    `captions` are not subtitles (a name card beside a character): smaller, at the left, at the lines' height."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise RuntimeError("the OCR tests need ffmpeg with libass to make their videos (apt-get install ffmpeg)")
    duration = seconds if seconds is not None else (max((ln.end_ms for ln in lines), default=0) + 1000) / 1000
    ass = path.with_suffix(".ass")
    ass.write_text(_ass_text(lines, width, height, look, watermark, captions), encoding="utf-8")
    source = BACKGROUNDS[background].format(w=width, h=height, w1=width - 1, h1=height - 1, fps=fps)
    ass_arg = str(ass).replace("\\", "/").replace(":", r"\:").replace("'", r"\'")
    subprocess.run(
        [ffmpeg, "-y", "-loglevel", "error", "-f", "lavfi", "-i", f"{source},trim=duration={duration}",
         "-vf", f"format=yuv420p,subtitles=filename='{ass_arg}'", *codec, "-an", str(path)],
        check=True, timeout=600)
    return BurnedInVideo(path, list(lines), width, height, fps, look, watermark)


def _ass_text(lines: Sequence[Line], width: int, height: int, look: Look, watermark: bool,
              captions: Sequence[Line] = ()) -> str:
    size = round(look.size * height)
    margin_v = round((look.margin_v if look.margin_v is not None else (0.25 if height > width else 0.06)) * height)
    border_style = 3 if look.box else 1
    back = "&H60000000" if look.box else "&H80000000"
    outline_colour = "&H40101010" if look.box else "&H00000000"
    style = (f"Style: Sub,{look.font},{size},{_COLOURS[look.colour]},&H000000FF,{outline_colour},{back},"
             f"{-1 if look.bold else 0},0,0,0,100,100,0,0,{border_style},{look.outline:g},{look.shadow:g},2,"
             f"{round(width * 0.05)},{round(width * 0.05)},{margin_v},1")
    mark_size = max(12, round(0.03 * height))
    mark = (f"Style: Mark,Noto Sans CJK SC,{mark_size},&H50FFFFFF,&H000000FF,&H80000000,&H80000000,-1,0,0,0,"
            f"100,100,0,0,1,1,0,7,{round(width * 0.04)},0,{round(height * 0.04)},1")
    caption_style = (f"Style: Caption,Noto Sans CJK SC,{round(size * 0.8)},&H0000D0FF,&H000000FF,&H00000000,"
                     f"&H80000000,-1,0,0,0,100,100,0,0,1,2,0,1,{round(width * 0.02)},0,{margin_v},1")
    events = []
    for line in lines:
        text = line.text.replace("\n", r"\N")
        if look.moving:
            y = height - margin_v
            text = rf"{{\move({width + width // 2},{y},{-width // 2},{y})}}" + text
        events.append(f"Dialogue: 0,{_ass_time(line.start_ms)},{_ass_time(line.end_ms)},Sub,,0,0,0,,{text}")
    if watermark:
        events.append(f"Dialogue: 1,0:00:00.00,9:00:00.00,Mark,,0,0,0,,{WATERMARK}")
    for caption in captions:
        events.append(f"Dialogue: 2,{_ass_time(caption.start_ms)},{_ass_time(caption.end_ms)},Caption,,0,0,0,,"
                      f"{caption.text}")
    return "\n".join([
        "[Script Info]", "ScriptType: v4.00+", f"PlayResX: {width}", f"PlayResY: {height}", "WrapStyle: 2",
        "ScaledBorderAndShadow: yes", "", "[V4+ Styles]",
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, "
        "Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, "
        "MarginR, MarginV, Encoding", style, mark, caption_style, "", "[Events]",
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text", *events, ""])


def _ass_time(ms: int) -> str:
    """ASS times are in centiseconds: callers keep their times on 10 ms steps."""
    cs = ms // 10
    return f"{cs // 360000}:{cs // 6000 % 60:02d}:{cs // 100 % 60:02d}.{cs % 100:02d}"


def drama_lines(count: int, *, seed: int = 1, start_ms: int = 400, traditional: bool = False,
                two_rows_every: int = 0, fps: int = 25, gap_ms: tuple[int, int] = (0, 700),
                length_ms: tuple[int, int] = (900, 2600)) -> list[Line]:
    """`count` lines of short-drama dialogue one after another, some back to back (no gap), timed on 10 ms steps
    that are not on frame boundaries (as a subtitler's file usually is)."""
    rng = random.Random(seed)
    pool = LINES_HANT if traditional else LINES_HANS
    order = list(range(len(pool)))
    rng.shuffle(order)
    out: list[Line] = []
    t = start_ms
    for k in range(count):
        text = pool[order[k % len(order)]]
        if two_rows_every and k % two_rows_every == two_rows_every - 1:
            text += "\n" + pool[order[(k + 7) % len(order)]]
        length = rng.randrange(length_ms[0], length_ms[1], 10)
        out.append(Line(t, t + length, text))
        gap = 0 if rng.random() < 0.3 else rng.randrange(gap_ms[0], gap_ms[1] + 10, 10)
        t += length + gap
    return out


def make_undecodable(path: Path, source: Path) -> Path:
    """`source` (an H.264 mp4 with no sound) with its codec tag renamed: a well-formed file no decoder knows."""
    data = bytearray(source.read_bytes())
    stsd = data.find(b"stsd")
    at = data.find(b"avc1", stsd)
    if stsd < 0 or at < 0:
        raise RuntimeError(f"{source} has no avc1 sample entry to rename")
    data[at:at + 4] = b"zq01"
    path.write_bytes(bytes(data))
    return path


def truncated(path: Path, source: Path, *, keep: float = 0.5, index_first: bool = True) -> Path:
    """The first `keep` of `source`'s bytes; with `index_first` the index (moov) is moved to the front first, so
    the file still opens and its picture stops part way (as a download cut short does)."""
    ffmpeg = shutil.which("ffmpeg") or "ffmpeg"
    whole = path.with_name(f"whole-{path.name}")
    if index_first:
        subprocess.run([ffmpeg, "-y", "-loglevel", "error", "-i", str(source), "-c", "copy", "-movflags",
                        "+faststart", str(whole)], check=True, timeout=120)
    else:
        shutil.copyfile(source, whole)
    data = whole.read_bytes()
    path.write_bytes(data[:int(len(data) * keep)])
    whole.unlink()
    return path


class TimedText(Protocol):
    start_ms: int
    end_ms: int
    text: str


BOUNDARY_FRAMES = 2  # a cue's start or end this many frames or fewer from the truth counts as right


@dataclass
class Score:
    """How cues read from a video compare with its truth: character errors and boundaries within 2 frames."""

    lines: int
    chars: int
    errors: int
    boundaries: int
    exact: int
    far: list[str] = field(default_factory=list)  # the boundaries further off, for a failing test's message

    @property
    def cer(self) -> float:
        return self.errors / self.chars if self.chars else 0.0

    @property
    def within(self) -> float:
        return self.exact / self.boundaries if self.boundaries else 1.0


def score(video: BurnedInVideo, cues: Sequence[TimedText]) -> Score:
    """Each true line against the cue overlapping it most (each cue used once); spaces and row breaks are not
    counted; cues matching no line count all their characters as errors; a missed line misses both boundaries."""
    used: set[int] = set()
    result = Score(len(video.lines), 0, 0, 2 * len(video.lines), 0)
    for line in video.lines:
        truth = "".join(line.text.split())
        result.chars += len(truth)
        best, overlap = None, 0
        for k, cue in enumerate(cues):
            shared = min(cue.end_ms, line.end_ms) - max(cue.start_ms, line.start_ms)
            if k not in used and shared > overlap:
                best, overlap = k, shared
        if best is None:
            result.errors += len(truth)
            result.far.append(f"{line.text!r} at {line.start_ms} ms was not read")
            continue
        used.add(best)
        cue = cues[best]
        result.errors += Levenshtein.distance(truth, "".join(cue.text.split()))
        for what, cue_ms, true_ms in (("start", cue.start_ms, line.start_ms), ("end", cue.end_ms, line.end_ms)):
            off = round(cue_ms * video.fps / 1000) - video.frame_of(true_ms)
            if abs(off) <= BOUNDARY_FRAMES:
                result.exact += 1
            else:
                result.far.append(f"{line.text!r}: {what} {off:+d} frames")
    result.errors += sum(len("".join(cue.text.split())) for k, cue in enumerate(cues) if k not in used)
    return result
