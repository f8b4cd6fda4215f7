"""Every window action declared once: menu, text, default shortcut, and whether typing must not steal it.

Shortcuts are editable (Help > Keyboard Shortcuts); overrides are stored in the settings as JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text


def plain(text: str) -> str:
    """A menu text without its accelerator: "&File" -> "File", "文件(&F)" -> "文件"."""
    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


@dataclass(frozen=True)
class ActionSpec:
    name: str
    menu: str
    text: str
    shortcut: str = ""
    tip: str = ""
    checkable: bool = False


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("open_project", "file", QT_TRANSLATE_NOOP("Actions", "&Open Project…"), "Ctrl+O"),
    ActionSpec("open_media", "file", QT_TRANSLATE_NOOP("Actions", "Open &Video and Subtitles…"), "Ctrl+Shift+O"),
    ActionSpec("make_source", "file", QT_TRANSLATE_NOOP("Actions", "Make Source from &Video…"), "",
               QT_TRANSLATE_NOOP("Actions", "A new project whose Chinese source is read from the subtitles burned "
                                            "into a video's picture (offline)")),
    ActionSpec("import_target", "file", QT_TRANSLATE_NOOP("Actions", "&Import Existing Translation…")),
    ActionSpec("import_glossary", "file", QT_TRANSLATE_NOOP("Actions", "Import &Glossary (CSV)…")),
    ActionSpec("reopen_encoding", "file", QT_TRANSLATE_NOOP("Actions", "Reopen Source with E&ncoding…"), "",
               QT_TRANSLATE_NOOP("Actions", "Read the source subtitles again in another text encoding (when the "
                                            "Chinese looks wrong)")),
    ActionSpec("export", "file", QT_TRANSLATE_NOOP("Actions", "&Export Subtitles…"), "Ctrl+E"),
    ActionSpec("render_video", "file", QT_TRANSLATE_NOOP("Actions", "&Render Video…"), "Ctrl+Shift+R",
               QT_TRANSLATE_NOOP("Actions", "The video with the translation burned in, the source subtitles "
                                            "optionally covered")),
    ActionSpec("settings", "file", QT_TRANSLATE_NOOP("Actions", "&Settings…"), "Ctrl+,"),
    ActionSpec("quit", "file", QT_TRANSLATE_NOOP("Actions", "&Quit"), "Ctrl+Q"),
    ActionSpec("undo", "edit", QT_TRANSLATE_NOOP("Actions", "&Undo"), "Ctrl+Z"),
    ActionSpec("redo", "edit", QT_TRANSLATE_NOOP("Actions", "&Redo"), "Ctrl+Shift+Z"),
    ActionSpec("split", "edit", QT_TRANSLATE_NOOP("Actions", "S&plit Line at Playhead"), "Ctrl+Shift+S"),
    ActionSpec("merge", "edit", QT_TRANSLATE_NOOP("Actions", "&Merge with Next Line"), "Ctrl+Shift+M"),
    ActionSpec("shift_times", "edit", QT_TRANSLATE_NOOP("Actions", "S&hift Times…"), "Ctrl+Shift+H",
               QT_TRANSLATE_NOOP("Actions", "Move every line (or the lines from the current one on) by an offset")),
    ActionSpec("confirm_next", "review", QT_TRANSLATE_NOOP("Actions", "&Confirm and Go to Next"), "Ctrl+Return",
               QT_TRANSLATE_NOOP("Actions", "Mark the line translated and go to the next line needing a decision")),
    ActionSpec("approve_next", "review", QT_TRANSLATE_NOOP("Actions", "&Approve and Go to Next"), "Ctrl+Shift+Return",
               QT_TRANSLATE_NOOP("Actions", "Reviewer sign-off for the line, then the next line awaiting review")),
    ActionSpec("reject", "review", QT_TRANSLATE_NOOP("Actions", "&Reject…"), "Ctrl+R",
               QT_TRANSLATE_NOOP("Actions", "Send the line back with a category, a severity and a comment")),
    ActionSpec("insert_draft", "review", QT_TRANSLATE_NOOP("Actions", "Insert &Machine Draft"), "Ctrl+M"),
    ActionSpec("insert_alt1", "review", QT_TRANSLATE_NOOP("Actions", "Insert Alternative &1"), "Ctrl+1"),
    ActionSpec("insert_alt2", "review", QT_TRANSLATE_NOOP("Actions", "Insert Alternative &2"), "Ctrl+2"),
    ActionSpec("insert_alt3", "review", QT_TRANSLATE_NOOP("Actions", "Insert Alternative &3"), "Ctrl+3"),
    ActionSpec("source_check", "review", QT_TRANSLATE_NOOP("Actions", "&Source Check"), "Ctrl+Shift+K",
               QT_TRANSLATE_NOOP("Actions", "Confirm or fix the source lines read from the picture, lowest "
                                            "confidence first")),
    ActionSpec("next_decision", "review", QT_TRANSLATE_NOOP("Actions", "Next Line Needing a &Decision"), "Ctrl+J"),
    ActionSpec("next_to_review", "review", QT_TRANSLATE_NOOP("Actions", "Next Line to Re&view"), "Ctrl+Shift+J",
               QT_TRANSLATE_NOOP("Actions", "The next translated line no reviewer has approved yet")),
    ActionSpec("next_untranslated", "review", QT_TRANSLATE_NOOP("Actions", "Next &Untranslated Line"), "Ctrl+U"),
    ActionSpec("next_issue", "review", QT_TRANSLATE_NOOP("Actions", "Next &QA Issue"), "Ctrl+I"),
    ActionSpec("next_line", "review", QT_TRANSLATE_NOOP("Actions", "Next &Line"), "Alt+Down"),
    ActionSpec("prev_line", "review", QT_TRANSLATE_NOOP("Actions", "&Previous Line"), "Alt+Up"),
    ActionSpec("play_pause", "playback", QT_TRANSLATE_NOOP("Actions", "&Play / Pause"), "Ctrl+Space"),
    ActionSpec("play_line", "playback", QT_TRANSLATE_NOOP("Actions", "Play &Current Line"), "Ctrl+P"),
    ActionSpec("loop_line", "playback", QT_TRANSLATE_NOOP("Actions", "&Loop Current Line"), "Ctrl+L", checkable=True),
    ActionSpec("back", "playback", QT_TRANSLATE_NOOP("Actions", "&Back 2 Seconds"), "Alt+Left"),
    ActionSpec("forward", "playback", QT_TRANSLATE_NOOP("Actions", "&Forward 2 Seconds"), "Alt+Right"),
    ActionSpec("frame_back", "playback", QT_TRANSLATE_NOOP("Actions", "Previous &Frame"), "Ctrl+Alt+Left"),
    ActionSpec("frame_forward", "playback", QT_TRANSLATE_NOOP("Actions", "Next F&rame"), "Ctrl+Alt+Right"),
    ActionSpec("safe_zones", "view", QT_TRANSLATE_NOOP("Actions", "Show Safe &Zones"), "Ctrl+Shift+G",
               QT_TRANSLATE_NOOP("Actions", "Show over the video what a phone feed's interface covers and where the "
                                            "burned-in source subtitles are"), checkable=True),
    ActionSpec("slower", "playback", QT_TRANSLATE_NOOP("Actions", "&Slower"), "Ctrl+["),
    ActionSpec("faster", "playback", QT_TRANSLATE_NOOP("Actions", "F&aster"), "Ctrl+]"),
    ActionSpec("pretranslate", "translate", QT_TRANSLATE_NOOP("Actions", "&Pre-translate Project"), "Ctrl+Shift+T",
               QT_TRANSLATE_NOOP("Actions", "Draft every line the machine may draft, in the background")),
    ActionSpec("cancel_pretranslate", "translate", QT_TRANSLATE_NOOP("Actions", "&Cancel Pre-translation")),
    ActionSpec("run_qa", "translate", QT_TRANSLATE_NOOP("Actions", "Run &QA Checks"), "F7"),
    ActionSpec("next_episode", "series", QT_TRANSLATE_NOOP("Actions", "&Next Episode"), "Ctrl+PgDown"),
    ActionSpec("prev_episode", "series", QT_TRANSLATE_NOOP("Actions", "&Previous Episode"), "Ctrl+PgUp"),
    ActionSpec("find_in_series", "series", QT_TRANSLATE_NOOP("Actions", "&Find and Replace in Series…"),
               "Ctrl+Shift+F", QT_TRANSLATE_NOOP("Actions", "Find text in every episode; replace it in one step")),
    ActionSpec("add_to_bible", "series", QT_TRANSLATE_NOOP("Actions", "Add to &Bible…"), "Ctrl+Shift+B",
               QT_TRANSLATE_NOOP("Actions", "Add the selected text to the series' bible: a name, a form of "
                                            "address, a term or a note")),
    ActionSpec("deliver_series", "series", QT_TRANSLATE_NOOP("Actions", "&Deliver Series…"), "Ctrl+Shift+E",
               QT_TRANSLATE_NOOP("Actions", "Export every episode in the chosen languages, with report.html")),
    ActionSpec("shortcuts", "help", QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts…"), "F1"),
    ActionSpec("about", "help", QT_TRANSLATE_NOOP("Actions", "&About SubReview")),
)

MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("Actions", "&File")),
    ("edit", QT_TRANSLATE_NOOP("Actions", "&Edit")),
    ("review", QT_TRANSLATE_NOOP("Actions", "&Review")),
    ("playback", QT_TRANSLATE_NOOP("Actions", "&Playback")),
    ("translate", QT_TRANSLATE_NOOP("Actions", "&Translate")),
    ("series", QT_TRANSLATE_NOOP("Actions", "&Series")),
    ("view", QT_TRANSLATE_NOOP("Actions", "&View")),
    ("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
)


class Actions(QObject):
    """The window's QActions by name; enabled state is decided in one `update_enabled` pass by the window."""

    def __init__(self, parent: QObject, overrides_json: str = "") -> None:
        super().__init__(parent)
        self.specs = {s.name: s for s in SPECS}
        self.by_name: dict[str, QAction] = {}
        overrides = self.parse_overrides(overrides_json)
        for spec in SPECS:
            action = QAction(parent)
            action.setObjectName(f"action_{spec.name}")
            action.setCheckable(spec.checkable)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.by_name[spec.name] = action
        self.apply_shortcuts(overrides)
        self.retranslate()

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    @staticmethod
    def parse_overrides(text: str) -> dict[str, str]:
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}

    def apply_shortcuts(self, overrides: dict[str, str]) -> None:
        for spec in SPECS:
            keys = overrides.get(spec.name, spec.shortcut)
            self.by_name[spec.name].setShortcut(QKeySequence(keys))

    def retranslate(self) -> None:
        for spec in SPECS:
            action = self.by_name[spec.name]
            action.setText(tr(spec.text))
            # Qt's default tool tip keeps a Chinese accelerator's "(O)": give every action a clean one
            action.setToolTip(tr(spec.tip) if spec.tip else plain(action.text()))
            if spec.tip:
                action.setStatusTip(tr(spec.tip))

    def connect(self, name: str, slot: Callable[[], object]) -> None:  # type: ignore[override]  # by action name
        self.by_name[name].triggered.connect(lambda _checked=False: slot())

    def shortcut_table(self) -> list[tuple[str, str, str]]:
        """(menu, plain action text, shortcut) rows for the Help listing, in the UI language."""
        menus = {key: plain(tr(title)) for key, title in MENUS}
        rows = []
        for spec in SPECS:
            action = self.by_name[spec.name]
            rows.append((menus[spec.menu], plain(action.text()),
                         action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
        return rows
