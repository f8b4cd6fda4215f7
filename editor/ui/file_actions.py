"""Window actions that talk to the user through dialogs: files, export, settings, reject, split/merge."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from editor import __version__
from editor.core import edits, qa, workflows
from editor.core.formats import SubtitleError
from editor.core.glossary import GlossaryError, load_glossary_csv
from editor.core.mt import registry
from editor.core.review import State
from editor.core.store import ProjectError
from editor.services import i18n
from editor.ui.cue_style import state_label
from editor.ui.messages import error_text, message_box, show_error, show_information

if TYPE_CHECKING:
    from editor.ui.dialogs import ShiftDialog
    from editor.ui.main_window import MainWindow

# The texts of this module are in the "FileActions" context: lupdate reads the literal translate() calls.
translate = QCoreApplication.translate


def subtitle_filter() -> str:
    return translate("FileActions", "Subtitles (*.srt *.vtt *.ass *.ssa);;All files (*)")


def reject_current(w: MainWindow) -> None:
    cue = w.review.current_cue()
    if cue is None:
        return
    from editor.ui.dialogs import RejectDialog  # dialogs load when first opened: ~30 ms less at start-up

    dialog = RejectDialog(w, w.session.doc.index_of(cue.id) + 1)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        w.review.reject(dialog.rejection())


def split_at_playhead(w: MainWindow) -> None:
    cue = w.review.current_cue()
    if cue is None:
        return
    at = w.player.position()
    if not cue.start_ms < at < cue.end_ms:
        at = (cue.start_ms + cue.end_ms) // 2
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
    from editor.ui.dialogs import ShiftDialog

    dialog = dialog or ShiftDialog(w, number)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.offset.value() == 0:
        return
    ids = None if dialog.all_lines.isChecked() or cue is None else tuple(c.id for c in doc.cues[number - 1:])
    w.editor.flush()
    op = edits.Shift(dialog.offset.value(), cue_ids=ids, mark_stale=not dialog.keep_states.isChecked())
    w.session.apply(op, text=translate("FileActions", "Shift times"))


def export(w: MainWindow, path: str | None = None) -> None:
    """Export with the CLI's gating: refused while lines need a decision, unless the person insists."""
    w.editor.flush()
    project = w.session.project
    pending = workflows.undecided(project.doc)
    allow = False
    if pending:
        refused = workflows.ExportRefused(pending)
        counts = "\n".join(translate("FileActions", "  %1: %2").replace("%1", state_label(State(state)))
                           .replace("%2", str(n)) for state, n in sorted(refused.counts.items()))
        text = translate("FileActions", "%1 lines still need a decision before delivery:\n%2\n\nExport them anyway?")
        box = message_box(w, QMessageBox.Icon.Warning, translate("FileActions", "Lines still need a decision"),
                          text.replace("%1", str(len(pending))).replace("%2", counts))
        go = box.addButton(translate("FileActions", "Go to the First"), QMessageBox.ButtonRole.AcceptRole)
        anyway = box.addButton(translate("FileActions", "Export Anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is go:
            w.table.select_cue(pending[0].id)
            return
        if box.clickedButton() is not anyway:
            return
        allow = True
    if path is None:
        suggested = str(project.path.with_suffix(f".{project.meta.target_lang}.srt"))
        path, _ = QFileDialog.getSaveFileName(w, translate("FileActions", "Export subtitles"), suggested,
                                              subtitle_filter())
    if not path:
        return
    try:
        n = workflows.export_project(project, path, actor=w.session.reviewer, allow_unreviewed=allow)
    except (SubtitleError, ProjectError, OSError) as exc:
        show_error(w, translate("FileActions", "Export failed"), error_text(exc))
        return
    w.statusBar().showMessage(translate("FileActions", "Exported %1 lines to %2").replace("%1", str(n))
                              .replace("%2", path), 8000)


def import_target(w: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(w, translate("FileActions", "Import an existing translation"), "",
                                          subtitle_filter())
    if not path:
        return
    try:
        report = workflows.import_target(w.session.project, path, actor=w.session.reviewer)
    except (SubtitleError, ProjectError, OSError) as exc:
        show_error(w, translate("FileActions", "Import failed"), error_text(exc))
        return
    w.session.undo_stack.clear()  # an import is one saved step outside undo; older steps no longer fit
    w.session.changed.emit(_whole_document_change(w))
    text = translate("FileActions", "Imported %1 lines as drafts to review.").replace("%1", str(report.imported))
    if report.unaligned:
        unaligned = translate("FileActions", "%1 lines of the file match no source line (listed in the project's log).")
        text += "\n" + unaligned.replace("%1", str(len(report.unaligned)))  # two whole sentences, one per line
    show_information(w, translate("FileActions", "Translation imported"), text)


def _whole_document_change(w: MainWindow):
    from editor.core.document import Change, CueDelta

    return Change(tuple(CueDelta(c.id, c, c, i, i) for i, c in enumerate(w.session.doc)), "refresh")


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
    from editor.ui.dialogs import SettingsDialog

    dialog = SettingsDialog(w.settings, models, profiles, w)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    language = w.settings.get("ui/language")
    dialog.save()
    w.session.reviewer = w.settings.reviewer_name()
    if w.translator is not None:
        w.translator.actor = w.session.reviewer
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
    from editor.ui.dialogs import ShortcutsDialog

    ShortcutsDialog(w.actions, w.settings, w).exec()


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
    video, _ = QFileDialog.getOpenFileName(w, translate("FileActions", "Choose the video"), "",
                                           translate("FileActions", "Videos (*.mp4 *.mkv *.mov *.webm *.avi);;"
                                                     "All files (*)"))
    if not video:
        return
    subs, _ = QFileDialog.getOpenFileName(w, translate("FileActions", "Choose the source subtitles"),
                                          str(Path(video).parent), subtitle_filter())
    if subs and w.open_project_callback is not None:
        w.open_project_callback((Path(video), Path(subs)))
