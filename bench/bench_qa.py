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

# Terms of the corpus's own lines (names, objects): with them the glossary rules and their term lookups run,
# as with a series' real glossary, instead of being skipped because no term ever occurs.
_CORPUS_TERMS = (("董事会", "board", ("council",)), ("戒指", "ring", ("band",)), ("合同", "contract", ("deal",)),
                 ("林总", "Mr. Lin", ("boss",)), ("公司", "company", ("firm",)), ("离婚", "divorce", ()),
                 ("真相", "truth", ("facts",)), ("委屈", "wronged", ()), ("孩子", "child", ("kid",)),
                 ("三年", "three years", ()))
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
    glossary = [GlossaryTerm(f"术语{i}", f"term{i}", (f"bad{i}",)) for i in range(300 - len(_CORPUS_TERMS))]
    glossary += [GlossaryTerm(source, target, forbidden) for source, target, forbidden in _CORPUS_TERMS]
    profile = qa.builtin_profile("en")
    context = qa.QAContext(fps=24.0, target_lang="en", glossary=glossary)
    lines = [f"Median of {RUNS} runs, profile `en`, 300-term glossary ({len(_CORPUS_TERMS)} of its terms occur in "
             "the lines).", "",
             "| cues | run_qa | issues |", "|---:|---:|---:|"]
    for n in SIZES:
        cues = _drafted(make_srt(out_dir / f"qa-{n}.srt", n))
        issues = len(qa.run_qa(cues, profile, context))
        seconds = median(lambda c=cues: qa.run_qa(c, profile, context))
        lines.append(f"| {n:,} | {seconds:.3f} s | {issues:,} |")
    return "\n".join(lines)
