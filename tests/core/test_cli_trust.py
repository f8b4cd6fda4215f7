"""The command line tells the truth: encodings chosen or hinted, frame rates read from the video, QA that can fail
a script, exports that refuse to write nothing or over the source, and problems named once per line."""

from __future__ import annotations

import json
from pathlib import Path

from editor.core import edits
from editor.core.cli import EXIT_BAD_INPUT, EXIT_CHECKS_FAILED, EXIT_OK, main
from editor.core.review import State
from editor.core.store import Project
from tests.media_files import make_video_at_rate

# The last line of an episode, in Big5 (Traditional Chinese): short enough to be read as something else.
LAST_LINE = "1\n00:01:02,000 --> 00:01:04,000\n少爺，夫人在等您。\n"


def _write(path: Path, text: str, codec: str = "utf-8") -> Path:
    path.write_bytes(text.encode(codec))
    return path


def test_info_takes_the_encoding_or_the_source_language(tmp_path, capsys):
    srt = _write(tmp_path / "last.srt", LAST_LINE, "big5")
    assert main(["info", str(srt), "--json", "--encoding", "big5"]) == EXIT_OK
    forced = json.loads(capsys.readouterr().out)
    assert forced["cues"][0]["text"] == "少爺，夫人在等您。" and forced["encoding"] == "big5"
    assert main(["info", str(srt), "--json", "--source-lang", "zh-Hant"]) == EXIT_OK
    hinted = json.loads(capsys.readouterr().out)
    assert hinted["cues"][0]["text"] == "少爺，夫人在等您。"
    assert main(["info", str(srt), "--encoding", "no-such-codec"]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err.startswith("error:")


def test_new_reads_with_the_encoding_given_and_the_frame_rate_of_the_video(tmp_path, capsys):
    srt = _write(tmp_path / "ep.srt", LAST_LINE, "big5")
    video = make_video_at_rate(tmp_path / "ep.mp4", "30000/1001")
    project = tmp_path / "ep.subrev"
    assert main(["new", str(project), "--source", str(srt), "--video", str(video), "--encoding", "big5",
                 "--source-lang", "zh-Hant", "--reviewer", "ann"]) == EXIT_OK
    with Project.open(project, read_only=True) as p:
        assert p.doc.get(1).source == "少爺，夫人在等您。"
        assert abs(p.meta.fps - 29.97) < 0.01 and p.meta.source_encoding == "big5"
    assert "29.97 fps" in capsys.readouterr().out
    explicit = tmp_path / "ep25.subrev"
    assert main(["new", str(explicit), "--source", str(srt), "--video", str(video), "--fps", "25",
                 "--encoding", "big5"]) == EXIT_OK
    with Project.open(explicit, read_only=True) as p:
        assert p.meta.fps == 25.0


def test_problems_name_their_line_once(tmp_path, capsys):
    srt = _write(tmp_path / "broken.srt", "1\n00:00:01,000 --> 00:00:02,000\n好\n\n2\n00:00:0x,000 --> 00:00:04\n坏\n")
    assert main(["info", str(srt)]) == EXIT_OK
    out = capsys.readouterr().out
    problem = next(line for line in out.splitlines() if "line 6" in line)
    assert problem.count("line 6") == 1, problem


def test_hours_no_subtitle_can_have_are_a_skipped_cue_not_a_crash(tmp_path, capsys):
    srt = _write(tmp_path / "hours.srt", "1\n9999999999999999:00:01,000 --> 9999999999999999:00:02,000\n好\n\n"
                                         "2\n00:00:03,000 --> 00:00:04,000\n坏\n")
    project = tmp_path / "hours.subrev"
    assert main(["new", str(project), "--source", str(srt)]) == EXIT_OK
    assert "line 2" in capsys.readouterr().err
    with Project.open(project, read_only=True) as p:
        assert [c.source for c in p.doc] == ["坏"]
    assert not [f.name for f in tmp_path.iterdir() if f.name.endswith(".tmp")]  # no temporary file left


def _project_with_checks(tmp_path: Path) -> Path:
    srt = _write(tmp_path / "ep.srt", "1\n00:00:01,000 --> 00:00:01,200\n你好，林总。\n")
    project = tmp_path / "ep.subrev"
    assert main(["new", str(project), "--source", str(srt)]) == EXIT_OK
    return project


def test_qa_can_fail_a_script_on_errors(tmp_path, capsys):
    project = _project_with_checks(tmp_path)
    capsys.readouterr()
    assert main(["qa", str(project), "--json"]) == EXIT_OK  # reporting alone never fails
    severities = {i["severity"] for i in json.loads(capsys.readouterr().out)["issues"]}
    assert "error" in severities or "warning" in severities
    worst = "error" if "error" in severities else "warning"
    assert main(["qa", str(project), "--fail-on", worst]) == EXIT_CHECKS_FAILED
    assert main(["qa", str(project), "--fail-on", "never"]) == EXIT_OK


def test_an_export_with_nothing_to_write_is_refused_and_writes_nothing(tmp_path, capsys):
    project = _project_with_checks(tmp_path)
    out = tmp_path / "out.srt"
    assert main(["export", str(project), str(out), "--allow-unreviewed"]) == EXIT_BAD_INPUT
    assert "nothing to export" in capsys.readouterr().err and not out.exists()


def test_an_export_over_the_projects_own_source_is_refused(tmp_path, capsys):
    project = _project_with_checks(tmp_path)
    with Project.open(project) as p:
        p.apply(edits.SetTarget(1, "Hello, Mr. Lin."), actor="ann")
        p.apply(edits.SetState(1, State.TRANSLATED), actor="ann")
    source = tmp_path / "ep.srt"
    before = source.read_bytes()
    assert main(["export", str(project), str(source)]) == EXIT_BAD_INPUT
    assert "source subtitle file" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_an_export_says_which_lines_it_leaves_out_and_which_tags_it_cannot_carry(tmp_path, capsys):
    srt = _write(tmp_path / "ep.srt", "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}你好\n\n"
                                      "2\n00:00:03,000 --> 00:00:04,000\n再见\n")
    project = tmp_path / "ep.subrev"
    assert main(["new", str(project), "--source", str(srt)]) == EXIT_OK
    with Project.open(project) as p:
        p.apply(edits.SetTarget(1, "{\\an8}{\\fad(200,200)}Hello"), actor="ann")
        p.apply(edits.SetState(1, State.TRANSLATED), actor="ann")
    capsys.readouterr()
    out = tmp_path / "ep.en.vtt"
    assert main(["export", str(project), str(out), "--allow-unreviewed"]) == EXIT_OK
    err = capsys.readouterr().err
    assert "1 lines have no translation and were left out: 2" in err
    assert "line 1: \\fad(200,200) was left out" in err
    assert "{\\" not in out.read_text(encoding="utf-8") and "line:0" in out.read_text(encoding="utf-8")
