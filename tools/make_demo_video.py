#!/usr/bin/env python3
"""Make the bundled demo video that matches resources/samples/demo.zh-Hans.srt.

The picture is a dark, slowly turning gradient with a large running timecode, the frame
number, the number of the cue being spoken, a timeline of all cues with a moving playhead
and a marker that crosses the frame once a second. No dialogue is drawn: SubReview draws
the subtitles itself. The sound is each cue's text spoken by espeak-ng's Mandarin voice,
starting exactly at the cue's start and ending before its end (spoken faster when needed),
with silence everywhere else, so the waveform shows speech exactly where the cues are.

Run from the repository root:

    PYTHONPATH=. python tools/make_demo_video.py [--srt PATH] [--out PATH]

Needs espeak-ng and ffmpeg (with libx264, libfreetype) on PATH. Output is the same bytes
on every run with the same espeak-ng and ffmpeg versions.
"""

from __future__ import annotations

import argparse
import array
import math
import os
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

from editor.core.formats import SubtitleError, read_subtitles
from editor.core.text import strip_tags

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"

WIDTH, HEIGHT, FPS = 540, 960, 25
TAIL_MS = 1000  # picture and silence after the last cue
VOICE = "cmn"
BASE_RATE = 175  # espeak-ng's default speed (words per minute), kept for lines that fit their cue
MAX_RATE = 700  # espeak-ng's Mandarin is slow: dense lines need well over the default
END_GUARD_MS = 120  # speech ends at least this long before the cue's end
SILENCE_LEVEL = 200  # |sample| at or below this counts as espeak-ng's lead-in/lead-out silence
CRF = 30
AUDIO_BITRATE = "64k"

# Timeline strip at the bottom: the whole video maps onto this span of pixels.
TL_X, TL_W, TL_Y, TL_H = 30, 480, 840, 36

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)


class DemoError(Exception):
    """Something that stops the demo from being made; the message says what to do."""


def need_tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise DemoError(f"{name} not found on PATH; install it, e.g. "
                        f"`apt-get install -y --no-install-recommends {package}`.")
    return path


def find_font() -> str:
    """A bold monospace font file for the timecode (fontconfig first, then known paths)."""
    fc_match = shutil.which("fc-match")
    if fc_match:
        found = subprocess.run([fc_match, "-f", "%{file}", "monospace:bold"],
                               capture_output=True, text=True, check=False).stdout.strip()
        if found and os.path.isfile(found) and "mono" in found.lower():
            return found
    for candidate in FONT_CANDIDATES:
        if os.path.isfile(candidate):
            return candidate
    raise DemoError("no usable font found; install fonts-dejavu-core or fonts-noto-cjk.")


def run(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise DemoError(f"{Path(cmd[0]).name} failed (exit {done.returncode}):\n{tail}")


def spoken_text(cue_text: str) -> str:
    """What the voice says: tags removed, line breaks read as a pause."""
    text = ""
    for line in strip_tags(cue_text).split("\n"):
        line = " ".join(line.split())
        if line:
            text += ("" if not text or text[-1] in "，。！？；：…,.!?;:" else "，") + line
    return text


def synthesize(espeak: str, text: str, rate: int, workdir: Path) -> tuple[int, array.array]:
    """Speak `text`; return the sample rate and mono s16 samples with the silent ends trimmed."""
    wav_path = workdir / "line.wav"
    run([espeak, "-v", VOICE, "-s", str(rate), "-w", str(wav_path), text])
    with wave.open(str(wav_path), "rb") as wav:
        if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
            raise DemoError("espeak-ng did not write 16-bit mono audio.")
        sample_rate = wav.getframerate()
        samples = array.array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    loud = [i for i, value in enumerate(samples) if abs(value) > SILENCE_LEVEL]
    if not loud:
        raise DemoError(f"espeak-ng produced silence for {text!r}.")
    return sample_rate, samples[loud[0]:loud[-1] + 1]


def speak_cue(espeak: str, text: str, window_ms: int, workdir: Path) -> tuple[int, array.array, int]:
    """Speech for one cue that fits in `window_ms`; faster than normal only when it has to be."""
    rate = BASE_RATE
    while True:
        sample_rate, samples = synthesize(espeak, text, rate, workdir)
        length_ms = len(samples) * 1000 / sample_rate
        if length_ms <= window_ms:
            return sample_rate, samples, rate
        if rate >= MAX_RATE:
            raise DemoError(f"{text!r} takes {length_ms:.0f} ms even at -s {rate}; "
                            f"its cue leaves {window_ms} ms.")
        rate = min(MAX_RATE, math.ceil(rate * length_ms / window_ms * 1.04))


def build_audio(espeak: str, cues, total_ms: int, workdir: Path) -> Path:
    """One WAV of the whole video: each cue spoken from its start, silence elsewhere."""
    track: array.array | None = None
    sample_rate = 0
    for number, cue in enumerate(cues, 1):
        text = spoken_text(cue.text)
        if not text:
            continue
        following = cues[number].start_ms if number < len(cues) else total_ms
        window = min(cue.end_ms, following) - cue.start_ms - END_GUARD_MS
        rate_hz, samples, rate = speak_cue(espeak, text, window, workdir)
        if track is None:
            sample_rate = rate_hz
            track = array.array("h", bytes(2 * (total_ms * sample_rate // 1000)))
        elif rate_hz != sample_rate:
            raise DemoError("espeak-ng changed its sample rate between lines.")
        start = cue.start_ms * sample_rate // 1000
        track[start:start + len(samples)] = samples
        speech_ms = len(samples) * 1000 // sample_rate
        print(f"  cue {number:2d} {cue.start_ms / 1000:6.2f}s +{speech_ms:4d} ms of {window + END_GUARD_MS:4d}"
              f"  -s {rate:3d}  {text}")
    if track is None:
        raise DemoError("the subtitle file has no text to speak.")
    if sys.byteorder == "big":
        track.byteswap()
    out = workdir / "speech.wav"
    with wave.open(str(out), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(track.tobytes())
    return out


def escape_path(path: str) -> str:
    """A file path as a filtergraph option value."""
    return path.replace("\\", "\\\\").replace(":", "\\:").replace("'", "\\'")


def build_filtergraph(cues, total_ms: int, font: str) -> str:
    seconds = total_ms / 1000
    font_opt = f"fontfile='{escape_path(font)}'"
    px_per_s = TL_W / seconds
    chains = [
        f"gradients=s={WIDTH}x{HEIGHT}:r={FPS}:d={seconds}:c0=0x0b1026:c1=0x3a1450"
        f":x0=0:y0=0:x1={WIDTH}:y1={HEIGHT}:speed=0.002:seed=7,format=yuv420p[bg]",
        f"color=c=0xffcc33:s=20x20:r={FPS}:d={seconds}[tick]",
        f"color=c=white:s=3x{TL_H + 16}:r={FPS}:d={seconds}[head]",
    ]
    draw = [
        # Title and the labels of the readouts.
        f"drawtext={font_opt}:text='SubReview demo  {WIDTH}x{HEIGHT}  {FPS} fps':fontsize=22"
        ":fontcolor=0xc8c8dc:x=(w-tw)/2:y=60",
        f"drawtext={font_opt}:text='time':fontsize=24:fontcolor=0x9090b0:x=(w-tw)/2:y=250",
        # Running timecode (hh:mm:ss.mmm, as in SRT), big, and the frame number.
        f"drawtext={font_opt}:text='%{{pts\\:hms}}':fontsize=60:fontcolor=white"
        ":box=1:boxcolor=black@0.45:boxborderw=14:x=(w-tw)/2:y=290",
        f"drawtext={font_opt}:text='frame %{{eif\\:n\\:d\\:4}}':fontsize=34:fontcolor=0xd0d0e8:x=(w-tw)/2:y=400",
        f"drawtext={font_opt}:text='spoken cue':fontsize=24:fontcolor=0x9090b0:x=(w-tw)/2:y=520",
        # Timeline background.
        f"drawbox=x={TL_X}:y={TL_Y}:w={TL_W}:h={TL_H}:color=0x000000@0.5:t=fill",
        f"drawtext={font_opt}:text='0s':fontsize=18:fontcolor=0x9090b0:x={TL_X}:y={TL_Y + TL_H + 12}",
        f"drawtext={font_opt}:text='{seconds:g}s':fontsize=18:fontcolor=0x9090b0"
        f":x={TL_X + TL_W}-tw:y={TL_Y + TL_H + 12}",
    ]
    spans = []
    for number, cue in enumerate(cues, 1):
        start, end = cue.start_ms / 1000, cue.end_ms / 1000
        spans.append(f"between(t,{start:.3f},{end:.3f})")
        x = TL_X + round(start * px_per_s)
        w = max(2, round((end - start) * px_per_s))
        on = f"enable='between(t,{start:.3f},{end:.3f})'"
        draw += [
            f"drawbox=x={x}:y={TL_Y + 6}:w={w}:h={TL_H - 12}:color=0x5a78c8:t=fill",
            f"drawbox=x={x}:y={TL_Y + 2}:w={w}:h={TL_H - 4}:color=0xffcc33:t=fill:{on}",
            f"drawtext={font_opt}:text='{number}':fontsize=150:fontcolor=0xffcc33"
            f":box=1:boxcolor=black@0.45:boxborderw=20:x=(w-tw)/2:y=565:{on}",
            f"drawtext={font_opt}:text='{start:.3f} → {end:.3f}':fontsize=26:fontcolor=0xffe6a0"
            f":x=(w-tw)/2:y=775:{on}",
        ]
    silent = f"enable='not({'+'.join(spans)})'"
    draw.append(f"drawtext={font_opt}:text='gap':fontsize=56:fontcolor=0x8080a0:x=(w-tw)/2:y=605:{silent}")
    chains.append("[bg]" + ",".join(draw) + "[base]")
    # A marker crossing the frame once a second, and the timeline's playhead.
    chains.append(f"[base][tick]overlay=x='30+mod(t,1)*{WIDTH - 80}':y=200:shortest=1[ticked]")
    chains.append(f"[ticked][head]overlay=x='{TL_X}+t*{px_per_s:.6f}-1':y={TL_Y - 8}:shortest=1[v]")
    return ";\n".join(chains)


def make_video(srt: Path, out: Path) -> int:
    espeak = need_tool("espeak-ng", "espeak-ng")
    ffmpeg = need_tool("ffmpeg", "ffmpeg")
    font = find_font()
    subtitles = read_subtitles(srt)
    cues = sorted(subtitles.cues, key=lambda cue: cue.start_ms)
    if not cues:
        raise DemoError(f"{srt} has no cues.")
    total_ms = math.ceil((max(cue.end_ms for cue in cues) + TAIL_MS) / 1000) * 1000
    print(f"{srt}: {len(cues)} cues; video {total_ms / 1000:g} s, font {font}")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="subreview-demo-") as tmp:
        workdir = Path(tmp)
        speech = build_audio(espeak, cues, total_ms, workdir)
        graph = workdir / "graph.txt"
        graph.write_text(build_filtergraph(cues, total_ms, font), encoding="utf-8")
        partial = out.with_name(out.name + ".partial.mp4")
        run([
            ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
            "-filter_complex_script", str(graph), "-i", str(speech),
            "-map", "[v]", "-map", "0:a",
            "-c:v", "libx264", "-preset", "slow", "-crf", str(CRF), "-pix_fmt", "yuv420p",
            "-profile:v", "high", "-g", str(FPS), "-x264-params", "threads=1",
            "-c:a", "aac", "-b:a", AUDIO_BITRATE, "-ac", "1", "-ar", "44100",
            "-t", f"{total_ms / 1000:g}", "-map_metadata", "-1",
            "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
            "-movflags", "+faststart", str(partial),
        ])
        os.replace(partial, out)
    size = out.stat().st_size
    print(f"wrote {out}: {size} bytes ({size / 1024 / 1024:.2f} MB)")
    return size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--srt", type=Path, default=SAMPLES / "demo.zh-Hans.srt", help="subtitles to voice")
    parser.add_argument("--out", type=Path, default=SAMPLES / "demo.mp4", help="video to write")
    args = parser.parse_args(argv)
    try:
        make_video(args.srt, args.out)
    except (DemoError, SubtitleError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
