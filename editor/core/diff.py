"""Word-level differences between two subtitle texts (a machine draft and what a person made of it).

Latin-script text is compared word by word (words, runs of whitespace and single punctuation marks are the
tokens); Chinese and Japanese text, which has no spaces between words, character by character. The result
round-trips: joining the "equal" and "delete" pieces gives the old text, "equal" and "insert" the new one.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal

DiffOp = Literal["equal", "delete", "insert"]

# Han ideographs (with extension A and the supplementary planes), compatibility ideographs, kana.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TOKEN = re.compile(rf"[{_CJK}]|(?:(?![{_CJK}])\w)+|\s+|.", re.DOTALL)


def tokens(text: str) -> list[str]:
    """Words, whitespace runs and punctuation marks; every CJK character is a token of its own."""
    return _TOKEN.findall(text)


def word_diff(a: str, b: str) -> list[tuple[DiffOp, str]]:
    """Ops turning `a` into `b`: ("equal" | "delete" | "insert", text), in text order.

    Within one changed stretch the deletion comes before the insertion, and a lone space between two
    changed words is folded into the change ("the big dog" -> "a small cat" is one deletion and one
    insertion, not three of each), which reads better and still round-trips.
    """
    ta, tb = tokens(a), tokens(b)
    raw: list[tuple[DiffOp, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if tag == "equal":
            raw.append(("equal", "".join(ta[i1:i2])))
            continue
        if i2 > i1:
            raw.append(("delete", "".join(ta[i1:i2])))
        if j2 > j1:
            raw.append(("insert", "".join(tb[j1:j2])))
    return _tidy(raw)


def _tidy(raw: list[tuple[DiffOp, str]]) -> list[tuple[DiffOp, str]]:
    out: list[tuple[DiffOp, str]] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def emit(op: DiffOp, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    def flush_change() -> None:
        emit("delete", "".join(deleted))
        emit("insert", "".join(inserted))
        deleted.clear()
        inserted.clear()

    for i, (op, text) in enumerate(raw):
        if op == "equal":
            changed_before = bool(deleted or inserted)
            changed_after = i + 1 < len(raw) and raw[i + 1][0] != "equal"
            if changed_before and changed_after and text.isspace():
                deleted.append(text)
                inserted.append(text)
                continue
            flush_change()
            emit("equal", text)
        elif op == "delete":
            deleted.append(text)
        else:
            inserted.append(text)
    flush_change()
    return out


def old_text(ops: list[tuple[DiffOp, str]]) -> str:
    """The text the ops start from (equal + delete)."""
    return "".join(text for op, text in ops if op != "insert")


def new_text(ops: list[tuple[DiffOp, str]]) -> str:
    """The text the ops arrive at (equal + insert)."""
    return "".join(text for op, text in ops if op != "delete")
