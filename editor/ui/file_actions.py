"""Window actions that talk to the user through dialogs: files, export, settings, reject, split/merge."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from editor import __version__
from editor.core import edits, qa, workflows
from editor.core.formats import DROP_REASONS, SubtitleError, read_subtitles
from editor.core.formats.tags import FORMAT_NAMES
from editor.core.frames import snap_to_frame
from editor.core.glossary import GlossaryError, load_glossary_csv
from editor.core.mt import registry
from editor.core.review import State
from editor.core.store import ProjectError
from editor.services import i18n
from editor.ui.cue_style import state_label
from editor.ui.dialogs import RejectDialog, SettingsDialog, ShiftDialog, ShortcutsDialog
from editor.ui.messages import error_text, message_box, show_error, show_information
from editor.ui.project_dialogs import EncodingDialog, ExportDialog, NewProjectDialog

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

# The texts of this module are in the "FileActions" context: lupdate reads the literal translate() calls.
translate = QCoreApplication.translate


def subtitle_filter() -> str:
    return translate("FileActions", "Subtitles (*.srt *.vtt *.ass *.ssa);;All files (*)")


def reject_current(w: MainWindow) -> None:
    cue = w.review.current_cue()
    if cue is None:
        return
    dialog = RejectDialog(w, w.session.doc.index_of(cue.id) + 1)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        w.review.reject(dialog.rejection())


def split_at_playhead(w: MainWindow) -> None:
    cue = w.review.current_cue()
    if cue is None:
        return
    fps = w.session.project.meta.fps
    at = snap_to_frame(w.player.position(), fps)  # the second line starts on a frame
    if not cue.start_ms < at < cue.end_ms:
        at = snap_to_frame((cue.start_ms + cue.end_ms) / 2, fps)
    if not cue.start_ms < at < cue.end_ms:
        at = (cue.start_ms + cue.end_ms) // 2  # a line of one frame or two: no frame lies inside it
    w.editor.flush()
    w.session.apply(edits.Split(cue.id, at), text=translate("FileActions", "Split line"))


def merge_with_next(w: MainWindow) -> None:
    cue = w.review.current_cue()
    if cue is not None:
        w.editor.flush()
        w.session.apply(edits.Merge(cue.id), text=translate("FileActions", "Merge lines"))


def shift_times(w: MainWindow, dialog: ShiftDialog | None = None) -> None:
    """Shift all lines (or from the current one on) by an offset: one undo step."""
    cue = w.review.current_cue()
    doc = w.session.doc
    number = doc.index_of(cue.id) + 1 if cue is not None else 1
    dialog = dialog or ShiftDialog(w, number)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.offset.value() == 0:
        return
    ids = None if dialog.all_lines.isChecked() or cue is None else tuple(c.id for c in doc.cues[number - 1:])
    w.editor.flush()
    op = edits.Shift(dialog.offset.value(), cue_ids=ids, mark_stale=not dialog.keep_states.isChecked(),
                     fps=w.session.project.meta.fps)
    w.session.apply(op, text=translate("FileActions", "Shift times"))


def _lines(numbers: list[int], limit: int = 20) -> str:
    shown = translate("FileActions", ", ", "list separator").join(map(str, numbers[:limit]))
    if len(numbers) > limit:
        shown += " " + translate("FileActions", "and %1 more").replace("%1", str(len(numbers) - limit))
    return shown


def export_summary(preview: workflows.ExportResult) -> str:
    """What an export will write and leave out, line by line, for the person deciding to export."""
    parts = [translate("FileActions", "%1 lines will be written.").replace("%1", str(preview.written))]
    if preview.left_out:
        parts.append(translate("FileActions", "Left out, no translation: lines %1.").replace(
            "%1", _lines(preview.left_out)))
    if preview.unreviewed:
        parts.append(translate("FileActions", "Written without a decision: lines %1.").replace(
            "%1", _lines(preview.unreviewed)))
    return "\n".join(parts)


def export(w: MainWindow, path: str | None = None) -> None:
    """Export with the CLI's gating: refused while lines need a decision, unless the person insists after being
    told which lines go out undecided and which are left out; then where and how (BOM, CRLF)."""
    if not w.editor.flush():
        return
    project = w.session.project
    pending = workflows.undecided(project.doc)
    preview = workflows.export_preview(project.doc)
    allow = False
    if pending:
        refused = workflows.ExportRefused(pending)
        counts = "\n".join(translate("FileActions", "  %1: %2").replace("%1", state_label(State(state)))
                           .replace("%2", str(n)) for state, n in sorted(refused.counts.items()))
        text = translate("FileActions", "%1 lines still need a decision before delivery:\n%2\n\n%3\n\n"
                         "Export them anyway?")
        box = message_box(w, QMessageBox.Icon.Warning, translate("FileActions", "Lines still need a decision"),
                          text.replace("%1", str(len(pending))).replace("%2", counts)
                          .replace("%3", export_summary(preview)))
        go = box.addButton(translate("FileActions", "Go to the First"), QMessageBox.ButtonRole.AcceptRole)
        anyway = box.addButton(translate("FileActions", "Export Anyway"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        if box.clickedButton() is go:
            w.table.select_cue(pending[0].id)
            return
        if box.clickedButton() is not anyway:
            return
        allow = True
    source = Path(project.meta.source_path) if project.meta.source_path else None
    suggested = project.path.with_suffix(f".{project.meta.target_lang}.srt")
    dialog = ExportDialog(w.settings, Path(path) if path else suggested, source, export_summary(preview), w)
    if path is None and dialog.exec() != QDialog.DialogCode.Accepted:
        return
    target = dialog.path.text().strip()
    problem = dialog.problem_with(target)
    if problem:
        show_error(w, translate("FileActions", "Export failed"), problem)
        return
    try:
        result = workflows.export_project(project, target, actor=w.session.reviewer, allow_unreviewed=allow,
                                          bom=dialog.bom.isChecked(), crlf=dialog.crlf.isChecked())
    except (SubtitleError, ProjectError, OSError) as exc:
        show_error(w, translate("FileActions", "Export failed"), error_text(exc))
        return
    done = translate("FileActions", "Exported %1 lines to %2").replace("%1", str(result.written)).replace("%2", target)
    if result.left_out:  # the person was told before; the status bar keeps it in view
        done += " " + translate("FileActions", "(left out, no translation: lines %1)").replace(
            "%1", _lines(result.left_out))
    w.statusBar().showMessage(done, 15000)
    if result.dropped_tags:  # news: markup the format cannot hold
        name = FORMAT_NAMES.get(result.format, result.format)
        notes = [translate("Export", DROP_REASONS[reason]).format(line=line, tag=tag, format=name)
                 for line, tag, reason in result.dropped_tags[:20]]
        if len(result.dropped_tags) > 20:
            notes.append(translate("FileActions", "… and %1 more tags the format cannot hold.").replace(
                "%1", str(len(result.dropped_tags) - 20)))
        show_information(w, translate("FileActions", "Exported"), done + "\n\n" + "\n".join(notes))


def import_target(w: MainWindow, path: str | None = None) -> None:
    """An existing translation, aligned by time, as drafts: one undo step through the review session."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(w, translate("FileActions", "Import an existing translation"), "",
                                              subtitle_filter())
    if not path or not w.editor.flush():
        return
    project = w.session.project
    try:
        plan = workflows.plan_import(project, path)
    except (SubtitleError, ProjectError, OSError) as exc:
        show_error(w, translate("FileActions", "Import failed"), error_text(exc))
        return
    label = translate("FileActions", "Import the translation %1").replace("%1", Path(path).name)
    change = w.session.apply(plan.op, text=label, kind=plan.kind)
    if change is None:
        return  # refused or not saved: the session said why
    plan.report.imported = len(change.deltas)
    try:
        project.log_event("import_target_report", actor=w.session.reviewer, after=plan.report.as_event())
    except ProjectError as exc:
        w.statusBar().showMessage(error_text(exc), 8000)
    text = translate("FileActions", "Imported %1 lines as drafts to review.").replace("%1", str(plan.report.imported))
    if plan.report.kept_decided:
        kept = translate("FileActions", "%1 lines holding a person's work were left as they were.")
        text += "\n" + kept.replace("%1", str(len(plan.report.kept_decided)))
    if plan.report.unaligned:
        unaligned = translate("FileActions", "%1 lines of the file match no source line (listed in the project's log).")
        text += "\n" + unaligned.replace("%1", str(len(plan.report.unaligned)))  # two whole sentences, one per line
    show_information(w, translate("FileActions", "Translation imported"), text)


def reopen_with_encoding(w: MainWindow, encoding: str | None = None) -> bool:
    """Read the source subtitles again in another encoding and put the texts in place (one undo step). Refused
    when the file no longer has the project's lines at the same times."""
    project = w.session.project
    source = project.meta.source_path
    if not source or not Path(source).is_file():
        show_error(w, translate("FileActions", "Cannot reopen the source"),
                   translate("FileActions", "The source subtitle file %1 is not there any more.").replace(
                       "%1", source or "?"))
        return False
    if encoding is None:
        dialog = EncodingDialog(Path(source).read_bytes(), project.meta.source_encoding, w)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        encoding = dialog.chosen()
    if not w.editor.flush():
        return False
    try:
        sub = read_subtitles(source, encoding=encoding, language=project.meta.source_lang)
        op = workflows.resource_op(project.doc, sub)
    except (SubtitleError, workflows.SourceMismatch) as exc:
        show_error(w, translate("FileActions", "Cannot reopen the source"), error_text(exc))
        return False
    label = translate("FileActions", "Read the source as %1").replace("%1", encoding)
    if w.session.apply(op, text=label) is None:
        return False
    try:
        project.set_meta("source_encoding", sub.encoding, actor=w.session.reviewer)
    except ProjectError as exc:
        w.statusBar().showMessage(error_text(exc), 8000)
    message = translate("FileActions", "The source was read again as %1.").replace("%1", sub.encoding)
    replaced = sum(p.code == "invalid_bytes" for p in sub.problems)
    if replaced:
        message += " " + translate("FileActions", "%1 places are not valid in that encoding and show as �: it "
                                                  "may be the wrong one (Undo takes it back).").replace(
            "%1", str(replaced))
    w.statusBar().showMessage(message, 15000)
    return True


def import_glossary(w: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(w, translate("FileActions", "Import a glossary"), "",
                                          translate("FileActions", "CSV files (*.csv);;All files (*)"))
    if not path:
        return
    try:
        terms = load_glossary_csv(path)
        rows = [(t.source, t.target, "|".join(t.forbidden), t.note, t.case_sensitive) for t in terms]
        w.session.project.replace_glossary(rows, actor=w.session.reviewer)
    except (GlossaryError, ProjectError, OSError) as exc:
        show_error(w, translate("FileActions", "Glossary not imported"), error_text(exc))
        return
    w.run_qa()
    w.statusBar().showMessage(translate("FileActions", "Glossary: %1 terms").replace("%1", str(len(rows))), 8000)


def open_settings(w: MainWindow) -> None:
    models = [(e.name, f"{e.name} ({', '.join(e.source_langs)} → {', '.join(e.target_langs)})")
              for e in registry.list_models()]
    profiles = sorted(p.stem for p in qa.builtin_profile_dir().glob("*.toml"))
    dialog = SettingsDialog(w.settings, models, profiles, w)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    language = w.settings.get("ui/language")
    dialog.save()
    w.session.reviewer = w.settings.reviewer_name()
    w.run_qa()
    problem = apply_language(w.settings.get("ui/language")) if w.settings.get("ui/language") != language else ""
    w.statusBar().showMessage(problem or translate(
        "FileActions", "Settings saved. A new model or device is used from the next start."), 8000)


def apply_language(code: str) -> str:
    """Switch the interface language now (every widget retranslates on QEvent.LanguageChange). Returns a
    message for the status bar when a translation file is missing, else ''."""
    manager = i18n.shared()
    if manager.apply(code):
        return ""
    return translate("FileActions", "Translation file missing, some texts stay in English: %1").replace(
        "%1", ", ".join(Path(m).name for m in manager.missing))


def show_shortcuts(w: MainWindow) -> None:
    ShortcutsDialog(w.window_actions, w.settings, w).exec()


def show_about(w: MainWindow) -> None:
    text = translate("FileActions", "SubReview %1\n\nReview and edit subtitles with machine translation kept under "
                     "human control. Machine output is only ever a draft; every decision is saved with its reviewer.")
    QMessageBox.about(w, translate("FileActions", "About SubReview"), text.replace("%1", __version__))


def open_project(w: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(w, translate("FileActions", "Open project"),
                                          str(w.session.project.path.parent),
                                          translate("FileActions", "SubReview projects (*.subrev);;All files (*)"))
    if path and w.open_project_callback is not None:
        w.open_project_callback(Path(path))


def open_media(w: MainWindow) -> None:
    """A video and its subtitles in one dialog, with their encoding, the languages and the video's frame rate."""
    dialog = NewProjectDialog(w.settings, w)
    if dialog.exec() == QDialog.DialogCode.Accepted and w.open_project_callback is not None:
        w.open_project_callback(dialog.choice())
