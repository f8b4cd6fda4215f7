"""A project whose source is read from the picture, and the source check: confirm or fix, one line at a time,
each a person's act in the log; a fix makes translations stale."""

from __future__ import annotations

import json

import pytest

from editor.core import edits, source_check, workflows
from editor.core.cli import main
from editor.core.document import Cue, Document, DocumentError
from editor.core.ocr import OcrResult
from editor.core.ocr.model import OcrCue, script_for
from editor.core.render import stored_band
from editor.core.review import Actor, Draft, State
from editor.core.source_check import ConfirmSource, FixSource
from editor.core.store import Project
from tests.ocr_videos import make_burned_in_video


def reading(*cues: OcrCue, band=(0, 400, 360, 120)) -> OcrResult:
    return OcrResult(list(cues), band, [], 40, 25.0, 360, 640, 10_000)


LINES = (OcrCue(400, 1360, "把门关上", 0.97), OcrCue(1360, 3640, "别碰她", 0.58),
         OcrCue(3640, 5480, "这份合同你必须签", 0.81, moving=True))


@pytest.fixture
def project(tmp_path):
    video = tmp_path / "ep01.mp4"
    video.write_bytes(b"")  # only its path is kept
    with workflows.create_project_from_picture(tmp_path / "ep01.subrev", video, reading(*LINES),
                                               actor="ann") as made:
        yield made


def test_each_line_keeps_its_confidence_and_waits_for_a_check(project):
    cues = list(project.doc)
    assert [c.source for c in cues] == ["把门关上", "别碰她", "这份合同你必须签"]
    assert [source_check.confidence(c) for c in cues] == [0.97, 0.58, 0.81]
    assert all(source_check.needs_source_check(c) for c in cues)
    assert cues[2].meta[source_check.MOVING_KEY] == "1" and source_check.MOVING_KEY not in cues[0].meta
    assert [c.state for c in cues] == [State.UNTRANSLATED] * 3


def test_the_band_the_video_and_its_frame_rate_are_kept(project, tmp_path):
    assert stored_band(project) == (0, 400, 360, 120)
    assert project.meta.video_path == str((tmp_path / "ep01.mp4").resolve())
    assert project.meta.fps == 25.0 and project.meta.source_path == ""
    created = project.events()[0]
    assert created.action == "create" and created.actor == "ann"
    assert created.after["read_from_picture"] == project.meta.video_path and created.after["band"] == [0, 400, 360, 120]
    with Project.open(project.path, read_only=True) as again:  # what was kept is in the file, not only in memory
        assert [source_check.confidence(c) for c in again.doc] == [0.97, 0.58, 0.81]


def test_no_project_is_made_from_an_empty_reading(tmp_path):
    with pytest.raises(ValueError):
        workflows.create_project_from_picture(tmp_path / "x.subrev", tmp_path / "x.mp4", reading(band=None),
                                              actor="ann")
    assert not (tmp_path / "x.subrev").exists()


def test_the_check_goes_lowest_confidence_first(project):
    assert [c.source for c in source_check.check_order(project.doc)] == ["别碰她", "这份合同你必须签", "把门关上"]
    project.apply(ConfirmSource(2), actor="ann")
    assert [c.source for c in source_check.check_order(project.doc)] == ["这份合同你必须签", "把门关上"]
    assert source_check.progress(project.doc) == source_check.SourceProgress(read=3, checked=1)


def test_confirming_keeps_the_text_and_records_who(project):
    change = project.apply(ConfirmSource(2), actor="bob")
    cue = project.doc.get(2)
    assert cue.source == "别碰她" and source_check.check_of(cue) == "confirmed"
    assert cue.state is State.UNTRANSLATED
    event = project.events(2)[-1]
    assert (event.action, event.actor, event.kind) == ("confirm_source", "bob", "person")
    project.apply_change(change.inverse(), actor="bob")  # undo: waits for a check again
    assert source_check.needs_source_check(project.doc.get(2))


def test_a_fix_is_the_persons_and_makes_the_draft_stale(project):
    project.apply(edits.ApplyDraft(2, Draft("Don't touch her.", model_id="demo")), actor="machine",
                  kind=Actor.MACHINE)
    assert project.doc.get(2).state is State.MT_DRAFT
    project.apply(FixSource(2, "别碰他"), actor="ann")
    cue = project.doc.get(2)
    assert cue.source == "别碰他" and source_check.check_of(cue) == "fixed"
    assert cue.state is State.STALE  # the draft was made from the misread line
    event = project.events(2)[-1]
    assert event.action == "fix_source" and event.actor == "ann"
    assert event.before["source"] == "别碰她" and event.after["source"] == "别碰他"


def test_a_fix_that_changes_nothing_is_a_confirmation_and_an_empty_fix_is_refused(project):
    project.apply(FixSource(1, " 把门关上 "), actor="ann")
    assert source_check.check_of(project.doc.get(1)) == "confirmed"
    with pytest.raises(DocumentError):
        project.apply(FixSource(1, "  "), actor="ann")
    assert project.doc.get(1).source == "把门关上"


def test_a_line_not_read_from_the_picture_has_nothing_to_confirm():
    doc = Document([Cue(1, 0, 1000, "你好")])
    with pytest.raises(DocumentError):
        ConfirmSource(1).change(doc)
    fixed = edits.apply(doc, FixSource(1, "您好"))
    assert doc.get(1).source == "您好" and not source_check.check_of(doc.get(1))  # an ordinary source edit
    assert fixed.deltas


@pytest.mark.parametrize(("lang", "script"), [("zh-Hans", "zh-Hans"), ("zh", "zh-Hans"), ("zh-CN", "zh-Hans"),
                                              ("zh-Hant", "zh-Hant"), ("zh-TW", "zh-Hant"), ("zh_HK", "zh-Hant"),
                                              ("zh-Hant-TW", "zh-Hant")])
def test_the_script_read_follows_the_source_language(lang, script):
    assert script_for(lang) == script


def test_new_from_picture_on_the_command_line(ocr_folder, tmp_path, capsys):
    from tests.core.ocr.conftest import LINES as TRUTH

    video = make_burned_in_video(ocr_folder / "cli-new.mp4", TRUTH[:3], seconds=6)
    out = tmp_path / "ep.subrev"
    assert main(["new", str(out), "--video", str(video.path), "--source-from-picture", "--target-lang", "es",
                 "--reviewer", "ann"]) == 0
    assert "3 lines read from the picture" in capsys.readouterr().out
    with Project.open(out, read_only=True) as made:
        assert [c.source for c in made.doc] == [line.text for line in TRUTH[:3]]
        assert all(source_check.needs_source_check(c) for c in made.doc)
        assert made.meta.target_lang == "es" and stored_band(made) is not None


def test_new_from_picture_refuses_a_blank_video_and_makes_nothing(ocr_folder, tmp_path, capsys):
    video = make_burned_in_video(ocr_folder / "cli-new-blank.mp4", [], seconds=3, background="gradient")
    out = tmp_path / "blank.subrev"
    assert main(["new", str(out), "--video", str(video.path), "--source-from-picture"]) == 2
    err = capsys.readouterr().err
    assert "no burned-in text was found" in err and "no project was made" in err
    assert not out.exists()


def test_new_needs_a_source_or_the_picture(tmp_path, capsys):
    assert main(["new", str(tmp_path / "a.subrev")]) == 2
    assert "--source-from-picture" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "a.subrev"), "--source-from-picture"]) == 2
    assert "needs the video" in capsys.readouterr().err


def test_stats_count_the_source_lines_checked(project, capsys):
    project.apply(ConfirmSource(1), actor="ann")
    path = str(project.path)
    project.close()
    assert main(["stats", path, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["source_check"] == {"read_from_picture": 3, "checked": 1}
    assert main(["stats", path]) == 0
    assert "3 source lines read from the picture, 1 checked by a person" in capsys.readouterr().out
