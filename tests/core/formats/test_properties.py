"""Property tests: bad input never escapes as anything but SubtitleError; written cues read back exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.formats import (
    ParsedCue,
    SubtitleError,
    SubtitleFile,
    align_by_time,
    parse_subtitles,
    render_subtitles,
)
from editor.core.formats.srt import is_timing, parse_timing
from editor.core.timecode import parse_clock

from .conftest import DATA

VALID_SRT = (DATA / "tags_multiline.srt").read_bytes() + (DATA / "bad_timestamp.srt").read_bytes()
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parses_or_refuses(data: bytes, fmt: str | None = "srt") -> None:
    try:
        result = parse_subtitles(data, name="fuzz.srt", format=fmt)
    except SubtitleError as error:
        assert error.code and str(error)
    else:
        assert isinstance(result, SubtitleFile) and result.cues
        assert all(cue.end_ms >= cue.start_ms >= 0 and cue.line >= 1 for cue in result.cues)


@FUZZ
@given(st.text())
def test_random_text(text: str) -> None:
    parses_or_refuses(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    parses_or_refuses(data)


@FUZZ
@given(st.sampled_from(["srt", "vtt", "ass", "ssa", None]),
       st.text(alphabet="0123456789:,.-> \n\rWEBVTT[]", max_size=300))
def test_timing_like_text_in_every_format(fmt: str | None, text: str) -> None:
    parses_or_refuses(text.encode(), fmt)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(VALID_SRT)
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["delete", "insert", "flip", "truncate"]))
        if action == "delete":
            del data[at : at + draw(st.integers(1, 20))]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=10))
        elif action == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        else:
            del data[at:]
    return bytes(data)


@FUZZ
@given(mutated())
def test_mutated_valid_srt(data: bytes) -> None:
    parses_or_refuses(data)


# Cue text that SRT/WebVTT can hold: no blank lines, no timing lines (other arrows are text), no control
# characters, and no U+FEFF (the reader drops it as a byte order mark left by joining files).
LINE = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff"), min_size=1,
               max_size=30).filter(
    lambda line: line.strip() != "" and not is_timing(line)
)
ARROW_LINE = st.tuples(st.text("ab3: -", max_size=5), st.text("xy4: ", max_size=5)).map("-->".join).filter(
    lambda line: line.strip() != "" and not is_timing(line)  # e.g. "3 --> 4": text, though it has an arrow
)
TEXT = st.lists(st.one_of(LINE, ARROW_LINE), min_size=0, max_size=4).map("\n".join)
TIMES = st.tuples(st.integers(0, 10 * 3600 * 1000), st.integers(0, 60_000)).map(lambda t: (t[0], t[0] + t[1]))
WORD = st.text("abcdefghijklmnopqrstuvwxyz0123456789:%.", min_size=1, max_size=12)
SETTINGS = st.lists(WORD, max_size=3).map(" ".join)


@st.composite
def srt_cues(draw: st.DrawFn) -> list[tuple[int, int, str, dict[str, str]]]:
    cues = []
    for _ in range(draw(st.integers(1, 8))):
        start, end = draw(TIMES)
        position = draw(SETTINGS)
        cues.append((start, end, draw(TEXT), {"position": position} if position else {}))
    return cues


@st.composite
def vtt_cues(draw: st.DrawFn) -> list[tuple[int, int, str, dict[str, str]]]:
    cues = []
    for _ in range(draw(st.integers(1, 8))):
        start, end = draw(TIMES)
        meta = {}
        ident = draw(st.one_of(st.just(""), WORD))
        settings_ = draw(SETTINGS)
        if ident:
            meta["identifier"] = ident
        if settings_:
            meta["settings"] = settings_
        cues.append((start, end, draw(TEXT), meta))
    return cues


def without_lines(cues: list[ParsedCue]) -> list[tuple[int, int, str, dict[str, str]]]:
    return [(c.start_ms, c.end_ms, c.text, c.meta) for c in cues]


@FUZZ
@given(srt_cues(), st.booleans())
def test_srt_render_parse_round_trip(cues: list[tuple[int, int, str, dict[str, str]]], crlf: bool) -> None:
    text = render_subtitles(cues, "srt", crlf=crlf)
    assert without_lines(parse_subtitles(text.encode(), format="srt").cues) == cues


@FUZZ
@given(vtt_cues())
def test_vtt_render_parse_round_trip(cues: list[tuple[int, int, str, dict[str, str]]]) -> None:
    text = render_subtitles(cues, "vtt")
    assert without_lines(parse_subtitles(text.encode(), format="vtt").cues) == cues


ASS_LINE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\\\ufeff"),
                   max_size=20)
ASS_TEXT = st.lists(ASS_LINE, min_size=1, max_size=3).map("\n".join).filter(lambda t: t == t.strip())
ASS_NAME = st.text("abcdefghijklmnopqrstuvwxyz 林小姐", max_size=8).map(str.strip)


# Centiseconds (ASS precision), below the 10-hour limit.
ASS_TIMES = st.tuples(st.integers(0, 9 * 360_000), st.integers(0, 6000)).map(
    lambda t: (t[0] * 10, sum(t) * 10)
)


@FUZZ
@given(st.lists(st.tuples(ASS_TIMES, ASS_TEXT, ASS_NAME,
                          st.integers(0, 9)), min_size=1, max_size=6),
       st.sampled_from(["ass", "ssa"]))
def test_ass_render_parse_round_trip(rows: list[tuple[tuple[int, int], str, str, int]], fmt: str) -> None:
    layers = [layer if fmt == "ass" else 0 for *_, layer in rows]  # SSA has no layer field
    cues = [(s, e, text, {"style": "Default", "name": name, "effect": "", "layer": str(layer),
                          "marginl": "0", "marginr": "0", "marginv": "0"})
            for ((s, e), text, name, _), layer in zip(rows, layers, strict=True)]
    text = render_subtitles(cues, fmt)
    assert without_lines(parse_subtitles(text.encode(), format=fmt).cues) == cues


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 120), st.integers(0, 59), st.integers(0, 59), st.integers(0, 999), st.integers(1, 3),
       st.sampled_from([",", "."]), st.sampled_from([" --> ", "-->", "  -->\t"]))
def test_fast_timing_path_agrees_with_parse_clock(h: int, m: int, s: int, f: int, digits: int, sep: str,
                                                  arrow: str) -> None:
    clock = f"{h:02d}:{m:02d}:{s:02d}{sep}{str(f).zfill(3)[:digits]}"
    assert parse_timing(f"{clock}{arrow}{clock} X1:5") == (parse_clock(clock), parse_clock(clock), "X1:5")


def naive_alignment(source: list[tuple[int, int, int]], target: list[ParsedCue]) -> dict[int, list[int]]:
    """O(n*m) reference: each target goes to the best source by overlap, then earliest (start, end, order)."""
    won: dict[int, list[int]] = {}
    order = sorted(range(len(source)), key=lambda k: (source[k][1], source[k][2], k))
    for t_index, cue in enumerate(target):
        a, b = cue.start_ms, cue.end_ms
        best = None
        for rank, k in enumerate(order):
            _, s, e = source[k]
            overlap = min(e, b) - max(s, a)
            touches = overlap > 0 or (a == b and s <= a < e) or (s == e and a < s < b)
            if touches and (best is None or overlap > best[0]):
                best = (overlap, rank)
        if best is not None:
            won.setdefault(source[order[best[1]]][0], []).append(t_index)
    return won


SPANS = st.tuples(st.integers(0, 100), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(SPANS, max_size=12), st.lists(SPANS, max_size=12))
def test_alignment_matches_a_naive_reference(source_spans: list[tuple[int, int]],
                                             target_spans: list[tuple[int, int]]) -> None:
    source = [(100 + k, s, e) for k, (s, e) in enumerate(source_spans)]
    target = [ParsedCue(s, e, f"t{k}", k + 1) for k, (s, e) in enumerate(target_spans)]
    result = align_by_time(source, target)
    expected = naive_alignment(source, target)
    assert set(result.matches) == set(expected)
    for source_id, indexes in expected.items():
        ordered = sorted(indexes, key=lambda k: (target[k].start_ms, target[k].end_ms, k))
        assert result.matches[source_id] == "\n".join(target[k].text for k in ordered)
    matched = {k for indexes in expected.values() for k in indexes}
    assert result.unaligned == [target[k] for k in range(len(target)) if k not in matched]
    assert len(result.conflicts) == sum(len(v) - 1 for v in expected.values())
