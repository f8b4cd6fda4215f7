"""Which episode a person opening a series without naming one means: the first that waits for their part.

A translator's work waits where lines need a decision (untranslated, a draft, edited, rejected, stale); a
reviewer's where lines were confirmed and wait for review; a manager looks at either. In a team (decision 036) the
episodes assigned to the person come first, then those assigned to nobody in that role; an episode assigned to
someone else, or held by another person of the same role, only when nothing else waits (it would open read-only).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from editor.core.review import State
from editor.core.series.store import EpisodeStatus, LanguageProgress, Work


def waits_for(progress: LanguageProgress, role: str) -> bool:
    """Whether lines of an episode × language wait for a person of this role."""
    to_review = progress.states.get(State.TRANSLATED.value, 0) > 0
    if role == "reviewer":
        return to_review
    if role == "manager":
        return to_review or progress.need_decision > 0
    return progress.need_decision > 0


def first_waiting(status: Sequence[EpisodeStatus], lang: str, *, role: str = "translator", person: str = "",
                  assignments: Mapping[tuple[str, str], Work] | None = None) -> str | None:
    """The name of the episode to open in `lang` for `person` in `role`, None when the series has no episode.
    Nothing waiting: the first episode."""
    if not status:
        return None
    assignments = assignments or {}

    def rank(entry: EpisodeStatus) -> int:
        work = assignments.get((entry.episode.name, lang), Work())
        assigned = work.assigned(role)
        claim = work.claims.get(role)
        if claim is not None and claim.holder != person:
            return 3  # another person of this role is writing it
        if assigned == person and person:
            return 0
        return 1 if not assigned else 2

    waiting = [entry for entry in status if lang in entry.languages and waits_for(entry.languages[lang], role)]
    if not waiting:
        return status[0].episode.name
    return min(waiting, key=rank).episode.name  # min keeps the episode order among equals
