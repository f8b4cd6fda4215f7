"""The QA rule catalogue: stable rule ids, their titles and messages, default severities, the issue type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from editor.core.review import QT_TRANSLATE_NOOP

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES: tuple[str, ...] = (ERROR, WARNING, INFO)
SEVERITY_ORDER: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}  # worst first: error 0

# Rule id -> title. The dict order is the order issues of one cue are reported in.
RULES: dict[str, str] = {
    "chars_per_line": QT_TRANSLATE_NOOP("QA", "Characters per line"),
    "max_lines": QT_TRANSLATE_NOOP("QA", "Too many lines"),
    "reading_speed": QT_TRANSLATE_NOOP("QA", "Reading speed"),
    "min_duration": QT_TRANSLATE_NOOP("QA", "Too short"),
    "max_duration": QT_TRANSLATE_NOOP("QA", "Too long"),
    "min_gap": QT_TRANSLATE_NOOP("QA", "Gap too small"),
    "chaining": QT_TRANSLATE_NOOP("QA", "Gap could be chained"),
    "overlap": QT_TRANSLATE_NOOP("QA", "Overlap"),
    "unsorted": QT_TRANSLATE_NOOP("QA", "Out of order"),
    # Shot changes (the video's cuts, QAContext.shot_changes): Netflix's Timed Text Style Guide: Subtitle Timing
    # Guidelines, section 2 "Timing to the shot change"; the numbers are the profile's (shot_change_frames,
    # shot_change_gap_frames). No cuts known: these rules find nothing.
    "shot_change_crossed": QT_TRANSLATE_NOOP("QA", "Crosses a shot change"),
    "shot_change_start": QT_TRANSLATE_NOOP("QA", "Start off a shot change"),
    "shot_change_end": QT_TRANSLATE_NOOP("QA", "End off a shot change"),
    "empty_target": QT_TRANSLATE_NOOP("QA", "Untranslated"),
    "han_in_target": QT_TRANSLATE_NOOP("QA", "Chinese characters in translation"),
    "foreign_punctuation": QT_TRANSLATE_NOOP("QA", "Punctuation of another script"),
    "inverted_marks": QT_TRANSLATE_NOOP("QA", "Opening ¿ or ¡ missing"),
    "space_before_punctuation": QT_TRANSLATE_NOOP("QA", "Space missing by punctuation"),
    "quotation_marks": QT_TRANSLATE_NOOP("QA", "Quotation marks"),
    "numbers_missing": QT_TRANSLATE_NOOP("QA", "Numbers missing"),
    "unbalanced_tags": QT_TRANSLATE_NOOP("QA", "Unbalanced tags"),
    "glossary_missing": QT_TRANSLATE_NOOP("QA", "Glossary term not used"),
    "glossary_forbidden": QT_TRANSLATE_NOOP("QA", "Forbidden term"),
    # Where the translation is drawn on the video (QAContext.picture; none: these rules find nothing), with the
    # profile's delivery style and feed (decision 033, editor.core.safe_zones).
    "placement_too_wide": QT_TRANSLATE_NOOP("QA", "Wider than the safe width"),
    "placement_covered": QT_TRANSLATE_NOOP("QA", "Under the feed's interface"),
    "placement_source_band": QT_TRANSLATE_NOOP("QA", "Over the burned-in subtitles"),
    # A source line read from the picture (OCR) that no person has confirmed or fixed (editor.core.source_check).
    "source_unchecked": QT_TRANSLATE_NOOP("QA", "Source not checked"),
}

# Rule id -> message template; the {names} are the keys of QAIssue.params.
MESSAGES: dict[str, str] = {
    "chars_per_line": QT_TRANSLATE_NOOP("QA", "Line {line} has {chars} characters (max {max})"),
    "max_lines": QT_TRANSLATE_NOOP("QA", "{lines} lines (max {max})"),
    "reading_speed": QT_TRANSLATE_NOOP(
        "QA", "Reading speed {cps:.1f} characters per second (max {max:g}), {chars} in {duration_ms} ms"
    ),
    "min_duration": QT_TRANSLATE_NOOP("QA", "Shown for {duration_ms} ms (min {min} ms)"),
    "max_duration": QT_TRANSLATE_NOOP("QA", "Shown for {duration_ms} ms (max {max} ms)"),
    "min_gap": QT_TRANSLATE_NOOP(
        "QA", "Gap to the next subtitle is {gap_frames:.2f} frames, {gap_ms} ms (min {min_frames:g} frames)"
    ),
    "chaining": QT_TRANSLATE_NOOP(
        "QA", "Gap to the next subtitle is {gap_frames:.2f} frames: close it to {close_to_frames:g} frames"
    ),
    "overlap": QT_TRANSLATE_NOOP("QA", "Overlaps subtitle #{next_id} by {overlap_ms} ms"),
    "unsorted": QT_TRANSLATE_NOOP("QA", "Starts before the previous subtitle (#{previous_id})"),
    "shot_change_crossed": QT_TRANSLATE_NOOP("QA", "Stays on screen across the shot change at {cut}"),
    "shot_change_start": QT_TRANSLATE_NOOP(
        "QA", "Starts {frames:g} frames off the shot change at {cut}: start on it, or at least {min_frames:g} frames "
        "away"
    ),
    "shot_change_end": QT_TRANSLATE_NOOP(
        "QA",
        "Ends {frames:g} frames off the shot change at {cut}: end {gap_frames:g} frames before it, or at least "
        "{min_frames:g} frames away",
    ),
    "empty_target": QT_TRANSLATE_NOOP("QA", "The source has no translation"),
    "han_in_target": QT_TRANSLATE_NOOP("QA", "Chinese characters left in the translation: {chars}"),
    "foreign_punctuation": QT_TRANSLATE_NOOP("QA", "Punctuation of another script: {marks} (write {expected})"),
    "inverted_marks": QT_TRANSLATE_NOOP("QA", "Opening {mark} missing in “{sentence}”"),
    "space_before_punctuation": QT_TRANSLATE_NOOP("QA", "A space is missing next to {mark} in “{word}”"),
    "quotation_marks": QT_TRANSLATE_NOOP("QA", "Quotation marks {marks}: this language writes {expected}"),
    "numbers_missing": QT_TRANSLATE_NOOP("QA", "Numbers of the source missing in the translation: {numbers}"),
    "unbalanced_tags": QT_TRANSLATE_NOOP("QA", "Unbalanced tags: {tags}"),
    "glossary_missing": QT_TRANSLATE_NOOP("QA", "Glossary: translate “{source}” as “{target}”"),
    "glossary_forbidden": QT_TRANSLATE_NOOP("QA", "Glossary: “{term}” must not be used"),
    "placement_too_wide": QT_TRANSLATE_NOOP(
        "QA", "Line {line} is {px} px wide at font size {font_px}: wider than the safe width of {max} px"
    ),
    "placement_covered": QT_TRANSLATE_NOOP(
        "QA", "{percent}% of the line is drawn where the {feed} interface covers the picture"
    ),
    "placement_source_band": QT_TRANSLATE_NOOP(
        "QA", "{percent}% of the line is drawn over the subtitles burned into the picture"
    ),
    "source_unchecked": QT_TRANSLATE_NOOP(
        "QA", "Source read from the picture and not checked yet (confidence {confidence:.2f})"
    ),
}

DEFAULT_SEVERITIES: dict[str, str] = {
    "chars_per_line": ERROR,
    "max_lines": ERROR,
    "reading_speed": WARNING,
    "min_duration": WARNING,
    "max_duration": WARNING,
    "min_gap": ERROR,
    "chaining": INFO,
    "overlap": ERROR,
    "unsorted": WARNING,
    "shot_change_crossed": INFO,  # Netflix: avoid it "whenever possible"; dialogue across a cut may need it
    "shot_change_start": WARNING,  # warnings, not errors: the cuts are found by a machine and may be wrong
    "shot_change_end": WARNING,
    "empty_target": WARNING,
    "han_in_target": ERROR,
    "foreign_punctuation": ERROR,
    "inverted_marks": WARNING,
    "space_before_punctuation": WARNING,
    "quotation_marks": WARNING,
    "numbers_missing": WARNING,
    "unbalanced_tags": ERROR,
    "glossary_missing": WARNING,
    "glossary_forbidden": ERROR,
    "placement_too_wide": WARNING,  # warnings: libass still draws the line (wrapped, or partly hidden)
    "placement_covered": WARNING,
    "placement_source_band": WARNING,  # a render that covers the band may mean the translation to sit on it
    "source_unchecked": WARNING,  # a warning never refuses an export or a delivery by itself
}

RULE_ORDER: dict[str, int] = {rule: i for i, rule in enumerate(RULES)}


class QAIssue(NamedTuple):
    """One finding on one cue; `params` hold raw values the UI formats into MESSAGES[rule]. A named tuple:
    immutable like a frozen dataclass, and built ~3 times faster (a season's check makes ~75,000: ~20 ms,
    bench qa, decisions 015 and 021)."""

    rule: str
    cue_id: int
    severity: str
    params: dict[str, Any]


def severity_rank(issue: QAIssue) -> int:
    """Sort key putting the worst first: 0 for an error, 1 a warning, 2 a note, 3 anything else."""
    return SEVERITY_ORDER.get(issue.severity, 3)


def message_params(issue: QAIssue, number_of: Callable[[int], int | None] | None = None) -> dict[str, Any]:
    """The values a message is filled with; `number_of` turns the cue ids it names (overlap, order) into the
    numbers people see (ids and numbers part ways once lines are inserted or deleted)."""
    params = dict(issue.params)
    if number_of is not None:
        for key in ("next_id", "previous_id"):
            if key in params:
                number = number_of(params[key])
                params[key] = params[key] if number is None else number
    return params


def format_issue(issue: QAIssue, number_of: Callable[[int], int | None] | None = None) -> str:
    """English one-line message for the CLI, e.g. "Line 1 has 48 characters (max 42)"; the caller adds
    the cue number, severity and rule as it needs."""
    return MESSAGES[issue.rule].format(**message_params(issue, number_of))
