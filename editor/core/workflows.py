"""Project-level actions shared by the CLI and the window: create, import a translation, stats, export."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

from editor.core import edits
from editor.core.document import NO_META, Cue
from editor.core.formats import (
    ParsedCue,
    SubtitleError,
    SubtitleFile,
    align_by_time,
    read_subtitles,
    without_blank_cues,
    write_subtitles,
)
from editor.core.gc_pause import gc_paused
from editor.core.review import HUMAN_DECIDED, NEEDS_DECISION, Actor, Draft, State
from editor.core.store import Project, ProjectMeta
from editor.core.store.project import now_iso

EXPORT_FORMATS = ("srt", "vtt", "ass", "ssa")


def cues_from_file(sub: SubtitleFile) -> list[Cue]:
    """Cues for a new project: ids 1..n in file order, all untranslated."""
    return [Cue(i, c.start_ms, c.end_ms, c.text, meta=dict(c.meta) if c.meta else NO_META)
            for i, c in enumerate(sub.cues, start=1)]


def create_project(path: str | os.PathLike[str], source: str | os.PathLike[str], *, actor: str,
                   video: str = "", source_lang: str = "zh-Hans", target_lang: str = "en",
                   fps: float = 24.0, qa_profile: str = "") -> tuple[Project, SubtitleFile]:
    """Read a subtitle file and write a new project from it; returns the project and what was read."""
    with gc_paused():
        sub = read_subtitles(source)
        meta = ProjectMeta(
            source_lang=source_lang, target_lang=target_lang, fps=fps,
            video_path=str(Path(video).resolve()) if video else "", qa_profile=qa_profile,
            source_path=str(Path(source).resolve()), source_format=sub.format, source_encoding=sub.encoding,
            header=sub.header, footer=sub.footer,
        )
        details = {"source": meta.source_path, "format": sub.format, "encoding": sub.encoding,
                   "problems": len(sub.problems)}
        project = Project.create(path, cues_from_file(sub), meta, actor=actor, details=details)
        return project, sub


@dataclass
class ImportReport:
    imported: int = 0
    kept_decided: list[int] = field(default_factory=list)  # cue ids a person had decided: left alone
    merged: list[int] = field(default_factory=list)  # cue ids that received several target cues
    unaligned: list[ParsedCue] = field(default_factory=list)  # target cues overlapping no source cue
    problems: int = 0


def import_target(project: Project, path: str | os.PathLike[str], *, actor: str,
                  as_translated: bool = False) -> ImportReport:
    """Bring in an existing translation, aligned by time, as one undoable step.

    Lines arrive as drafts (origin "import") so a person still decides each one, unless `as_translated`
    says the file is a person's own translation. Lines a person already decided are never overwritten.
    """
    sub = read_subtitles(path)
    alignment = align_by_time([(c.id, c.start_ms, c.end_ms) for c in project.doc], sub.cues)
    report = ImportReport(unaligned=list(alignment.unaligned), problems=len(sub.problems))
    report.merged = sorted({cue_id for cue_id, _ in alignment.conflicts})
    name = Path(path).name
    ops: list[edits.EditOp] = []
    for cue_id, text in alignment.matches.items():
        cue = project.doc.get(cue_id)
        if cue.state in HUMAN_DECIDED:
            report.kept_decided.append(cue_id)
            continue
        if as_translated:
            ops.append(edits.SetTarget(cue_id, text))
        else:
            draft = Draft(text=text, origin="import", engine="file", model_id=name, raw_output=text,
                          created_at=now_iso())
            ops.append(edits.ApplyDraft(cue_id, draft))
    kind = Actor.PERSON if as_translated else Actor.MACHINE
    change = project.apply(edits.Batch(tuple(ops), label="import_target"), actor=actor, kind=kind)
    report.imported = len(change.deltas)
    project.log_event(
        "import_target_report", actor=actor,
        after={"file": str(Path(path).resolve()), "imported": report.imported,
               "kept_decided": report.kept_decided, "merged": report.merged,
               "unaligned": [{"line": c.line, "start_ms": c.start_ms, "end_ms": c.end_ms, "text": c.text}
                             for c in report.unaligned]},
    )
    return report


def state_counts(cues: Iterable[Cue]) -> dict[str, int]:
    counts = Counter(c.state for c in cues)
    return {s.value: counts.get(s, 0) for s in State}


def review_counts(cues: Sequence[Cue]) -> tuple[dict[str, int], int]:
    """`state_counts` and how many cues `needs_decision`, in one pass of C loops (~10 ms for a season's
    50,000 cues instead of ~35 with a call per cue)."""
    has_source = map(bool, map(str.strip, map(attrgetter("source"), cues)))
    pairs = Counter(zip(map(attrgetter("state"), cues), has_source, strict=True))
    counts = {s.value: pairs.get((s, True), 0) + pairs.get((s, False), 0) for s in State}
    return counts, sum(pairs.get((s, True), 0) for s in NEEDS_DECISION)


def needs_decision(cue: Cue) -> bool:
    """A cue with source text that still waits for a person: untranslated, draft, rejected or stale."""
    return bool(cue.source.strip()) and cue.state in NEEDS_DECISION


def undecided(cues: Iterable[Cue]) -> list[Cue]:
    """Cues that still need a person's decision before export."""
    return [c for c in cues if needs_decision(c)]


class ExportRefused(Exception):
    """Export stopped because lines still need a decision."""

    def __init__(self, pending: list[Cue]) -> None:
        counts = Counter(c.state.value for c in pending)
        detail = ", ".join(f"{n} {state}" for state, n in sorted(counts.items()))
        super().__init__(f"{len(pending)} lines still need a decision ({detail})")
        self.pending = pending
        self.counts = dict(counts)


def export_format(path: str | os.PathLike[str]) -> str:
    ext = Path(path).suffix.lower().lstrip(".")
    if ext not in EXPORT_FORMATS:
        raise SubtitleError(f"cannot export to '.{ext}': use .srt, .vtt, .ass or .ssa")
    return ext


def export_project(project: Project, out: str | os.PathLike[str], *, actor: str, allow_unreviewed: bool = False,
                   bom: bool = False, crlf: bool = False) -> int:
    """Write the target text to a subtitle file (atomically) and log it; returns the number of cues written."""
    fmt = export_format(out)
    pending = undecided(project.doc)
    if pending and not allow_unreviewed:
        raise ExportRefused(pending)
    # A cue with no target text would show nothing; most players mishandle empty blocks, so leave it out.
    cues = without_blank_cues([(c.start_ms, c.end_ms, c.target, c.meta) for c in project.doc])
    same = fmt == project.meta.source_format
    write_subtitles(out, cues, fmt, bom=bom, crlf=crlf, header=project.meta.header if same else "",
                    footer=project.meta.footer if same else "")
    project.log_event(
        "export", actor=actor,
        after={"path": str(Path(out).resolve()), "format": fmt, "cues": len(cues),
               "unreviewed": len(pending), "states": state_counts(project.doc)},
    )
    return len(cues)
