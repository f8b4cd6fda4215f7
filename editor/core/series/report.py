"""The delivery report written beside a series' exported files: report.json for tools, report.html for people.

One row per episode × language says what was delivered (or refused, or forced out with lines still undecided), how
far the review went, who did it, with which model, and an LQA score from the reviewers' rejections (decision 024).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import json
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import editor
from editor.core.document import Cue
from editor.core.qa.catalog import SEVERITIES as QA_SEVERITIES
from editor.core.review import (
    NEEDS_DECISION,
    QT_TRANSLATE_NOOP,
    Comment,
    CommentKind,
    RejectCategory,
    Severity,
    State,
)
from editor.core.text import strip_tags
from editor.core.user_error import UserError

FORMAT = "subreview-delivery-report"
FORMAT_VERSION = 1

# The LQA scoring: MQM's linear scoring model (themqm.org, "The MQM Scoring Models" and "Values and Scores"; Lommel
# et al., "The Multi-Range Theory of Translation Quality Measurement", arXiv 2405.16969): each rejection costs its
# severity's penalty times its category's weight; the total per 1,000 words is taken off a maximum of 100. Minor 1 and
# major 5 are MQM's (and TAUS DQF-MQM's) severity multipliers; MQM weighs every error type 1 unless a client says
# otherwise. Decision 024 compares MateCat's default model (minor 0.5, major 2, pass at 20 points per 1,000 words).
SEVERITY_PENALTIES: Mapping[str, float] = {Severity.MINOR: 1.0, Severity.MAJOR: 5.0}
CATEGORY_WEIGHTS: Mapping[str, float] = {category: 1.0 for category in RejectCategory}
REFERENCE_WORDS = 1000
MAX_SCORE = 100.0

CANNOT_WRITE_REPORT = QT_TRANSLATE_NOOP("Errors", "cannot write the delivery report {name}: {reason}.")


class ReportWriteError(UserError, OSError):
    """The report file could not be written; an OSError (errno and filename kept) whose text is one sentence."""

    def __init__(self, path: str | os.PathLike[str], error: OSError) -> None:
        reason = (error.strerror or str(error) or error.__class__.__name__).lower()
        UserError.__init__(self, template=CANNOT_WRITE_REPORT, name=os.fspath(path), reason=reason)
        self.errno = error.errno
        self.strerror = error.strerror
        self.filename = os.fspath(path)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class DeliveryRow:
    """One episode × language of a delivery. `file` is the path written, relative to OUTDIR ("" when refused)."""

    episode: str
    lang: str
    file: str = ""
    exported: bool = False
    refused_reason: str = ""  # why the export was refused, one sentence; "" when exported
    forced: bool = False  # exported with lines still needing a decision (--allow-unreviewed)
    lines: int = 0
    states: Mapping[str, int] = field(default_factory=dict)  # state -> lines
    need_decision: int = 0
    qa_left: Mapping[str, int] = field(default_factory=dict)  # QA severity (error/warning/info) -> issues
    rejections: Mapping[str, int] = field(default_factory=dict)  # "category/severity" -> every rejection ever made
    words: int = 0  # target words, for the LQA normalisation
    translators: tuple[str, ...] = ()  # who confirmed lines, most lines first
    approvers: tuple[str, ...] = ()  # who approved lines, most lines first
    model: str = ""  # the model behind the machine drafts; "" when no line had one
    model_sha256: str = ""
    dropped_tags: int = 0  # formatting tags the target format could not hold
    removed_earlier: str = ""  # refused: the file an earlier delivery wrote at this row's path, removed (no stale file)
    video: str = ""  # the MP4 with this language burned in, relative to OUTDIR ("" when none was made)
    video_note: str = ""  # videos were asked for and this exported row has none: why, one sentence
    video_cover: tuple[int, int, int, int] | None = None  # the burned-in source band covered in the video (X,Y,W,H)
    video_removed_earlier: str = ""  # the video an earlier delivery wrote at this row's path, removed (no stale video)


@dataclass(frozen=True)
class VideoOptions:
    """Videos in a delivery: beside each delivered subtitle file an MP4 with that language burned in, the source's
    burned-in band covered (`cover_source`, with a black box or a blur) when the band is known."""

    cover_source: bool = False
    cover_style: str = "box"


@dataclass(frozen=True)
class DeliveryReport:
    series: str
    created_at: str  # ISO 8601
    source_lang: str
    languages: tuple[str, ...]
    rows: tuple[DeliveryRow, ...]
    tool_version: str = editor.__version__
    videos: VideoOptions | None = None  # None: subtitle files only
    stopped: bool = False  # stopped before every episode × language was done: the rows are those done
    earlier_files: tuple[str, ...] = ()  # files an earlier delivery wrote that this one did not touch (still there)


# --- building a row ---------------------------------------------------------------------------------------------

# Scripts written without spaces between words: each character counts as a word, as CAT tools count Chinese and
# Japanese (and Thai, for lack of a segmenter); ISO 5060 allows character counts for such languages (decision 024).
_UNSPACED = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x31F0, 0x31FF),  # Katakana extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x3134F),  # CJK extensions B-G
)


def _unspaced(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _UNSPACED)


def count_words(text: str) -> int:
    """Words a reader sees (tags removed): space-separated chunks holding a letter or digit, plus one per character
    of a script written without spaces (Chinese, Japanese, Thai, ...; marks and punctuation not counted)."""
    plain = strip_tags(text)
    characters = sum(1 for ch in plain if _unspaced(ch) and unicodedata.category(ch)[0] in "LN")
    spaced = "".join(" " if _unspaced(ch) else ch for ch in plain)
    return characters + sum(1 for chunk in spaced.split() if any(unicodedata.category(ch)[0] in "LN" for ch in chunk))


def rejection_key(category: str, severity: str) -> str:
    """The key of a rejection count: "terminology/major"."""
    return f"{category}/{severity}"


def count_rejections(comments: Iterable[Comment]) -> Counter[str]:
    """Every rejection in review threads, by "category/severity"."""
    return Counter(rejection_key(c.category, c.severity) for c in comments
                   if c.kind == CommentKind.REJECTION and c.category is not None and c.severity is not None)


class _Event(Protocol):
    """What `decision_makers` reads of a logged event (editor.core.store.project.Event has it)."""

    @property
    def actor(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def after(self) -> Any: ...


def decision_makers(events: Iterable[_Event]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(translators, approvers): people whose logged change put a line in `translated` / `approved`, each list
    ordered by lines, most first (then by name)."""
    confirmed: Counter[str] = Counter()
    approved: Counter[str] = Counter()
    for event in events:
        after = event.after
        if event.kind != "person" or not isinstance(after, Mapping) or not event.actor:
            continue
        if after.get("state") == State.TRANSLATED:
            confirmed[event.actor] += 1
        elif after.get("state") == State.APPROVED:
            approved[event.actor] += 1
    return _by_count(confirmed), _by_count(approved)


def _by_count(counts: Counter[str]) -> tuple[str, ...]:
    return tuple(name for name, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _main_model(cues: Sequence[Cue]) -> tuple[str, str]:
    """(name, sha256) of the model behind most of the lines' machine drafts; ("", "") when none had one."""
    models = Counter((c.draft.model_id, c.draft.model_hash) for c in cues
                     if c.draft is not None and c.draft.origin == "mt" and (c.draft.model_id or c.draft.model_hash))
    return models.most_common(1)[0][0] if models else ("", "")


def delivery_row(episode: str, lang: str, cues: Sequence[Cue], *, file: str = "", refused_reason: str = "",
                 forced: bool = False, qa_left: Mapping[str, int] | None = None, events: Iterable[_Event] = (),
                 dropped_tags: int = 0, removed_earlier: str = "") -> DeliveryRow:
    """The row of one episode × language from its lines (states, history of rejections, words, model) and the
    events logged on that episode × language (`EpisodeProject.events()`: who confirmed, who approved). Exported
    when `file` is given and there is no refusal reason; `qa_left` is QA issues per severity on the lines as sent."""
    states = Counter(str(c.state) for c in cues)
    rejections: Counter[str] = Counter()
    for cue in cues:
        rejections.update(count_rejections(cue.comments))
    translators, approvers = decision_makers(events)
    model, sha256 = _main_model(cues)
    return DeliveryRow(
        episode=episode, lang=lang, file=file if not refused_reason else "",
        exported=bool(file) and not refused_reason, refused_reason=refused_reason, forced=forced and not refused_reason,
        lines=len(cues), states=dict(states), need_decision=sum(1 for c in cues if c.state in NEEDS_DECISION),
        qa_left=dict(qa_left or {}), rejections=dict(rejections), words=sum(count_words(c.target) for c in cues),
        translators=translators, approvers=approvers, model=model, model_sha256=sha256, dropped_tags=dropped_tags,
        removed_earlier=removed_earlier)


# --- LQA score --------------------------------------------------------------------------------------------------

def _merged_rejections(rows_or_counts: Mapping[str, int] | Iterable[DeliveryRow]) -> Counter[str]:
    if isinstance(rows_or_counts, Mapping):
        return Counter(dict(rows_or_counts))
    merged: Counter[str] = Counter()
    for row in rows_or_counts:
        merged.update(row.rejections)
    return merged


def penalty_points(rejections: Mapping[str, int], *, severity_penalties: Mapping[str, float] = SEVERITY_PENALTIES,
                   category_weights: Mapping[str, float] = CATEGORY_WEIGHTS) -> float:
    """MQM's absolute penalty total: each "category/severity" count × the severity's penalty × the category's
    weight (1 for a category the weights do not name)."""
    total = 0.0
    for key, count in rejections.items():
        category, _, severity = key.partition("/")
        if severity not in severity_penalties:
            raise ValueError(f"{key!r} has no known severity ({', '.join(map(str, severity_penalties))})")
        total += count * severity_penalties[severity] * category_weights.get(category, 1.0)
    return total


def lqa_score(rows_or_counts: Mapping[str, int] | Iterable[DeliveryRow], words: int | None = None, *,
              severity_penalties: Mapping[str, float] = SEVERITY_PENALTIES,
              category_weights: Mapping[str, float] = CATEGORY_WEIGHTS) -> float | None:
    """Quality 0-100 by MQM's linear scoring model (themqm.org "The MQM Scoring Models"; decision 024):
    100 - penalty points × 1,000 / words, floored at 0, with minor 1 and major 5 points. Takes a "category/severity"
    count mapping and its word count, or rows (their words are summed when `words` is not given). None without words.
    """
    if not isinstance(rows_or_counts, Mapping):
        rows = list(rows_or_counts)
        rows_or_counts = rows
        if words is None:
            words = sum(row.words for row in rows)
    if not words or words <= 0:
        return None
    points = penalty_points(_merged_rejections(rows_or_counts), severity_penalties=severity_penalties,
                            category_weights=category_weights)
    return max(0.0, MAX_SCORE - points * REFERENCE_WORDS / words)


# --- JSON -------------------------------------------------------------------------------------------------------

STATE_ORDER: tuple[str, ...] = (State.APPROVED, State.TRANSLATED, State.EDITED, State.MT_DRAFT, State.STALE,
                                State.REJECTED, State.UNTRANSLATED)
REJECTION_KEYS: tuple[str, ...] = tuple(rejection_key(c, s) for c in RejectCategory for s in Severity)


def _complete(counts: Mapping[str, int], keys: Sequence[str]) -> dict[str, int]:
    """Every known key (0 when absent) in a fixed order, then any other key sorted: stable for tools."""
    out = {key: int(counts.get(key, 0)) for key in keys}
    out.update({key: int(counts[key]) for key in sorted(counts) if key not in out})
    return out


def _rounded(score: float | None) -> float | None:
    return None if score is None else round(score, 2)


def languages_of(report: DeliveryReport) -> list[str]:
    """The report's languages in order, then any language only rows name."""
    return list(dict.fromkeys([*report.languages, *(row.lang for row in report.rows)]))


@dataclass(frozen=True)
class LanguageSummary:
    """One language's delivery at a glance; line figures count delivered (exported) episodes only."""

    lang: str
    episodes: int
    delivered: int
    refused: int
    forced: int
    lines: int
    states: dict[str, int]
    approved: int
    need_decision: int
    words: int
    qa_left: dict[str, int]
    rejections: dict[str, int]
    lqa_score: float | None
    videos: int = 0  # delivered episodes with their video

    @property
    def approved_percent(self) -> float | None:
        return None if not self.lines else 100.0 * self.approved / self.lines


def summarise(report: DeliveryReport, lang: str) -> LanguageSummary:
    rows = [row for row in report.rows if row.lang == lang]
    delivered = [row for row in rows if row.exported]
    qa_left: Counter[str] = Counter()
    states: Counter[str] = Counter()
    for row in delivered:
        qa_left.update(row.qa_left)
        states.update(row.states)
    return LanguageSummary(
        lang=lang, episodes=len(rows), delivered=len(delivered), refused=sum(1 for r in rows if not r.exported),
        forced=sum(1 for r in delivered if r.forced), lines=sum(r.lines for r in delivered),
        states=_complete(states, STATE_ORDER), approved=sum(r.states.get(State.APPROVED, 0) for r in delivered),
        need_decision=sum(r.need_decision for r in delivered), words=sum(r.words for r in delivered),
        qa_left=_complete(qa_left, QA_SEVERITIES), rejections=_complete(_merged_rejections(delivered), REJECTION_KEYS),
        lqa_score=lqa_score(delivered), videos=sum(1 for r in delivered if r.video))


def _row_json(row: DeliveryRow) -> dict[str, Any]:
    return {
        "episode": row.episode, "lang": row.lang, "file": row.file, "exported": row.exported,
        "refused_reason": row.refused_reason, "forced": row.forced, "lines": row.lines,
        "states": _complete(row.states, STATE_ORDER), "need_decision": row.need_decision,
        "qa_left": _complete(row.qa_left, QA_SEVERITIES), "rejections": _complete(row.rejections, REJECTION_KEYS),
        "words": row.words, "lqa_penalty_points": penalty_points(row.rejections),
        "lqa_score": _rounded(lqa_score(row.rejections, row.words)), "translators": list(row.translators),
        "approvers": list(row.approvers),
        "model": {"name": row.model, "sha256": row.model_sha256} if row.model or row.model_sha256 else None,
        "dropped_tags": row.dropped_tags, "removed_earlier": row.removed_earlier,
        "video": row.video, "video_note": row.video_note,
        "video_cover": list(row.video_cover) if row.video_cover is not None else None,
        "video_removed_earlier": row.video_removed_earlier,
    }


def to_json(report: DeliveryReport) -> dict[str, Any]:
    """The report as JSON-ready data; its keys are listed in decision 024 and only ever added to."""
    summary = {}
    for lang in languages_of(report):
        s = summarise(report, lang)
        summary[lang] = {
            "episodes": s.episodes, "delivered": s.delivered, "refused": s.refused, "forced": s.forced,
            "lines": s.lines, "states": s.states, "approved": s.approved,
            "approved_percent": None if s.approved_percent is None else round(s.approved_percent, 2),
            "need_decision": s.need_decision, "words": s.words, "qa_left": s.qa_left, "rejections": s.rejections,
            "lqa_score": _rounded(s.lqa_score), "videos": s.videos}
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "series": report.series, "created_at": report.created_at,
        "source_lang": report.source_lang, "languages": languages_of(report),
        "tool": {"name": "SubReview", "version": report.tool_version},
        "lqa": {"model": "MQM linear scoring", "reference_words": REFERENCE_WORDS, "max_score": MAX_SCORE,
                "severity_penalties": {str(k): v for k, v in SEVERITY_PENALTIES.items()},
                "category_weights": {str(k): v for k, v in CATEGORY_WEIGHTS.items()}},
        "summary": summary,
        "rows": [_row_json(row) for row in report.rows],
        "videos": (None if report.videos is None else
                   {"cover_source": report.videos.cover_source, "cover_style": report.videos.cover_style}),
        "stopped": report.stopped,
        "earlier_files": list(report.earlier_files),
    }


# --- writing ----------------------------------------------------------------------------------------------------

def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write a hidden temp file beside `path`, then rename it over `path`: a reader sees the old file or the new
    one, never half of one. Raises ReportWriteError (an OSError) when the folder refuses it."""
    target = Path(path)
    temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
    try:
        with open(temp, "x", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise ReportWriteError(target, error) from error


def write_json(report: DeliveryReport, path: str | os.PathLike[str]) -> None:
    write_text_atomically(path, json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n")


def write_html(report: DeliveryReport, path: str | os.PathLike[str]) -> None:
    write_text_atomically(path, to_html(report))


# --- HTML -------------------------------------------------------------------------------------------------------

STATE_NAMES: Mapping[str, str] = {
    State.APPROVED: "approved", State.TRANSLATED: "translated", State.EDITED: "edited, not confirmed",
    State.MT_DRAFT: "machine draft", State.STALE: "stale", State.REJECTED: "rejected",
    State.UNTRANSLATED: "untranslated",
}
CATEGORY_NAMES: Mapping[str, str] = {
    RejectCategory.TYPING: "Typing", RejectCategory.TRANSLATION: "Translation",
    RejectCategory.TERMINOLOGY: "Terminology", RejectCategory.LANGUAGE_QUALITY: "Language quality",
    RejectCategory.STYLE: "Style",
}

_CSS = """
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d9dee6; --soft: #f4f6f9; }
* { box-sizing: border-box; }
body { margin: 0; padding: 28px 32px 40px; color: var(--ink); background: #fff; font-size: 14px; line-height: 1.45;
  font-family: "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
  "Noto Sans CJK JP", "Noto Sans Thai", "Noto Sans Arabic", "DejaVu Sans", Arial, sans-serif; }
:lang(zh-Hant) { font-family: "Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei",
  "Noto Sans", sans-serif; }
:lang(ja) { font-family: "Noto Sans CJK JP", "Source Han Sans JP", "Noto Sans", sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 8px; }
.meta { color: var(--muted); margin: 0 0 18px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; font-weight: 600; color: var(--muted); background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.small { font-size: 12px; color: var(--muted); }
.names { font-size: 12px; max-width: 150px; overflow-wrap: anywhere; }
.file { font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 9px; font-size: 12px; font-weight: 600;
  white-space: nowrap; }
.ok { background: #e3f4e8; color: #1d6b3a; }
.forced { background: #fff1d6; color: #8a5300; }
.refused { background: #fde4e2; color: #a32218; }
tr.is-forced td { background: #fffaf0; }
tr.is-refused td { background: #fff6f5; }
.reason { font-size: 12px; color: #a32218; max-width: 260px; }
.stopped { color: #a32218; font-weight: 600; }
.bar { display: flex; width: 150px; height: 12px; border-radius: 3px; overflow: hidden; background: var(--soft);
  border: 1px solid var(--line); }
.bar span { display: block; height: 100%; }
.s-approved { background: #2f9e55; } .s-translated { background: #4a86d8; } .s-edited { background: #9cc0ef; }
.s-mt_draft { background: #e8b23a; } .s-stale { background: #e07b2e; } .s-rejected { background: #d43d33; }
.s-untranslated { background: #b9c0cb; }
.legend { margin: 6px 0 0; font-size: 12px; color: var(--muted); }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 12px;
  vertical-align: -1px; }
.legend i:first-child { margin-left: 0; }
.err { color: #a32218; font-weight: 600; white-space: nowrap; } .warn { color: #8a5300; white-space: nowrap; }
.score { font-weight: 600; }
.none { color: var(--muted); }
.model { max-width: 170px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-size: 12px; }
.hash { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 12px; }
footer { margin-top: 36px; font-size: 12px; color: var(--muted); max-width: 900px; }
a { color: #2a5db0; }
@media print { body { padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def _e(text: object) -> str:
    """Text escaped for HTML content and quoted attributes."""
    return html.escape(str(text), quote=True)


def _user(text: str, lang: str = "") -> str:
    """User-given text (names, reasons) isolated for direction and escaped; `lang` picks the right glyphs."""
    attr = f' lang="{_e(lang)}"' if lang else ""
    return f'<bdi{attr}>{_e(text)}</bdi>'


def _number(value: float | None, digits: int = 1) -> str:
    return '<span class="none">—</span>' if value is None else f"{value:,.{digits}f}"


def _when(iso: str) -> str:
    """An ISO 8601 time as a person reads it, in UTC ("2026-12-14 09:30 UTC"); as given when it is not one."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def _qa_cell(qa_left: Mapping[str, int]) -> str:
    parts = []
    for severity, css, one, many in (("error", "err", "error", "errors"), ("warning", "warn", "warning", "warnings"),
                                     ("info", "small", "note", "notes")):
        if qa_left.get(severity):
            parts.append(f'<span class="{css}">{_plural(qa_left[severity], one, many)}</span>')
    return "<br>".join(parts) or '<span class="none">none</span>'


def _rejections_cell(rejections: Mapping[str, int]) -> str:
    by_category: dict[str, list[str]] = {}
    for key in _complete(rejections, REJECTION_KEYS):
        count = rejections.get(key, 0)
        if count:
            category, _, severity = key.partition("/")
            by_category.setdefault(category, []).append(f"{count} {_e(severity)}")
    lines = [f"{_e(CATEGORY_NAMES.get(c, c))}: {', '.join(v)}" for c, v in by_category.items()]
    return '<span class="small">' + "<br>".join(lines) + "</span>" if lines else '<span class="none">none</span>'


def _bar(states: Mapping[str, int], lines: int) -> str:
    known = _complete(states, STATE_ORDER)
    parts, described = [], []
    for state, count in known.items():
        if count <= 0 or not lines:
            continue
        name = STATE_NAMES.get(state, state)
        described.append(f"{count} {name}")
        css = state if state in STATE_NAMES else "untranslated"
        parts.append(f'<span class="s-{_e(css)}" style="width:{100.0 * count / lines:.3f}%" '
                     f'title="{_e(name)}: {count}"></span>')
    label = ", ".join(described) or "no lines"
    approved = known.get(State.APPROVED, 0)
    return (f'<div class="bar" role="img" aria-label="{_e(label)}" title="{_e(label)}">{"".join(parts)}</div>'
            f'<div class="small">{approved:,} of {_plural(lines, "line", "lines")} approved</div>')


def _removed_note(relative: str) -> str:
    return f'<div class="small">{_user(relative)} from an earlier delivery was removed</div>' if relative else ""


def _video_html(row: DeliveryRow) -> str:
    """The row's video: its file and what was covered, or why there is none; and an earlier one removed."""
    out = ""
    if row.video:
        covered = ""
        if row.video_cover is not None:
            covered = f' · source subtitles covered ({",".join(map(str, row.video_cover))})'
        out = f'<div class="file">▶ {_user(row.video)}<span class="small">{_e(covered)}</span></div>'
    elif row.video_note:
        out = f'<div class="reason">No video: {_user(row.video_note)}</div>'
    return out + _removed_note(row.video_removed_earlier)


def _delivery_cell(row: DeliveryRow) -> str:
    if not row.exported:
        reason = _user(row.refused_reason) if row.refused_reason else "no file was written"
        return (f'<span class="badge refused">✕ Refused</span><div class="reason">{reason}</div>'
                f'{_removed_note(row.removed_earlier)}{_removed_note(row.video_removed_earlier)}')
    file = f'<div class="file">{_user(row.file)}</div>{_video_html(row)}'
    if row.forced:
        undecided = _plural(row.need_decision, "line", "lines")
        return (f'<span class="badge forced">⚠ Forced</span>{file}'
                f'<div class="small">exported with {undecided} still needing a decision</div>')
    return f'<span class="badge ok">✓ Delivered</span>{file}'


def _model_cell(row: DeliveryRow) -> str:
    if not row.model and not row.model_sha256:
        return '<span class="none">no machine drafts</span>'
    short = row.model_sha256[:12]
    hash_html = f'<div class="hash" title="sha256 {_e(row.model_sha256)}">{_e(short)}</div>' if short else ""
    return f'<div class="model" title="{_e(row.model)}">{_user(row.model)}</div>{hash_html}'


def _names_cell(names: Sequence[str]) -> str:
    return ('<div class="names">' + ", ".join(_user(n) for n in names) + "</div>" if names
            else '<span class="none">—</span>')


def _legend() -> str:
    items = "".join(f'<i class="s-{_e(state)}"></i>{_e(STATE_NAMES[state])}' for state in STATE_ORDER)
    return f'<p class="legend">{items}</p>'


def _summary_table(report: DeliveryReport) -> Iterator[str]:
    yield ('<table class="summary"><thead><tr><th>Language</th><th class="num">Episodes</th>'
           '<th class="num">Delivered</th><th class="num">Forced</th><th class="num">Refused</th>'
           '<th class="num">Lines delivered</th><th>Progress of delivered lines</th><th class="num">Approved</th>'
           '<th class="num">Need a decision</th>'
           '<th>QA issues left</th><th>Rejections (all rounds)</th><th class="num">Words</th>'
           '<th class="num">LQA score</th>'
           + ('<th class="num">Videos</th>' if report.videos is not None else "") + "</tr></thead><tbody>")
    for lang in languages_of(report):
        s = summarise(report, lang)
        forced = f'<span class="badge forced">{s.forced}</span>' if s.forced else "0"
        refused = f'<span class="badge refused">{s.refused}</span>' if s.refused else "0"
        yield (f'<tr><td><a href="#lang-{_e(lang)}"><bdi>{_e(lang)}</bdi></a></td>'
               f'<td class="num">{s.episodes}</td><td class="num">{s.delivered}</td><td class="num">{forced}</td>'
               f'<td class="num">{refused}</td><td class="num">{s.lines:,}</td><td>{_bar(s.states, s.lines)}</td>'
               f'<td class="num">{_number(s.approved_percent)}{"%" if s.approved_percent is not None else ""}</td>'
               f'<td class="num">{s.need_decision:,}</td><td>{_qa_cell(s.qa_left)}</td>'
               f'<td>{_rejections_cell(s.rejections)}</td><td class="num">{s.words:,}</td>'
               f'<td class="num score">{_number(s.lqa_score)}</td>'
               + (f'<td class="num">{s.videos}</td>' if report.videos is not None else "") + "</tr>")
    yield "</tbody></table>"


def _language_table(report: DeliveryReport, lang: str) -> Iterator[str]:
    s = summarise(report, lang)
    score = f" · LQA score {_number(s.lqa_score)}" if s.lqa_score is not None else ""
    videos = " · " + _plural(s.videos, "video", "videos") if report.videos is not None else ""
    yield (f'<section id="lang-{_e(lang)}"><h2>Language <bdi>{_e(lang)}</bdi></h2><p class="meta">'
           f'{s.delivered} of {_plural(s.episodes, "episode", "episodes")} delivered'
           f'{f" ({s.forced} forced)" if s.forced else ""} · {s.refused} refused{score}{videos}</p>')
    yield ('<table><thead><tr><th class="num">#</th><th>Episode</th><th>Delivery</th><th>Progress</th>'
           '<th class="num">Need a decision</th><th>QA issues left</th><th>Rejections</th><th class="num">Words</th>'
           '<th class="num">LQA</th><th>Translators</th><th>Approvers</th><th>Model</th>'
           '<th class="num">Tags dropped</th></tr></thead><tbody>')
    rows = [row for row in report.rows if row.lang == lang]
    for number, row in enumerate(rows, 1):
        css = " class=\"is-refused\"" if not row.exported else " class=\"is-forced\"" if row.forced else ""
        need = f'<span class="err">{row.need_decision:,}</span>' if row.need_decision else "0"
        yield (f"<tr{css}><td class=\"num small\">{number}</td><td>{_user(row.episode, report.source_lang)}</td>"
               f"<td>{_delivery_cell(row)}</td><td>{_bar(row.states, row.lines)}</td><td class=\"num\">{need}</td>"
               f"<td>{_qa_cell(row.qa_left)}</td><td>{_rejections_cell(row.rejections)}</td>"
               f"<td class=\"num\">{row.words:,}</td>"
               f"<td class=\"num score\">{_number(lqa_score(row.rejections, row.words))}</td>"
               f"<td>{_names_cell(row.translators)}</td><td>{_names_cell(row.approvers)}</td>"
               f"<td>{_model_cell(row)}</td><td class=\"num\">{row.dropped_tags or ''}</td></tr>")
    if not rows:
        yield '<tr><td colspan="13" class="none">No episodes.</td></tr>'
    yield "</tbody></table>"
    yield _legend()
    yield "</section>"


def _videos_meta(report: DeliveryReport) -> str:
    if report.videos is None:
        return ""
    covered = f", the source subtitles covered ({_e(report.videos.cover_style)})" if report.videos.cover_source else ""
    return f" · videos with the translation burned in{covered}"


def _stopped_note(report: DeliveryReport) -> str:
    if not report.stopped:
        return ""
    return ('<p class="stopped">This delivery was stopped before every episode was done: only the episodes listed '
            'here were delivered; files of the others are as an earlier delivery left them.</p>')


def to_html(report: DeliveryReport) -> str:
    """One self-contained page (inline CSS; no script, font or image to fetch) for a project manager."""
    languages = languages_of(report)
    penalties = ", ".join(f"{_e(s)} {p:g}" for s, p in SEVERITY_PENALTIES.items())
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Delivery report: {_e(report.series)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>Delivery report: {_user(report.series, report.source_lang)}</h1>",
        f'<p class="meta">Source <bdi>{_e(report.source_lang)}</bdi> → '
        f"{', '.join(f'<bdi>{_e(lang)}</bdi>' for lang in languages) or 'no target language'} · "
        f"{_plural(len({row.episode for row in report.rows}), 'episode', 'episodes')} · "
        f'made <time datetime="{_e(report.created_at)}">{_e(_when(report.created_at))}</time> by SubReview '
        f"{_e(report.tool_version)}{_videos_meta(report)}</p>{_stopped_note(report)}</header>",
        "<main><h2>Summary</h2>",
        *_summary_table(report),
    ]
    for lang in languages:
        parts.extend(_language_table(report, lang))
    parts.append(
        f"</main><footer><p><b>LQA score</b>: MQM linear scoring. Every rejection a reviewer made (all rounds, from "
        f"the review threads) costs penalty points ({penalties}; every category weighs 1); the score is "
        f"{MAX_SCORE:g} − points per {REFERENCE_WORDS:,} target words, floored at 0. Chinese, Japanese and Thai "
        f"count one word per character. Lines delivered, approved, QA issues and the LQA score of the summary count "
        f"delivered episodes only. <b>Forced</b>: exported with lines still needing a decision "
        f"(--allow-unreviewed). <b>Refused</b>: not exported, with the reason.</p><p>Scoring after MQM's scoring "
        f"models (themqm.org); the severity penalties are MQM's and TAUS DQF-MQM's.</p></footer>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
