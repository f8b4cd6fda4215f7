"""Turn subtitle file bytes into text: a named encoding, BOMs, UTF-8, East Asian legacy encodings, then general
detection. Bytes the chosen encoding cannot decode become U+FFFD and each place is reported with its line; a
file that is mostly undecodable is refused."""

from __future__ import annotations

import codecs
import re
import threading
import unicodedata
from dataclasses import dataclass

from editor.core.formats.cjk import hint_kind, rank_readings
from editor.core.formats.model import (
    BINARY,
    DAMAGED,
    ENCODING_DETECTED,
    ENCODING_FORCED,
    ENCODING_GUESSED,
    INVALID_BYTES,
    UNDECODABLE,
    UNKNOWN_ENCODING,
    Problem,
    SubtitleError,
    label,
)

# UTF-32 first: its little-endian BOM FF FE 00 00 starts with the UTF-16 LE BOM FF FE.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (b"\x89PNG", b"PK\x03\x04", b"GIF8", b"%PDF", b"\x1f\x8b", b"\xff\xd8\xff", b"\x1aE\xdf\xa3",
          b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"OggS", b"fLaC")
_ALLOWED_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1a")
_SAMPLE_BYTES = 65536
# Below this margin (in nats, about 20 to 1) between the two best legacy readings the choice is a guess. On
# short drama files every wrong choice measured had a margin under 2, and 1 right choice in 75 is under 3.
_SURE_MARGIN = 3.0
_MAX_SHOWN_PLACES = 20  # undecodable places reported one by one; the rest in one summary problem
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_MARK = "\udcff"  # what the recording error handler puts in place of undecodable bytes; no decoder yields it
_LABELS = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE",
    "utf-32": "UTF-32", "utf-32-le": "UTF-32LE", "utf-32-be": "UTF-32BE", "gb18030": "GB18030", "gbk": "GBK",
    "gb2312": "GB2312", "big5": "Big5", "cp950": "CP950", "big5hkscs": "Big5-HKSCS", "cp932": "Shift_JIS (CP932)",
    "shift_jis": "Shift_JIS", "euc_jp": "EUC-JP", "cp949": "CP949 (Korean)", "euc_kr": "EUC-KR",
    "cp1252": "Windows-1252", "cp1251": "Windows-1251", "cp1250": "Windows-1250", "iso8859-1": "ISO-8859-1",
}


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from a file, how its encoding was chosen, and the places that could not be decoded."""

    text: str
    encoding: str  # Python codec name
    choice: str = ENCODING_DETECTED  # ENCODING_DETECTED, ENCODING_FORCED or ENCODING_GUESSED
    runner_up: str = ""  # for a guess, the next most likely encoding
    problems: tuple[Problem, ...] = ()


def encoding_label(codec: str) -> str:
    """How an encoding is named to people ("gb18030" -> "GB18030", "cp932" -> "Shift_JIS (CP932)")."""
    return _LABELS.get(codec, codec.upper().replace("_", "-"))


def decode_subtitle_bytes(data: bytes, *, name: str = "", encoding: str | None = None,
                          language: str | None = None) -> tuple[str, str]:
    """Decode to (text, Python codec name) for callers with nowhere to show problems: undecodable bytes are a
    SubtitleError naming their line, never replaced silently. See `decode_subtitles` for the keywords."""
    decoded = decode_subtitles(data, name=name, encoding=encoding, language=language)
    bad = next((problem for problem in decoded.problems if problem.code == "invalid_bytes"), None)
    if bad is not None:
        raise SubtitleError(code="undecodable", template=INVALID_BYTES, name=label(name),
                            encoding=encoding_label(decoded.encoding), line=bad.line)
    return decoded.text, decoded.encoding


def decode_subtitles(data: bytes, *, name: str = "", encoding: str | None = None,
                     language: str | None = None) -> Decoded:
    """Decode subtitle bytes. `encoding` forces a codec (any Python name or alias: "gbk", "big5", "utf-16");
    `language` is the text's language tag ("zh-Hans", "zh-Hant", "ja", "ko", ...), which settles what few
    bytes cannot. SubtitleError for binary data, an unknown encoding, or bytes that are mostly undecodable."""
    if data.startswith(_MAGIC) or data[4:8] == b"ftyp":
        raise SubtitleError(code="binary", template=BINARY, name=label(name))
    if encoding:
        return _finish(data, _forced_codec(data, encoding), name, ENCODING_FORCED)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text, places = _decode_marking(data, codec)
            if not _mostly_undecodable(text, _merged(text, places)):
                return _finish(data, codec, name, decoded=(text, places))
            break  # a BOM-like start that is not one: try the other ways
    if b"\x00" in data:
        wide = _wide_codec(data)
        if wide is None:
            raise SubtitleError(code="binary", template=BINARY, name=label(name))
        return _finish(data, wide, name)
    return _decode_8bit(data, name, language)


def _decode_8bit(data: bytes, name: str, language: str | None) -> Decoded:
    """UTF-8, else the likeliest East Asian legacy encoding, else charset_normalizer's guess."""
    other_language = bool(language) and not hint_kind(language)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_offset = error.start
    else:
        if other_language:
            return _finish(data, "utf-8", name, decoded=(text, []))
        return _decode_valid_utf8(data, text, name, language)
    sample = data[:_SAMPLE_BYTES]
    if len(data) > _SAMPLE_BYTES and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]  # never cut a multi-byte character in two
    # A stray bad byte or a cut-off last character in UTF-8. Bad places are recorded only when the start reads
    # as UTF-8: legacy bytes would fail at nearly every character.
    if _mostly_utf8(*_decode_marking(sample, "utf-8")):
        text, places = _decode_marking(data, "utf-8")
        if _mostly_utf8(text, places):
            return _finish(data, "utf-8", name, decoded=(text, places))
    legacy = _decode_legacy(data, sample, name, language)
    if legacy is not None:
        return legacy
    detected = _decode_detected(data)
    if detected is None:
        raise SubtitleError(code="undecodable", template=UNDECODABLE, name=label(name),
                            line=data.count(b"\n", 0, bad_offset) + 1, offset=bad_offset)
    codec, sure, runner_up = detected
    return _finish(data, codec, name, ENCODING_DETECTED if sure else ENCODING_GUESSED, runner_up=runner_up)


def _decode_legacy(data: bytes, sample: bytes, name: str, language: str | None) -> Decoded | None:
    """The likeliest East Asian legacy reading (judged on `sample`), or None when none looks like text."""
    readings = rank_readings(sample, language)
    best = readings[0]
    if not best.looks_like_text():
        return None
    codec = _wider_big5(data) if best.codec == "big5" and len(sample) < len(data) else best.codec
    runner = next((reading for reading in readings[1:] if reading.text != best.text), None)
    if best.looks_like_text(sure=True) or hint_kind(language):  # the person said the text is East Asian
        if runner is not None and best.score - runner.score < _SURE_MARGIN:
            return _finish(data, codec, name, ENCODING_GUESSED, runner_up=runner.codec)
        return _finish(data, codec, name)
    # Rare characters only (a name or two), or alphabetic text of a single-byte code page read as ideographs:
    # a guess, and general detection decides when it finds letters of one alphabet.
    detected = _decode_detected(data)
    if detected is not None and _alphabetic(data, detected[0]):
        return _finish(data, detected[0], name, ENCODING_GUESSED, runner_up=codec)
    return _finish(data, codec, name, ENCODING_GUESSED, runner_up=runner.codec if runner is not None else "")


def _decode_valid_utf8(data: bytes, text: str, name: str, language: str | None) -> Decoded:
    """Valid UTF-8. A line or two of GBK or Big5 can be valid UTF-8 by chance ("哦" in GBK reads "Ŷ"): then it is
    a guess either way, settled by an East Asian language hint."""
    if _doubtful_utf8(text):
        best = rank_readings(data, language)[0]
        if best.errors == 0 and best.odd == 0 and best.looks_like_text():
            if language:
                return _finish(data, best.codec, name, ENCODING_GUESSED, runner_up="utf-8")
            return _finish(data, "utf-8", name, ENCODING_GUESSED, runner_up=best.codec, decoded=(text, []))
    return _finish(data, "utf-8", name, decoded=(text, []))


def _mostly_utf8(text: str, places: list[tuple[int, int, str]]) -> bool:
    """At least two valid non-ASCII UTF-8 characters, and four for each undecodable place: legacy text read as
    UTF-8 has far fewer valid sequences than bad ones."""
    valid = _non_ascii(text) - len(places)
    return valid >= 2 and valid >= 4 * len(places)


def _forced_codec(data: bytes, encoding: str) -> str:
    """The codec a person named; UTF-16/32 without a BOM get their byte order from the bytes."""
    try:
        info = codecs.lookup(encoding.strip())
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):  # base64, rot13: not text encodings
        raise SubtitleError(code="unknown_encoding", template=UNKNOWN_ENCODING, encoding=encoding)
    if info.name in ("utf-16", "utf-32") and not data.startswith(_BOM_OF[info.name]):
        wide = _wide_codec(data)
        return wide if wide is not None and wide.startswith(info.name) else info.name + "-le"
    return info.name


_BOM_OF = {"utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)}


def _wide_codec(data: bytes) -> str | None:
    """BOM-less UTF-32/UTF-16: ASCII characters leave NUL bytes at fixed positions."""
    sample = data[:4096]
    quarter = max(1, len(sample) // 4)
    by_pos = [sample[i::4].count(0) / quarter for i in range(4)]
    half = max(1, len(sample) // 2)
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if len(data) % 4 == 0 and by_pos[2] > 0.9 and by_pos[3] > 0.9 and by_pos[0] < 0.05:
        return "utf-32-le"
    if len(data) % 4 == 0 and by_pos[0] > 0.9 and by_pos[1] > 0.9 and by_pos[3] < 0.05:
        return "utf-32-be"
    if odd > 0.25 and even < 0.05:
        return "utf-16-le"
    if even > 0.25 and odd < 0.05:
        return "utf-16-be"
    return None


def _wider_big5(data: bytes) -> str:
    """Big5, or CP950 when it decodes more of the file (it adds the euro sign and a few rows)."""
    return "cp950" if data.decode("cp950", "replace").count("\ufffd") < data.decode("big5", "replace").count(
        "\ufffd") else "big5"


def _doubtful_utf8(text: str) -> bool:
    """Valid UTF-8 that may be chance: a few non-ASCII characters, none East Asian, none inside a word of ASCII
    letters (as "é" sits in "café"), or one that is unassigned or private."""
    if text.isascii():
        return False
    found = []
    for match in _NON_ASCII.finditer(text):
        found.append(match.start())
        if len(found) > 8 or match.group() >= "\u2e80":
            return False
    if any(unicodedata.category(text[i]) in ("Cn", "Co", "Cc") for i in found):
        return True
    return not any(_ascii_letter(text, i - 1) or _ascii_letter(text, i + 1) for i in found)


def _ascii_letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isascii() and text[index].isalpha()


def _finish(data: bytes, codec: str, name: str, choice: str = ENCODING_DETECTED, *, runner_up: str = "",
            decoded: tuple[str, list[tuple[int, int, str]]] | None = None) -> Decoded:
    """Decode with `codec` (unless `decoded` already holds its result) and report each undecodable place;
    refuse mostly undecodable bytes and binary data that happened to decode."""
    text, places = decoded if decoded is not None else _decode_marking(data, codec)
    problems: list[Problem] = []
    if places:
        merged = _merged(text, places)
        if _mostly_undecodable(text, merged):
            raise SubtitleError(code="undecodable", template=DAMAGED, name=label(name),
                                encoding=encoding_label(codec), count=len(merged), line=merged[0][0])
        problems = _place_problems(merged, data, codec)
        text = text.replace(_MARK, "\ufffd")
    _check_controls(text, name)
    if choice == ENCODING_GUESSED:
        problems.insert(0, _guess_problem(codec, runner_up))
    return Decoded(text, codec, choice, runner_up, tuple(problems))


def _mostly_undecodable(text: str, merged: list[tuple[int, int, int, str]]) -> bool:
    """More than a few undecodable places, and more than one in ten non-ASCII characters."""
    return len(merged) > 8 and len(merged) * 10 > _non_ascii(text)


def _guess_problem(codec: str, runner_up: str) -> Problem:
    other = f" (next best: {encoding_label(runner_up)})" if runner_up else ""
    return Problem(1, "encoding_guess", f"the encoding was guessed as {encoding_label(codec)}{other} from little "
                   "evidence; if the text looks wrong, choose another (--encoding in the command line, File > "
                   "Reopen Source with Encoding in the window)")


def _check_controls(text: str, name: str) -> None:
    """Reject text full of control characters (binary data that happened to decode)."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    if controls > max(2, len(sample) // 100):
        raise SubtitleError(code="binary", template=BINARY, name=label(name))


# --- decoding that records where bytes could not be decoded ---

_recorded = threading.local()


def _mark_undecodable(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    _recorded.places.append((error.start, error.end, error.reason))
    return _MARK, error.end


codecs.register_error("subreview.mark", _mark_undecodable)


def _decode_marking(data: bytes, codec: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The text with _MARK for each undecodable place, and each place's (start, end, reason) in bytes."""
    places: list[tuple[int, int, str]] = []
    _recorded.places = places
    try:
        return data.decode(codec, "subreview.mark"), places
    finally:
        _recorded.places = None


def _merged(text: str, places: list[tuple[int, int, str]]) -> list[tuple[int, int, int, str]]:
    """Adjacent undecodable places as one: (line, byte start, byte end, reason) each, lines counted as
    split_lines counts them."""
    merged: list[tuple[int, int, int, str]] = []
    line, last, previous = 1, 0, -2
    for (start, end, reason), position in zip(places, _positions(text), strict=False):
        if position == previous + 1 and merged:
            line_of, first, _, _ = merged[-1]
            merged[-1] = (line_of, first, end, reason)
        else:
            line += _line_breaks(text[last:position])
            last = position
            merged.append((line, start, end, reason))
        previous = position
    return merged


def _positions(text: str) -> list[int]:
    found, index = [], text.find(_MARK)
    while index >= 0:
        found.append(index)
        index = text.find(_MARK, index + 1)
    return found


def _line_breaks(text: str) -> int:
    """Line endings in `text` as split_lines counts them (\\r\\n, \\r, \\n; \\r\\r\\n is one)."""
    if "\r\r\n" in text:
        text = text.replace("\r\r\n", "\n")
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _place_problems(merged: list[tuple[int, int, int, str]], data: bytes, codec: str) -> list[Problem]:
    name = encoding_label(codec)
    problems = []
    for line, start, end, reason in merged[:_MAX_SHOWN_PLACES]:
        shown = " ".join(f"0x{byte:02X}" for byte in data[start:min(end, start + 6)])
        if end - start > 6:
            shown += " ..."
        if end == len(data) and ("end" in reason or "incomplete" in reason or "truncated" in reason):
            message = f"the file ends in the middle of a character ({shown}), which was replaced with \ufffd"
        elif end - start == 1:
            message = f"byte {shown} is not valid {name} and was replaced with \ufffd"
        else:
            message = f"bytes {shown} are not valid {name} and were replaced with \ufffd"
        problems.append(Problem(line, "invalid_bytes", message))
    rest = merged[_MAX_SHOWN_PLACES:]
    if rest:
        problems.append(Problem(rest[0][0], "invalid_bytes", f"{len(rest)} more places that are not valid {name}, "
                                f"up to line {rest[-1][0]}, were replaced with \ufffd"))
    return problems


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


# --- general detection, for files in none of the encodings above ---

def _decode_detected(data: bytes) -> tuple[str, bool, str] | None:
    """(codec, sure, runner-up) from charset_normalizer. Its ranking is near random on a few lines, so it is
    sure only of Western European text (accented letters inside words) or of 20 and more non-ASCII characters
    that no other encoding reads about as well."""
    from charset_normalizer import from_bytes  # slow to import; only needed for rare files

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    codec = codecs.lookup(best.encoding).name
    # On short texts the ranking among Latin code pages is near random: prefer Windows-1252 when it
    # reads the bytes about as well as the winner.
    for match in matches:
        if ("cp1252" in match.could_be_from_charset and match.percent_chaos <= best.percent_chaos + 0.5
                and match.percent_coherence >= best.percent_coherence - 3):
            codec = "cp1252"
            break
    text = _try(data, codec)
    if text is None:
        return None
    if codec == "cp1252" and _latin_in_words(text):
        return codec, True, ""
    runner = next((codecs.lookup(match.encoding).name for match in matches
                   if _try(data, match.encoding) not in (None, text) and match.percent_chaos <= best.percent_chaos + 1
                   and match.percent_coherence >= best.percent_coherence - 5), "")
    return codec, not runner and _non_ascii(text) >= 20, runner


def _alphabetic(data: bytes, codec: str) -> bool:
    """A single-byte code page whose reading's non-ASCII characters are more often letters than not."""
    try:
        if codecs.lookup(codec).name in _MULTIBYTE:
            return False
        text = data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return False
    letters = [ch.isalpha() for ch in _NON_ASCII.findall(text)]
    return 2 * sum(letters) > len(letters)


_MULTIBYTE = frozenset(("gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp950", "cp932", "shift_jis",
                        "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004", "euc_jisx0213", "iso2022_jp",
                        "cp949", "euc_kr", "johab", "iso2022_kr", "utf-8", "utf-16", "utf-32"))


def _latin_in_words(text: str) -> bool:
    """Every non-ASCII character is a letter next to an ASCII letter."""
    return all(not ch.isalpha() or _ascii_letter(text, i - 1) or _ascii_letter(text, i + 1)
               for i, ch in enumerate(text) if ch >= "\x80") and any(ch >= "\x80" for ch in text)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None

