"""Shared builders for the QA tests: real cues, real profiles, no mocks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from editor.core.document import Cue
from editor.core.glossary import GlossaryTerm
from editor.core.qa import QAContext, QAIssue, QAProfile, builtin_profile, run_qa
from editor.core.review import State


def cue(cue_id: int, start: int, end: int, source: str = "你好", target: str = "Hello") -> Cue:
    return Cue(cue_id, start, end, source, target, State.TRANSLATED)


def qa(
    cues: Sequence[Cue],
    profile: QAProfile | str = "en",
    *,
    fps: float = 24.0,
    target_lang: str | None = None,
    glossary: Sequence[GlossaryTerm] = (),
    children: bool = False,
    shot_changes: tuple[int, ...] = (),
    picture: tuple[int, int] | None = None,
    band: tuple[int, int, int, int] | None = None,
) -> list[QAIssue]:
    prof = builtin_profile(profile) if isinstance(profile, str) else profile
    lang = target_lang or prof.language
    return run_qa(cues, prof, QAContext(fps=fps, target_lang=lang, glossary=glossary, children=children,
                                            shot_changes=shot_changes, picture=picture, band=band))


def only(issues: list[QAIssue], rule: str) -> list[dict[str, Any]]:
    """Params of the issues of one rule."""
    return [i.params for i in issues if i.rule == rule]


def rules(issues: list[QAIssue]) -> set[str]:
    return {i.rule for i in issues}
