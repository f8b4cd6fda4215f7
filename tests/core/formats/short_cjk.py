"""Short Chinese SRT files as studios send them (the last one to three cues of an episode), in legacy encodings.

The lines come from tests/data/subtitles/drama_lines_zh_hans.txt (short-drama dialogue) and its Traditional
twin drama_lines_zh_hant.txt (the same lines through OpenCC s2twp). Run `python -m tests.core.formats.short_cjk`
to print how often each encoding is decoded right, with and without a language hint.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "subtitles"
SIMPLIFIED_LINES = (DATA / "drama_lines_zh_hans.txt").read_text(encoding="utf-8").splitlines()
TRADITIONAL_LINES = (DATA / "drama_lines_zh_hant.txt").read_text(encoding="utf-8").splitlines()
# What each script is sent in, and the language tag a person would give for it.
ENCODINGS = {"zh-Hans": ("gbk", "gb18030"), "zh-Hant": ("big5", "cp950")}
_PUNCTUATION = re.compile(r"[，。！？；：、]+")


@dataclass(frozen=True)
class ShortFile:
    data: bytes
    text: str  # what decoding must give back
    encoding: str  # what it was written in
    language: str


def short_files(count: int, seed: int = 12) -> Iterator[ShortFile]:
    """`count` files per encoding: 1-3 cues near the end of an episode, punctuated or in the subtitle style
    that replaces punctuation with spaces, some cues on two lines."""
    rng = random.Random(seed)
    for language, encodings in ENCODINGS.items():
        lines = SIMPLIFIED_LINES if language == "zh-Hans" else TRADITIONAL_LINES
        for encoding in encodings:
            for _ in range(count):
                text = episode_end(rng, lines)
                yield ShortFile(text.encode(encoding), text, encoding, language)


def episode_end(rng: random.Random, lines: list[str]) -> str:
    """An SRT of the last 1-3 cues of an episode."""
    cues = rng.choice((1, 1, 2, 3))
    index = rng.randrange(40, 200)
    start = rng.randrange(20 * 60_000, 50 * 60_000)
    spaced = rng.random() < 0.5  # Chinese subtitles often use spaces instead of punctuation
    blocks = []
    for n in range(cues):
        body = rng.choice(lines)
        if rng.random() < 0.2:
            body += "\n" + rng.choice(lines)
        if spaced:
            body = "\n".join(_PUNCTUATION.sub(" ", part).strip() for part in body.split("\n"))
        blocks.append(f"{index + n}\n{_clock(start)} --> {_clock(start + 1800)}\n{body}\n")
        start += rng.randrange(2000, 5000)
    return "\n".join(blocks)


def _clock(ms: int) -> str:
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d},{millis:03d}"


def main() -> None:
    from editor.core.formats.encoding import decode_subtitles

    for hint in (False, True):
        print("with a language hint:" if hint else "without a language hint:")
        tallies: dict[str, list[int]] = {}
        for item in short_files(400):
            tally = tallies.setdefault(item.encoding, [0, 0, 0, 0])  # right, wrong, guesses right, guesses wrong
            decoded = decode_subtitles(item.data, language=item.language if hint else None)
            ok = decoded.text == item.text
            tally[0 if ok else 1] += 1
            tally[2 if ok else 3] += decoded.choice == "guessed"
        for encoding, (right, wrong, guessed_right, guessed_wrong) in tallies.items():
            print(f"  {encoding:8} right {right}/{right + wrong}; flagged as guesses: {guessed_right} right, "
                  f"{guessed_wrong} of the {wrong} wrong")


if __name__ == "__main__":
    main()
