"""The `subreview` commands: exit codes, JSON shapes, export gating, and one `error:` line for mistakes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core import edits
from editor.core.cli import main
from editor.core.review import State
from editor.core.store import Project

ROOT = Path(__file__).resolve().parents[2]

SOURCE = """1
00:00:01,000 --> 00:00:03,000
你好，林总。

2
00:00:03,500 --> 00:00:05,000
合同在这里。

3
00:00:06,000 --> 00:00:08,000
我有三个问题。
"""

TARGET = """1
00:00:01,050 --> 00:00:02,950
Hello, Mr. Lin.

2
00:00:03,600 --> 00:00:04,900
Here is the contract.

3
00:00:20,000 --> 00:00:21,000
An orphan line.
"""


@pytest.fixture
def files(tmp_path):
    src = tmp_path / "第一集.srt"
    src.write_text(SOURCE, encoding="gb18030")
    tgt = tmp_path / "ep01.en.srt"
    tgt.write_text(TARGET, encoding="utf-8")
    return src, tgt, tmp_path / "ep01.subrev"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_info_json_shape(files, capsys):
    src, _, _ = files
    assert main(["info", str(src), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"path", "format", "encoding", "cues", "problems"}
    assert data["format"] == "srt" and data["encoding"] in ("gb18030", "gbk", "gb2312")
    assert data["cues"][0] == {"start_ms": 1000, "end_ms": 3000, "text": "你好，林总。"}
    assert data["problems"] == []


def test_new_stats_and_project_contents(files, capsys):
    src, _, proj = files
    assert main(["new", str(proj), "--source", str(src), "--target-lang", "en", "--reviewer", "ann"]) == 0
    capsys.readouterr()
    assert main(["stats", str(proj), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["cues"] == 3
    assert stats["states"] == {"untranslated": 3, "mt_draft": 0, "edited": 0, "translated": 0, "approved": 0,
                               "rejected": 0, "stale": 0}


def test_import_target_aligns_by_time_as_drafts_and_reports_the_orphan(files, capsys):
    src, tgt, proj = files
    main(["new", str(proj), "--source", str(src), "--reviewer", "ann"])
    capsys.readouterr()
    assert main(["import-target", str(proj), str(tgt), "--reviewer", "ann"]) == 0
    out = capsys.readouterr().out
    assert "imported 2" in out and "not aligned: line 9" in out and "An orphan line." in out
    with Project.open(proj) as p:
        assert [c.target for c in p.doc] == ["Hello, Mr. Lin.", "Here is the contract.", ""]
        assert [c.state for c in p.doc] == [State.MT_DRAFT, State.MT_DRAFT, State.UNTRANSLATED]
        assert p.doc.get(1).draft.origin == "import"
        report = [e for e in p.events() if e.action == "import_target_report"][-1]
        assert report.after["unaligned"][0]["text"] == "An orphan line."


def test_export_is_refused_with_counts_until_every_line_is_decided(files, tmp_path, capsys):
    src, tgt, proj = files
    out = tmp_path / "out" / "ep01.en.srt"
    out.parent.mkdir()
    main(["new", str(proj), "--source", str(src)])
    main(["import-target", str(proj), str(tgt)])
    capsys.readouterr()
    assert main(["export", str(proj), str(out)]) == 3
    err = capsys.readouterr().err
    assert err.startswith("error:") and "3 lines still need a decision" in err
    assert "2 mt_draft" in err and "1 untranslated" in err
    assert not out.exists()

    with Project.open(proj) as p:
        p.apply(edits.SetState(1, State.TRANSLATED), actor="ann")
        p.apply(edits.SetTarget(2, "The contract is here."), actor="ann")
        p.apply(edits.SetState(2, State.TRANSLATED), actor="ann")
        p.apply(edits.SetTarget(3, "I have three questions."), actor="ann")
        p.apply(edits.SetState(3, State.APPROVED), actor="rev")
    assert main(["export", str(proj), str(out), "--reviewer", "rev"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "The contract is here." in text and "00:00:06,000 --> 00:00:08,000" in text
    assert list(tmp_path.joinpath("out").iterdir()) == [out]  # no temporary file left behind
    with Project.open(proj) as p:
        export = [e for e in p.events() if e.action == "export"][-1]
        assert export.actor == "rev" and export.after["cues"] == 3


def test_export_with_allow_unreviewed_writes_what_there_is(files, tmp_path, capsys):
    src, tgt, proj = files
    main(["new", str(proj), "--source", str(src)])
    main(["import-target", str(proj), str(tgt)])
    out = tmp_path / "draft.vtt"
    assert main(["export", str(proj), str(out), "--allow-unreviewed"]) == 0
    assert out.read_text(encoding="utf-8").startswith("WEBVTT")


def test_qa_json_lists_structured_issues(files, capsys):
    src, tgt, proj = files
    main(["new", str(proj), "--source", str(src)])
    main(["import-target", str(proj), str(tgt)])
    capsys.readouterr()
    assert main(["qa", str(proj), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rules = {(i["rule"], i["cue"]) for i in data["issues"]}
    assert ("empty_target", 3) in rules
    for issue in data["issues"]:
        assert set(issue) >= {"rule", "cue", "severity", "params", "message"}


@pytest.mark.parametrize(
    "args",
    [
        ["info", "/no/such/file.srt"],
        ["stats", "/no/such/project.subrev"],
        ["export", "{proj}", "{tmp}/out.docx"],
        ["new", "{tmp}/x.subrev", "--source", "{garbage}"],
        ["stats", "{garbage}"],
        ["new", "{tmp}/y.subrev"],
        ["frobnicate"],
        ["new", "{tmp}/z.subrev", "--source", "{src}", "--fps", "-3"],
    ],
)
def test_bad_input_is_one_error_line_exit_2_no_traceback(files, tmp_path, args):
    src, _, proj = files
    garbage = tmp_path / "garbage.srt"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    main(["new", str(proj), "--source", str(src)])
    args = [a.format(proj=proj, tmp=tmp_path, garbage=garbage, src=src) for a in args]
    result = run_cli(*args)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), result.stderr
    assert "Traceback" not in result.stderr


def test_every_command_has_help():
    for command in ("info", "new", "import-target", "stats", "qa", "export"):
        result = run_cli(command, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout


def test_new_project_on_a_non_ascii_path_with_video(tmp_path, capsys):
    folder = tmp_path / "短剧 第二季"
    folder.mkdir()
    src = folder / "第2集.srt"
    src.write_text(SOURCE, encoding="utf-8")
    video = folder / "第2集.mp4"
    video.write_bytes(b"\x00" * 10)
    proj = folder / "第2集.subrev"
    assert main(["new", str(proj), "--source", str(src), "--video", str(video)]) == 0
    with Project.open(proj) as p:
        assert p.meta.video_path == str(video.resolve()) and len(p.doc) == 3


def test_export_into_a_read_only_folder_fails_cleanly_and_keeps_the_old_file(files, tmp_path, make_read_only):
    src, tgt, proj = files
    main(["new", str(proj), "--source", str(src)])
    main(["import-target", str(proj), str(tgt)])
    folder = tmp_path / "delivery"
    folder.mkdir()
    old = folder / "ep01.en.srt"
    old.write_text("previous delivery", encoding="utf-8")
    make_read_only(folder)
    result = run_cli("export", str(proj), str(old), "--allow-unreviewed")
    assert result.returncode == 2
    assert result.stderr.startswith("error: cannot write") and "Traceback" not in result.stderr
    assert old.read_text(encoding="utf-8") == "previous delivery"
    assert sorted(p.name for p in folder.iterdir()) == ["ep01.en.srt"]
    with Project.open(proj) as p:
        assert not [e for e in p.events() if e.action == "export"]


def test_info_and_new_on_a_50000_cue_file(big_srt, tmp_path):
    result = run_cli("info", str(big_srt), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["cues"]) == 50_000 and data["problems"] == []
    last = data["cues"][-1]
    assert (last["start_ms"], last["end_ms"]) == (100_000_000, 100_001_500)
    assert last["text"] == "第50000句台词，你怎么会在这里？\nline 50000"
    proj = tmp_path / "season.subrev"
    assert run_cli("new", str(proj), "--source", str(big_srt)).returncode == 0
    with Project.open(proj) as p:
        assert len(p.doc) == 50_000 and p.doc[-1].end_ms == 100_001_500


def test_glossary_import_feeds_the_glossary_rules(files, tmp_path, capsys):
    src, tgt, proj = files
    main(["new", str(proj), "--source", str(src)])
    main(["import-target", str(proj), str(tgt)])
    csv = tmp_path / "glossary.csv"
    csv.write_text("source,target,forbidden\n林总,Mr. Lin,President Lin|Boss Lin\n合同,agreement,\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["glossary", str(proj), str(csv), "--reviewer", "pm"]) == 0
    assert "2 terms" in capsys.readouterr().out
    assert main(["glossary", str(proj)]) == 0
    assert "林总 -> Mr. Lin  (not: President Lin, Boss Lin)" in capsys.readouterr().out
    assert main(["qa", str(proj), "--json"]) == 0
    issues = json.loads(capsys.readouterr().out)["issues"]
    assert ("glossary_missing", 2) in {(i["rule"], i["cue"]) for i in issues}  # "contract", not "agreement"
    assert ("glossary_missing", 1) not in {(i["rule"], i["cue"]) for i in issues}
    bad = tmp_path / "bad.csv"
    bad.write_text("nothing useful here\n", encoding="utf-8")
    assert run_cli("glossary", str(proj), str(bad)).returncode == 2


def test_reading_commands_work_while_a_window_has_the_project_and_writing_ones_are_told(files, tmp_path,
                                                                                        capsys):
    src, tgt, proj = files
    main(["new", str(proj), "--source", str(src)])
    holder = Project.open(proj)  # what an open SubReview window holds
    try:
        capsys.readouterr()
        assert main(["stats", str(proj), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["cues"] == 3
        assert main(["qa", str(proj)]) == 0
        out = tmp_path / "ep01.en.srt.out.srt"
        assert main(["export", str(proj), str(out), "--allow-unreviewed"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and "is already open in" in err and "Traceback" not in err
        assert not out.exists()
        assert main(["import-target", str(proj), str(tgt)]) == 2
        assert all(c.target == "" for c in holder.doc)
    finally:
        holder.close()
    assert main(["import-target", str(proj), str(tgt)]) == 0


def test_qa_names_other_lines_by_the_numbers_people_see(files, capsys):
    """Ids and line numbers part ways once a line is deleted: an overlap message names the line number."""
    src, _tgt, proj = files
    main(["new", str(proj), "--source", str(src)])
    with Project.open(proj) as project:
        project.apply(edits.Delete((1,)), actor="t")
        project.apply(edits.SetTiming(2, 3500, 6500), actor="t")  # now overlaps cue 3 (line 2)
    capsys.readouterr()
    assert main(["qa", str(proj)]) == 0
    overlap = [line for line in capsys.readouterr().out.splitlines() if "] overlap:" in line]
    assert overlap == ["#1 [error] overlap: Overlaps subtitle #2 by 500 ms"], overlap
    assert main(["qa", str(proj), "--json"]) == 0
    issue = next(i for i in json.loads(capsys.readouterr().out)["issues"] if i["rule"] == "overlap")
    assert issue["params"]["next_id"] == 3 and issue["message"].endswith("#2 by 500 ms")
