"""QA at scale: every rule over 1.5k / 10k / 50k cues with drafted targets and a 300-term glossary."""

from __future__ import annotations

import random
from pathlib import Path

from bench.bench_load import RUNS, SIZES, median
from bench.corpus import make_srt
from editor.core import qa
from editor.core.formats import read_subtitles
from editor.core.glossary import GlossaryTerm
from editor.core.review import State
from editor.core.workflows import cues_from_file

_WORDS = tuple("why are you here again I just want to give this back the ring you gave me three years ago".split())  # noqa: SIM905


def _drafted(path: Path) -> list:
    rng = random.Random(3)
    cues = []
    for cue in cues_from_file(read_subtitles(path)):
        target = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 16)))
        cues.append(cue.with_(target=target, state=State.MT_DRAFT))
    return cues


def main(out_dir: Path) -> str:
    out_dir.mkdir(parents=True, exist_ok=True)
    glossary = [GlossaryTerm(f"术语{i}", f"term{i}", (f"bad{i}",)) for i in range(300)]
    profile = qa.builtin_profile("en")
    context = qa.QAContext(fps=24.0, target_lang="en", glossary=glossary)
    lines = [f"Median of {RUNS} runs, profile `en`, 300-term glossary.", "",
             "| cues | run_qa | issues |", "|---:|---:|---:|"]
    for n in SIZES:
        cues = _drafted(make_srt(out_dir / f"qa-{n}.srt", n))
        issues = len(qa.run_qa(cues, profile, context))
        seconds = median(lambda c=cues: qa.run_qa(c, profile, context))
        lines.append(f"| {n:,} | {seconds:.3f} s | {issues:,} |")
    return "\n".join(lines)
