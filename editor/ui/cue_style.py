"""How cues look in every view: state colours and labels, QA messages, and subtitle text made safe for Qt.

Subtitle text is data, never markup: a line may hold "<img src=x>" or "<a href=...>". Anything Qt might
render as rich text (tool tips, labels) goes through `plain_html`, which escapes it.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from editor.core.document import Cue
from editor.core.edits import machine_option
from editor.core.qa import MESSAGES, RULES, SEVERITIES, SEVERITY_ORDER, QAIssue, message_params
from editor.core.review import (
    CATEGORY_LABELS,
    QT_TRANSLATE_NOOP,
    STATE_LABELS,
    Comment,
    CommentKind,
    RejectCategory,
    Rejection,
    State,
)
from editor.core.text import display_width, lines

# State -> (strong colour for text and badges, light tint for cell backgrounds).
STATE_COLORS: dict[State, tuple[str, str]] = {
    State.UNTRANSLATED: ("#6b6b6b", "#ececec"),
    State.MT_DRAFT: ("#a86400", "#fdebc8"),
    State.EDITED: ("#0f766e", "#d5f2ee"),
    State.TRANSLATED: ("#1f5fbf", "#dce8fa"),
    State.APPROVED: ("#237a37", "#d8f0dc"),
    State.REJECTED: ("#c0262d", "#f9d9da"),
    State.STALE: ("#7a3fa8", "#ecdff6"),
}

# Order used when sorting by state: what needs work first.
STATE_ORDER: dict[State, int] = {
    s: i for i, s in enumerate((State.REJECTED, State.STALE, State.UNTRANSLATED, State.MT_DRAFT, State.EDITED,
                                 State.TRANSLATED, State.APPROVED))
}

SEVERITY_RANK: dict[str, int] = {s: len(SEVERITIES) - i for s, i in SEVERITY_ORDER.items()}  # error 3 .. info 1
SEVERITY_COLORS: dict[str, str] = {"error": "#c0262d", "warning": "#c98a00", "info": "#5b7fa6"}

LINE_BREAK_MARK = " \u21b5 "  # "↵": a cue's line break shown inside one table row


def state_label(state: State) -> str:
    return QCoreApplication.translate("State", STATE_LABELS[state])


_ORIGINS = {
    "mt": QT_TRANSLATE_NOOP("Draft", "Machine translation"),
    "memory": QT_TRANSLATE_NOOP("Draft", "Translation memory"),
    "import": QT_TRANSLATE_NOOP("Draft", "Imported translation"),
}


def origin_label(origin: str) -> str:
    """Where a draft came from, in the UI language ("mt" -> "Machine translation")."""
    return QCoreApplication.translate("Draft", _ORIGINS[origin]) if origin in _ORIGINS else origin


_SEVERITIES = {
    "error": QT_TRANSLATE_NOOP("Severity", "error"),
    "warning": QT_TRANSLATE_NOOP("Severity", "warning"),
    "info": QT_TRANSLATE_NOOP("Severity", "note"),
    "minor": QT_TRANSLATE_NOOP("Severity", "minor"),
    "major": QT_TRANSLATE_NOOP("Severity", "major"),
}


def severity_label(severity: str) -> str:
    """A QA severity ("error", "warning", "info") or a rejection's ("minor", "major") in the UI language."""
    return QCoreApplication.translate("Severity", _SEVERITIES[severity]) if severity in _SEVERITIES else severity


def category_label(category: RejectCategory) -> str:
    return QCoreApplication.translate("RejectCategory", CATEGORY_LABELS[category])


def rule_title(rule: str) -> str:
    return QCoreApplication.translate("QA", RULES.get(rule, rule))


def qa_message(issue: QAIssue, number_of: Callable[[int], int | None] | None = None) -> str:
    """The issue's message in the UI language. `number_of` turns the cue ids a message names (overlap,
    order) into the cue numbers the table shows."""
    params = message_params(issue, number_of)
    template = MESSAGES.get(issue.rule, issue.rule)
    try:
        return QCoreApplication.translate("QA", template).format(**params)
    except (KeyError, IndexError, ValueError):  # a translation with broken placeholders
        return template.format(**params)


def worst_severity(issues: list[QAIssue]) -> str:
    return max((i.severity for i in issues), key=lambda s: SEVERITY_RANK.get(s, 0), default="")


def plain_html(text: str) -> str:
    """Subtitle text as rich text that shows it literally: escaped, line breaks kept."""
    return '<p style="white-space:pre-wrap">' + html.escape(text) + "</p>"


def one_line(text: str) -> str:
    """A cue text on one table row: its line breaks shown as a mark."""
    return text.replace("\r\n", "\n").replace("\n", LINE_BREAK_MARK) if "\n" in text else text


def visible_chars(text: str) -> int:
    """Characters a viewer reads: tags removed, line breaks not counted."""
    return sum(display_width(line) for line in lines(text))


def reading_speed(text: str, duration_ms: int) -> float:
    """Characters per second; 0 for an empty text or a cue with no duration."""
    if duration_ms <= 0:
        return 0.0
    return visible_chars(text) * 1000.0 / duration_ms


def confidence(cue: Cue) -> float | None:
    """The machine's score for the text a line holds while nobody has confirmed it (the draft's, or the chosen
    alternative's); None for every other line."""
    if cue.state is not State.MT_DRAFT or cue.draft is None:
        return None
    option = machine_option(cue)
    if option is None:
        return None
    return cue.draft.score if option == 0 else cue.draft.alternatives[option - 1][1]


def when(at: str) -> str:
    """An ISO 8601 time as people read it, in local time: "2026-12-03 14:20"."""
    try:
        moment = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def rejection_text(rejection: Rejection) -> str:
    """The open rejection in one sentence: who, when, category, severity, comment."""
    kind = QCoreApplication.translate("Thread", "%1, %2", "category, severity")
    kind = kind.replace("%1", category_label(rejection.category))
    kind = kind.replace("%2", severity_label(rejection.severity.value))
    if rejection.by:
        text = QCoreApplication.translate("Thread", "Rejected by %1 on %2 (%3)").replace("%1", rejection.by).replace(
            "%2", when(rejection.at)).replace("%3", kind)
    else:
        text = QCoreApplication.translate("Thread", "Rejected (%1)").replace("%1", kind)
    if not rejection.comment:
        return text
    return QCoreApplication.translate("Thread", "%1: %2", "rejection: its comment").replace("%1", text).replace(
        "%2", rejection.comment)


def comment_heading(comment: Comment) -> str:
    """"Author · 2026-12-03 14:20" and, for a rejection, its category and severity."""
    author = comment.author or QCoreApplication.translate("Thread", "someone")
    head = f"{author} · {when(comment.at)}"
    if comment.kind == CommentKind.REJECTION and comment.category is not None:
        severity = severity_label(comment.severity.value) if comment.severity is not None else ""
        rejected = QCoreApplication.translate("Thread", "rejected: %1, %2")
        head += " · " + rejected.replace("%1", category_label(comment.category)).replace("%2", severity)
    return head


def speed_text(cue: Cue) -> tuple[float, bool]:
    """Reading speed of the target, or of the source while there is no target; True when from the source."""
    if cue.target.strip():
        return reading_speed(cue.target, cue.duration_ms), False
    return reading_speed(cue.source, cue.duration_ms), True


def row_runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted rows as contiguous (first, last) runs."""
    out: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if out and row == out[-1][1] + 1:
            out[-1] = (out[-1][0], row)
        else:
            out.append((row, row))
    return out


def severity_icon(severity: str, size: int = 10) -> QIcon:
    """A small filled circle in the severity's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(SEVERITY_COLORS.get(severity, "#888888")))
    painter.drawEllipse(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


def format_seconds(ms: int) -> str:
    """A duration as seconds with milliseconds: 2500 -> "2.500"."""
    sign = "-" if ms < 0 else ""
    seconds, millis = divmod(abs(ms), 1000)
    return f"{sign}{seconds}.{millis:03d}"


def thread_icon(open_rejection: bool, comments: bool, size: int = 12) -> QIcon | None:
    """A red flag while a rejection is open; a grey speech balloon for a line with comments; else nothing."""
    if not open_rejection and not comments:
        return None
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if open_rejection:
        painter.setPen(QColor("#6b1015"))
        painter.drawLine(2, 1, 2, size - 1)  # the pole
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#d22630"))
        painter.drawPolygon([QPoint(3, 1), QPoint(size - 1, 3), QPoint(3, 7)])
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#7b8794"))
        painter.drawRoundedRect(0, 1, size - 1, size - 4, 3, 3)
        painter.drawPolygon([QPoint(3, size - 4), QPoint(3, size - 1), QPoint(6, size - 4)])
    painter.end()
    return QIcon(pixmap)
