"""Cues to and from database rows and event-log JSON."""

from __future__ import annotations

import json
from typing import Any

from editor.core.document import NO_META, Cue
from editor.core.review import Comment, CommentKind, Draft, RejectCategory, Rejection, Severity, State

CUE_COLUMNS = "id, start_ms, end_ms, source, target, state, comments, rejection, draft, meta"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def rejection_to_json(rejection: Rejection | None) -> dict[str, str] | None:
    if rejection is None:
        return None
    return {"category": rejection.category.value, "severity": rejection.severity.value,
            "comment": rejection.comment, "by": rejection.by, "at": rejection.at}


def rejection_from_json(data: dict[str, str] | None) -> Rejection | None:
    if not data:
        return None
    return Rejection(RejectCategory(data["category"]), Severity(data["severity"]), str(data.get("comment", "")),
                     str(data.get("by", "")), str(data.get("at", "")))


def comment_to_json(comment: Comment) -> dict[str, str]:
    data = {"author": comment.author, "at": comment.at, "text": comment.text, "kind": comment.kind.value}
    if comment.category is not None:
        data["category"] = comment.category.value
    if comment.severity is not None:
        data["severity"] = comment.severity.value
    return data


def comment_from_json(data: Any) -> Comment:
    if type(data) is not dict:
        raise ValueError(f"a comment holds {type(data).__name__}")
    category, severity = data.get("category"), data.get("severity")
    return Comment(str(data.get("author", "")), str(data.get("at", "")), str(data["text"]),
                   CommentKind(data.get("kind", "note")), RejectCategory(category) if category else None,
                   Severity(severity) if severity else None)


def comments_to_json(comments: tuple[Comment, ...]) -> list[dict[str, str]]:
    return [comment_to_json(c) for c in comments]


def comments_from_text(cue_id: Any, value: Any) -> tuple[Comment, ...]:
    if value is None or value == "":
        return ()
    if type(value) is not str:
        raise _bad(cue_id, "comments", value)
    data = json.loads(value)
    if type(data) is not list:
        raise _bad(cue_id, "comments", data)
    return tuple(comment_from_json(item) for item in data)


def draft_to_json(draft: Draft | None) -> dict[str, Any] | None:
    if draft is None:
        return None
    return {
        "text": draft.text, "origin": draft.origin, "engine": draft.engine, "model_id": draft.model_id,
        "model_hash": draft.model_hash, "settings": draft.settings, "score": draft.score,
        "raw_output": draft.raw_output, "alternatives": [list(a) for a in draft.alternatives],
        "created_at": draft.created_at,
    }


def draft_from_json(data: dict[str, Any] | None) -> Draft | None:
    if not data:
        return None
    return Draft(
        text=data["text"], origin=data.get("origin", "mt"), engine=data.get("engine", ""),
        model_id=data.get("model_id", ""), model_hash=data.get("model_hash", ""),
        settings=data.get("settings") or {}, score=data.get("score"), raw_output=data.get("raw_output", ""),
        alternatives=tuple((str(t), float(s)) for t, s in data.get("alternatives", ())),
        created_at=data.get("created_at", ""),
    )


# Stored value -> state, read for every cue of a project when it opens: a dict lookup instead of State(value)
# with its ValueError makes reopening a season (50,000 cues) ~20 ms faster (bench load "reopen project",
# decision 021).
_STATES = {s.value: s for s in State}


def cue_to_row(cue: Cue) -> tuple[Any, ...]:
    """Values for CUE_COLUMNS; NULL where a cue has no comments, rejection, draft or format attributes."""
    return (
        cue.id, cue.start_ms, cue.end_ms, cue.source, cue.target, cue.state.value,
        _dumps(comments_to_json(cue.comments)) if cue.comments else None,
        None if cue.rejection is None else _dumps(rejection_to_json(cue.rejection)),
        None if cue.draft is None else _dumps(draft_to_json(cue.draft)),
        _dumps(dict(cue.meta)) if cue.meta else None,
    )


def _bad(cue_id: Any, what: str, value: Any) -> ValueError:
    return ValueError(f"cue {cue_id!r}: {what} holds {type(value).__name__} {value!r:.40}")


def _json_object(cue_id: Any, what: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if type(value) is not str:
        raise _bad(cue_id, what, value)
    data = json.loads(value)
    if type(data) is not dict:
        raise _bad(cue_id, what, data)
    return data


def cue_from_row(row: tuple[Any, ...]) -> Cue:
    """A cue from its row; a value no SubReview ever wrote raises ValueError (the file is damaged)."""
    cue_id, start, end, source, target, state, comments, rejection, draft, meta = row
    # `type(x) is`: exactly int and str, as SQLite returns them (a bool is an int, and is not a time).
    if type(cue_id) is not int:
        raise _bad(cue_id, "id", cue_id)
    if type(start) is not int or type(end) is not int or not 0 <= start <= end:
        raise ValueError(f"cue {cue_id}: impossible times {start!r:.20}..{end!r:.20}")
    if type(source) is not str or type(target) is not str:
        raise _bad(cue_id, "text", (source, target))
    known = _STATES.get(state) if type(state) is str else None
    if known is None:
        raise ValueError(f"cue {cue_id}: unknown state {state!r:.40}")
    if comments is None and rejection is None and draft is None and meta is None:  # most cues: ~11 ms less
        return Cue(cue_id, start, end, source, target, known)  # of reopening a season (bench load, decision 021)
    meta_value = _json_object(cue_id, "meta", meta)
    return Cue(cue_id, start, end, source, target, known, comments_from_text(cue_id, comments),
               rejection_from_json(_json_object(cue_id, "rejection", rejection)),
               draft_from_json(_json_object(cue_id, "draft", draft)),
               NO_META if meta_value is None else meta_value)


def cue_fields(cue: Cue) -> dict[str, Any]:
    """Every field of a cue as plain JSON values (for the event log)."""
    return {
        "start_ms": cue.start_ms, "end_ms": cue.end_ms, "source": cue.source, "target": cue.target,
        "state": cue.state.value, "comments": comments_to_json(cue.comments),
        "rejection": rejection_to_json(cue.rejection),
        "draft": draft_to_json(cue.draft), "meta": dict(cue.meta),
    }


def changed_fields(before: Cue | None, after: Cue | None) -> tuple[str | None, str | None]:
    """JSON of what differs between two versions of a cue; whole cues for inserts and deletes."""
    if before is None or after is None:
        return (
            None if before is None else _dumps(cue_fields(before)),
            None if after is None else _dumps(cue_fields(after)),
        )
    old, new = cue_fields(before), cue_fields(after)
    keys = [k for k in old if old[k] != new[k]]
    return _dumps({k: old[k] for k in keys}), _dumps({k: new[k] for k in keys})


def dumps(value: Any) -> str:
    return _dumps(value)
