"""A 12-episode vendor folder as studios send it, to try a series by hand: mixed names (第01集, EP03.zh.srt,
EP04.zh-Hans.srt, 剧名 - 05), a GBK subtitle file, a 30 fps video, and recap lines repeating the previous episode's end.

Usage: python tools/make_vendor_folder.py OUTDIR, then `subreview series new S.subseries --episodes OUTDIR`.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

LINES = Path(__file__).resolve().parents[1] / "tests" / "data" / "subtitles" / "drama_lines_zh_hans.txt"
NAMES = ["第01集", "第02集", "EP03", "EP04", "剧名 - 05", "剧名 - 06", "第07集", "EP08", "第09集", "EP10", "剧名 - 11",
         "第12集"]
SUBTITLE_NAMES = {"EP03": "EP03.zh.srt", "EP04": "EP04.zh-Hans.srt"}


def clock(ms: int) -> str:
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def make(out: Path, seed: int = 7) -> None:
    out.mkdir(parents=True, exist_ok=True)
    lines = [line.strip() for line in LINES.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    previous: list[str] = []
    for n, name in enumerate(NAMES, 1):
        rate = "30" if n == 2 else "25"
        subprocess.run(["ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi",
                        "-i", f"testsrc2=size=270x480:rate={rate}:duration=8", "-f", "lavfi",
                        "-i", "sine=frequency=300:duration=8", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                        "-c:a", "aac", "-shortest", str(out / f"{name}.mp4")], check=True)
        body = previous[-2:] + rng.sample(lines, 6)  # a recap of the last episode's end, then new lines
        previous = body
        blocks, start = [], 500
        for i, text in enumerate(body, 1):
            blocks.append(f"{i}\n{clock(start)} --> {clock(start + 900)}\n{text}\n")
            start += 1100
        data = "\n".join(blocks)
        path = out / SUBTITLE_NAMES.get(name, f"{name}.srt")
        if n == 6:
            path.write_bytes(data.encode("gbk"))  # a legacy encoding, as some vendors still send
        else:
            path.write_text(data, encoding="utf-8")


if __name__ == "__main__":
    make(Path(sys.argv[1]))
    print(f"made {sys.argv[1]}")
