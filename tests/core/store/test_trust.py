"""What a project file may be trusted with: ids never reused, the file alone complete while open, no writing
through links planted beside it, nothing half-made left behind, and old files keeping their history."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3

import pytest

from editor.core import edits
from editor.core.document import Cue
from editor.core.review import Comment, RejectCategory, Rejection, Severity, State
from editor.core.store import Project, ProjectError, ProjectMeta, schema

REJECT = Rejection(RejectCategory.TRANSLATION, Severity.MAJOR, "wrong name", "rev", "2026-12-01T10:00:00Z")


def _cues(n: int = 12) -> list[Cue]:
    return [Cue(i, i * 2000, i * 2000 + 1500, f"第{i}句") for i in range(1, n + 1)]


def test_cue_ids_are_never_reused_after_reopening(tmp_path):
    path = tmp_path / "ep.subrev"
    with Project.create(path, _cues(), ProjectMeta(), actor="ann") as project:
        project.apply(edits.SetTarget(10, "line ten"), actor="ann")
        project.apply(edits.Delete((10, 11, 12)), actor="ann")
    with Project.open(path) as project:
        change = project.apply(edits.Split(9, 19000), actor="ann")
        new_id = next(d.cue_id for d in change.deltas if d.before is None)
        assert new_id == 13  # 10, 11 and 12 belonged to lines that no longer exist
        history = [e.action for e in project.events(cue_id=new_id)]
        assert history == ["split"]  # the new line's log starts with its own birth


def test_ids_freed_by_an_undone_split_are_not_given_out_again(tmp_path):
    path = tmp_path / "ep.subrev"
    with Project.create(path, _cues(3), ProjectMeta(), actor="ann") as project:
        change = project.apply(edits.Split(1, 2700), actor="ann")
        project.apply_change(change.inverse(), actor="ann", action="undo:split")
    with Project.open(path) as project:
        again = project.apply(edits.Split(1, 2700), actor="ann")
        assert {d.cue_id for d in again.deltas if d.before is None} == {5}


def test_the_project_file_alone_holds_every_decision_while_it_is_open(tmp_path):
    path = tmp_path / "ep.subrev"
    project = Project.create(path, _cues(), ProjectMeta(), actor="ann")
    try:
        for i in range(1, 8):
            project.apply(edits.SetTarget(i, f"line {i}"), actor="ann")
            project.apply(edits.SetState(i, State.TRANSLATED), actor="ann")
        project.apply(edits.SetState(2, State.REJECTED, REJECT), actor="rev")
        copy = tmp_path / "copy" / "ep.subrev"  # what a backup or a sync of the one file takes
        copy.parent.mkdir()
        shutil.copyfile(path, copy)
    finally:
        project.close()
    assert not copy.with_name("ep.subrev-wal").exists()
    with Project.open(copy, read_only=True) as copied:
        assert [copied.doc.get(i).target for i in range(1, 8)] == [f"line {i}" for i in range(1, 8)]
        assert copied.doc.get(2).state is State.REJECTED and copied.doc.get(2).rejection == REJECT
        assert sum(e.action == "set_state" for e in copied.events()) == 8


def test_a_reader_holding_an_old_snapshot_only_delays_the_copy_into_the_file(tmp_path):
    path = tmp_path / "ep.subrev"
    project = Project.create(path, _cues(), ProjectMeta(), actor="ann")
    try:
        reader = sqlite3.connect(path, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM cues").fetchone()  # a snapshot from before the next action
        project.apply(edits.SetTarget(1, "while someone reads"), actor="ann")
        assert project.checkpoint() is False
        reader.execute("COMMIT")
        reader.close()
        assert project.checkpoint() is True
        shutil.copyfile(path, tmp_path / "copy.subrev")
    finally:
        project.close()
    with Project.open(tmp_path / "copy.subrev", read_only=True) as copied:
        assert copied.doc.get(1).target == "while someone reads"


@pytest.mark.parametrize("kind", ["symlink", "hardlink"])
def test_a_link_named_like_the_lock_file_is_refused_and_its_target_untouched(tmp_path, kind):
    path = tmp_path / "EP.subrev"
    Project.create(path, _cues(), ProjectMeta(), actor="ann").close()
    victim = tmp_path / "reviewer-notes.txt"
    victim.write_text("months of work", encoding="utf-8")
    lock = tmp_path / "EP.subrev.lock"
    if kind == "symlink":
        lock.symlink_to(victim)
    else:
        os.link(victim, lock)
    with pytest.raises(ProjectError, match="link"):
        Project.open(path)
    assert victim.read_text(encoding="utf-8") == "months of work"
    Project.open(path, read_only=True).close()  # reading needs no lock file


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_a_link_named_like_a_sqlite_companion_file_is_refused(tmp_path, suffix):
    path = tmp_path / "EP.subrev"
    Project.create(path, _cues(), ProjectMeta(), actor="ann").close()
    victim = tmp_path / "victim.bin"
    victim.write_bytes(b"precious")
    path.with_name(path.name + suffix).symlink_to(victim)
    with pytest.raises(ProjectError, match="link"):
        Project.open(path)
    assert victim.read_bytes() == b"precious"


def test_create_never_writes_through_a_link_and_leaves_nothing_behind_on_failure(tmp_path):
    path = tmp_path / "EP.subrev"
    too_late = [Cue(1, 0, 10**19, "一")]  # no SQLite integer holds this time
    with pytest.raises(ProjectError, match="cannot create"):
        Project.create(path, too_late, ProjectMeta(), actor="ann")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def _make_version_1_file(path) -> None:
    """A project as SubReview 0.1 wrote it: a single `note` per line, rejections only in the log."""
    con = sqlite3.connect(path, isolation_level=None)
    schema._run_script(con, schema._V1)
    con.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    con.execute("PRAGMA user_version = 1")
    con.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                    [("source_lang", "zh-Hans"), ("target_lang", "en"), ("created_at", "2026-11-01T08:00:00Z")])
    rejection = {"category": "terminology", "severity": "major", "comment": "林总 is Mr. Lin"}
    con.executemany(
        "INSERT INTO cues (id, pos, start_ms, end_ms, source, target, state, note, rejection, draft, meta) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(1, 0.0, 0, 1000, "林总来了。", "Boss Lin is here.", "rejected", "ask the client", json.dumps(rejection),
          None, None),
         (2, 1.0, 1000, 2000, "走吧。", "Let's go.", "approved", "", None, None, None)])
    events = [
        ("2026-11-02T09:00:00Z", "小王", "person", "set_note", 1, '{"note":""}', '{"note":"ask the client"}'),
        ("2026-11-03T10:00:00Z", "李审校", "person", "set_state", 1, '{"rejection":null,"state":"translated"}',
         json.dumps({"rejection": rejection, "state": "rejected"})),
    ]
    con.executemany("INSERT INTO events (at, actor, kind, action, cue_id, before, after) VALUES (?,?,?,?,?,?,?)",
                    events)
    con.close()


def test_a_version_1_file_keeps_its_notes_and_rejections_as_each_lines_thread(tmp_path):
    path = tmp_path / "old.subrev"
    _make_version_1_file(path)
    with Project.open(path) as project:
        cue = project.doc.get(1)
        assert cue.comments == (
            Comment("小王", "2026-11-02T09:00:00Z", "ask the client"),
            Comment("李审校", "2026-11-03T10:00:00Z", "林总 is Mr. Lin", "rejection", RejectCategory.TERMINOLOGY,
                    Severity.MAJOR),
        )
        assert cue.rejection == Rejection(RejectCategory.TERMINOLOGY, Severity.MAJOR, "林总 is Mr. Lin", "李审校",
                                          "2026-11-03T10:00:00Z")
        assert project.doc.get(2).comments == ()
    assert path.with_name("old.subrev.v1.bak").exists()
    with Project.open(path, read_only=True) as again:  # migrated once; opens as it is now
        assert again.doc.get(1).comments == cue.comments


def test_a_link_planted_where_the_migration_backup_goes_is_left_alone(tmp_path):
    path = tmp_path / "old.subrev"
    _make_version_1_file(path)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    path.with_name("old.subrev.v1.bak").symlink_to(victim)
    Project.open(path).close()
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert path.with_name("old.subrev.v1.2.bak").exists()
