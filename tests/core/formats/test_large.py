"""A generated 50,000-cue file loads completely (speed is measured by hand, not asserted)."""

from __future__ import annotations

from pathlib import Path

import pysrt

from editor.core.formats import read_subtitles
from tests.conftest import BIG_CUES


def test_fifty_thousand_cues_load(big_srt: Path) -> None:
    loaded = read_subtitles(big_srt)
    assert len(loaded.cues) == BIG_CUES
    first, last = loaded.cues[0], loaded.cues[-1]
    assert (first.start_ms, first.end_ms, first.line) == (2000, 3500, 1)
    assert (last.start_ms, last.end_ms) == (BIG_CUES * 2000, BIG_CUES * 2000 + 1500)
    assert last.text == f"第{BIG_CUES}句台词，你怎么会在这里？\nline {BIG_CUES}"
    assert loaded.problems == []


def test_fifty_thousand_cues_agree_with_pysrt_at_both_ends(big_srt: Path) -> None:
    theirs = pysrt.open(str(big_srt), encoding="utf-8")
    ours = read_subtitles(big_srt).cues
    assert len(theirs) == len(ours)
    for index in (0, 1, BIG_CUES // 2, BIG_CUES - 1):
        item = theirs[index]
        assert (item.start.ordinal, item.end.ordinal, item.text) == (
            ours[index].start_ms, ours[index].end_ms, ours[index].text)
