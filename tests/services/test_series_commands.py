"""`subreview series ...` on a vendor's folder as studios send it: real videos (ffmpeg), a GBK subtitle, a tiny
CTranslate2 model registered for a second language, and the series file read back with SQLite."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from editor.app import main
from editor.core import edits
from editor.core.review import State
from editor.core.series.episode import EpisodeProject
from editor.core.series.find import apply_series_edit, compile_pattern, find, plan_replace, replacement_edit
from editor.core.series.store import Series
from editor.core.store import Project
from tests.media_files import make_video_at_rate


def _srt(*lines: tuple[float, float, str]) -> str:
    def clock(s: float) -> str:
        ms = round(s * 1000)
        return f"00:00:{ms // 1000:02d},{ms % 1000:03d}"
    return "\n".join(f"{i}\n{clock(a)} --> {clock(b)}\n{text}\n" for i, (a, b, text) in enumerate(lines, start=1))


EP1 = [(1.0, 2.5, "你好，李总。"), (3.0, 4.5, "这份合同你看过了吗？"), (5.0, 6.5, "我们走吧！")]
EP2 = [(1.0, 2.5, "你好,李总!"), (3.0, 4.5, "这份合同你看过了吗"), (5.0, 6.5, "明天见。")]
EP3 = [(1.0, 2.5, "李总，早上好。"), (3.0, 4.5, "我们走吧！")]


@pytest.fixture
def vendor_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "vendor"
    folder.mkdir()
    make_video_at_rate(folder / "第01集.mp4", "30", seconds=2)
    (folder / "第01集.srt").write_text(_srt(*EP1), encoding="utf-8")
    make_video_at_rate(folder / "EP02.mp4", "25", seconds=2)
    (folder / "EP02.zh.srt").write_bytes(_srt(*EP2).encode("gb18030"))
    (folder / "剧名 - 03.srt").write_text(_srt(*EP3), encoding="utf-8")
    (folder / "notes.txt").write_text("not a subtitle", encoding="utf-8")
    return folder


@pytest.fixture
def series_path(tmp_path: Path, vendor_folder: Path, monkeypatch) -> Path:
    monkeypatch.setenv("SUBREVIEW_REVIEWER", "pm")
    path = tmp_path / "drama.subseries"
    assert main(["series", "new", str(path), "--episodes", str(vendor_folder), "--target-lang", "en",
                 "--target-lang", "es"]) == 0
    return path


def _status(capsys, path: Path) -> dict:
    capsys.readouterr()
    assert main(["series", "status", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_vendor_folder_becomes_a_series_in_episode_order_with_each_videos_frame_rate(series_path, capsys):
    data = _status(capsys, series_path)
    names = [e["name"] for e in data["episodes"]]
    assert names == ["第01集", "EP02", "剧名 - 03"]
    fps = {e["name"]: e["fps"] for e in data["episodes"]}
    assert fps["第01集"] == 30 and fps["EP02"] == 25
    ep2 = data["episodes"][1]
    assert ep2["video"].endswith("EP02.mp4") and ep2["cues"] == 3
    assert set(ep2["languages"]) == {"en", "es"}
    assert ep2["languages"]["es"] == {"states": {**dict.fromkeys(
        ["untranslated", "mt_draft", "edited", "translated", "approved", "rejected", "stale"], 0), "untranslated": 3},
        "need_decision": 3, "qa_errors": ep2["languages"]["es"]["qa_errors"]}
    with Series.open(series_path, read_only=True) as series:
        view = EpisodeProject.of(series, "EP02", "en")
        assert view.doc[0].source == "你好,李总!"  # the GBK file read as GBK
        assert view.meta.source_encoding in ("gb18030", "gbk", "gb2312")


def test_problems_of_the_folder_are_reported_by_file_name(tmp_path, vendor_folder, capsys):
    shutil.copy(vendor_folder / "第01集.srt", vendor_folder / "EP01.srt")  # a second file claims episode 1
    assert main(["series", "new", str(tmp_path / "x.subseries"), "--episodes", str(vendor_folder)]) == 0
    err = capsys.readouterr().err
    assert "EP01.srt" in err and "第01集.srt" in err
    assert "剧名 - 03.srt" in err  # subtitles only: added, and said


def test_a_folder_with_no_subtitles_is_refused_and_no_file_is_left(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "video.mp4").write_bytes(b"")
    assert main(["series", "new", str(tmp_path / "x.subseries"), "--episodes", str(empty)]) == 2
    assert "no episode could be made" in capsys.readouterr().err
    assert not (tmp_path / "x.subseries").exists()


def test_a_second_writer_is_told_who_holds_the_series(series_path, tmp_path, capsys):
    terms = tmp_path / "terms.csv"
    terms.write_text("source,target\n李总,Mr. Li\n", encoding="utf-8")
    with Series.open(series_path):
        assert main(["series", "glossary", str(series_path), str(terms)]) == 2
        assert "already open" in capsys.readouterr().err


def test_series_memory_offers_exact_and_near_decisions_of_the_same_language_only(series_path, capsys):
    with Series.open(series_path) as series:
        en = EpisodeProject.of(series, "第01集", "en")
        en.apply(edits.SetTarget(1, "Hello, Mr. Li."), actor="ann")
        en.apply(edits.SetState(1, State.TRANSLATED), actor="ann")
        en.apply(edits.SetTarget(2, "Have you read this contract?"), actor="ann")
        en.apply(edits.SetState(2, State.TRANSLATED), actor="ann")
    capsys.readouterr()
    assert main(["series", "memory", str(series_path), "你好, 李总.", "--lang", "en", "--json"]) == 0
    exact = json.loads(capsys.readouterr().out)
    assert exact[0]["kind"] == "exact" and exact[0]["target"] == "Hello, Mr. Li." and exact[0]["episode"] == "第01集"
    assert main(["series", "memory", str(series_path), "这份合同你看过了", "--lang", "en", "--json"]) == 0
    near = json.loads(capsys.readouterr().out)
    assert near[0]["kind"] == "fuzzy" and 0.7 <= near[0]["score"] < 1 and near[0]["line"] == 2
    assert main(["series", "memory", str(series_path), "你好,李总!", "--lang", "es", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # never across languages


def test_find_and_replace_edits_every_episode_in_one_action_and_undoes_as_one(series_path):
    with Series.open(series_path) as series:
        for episode in ("第01集", "剧名 - 03"):
            view = EpisodeProject.of(series, episode, "en")
            view.apply(edits.SetTarget(1, "Mr. Lee, good morning." if episode != "第01集" else "Hello, Mr. Lee."),
                       actor="ann")
            view.apply(edits.SetState(1, State.TRANSLATED), actor="ann")
        pattern = compile_pattern("Mr. Lee")
        hits = find(series, pattern, languages=["en"])
        assert [(h.episode, h.line) for h in hits] == [("第01集", 1), ("剧名 - 03", 1)]
        edit = replacement_edit(series, plan_replace(hits, pattern, "Mr. Li"))
        apply_series_edit(series, edit, actor="ann")
        after = [EpisodeProject.of(series, e, "en").doc.get(1) for e in ("第01集", "剧名 - 03")]
        assert [c.target for c in after] == ["Hello, Mr. Li.", "Mr. Li, good morning."]
        assert all(c.state is State.EDITED for c in after)  # an edit to confirm, never a decision
        apply_series_edit(series, edit.inverse(), actor="ann", action="undo")
        again = [EpisodeProject.of(series, e, "en").doc.get(1) for e in ("第01集", "剧名 - 03")]
        assert [(c.target, c.state) for c in again] == [("Hello, Mr. Lee.", State.TRANSLATED),
                                                       ("Mr. Lee, good morning.", State.TRANSLATED)]


def test_a_revised_source_keeps_the_work_of_unchanged_lines_in_every_language(series_path, tmp_path, capsys):
    with Series.open(series_path) as series:
        for lang, text in (("en", "Let's go!"), ("es", "¡Vámonos!")):
            view = EpisodeProject.of(series, "第01集", lang)
            view.apply(edits.SetTarget(3, text), actor="ann")
            view.apply(edits.SetState(3, State.TRANSLATED), actor="ann")
            view.apply(edits.SetTarget(2, "x"), actor="ann")
            view.apply(edits.SetState(2, State.TRANSLATED), actor="ann")
    recut = tmp_path / "第01集.v2.srt"
    recut.write_text(_srt((0.5, 1.0, "（片头）"), (2.0, 3.5, "你好，李总。"), (4.0, 5.5, "这份合同你签了吗？"),
                          (6.0, 7.5, "我们走吧！")), encoding="utf-8")
    capsys.readouterr()
    assert main(["series", "update-source", str(series_path), "第01集", str(recut)]) == 0
    assert "2 lines unchanged, 1 changed" in capsys.readouterr().out
    with Series.open(series_path, read_only=True) as series:
        for lang in ("en", "es"):
            doc = EpisodeProject.of(series, "第01集", lang).doc
            assert [c.source for c in doc] == ["（片头）", "你好，李总。", "这份合同你签了吗？", "我们走吧！"]
            assert doc[3].state is State.TRANSLATED and doc[3].start_ms == 6000  # kept, retimed
            assert doc[2].state is State.STALE  # changed: the work is kept and needs a look
            assert doc[0].state is State.UNTRANSLATED
    other = tmp_path / "other.srt"
    other.write_text(_srt((1.0, 2.0, "完全不同的一集。")), encoding="utf-8")
    assert main(["series", "update-source", str(series_path), "第01集", str(other)]) == 2
    assert "shares no line" in capsys.readouterr().err


def test_pretranslate_uses_each_languages_model_and_drafts_nothing_where_none_covers_it(
        series_path, tiny_model_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SUBREVIEW_DATA_DIR", str(tmp_path / "data"))
    assert main(["models", "add", str(tiny_model_dir), "--name", "tiny-zh-es", "--source-lang", "zh-Hans",
                 "--target-lang", "es"]) == 0
    with Series.open(series_path) as series:
        series.add_language("fr", actor="pm")
    capsys.readouterr()
    assert main(["series", "pretranslate", str(series_path), "--beam", "1"]) == 2  # fr has no model
    out = capsys.readouterr()
    assert "fr: no installed model translates zh-Hans into fr" in out.err
    with Series.open(series_path, read_only=True) as series:
        es = EpisodeProject.of(series, "EP02", "es").doc
        en = EpisodeProject.of(series, "EP02", "en").doc
        fr = EpisodeProject.of(series, "EP02", "fr").doc
    assert all(c.state is State.MT_DRAFT and c.draft.model_id.startswith("tiny") for c in es)
    assert all(c.state is State.MT_DRAFT and "demo" in c.draft.model_id for c in en)
    assert all(c.state is State.UNTRANSLATED for c in fr)


def test_an_episode_goes_out_as_a_project_and_comes_back_with_its_work(series_path, tmp_path):
    with Series.open(series_path) as series:
        view = EpisodeProject.of(series, "EP02", "es")
        view.apply(edits.SetTarget(3, "Hasta mañana."), actor="eva")
        view.apply(edits.SetState(3, State.TRANSLATED), actor="eva")
    out = tmp_path / "EP02.es.subrev"
    assert main(["series", "export-project", str(series_path), "EP02", "es", str(out)]) == 0
    with Project.open(out, read_only=True) as project:
        assert project.meta.target_lang == "es" and project.doc.get(3).target == "Hasta mañana."
    other = tmp_path / "other.subseries"
    Series.create(other, source_lang="zh-Hans", languages=["en"], episodes=[], actor="pm").close()
    assert main(["series", "import-project", str(other), str(out), "--episode", "EP02"]) == 0
    with Series.open(other, read_only=True) as series:
        assert [lang.code for lang in series.languages()] == ["en", "es"]
        back = EpisodeProject.of(series, "EP02", "es").doc.get(3)
        assert (back.target, back.state) == ("Hasta mañana.", State.TRANSLATED)


def test_delivery_exports_what_is_decided_refuses_the_rest_and_reports_both(series_path, tmp_path, capsys):
    with Series.open(series_path) as series:
        view = EpisodeProject.of(series, "EP02", "en")
        for cue, text in zip(view.doc, ("Hello, Mr. Li!", "Have you read this contract?", "See you tomorrow."),
                             strict=True):
            view.apply(edits.SetTarget(cue.id, text), actor="ann")
            view.apply(edits.SetState(cue.id, State.TRANSLATED), actor="ann")
            view.apply(edits.SetState(cue.id, State.APPROVED), actor="rev")
    out = tmp_path / "delivery"
    assert main(["series", "export", str(series_path), str(out)]) == 3
    assert (out / "en" / "EP02.srt").read_text(encoding="utf-8").count("-->") == 3
    assert not (out / "en" / "第01集.srt").exists() and not list((out / "es").glob("*.srt"))
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    rows = {(r["episode"], r["lang"]): r for r in report["rows"]}
    assert rows[("EP02", "en")]["exported"] and rows[("EP02", "en")]["approvers"] == ["rev"]
    assert rows[("EP02", "en")]["translators"] == ["ann"]
    assert not rows[("第01集", "es")]["exported"] and "need a decision" in rows[("第01集", "es")]["refused_reason"]
    assert "<html" in (out / "report.html").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["series", "export", str(series_path), str(out), "--lang", "es", "--allow-unreviewed"]) == 3
    assert "nothing to export" in capsys.readouterr().err  # forcing never writes an empty file
    assert not list((out / "es").glob("*.srt"))


def test_a_redelivery_removes_its_earlier_file_of_an_episode_now_refused_and_nothing_else(series_path, tmp_path,
                                                                                            capsys):
    with Series.open(series_path) as series:
        view = EpisodeProject.of(series, "EP02", "en")
        for cue in view.doc:
            view.apply(edits.SetTarget(cue.id, f"Line {cue.id}."), actor="ann")
            view.apply(edits.SetState(cue.id, State.TRANSLATED), actor="ann")
    out = tmp_path / "delivery"
    assert main(["series", "export", str(series_path), str(out), "--lang", "en"]) == 3
    delivered = out / "en" / "EP02.srt"
    assert delivered.is_file()
    someone_elses = out / "en" / "第01集.srt"  # not written by SubReview: never touched
    someone_elses.write_text("1\n00:00:01,000 --> 00:00:02,000\nTheirs\n", encoding="utf-8")
    with Series.open(series_path) as series:  # a line of EP02 is reopened: EP02 is refused on the next delivery
        EpisodeProject.of(series, "EP02", "en").apply(edits.SetTarget(1, "Line one, changed."), actor="ann")
    capsys.readouterr()
    assert main(["series", "export", str(series_path), str(out), "--lang", "en"]) == 3
    assert "en/EP02.srt from an earlier delivery was removed" in capsys.readouterr().err
    assert not delivered.exists() and someone_elses.read_text(encoding="utf-8").endswith("Theirs\n")
    rows = {(r["episode"], r["lang"]): r for r in json.loads((out / "report.json").read_text("utf-8"))["rows"]}
    assert rows[("EP02", "en")]["removed_earlier"] == "en/EP02.srt" and not rows[("EP02", "en")]["exported"]
    assert rows[("第01集", "en")]["removed_earlier"] == ""
    assert "from an earlier delivery was removed" in (out / "report.html").read_text(encoding="utf-8")


def test_series_qa_names_every_place_of_an_inconsistency_and_the_queue_orders_waiting_lines(series_path, capsys):
    with Series.open(series_path) as series:
        for episode, text in (("第01集", "Let's go!"), ("剧名 - 03", "Let's leave!")):
            view = EpisodeProject.of(series, episode, "en")
            cue = next(c for c in view.doc if c.source == "我们走吧！")
            view.apply(edits.SetTarget(cue.id, text), actor="ann")
            view.apply(edits.SetState(cue.id, State.TRANSLATED), actor="ann")
        series.replace_bible("en", [("name", "李总", "Mr. Li", "President Li", "", False)], actor="pm")
        view = EpisodeProject.of(series, "EP02", "en")
        view.apply(edits.SetTarget(1, "Hello, President Li!"), actor="ann")
    capsys.readouterr()
    assert main(["series", "qa", str(series_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    same = next(i for i in data["consistency"] if i["rule"] == "same_source_different_target")
    assert [(p["episode"], p["line"]) for p in same["places"]] == [("第01集", 3), ("剧名 - 03", 2)]
    bible = [i for i in data["consistency"] if i["lang"] == "en" and i["rule"].startswith("bible")]
    assert bible and bible[0]["places"][0]["episode"] == "EP02"
    assert {(q["episode"], q["lang"]) for q in data["qa"]} >= {("EP02", "en"), ("EP02", "es")}
    assert main(["series", "queue", str(series_path), "--json"]) == 0
    queue = json.loads(capsys.readouterr().out)
    assert {(q["episode"], q["line"]) for q in queue} == {("第01集", 3), ("剧名 - 03", 2), ("EP02", 1)}
    assert queue[0]["episode"] == "EP02" and "bible" in queue[0]["reasons"]  # the riskiest first


def test_a_broken_video_and_an_unreadable_subtitle_are_named_and_the_rest_of_the_series_is_made(tmp_path, capsys):
    from tests.media_files import make_garbage_file

    folder = tmp_path / "vendor"
    folder.mkdir()
    make_garbage_file(folder / "EP01.mp4")
    (folder / "EP01.srt").write_text(_srt(*EP1), encoding="utf-8")
    (folder / "EP02.srt").write_bytes(bytes(range(256)) * 40)  # not text in any encoding
    (folder / "EP03.srt").write_text(_srt(*EP3), encoding="utf-8")
    path = tmp_path / "s.subseries"
    assert main(["series", "new", str(path), "--episodes", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "EP01.mp4" in err and "24 fps is assumed" in err
    assert "EP02.srt" in err and "was not added" in err
    with Series.open(path, read_only=True) as series:
        assert [e.name for e in series.episodes()] == ["EP01", "EP03"]
        assert series.episodes()[0].fps == 24.0


def test_languages_are_listed_with_their_profile_and_model_and_a_model_must_cover_its_language(
        series_path, tiny_model_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SUBREVIEW_DATA_DIR", str(tmp_path / "data"))
    assert main(["models", "add", str(tiny_model_dir), "--name", "tiny-zh-es", "--source-lang", "zh-Hans",
                 "--target-lang", "es"]) == 0
    capsys.readouterr()
    assert main(["series", "language", str(series_path), "pt-BR", "--add"]) == 0
    out = capsys.readouterr().out
    assert "pt-BR: QA profile Portuguese" in out and "nothing is drafted" in out
    assert main(["series", "language", str(series_path)]) == 0
    listing = capsys.readouterr().out
    assert "es: QA profile Spanish, Latin America" in listing and "model tiny-zh-es" in listing
    assert "en: QA profile English" in listing and "zh-en-demo" in listing
    assert main(["series", "language", str(series_path), "es", "--model", "zh-en-demo"]) == 2  # never English in es
    assert "translates into en" in capsys.readouterr().err
    with Series.open(series_path, read_only=True) as series:
        assert series.language("es").model == ""
