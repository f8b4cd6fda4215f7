"""What `subreview open ...` opens: a project, a lone subtitle file, or a video with its subtitles."""

from __future__ import annotations

from pathlib import Path

from editor.core.store import Project
from editor.gui import project_for

SRT = "1\n00:00:01,000 --> 00:00:02,500\n你好\n\n2\n00:00:03,000 --> 00:00:04,000\n再见\n"


def test_a_lone_subtitle_file_becomes_a_project_next_to_it_returned_open(tmp_path: Path):
    subs = tmp_path / "第一集.srt"
    subs.write_text(SRT, encoding="utf-8")
    project = project_for(subs, "ann")
    assert isinstance(project, Project) and not project.read_only
    try:
        assert project.path == tmp_path / "第一集.subrev"
        assert [c.source for c in project.doc] == ["你好", "再见"]
        assert project.meta.video_path == ""
    finally:
        project.close()


def test_the_second_open_reuses_the_project_without_parsing_the_file_again(tmp_path: Path):
    subs = tmp_path / "ep1.srt"
    subs.write_text(SRT, encoding="utf-8")
    project_for(subs, "ann").close()
    subs.write_bytes(b"\x00garbage that no parser accepts\xff")  # a re-parse would fail
    path = project_for(subs, "ann")
    assert path == tmp_path / "ep1.subrev"
    with Project.open(path) as project:
        assert len(project.doc) == 2


def test_video_and_subtitles_and_a_project_path(tmp_path: Path):
    subs = tmp_path / "ep2.srt"
    subs.write_text(SRT, encoding="utf-8")
    video = tmp_path / "ep2.mp4"
    video.write_bytes(b"")
    with project_for((video, subs), "ann") as project:
        assert project.meta.video_path == str(video.resolve())
        path = project.path
    assert project_for(path, "ann") == path

