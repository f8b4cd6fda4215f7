"""Delivering a series in one step: every episode × language to OUTDIR/LANG/EPISODE.fmt, each gated as a single
export is, plus OUTDIR/report.json and OUTDIR/report.html (decision 024)."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.formats import SubtitleError
from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.series.checks import LanguageChecker
from editor.core.series.episode import EpisodeProject
from editor.core.series.report import DeliveryReport, DeliveryRow, delivery_row, write_html, write_json
from editor.core.series.store import Series
from editor.core.store.project import now_iso
from editor.core.user_error import UserError
from editor.core.workflows import ExportRefused, export_format, export_project

PENDING = QT_TRANSLATE_NOOP("Errors", "{count} lines still need a decision ({states})")


@dataclass(frozen=True)
class Delivery:
    report: DeliveryReport
    folder: Path
    refusals: dict[tuple[str, str], UserError] = field(default_factory=dict)  # (episode, lang): why, translatable

    @property
    def refused(self) -> list[DeliveryRow]:
        return [r for r in self.report.rows if not r.exported]


def safe_file_name(name: str) -> str:
    """An episode name as a file name on every system (no separators, no reserved characters)."""
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name).strip(" .")
    return cleaned or "episode"


def deliver(series: Series, outdir: str | os.PathLike[str], *, actor: str, languages: Sequence[str] | None = None,
            fmt: str = "srt", allow_unreviewed: bool = False, bom: bool = False, crlf: bool = False,
            progress: Callable[[int, int], None] | None = None) -> Delivery:
    """Export what may be exported and say, per episode × language, what was written, forced or refused."""
    folder = Path(outdir)
    export_format(f"x.{fmt}")  # an unknown format is refused before anything is written
    langs = list(languages) if languages else [lang.code for lang in series.languages()]
    for lang in langs:
        series.language(lang)
    episodes = series.episodes()
    rows: list[DeliveryRow] = []
    refusals: dict[tuple[str, str], UserError] = {}
    total, done = len(langs) * len(episodes), 0
    earlier = earlier_files(folder)
    for lang in langs:
        checker = LanguageChecker.of(series, lang)
        (folder / lang).mkdir(parents=True, exist_ok=True)
        for episode in episodes:
            view = EpisodeProject(series, episode, lang)
            qa_left = dict(Counter(i.severity for i in checker.run(episode, view.doc)))
            relative = f"{lang}/{safe_file_name(episode.name)}.{fmt}"
            file, reason, forced, dropped = "", "", False, 0
            try:
                result = export_project(view, folder / relative, actor=actor, allow_unreviewed=allow_unreviewed,
                                        bom=bom, crlf=crlf)
                file, forced, dropped = relative, bool(result.unreviewed), len(result.dropped_tags)
            except ExportRefused as refused:
                states = ", ".join(f"{n} {state}" for state, n in sorted(refused.counts.items()))
                refusals[(episode.name, lang)] = UserError(template=PENDING, count=len(refused.pending),
                                                          states=states)
            except SubtitleError as exc:
                refusals[(episode.name, lang)] = exc
            removed = ""
            if (episode.name, lang) in refusals:
                reason = str(refusals[(episode.name, lang)])
                removed = _remove_earlier(folder, relative, earlier)
            rows.append(delivery_row(episode.name, lang, list(view.doc), file=file, refused_reason=reason,
                                     forced=forced, qa_left=qa_left, events=view.events(), dropped_tags=dropped,
                                     removed_earlier=removed))
            done += 1
            if progress is not None:
                progress(done, total)
    report = DeliveryReport(series.name, now_iso(), series.source_lang, tuple(langs), tuple(rows))
    write_json(report, folder / "report.json")
    write_html(report, folder / "report.html")
    series.log_event("deliver", actor=actor, after={
        "folder": str(folder.resolve()), "format": fmt, "languages": langs,
        "exported": sum(1 for r in rows if r.exported), "refused": sum(1 for r in rows if not r.exported),
        "forced": sum(1 for r in rows if r.forced)})
    return Delivery(report, folder, refusals)


def earlier_files(folder: Path) -> set[str]:
    """The files an earlier delivery into `folder` wrote, as its report.json lists them (relative paths)."""
    try:
        rows = json.loads((folder / "report.json").read_text(encoding="utf-8")).get("rows", [])
    except (OSError, ValueError, AttributeError):
        return set()
    return {r["file"] for r in rows if isinstance(r, dict) and r.get("exported") and isinstance(r.get("file"), str)}


def _remove_earlier(folder: Path, relative: str, earlier: set[str]) -> str:
    """A refused episode × language must not leave the file an earlier delivery wrote at its path: the folder would
    hold an old translation beside a report saying it was not delivered. Only a file the earlier report lists is
    removed (never a file someone else put there); `relative` when removed."""
    path = folder / relative
    if relative not in earlier or not path.is_file():
        return ""
    try:
        path.unlink()
    except OSError:
        return ""
    return relative
