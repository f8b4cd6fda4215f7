"""One writer per project: a second SubReview is told who has it open and cannot change it."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from editor.core import edits
from editor.core.review import State
from editor.core.store import Project, ProjectError, ProjectLockedError

ROOT = Path(__file__).resolve().parents[3]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _child(code: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_a_second_writer_in_the_same_process_is_refused_and_told_who(project, project_path):
    with pytest.raises(ProjectLockedError) as info:
        Project.open(project_path)
    message = str(info.value)
    assert str(project_path) in message and f"process {os.getpid()}" in message and "Close it there" in message
    assert info.value.holder["pid"] == os.getpid()
    project.apply(edits.SetTarget(1, "still mine"), actor="ann")  # the first goes on, unharmed
    assert project.integrity_check() == "ok"


def test_a_second_process_is_refused_until_the_first_closes(project, project_path):
    code = f"""
        import sys
        from editor.core.store import Project, ProjectLockedError
        try:
            Project.open({str(project_path)!r}).close()
        except ProjectLockedError as exc:
            print("LOCKED", exc)
            sys.exit(3)
        print("OPENED")
    """
    refused = _child(code)
    out, err = refused.communicate(timeout=60)
    assert refused.returncode == 3, err
    assert "is already open in" in out
    project.close()
    allowed = _child(code)
    out, err = allowed.communicate(timeout=60)
    assert allowed.returncode == 0 and "OPENED" in out, err


def test_the_lock_dies_with_a_killed_holder(project_path):
    holder = _child(f"""
        from editor.core.store import Project
        p = Project.open({str(project_path)!r})
        print("HOLDING", flush=True)
        import time; time.sleep(60)
    """)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "HOLDING"
    with pytest.raises(ProjectLockedError):
        Project.open(project_path)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    assert (project_path.parent / (project_path.name + ".lock")).exists()  # left behind, but no longer held
    with Project.open(project_path) as project:
        assert project.integrity_check() == "ok"


def test_a_read_only_opener_sees_committed_work_and_cannot_change_anything(project, project_path):
    project.apply(edits.SetTarget(2, "committed"), actor="ann")
    viewer = Project.open(project_path, read_only=True)
    try:
        assert viewer.read_only and viewer.doc.get(2).target == "committed"
        with pytest.raises(ProjectError, match="read-only"):
            viewer.apply(edits.SetState(2, State.APPROVED), actor="bob")
        assert viewer.doc.get(2).state is not State.APPROVED  # memory stays equal to the file
        with pytest.raises(ProjectError, match="read-only"):
            viewer.set_meta("target_lang", "fr", actor="bob")
    finally:
        viewer.close()
    project.apply(edits.SetTarget(3, "after the viewer left"), actor="ann")
    assert project.cue_rows_on_disk()[1].target == "committed"
    assert not project.read_only


def test_a_closed_project_opens_read_only_without_changing_it(project_path):
    before = digest(project_path)
    with Project.open(project_path, read_only=True) as viewer:
        assert len(viewer.doc) == 5
    assert digest(project_path) == before


def test_a_stale_lock_file_with_junk_does_not_block(project_path):
    (project_path.parent / (project_path.name + ".lock")).write_text("{not json", encoding="utf-8")
    with Project.open(project_path) as project:
        assert project.integrity_check() == "ok"


def test_a_project_in_a_read_only_folder_is_refused_for_writing_but_opens_read_only(project_path,
                                                                                   make_read_only):
    make_read_only(project_path.parent)
    before = digest(project_path)
    with pytest.raises(ProjectError, match="folder must be writable"):
        Project.open(project_path)
    with Project.open(project_path, read_only=True) as viewer:
        assert len(viewer.doc) == 5
    assert digest(project_path) == before



def test_a_file_system_without_locks_still_opens_the_project_and_says_so(project_path, monkeypatch, caplog):
    import errno
    import fcntl

    def no_locks(fd: int, operation: int) -> None:  # what some network shares answer; cannot be mounted here
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with caplog.at_level("WARNING"), Project.open(project_path) as project:
        project.apply(edits.SetTarget(1, "saved anyway"), actor="ann")
        assert project.integrity_check() == "ok"
    assert "cannot lock files" in caplog.text
