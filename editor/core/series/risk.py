"""The review queue by risk (issue 13 §7): a series' undecided and unreviewed lines, riskiest first, each with the
reasons why. It orders the work; it never hides a line: every line in `QUEUE_STATES` is in the queue.

The score is a plain sum of points, so a reviewer (and a test) can tell why one line comes before another:

| reason | when | points |
|---|---|---|
| rejected_before | the line is rejected, or still carries an open rejection | 6 |
| qa_error | QA errors on the line | 4, +1 for each further error (at most +2) |
| bible | bible problems (a term rendered otherwise, a forbidden word) | 4, +1 for each further one (at most +2) |
| stale | the source changed under the text | 3.5 |
| low_confidence | machine confidence under `LOW_CONFIDENCE` (0.5) | 2, +4 × how far under 0.5 (at most +2) |
| fuzzy_memory | drafted from a memory match that is not exact | 2, +4 × the missing similarity |
| changed_since_draft | a person changed the machine's draft | 1.5 |
| qa_warning | QA warnings on the line | 1, +0.5 for each further warning (at most +1) |

Two more terms order lines with the same reasons, and give no reason of their own: the machine's uncertainty
(1 − confidence, 0..1) whenever a confidence is known, and a base for text no person has confirmed: 1 for a machine
draft, 0.5 for a line typed but not confirmed (`edited`). Equal scores keep episode and line order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from editor.core.document import Cue
from editor.core.qa.catalog import ERROR, WARNING, QAIssue
from editor.core.review import QT_TRANSLATE_NOOP, CommentKind, State
from editor.core.series.consistency import BibleChecker, LineRecord, target_key

# Lines waiting for a person: drafts, typed text, translations not yet approved, rejections, stale lines.
# Untranslated lines have nothing to review yet; approved ones are done.
QUEUE_STATES = frozenset(s.value for s in (State.MT_DRAFT, State.EDITED, State.TRANSLATED, State.REJECTED,
                                           State.STALE))

# Reason code -> label for the UI (translated at display time); the order is the order reasons are listed in.
REASON_LABELS: dict[str, str] = {
    "rejected_before": QT_TRANSLATE_NOOP("Risk", "Rejected before"),
    "qa_error": QT_TRANSLATE_NOOP("Risk", "QA error"),
    "bible": QT_TRANSLATE_NOOP("Risk", "Bible"),
    "stale": QT_TRANSLATE_NOOP("Risk", "Source changed"),
    "low_confidence": QT_TRANSLATE_NOOP("Risk", "Low confidence"),
    "fuzzy_memory": QT_TRANSLATE_NOOP("Risk", "Fuzzy memory match"),
    "changed_since_draft": QT_TRANSLATE_NOOP("Risk", "Changed since the draft"),
    "qa_warning": QT_TRANSLATE_NOOP("Risk", "QA warning"),
}
REASONS = tuple(REASON_LABELS)

REJECTED_BEFORE = 6.0
QA_ERROR, QA_ERROR_EACH, QA_ERROR_MORE = 4.0, 1.0, 2.0
BIBLE, BIBLE_EACH, BIBLE_MORE = 4.0, 1.0, 2.0
STALE = 3.5
LOW_CONFIDENCE, LOW_CONFIDENCE_SLOPE = 0.5, 4.0  # under 0.5: 2 points, +4 per unit under 0.5
LOW_CONFIDENCE_POINTS = 2.0
FUZZY_MEMORY, FUZZY_MEMORY_SLOPE = 2.0, 4.0
CHANGED_SINCE_DRAFT = 1.5
QA_WARNING, QA_WARNING_EACH, QA_WARNING_MORE = 1.0, 0.5, 1.0
UNCONFIRMED_BASE = {State.MT_DRAFT.value: 1.0, State.EDITED.value: 0.5}
GLOSSARY_RULES = frozenset({"glossary_missing", "glossary_forbidden"})


@dataclass(frozen=True, slots=True)
class LineSignals:
    """What is known about one line: counts of its QA errors, warnings and bible problems, the similarity of the
    memory match it was drafted from (None: not from memory; 1.0 exact), whether a person changed the draft,
    the machine's confidence (None: no machine score), and whether a reviewer rejected it before."""

    record: LineRecord
    qa_errors: int = 0
    qa_warnings: int = 0
    bible_problems: int = 0
    memory_score: float | None = None
    changed_since_draft: bool = False
    confidence: float | None = None
    rejected_before: bool = False


@dataclass(frozen=True, slots=True)
class QueueEntry:
    """A line in the queue with its score and reason codes (REASONS order, most serious first)."""

    record: LineRecord
    score: float
    reasons: tuple[str, ...]


def _counted(first: float, each: float, most: float, count: int) -> float:
    return first + min(most, each * (count - 1))


def risk_score(record: LineRecord, *, qa_errors: int = 0, qa_warnings: int = 0, bible_problems: int = 0,
               memory_score: float | None = None, changed_since_draft: bool = False,
               confidence: float | None = None, rejected_before: bool = False) -> tuple[float, list[str]]:
    """The line's risk (higher is riskier) and its reasons; see the module's table."""
    if min(qa_errors, qa_warnings, bible_problems) < 0:
        raise ValueError("counts of problems cannot be negative")
    if memory_score is not None and not 0.0 <= memory_score <= 1.0:
        raise ValueError(f"a memory score is between 0 and 1, not {memory_score}")
    points: dict[str, float] = {}
    if rejected_before or record.state == State.REJECTED:
        points["rejected_before"] = REJECTED_BEFORE
    if qa_errors:
        points["qa_error"] = _counted(QA_ERROR, QA_ERROR_EACH, QA_ERROR_MORE, qa_errors)
    if bible_problems:
        points["bible"] = _counted(BIBLE, BIBLE_EACH, BIBLE_MORE, bible_problems)
    if record.state == State.STALE:
        points["stale"] = STALE
    uncertainty = 0.0
    if confidence is not None:
        confidence = 0.0 if math.isnan(confidence) else min(1.0, max(0.0, confidence))
        uncertainty = 1.0 - confidence
        if confidence < LOW_CONFIDENCE:
            points["low_confidence"] = LOW_CONFIDENCE_POINTS + LOW_CONFIDENCE_SLOPE * (LOW_CONFIDENCE - confidence)
    if memory_score is not None and memory_score < 1.0:
        points["fuzzy_memory"] = FUZZY_MEMORY + FUZZY_MEMORY_SLOPE * (1.0 - memory_score)
    if changed_since_draft:
        points["changed_since_draft"] = CHANGED_SINCE_DRAFT
    if qa_warnings:
        points["qa_warning"] = _counted(QA_WARNING, QA_WARNING_EACH, QA_WARNING_MORE, qa_warnings)
    score = sum(points.values()) + uncertainty + UNCONFIRMED_BASE.get(record.state, 0.0)
    return round(score, 6), [reason for reason in REASONS if reason in points]


def issues_by_cue(issues: Iterable[QAIssue]) -> dict[int, list[QAIssue]]:
    """A QA run's issues grouped by the cue they are on."""
    grouped: dict[int, list[QAIssue]] = {}
    for issue in issues:
        grouped.setdefault(issue.cue_id, []).append(issue)
    return grouped


def signals_from_cue(record: LineRecord, cue: Cue, *, qa_issues: Iterable[QAIssue] = (),
                     bible: BibleChecker | None = None) -> LineSignals:
    """What a line's cue says about its risk: its QA errors and warnings among `qa_issues` (pass the cue's own,
    `issues_by_cue(...).get(cue.id, ())`; others are ignored), its bible problems,
    the memory match or the machine confidence of the text it holds while nobody has confirmed it, whether a
    person's text differs from every machine option (tags, spacing and final punctuation aside), and whether a
    reviewer ever rejected it (an open rejection, or one in its thread). With a `bible`, the QA glossary rules
    are left out of the QA counts: an episode's glossary is its language's bible, counted once as "bible"."""
    skipped = GLOSSARY_RULES if bible is not None else frozenset()
    severities = [issue.severity for issue in qa_issues if issue.cue_id == cue.id and issue.rule not in skipped]
    draft = cue.draft
    untouched = cue.state is State.MT_DRAFT
    memory_score = confidence = None
    if draft is not None and untouched and draft.origin == "memory":
        memory_score = 1.0 if draft.score is None else min(1.0, max(0.0, draft.score))
    elif draft is not None and untouched:
        chosen = [score for text, score in draft.alternatives if text == cue.target and text != draft.text]
        confidence = chosen[0] if chosen else draft.score
    changed = False
    if draft is not None and not untouched and cue.target.strip():
        machine = {target_key(draft.text), *(target_key(text) for text, _ in draft.alternatives)}
        changed = target_key(cue.target) not in machine
    problems = bible.problems(cue.source, cue.target) if bible and cue.target.strip() else []
    return LineSignals(record, qa_errors=severities.count(ERROR), qa_warnings=severities.count(WARNING),
                       bible_problems=len(problems), memory_score=memory_score, changed_since_draft=changed,
                       confidence=confidence, rejected_before=cue.rejection is not None or any(
                           comment.kind is CommentKind.REJECTION for comment in cue.comments))


def review_queue(items: Iterable[LineSignals]) -> list[QueueEntry]:
    """Every line waiting for a person (`QUEUE_STATES`), riskiest first; equal risks in episode and line order
    (then in the order given, so languages keep theirs)."""
    queue = []
    for item in items:
        record = item.record
        if record.state not in QUEUE_STATES:
            continue
        score, reasons = risk_score(
            record, qa_errors=item.qa_errors, qa_warnings=item.qa_warnings, bible_problems=item.bible_problems,
            memory_score=item.memory_score, changed_since_draft=item.changed_since_draft,
            confidence=item.confidence, rejected_before=item.rejected_before)
        queue.append(QueueEntry(record, score, tuple(reasons)))
    queue.sort(key=lambda entry: (-entry.score, entry.record.episode_pos, entry.record.line))
    return queue
