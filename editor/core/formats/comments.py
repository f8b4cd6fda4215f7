"""ASS/SSA Comment events kept with the cues they stood beside, so no edit or export loses them."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

COMMENTS_BEFORE = "ass_comments_before"  # cue meta: JSON list of the Comment events just before the cue
COMMENTS_AFTER = "ass_comments_after"  # cue meta (last cue): JSON list of the Comment events after it

Row = tuple[int, int, str, Mapping[str, str]]


def without_blank_cues(cues: Sequence[Row]) -> list[Row]:
    """The cues with any text; the Comment events kept with a dropped cue move to the next cue written (or,
    after the last one, behind the last), so leaving out a line never loses a script's comments."""
    kept: list[Row] = []
    carried: list[object] = []
    for start, end, text, meta in cues:
        if not text.strip():
            carried += comment_list(meta.get(COMMENTS_BEFORE)) + comment_list(meta.get(COMMENTS_AFTER))
            continue
        if carried:
            meta = {**meta, COMMENTS_BEFORE: json.dumps(carried + comment_list(meta.get(COMMENTS_BEFORE)),
                                                        ensure_ascii=False)}
            carried = []
        kept.append((start, end, text, meta))
    if carried and kept:
        start, end, text, meta = kept[-1]
        after = comment_list(meta.get(COMMENTS_AFTER)) + carried
        kept[-1] = (start, end, text, {**meta, COMMENTS_AFTER: json.dumps(after, ensure_ascii=False)})
    return kept


def comment_list(kept: str | None) -> list[object]:
    """The Comment events kept in a meta value; none for a value no reader wrote."""
    try:
        items = json.loads(kept) if kept else []
    except ValueError:
        return []
    return items if isinstance(items, list) else []


def joined_meta(first: Mapping[str, str], second: Mapping[str, str]) -> Mapping[str, str]:
    """The meta of two cues joined into the first: the second's comments come along (before, then after)."""
    before = comment_list(second.get(COMMENTS_BEFORE))
    after = comment_list(second.get(COMMENTS_AFTER))
    if not before and not after:
        return first
    joined = dict(first)
    if before:
        joined[COMMENTS_BEFORE] = json.dumps(comment_list(first.get(COMMENTS_BEFORE)) + before, ensure_ascii=False)
    if after:
        joined[COMMENTS_AFTER] = json.dumps(comment_list(first.get(COMMENTS_AFTER)) + after, ensure_ascii=False)
    return joined


def split_meta(meta: Mapping[str, str]) -> tuple[Mapping[str, str], dict[str, str]]:
    """The metas of a cue's two halves: both keep its format attributes; the comments before it stay with the
    first half, those after it go with the second."""
    if COMMENTS_BEFORE not in meta and COMMENTS_AFTER not in meta:
        return meta, dict(meta)
    first = {k: v for k, v in meta.items() if k != COMMENTS_AFTER}
    second = {k: v for k, v in meta.items() if k != COMMENTS_BEFORE}
    return first, second
