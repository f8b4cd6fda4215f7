"""What `subreview open ...` opens: a project, a lone subtitle file, or a video with its subtitles."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core.formats import SubtitleError
from editor.core.store import Project, ProjectError
from editor.gui import NewProjectOptions, Opened, given_new_project, project_for

ASKED = given_new_project(NewProjectOptions("zh-Hans", "en", fps=25.0), "ann")  # what `open --source-lang...` gives

REPO = Path(__file__).resolve().parent.parent

SRT = "1\n00:00:01,000 --> 00:00:02,500\n你好\n\n2\n00:00:03,000 --> 00:00:04,000\n再见\n"


def test_a_lone_subtitle_file_becomes_a_project_next_to_it_returned_open(tmp_path: Path):
    subs = tmp_path / "第一集.srt"
    subs.write_text(SRT, encoding="utf-8")
    opened = project_for(subs, ASKED)
    assert isinstance(opened, Opened) and not opened.project.read_only
    project = opened.project
    try:
        assert project.path == tmp_path / "第一集.subrev"
        assert [c.source for c in project.doc] == ["你好", "再见"]
        assert project.meta.video_path == ""
        assert (project.meta.source_lang, project.meta.target_lang, project.meta.fps) == ("zh-Hans", "en", 25.0)
    finally:
        project.close()


def test_the_person_is_asked_how_to_make_a_new_project_and_may_cancel(tmp_path: Path):
    subs = tmp_path / "ep0.srt"
    subs.write_text(SRT, encoding="utf-8")
    asked = []
    assert project_for(subs, lambda video, found: asked.append((video, found))) is None
    assert asked == [(None, subs)] and not (tmp_path / "ep0.subrev").exists()


def test_the_second_open_reuses_the_project_without_parsing_the_file_again(tmp_path: Path):
    subs = tmp_path / "ep1.srt"
    subs.write_text(SRT, encoding="utf-8")
    opened = project_for(subs, ASKED)
    assert isinstance(opened, Opened)
    opened.project.close()
    subs.write_bytes(b"\x00garbage that no parser accepts\xff")  # a re-parse would fail
    path = project_for(subs, lambda *_: pytest.fail("a project that exists is not made again"))
    assert path == tmp_path / "ep1.subrev"
    with Project.open(path) as project:
        assert len(project.doc) == 2


def test_video_and_subtitles_and_a_project_path(tmp_path: Path):
    subs = tmp_path / "ep2.srt"
    subs.write_text(SRT, encoding="utf-8")
    video = tmp_path / "ep2.mp4"
    video.write_bytes(b"")
    opened = project_for((video, subs), ASKED)
    assert isinstance(opened, Opened)
    with opened.project as project:
        assert project.meta.video_path == str(video.resolve())
        path = project.path
    assert project_for(path, ASKED) == path



def test_subtitles_under_another_extension_are_imported_and_a_foreign_format_is_named(tmp_path: Path):
    renamed = tmp_path / "ep3.txt"
    renamed.write_text(SRT, encoding="utf-8")
    opened = project_for(renamed, ASKED)
    assert isinstance(opened, Opened)
    with opened.project as project:
        assert project.path == tmp_path / "ep3.subrev"
        assert [c.source for c in project.doc] == ["你好", "再见"]
    micro = tmp_path / "ep4.sub"  # read before anything is asked: no question about a file that cannot be used
    micro.write_text("{1}{25}你好\n", encoding="utf-8")
    with pytest.raises(SubtitleError, match="MicroDVD"):
        project_for(micro, ASKED)
    assert not (tmp_path / "ep4.subrev").exists()


def test_a_damaged_project_file_is_never_read_as_subtitles(tmp_path: Path):
    damaged = tmp_path / "ep5.subrev"
    damaged.write_text(SRT, encoding="utf-8")  # not SQLite: opening it must say the project is damaged
    assert project_for(damaged, ASKED) == damaged
    with pytest.raises(ProjectError, match="not a SubReview project"):
        Project.open(damaged)


def test_without_a_display_the_window_command_says_so_instead_of_aborting(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, str(REPO / "main.py"), "demo"], env=env, capture_output=True,
                          text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 2
    assert "no graphical display" in done.stderr
    assert "Traceback" not in done.stderr and "Aborted" not in done.stderr


def test_a_video_alone_is_refused_with_what_to_do(tmp_path: Path):
    video = tmp_path / "第1集.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(64))
    with pytest.raises(SubtitleError) as caught:
        project_for(video, ASKED)
    assert caught.value.code == "video_alone"
    assert "Open Video and Subtitles" in str(caught.value) and str(video) in str(caught.value)
    assert not (tmp_path / "第1集.subrev").exists()
