"""The delivery report says, per episode × language, what was delivered, refused or forced, how far review went, who
did it, with which model, and an MQM-style LQA score; JSON for tools and one safe, self-contained HTML page."""

from __future__ import annotations

import html.parser
import json
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from editor.core import edits
from editor.core.document import Cue
from editor.core.review import Actor, Draft, RejectCategory, Rejection, Severity, State
from editor.core.series.episode import EpisodeProject
from editor.core.series.report import (
    DeliveryReport,
    DeliveryRow,
    ReportWriteError,
    count_words,
    delivery_row,
    lqa_score,
    penalty_points,
    summarise,
    to_html,
    to_json,
    write_html,
    write_json,
)
from editor.core.series.store import NewEpisode, Series
from editor.core.user_error import UserError

EVIL = "<script>alert('x')</script> \"Bob\" & 'Al'"


# --- a realistic delivery: 12 episodes × 2 languages, one refused, one forced, Chinese names ------------------

def _states(lines: int, approved: int, **others: int) -> dict[str, int]:
    states = {"approved": approved, **others}
    states["translated"] = states.get("translated", 0) + lines - sum(states.values())
    return states


def realistic_report() -> DeliveryReport:
    """What `series export` writes for a 12-episode drama delivered in English and Spanish."""
    rows = []
    for lang, translators, approvers, model, sha in (
            ("en", ("王小明", "Ana O'Neil"), ("李华",), "opus-mt-zh-en", "3f9a1c0e7b2d" + "4e" * 26),
            ("es", ("María José <MJ>",), ("李华", 'Pablo "Pepe" Ruiz'), "zh-es-drama-v2",
             "a1b2c3d4e5f6" + "07" * 26)):
        for n in range(1, 13):
            episode = f"第{n:02d}集"
            lines = 38 + n % 5
            if lang == "es" and n == 7:
                rows.append(DeliveryRow(
                    episode, lang, exported=False, lines=lines, need_decision=3,
                    refused_reason=f"{episode} (es) has 3 lines that still need a decision; review them or export "
                                   f"with --allow-unreviewed.",
                    states=_states(lines, 30, mt_draft=2, rejected=1), qa_left={"error": 1, "warning": 2},
                    rejections={"terminology/major": 1, "style/minor": 2}, words=lines * 7,
                    translators=translators, approvers=approvers, model=model, model_sha256=sha))
                continue
            forced = lang == "en" and n == 12
            states = (_states(lines, 25, mt_draft=4, stale=1) if forced
                      else _states(lines, lines - (n % 3) * 2))
            rejections = {"translation/major": 1} if n == 3 else {"style/minor": n % 4} if n % 4 else {}
            rows.append(DeliveryRow(
                episode, lang, file=f"{lang}/{episode}.srt", exported=True, forced=forced, lines=lines,
                states=states, need_decision=5 if forced else 0,
                qa_left={"warning": 1} if n in (4, 9) else {"error": 2} if forced else {},
                rejections=rejections, words=lines * (6 if lang == "en" else 7), translators=translators,
                approvers=approvers, model=model, model_sha256=sha, dropped_tags=2 if n == 5 else 0))
    return DeliveryReport(series="霸道总裁爱上我", created_at="2026-12-14T09:30:00Z", source_lang="zh-Hans",
                          languages=("en", "es"), rows=tuple(rows))


# --- words and the LQA formula ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("Why are you here again?", 5),
    ("<i>Don't</i> go —\nplease!", 3),  # tags and a dash are not words; a contraction is one
    ("{\\an8}Well-known, 3.5 times", 3),
    ("你好，世界", 4),  # one word per Chinese character, punctuation not counted
    ("見て・ください。", 6),  # the middle dot and the full stop are punctuation
    ("สวัสดีครับ", 7),  # Thai: characters, its combining vowel and tone marks not counted
    ("नमस्ते दुनिया", 2),  # Hindi's vowel signs stay inside their words
    ("مرحبا بالعالم", 2),
    ("EP02 見て!", 3),
    ("...", 0),
    ("", 0),
])
def test_words_are_counted_as_a_reader_sees_them(text, words):
    assert count_words(text) == words


def test_the_lqa_score_is_100_minus_penalty_points_per_1000_words():
    # 2 minor (1 point each) + 1 major (5 points) = 7 points over 1,400 words = 5 points per 1,000 words.
    counts = {"style/minor": 2, "terminology/major": 1}
    assert penalty_points(counts) == 7
    assert lqa_score(counts, 1400) == pytest.approx(95.0)
    assert lqa_score(counts, 700) == pytest.approx(90.0)
    assert lqa_score({}, 500) == 100.0
    assert lqa_score({"translation/major": 30}, 1000) == 0.0  # 150 points: floored at 0, never negative
    assert lqa_score(counts, 0) is None and lqa_score({}, 0) is None


def test_a_category_weight_multiplies_its_penalties():
    counts = {"style/minor": 2, "terminology/major": 1}
    weighted = lqa_score(counts, 1000, category_weights={"terminology": 2.0})
    assert weighted == pytest.approx(100 - (2 * 1 + 1 * 5 * 2))


def test_rows_are_scored_together_on_their_summed_words():
    rows = [DeliveryRow("EP01", "en", words=600, rejections={"style/minor": 3}),
            DeliveryRow("EP02", "en", words=400, rejections={"typing/major": 1})]
    assert lqa_score(rows) == pytest.approx(100 - (3 + 5))
    assert lqa_score(rows, 2000) == pytest.approx(100 - 8 / 2)


def test_an_unknown_severity_is_refused_rather_than_scored_as_nothing():
    with pytest.raises(ValueError, match="critical"):
        lqa_score({"style/critical": 1}, 1000)


# --- a row from a real series: states, every rejection ever made, who did what, the model ---------------------

def test_a_row_counts_the_history_of_rejections_and_names_who_confirmed_and_approved(tmp_path):
    cues = [Cue(i, i * 2000, i * 2000 + 1500, f"第{i}句台词") for i in range(1, 6)]
    path = tmp_path / "drama.subseries"
    Series.create(path, source_lang="zh-Hans", languages=["en"], actor="pm",
                  episodes=[NewEpisode("第01集", 1, cues, 25.0)]).close()
    draft = Draft("A machine line", engine="ctranslate2 4.8.5", model_id="opus-mt-zh-en", model_hash="9" * 64)
    with Series.open(path) as series:
        en = EpisodeProject.of(series, "第01集", "en")
        for cue_id in (1, 2, 3):
            en.apply(edits.ApplyDraft(cue_id, draft), actor="mt", kind=Actor.MACHINE)
        en.apply(edits.SetTarget(1, "Why are you here again?"), actor="王小明")
        en.apply(edits.SetState(1, State.TRANSLATED), actor="王小明")
        en.apply(edits.SetState(1, State.REJECTED, Rejection(RejectCategory.TERMINOLOGY, Severity.MAJOR,
                                                              "the name", by="李华")), actor="李华")
        en.apply(edits.SetTarget(1, "Why are you here again, Mr Gu?"), actor=EVIL)
        en.apply(edits.SetState(1, State.TRANSLATED), actor=EVIL)
        en.apply(edits.SetState(1, State.REJECTED, Rejection(RejectCategory.STYLE, Severity.MINOR, by="李华")),
                 actor="李华")
        en.apply(edits.SetTarget(1, "Why are you back, Mr Gu?"), actor="王小明")
        en.apply(edits.SetState(1, State.APPROVED), actor="李华")
        en.apply(edits.SetTarget(2, "I only wanted to give this back."), actor="王小明")
        en.apply(edits.SetState(2, State.TRANSLATED), actor="王小明")
        row = delivery_row("第01集", "en", list(en.doc), file="en/第01集.srt", qa_left={"warning": 1},
                           events=en.events(), dropped_tags=1)
    assert row.exported and row.file == "en/第01集.srt" and not row.forced and row.refused_reason == ""
    assert row.lines == 5
    assert row.states == {"approved": 1, "translated": 1, "mt_draft": 1, "untranslated": 2}
    assert row.need_decision == 3
    # the line ends approved; both rejections on its way there still count
    assert row.rejections == {"terminology/major": 1, "style/minor": 1}
    assert row.words == count_words("Why are you back, Mr Gu?") + 7 + 3 == 16
    assert row.translators == ("王小明", EVIL)  # most confirmed lines first
    assert row.approvers == ("李华",)
    assert (row.model, row.model_sha256) == ("opus-mt-zh-en", "9" * 64)
    assert row.qa_left == {"warning": 1} and row.dropped_tags == 1


def test_a_refused_row_has_no_file_and_a_row_without_machine_drafts_no_model():
    cues = [Cue(1, 0, 1000, "你好", "Hello", State.TRANSLATED)]
    row = delivery_row("EP01", "es", cues, file="es/EP01.srt", refused_reason="EP01 (es) has 1 line to decide.",
                       forced=True)
    assert not row.exported and row.file == "" and not row.forced
    assert (row.model, row.model_sha256) == ("", "")
    assert to_json(DeliveryReport("S", "t", "zh", ("es",), (row,)))["rows"][0]["model"] is None


# --- JSON ---------------------------------------------------------------------------------------------------------

def test_json_has_stable_keys_and_the_numbers_of_each_row_and_language(tmp_path):
    report = realistic_report()
    data = to_json(report)
    assert list(data) == ["format", "format_version", "series", "created_at", "source_lang", "languages", "tool",
                          "lqa", "summary", "rows", "videos", "stopped", "earlier_files"]
    assert data["format"] == "subreview-delivery-report" and data["format_version"] == 1
    assert data["languages"] == ["en", "es"] and data["series"] == "霸道总裁爱上我"
    assert data["lqa"]["severity_penalties"] == {"minor": 1.0, "major": 5.0}
    assert data["lqa"]["reference_words"] == 1000 and data["lqa"]["max_score"] == 100.0
    assert len(data["rows"]) == 24
    row = data["rows"][2]  # en 第03集: one major over 41 lines × 6 words
    assert list(row) == ["episode", "lang", "file", "exported", "refused_reason", "forced", "lines", "states",
                         "need_decision", "qa_left", "rejections", "words", "lqa_penalty_points", "lqa_score",
                         "translators", "approvers", "model", "dropped_tags", "removed_earlier", "video", "video_note",
                         "video_cover", "video_removed_earlier"]
    assert row["episode"] == "第03集" and row["file"] == "en/第03集.srt" and row["lines"] == 41
    assert list(row["states"]) == ["approved", "translated", "edited", "mt_draft", "stale", "rejected",
                                   "untranslated"]
    assert row["qa_left"] == {"error": 0, "warning": 0, "info": 0}
    assert len(row["rejections"]) == 10 and row["rejections"]["translation/major"] == 1
    assert row["lqa_penalty_points"] == 5 and row["lqa_score"] == round(100 - 5 * 1000 / 246, 2)
    assert row["model"] == {"name": "opus-mt-zh-en", "sha256": "3f9a1c0e7b2d" + "4e" * 26}
    refused = next(r for r in data["rows"] if r["lang"] == "es" and r["episode"] == "第07集")
    assert not refused["exported"] and refused["file"] == "" and "allow-unreviewed" in refused["refused_reason"]
    forced = next(r for r in data["rows"] if r["forced"])
    assert (forced["lang"], forced["episode"], forced["need_decision"]) == ("en", "第12集", 5)

    en, es = data["summary"]["en"], data["summary"]["es"]
    assert (en["episodes"], en["delivered"], en["refused"], en["forced"]) == (12, 12, 0, 1)
    assert (es["episodes"], es["delivered"], es["refused"], es["forced"]) == (12, 11, 1, 0)
    delivered_es = [r for r in report.rows if r.lang == "es" and r.exported]
    assert es["lines"] == sum(r.lines for r in delivered_es)
    assert es["approved_percent"] == round(100 * sum(r.states["approved"] for r in delivered_es) / es["lines"], 2)
    assert es["lqa_score"] == pytest.approx(lqa_score(delivered_es), abs=0.005)
    assert es["rejections"]["terminology/major"] == 0  # the refused episode's rejections are not in the delivery

    write_json(report, tmp_path / "report.json")
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8")) == data
    assert "霸道总裁爱上我" in (tmp_path / "report.json").read_text(encoding="utf-8")  # readable, not \\u escapes


def test_a_language_with_no_delivered_episode_has_no_score_and_no_approved_share():
    report = DeliveryReport("S", "t", "zh-Hans", ("en", "fr"), (
        DeliveryRow("EP01", "en", refused_reason="no.", lines=3, words=10),))
    assert summarise(report, "en").lqa_score is None and summarise(report, "en").approved_percent is None
    data = to_json(report)
    assert data["summary"]["fr"]["episodes"] == 0 and data["summary"]["en"]["approved_percent"] is None
    assert "No episodes." in to_html(report)


# --- HTML ---------------------------------------------------------------------------------------------------------

class _Page(html.parser.HTMLParser):
    """The page's structure as a browser's parser sees it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_every_user_text_is_escaped_so_names_cannot_inject_markup():
    row = DeliveryRow(EVIL, "en", file=f"en/{EVIL}.srt", exported=True, lines=2, states={"approved": 2}, words=4,
                      translators=(EVIL,), approvers=("O'Brien",), model=EVIL, model_sha256="abc\"def")
    refused = DeliveryRow("EP02", "en", refused_reason=f"cannot write {EVIL}", lines=1, states={"mt_draft": 1})
    report = DeliveryReport(EVIL, "2026-12-14T09:30:00Z", "zh-Hans", ("en",), (row, refused))
    page = to_html(report)
    assert "<script" not in page.lower()
    parsed = _parse(page)
    assert {tag for tag, _ in parsed.tags} <= {"html", "head", "meta", "title", "style", "body", "header", "h1",
                                               "h2", "p", "bdi", "main", "table", "thead", "tbody", "tr", "th", "td",
                                               "a", "span", "div", "br", "i", "b", "section", "footer", "time"}
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)  # no event handlers
    text = "".join(parsed.text)
    assert text.count(EVIL) >= 5  # series, episode, file, translator, model, reason: shown as text, intact
    assert "O'Brien" in text
    assert any(attrs.get("title") == 'sha256 abc"def' for _, attrs in parsed.tags)  # quotes kept in attributes


def test_the_page_is_self_contained_and_marks_chinese_text_for_cjk_fonts():
    page = to_html(realistic_report())
    parsed = _parse(page)
    tags = [tag for tag, _ in parsed.tags]
    assert tags.count("html") == 1 and "script" not in tags and "img" not in tags and "link" not in tags
    assert "url(" not in page and "@import" not in page and "http" not in page.replace("http-equiv", "")
    csp = next(a for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert (csp["content"] or "").startswith("default-src 'none'")
    assert ('html', {'lang': 'en'}) in parsed.tags
    assert "Noto Sans CJK SC" in page
    episode_cells = [a for t, a in parsed.tags if t == "bdi" and a.get("lang") == "zh-Hans"]
    assert len(episode_cells) == 24 + 1  # every episode name and the series name


def test_the_page_has_a_summary_then_a_table_per_language_with_marks_for_forced_and_refused():
    page = to_html(realistic_report())
    parsed = _parse(page)
    text = " ".join(" ".join(parsed.text).split())
    assert text.index("Summary") < text.index("Language en") < text.index("Language es")
    sections = [a["id"] for t, a in parsed.tags if t == "section"]
    assert sections == ["lang-en", "lang-es"]
    assert [a["href"] for t, a in parsed.tags if t == "a"] == ["#lang-en", "#lang-es"]
    rows = [a for t, a in parsed.tags if t == "tr"]
    assert sum(1 for a in rows if a.get("class") == "is-forced") == 1
    assert sum(1 for a in rows if a.get("class") == "is-refused") == 1
    assert "⚠ Forced" in text and "exported with 5 lines still needing a decision" in text
    assert "✕ Refused" in text and "第07集 (es) has 3 lines that still need a decision" in text
    bars = [a for t, a in parsed.tags if t == "div" and a.get("class") == "bar"]
    assert len(bars) == 2 + 24 and all(a["role"] == "img" and "approved" in (a["aria-label"] or "") for a in bars)
    segments = [a for t, a in parsed.tags if t == "span" and (a.get("class") or "").startswith("s-")]
    assert all((a["style"] or "").startswith("width:") for a in segments)
    assert "4e4e4e" not in text and "3f9a1c0e7b2d" in text  # the model's short hash; the full one on hover
    assert text.count("王小明") == 12 and "Pablo \"Pepe\" Ruiz" in text


def test_the_summary_figures_on_the_page_are_the_json_figures():
    report = realistic_report()
    data = to_json(report)
    text = " ".join(" ".join(_parse(to_html(report)).text).split())
    for lang in ("en", "es"):
        assert f"{data['summary'][lang]['lqa_score']:.1f}" in text
        assert f"{data['summary'][lang]['approved_percent']:.1f}%" in text


# --- writing ------------------------------------------------------------------------------------------------------

def test_writing_replaces_the_old_report_whole_and_leaves_no_temp_file(tmp_path):
    (tmp_path / "report.html").write_text("old", encoding="utf-8")
    write_html(realistic_report(), tmp_path / "report.html")
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_a_read_only_folder_raises_a_clear_oserror_and_keeps_the_old_report(tmp_path, make_read_only):
    out = tmp_path / "delivery"
    out.mkdir()
    (out / "report.json").write_text("{}", encoding="utf-8")
    make_read_only(out)
    for write, name in ((write_json, "report.json"), (write_html, "report.html")):
        with pytest.raises(OSError) as caught:
            write(realistic_report(), out / name)
        error = caught.value
        assert isinstance(error, ReportWriteError) and isinstance(error, UserError)
        assert error.filename == str(out / name) and error.errno is not None
        assert str(error) == f"cannot write the delivery report {out / name}: {(error.strerror or '').lower()}."
        assert "\n" not in str(error)
    assert (out / "report.json").read_text(encoding="utf-8") == "{}"
    assert sorted(p.name for p in out.iterdir()) == ["report.json"]


# --- in a real browser --------------------------------------------------------------------------------------------

def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and unfiltered RGB(A) rows of an 8-bit PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6)
    channels = 3 if colour == 2 else 4
    raw, stride, rows, previous = zlib.decompress(b"".join(chunks)), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows


def render_in_chromium(page: Path, png: Path, size: str = "1280,1600") -> None:
    """A screenshot of the page by headless Chromium, with no network."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium is not None
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--proxy-server=127.0.0.1:9", f"--screenshot={png}", f"--window-size={size}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("chromium") or shutil.which("chromium-browser")),
                    reason="headless Chromium is not installed (apt-get install chromium)")
def test_chromium_renders_the_report_as_a_page_with_content(tmp_path):
    page = tmp_path / "报告 report.html"
    write_html(realistic_report(), page)
    png = tmp_path / "report.png"
    render_in_chromium(page, png, "1280,900")
    width, height, rows = _png_pixels(png.read_bytes())
    assert (width, height) == (1280, 900)
    channels = len(rows[0]) // width
    pixels = {row[x:x + 3] for row in rows[::4] for x in range(0, len(row), channels * 4)}
    assert len(pixels) > 20  # text, badges and bars in several colours: not a blank or one-colour page
    dark = sum(1 for row in rows[::2] for x in range(0, len(row), channels * 2) if sum(row[x:x + 3]) < 200)
    assert dark > 500  # text was drawn
