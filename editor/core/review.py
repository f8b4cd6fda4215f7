"""Line states, who may move a line between them, and what a decision or a machine draft records."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark a core string for Qt Linguist; it is translated at display time by the UI."""
    return text


class State(StrEnum):
    UNTRANSLATED = "untranslated"
    MT_DRAFT = "mt_draft"
    EDITED = "edited"
    TRANSLATED = "translated"
    APPROVED = "approved"
    REJECTED = "rejected"
    STALE = "stale"


STATE_LABELS: dict[State, str] = {
    State.UNTRANSLATED: QT_TRANSLATE_NOOP("State", "Untranslated"),
    State.MT_DRAFT: QT_TRANSLATE_NOOP("State", "Machine draft"),
    State.EDITED: QT_TRANSLATE_NOOP("State", "Edited"),
    State.TRANSLATED: QT_TRANSLATE_NOOP("State", "Translated"),
    State.APPROVED: QT_TRANSLATE_NOOP("State", "Approved"),
    State.REJECTED: QT_TRANSLATE_NOOP("State", "Rejected"),
    State.STALE: QT_TRANSLATE_NOOP("State", "Stale"),
}

# States in which a line still needs a person's decision before export. `edited`: a person changed the text but
# has not confirmed it (typing is an edit; Ctrl+Enter is the decision).
NEEDS_DECISION = frozenset({State.UNTRANSLATED, State.MT_DRAFT, State.EDITED, State.REJECTED, State.STALE})
# States a person (not the machine) put the line in by a decision.
HUMAN_DECIDED = frozenset({State.TRANSLATED, State.APPROVED, State.REJECTED})
# Lines whose text is a person's work (decided, or typed and not yet confirmed): never overwritten by an import.
PERSON_WORK = HUMAN_DECIDED | {State.EDITED}
# Where a draft may come from: the model, the translation memory, or an imported file of unknown origin.
MACHINE_ORIGINS = frozenset({"mt", "memory", "import"})


class RejectCategory(StrEnum):
    TYPING = "typing"
    TRANSLATION = "translation"
    TERMINOLOGY = "terminology"
    LANGUAGE_QUALITY = "language_quality"
    STYLE = "style"


CATEGORY_LABELS: dict[RejectCategory, str] = {
    RejectCategory.TYPING: QT_TRANSLATE_NOOP("RejectCategory", "Typing"),
    RejectCategory.TRANSLATION: QT_TRANSLATE_NOOP("RejectCategory", "Translation"),
    RejectCategory.TERMINOLOGY: QT_TRANSLATE_NOOP("RejectCategory", "Terminology"),
    RejectCategory.LANGUAGE_QUALITY: QT_TRANSLATE_NOOP("RejectCategory", "Language quality"),
    RejectCategory.STYLE: QT_TRANSLATE_NOOP("RejectCategory", "Style"),
}


class Severity(StrEnum):
    MINOR = "minor"
    MAJOR = "major"


SEVERITY_LABELS: dict[Severity, str] = {
    Severity.MINOR: QT_TRANSLATE_NOOP("Severity", "minor"),
    Severity.MAJOR: QT_TRANSLATE_NOOP("Severity", "major"),
}


class Actor(StrEnum):
    """Who moves a line: a person, the machine (MT or memory), or the system (stale marking, import)."""

    PERSON = "person"
    MACHINE = "machine"
    SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class Rejection:
    """A reviewer sending a line back. It stays on the line (open) until a reviewer approves it."""

    category: RejectCategory
    severity: Severity
    comment: str = ""
    by: str = ""  # the reviewer's name
    at: str = ""  # ISO 8601


class CommentKind(StrEnum):
    NOTE = "note"  # a person's remark on the line, for the team
    REJECTION = "rejection"  # a reviewer sent the line back (category, severity, comment)


@dataclass(frozen=True, slots=True)
class Comment:
    """One entry of a line's review thread, who wrote it and when. Threads are only ever added to."""

    author: str
    at: str  # ISO 8601
    text: str
    kind: CommentKind = CommentKind.NOTE
    category: RejectCategory | None = None  # rejections only
    severity: Severity | None = None

    @classmethod
    def of_rejection(cls, rejection: Rejection) -> Comment:
        return cls(rejection.by, rejection.at, rejection.comment, CommentKind.REJECTION, rejection.category,
                   rejection.severity)


@dataclass(frozen=True, slots=True)
class Draft:
    """A machine (or memory) suggestion with everything needed to say where it came from."""

    text: str
    origin: str = "mt"  # "mt" or "memory"
    engine: str = ""  # e.g. "ctranslate2 4.8.5"
    model_id: str = ""
    model_hash: str = ""
    settings: dict[str, Any] = field(default_factory=dict)  # decoding settings (beam, lengths, ...)
    score: float | None = None  # confidence 0..1
    raw_output: str = ""
    alternatives: tuple[tuple[str, float], ...] = ()
    created_at: str = ""


class TransitionError(ValueError):
    """A state change the review rules do not allow."""


_P, _M, _S = Actor.PERSON, Actor.MACHINE, Actor.SYSTEM
_U, _D, _E, _T, _A, _R, _X = (
    State.UNTRANSLATED,
    State.MT_DRAFT,
    State.EDITED,
    State.TRANSLATED,
    State.APPROVED,
    State.REJECTED,
    State.STALE,
)
_PM = frozenset({_P, _M})

# (from, to) -> actors allowed to make that move. A person's text edit makes any line `edited` (not a decision);
# confirming makes it `translated`; a reviewer approves or rejects. The machine only ever drafts lines no person
# has worked on; a person may put the machine's draft back (`mt_draft`). The system marks lines `stale`.
_ALLOWED: dict[tuple[State, State], frozenset[Actor]] = {
    (_U, _D): _PM,
    (_U, _E): frozenset({_P}),
    (_D, _D): _PM,
    (_D, _E): frozenset({_P}),
    (_D, _T): frozenset({_P}),
    (_D, _A): frozenset({_P}),
    (_D, _R): frozenset({_P}),
    (_D, _U): frozenset({_P}),
    (_D, _X): frozenset({_S}),
    (_E, _D): frozenset({_P}),
    (_E, _E): frozenset({_P}),
    (_E, _T): frozenset({_P}),
    (_E, _A): frozenset({_P}),
    (_E, _R): frozenset({_P}),
    (_E, _U): frozenset({_P}),
    (_E, _X): frozenset({_S}),
    (_T, _D): frozenset({_P}),
    (_T, _E): frozenset({_P}),
    (_T, _T): frozenset({_P}),
    (_T, _A): frozenset({_P}),
    (_T, _R): frozenset({_P}),
    (_T, _U): frozenset({_P}),
    (_T, _X): frozenset({_S}),
    (_A, _D): frozenset({_P}),
    (_A, _E): frozenset({_P}),
    (_A, _T): frozenset({_P}),
    (_A, _R): frozenset({_P}),
    (_A, _U): frozenset({_P}),
    (_A, _X): frozenset({_S}),
    (_R, _D): frozenset({_P}),
    (_R, _E): frozenset({_P}),
    (_R, _T): frozenset({_P}),
    (_R, _A): frozenset({_P}),
    (_R, _R): frozenset({_P}),
    (_R, _U): frozenset({_P}),
    (_R, _X): frozenset({_S}),
    (_X, _D): _PM,
    (_X, _E): frozenset({_P}),
    (_X, _T): frozenset({_P}),
    (_X, _A): frozenset({_P}),
    (_X, _R): frozenset({_P}),
    (_X, _U): frozenset({_P}),
    (_X, _X): frozenset({_S}),
}


def can_transition(old: State, new: State, actor: Actor) -> bool:
    """True when `actor` may move a line from `old` to `new`."""
    return actor in _ALLOWED.get((old, new), frozenset())


def check_transition(old: State, new: State, actor: Actor) -> None:
    if not can_transition(old, new, actor):
        raise TransitionError(f"a {actor.value} cannot move a line from {old.value} to {new.value}")


def stale_after_change(state: State) -> State:
    """State a line takes when its source text or timing changes under it."""
    return state if state is State.UNTRANSLATED else State.STALE
