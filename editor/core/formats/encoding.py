"""Turn subtitle file bytes into text: BOMs, UTF-8, Chinese legacy encodings, then general detection."""

from __future__ import annotations

import codecs
import unicodedata
from collections import Counter

from editor.core.formats.model import BINARY, UNDECODABLE, SubtitleError, label

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
_MIN_CHINESE_SCORE = 0.7
_MIN_KOREAN_SCORE = 0.9
_MIN_KOREAN_SYLLABLES = 10
_MIN_KANA_SHARE = 0.25
_MIN_KANA = 10
_SAMPLE_BYTES = 65536
_NEWLINE = b"\n"


def decode_subtitle_bytes(data: bytes, *, name: str = "") -> tuple[str, str]:
    """Decode strictly to (text, Python codec name); SubtitleError for binary or undecodable data."""
    if _looks_binary(data):
        raise SubtitleError(code="binary", template=BINARY, name=label(name))
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), codec, name)
            except UnicodeDecodeError:
                break  # a BOM-like start that is not one: try the other ways
    if b"\x00" in data:
        return _decode_wide(data, name)
    try:
        return _checked(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError as error:
        bad_offset = error.start
    found = _decode_cjk(data)
    if found is None:
        found = _decode_detected(data)
    if found is None:
        raise SubtitleError(code="undecodable", template=UNDECODABLE, name=label(name),
                            line=data.count(_NEWLINE, 0, bad_offset) + 1, offset=bad_offset)
    return _checked(found[0], found[1], name)


def _looks_binary(data: bytes) -> bool:
    return data.startswith(_MAGIC) or data[4:8] == b"ftyp"


def _checked(text: str, codec: str, name: str) -> tuple[str, str]:
    """Reject text full of control characters (binary data that happened to decode)."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    if controls > max(2, len(sample) // 100):
        raise SubtitleError(code="binary", template=BINARY, name=label(name))
    return text, codec


def _decode_wide(data: bytes, name: str) -> tuple[str, str]:
    """BOM-less UTF-32/UTF-16: ASCII characters leave NUL bytes at fixed positions."""
    sample = data[:4096]
    quarter = max(1, len(sample) // 4)
    by_pos = [sample[i::4].count(0) / quarter for i in range(4)]
    half = max(1, len(sample) // 2)
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if len(data) % 4 == 0 and by_pos[2] > 0.9 and by_pos[3] > 0.9 and by_pos[0] < 0.05:
        codec = "utf-32-le"
    elif len(data) % 4 == 0 and by_pos[0] > 0.9 and by_pos[1] > 0.9 and by_pos[3] < 0.05:
        codec = "utf-32-be"
    elif odd > 0.25 and even < 0.05:
        codec = "utf-16-le"
    elif even > 0.25 and odd < 0.05:
        codec = "utf-16-be"
    else:
        raise SubtitleError(code="binary", template=BINARY, name=label(name))
    try:
        return _checked(data.decode(codec), codec, name)
    except UnicodeDecodeError as error:
        raise SubtitleError(
            f"{label(name)} looks like {codec.upper()} text but has an invalid byte at offset {error.start}.",
            "undecodable",
        ) from None


def _decode_cjk(data: bytes) -> tuple[str, str] | None:
    """Japanese, Korean or Chinese legacy encoding, chosen on the first 64 KB, then decoded in full."""
    head = data[:_SAMPLE_BYTES]
    if len(data) > _SAMPLE_BYTES and b"\n" in head:
        head = head[: head.rindex(b"\n") + 1]  # never cut a multi-byte character in two
    codec = _pick_cjk(head)
    text = None if codec is None else _try(data, codec)
    if text is None and len(head) < len(data):
        codec = _pick_cjk(data)
        text = None if codec is None else _try(data, codec)
    return None if text is None or codec is None else (text, codec)


def _pick_cjk(data: bytes) -> str | None:
    """The CJK encoding whose strict decoding of `data` reads as plausible text, if any.

    Japanese and Korean go first: their text decoded as Chinese looks like common ideographs, while Chinese
    decoded as Japanese has no kana and decoded as Korean turns many characters into rare Hanja.
    """
    for codec in ("cp932", "euc_jp"):
        japanese = _try(data, codec)
        if japanese is not None and _kana_share(japanese) >= _MIN_KANA_SHARE:
            return codec
    korean = _try(data, "cp949")
    if korean is not None:
        score, syllables = _korean_score(korean)
        if score >= _MIN_KOREAN_SCORE and syllables >= _MIN_KOREAN_SYLLABLES:
            return "cp949"
    best: tuple[float, str] | None = None
    for codec in ("gb18030", "big5", "cp950"):
        if codec == "cp950" and best is not None and best[1] == "big5":
            continue
        text = _try(data, codec)
        if text is not None:
            score = _chinese_score(text, codec)
            if best is None or score > best[0]:
                best = (score, codec)
    return best[1] if best is not None and best[0] >= _MIN_CHINESE_SCORE else None


def _decode_detected(data: bytes) -> tuple[str, str] | None:
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
    return None if text is None else (text, codec)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _is_han(code: int) -> bool:
    return 0x4E00 <= code <= 0x9FFF


def _is_odd(ch: str, code: int) -> bool:
    """Characters that show up when CJK bytes are decoded with the wrong table."""
    return (
        0x80 <= code <= 0x9F  # C1 controls
        or 0x0370 <= code <= 0x04FF  # Greek, Cyrillic
        or 0x2500 <= code <= 0x257F  # box drawing
        or 0x3040 <= code <= 0x312F  # kana, bopomofo
        or 0x31A0 <= code <= 0x31FF
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0xE000 <= code <= 0xF8FF  # private use
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFF61 <= code <= 0xFF9F  # half-width katakana
        or 0xAC00 <= code <= 0xD7AF  # Hangul
        or code >= 0x20000
        or unicodedata.category(ch) == "Cn"
    )


def _chinese_score(text: str, codec: str) -> float:
    """Share of ideographs among the plausible and odd ones that are common in that encoding's script."""
    common = han = odd = 0
    for ch, count in Counter(text).items():
        code = ord(ch)
        if code < 0x80:
            continue
        if _is_han(code):
            han += count
            if _is_common_han(ch, codec):
                common += count
        elif _is_odd(ch, code):
            odd += count
    return common / (han + odd) if han else 0.0


def _is_common_han(ch: str, codec: str) -> bool:
    """GB2312 level 1 (the 3755 most used Simplified) or Big5 frequent characters (A440-C67E)."""
    try:
        if codec == "gb18030":
            return 0xB0 <= ch.encode("gb2312")[0] <= 0xD7
        raw = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(raw) == 2 and 0xA440 <= (raw[0] << 8 | raw[1]) <= 0xC67E


def _kana_share(text: str) -> float:
    """Share of full-width kana among kana, ideographs and odd characters (0 when under 10 kana)."""
    kana = total = 0
    for ch, count in Counter(text).items():
        code = ord(ch)
        if 0x3041 <= code <= 0x30FA:
            kana += count
            total += count
        elif code >= 0x80 and (_is_han(code) or _is_odd(ch, code)):
            total += count
    return kana / total if kana >= _MIN_KANA else 0.0


def _korean_score(text: str) -> tuple[float, int]:
    """Share of KS X 1001 Hangul syllables among non-ASCII characters other than punctuation; their count."""
    good = total = 0
    for ch, count in Counter(text).items():
        code = ord(ch)
        if code < 0x80 or _is_punctuation(code):
            continue
        total += count
        # Only the 2350 KS X 1001 syllables take two bytes; Python spells the others as 8-byte jamo sequences.
        if 0xAC00 <= code <= 0xD7A3 and len(ch.encode("euc_kr")) == 2:
            good += count
    return (good / total if total else 0.0), good


def _is_punctuation(code: int) -> bool:
    return (0xA0 <= code <= 0xBF or 0x2000 <= code <= 0x206F or 0x3000 <= code <= 0x303F
            or 0xFF01 <= code <= 0xFF65)
