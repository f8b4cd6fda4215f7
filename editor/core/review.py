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
    TRANSLATED = "translated"
    APPROVED = "approved"
    REJECTED = "rejected"
    STALE = "stale"


STATE_LABELS: dict[State, str] = {
    State.UNTRANSLATED: QT_TRANSLATE_NOOP("State", "Untranslated"),
    State.MT_DRAFT: QT_TRANSLATE_NOOP("State", "Machine draft"),
    State.TRANSLATED: QT_TRANSLATE_NOOP("State", "Translated"),
    State.APPROVED: QT_TRANSLATE_NOOP("State", "Approved"),
    State.REJECTED: QT_TRANSLATE_NOOP("State", "Rejected"),
    State.STALE: QT_TRANSLATE_NOOP("State", "Stale"),
}

# States in which a line still needs a person's decision before export.
NEEDS_DECISION = frozenset({State.UNTRANSLATED, State.MT_DRAFT, State.REJECTED, State.STALE})
# States a person (not the machine) put the line in.
HUMAN_DECIDED = frozenset({State.TRANSLATED, State.APPROVED, State.REJECTED})


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


class Actor(StrEnum):
    """Who moves a line: a person, the machine (MT or memory), or the system (stale marking, import)."""

    PERSON = "person"
    MACHINE = "machine"
    SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class Rejection:
    category: RejectCategory
    severity: Severity
    comment: str = ""


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
_U, _D, _T, _A, _R, _X = (
    State.UNTRANSLATED,
    State.MT_DRAFT,
    State.TRANSLATED,
    State.APPROVED,
    State.REJECTED,
    State.STALE,
)

# (from, to) -> actors allowed to make that move. A person's edit of a decided line makes it translated
# again; the machine only ever drafts lines no person has decided; the system marks decided lines stale.
_ALLOWED: dict[tuple[State, State], frozenset[Actor]] = {
    (_U, _D): frozenset({_M}),
    (_U, _T): frozenset({_P}),
    (_D, _D): frozenset({_M}),
    (_D, _T): frozenset({_P}),
    (_D, _A): frozenset({_P}),
    (_D, _R): frozenset({_P}),
    (_D, _U): frozenset({_P}),
    (_D, _X): frozenset({_S}),
    (_T, _T): frozenset({_P}),
    (_T, _A): frozenset({_P}),
    (_T, _R): frozenset({_P}),
    (_T, _U): frozenset({_P}),
    (_T, _X): frozenset({_S}),
    (_A, _T): frozenset({_P}),
    (_A, _R): frozenset({_P}),
    (_A, _U): frozenset({_P}),
    (_A, _X): frozenset({_S}),
    (_R, _T): frozenset({_P}),
    (_R, _A): frozenset({_P}),
    (_R, _R): frozenset({_P}),
    (_R, _U): frozenset({_P}),
    (_R, _X): frozenset({_S}),
    (_X, _D): frozenset({_M}),
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
