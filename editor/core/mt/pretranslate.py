"""From cues to drafts: memory first, then the cache, then the engine; one draft per cue, timing untouched."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from editor.core.glossary import GlossaryTerm, terms_in
from editor.core.mt.cache import TranslationCache, cache_key
from editor.core.mt.engine import DecodingOptions, Hypothesis, TranslationEngine, confidence_from_score
from editor.core.mt.memory import MemoryHit, TranslationMemory
from editor.core.mt.segment import Segment, carry_tags, finish, prepare
from editor.core.mt.suggestions import RunSummary, Suggestion, apply_suggestions, chunks, draftable
from editor.core.review import Draft
from editor.core.store import Project
from editor.core.store.project import now_iso


@dataclass(frozen=True)
class Layout:
    """How the target profile wants lines: drafts are re-broken to it."""

    max_chars: int = 42
    max_lines: int = 2


class Pretranslator:
    """Turns (cue id, source) items into Suggestions. Runs on whichever thread owns the engine."""

    def __init__(self, engine: TranslationEngine | None, options: DecodingOptions, *, source_lang: str,
                 target_lang: str, layout: Layout = Layout(), memory: TranslationMemory | None = None,
                 cache: TranslationCache | None = None, glossary: Sequence[GlossaryTerm] = ()) -> None:
        self.engine = engine
        self.options = options
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.layout = layout
        self.memory = memory
        self.cache = cache
        self.glossary = list(glossary)
        self._settings = self._draft_settings()

    def _draft_settings(self) -> dict[str, object]:
        """Decoding settings recorded with every machine draft (built once per run)."""
        settings: dict[str, object] = {**self.options.decoding_key(), "source_lang": self.source_lang,
                                       "target_lang": self.target_lang}
        if self.engine is not None:
            settings.update(device=self.engine.info.device, compute_type=self.engine.info.compute_type)
        return settings

    def suggest(self, items: Sequence[tuple[int, str]]) -> list[Suggestion]:
        segments = [prepare(source) for _, source in items]
        hits = [self.memory.lookup(source) if self.memory is not None else None for _, source in items]
        wanted = sorted({p.text for seg, hit in zip(segments, hits, strict=True) if hit is None for p in seg.pieces})
        translations = self._translate(wanted)
        out = []
        for (cue_id, source), seg, hit in zip(items, segments, hits, strict=True):
            terms = tuple(terms_in(source, self.glossary)) if self.glossary else ()
            if seg.empty:
                draft = None
            elif hit is not None:
                draft = self._remembered(source, hit)
            else:
                draft = self._draft(seg, [translations[p.text] for p in seg.pieces])
            out.append(Suggestion(cue_id, source, draft, terms))
        return out

    @staticmethod
    def _remembered(source: str, hit: MemoryHit) -> Draft:
        """A person's earlier translation, wearing this cue's tags (not the ones of the line it was made for)."""
        text, dropped = carry_tags(source, hit.target)
        settings: dict[str, object] = {"match": "exact", "state": hit.state.value, "cue": hit.cue_id}
        if dropped:
            settings["dropped_inner_tags"] = True
        return Draft(text=text, origin="memory", engine="translation memory", model_id=hit.project,
                     settings=settings, score=1.0, raw_output=hit.target, created_at=now_iso())

    def _translate(self, texts: list[str]) -> dict[str, list[Hypothesis]]:
        if not texts:
            return {}
        if self.engine is None:
            raise RuntimeError("no translation model is loaded")
        model_hash = self.engine.info.model_hash
        keys = {t: cache_key(model_hash, self.options, self.source_lang, self.target_lang, t) for t in texts}
        cached = self.cache.get_many(list(keys.values())) if self.cache is not None else {}
        result = {t: cached[k] for t, k in keys.items() if k in cached}
        missing = sorted((t for t in texts if t not in result), key=len)  # similar lengths batch well
        if missing:
            hyps = self.engine.translate(missing, self.options, source_lang=self.source_lang,
                                         target_lang=self.target_lang)
            fresh = dict(zip(missing, hyps, strict=True))
            result.update(fresh)
            if self.cache is not None:
                self.cache.put_many({keys[t]: h for t, h in fresh.items() if h})
        return result

    def _draft(self, seg: Segment, per_piece: list[list[Hypothesis]]) -> Draft | None:
        if any(not hyps for hyps in per_piece):
            return None
        layout = dict(max_chars=self.layout.max_chars, max_lines=self.layout.max_lines)
        best = finish(seg, [h[0].text for h in per_piece], **layout)
        n = max(len(h) for h in per_piece)
        alternatives: list[tuple[str, float]] = []
        for i in range(1, n):
            chosen = [h[min(i, len(h) - 1)] for h in per_piece]
            text = finish(seg, [c.text for c in chosen], **layout)
            if text != best and text not in (a for a, _ in alternatives):
                alternatives.append((text, round(min(c.confidence for c in chosen), 4)))
        info = self.engine.info if self.engine is not None else None
        settings = dict(self._settings)
        if seg.dropped_inner_tags:
            settings["dropped_inner_tags"] = True
        return Draft(
            text=best, origin="mt", engine=info.engine if info else "", model_id=info.model_id if info else "",
            model_hash=info.model_hash if info else "", settings=settings,
            score=round(min(confidence_from_score(h[0].score) for h in per_piece), 4),
            raw_output=" ||| ".join(h[0].raw_output or h[0].text for h in per_piece),
            alternatives=tuple(alternatives), created_at=now_iso(),
        )


def pretranslate_project(project: Project, pretranslator: Pretranslator, *, actor: str, only_empty: bool = False,
                         chunk_size: int = 64, progress: Callable[[RunSummary], None] | None = None,
                         should_stop: Callable[[], bool] = lambda: False) -> RunSummary:
    """Draft every draftable cue, saving each chunk as it finishes; stopping keeps what is done."""
    items = [(c.id, c.source) for c in project.doc if draftable(c, only_empty=only_empty)]
    summary = RunSummary(total=len(items))
    started = time.perf_counter()
    for chunk in chunks(items, chunk_size):
        if should_stop():
            summary.cancelled = True
            break
        suggestions = pretranslator.suggest(chunk)
        applied = apply_suggestions(project, suggestions, actor=actor, only_empty=only_empty)
        summary.done += len(chunk)
        summary.drafted += applied.applied
        summary.unchanged += applied.unchanged
        summary.skipped += len(applied.skipped)
        summary.from_memory += sum(1 for s in suggestions if s.draft is not None and s.draft.origin == "memory")
        summary.seconds = time.perf_counter() - started
        if progress is not None:
            progress(summary)
    summary.seconds = time.perf_counter() - started
    return summary
