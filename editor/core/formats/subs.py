"""WebVTT (block reader shared with SRT) and ASS/SSA (read and written through pysubs2)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

from editor.core.formats.comments import COMMENTS_AFTER, COMMENTS_BEFORE, comment_list
from editor.core.formats.model import ParsedCue, Problem, SubtitleError, label
from editor.core.formats.srt import check_order, is_timing, read_cue_lines, shown, split_lines, text_lines
from editor.core.timecode import format_clock

if TYPE_CHECKING:
    import pysubs2

Cue = tuple[int, int, str, dict[str, str]]
_VTT_HEADER_BLOCKS = ("NOTE", "STYLE", "REGION")
_ASS_META_INTS = ("layer", "marginl", "marginr", "marginv")
_ASS_MAX_MS = 10 * 3600 * 1000 - 10  # pysubs2 would clamp later times with only a warning


def read_vtt(text: str) -> tuple[list[ParsedCue], list[Problem], str]:
    """Cues, problems and header (WEBVTT line, metadata, STYLE/REGION/NOTE blocks before the first cue)."""
    lines = split_lines(text)
    problems: list[Problem] = []
    if lines[0].startswith("WEBVTT"):
        first = 1
        while first < len(lines) and lines[first].strip() and not is_timing(lines[first]):
            first += 1
        header_end = _vtt_header_end(lines, first)
        header = "\n".join(lines[:header_end]).rstrip() + "\n"
    else:
        problems.append(Problem(1, "bad_header", f"{shown(lines[0])} should be 'WEBVTT'"))
        first, header = 0, ""
    cues, found = read_cue_lines(lines, first, vtt=True)
    problems.extend(found)
    check_order(cues, problems)
    return cues, problems, header


def _vtt_header_end(lines: Sequence[str], i: int) -> int:
    """Index of the line after the last STYLE/REGION/NOTE block that comes before any cue. A timing line ends
    a block even without a blank line before it (as the WebVTT spec says of any line holding "-->"): that cue,
    and the identifier line right above it, are not part of the header."""
    end = i
    while True:
        while i < len(lines) and not lines[i].strip():
            i += 1
        words = lines[i].split(None, 1) if i < len(lines) else []
        if not words or words[0] not in _VTT_HEADER_BLOCKS:
            return end
        first = i
        i += 1
        while i < len(lines) and lines[i].strip():
            if is_timing(lines[i]):
                return i - 1 if i - 1 > first else i
            i += 1
        end = i


def render_vtt(cues: Sequence[Cue], header: str = "") -> str:
    """WebVTT text; a header that starts with WEBVTT is kept, identifiers and cue settings are written."""
    out = [header.rstrip() if header.startswith("WEBVTT") else "WEBVTT", ""]
    for start, end, text, meta in cues:
        ident = " ".join(split_lines(meta.get("identifier", ""))).strip()
        # An identifier cannot hold "-->" nor start like a NOTE/STYLE/REGION block: such ones are left out.
        if ident and "-->" not in ident and ident.split()[0] not in _VTT_HEADER_BLOCKS:
            out.append(ident)
        timing = f"{format_clock(start, '.')} --> {format_clock(end, '.')}"
        settings = " ".join(meta.get("settings", "").split())
        out.append(f"{timing} {settings}" if settings else timing)
        body = text_lines(text)
        if body:
            out.append(body)
        out.append("")
    return "\n".join(out)


def read_ass(text: str, fmt: str, name: str = "") -> tuple[list[ParsedCue], list[Problem], str, str]:
    """Dialogue events as cues, problems, the script before [Events] and the sections after it.

    Comment events are not cues: each travels in the meta of the next cue (`COMMENTS_BEFORE`), those after
    the last one in its `COMMENTS_AFTER`, so an export writes them back where they were."""
    import pysubs2  # on use: ASS/SSA is rarer than SRT, and it costs ~15-25 ms at each start (bench apps, decision 021)

    lines = split_lines(text)
    events_at = next((i for i, line in enumerate(lines) if line.strip().lower() == "[events]"), None)
    if events_at is None:
        raise SubtitleError(f"{label(name)} has no [Events] section, so it holds no subtitles.", "no_cues")
    header = "\n".join(lines[:events_at]).rstrip() + "\n\n"
    events_end = next((i for i in range(events_at + 1, len(lines)) if _is_section(lines[i])), len(lines))
    footer = "\n".join(lines[events_end:]).strip()
    footer = footer + "\n" if footer else ""
    problems: list[Problem] = []
    kept, numbers = ["[Events]"], []
    standard = _EVENT_FIELDS[fmt]
    order = standard  # the script's own Format line may name fewer fields, or another order
    for i in range(events_at + 1, events_end):
        stripped = lines[i].strip()
        kind, _, rest = stripped.partition(":")
        if kind == "Format":
            order = _format_fields(rest, standard, i + 1, name)
            continue
        if kind not in ("Dialogue", "Comment"):
            continue
        fields = rest.strip().split(",", len(order) - 1)
        if order is not standard:  # pysubs2 reads events in the standard order only: put them in it
            named = dict(zip(order, fields, strict=False))
            fields = [named.get(field, _EVENT_DEFAULTS.get(field, "")) for field in standard]
            stripped = f"{kind}: " + ",".join(fields)
        bad = next((f for f in fields[1:3] if not _ass_time_ok(f)), None) if len(fields) >= 3 else rest
        if bad is not None:
            problems.append(Problem(i + 1, "bad_timestamp", f"{shown(bad)} is not a valid time; event skipped"))
            continue
        kept.append(stripped)
        numbers.append(i + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pysubs2 warns and uses 0 for unreadable layers and margins
            subs = pysubs2.SSAFile.from_string("[Script Info]\n\n" + "\n".join(kept) + "\n", format_=fmt)
    except Exception as error:  # pysubs2 raises assorted types; never let one reach the user as a traceback
        message = f"{label(name)} is not a readable {fmt.upper()} script ({error})."
        raise SubtitleError(message, "bad_format") from None
    cues: list[ParsedCue] = []
    comments: list[dict[str, object]] = []
    for event, number in zip(subs.events, numbers, strict=True):
        if event.type != "Dialogue":
            comments.append(_comment_fields(event))
            continue
        start, end = max(0, event.start), max(0, event.end)
        if end < start:
            problems.append(Problem(number, "end_before_start", "the event ends before it starts; its end was "
                                    "set to its start"))
            end = start
        meta = {"style": event.style, "name": event.name, "effect": event.effect}
        meta.update({key: str(getattr(event, key)) for key in _ASS_META_INTS})
        if comments:
            meta[COMMENTS_BEFORE], comments = json.dumps(comments, ensure_ascii=False), []
        body = event.text.replace("\\N", "\n").replace("\\n", "\n")
        cues.append(ParsedCue(start, end, body, number, meta))
    if comments and cues:
        cues[-1] = cues[-1]._replace(meta={**cues[-1].meta, COMMENTS_AFTER: json.dumps(comments, ensure_ascii=False)})
    return cues, problems, header, footer


_EVENT_FIELDS: dict[str, tuple[str, ...]] = {
    "ass": ("layer", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text"),
    "ssa": ("marked", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text"),
}
_EVENT_DEFAULTS = {"layer": "0", "marked": "Marked=0", "style": "Default", "marginl": "0", "marginr": "0",
                   "marginv": "0"}
_FIELD_ALIASES = {"actor": "name"}  # what older Aegisub versions call the speaker


def _format_fields(rest: str, standard: tuple[str, ...], number: int, name: str) -> tuple[str, ...]:
    """The event fields a script's `Format:` line names, in its order (the standard tuple when the same)."""
    order = tuple(_FIELD_ALIASES.get(f, f) for f in (part.strip().lower() for part in rest.split(",")))
    if order == standard:
        return standard
    if order[-1:] != ("text",) or "start" not in order or "end" not in order or len(set(order)) < len(order):
        raise SubtitleError(f"{label(name)}: the [Events] Format line (line {number}) must name Start and End "
                            "once each and end with Text.", "bad_format")
    return order


def _is_section(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("[") and stripped.endswith("]") and len(stripped) > 2


def _comment_fields(event: pysubs2.SSAEvent) -> dict[str, object]:
    fields: dict[str, object] = {"start": event.start, "end": event.end, "style": event.style,
                                 "name": event.name, "effect": event.effect, "text": event.text}
    fields.update({key: getattr(event, key) for key in _ASS_META_INTS})
    return fields


def _ass_time_ok(field: str) -> bool:
    """The test pysubs2 itself applies to event times (so its parser will not raise on them)."""
    from pysubs2.time import TIMESTAMP, TIMESTAMP_SHORT

    value = field.strip().removeprefix("-")
    return bool(TIMESTAMP.match(value) or TIMESTAMP_SHORT.match(value))


def render_ass(cues: Sequence[Cue], fmt: str, header: str = "", footer: str = "") -> str:
    """ASS/SSA text from pysubs2; a header of the same kind is kept verbatim, another kind is converted.
    Comment events kept in the cues' meta are written back around them; `footer` (the sections that came
    after [Events]) follows the events when the header is of the same kind."""
    import pysubs2

    kind = _header_kind(header)
    subs = pysubs2.SSAFile()
    if header.strip() and kind != fmt:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                parsed = pysubs2.SSAFile.from_string(header.rstrip() + "\n\n[Events]\n", format_=kind or fmt)
            subs.info.update(parsed.info)
            subs.styles.update(parsed.styles)
        except Exception:  # an unreadable header: fall back to pysubs2's default script info and style
            pass
    for start, end, text, meta in cues:
        if end > _ASS_MAX_MS:
            raise SubtitleError(f"{fmt.upper()} times stop at 9:59:59.99; a cue ends at {format_clock(end)}.",
                                "out_of_range")
        subs.events.extend(_comment_events(meta.get(COMMENTS_BEFORE)))
        subs.events.append(_with_ints(pysubs2.SSAEvent(
            start=start, end=end, text="\\N".join(split_lines(text)),
            style=_field(meta.get("style")) or "Default", name=_field(meta.get("name")),
            effect=_field(meta.get("effect")),
        ), {key: _int(meta.get(key)) for key in _ASS_META_INTS}))
        subs.events.extend(_comment_events(meta.get(COMMENTS_AFTER)))
    out = subs.to_string(fmt)
    if kind == fmt:
        out = header.rstrip() + "\n\n" + out[out.index("[Events]"):]
        if footer.strip():
            out = out.rstrip("\n") + "\n\n" + footer.strip("\n") + "\n"
    return out


def _comment_events(kept: str | None) -> list[pysubs2.SSAEvent]:
    """Comment events from a cue's meta; a value no reader wrote (edited by hand, damaged) gives none."""
    import pysubs2

    events = []
    for item in comment_list(kept):
        if not isinstance(item, dict):
            continue
        start, end = _int(str(item.get("start", 0))), _int(str(item.get("end", 0)))
        events.append(_with_ints(pysubs2.SSAEvent(
            type="Comment", start=max(0, start), end=max(0, start, end), text=_field_text(item.get("text")),
            style=_field(str(item.get("style") or "")) or "Default", name=_field(str(item.get("name") or "")),
            effect=_field(str(item.get("effect") or "")),
        ), {key: _int(str(item.get(key, 0))) for key in _ASS_META_INTS}))
    return events


def _with_ints(event: pysubs2.SSAEvent, values: dict[str, int]) -> pysubs2.SSAEvent:
    """The event with its layer and margins (`_ASS_META_INTS`) set from `values`."""
    for key in _ASS_META_INTS:
        setattr(event, key, values[key])
    return event


def _field_text(value: object) -> str:
    """An event's text on one line (as the file had it; "\\N" marks its breaks)."""
    return " ".join(split_lines(value)) if isinstance(value, str) else ""


def _header_kind(header: str) -> str | None:
    """"ass" or "ssa" by the styles section, else by ScriptType (a script may have no styles); else None."""
    lowered = header.lower()
    if "[v4+ styles]" in lowered:
        return "ass"
    if "[v4 styles]" in lowered:
        return "ssa"
    for line in split_lines(lowered):
        key, _, value = line.partition(":")
        if key.strip() == "scripttype":
            return {"v4.00+": "ass", "v4.00": "ssa"}.get(value.strip())
    return None


def _field(value: str | None) -> str:
    """A value safe inside a comma-separated event line."""
    return " ".join(split_lines(value or "")).replace(",", ";")


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
