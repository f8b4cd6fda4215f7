"""Project-level actions shared by the CLI and the window: create, import a translation, stats, export."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core import edits, source_check
from editor.core.document import NO_META, Cue
from editor.core.formats import (
    DROP_REASONS,
    ParsedCue,
    SubtitleError,
    SubtitleFile,
    align_by_time,
    read_subtitles,
    without_blank_cues,
    write_subtitles,
)
from editor.core.formats.tags import FORMAT_NAMES
from editor.core.gc_pause import gc_paused
from editor.core.regions import region_text
from editor.core.review import NEEDS_DECISION, PERSON_WORK, QT_TRANSLATE_NOOP, Actor, Draft, State
from editor.core.store import Project, ProjectMeta
from editor.core.store.project import now_iso
from editor.core.user_error import UserError

if TYPE_CHECKING:
    from editor.core.ocr.model import OcrResult

EXPORT_FORMATS = ("srt", "vtt", "ass", "ssa")
NOTHING_TO_EXPORT = QT_TRANSLATE_NOOP("Errors", "nothing to export: no line of {project} has a translation yet, "
                                      "so {name} was not written.")
OVERWRITES_SOURCE = QT_TRANSLATE_NOOP("Errors", "{name} is the source subtitle file of this project; exporting "
                                      "the translation over it would destroy the source. Choose another name.")


def cues_from_file(sub: SubtitleFile) -> list[Cue]:
    """Cues for a new project: ids 1..n in file order, all untranslated."""
    return [Cue(i, c.start_ms, c.end_ms, c.text, meta=dict(c.meta) if c.meta else NO_META)
            for i, c in enumerate(sub.cues, start=1)]


def create_project(path: str | os.PathLike[str], source: str | os.PathLike[str], *, actor: str,
                   video: str = "", source_lang: str = "zh-Hans", target_lang: str = "en",
                   fps: float = 24.0, qa_profile: str = "",
                   encoding: str | None = None) -> tuple[Project, SubtitleFile]:
    """Read a subtitle file (in `encoding`, else detected with the source language as a hint) and write a new
    project from it; returns the project and what was read."""
    with gc_paused():  # importing a season reaches idle ~40 ms sooner (bench apps, decision 021)
        sub = read_subtitles(source, encoding=encoding, language=source_lang)
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


def cues_from_picture(result: OcrResult) -> list[Cue]:
    """Cues for a project whose source was read from the picture: each keeps its recognition confidence and waits
    for a person's source check."""
    return [Cue(i, c.start_ms, c.end_ms, c.text, meta=source_check.ocr_meta(c.confidence, moving=c.moving))
            for i, c in enumerate(result.cues, start=1)]


def create_project_from_picture(path: str | os.PathLike[str], video: str | os.PathLike[str], result: OcrResult, *,
                                actor: str, source_lang: str = "zh-Hans", target_lang: str = "en",
                                qa_profile: str = "") -> Project:
    """A new project whose source lines are what `read_burned_in` read from `video`; the band it read them in is
    kept (`source_band`) for the render's cover and the placement checks. Refuses a reading with no line: a project
    is never made from an empty source (the notes say why it is empty)."""
    if not result.cues:
        raise ValueError("no line was read from the picture")
    extra = {"source_origin": source_check.OCR}
    if result.band is not None:
        extra["source_band"] = region_text(result.band)  # read back by render.stored_band
    meta = ProjectMeta(source_lang=source_lang, target_lang=target_lang, fps=result.fps,
                       video_path=str(Path(video).resolve()), qa_profile=qa_profile, extra=extra)
    details = {"read_from_picture": meta.video_path, "band": list(result.band) if result.band else None,
               "frames_read": result.frames_read, "notes": [note.code for note in result.notes]}
    return Project.create(path, cues_from_picture(result), meta, actor=actor, details=details)


@dataclass(frozen=True)
class NewProject:
    """What the person chose for a project made from subtitles (and a video)."""

    subtitles: Path
    video: Path | None
    source_lang: str
    target_lang: str
    fps: float
    encoding: str | None  # None: detect
    reviewer: str = ""  # who makes it (recorded in the project's log)


@dataclass
class ImportReport:
    file: str = ""
    imported: int = 0
    kept_decided: list[int] = field(default_factory=list)  # cue ids holding a person's work: left alone
    merged: list[int] = field(default_factory=list)  # cue ids that received several target cues
    unaligned: list[ParsedCue] = field(default_factory=list)  # target cues overlapping no source cue
    problems: int = 0

    def as_event(self) -> dict[str, object]:
        return {"file": self.file, "imported": self.imported, "kept_decided": self.kept_decided,
                "merged": self.merged,
                "unaligned": [{"line": c.line, "start_ms": c.start_ms, "end_ms": c.end_ms, "text": c.text}
                              for c in self.unaligned]}


@dataclass
class ImportPlan:
    """An import worked out but not yet written: one batch op (one undo step), who it counts as, the report."""

    op: edits.Batch
    kind: Actor
    report: ImportReport


def plan_import(project: Project, path: str | os.PathLike[str], *, as_translated: bool = False,
                encoding: str | None = None) -> ImportPlan:
    """Read an existing translation and align it by time with the project's lines.

    Lines arrive as drafts (origin "import") so a person still decides each one. `as_translated` says the file
    is a person's own translation: its lines arrive as that person's text (`edited`), still to be confirmed or
    approved line by line, since nobody decided them here. Lines holding a person's work are never overwritten.
    """
    sub = read_subtitles(path, encoding=encoding, language=project.meta.target_lang)
    alignment = align_by_time([(c.id, c.start_ms, c.end_ms) for c in project.doc], sub.cues)
    report = ImportReport(file=str(Path(path).resolve()), unaligned=list(alignment.unaligned),
                          problems=len(sub.problems))
    report.merged = sorted({cue_id for cue_id, _ in alignment.conflicts})
    name = Path(path).name
    ops: list[edits.EditOp] = []
    for cue_id, text in alignment.matches.items():
        cue = project.doc.get(cue_id)
        if cue.state in PERSON_WORK:
            report.kept_decided.append(cue_id)
            continue
        if as_translated:
            ops.append(edits.SetTarget(cue_id, text))
        else:
            draft = Draft(text=text, origin="import", engine="file", model_id=name, raw_output=text,
                          created_at=now_iso())
            ops.append(edits.ApplyDraft(cue_id, draft))
    kind = Actor.PERSON if as_translated else Actor.MACHINE
    return ImportPlan(edits.Batch(tuple(ops), label="import_target"), kind, report)


def import_target(project: Project, path: str | os.PathLike[str], *, actor: str, as_translated: bool = False,
                  encoding: str | None = None) -> ImportReport:
    """`plan_import` written at once (the command line's way; the window goes through its review session)."""
    plan = plan_import(project, path, as_translated=as_translated, encoding=encoding)
    change = project.apply(plan.op, actor=actor, kind=plan.kind)
    plan.report.imported = len(change.deltas)
    project.log_event("import_target_report", actor=actor, after=plan.report.as_event())
    return plan.report


def state_counts(cues: Iterable[Cue]) -> dict[str, int]:
    counts = Counter(c.state for c in cues)
    return {s.value: counts.get(s, 0) for s in State}


def review_counts(cues: Iterable[Cue]) -> tuple[dict[str, int], int]:
    """`state_counts` and how many cues `needs_decision`, in one pass."""
    counts = {s.value: 0 for s in State}
    open_lines = 0
    for cue in cues:
        counts[cue.state.value] += 1
        open_lines += needs_decision(cue)
    return counts, open_lines


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


@dataclass
class ExportResult:
    """What an export wrote and what it did not: line numbers (1-based, in file order)."""

    written: int
    left_out: list[int] = field(default_factory=list)  # lines with source text but no translation: not written
    unreviewed: list[int] = field(default_factory=list)  # lines written though they still need a decision
    # (line, tag, reason: a key of formats.DROP_REASONS): markup the output format has nothing like
    dropped_tags: list[tuple[int, str, str]] = field(default_factory=list)
    format: str = ""

    def dropped_messages(self) -> list[str]:
        """Each left-out tag as an English sentence (the window shows the translated template instead)."""
        name = FORMAT_NAMES.get(self.format, self.format)
        return [DROP_REASONS[reason].format(line=line, tag=tag, format=name)
                for line, tag, reason in self.dropped_tags]


def export_preview(cues: Iterable[Cue]) -> ExportResult:
    """What exporting these cues would leave out and write undecided, before anything is written."""
    result = ExportResult(written=0)
    for number, cue in enumerate(cues, start=1):
        if not cue.target.strip():
            if cue.source.strip():
                result.left_out.append(number)
            continue
        result.written += 1
        if needs_decision(cue):
            result.unreviewed.append(number)
    return result


def _is_source_file(project: Project, out: Path) -> bool:
    source = project.meta.source_path
    if not source:
        return False
    try:
        return out.resolve() == Path(source).resolve() or (out.exists() and os.path.samefile(out, source))
    except OSError:
        return False


def export_project(project: Project, out: str | os.PathLike[str], *, actor: str, allow_unreviewed: bool = False,
                   bom: bool = False, crlf: bool = False) -> ExportResult:
    """Write the target text to a subtitle file (atomically) and log it. Refused while lines need a decision
    (unless allowed), when no line has a translation, and over the project's own source subtitles."""
    out = Path(out)
    fmt = export_format(out)
    pending = undecided(project.doc)
    if pending and not allow_unreviewed:
        raise ExportRefused(pending)
    if _is_source_file(project, out):
        raise SubtitleError(code="overwrites_source", template=OVERWRITES_SOURCE, name=str(out))
    rows = [(c.start_ms, c.end_ms, c.target, c.meta) for c in project.doc]
    numbers = [n for n, c in enumerate(project.doc, start=1) if c.target.strip()]
    # A cue with no target text would show nothing; most players mishandle empty blocks, so leave it out.
    cues = without_blank_cues(rows)
    if not cues:
        raise SubtitleError(code="nothing_to_export", template=NOTHING_TO_EXPORT, project=project.path.name,
                            name=str(out))
    result = export_preview(project.doc)
    result.format = fmt
    same = fmt == project.meta.source_format
    dropped = write_subtitles(out, cues, fmt, bom=bom, crlf=crlf, header=project.meta.header if same else "",
                              footer=project.meta.footer if same else "", source_format=project.meta.source_format)
    result.dropped_tags = [(numbers[d.row] if d.row < len(numbers) else d.row + 1, d.tag, d.reason)
                           for d in dropped or ()]
    project.log_event(
        "export", actor=actor,
        after={"path": str(out.resolve()), "format": fmt, "cues": len(cues),
               "unreviewed": len(pending), "left_out": result.left_out, "states": state_counts(project.doc),
               "dropped_tags": len(result.dropped_tags)},
    )
    return result


SOURCE_MISMATCH = QT_TRANSLATE_NOOP("Errors", "read this way, the source file's lines ({found}) do not match the "
                                    "project's ({expected}) in number or timing; make a new project from it instead.")


class SourceMismatch(UserError):
    """The source file read again no longer has the project's lines at the same times."""


def resource_op(cues: Collection[Cue], sub: SubtitleFile) -> edits.Batch:
    """The source texts of `sub` put on the project's lines (one undo step): for reading the source again in
    another encoding. The file must still have the project's lines at the same times, in the same order."""
    if len(sub.cues) != len(cues) or any((c.start_ms, c.end_ms) != (p.start_ms, p.end_ms)
                                         for c, p in zip(cues, sub.cues, strict=True)):
        raise SourceMismatch(template=SOURCE_MISMATCH, found=len(sub.cues), expected=len(cues))
    ops = [edits.SetSource(c.id, p.text) for c, p in zip(cues, sub.cues, strict=True) if c.source != p.text]
    return edits.Batch(tuple(ops), label="reread_source")
