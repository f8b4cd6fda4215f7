"""Cues to and from database rows and event-log JSON."""

from __future__ import annotations

import json
from typing import Any

from editor.core.document import Cue
from editor.core.review import Draft, RejectCategory, Rejection, Severity, State

CUE_COLUMNS = "id, start_ms, end_ms, source, target, state, note, rejection, draft, meta"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def rejection_to_json(rejection: Rejection | None) -> dict[str, str] | None:
    if rejection is None:
        return None
    return {"category": rejection.category.value, "severity": rejection.severity.value,
            "comment": rejection.comment}


def rejection_from_json(data: dict[str, str] | None) -> Rejection | None:
    if not data:
        return None
    return Rejection(RejectCategory(data["category"]), Severity(data["severity"]), data.get("comment", ""))


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


def cue_to_row(cue: Cue) -> tuple[Any, ...]:
    """Values for CUE_COLUMNS."""
    rejection = rejection_to_json(cue.rejection)
    draft = draft_to_json(cue.draft)
    return (
        cue.id, cue.start_ms, cue.end_ms, cue.source, cue.target, cue.state.value, cue.note,
        None if rejection is None else _dumps(rejection),
        None if draft is None else _dumps(draft),
        _dumps(cue.meta) if cue.meta else None,
    )


_STATES = {s.value: s for s in State}


def _expect(value: Any, kind: type | tuple[type, ...], what: str, cue_id: Any) -> Any:
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ValueError(f"cue {cue_id!r}: {what} holds {type(value).__name__} {value!r:.40}")
    return value


def cue_from_row(row: tuple[Any, ...]) -> Cue:
    """A cue from its row; a value no SubReview ever wrote raises ValueError (the file is damaged)."""
    cue_id, start, end, source, target, state, note, rejection, draft, meta = row
    _expect(cue_id, int, "id", cue_id)
    for value, what in ((start, "start"), (end, "end")):
        _expect(value, int, what, cue_id)
    for value, what in ((source, "source"), (target, "target"), (note, "note"), (state, "state")):
        _expect(value, str, what, cue_id)
    if not 0 <= start <= end:
        raise ValueError(f"cue {cue_id}: impossible times {start}..{end} ms")
    if state not in _STATES:
        raise ValueError(f"cue {cue_id}: unknown state {state!r:.40}")
    meta_value = json.loads(_expect(meta, str, "meta", cue_id)) if meta else {}
    _expect(meta_value, dict, "meta", cue_id)
    rejection_value = json.loads(_expect(rejection, str, "rejection", cue_id)) if rejection else None
    draft_value = json.loads(_expect(draft, str, "draft", cue_id)) if draft else None
    for value, what in ((rejection_value, "rejection"), (draft_value, "draft")):
        if value is not None:
            _expect(value, dict, what, cue_id)
    return Cue(cue_id, start, end, source, target, _STATES[state], note,
               rejection_from_json(rejection_value), draft_from_json(draft_value), meta_value)


def cue_fields(cue: Cue) -> dict[str, Any]:
    """Every field of a cue as plain JSON values (for the event log)."""
    return {
        "start_ms": cue.start_ms, "end_ms": cue.end_ms, "source": cue.source, "target": cue.target,
        "state": cue.state.value, "note": cue.note, "rejection": rejection_to_json(cue.rejection),
        "draft": draft_to_json(cue.draft), "meta": cue.meta,
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
