"""Synthetic but realistic subtitle files for benchmarks: short-drama Chinese lines, some with tags."""

from __future__ import annotations

import random
from pathlib import Path

from editor.core.timecode import format_clock

_PHRASES = ["你怎么又来了", "我只是想把这个还给你", "这是三年前你送我的戒指", "我不需要", "她终于说出了真相",
            "明天早上八点公司见", "你知道我等了你多久吗", "整整五年", "对不起", "从今天起我不会再让你受委屈",
            "林总，董事会的人都到了", "这份合同你必须签", "我们离婚吧", "孩子是谁的"]


def make_srt(path: Path, cues: int, seed: int = 7) -> Path:
    """Write an SRT of `cues` cues (two lines now and then, tags now and then) and return its path."""
    rng = random.Random(seed)
    out = []
    t = 0
    for i in range(1, cues + 1):
        t += rng.randint(80, 900)
        dur = rng.randint(900, 4500)
        text = rng.choice(_PHRASES) + rng.choice("。？！，")
        if i % 5 == 0:
            text += "\n" + rng.choice(_PHRASES) + "。"
        if i % 17 == 0:
            text = f"<i>{text}</i>"
        out.append(f"{i}\n{format_clock(t)} --> {format_clock(t + dur)}\n{text}\n")
        t += dur
    path.write_text("\n".join(out), encoding="utf-8")
    return path
