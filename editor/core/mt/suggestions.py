"""What the machine hands back and how it is written: suggestions, which cues may be drafted, applying them.

Light on purpose (no memory, cache or segmenter): the window uses it from the start, while the pipeline that
makes suggestions (`pretranslate`) loads on the translation thread when a line first needs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from editor.core import edits
from editor.core.document import Change, Cue, Document
from editor.core.glossary import GlossaryTerm
from editor.core.review import Actor, Draft, State
from editor.core.store import Project


@dataclass(frozen=True)
class Suggestion:
    """A draft for one cue, made from exactly `source`; re-checked against the cue before it is used."""

    cue_id: int
    source: str
    draft: Draft | None  # None when the source is empty (an empty cue stays empty)
    terms: tuple[GlossaryTerm, ...] = ()


def draftable(cue: Cue, *, only_empty: bool = False) -> bool:
    """May the machine (re)draft this cue? Never a line a person decided or wrote."""
    if not cue.source.strip():
        return False
    if cue.state is State.UNTRANSLATED:
        return True
    if only_empty:
        return False
    machine_text = cue.draft is not None and cue.draft.origin in ("mt", "memory") and cue.target == cue.draft.text
    return cue.state in (State.MT_DRAFT, State.STALE) and machine_text


def chunks(items: Sequence[tuple[int, str]], size: int) -> Iterator[list[tuple[int, str]]]:
    """Items in chunks of similar source length (efficient batches), each small enough to cancel between."""
    ordered = sorted(items, key=lambda item: len(item[1]))
    for start in range(0, len(ordered), size):
        yield ordered[start:start + size]


@dataclass
class ApplyResult:
    applied: int = 0
    skipped: list[int] = field(default_factory=list)  # cues that changed meanwhile or a person decided
    unchanged: int = 0  # cues that already held exactly this draft
    change: Change | None = None  # what was written, for views to refresh


def _same_draft(old: Draft, new: Draft) -> bool:
    return replace(new, created_at=old.created_at) == old


def plan_drafts(doc: Document, suggestions: Iterable[Suggestion], *,
                only_empty: bool = False) -> tuple[edits.Batch | None, ApplyResult]:
    """The drafts to write for cues that are still as they were when asked for: one batch op (None when there
    is nothing to write), and what was skipped. Nothing is written here: the caller writes the batch (the command
    line into the project, the window through its review session)."""
    result = ApplyResult()
    ops: list[edits.EditOp] = []
    for s in suggestions:
        if s.draft is None:
            continue
        if s.cue_id not in doc:
            result.skipped.append(s.cue_id)
            continue
        cue = doc.get(s.cue_id)
        if cue.source != s.source or not draftable(cue, only_empty=only_empty):
            result.skipped.append(s.cue_id)
            continue
        if cue.draft is not None and cue.target == s.draft.text and _same_draft(cue.draft, s.draft):
            result.unchanged += 1  # the same draft again: nothing to write or log
            continue
        ops.append(edits.ApplyDraft(s.cue_id, s.draft))
    return (edits.Batch(tuple(ops), label="pretranslate") if ops else None), result


def apply_suggestions(project: Project, suggestions: Iterable[Suggestion], *, actor: str,
                      only_empty: bool = False) -> ApplyResult:
    """Write drafts for cues that are still as they were when asked for (one transaction for the lot)."""
    batch, result = plan_drafts(project.doc, suggestions, only_empty=only_empty)
    if batch is not None:
        change = project.apply(batch, actor=actor, kind=Actor.MACHINE)
        result.applied = len(change.deltas)
        result.change = change
    return result


@dataclass
class RunSummary:
    total: int = 0
    done: int = 0
    drafted: int = 0
    unchanged: int = 0
    from_memory: int = 0
    skipped: int = 0
    cancelled: bool = False
    seconds: float = 0.0
