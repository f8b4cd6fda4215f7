"""The line editor's side tabs: the machine draft and its alternatives, what the person changed, glossary terms
in the source, and the line's QA issues. Subtitle text is always shown as text: plain-text widgets, or
escaped before it goes into the diff's rich text."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from editor.core.diff import word_diff
from editor.core.document import Cue
from editor.core.glossary import GlossaryIndex, GlossaryTerm, fold, spans, terms_in
from editor.core.qa import QAIssue, severity_rank
from editor.ui.cue_style import (
    one_line,
    origin_label,
    plain_html,
    qa_message,
    rule_title,
    severity_icon,
    severity_label,
)

MAX_ALTERNATIVES = 3
_DELETED = "background:#f9d9da;color:#8a1c1c;text-decoration:line-through"
_INSERTED = "background:#d2f0d8;color:#14522a"


def diff_html(old: str, new: str) -> str:
    """The changes from `old` to `new` as rich text; the texts themselves are escaped, line breaks kept."""
    parts = []
    for op, text in word_diff(old, new):
        escaped = html.escape(text).replace("\n", "\u21b5<br>")
        if op == "equal":
            parts.append(escaped)
        else:
            parts.append(f'<span style="{_DELETED if op == "delete" else _INSERTED}">{escaped}</span>')
    return "".join(parts)


def _list(parent: QWidget) -> QListWidget:
    widget = QListWidget(parent)
    widget.setWordWrap(True)
    widget.setTextElideMode(Qt.TextElideMode.ElideRight)
    widget.setFrameShape(QListWidget.Shape.NoFrame)
    widget.setSpacing(2)
    return widget


class CueDetails(QTabWidget):
    """Draft | Changes | Glossary | QA for one cue. `alternative_chosen(i)`: 0 is the draft, 1.. alternatives."""

    alternative_chosen = Signal(int)
    memory_chosen = Signal(str)  # a remembered translation to put in the line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)
        draft_page = QWidget(self)
        self._provenance = QLabel(draft_page)
        self._provenance.setTextFormat(Qt.TextFormat.PlainText)
        self._provenance.setWordWrap(True)
        self.alternatives = _list(draft_page)
        self.alternatives.itemClicked.connect(self._on_alternative_item)
        self.alternatives.itemActivated.connect(self._on_alternative_item)
        layout = QVBoxLayout(draft_page)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self._provenance)
        layout.addWidget(self.alternatives, 1)
        self.diff = QTextBrowser(self)
        self.diff.setOpenLinks(False)
        self.diff.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.glossary = _list(self)
        self.issues = _list(self)
        self.memory = _list(self)
        self.memory.itemClicked.connect(self._on_memory_item)
        self.memory.itemActivated.connect(self._on_memory_item)
        for page in (draft_page, self.diff, self.glossary, self.issues, self.memory):
            self.addTab(page, "")
        self.setTabVisible(4, False)  # shown for an episode of a series
        self._memory_count = 0
        self._counts = (0, 0)
        self._cue: Cue | None = None
        self._target = ""
        self.retranslate()

    def retranslate(self) -> None:
        glossary, issues = self._counts
        self.setTabText(0, self.tr("Draft"))
        self.setTabText(1, self.tr("Changes"))
        self.setTabText(2, self.tr("Glossary (%1)").replace("%1", str(glossary)) if glossary else self.tr("Glossary"))
        self.setTabText(3, self.tr("QA (%1)").replace("%1", str(issues)) if issues else self.tr("QA"))
        count = self._memory_count
        self.setTabText(4, self.tr("Memory (%1)").replace("%1", str(count)) if count else self.tr("Memory"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_alternative_item(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(index, int):
            self.alternative_chosen.emit(index)

    def _on_memory_item(self, item: QListWidgetItem) -> None:
        text = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(text, str):
            self.memory_chosen.emit(text)

    def show_memory(self, rows: Sequence[tuple[str, str]]) -> None:
        """The series' memory for the line: (label, text) rows, exact matches first; the tab shows from now on."""
        self.setTabVisible(4, True)
        self.memory.clear()
        for label, text in rows:
            item = QListWidgetItem(f"{label}   {one_line(text)}")
            item.setData(Qt.ItemDataRole.UserRole, text)
            item.setToolTip(self.tr("Click to put this text in the translation (you still confirm it)"))
            self.memory.addItem(item)
        if not rows:
            item = QListWidgetItem(self.tr("No decision in the series matches this line."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.memory.addItem(item)
        self._memory_count = len(rows)
        self.retranslate()

    # --- filling -------------------------------------------------------------------------------------
    def show_cue(self, cue: Cue | None, target: str, glossary: GlossaryIndex | None, issues: Sequence[QAIssue],
                 number_of: Callable[[int], int | None]) -> None:
        self._cue = cue
        self._show_draft(cue)
        self.show_diff(target)
        found = terms_in(cue.source, glossary) if cue is not None and glossary is not None else []
        self._show_glossary(found, target)
        self._show_issues(issues, number_of)
        self._counts = (len(found), len(issues))
        self.retranslate()

    def show_diff(self, target: str) -> None:
        """What the person changed in the machine draft (updated while they type)."""
        self._target = target
        cue = self._cue
        if cue is None or cue.draft is None:
            self.diff.setPlainText(self.tr("No machine draft for this line.") if cue is not None else "")
            return
        if cue.draft.text == target:
            self.diff.setPlainText(self.tr("The translation is the machine draft, unchanged."))
            return
        # tr() outside the f-strings: lupdate does not read calls inside them
        removed, added, caption = self.tr("removed"), self.tr("added"), self.tr("Machine draft:")
        legend = (f'<span style="{_DELETED}">{html.escape(removed)}</span>&nbsp; '
                  f'<span style="{_INSERTED}">{html.escape(added)}</span>')
        self.diff.setHtml(f'<p style="white-space:pre-wrap">{diff_html(cue.draft.text, target)}</p>'
                          f'<p style="color:#777;font-size:small">{html.escape(caption)} {legend}</p>')

    def _show_draft(self, cue: Cue | None) -> None:
        self.alternatives.clear()
        draft = cue.draft if cue is not None else None
        if draft is None:
            self._provenance.setText(self.tr("No machine draft for this line.") if cue is not None else "")
            return
        parts = [origin_label(draft.origin), draft.model_id, draft.engine]
        if draft.score is not None:
            parts.append(self.tr("confidence %1").replace("%1", f"{draft.score:.2f}"))
        self._provenance.setText(" · ".join(p for p in parts if p))
        rows = [(draft.text, draft.score), *draft.alternatives[:MAX_ALTERNATIVES]]
        for i, (text, score) in enumerate(rows):
            label = f"{i}   {one_line(text)}" + ("" if score is None else f"   ({score:.2f})")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setToolTip(self.tr("Click to put this text in the translation"))
            self.alternatives.addItem(item)

    def _show_glossary(self, terms: list[GlossaryTerm], target: str) -> None:
        self.glossary.clear()
        folded = fold(target)
        for term in terms:
            used = bool(term.target) and bool(spans(term.target, fold(target, term.case_sensitive),
                                                    term.case_sensitive, whole_word=True))
            wrong = [f for f in term.forbidden if spans(f, folded, False, whole_word=True)]
            mark = "\u2713" if used and not wrong else "\u2717" if wrong else "\u2022"
            item = QListWidgetItem(f"{mark}  {term.source} \u2192 {term.target}")
            if wrong:
                item.setForeground(QColor("#c0262d"))
            elif used:
                item.setForeground(QColor("#237a37"))
            forbidden = self.tr(", ", "list separator").join(term.forbidden)
            tip = [self.tr("Not: %1").replace("%1", forbidden)] if term.forbidden else []
            if term.note:
                tip.append(term.note)
            item.setToolTip(plain_html("\n".join(tip)) if tip else "")
            self.glossary.addItem(item)
            if term.forbidden:
                banned = QListWidgetItem("     " + self.tr("not: %1").replace("%1", forbidden))
                banned.setForeground(QColor("#c0262d" if wrong else "#8a8a8a"))
                self.glossary.addItem(banned)
        if not terms and self._cue is not None:
            self.glossary.addItem(self.tr("No glossary terms in this line."))

    def _show_issues(self, issues: Sequence[QAIssue], number_of: Callable[[int], int | None]) -> None:
        self.issues.clear()
        for issue in sorted(issues, key=severity_rank):
            item = QListWidgetItem(severity_icon(issue.severity), qa_message(issue, number_of))
            item.setToolTip(self.tr("%1 (%2)", "QA check (severity)").replace("%1", rule_title(issue.rule))
                            .replace("%2", severity_label(issue.severity)))
            self.issues.addItem(item)
        if not issues and self._cue is not None:
            self.issues.addItem(self.tr("No QA issues."))
