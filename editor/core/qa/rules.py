"""Running the QA rules over a whole document, or over a few cues after an edit."""

from __future__ import annotations

from collections.abc import Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from editor.core.document import Cue, Document
from editor.core.gc_pause import gc_paused
from editor.core.glossary import GlossaryIndex, GlossaryTerm
from editor.core.qa.catalog import RULE_ORDER, RULES, QAIssue
from editor.core.qa.placement import PlacementCheck, placement_check
from editor.core.qa.profile import HAN_LANGUAGES, QAProfile, primary_language
from editor.core.qa.punctuation import punctuation_check
from editor.core.qa.textrules import CueRules, check_cue, is_blank
from editor.core.qa.timing import (
    NeighbourFinding,
    ShotChangeCheck,
    neighbour_findings_steps,
    shot_change_check,
)
from editor.core.source_check import CHECK_KEY, CONFIDENCE_KEY, ORIGIN_KEY
from editor.core.stepwise import drain

STEP = 2000  # cues (or findings) per step of run_qa_steps: a few milliseconds of work
MEASURE_STEP = 100  # ... or texts measured with the font for the placement rules (~50 µs each when new)

Steps = Generator[None, None, list[QAIssue]]


@dataclass(frozen=True)
class QAContext:
    """What the rules need besides the profile; `children` picks the profile's children reading speed;
    `shot_changes` are the video's cuts in ms (any iterable, kept sorted; none: the shot-change rules find
    nothing); `picture` is the video's width and height in pixels (None: the placement rules find nothing),
    `band` the burned-in source subtitles on it (x, y, w, h), `source_format` the markup the texts are written in
    (the render converts it to ASS)."""

    fps: float = 24.0
    source_lang: str = "zh-Hans"
    target_lang: str = "en"
    glossary: Sequence[GlossaryTerm] = ()
    children: bool = False
    shot_changes: tuple[int, ...] = ()
    picture: tuple[int, int] | None = None
    band: tuple[int, int, int, int] | None = None
    source_format: str = "srt"

    def __post_init__(self) -> None:
        if not self.fps > 0:
            raise ValueError(f"fps must be greater than 0, not {self.fps}")
        object.__setattr__(self, "shot_changes", tuple(sorted({int(ms) for ms in self.shot_changes})))
        if self.picture is not None:
            width, height = (int(n) for n in self.picture)
            object.__setattr__(self, "picture", (width, height) if width > 0 and height > 0 else None)
        if self.band is not None:
            x, y, w, h = (int(n) for n in self.band)
            object.__setattr__(self, "band", (x, y, w, h) if w > 0 and h > 0 else None)


def _cue_rules(profile: QAProfile, context: QAContext) -> CueRules:
    with_source = [t for t in context.glossary if t.source]
    enabled = frozenset(r for r in RULES if profile.enabled(r))
    return CueRules(
        profile=profile,
        enabled=enabled,
        target_lang=context.target_lang,
        max_cps=profile.max_cps_children if context.children else profile.max_cps,
        han_allowed=primary_language(context.target_lang) in HAN_LANGUAGES,
        terms=GlossaryIndex(with_source) if with_source else None,
        banned=tuple(t for t in context.glossary if not t.source and t.forbidden),
        punctuation=punctuation_check(context.target_lang, enabled),
    )


def _shot_check(profile: QAProfile, context: QAContext, rules: CueRules) -> ShotChangeCheck | None:
    return shot_change_check(context.shot_changes, profile, rules.enabled, context.fps)


def _placement(profile: QAProfile, context: QAContext, rules: CueRules) -> PlacementCheck | None:
    return placement_check(context.picture, context.band, profile, rules.enabled, context.source_format)


def _has_text(cue: Cue) -> bool:
    return not (is_blank(cue.source) and is_blank(cue.target))


# What the rules read of a cue; a change to anything else (a draft, a note, the review state) cannot change
# an issue, so the window does not check such a line again. Of `meta` the rules read CHECKED_META: whether the
# source was read from the picture and checked since (source_unchecked), and the line's own ASS margins and
# WebVTT cue settings (placement).
CHECKED_FIELDS = ("start_ms", "end_ms", "source", "target")
CHECKED_META = (ORIGIN_KEY, CHECK_KEY, CONFIDENCE_KEY, "marginl", "marginr", "marginv", "settings")


def checked_meta(meta: Mapping[str, str]) -> tuple[str, ...]:
    """The values of CHECKED_META in a cue's meta ("" where absent); () for a cue without meta."""
    return tuple(meta.get(key, "") for key in CHECKED_META) if meta else ()


def checked_fields_changed(before: Cue | None, after: Cue | None) -> bool:
    """True unless both versions are cues that agree on every field the rules read."""
    if before is None or after is None:
        return True
    return (any(getattr(before, name) != getattr(after, name) for name in CHECKED_FIELDS)
            or (before.meta is not after.meta and checked_meta(before.meta) != checked_meta(after.meta)))


def needs_full_check(before: Cue | None, after: Cue | None) -> bool:
    """True when a change can alter issues between other cues (NEIGHBOUR_RULES), which `check_own` for the
    changed cue does not report again: a cue added or removed, new times, or a line gaining or losing all its
    text (blank lines take no part in the gap rules, so the pairs around them change)."""
    if before is None or after is None:
        return True
    return ((before.start_ms, before.end_ms) != (after.start_ms, after.end_ms)
            or _has_text(before) != _has_text(after))


def _issues(
    cues: Sequence[Cue] | Document, indexes: Iterable[int], neighbours: Iterable[NeighbourFinding], rules: CueRules,
    shots: ShotChangeCheck | None, placement: PlacementCheck | None
) -> list[QAIssue]:
    """Per-cue findings for `indexes` plus the neighbour findings, in file order then rule order."""
    return drain(_issues_steps(cues, list(indexes), neighbours, rules, shots, placement))


def _issues_steps(cues: Sequence[Cue] | Document, indexes: Sequence[int], neighbours: Iterable[NeighbourFinding],
                  rules: CueRules, shots: ShotChangeCheck | None, placement: PlacementCheck | None,
                  step: int = STEP) -> Steps:
    found: dict[int, list[tuple[str, dict[str, Any]]]] = {}
    for start in range(0, len(indexes), step):
        for index in indexes[start:start + step]:
            cue = cues[index]
            findings = check_cue(cue, rules)
            if shots is not None and _has_text(cue):  # timing rules skip lines with no text at all
                findings = findings + shots.findings(cue.start_ms, cue.end_ms)
            if placement is not None:
                findings = findings + placement.findings(cue)
                if placement.measured >= MEASURE_STEP:
                    placement.measured = 0
                    yield
            if findings:
                found[index] = findings
        yield
    for index, rule, params in neighbours:
        found.setdefault(index, []).append((rule, params))
    issues: list[QAIssue] = []
    order = sorted(found)
    for start in range(0, len(order), step):
        for index in order[start:start + step]:
            cue_id, findings = cues[index].id, found[index]
            findings.sort(key=lambda f: RULE_ORDER[f[0]])
            issues += [QAIssue(rule, cue_id, rules.profile.severity(rule), params) for rule, params in findings]
        yield
    return issues


def run_qa(cues: Iterable[Cue], profile: QAProfile, context: QAContext) -> list[QAIssue]:
    """Every issue in the document, in file order, and for one cue in the order of RULES. The cycle collector
    is paused: a season's check makes ~150,000 objects, and collections cost ~0.24 s of a 0.5 s check with
    Python's default thresholds (bench qa, decision 021)."""
    with gc_paused():
        return drain(run_qa_steps(cues, profile, context))


def run_qa_steps(cues: Iterable[Cue], profile: QAProfile, context: QAContext, step: int = STEP) -> Steps:
    """`run_qa` in steps of a few milliseconds (`yield`s between them; the issues are the return value), so
    a window can check a season between its own events instead of on a thread that competes for the GIL."""
    cues = list(cues)
    rules = _cue_rules(profile, context)
    with_text: list[tuple[int, Cue]] = []
    for start in range(0, len(cues), step):
        with_text += [(i, c) for i, c in enumerate(cues[start:start + step], start) if _has_text(c)]
        yield
    neighbours = yield from neighbour_findings_steps(with_text, profile, rules.enabled, context.fps, step)
    shots, placement = _shot_check(profile, context, rules), _placement(profile, context, rules)
    return (yield from _issues_steps(cues, [i for i, _ in with_text], neighbours, rules, shots, placement, step))


# Rules about a cue and its time neighbours. They read times, and which lines have any text: nothing else.
NEIGHBOUR_RULES = frozenset({"min_gap", "chaining", "overlap", "unsorted"})


def check_own(doc: Document, cue_ids: Iterable[int], profile: QAProfile, context: QAContext) -> list[QAIssue]:
    """The issues of these cues from every rule but NEIGHBOUR_RULES, in file order then rule order. After a
    change of texts alone that left every line with text or without as it was (no `needs_full_check`), these
    are the only issues that can differ: a window replaces just them, without looking at other lines."""
    indexes = sorted(doc.index_of(cue_id) for cue_id in set(cue_ids) if cue_id in doc)
    rules = _cue_rules(profile, context)
    return _issues(doc, indexes, (), rules, _shot_check(profile, context, rules), _placement(profile, context, rules))
