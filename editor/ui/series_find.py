"""Find & Replace in Series: find in every episode's translation (one language or all) or source, open a hit at
its line, preview a replacement, and make it as one step on the window's undo stack.

The dialog outlives the window it was opened from: opening another episode replaces the window, so the window
that shows the series next calls `bind` and the dialog moves to it with its results (see MainWindow.attach_series).
Finding is one query per language on the GUI thread (a few milliseconds for a season); results are shown lazily.
"""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument, QUndoCommand
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.core.document import Change, DocumentError
from editor.core.review import TransitionError
from editor.core.series import find
from editor.core.series.episode import EpisodeProject
from editor.core.series.store import Series, SeriesError
from editor.core.store import ProjectError
from editor.core.store.project import ProjectSaveError
from editor.ui.cue_style import LINE_BREAK_MARK, plain_html
from editor.ui.messages import error_text
from editor.ui.series_memory import forget_series
from editor.ui.session import ReviewSession

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

translate = QCoreApplication.translate
ModelIndex = QModelIndex | QPersistentModelIndex
OpenLine = Callable[[str, str, int], bool]  # episode, language, cue id -> shown
SOURCE = "\x00source"  # the "Look in" choice for the source lines (never a language code)
ALL_LANGUAGES = ""  # the "Look in" choice for every language's translation
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
RESIZE_PRECISION = 100  # rows a column's width is measured on
# Marks keep dark text on their light colour, also in a selected (dark) row.
FOUND_STYLE = "background-color:#ffe08a; color:#1d2430"
REMOVED_STYLE = "background-color:#f6c4c4; color:#1d2430; text-decoration:line-through"
ADDED_STYLE = "background-color:#bfe8c4; color:#1d2430"


# --- showing texts with their matches ---------------------------------------------------------------------------

def marked_html(text: str, spans: Sequence[tuple[int, int]], style: str) -> str:
    """`text` as HTML with `spans` wrapped in a styled span; every piece of the person's text is escaped."""
    parts, last = [], 0
    for start, end in spans:
        if start < last:
            continue
        parts.append(_escaped(text[last:start]))
        parts.append(f'<span style="{style}">{_escaped(text[start:end])}</span>')
        last = end
    parts.append(_escaped(text[last:]))
    return "".join(parts)


def _escaped(text: str) -> str:
    return html.escape(text, quote=False).replace("\r\n", "\n").replace("\n", LINE_BREAK_MARK)


def replaced_spans(text: str, pattern: re.Pattern[str], replacement: str, *,
                   regex: bool) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text after the replacement and where the inserted pieces are in it (for the preview's marks)."""
    out: list[str] = []
    spans = []
    size = last = 0
    for match in pattern.finditer(text):
        kept = text[last:match.start()]
        piece = match.expand(replacement) if regex else replacement
        out += [kept, piece]
        size += len(kept)
        if piece:
            spans.append((size, size + len(piece)))
        size += len(piece)
        last = match.end()
    out.append(text[last:])
    return "".join(out), tuple(spans)


# --- the results -------------------------------------------------------------------------------------------------

class HitModel(QAbstractTableModel):
    """Hits (find) or planned replacements (preview); each row's HTML is made when it is first shown."""

    EPISODE, LINE, LANGUAGE, TEXT, AFTER = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: list[find.Hit] = []
        self.replacements: list[find.Replacement] = []
        self.preview = False
        self._pattern: re.Pattern[str] | None = None
        self._replacement, self._regex = "", False
        self._html: dict[tuple[int, int], str] = {}

    def show_hits(self, hits: list[find.Hit]) -> None:
        self.beginResetModel()
        self.hits, self.replacements, self.preview, self._html = hits, [], False, {}
        self.endResetModel()

    def show_preview(self, replacements: list[find.Replacement], pattern: re.Pattern[str], replacement: str,
                     regex: bool) -> None:
        self.beginResetModel()
        self.hits = [r.hit for r in replacements]
        self.replacements, self.preview, self._html = replacements, True, {}
        self._pattern, self._replacement, self._regex = pattern, replacement, regex
        self.endResetModel()

    def clear(self) -> None:
        self.show_hits([])

    def hit(self, row: int) -> find.Hit:
        return self.hits[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else (5 if self.preview else 4)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (translate("SeriesFind", "Episode"), translate("SeriesFind", "Line"),
                 translate("SeriesFind", "Language"),
                 translate("SeriesFind", "Before") if self.preview else translate("SeriesFind", "Text"),
                 translate("SeriesFind", "After"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit, column = self.hits[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.EPISODE:
                return hit.episode
            if column == self.LINE:
                return hit.line
            if column == self.LANGUAGE:
                return hit.lang
            if column == self.TEXT:
                return hit.text.replace("\n", LINE_BREAK_MARK)
            return self.replacements[index.row()].after.replace("\n", LINE_BREAK_MARK)
        if role == HTML_ROLE and column >= self.TEXT:
            return self._row_html(index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole and column >= self.TEXT:  # shown literally, never as markup
            return plain_html(hit.text if column == self.TEXT else self.replacements[index.row()].after)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _row_html(self, row: int, column: int) -> str:
        key = (row, column)
        if key not in self._html:
            hit = self.hits[row]
            if column == self.TEXT:
                style = REMOVED_STYLE if self.preview else FOUND_STYLE
                self._html[key] = marked_html(hit.text, hit.spans, style)
            else:
                after = self.replacements[row].after
                spans: tuple[tuple[int, int], ...] = ()
                if self._pattern is not None:
                    shown, found = replaced_spans(hit.text, self._pattern, self._replacement, regex=self._regex)
                    spans = found if shown == after else ()  # marks only where they surely fit
                self._html[key] = marked_html(after, spans, ADDED_STYLE)
        return self._html[key]


class MarkedTextDelegate(QStyledItemDelegate):
    """Draws a cell's HTML (escaped text with its marks) on one line, in the view's colours."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        markup = index.data(HTML_ROLE)
        if markup is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(markup, opt)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        palette = QPalette(context.palette)
        palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        context.palette = palette
        rect = opt.rect.adjusted(4, 0, -4, 0)
        painter.save()
        painter.translate(rect.left(), rect.top() + max(0.0, (rect.height() - doc.size().height()) / 2))
        painter.setClipRect(0, 0, rect.width(), rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        markup = index.data(HTML_ROLE)
        if markup is None:
            return super().sizeHint(option, index)
        doc = self._document(markup, option)
        return QSize(int(doc.idealWidth()) + 8, int(doc.size().height()))

    @staticmethod
    def _document(markup: str, option: QStyleOptionViewItem) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(2)
        doc.setDefaultFont(option.font)
        doc.setHtml(f"<span style='white-space:pre'>{markup}</span>")
        return doc


# --- one undo step for the whole series ----------------------------------------------------------------------------

@contextlib.contextmanager
def _busy_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class SeriesEditCommand(QUndoCommand):
    """A series edit already applied and saved (see `apply`); undo and redo write its inverse or itself again,
    keeping the window's own episode view (its document and views) up to date."""

    def __init__(self, session: ReviewSession, series: Series, edit: find.SeriesEdit, text: str,
                 on_applied: Callable[[], None] | None = None) -> None:
        super().__init__(text)
        self.session = session
        self.series = series
        self.edit = edit
        self.on_applied = on_applied
        self._first = True

    def apply(self) -> str:
        """Write the edit for the first time; '' when it was written, else the message saying why not."""
        return self._write(self.edit, self.edit.label, replayed=False)

    def redo(self) -> None:
        if self._first:  # written already by `apply`
            self._first = False
            return
        self._replay(self.edit, f"redo:{self.edit.label}")

    def undo(self) -> None:
        self._replay(self.edit.inverse(), f"undo:{self.edit.label}")

    def _replay(self, edit: find.SeriesEdit, action: str) -> None:
        message = self._write(edit, action, replayed=True)
        if message:
            self.setObsolete(True)
            self.session.error.emit(message)

    def _write(self, edit: find.SeriesEdit, action: str, *, replayed: bool) -> str:
        session = self.session
        project = session.project
        views = {(project.episode.name, project.lang): project} if isinstance(project, EpisodeProject) else {}
        while True:
            try:
                with _busy_cursor():  # a season-wide replacement writes for a second or so
                    find.apply_series_edit(self.series, edit, actor=session.reviewer, views=views, action=action)
                break
            except ProjectSaveError as exc:
                if session.ask_retry is not None and session.ask_retry(exc):
                    continue
                return error_text(exc)
            except ProjectError as exc:  # SeriesError among them: a line changed since
                return error_text(exc)
        for episode, lang, change in edit.changes:
            if (episode, lang) in views:  # the window's own episode: its table, editor and counts refresh
                self._announce(change, replayed)
        if self.on_applied is not None:
            self.on_applied()
        return ""

    def _announce(self, change: Change, replayed: bool) -> None:
        self.session.changed.emit(change)
        if replayed:
            self.session.replayed.emit(change)


# --- the dialog ----------------------------------------------------------------------------------------------------

class SeriesFindDialog(QDialog):
    """Non-modal. `bind(session, ...)` gives it the window it works for; `find_lines()`, `preview()`, `replace_all()`
    are its buttons."""

    def __init__(self, series: Series, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series
        self.setObjectName("series_find")
        self.setModal(False)
        self.session: ReviewSession | None = None
        self._open_line: OpenLine | None = None
        self._flush: Callable[[], bool] = lambda: True
        self._on_series_edited: Callable[[], None] | None = None
        self._preview_stale = False
        self._build()
        self.retranslate()
        self._on_look_in_changed()
        self.resize(860, 520)

    # --- building ---------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("series_find_text")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.returnPressed.connect(self.find_lines)
        self.replace_edit = QLineEdit()
        self.replace_edit.setObjectName("series_replace_text")
        self.replace_edit.setClearButtonEnabled(True)
        self.replace_edit.returnPressed.connect(self.preview)
        self.look_in = QComboBox()
        self.look_in.setObjectName("series_find_in")
        self.regex = QCheckBox()
        self.case = QCheckBox()
        self.find_button = QPushButton()
        self.find_button.setDefault(True)
        self.find_button.clicked.connect(self.find_lines)
        self.preview_button = QPushButton()
        self.preview_button.clicked.connect(self.preview)
        self.find_label, self.replace_label, self.look_in_label = QLabel(), QLabel(), QLabel()
        self.find_label.setBuddy(self.find_edit)
        self.replace_label.setBuddy(self.replace_edit)
        self.look_in_label.setBuddy(self.look_in)
        options = QHBoxLayout()
        options.addWidget(self.look_in, 1)
        options.addSpacing(12)
        options.addWidget(self.regex)
        options.addWidget(self.case)
        grid = QGridLayout()
        grid.addWidget(self.find_label, 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(self.find_button, 0, 2)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addWidget(self.preview_button, 1, 2)
        grid.addWidget(self.look_in_label, 2, 0)
        grid.addLayout(options, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.status = QLabel()
        self.status.setObjectName("series_find_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.model = HitModel(self)
        self.view = QTableView()
        self.view.setObjectName("series_find_results")
        self.view.setModel(self.model)
        self.view.setItemDelegate(MarkedTextDelegate(self.view))
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        # Column widths from the rows in sight, not from every hit of a season (12,000 rows took ~250 ms).
        self.view.horizontalHeader().setResizeContentsPrecision(RESIZE_PRECISION)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.activated.connect(self._on_view_activated)
        self.model.modelReset.connect(self._on_model_reset)
        self.replace_button = QPushButton()
        self.replace_button.setObjectName("series_replace_all")
        self.replace_button.clicked.connect(self.replace_all)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        for edit in (self.find_edit, self.replace_edit):
            edit.textEdited.connect(self._on_query_edited)
        self.look_in.currentIndexChanged.connect(self._on_look_in_changed)
        for box in (self.regex, self.case):
            box.toggled.connect(self._on_query_edited)
        self._fill_look_in()

    def _fill_look_in(self) -> None:
        if self.series.closed:
            return  # left over from a series that closed: nothing to read
        current = self.look_in.currentData()
        self.look_in.blockSignals(True)
        self.look_in.clear()
        for language in self.series.languages():
            self.look_in.addItem(translate("SeriesFind", "Translation: %1").replace("%1", language.code),
                                 language.code)
        self.look_in.addItem(translate("SeriesFind", "Translation: all languages"), ALL_LANGUAGES)
        self.look_in.addItem(translate("SeriesFind", "Source lines (%1)").replace("%1", self.series.source_lang),
                             SOURCE)
        index = self.look_in.findData(current) if current is not None else -1
        self.look_in.setCurrentIndex(max(0, index))
        self.look_in.blockSignals(False)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("SeriesFind", "Find in Series — %1").replace("%1", self.series.name))
        self.find_label.setText(translate("SeriesFind", "&Find:"))
        self.replace_label.setText(translate("SeriesFind", "Re&place with:"))
        self.look_in_label.setText(translate("SeriesFind", "&Look in:"))
        self.find_edit.setPlaceholderText(translate("SeriesFind", "Text to find in every episode"))
        self.replace_edit.setPlaceholderText(translate("SeriesFind", "New text (with a regular expression, \\1 is "
                                                                     "the first group)"))
        self.regex.setText(translate("SeriesFind", "Regular e&xpression"))
        self.case.setText(translate("SeriesFind", "Match &case"))
        self.find_button.setText(translate("SeriesFind", "Find"))
        self.preview_button.setText(translate("SeriesFind", "Pre&view Replace"))
        self.replace_button.setText(translate("SeriesFind", "&Replace All"))
        self.replace_button.setToolTip(translate("SeriesFind", "Replace in every line of the preview, as one step "
                                                               "that Undo takes back; each line then needs a "
                                                               "decision again"))
        self.view.setToolTip(translate("SeriesFind", "Double-click a line to open its episode at that line"))
        self._fill_look_in()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the window it works for --------------------------------------------------------------------------
    def bind(self, session: ReviewSession, *, open_line: OpenLine, parent: QWidget | None = None,
             flush: Callable[[], bool] | None = None, on_series_edited: Callable[[], None] | None = None) -> None:
        """Work for this window from now on: Replace All goes on `session`'s undo stack, a double-click calls
        `open_line`; `flush` saves what is being typed there first; `on_series_edited` runs after a replacement
        (or its undo) wrote to the series. The dialog moves to `parent`, staying open."""
        if self.session is None and isinstance(session.project, EpisodeProject):  # first shown: the window's language
            self.look_in.setCurrentIndex(max(0, self.look_in.findData(session.project.lang)))
        self.session = session
        self._open_line = open_line
        self._flush = flush or (lambda: True)
        self._on_series_edited = on_series_edited
        if parent is not None and self.parentWidget() is not parent:
            shown = self.isVisible()
            self.setParent(parent, self.windowFlags())  # the old window goes away; the dialog stays open
            if shown:
                self.show()
        self._update_buttons()

    # --- finding --------------------------------------------------------------------------------------------
    def _pattern(self) -> re.Pattern[str] | None:
        text = self.find_edit.text()
        if not text:
            self._say(translate("SeriesFind", "Type the text to find."), problem=True)
            return None
        try:
            return find.compile_pattern(text, regex=self.regex.isChecked(), case_sensitive=self.case.isChecked())
        except SeriesError as exc:
            self.model.clear()  # results of another search would read as this one's
            self._say(error_text(exc), problem=True)
            return None

    def _languages(self) -> list[str]:
        choice = self.look_in.currentData()
        if choice == SOURCE:
            project = self.session.project if self.session is not None else None
            lang = project.lang if isinstance(project, EpisodeProject) else self.series.languages()[0].code
            return [lang]  # a hit in the source opens in the language the window shows
        return [choice] if choice else [lang.code for lang in self.series.languages()]

    def _search(self) -> tuple[re.Pattern[str], list[find.Hit]] | None:
        if not self._flush():
            return None
        pattern = self._pattern()
        if pattern is None:
            return None
        in_source = self.look_in.currentData() == SOURCE
        return pattern, find.find(self.series, pattern, languages=self._languages(), in_source=in_source)

    def find_lines(self) -> None:
        """Every line of the chosen language(s) where the text is found, in episode and line order."""
        found = self._search()
        if found is None:
            return
        _pattern, hits = found
        self._preview_stale = False
        self.model.show_hits(hits)
        if hits:
            self._say(translate("SeriesFind", "Found in %1 lines of %2 episodes.").replace("%1", str(len(hits)))
                      .replace("%2", str(len({h.episode for h in hits}))))
        else:
            self._say(translate("SeriesFind", "Not found."))

    def preview(self) -> None:
        """Each line as it is and as the replacement would make it; nothing is changed yet."""
        if self.look_in.currentData() == SOURCE:
            self._say(translate("SeriesFind", "The source lines are shared by every language: find only."),
                      problem=True)
            return
        found = self._search()
        if found is None:
            return
        pattern, hits = found
        regex = self.regex.isChecked()
        try:
            planned = find.plan_replace(hits, pattern, self.replace_edit.text(), regex=regex)
        except (re.error, IndexError) as exc:  # a group the expression does not have (\2 with one group)
            self._say(translate("SeriesFind", "The replacement cannot be used: %1").replace("%1", str(exc)),
                      problem=True)
            return
        self._preview_stale = False
        self.model.show_preview(planned, pattern, self.replace_edit.text(), regex)
        if planned:
            self._say(translate("SeriesFind", "%1 lines of %2 episodes will change. Each becomes edited and needs a "
                                              "decision again.").replace("%1", str(len(planned)))
                      .replace("%2", str(len({r.hit.episode for r in planned}))))
        elif hits:
            self._say(translate("SeriesFind", "Found, but the replacement changes nothing."))
        else:
            self._say(translate("SeriesFind", "Not found."))

    # --- replacing --------------------------------------------------------------------------------------------
    def replace_all(self) -> bool:
        """Make the previewed replacement as one undo step of the window; True when it was made."""
        session = self.session
        if session is None or not self.model.preview or self._preview_stale or not self.model.replacements:
            return False
        if not self._flush():
            return False
        project = session.project
        views = {(project.episode.name, project.lang): project} if isinstance(project, EpisodeProject) else {}
        try:
            edit = find.replacement_edit(self.series, self.model.replacements, views)
        except (ProjectError, TransitionError, DocumentError) as exc:
            self._say(error_text(exc), problem=True)
            return False
        text = translate("SeriesFind", "Replace “%1” in %2 lines").replace("%1", self.find_edit.text()).replace(
            "%2", str(edit.lines))
        command = SeriesEditCommand(session, self.series, edit, text, self._on_series_edited)
        problem = command.apply()
        if problem:
            self._say(problem, problem=True)
            return False
        session.undo_stack.push(command)
        episodes = len({episode for episode, _lang, _change in edit.changes})
        self.model.clear()
        self._say(translate("SeriesFind", "Replaced in %1 lines of %2 episodes. Each is now edited and needs a "
                                          "decision; Undo takes the whole replacement back.")
                  .replace("%1", str(edit.lines)).replace("%2", str(episodes)))
        return True

    # --- slots ----------------------------------------------------------------------------------------------
    def _on_view_activated(self, index: QModelIndex) -> None:
        if self._open_line is None or not index.isValid():
            return
        hit = self.model.hit(index.row())
        self._open_line(hit.episode, hit.lang, hit.cue_id)  # another episode: its new window binds this dialog

    def _on_query_edited(self, *_args: object) -> None:
        if self.model.preview and not self._preview_stale:
            self._preview_stale = True
            self._say(translate("SeriesFind", "The search changed: preview again before replacing."))
        self._update_buttons()

    def _on_look_in_changed(self, *_args: object) -> None:
        source = self.look_in.currentData() == SOURCE
        self.replace_edit.setEnabled(not source)
        self.preview_button.setEnabled(not source)
        self.view.setColumnHidden(HitModel.LANGUAGE, source)
        self._on_query_edited()

    def _on_model_reset(self) -> None:
        header = self.view.horizontalHeader()
        for column in (HitModel.EPISODE, HitModel.LINE, HitModel.LANGUAGE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in range(HitModel.TEXT, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnHidden(HitModel.LANGUAGE, self.look_in.currentData() == SOURCE)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.replace_button.setEnabled(self.session is not None and self.model.preview and not self._preview_stale
                                       and bool(self.model.replacements))

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.status.setStyleSheet("color:#c0262d" if problem else "")
        self.status.setText(text)


# --- the window's side -----------------------------------------------------------------------------------------------

def show_in_window(w: MainWindow) -> SeriesFindDialog | None:
    """Series > Find and Replace in Series: the dialog the application keeps for this series (a new one the
    first time), working for `w`, with the translation's selected text to find."""
    host, project = w.series_host, w.session.project
    if host is None or not isinstance(project, EpisodeProject):
        return None
    dialog = host.series_find
    if dialog is None or dialog.series is not project.series:
        dialog = host.series_find = SeriesFindDialog(project.series, w)
    bind_to_window(dialog, w)
    selected = w.editor.target_edit.textCursor().selectedText().strip()
    if selected and "\u2029" not in selected:  # one line of the translation: what to look for
        dialog.find_edit.setText(selected)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.find_edit.setFocus()
    dialog.find_edit.selectAll()
    return dialog


def follow_window(w: MainWindow) -> None:
    """For `attach_series`: a Find in Series left open by the window this one replaces moves here."""
    host, project = w.series_host, w.session.project
    dialog = host.series_find if host is not None else None
    if dialog is not None and isinstance(project, EpisodeProject) and dialog.series is project.series:
        bind_to_window(dialog, w)


def bind_to_window(dialog: SeriesFindDialog, w: MainWindow) -> None:
    dialog.bind(w.session, open_line=lambda episode, lang, cue_id: open_series_line(w, episode, lang, cue_id),
                parent=w, flush=w.editor.flush, on_series_edited=lambda: _on_series_edited(w))


def open_series_line(w: MainWindow, episode: str, lang: str, cue_id: int) -> bool:
    """Show a line of the series: here when it is the window's episode × language, else in that episode's window
    (which takes the dialog, see `follow_window`)."""
    project = w.session.project
    if isinstance(project, EpisodeProject) and (project.episode.name, project.lang) == (episode, lang):
        return w.table.select_cue(cue_id)
    if w.series_host is None or not w.editor.flush():
        return False
    return w.series_host.open_episode(episode, lang, cue_id)


def _on_series_edited(w: MainWindow) -> None:
    """A replacement (or its undo) changed other episodes too: the series' progress, memory and checks follow."""
    w.series_panel.refresh_soon()
    project = w.session.project
    if isinstance(project, EpisodeProject):
        forget_series(project.series.path)  # a replacement may span every language
    w.series_memory.reload()
    w.series_checks.run()
