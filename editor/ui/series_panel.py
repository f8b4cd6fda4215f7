"""The series panel: every episode × language with its progress; a click opens an episode, a switch the language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from editor.core.series.store import EpisodeStatus, Series, Work
from editor.core.store import ProjectError
from editor.ui.messages import error_text

if TYPE_CHECKING:
    from editor.ui.series_find import SeriesFindDialog

ModelIndex = QModelIndex | QPersistentModelIndex
REFRESH_DELAY_MS = 600  # after a change: counted again once typing pauses, not at every keystroke


RESIZE_PRECISION = 30  # rows a column's width is measured on


class SeriesHost(Protocol):
    """What the window needs from the application to move around a series."""

    series: Series | None
    series_find: SeriesFindDialog | None  # Find in Series, kept open while the window changes episodes

    def open_episode(self, episode: str, lang: str, cue_id: int | None = None) -> bool: ...

    def step_episode(self, step: int) -> bool: ...


class SeriesModel(QAbstractTableModel):
    """Rows: episodes; columns: name, lines, then per language "open / approved" with a progress colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[EpisodeStatus] = []
        self.languages: list[str] = []
        self.current = ("", "")
        self.qa_errors: dict[tuple[str, str], int] = {}  # from the last series check
        self.work: dict[tuple[str, str], Work] = {}  # on a server: who translates, reviews and writes what

    def set_status(self, rows: list[EpisodeStatus], languages: list[str], current: tuple[str, str],
                   work: dict[tuple[str, str], Work] | None = None) -> None:
        self.beginResetModel()
        self.rows, self.languages, self.current = rows, languages, current
        self.work = work or {}
        self.endResetModel()

    def people(self, episode: str, lang: str) -> str:
        """Who translates → who reviews, a pencil by the name of whoever is writing it now; "" when nobody is
        assigned and nobody writes."""
        work = self.work.get((episode, lang))
        if work is None:
            return ""
        names = []
        for role in ("translator", "reviewer"):
            name = work.assigned(role)
            claim = work.claims.get(role)
            if claim is not None and claim.holder == name:
                name += " ✎"
            names.append(name or "–")
        text = " → ".join(names)
        strangers = [c.holder for role, c in work.claims.items() if c.holder != work.assigned(role)]
        return text + "".join(f" · ✎ {holder}" for holder in strangers)

    def people_tip(self, episode: str, lang: str) -> list[str]:
        work = self.work.get((episode, lang))
        if work is None:
            return []
        lines = []
        for role, label in (("translator", self.tr("Translator: %1")), ("reviewer", self.tr("Reviewer: %1"))):
            assigned = work.assigned(role)
            line = label.replace("%1", assigned or self.tr("nobody assigned"))
            claim = work.claims.get(role)
            if claim is not None and claim.holder == assigned:
                line += " — " + self.tr("writing it since %1").replace("%1", claim.since)
            elif claim is not None:
                line += " — " + self.tr("%1 is writing it since %2").replace("%1", claim.holder).replace(
                    "%2", claim.since)
            lines.append(line)
        return lines

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 2 + len(self.languages)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Episode")
        if section == 1:
            return self.tr("Lines")
        return self.languages[section - 2]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        column = index.column()
        lang = self.languages[column - 2] if column >= 2 else ""
        progress = row.languages.get(lang) if lang else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.episode.name
            if column == 1:
                return row.episode.cues
            if progress is not None:
                if progress.need_decision == 0:
                    text = self.tr("done · %1 approved").replace("%1", str(progress.states["approved"]))
                else:
                    text = self.tr("%1 open · %2 approved").replace("%1", str(progress.need_decision)).replace(
                        "%2", str(progress.states["approved"]))
                errors = self.qa_errors.get((row.episode.name, lang))
                if errors:
                    text += " · " + self.tr("%1 QA errors").replace("%1", str(errors))
                people = self.people(row.episode.name, lang)
                return f"{text} · {people}" if people else text
        if role == Qt.ItemDataRole.ToolTipRole and progress is not None:
            counts = ", ".join(f"{state}: {n}" for state, n in progress.states.items() if n)
            return "\n".join([*self.people_tip(row.episode.name, lang), counts])
        if role == Qt.ItemDataRole.BackgroundRole and progress is not None and row.episode.cues:
            done = 1 - progress.need_decision / row.episode.cues
            return QBrush(QColor.fromHsvF(0.33 * done, 0.25, 1.0))
        if role == Qt.ItemDataRole.FontRole and (row.episode.name, lang or self.current[1]) == self.current:
            font = QFont()
            font.setBold(True)  # the episode × language the window shows
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class SeriesPanel(QWidget):
    """Episodes × languages; double-click (or Enter) opens one; the combo box switches the language shown."""

    open_requested = Signal(str, str)  # episode name, language

    def __init__(self, series: Series, episode: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series
        self.episode, self.lang = episode, lang
        self.model = SeriesModel(self)
        self.view = QTableView()
        self.view.setObjectName("series_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Widths from the rows on screen and around them: every row measured took ~15 ms of each refresh.
        self.view.horizontalHeader().setResizeContentsPrecision(RESIZE_PRECISION)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.activated.connect(self._on_view_activated)
        self.language = QComboBox()
        self.language.setObjectName("series_language")
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.language_label)
        top.addWidget(self.language, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._closed = False
        for code in (lang.code for lang in series.languages()):
            self.language.addItem(code, code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.language.activated.connect(self._on_language_activated)
        self.retranslate()  # counted by `refresh`, which the window calls once the episode is on screen

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("&Language:"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh_soon(self) -> None:
        if not self._closed:
            self._timer.start()

    def close_panel(self) -> None:
        """The window closes (the series may close after it): nothing is read from it any more."""
        self._closed = True
        self._timer.stop()

    def refresh(self) -> None:
        """Count again (one query for the whole series) and keep the shown episode selected."""
        if self._closed:
            return
        try:
            status = self.series.status()
            work = self.series.assignments()
            languages = [lang.code for lang in self.series.languages()]
        except ProjectError as exc:  # a series server out of reach: the counts shown stay, and it is said
            self.summary.setText(self.tr("Not counted again: %1").replace("%1", error_text(exc)))
            return
        self.model.set_status(status, languages, (self.episode, self.lang), work)
        for row, item in enumerate(status):
            if item.episode.name == self.episode:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
        self._show_summary()

    def _show_summary(self) -> None:
        rows = self.model.rows
        open_lines = sum(r.languages[self.lang].need_decision for r in rows if self.lang in r.languages)
        done = sum(1 for r in rows if self.lang in r.languages and r.languages[self.lang].need_decision == 0)
        text = (self.tr("%1 of %2 episodes done in %3; %4 lines need a decision")
                .replace("%1", str(done)).replace("%2", str(len(rows))).replace("%3", self.lang)
                .replace("%4", str(open_lines)))
        people = self.model.people_tip(self.episode, self.lang)  # on a server: who works on the episode shown
        self.summary.setText("\n".join([text, *(f"{self.episode} · {line}" for line in people)]))

    def set_qa_errors(self, errors: dict[tuple[str, str], int]) -> None:
        """QA errors per (episode, language), from the last series check (run in the background)."""
        self.model.qa_errors = errors
        if self.model.rows:  # the counts are shown already: only the QA column's text changes
            self.model.dataChanged.emit(self.model.index(0, 2),
                                        self.model.index(len(self.model.rows) - 1, self.model.columnCount() - 1))

    def _on_view_activated(self, index: QModelIndex) -> None:
        row = self.model.rows[index.row()]
        column = index.column()
        lang = self.model.languages[column - 2] if column >= 2 else self.lang
        self.open_requested.emit(row.episode.name, lang)

    def _on_language_activated(self, _index: int) -> None:
        lang = self.language.currentData()
        if lang and lang != self.lang:
            self.open_requested.emit(self.episode, lang)
