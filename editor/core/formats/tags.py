r"""Markup carried across subtitle formats on export: converted where the target has an equivalent, else left
out and reported. Same format in and out (ASS and SSA count as one): nothing is touched.

What each piece of markup in a text becomes (S = SubRip, V = WebVTT, A = ASS/SSA; "-" = left out, reported).
Drawn from what players and converters do: VLC's SRT decoder, ffmpeg's html->ASS, srt and webvtt encoders,
libass, Subtitle Edit's WebVTT writer and pysubs2.

    in the text                   -> S                        -> V                             -> A
    <i> <b> <u>                      kept                        kept                             {\i1}..{\i0} ...
    <s>                              kept                        -                                {\s1}..{\s0}
    <font color="#rrggbb"|red>       <font color="#rrggbb">      <c.red> (the spec's 8 colour     {\c&HBBGGRR&}..{\c}
                                                                 classes), else <c.colorrrggbb>
                                                                 with a STYLE rule for it
    <font face=.. size=..>           kept                        -                                {\fnFace} {\fsN}
    <c.red> <c.colorrrggbb>          <font color=..>             kept                             {\c&HBBGGRR&}
    <c.other> <v Bob> <lang en>      - (their text stays)        kept                             - (text stays)
      <ruby> <rt>
    <span>, a closed unknown <x>     -                           -                                -
    <00:00:01.000> (karaoke)         -                           kept                             -
    <br>, \N, \n                     line break                  line break                       \N, kept
    \h                               U+00A0                      U+00A0                           kept
    {\i1} {\b1} {\u1} {\s1}, ..0     <i> <b> <u> <s>             <i> <b> <u>; \s -                kept
    {\c&HBBGGRR&} {\1c&H..&} {\c}    <font color="#rrggbb">      <c.class>                        kept
    {\fnX} {\fsN}                    <font face=.. / size=..>    -                                kept
    {\anN} {\aN} (the first counts)  {\anN} starting the text    cue settings line: position:     kept
                                                                 align: (replacing those three)
    {\r}                             ends every tag              ends every tag                   kept
    {\p1}drawing{\p0}                - (the drawing too)         - (the drawing too)              kept
    {\pos} {\fad} {\k} {\3c} {\t}..  -                           -                                kept
    {comment} (no backslash)         -                           -                                kept
    V settings line: position: align:  {\anN} (none for bottom centre, every format's default)
    V settings vertical: size: region: -
    V entities &amp; &lt; &nbsp; ..   decoded                                                   decoded
    & < > in plain text              kept                        &amp; &lt; &gt;                  kept

HTML-like tags are matched case-insensitively and re-nested on output (a tag closed out of order is closed
and reopened around it), so every written text is balanced. An unknown <x> counts as a tag only when </x>
follows (as in VLC); otherwise it is text."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from editor.core.review import QT_TRANSLATE_NOOP

Row = tuple[int, int, str, dict[str, str]]

NO_EQUIVALENT = "no_equivalent"
COMMENT = "comment"
UNREADABLE = "unreadable"
CLOSES_NOTHING = "closes_nothing"

# Reason -> sentence for a person; {line} is the line number the caller shows, {format} the target's name.
DROP_REASONS: dict[str, str] = {
    NO_EQUIVALENT: QT_TRANSLATE_NOOP("Export", "line {line}: {tag} was left out: {format} has nothing like it."),
    COMMENT: QT_TRANSLATE_NOOP("Export", "line {line}: the comment {tag} was left out: {format} has no comments "
                               "inside a subtitle."),
    UNREADABLE: QT_TRANSLATE_NOOP("Export", "line {line}: {tag} was left out: its value cannot be read."),
    CLOSES_NOTHING: QT_TRANSLATE_NOOP("Export", "line {line}: {tag} was left out: it closes no tag."),
}
FORMAT_NAMES = {"srt": "SubRip (SRT)", "vtt": "WebVTT", "ass": "ASS", "ssa": "SSA"}
_FAMILY = {"srt": "srt", "vtt": "vtt", "ass": "ass", "ssa": "ass"}


@dataclass(frozen=True, slots=True)
class DroppedTag:
    """Markup an export left out: `row` indexes the cues given (from 0), `tag` is the markup as written,
    `reason` a key of DROP_REASONS."""

    row: int
    tag: str
    reason: str


def dropped_message(item: DroppedTag, line: int, format: str) -> str:
    """The English sentence for a left-out tag; the UI fills the translated DROP_REASONS template instead."""
    return DROP_REASONS[item.reason].format(line=line, tag=item.tag, format=FORMAT_NAMES.get(format, format))


class CueMarkup(NamedTuple):
    """One cue's text converted, its WebVTT cue settings, what was left out (tag, reason), and the colours
    without a default WebVTT class (each needs a STYLE rule)."""

    text: str
    settings: str
    dropped: list[tuple[str, str]]
    colours: list[str]


def same_markup(source: str, target: str) -> bool:
    """True when texts written for `source` need no conversion to be written as `target`."""
    return _FAMILY[source] == _FAMILY[target]


def convert_rows(rows: Sequence[Row], source: str, target: str) -> tuple[list[Row], list[DroppedTag], list[str]]:
    """Rows with their markup converted from `source` to `target`, what was left out, and the colours the
    WebVTT STYLE block must define (see vtt_header_with_colours)."""
    if same_markup(source, target):
        return list(rows), [], []
    out: list[Row] = []
    dropped: list[DroppedTag] = []
    colours: dict[str, None] = {}
    for index, (start, end, text, meta) in enumerate(rows):
        converted = convert_markup(text, source, target, meta.get("settings", ""))
        if _FAMILY[target] == "vtt" and converted.settings != meta.get("settings", ""):
            meta = {**meta, "settings": converted.settings}
        out.append((start, end, converted.text, meta))
        dropped.extend(DroppedTag(index, tag, reason) for tag, reason in converted.dropped)
        colours.update(dict.fromkeys(converted.colours))
    return out, dropped, list(colours)


def vtt_header_with_colours(header: str, colours: Sequence[str]) -> str:
    """A WebVTT header with a STYLE block giving each `colorrrggbb` class its colour (none: header unchanged)."""
    if not colours:
        return header
    base = header.rstrip() if header.startswith("WEBVTT") else "WEBVTT"
    rules = "\n".join(f"::cue(.{_colour_class(c)}) {{ color: #{c}; }}" for c in colours)
    return f"{base}\n\nSTYLE\n{rules}\n"


def convert_markup(text: str, source: str, target: str, settings: str = "") -> CueMarkup:
    """A cue's text (and, for WebVTT, cue settings) written for `source`, converted for `target`."""
    src, dst = _FAMILY[source], _FAMILY[target]
    if src == dst:
        return CueMarkup(text, settings, [], [])
    writer: _Writer = _AssWriter() if dst == "ass" else _HtmlWriter(dst)
    if src == "vtt":
        writer.read_cue_settings(settings)
    if _MARKUP.search(text) is None:
        writer.text(text)
    else:
        _feed(writer, text, decode=src == "vtt")
    return CueMarkup(writer.finish(), writer.settings(settings), writer.dropped, writer.colours)


_MARKUP = re.compile(r"[<>{}\\&]")  # a text with none of these has nothing to convert
_TOKEN = re.compile(
    r"(?P<block>\{[^{}\n]*\})"
    r"|\\(?P<esc>[Nnh])"
    r"|(?P<stamp><(?:\d+:)?[0-5]\d:[0-5]\d\.\d{3}>)"
    r"|<\s*/\s*(?P<close>[A-Za-z][A-Za-z0-9]*)\s*>"
    r"|<(?P<open>[A-Za-z][A-Za-z0-9]*)(?P<classes>(?:\.[^\s.<>/]+)*)(?:[ \t]+(?P<annotation>[^<>\n]*?))?\s*/?>"
    r"|(?P<newline>\n)"
)
_KNOWN_TAGS = frozenset({"i", "b", "u", "s", "font", "c", "v", "lang", "ruby", "rt", "span", "br"})


def _feed(writer: _Writer, text: str, *, decode: bool) -> None:
    """Tokenise `text` into the writer's calls; `decode` turns WebVTT character references into characters."""
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            plain = text[pos:match.start()]
            writer.text(html.unescape(plain) if decode else plain)
        pos = match.end()
        raw = match.group()
        kind = match.lastgroup
        if kind == "block":
            writer.block(raw)
        elif kind == "esc":
            writer.escape(raw)
        elif kind == "stamp":
            writer.stamp(raw)
        elif kind == "newline":
            writer.line_break(raw)
        elif kind == "close":
            writer.close_tag(match.group("close").lower(), raw)
        else:
            name = match.group("open").lower()
            if name in _KNOWN_TAGS or re.search(rf"<\s*/\s*{name}\s*>", text[pos:], re.IGNORECASE):
                writer.open_tag(name, match.group("classes"), match.group("annotation") or "", raw)
            else:
                writer.text(raw)  # "<3 words>" with no closing tag is text, as VLC shows it
    if pos < len(text):
        writer.text(html.unescape(text[pos:]) if decode else text[pos:])


@dataclass(frozen=True, eq=True)
class _Span:
    """A formatting in effect: i, b, u, s, font (attrs: color rrggbb, face, size) or, for WebVTT, a native
    tag written as it was (raw)."""

    kind: str
    attrs: tuple[tuple[str, str], ...] = ()
    raw: str = ""

    def get(self, key: str) -> str | None:
        return dict(self.attrs).get(key)

    def without(self, key: str) -> _Span | None:
        """This span with attribute `key` removed; None when nothing would be left of it."""
        if self.kind != "font" or self.get(key) is None:
            return self
        attrs = tuple(item for item in self.attrs if item[0] != key)
        return replace(self, attrs=attrs) if attrs else None


_FLAGS = ("i", "b", "u", "s")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[^\S\n]*\n)+")
_FONT_KEYS = ("color", "face", "size")


class _Writer:
    """Converts one cue's markup token by token; subclasses write the target's markup."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.out: list[str] = []
        self.spans: list[_Span] = []  # in effect now, outermost first
        self.opened: list[tuple[str, _Span | None]] = []  # HTML-like tags open in the source, with their span
        self.align: int | None = None
        self.drawing = False  # inside {\p1}..{\p0}: the text is an ASS drawing
        self.dropped: list[tuple[str, str]] = []
        self.colours: list[str] = []

    # -- what the subclasses write
    def text(self, plain: str) -> None:
        raise NotImplementedError

    def line_break(self, raw: str) -> None:
        raise NotImplementedError

    def escape(self, raw: str) -> None:
        raise NotImplementedError

    def block(self, raw: str) -> None:
        raise NotImplementedError

    def stamp(self, raw: str) -> None:
        self.drop(raw)

    def admit(self, span: _Span, raw: str) -> _Span | None:
        return span

    def finish(self) -> str:
        raise NotImplementedError

    def settings(self, settings: str) -> str:
        return settings

    # -- shared
    def drop(self, tag: str, reason: str = NO_EQUIVALENT) -> None:
        self.dropped.append((tag, reason))

    def set_align(self, number: int) -> None:
        if self.align is None:  # as in libass and VSFilter, the first alignment of a line counts
            self.align = number

    def read_cue_settings(self, settings: str) -> None:
        """WebVTT cue settings as an alignment; the settings no other format has are reported."""
        values = _settings_dict(settings)
        for key in ("vertical", "size", "region"):
            if key in values:
                self.drop(f"{key}:{values[key]}")
        number = _alignment_from_settings(values)
        if number is not None and number != 2:
            self.set_align(number)

    def open_tag(self, name: str, classes: str, annotation: str, raw: str) -> None:
        if name == "br":
            self.line_break(raw)
            return
        span = self._span_for(name, classes, annotation, raw)
        self.opened.append((name, span))
        if span is not None:
            self.spans.append(span)

    def close_tag(self, name: str, raw: str) -> None:
        for k in range(len(self.opened) - 1, -1, -1):
            if self.opened[k][0] == name:
                span = self.opened.pop(k)[1]
                # The span may be gone already: ended by {\r}, or changed by an override such as {\c}.
                self.spans = [s for s in self.spans if s is not span]
                return
        if name in _KNOWN_TAGS:
            self.drop(raw, CLOSES_NOTHING)
        else:
            self.text(raw)

    def _span_for(self, name: str, classes: str, annotation: str, raw: str) -> _Span | None:
        if name in _FLAGS:
            return self.admit(_Span(name), raw)
        if name == "font":
            attrs = _font_attributes(annotation, self.drop)
            return self.admit(_Span("font", attrs), raw) if attrs else None
        if self.target == "vtt" and name in ("c", "v", "lang", "ruby", "rt"):
            return _Span("raw", (("name", name),), raw)
        if name == "c":
            return self._class_colour(classes, raw)
        self.drop(raw)
        return None

    def _class_colour(self, classes: str, raw: str) -> _Span | None:
        """<c.red.loud>: a colour class becomes a colour, the other classes are reported."""
        colour = None
        for name in filter(None, classes.split(".")):
            found = _VTT_CLASS_COLOURS.get(name.lower()) or _class_hex(name)
            if found is not None and colour is None:
                colour = found
            else:
                self.drop(f"<c.{name}>")
        return self.admit(_Span("font", (("color", colour),)), raw) if colour is not None else None

    def override(self, tag: str) -> None:
        """One ASS override tag (without its backslash) applied to the spans in effect."""
        raw = "\\" + tag
        body = tag.strip()
        if match := _ASS_FLAG.fullmatch(body):
            name, value = match.group(1), match.group(2)
            self._set_flag(name, _flag_on(name, value), raw)
        elif match := _ASS_COLOUR.fullmatch(body):
            digits = match.group(1)
            self._set_font("color", _ass_colour(digits) if digits else None, raw)
        elif body.startswith("fn"):
            self._set_font("face", _clean(body[2:]) or None, raw)
        elif match := _ASS_SIZE.fullmatch(body):
            self._set_font("size", match.group(1), raw)
        elif match := _ASS_ALIGN.fullmatch(body):
            number = int(match.group(2))
            number = (number if 1 <= number <= 9 else 0) if match.group(1) == "an" else _LEGACY_ALIGN.get(number, 0)
            if number:
                self.set_align(number)
            else:
                self.drop(raw, UNREADABLE)
        elif match := _ASS_DRAWING.fullmatch(body):
            self.drawing = int(match.group(1)) > 0  # drawing commands ("m 0 0 l ...") are a shape, not text
            if self.drawing:
                self.drop(raw)
        elif body.startswith("r"):
            if body[1:].strip():
                self.drop(raw)  # another style's look has no equivalent; its reset of every tag does
            self.spans = []
        else:
            self.drop(raw)

    def _set_flag(self, name: str, on: bool, raw: str) -> None:
        if not on:
            self.spans = [s for s in self.spans if s.kind != name]
        elif all(s.kind != name for s in self.spans) and (span := self.admit(_Span(name), raw)) is not None:
            self.spans.append(span)

    def _set_font(self, key: str, value: str | None, raw: str) -> None:
        self.spans = [kept for s in self.spans if (kept := s.without(key)) is not None]
        if value is not None and (span := self.admit(_Span("font", ((key, value),)), raw)) is not None:
            self.spans.append(span)

    def ass_block(self, raw: str) -> None:
        """An override block read as tags: a comment part is reported, each tag applied."""
        head, tags = _split_overrides(raw[1:-1])
        if head.strip():
            self.drop("{" + head + "}", COMMENT)
        for tag in tags:
            self.override(tag)


class _HtmlWriter(_Writer):
    """SubRip or WebVTT: HTML-like spans, re-nested so that every tag is closed in order."""

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.shown: list[_Span] = []  # spans open in the output

    def text(self, plain: str) -> None:
        if self.drawing:
            return
        self.sync()
        if self.target == "vtt":
            plain = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        self.out.append(plain)

    def line_break(self, raw: str) -> None:
        self.sync()
        self.out.append("\n")

    def escape(self, raw: str) -> None:
        if raw == "\\h":
            self.text("\u00a0")
        else:
            self.line_break(raw)

    def block(self, raw: str) -> None:
        self.ass_block(raw)

    def stamp(self, raw: str) -> None:
        if self.target == "vtt":
            self.sync()
            self.out.append(raw)
        else:
            self.drop(raw)

    def admit(self, span: _Span, raw: str) -> _Span | None:
        if self.target == "srt":
            return span
        if span.kind == "s":
            self.drop(raw)
            return None
        if span.kind != "font":
            return span
        colour = span.get("color")
        others = [(key, value) for key, value in span.attrs if key != "color"]
        if colour is None:
            self.drop(raw)
            return None
        for key, value in others:
            self.drop(f'{key}="{value}"')
        return _Span("font", (("color", colour),))

    def sync(self) -> None:
        """Close the output's spans that are no longer in effect (and those inside them), open the new ones."""
        keep = 0
        while keep < min(len(self.shown), len(self.spans)) and self.shown[keep] == self.spans[keep]:
            keep += 1
        self.out.extend(self._closing(span) for span in reversed(self.shown[keep:]))
        self.out.extend(self._opening(span) for span in self.spans[keep:])
        self.shown = list(self.spans)

    def _opening(self, span: _Span) -> str:
        if span.kind in _FLAGS:
            return f"<{span.kind}>"
        if span.kind == "raw":
            return span.raw
        if self.target == "vtt":
            colour = span.get("color") or ""
            if colour not in _DEFAULT_CLASSES and colour not in self.colours:
                self.colours.append(colour)
            return f"<c.{_colour_class(colour)}>"
        parts = [f'{key}="#{value}"' if key == "color" else f'{key}="{value}"' for key, value in span.attrs]
        return "<font " + " ".join(parts) + ">"

    def _closing(self, span: _Span) -> str:
        if span.kind == "raw":
            return f"</{span.get('name')}>"
        if span.kind == "font":
            return "</c>" if self.target == "vtt" else "</font>"
        return f"</{span.kind}>"

    def finish(self) -> str:
        self.spans = []
        self.sync()
        text = "".join(self.out)
        if self.target == "srt" and self.align is not None:
            # On the first line with text: a line holding only the tag would be shown as an empty line.
            text = f"{{\\an{self.align}}}" + _LEADING_BLANK_LINES.sub("", text)
        return text

    def settings(self, settings: str) -> str:
        if self.target != "vtt" or self.align is None:
            return settings
        values = {k: v for k, v in _settings_dict(settings).items() if k not in ("line", "position", "align")}
        values.update(_VTT_ALIGN_SETTINGS[self.align])
        return " ".join(f"{key}:{value}" for key, value in values.items())


class _AssWriter(_Writer):
    """ASS/SSA: spans become override tags; ASS markup already in the text is kept as it is."""

    def __init__(self) -> None:
        super().__init__("ass")
        self.shown: dict[str, object] = _ass_state([])

    def text(self, plain: str) -> None:
        self.sync()
        self.out.append(plain)

    def line_break(self, raw: str) -> None:
        self.sync()
        self.out.append("\n")

    def escape(self, raw: str) -> None:
        self.sync()
        self.out.append(raw)

    def block(self, raw: str) -> None:
        self.sync()
        self.out.append(raw)

    def sync(self) -> None:
        want = _ass_state(self.spans)
        changes = "".join(_ass_tag(key, want[key]) for key in want if want[key] != self.shown[key])
        if changes:
            self.out.append("{" + changes + "}")
        self.shown = want

    def finish(self) -> str:
        self.sync()
        text = "".join(self.out)
        return f"{{\\an{self.align}}}" + text if self.align is not None else text


def _ass_state(spans: Sequence[_Span]) -> dict[str, object]:
    """The look a list of spans gives: flags on or off, the innermost colour, face and size."""
    state: dict[str, object] = {flag: any(s.kind == flag for s in spans) for flag in _FLAGS}
    for key in _FONT_KEYS:
        state[key] = next((value for s in reversed(spans) if (value := s.get(key)) is not None), None)
    return state


def _ass_tag(key: str, value: object) -> str:
    if key in _FLAGS:
        return f"\\{key}{int(bool(value))}"
    if key == "color":
        if value is None:
            return "\\c"
        rgb = str(value).upper()
        return f"\\c&H{rgb[4:6]}{rgb[2:4]}{rgb[0:2]}&"
    return f"\\{'fn' if key == 'face' else 'fs'}{value if value is not None else ''}"


# -- ASS override tags
_ASS_FLAG = re.compile(r"([ibus])\s*(\d*)")
_ASS_COLOUR = re.compile(r"1?c\s*(?:&?[Hh]?([0-9A-Fa-f]{1,8})&?)?")
_ASS_SIZE = re.compile(r"fs\s*(\d+(?:\.\d+)?)?")
_ASS_ALIGN = re.compile(r"(an|a)\s*(\d+)")
_ASS_DRAWING = re.compile(r"p\s*(\d+)")
_LEGACY_ALIGN = {1: 1, 2: 2, 3: 3, 5: 7, 6: 8, 7: 9, 9: 4, 10: 5, 11: 6}  # SSA's {\aN} numbering


def _split_overrides(content: str) -> tuple[str, list[str]]:
    """The text before the first backslash of an override block (a comment) and its tags; a backslash inside
    parentheses, as in \\t(0,500,\\fs30), belongs to its tag."""
    head, _, rest = content.partition("\\")
    if not _:
        return head, []
    tags, current, depth = [], "", 0
    for ch in rest:
        if ch == "\\" and depth == 0:
            tags.append(current)
            current = ""
            continue
        depth += (ch == "(") - (ch == ")" and depth > 0)
        current += ch
    tags.append(current)
    return head, [tag for tag in tags if tag.strip()]


def _flag_on(name: str, value: str) -> bool:
    number = int(value) if value else 0
    return number == 1 or number >= 700 if name == "b" else number != 0


def _ass_colour(digits: str) -> str:
    """rrggbb of an ASS colour (&HBBGGRR&, alpha ignored)."""
    value = int(digits, 16) & 0xFFFFFF
    return f"{value & 0xFF:02x}{(value >> 8) & 0xFF:02x}{value >> 16:02x}"


def _clean(value: str) -> str:
    """A font name or size safe inside a tag of any format."""
    return re.sub(r'[{}\\<>"]', "", value).strip()


# -- HTML-like colours and WebVTT classes
_NAMED_COLOURS = {
    "black": "000000", "white": "ffffff", "red": "ff0000", "lime": "00ff00", "green": "008000",
    "blue": "0000ff", "yellow": "ffff00", "cyan": "00ffff", "aqua": "00ffff", "magenta": "ff00ff",
    "fuchsia": "ff00ff", "silver": "c0c0c0", "gray": "808080", "grey": "808080", "maroon": "800000",
    "olive": "808000", "purple": "800080", "teal": "008080", "navy": "000080", "orange": "ffa500",
    "pink": "ffc0cb", "brown": "a52a2a", "gold": "ffd700", "violet": "ee82ee",
}
_VTT_DEFAULT_CLASSES = ("white", "lime", "cyan", "red", "yellow", "magenta", "blue", "black")  # WebVTT spec
_VTT_CLASS_COLOURS = {name: _NAMED_COLOURS[name] for name in _VTT_DEFAULT_CLASSES}
_DEFAULT_CLASSES = {rgb: name for name, rgb in _VTT_CLASS_COLOURS.items()}
_HEX_CLASS = re.compile(r"color([0-9a-fA-F]{6})")  # Subtitle Edit's name for a colour with no default class
_FONT_ATTRIBUTE = re.compile(r"""([A-Za-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")


def _class_hex(name: str) -> str | None:
    match = _HEX_CLASS.fullmatch(name)
    return match.group(1).lower() if match else None


def _colour_class(rgb: str) -> str:
    return _DEFAULT_CLASSES.get(rgb) or f"color{rgb}"


def _html_colour(value: str) -> str | None:
    """rrggbb of an HTML colour: a name, #rrggbb, #rgb or rrggbb."""
    value = value.strip().lower()
    if value in _NAMED_COLOURS:
        return _NAMED_COLOURS[value]
    digits = value.removeprefix("#")
    if re.fullmatch(r"[0-9a-f]{6}", digits):
        return digits
    if value.startswith("#") and re.fullmatch(r"[0-9a-f]{3}", digits):
        return "".join(ch * 2 for ch in digits)
    return None


def _font_attributes(annotation: str, report: Callable[[str, str], None]) -> tuple[tuple[str, str], ...]:
    """(key, value) pairs of a <font> tag that other formats can hold; the rest goes to `report`."""
    attrs: dict[str, str] = {}
    for match in _FONT_ATTRIBUTE.finditer(annotation):
        key = match.group(1).lower()
        value = next(v for v in match.groups()[1:] if v is not None)
        shown = f'{key}="{value}"'
        if key == "color":
            rgb = _html_colour(value)
            if rgb is None:
                report(shown, UNREADABLE)
            else:
                attrs["color"] = rgb
        elif key == "face" and _clean(value):
            attrs["face"] = _clean(value)
        elif key == "size" and re.fullmatch(r"\s*\d+\s*", value):
            attrs["size"] = value.strip()
        else:
            report(shown, UNREADABLE if key in ("face", "size") else NO_EQUIVALENT)
    return tuple((key, attrs[key]) for key in _FONT_KEYS if key in attrs)


# -- WebVTT cue settings <-> ASS alignment (numpad: 7 8 9 top, 4 5 6 middle, 1 2 3 bottom)
_VTT_ROWS = {"top": {"line": "0"}, "middle": {"line": "50%,center"}, "bottom": {}}
_VTT_COLUMNS = {"left": {"position": "10%", "align": "left"}, "centre": {},
                "right": {"position": "90%", "align": "right"}}
_VTT_ALIGN_SETTINGS = {
    number: {**_VTT_ROWS[row], **_VTT_COLUMNS[column]}
    for number, (row, column) in {
        1: ("bottom", "left"), 2: ("bottom", "centre"), 3: ("bottom", "right"),
        4: ("middle", "left"), 5: ("middle", "centre"), 6: ("middle", "right"),
        7: ("top", "left"), 8: ("top", "centre"), 9: ("top", "right"),
    }.items()
}


def _settings_dict(settings: str) -> dict[str, str]:
    """WebVTT cue settings by name, in their order."""
    return {key: value for key, _, value in (part.partition(":") for part in settings.split() if ":" in part)}


def _alignment_from_settings(values: dict[str, str]) -> int | None:
    """The numpad alignment WebVTT cue settings come closest to; None when they place nothing."""
    if not any(key in values for key in ("line", "position", "align")):
        return None
    line = values.get("line", "auto").split(",")[0].strip()
    number = _number(line.rstrip("%"))
    if number is None:
        base = 1  # bottom row
    elif line.endswith("%"):
        base = 7 if number < 25 else 4 if number <= 75 else 1
    else:
        base = 7 if number >= 0 else 1  # a line number counts from the top, a negative one from the bottom
    align = values.get("align", "")
    position = _number(values.get("position", "").split(",")[0].rstrip("%"))
    if align in ("left", "start") or (align not in ("right", "end") and position is not None and position < 25):
        return base
    if align in ("right", "end") or (align not in ("center", "middle") and position is not None and position > 75):
        return base + 2
    return base + 1


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
