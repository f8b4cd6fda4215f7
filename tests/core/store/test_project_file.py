"""The project file: every action committed at once, an append-only log, and refusal of files not ours."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from editor.core import edits
from editor.core.document import Cue
from editor.core.review import Actor, Comment, RejectCategory, Rejection, Severity, State
from editor.core.store import Project, ProjectError, ProjectMeta, schema


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_project_holds_cues_meta_and_a_create_event(project):
    assert [c.id for c in project.doc] == [1, 2, 3, 4, 5]
    assert project.doc.get(1).draft.model_id == "zh-en-demo"
    assert project.doc.get(5).meta == {"position": "X1:1"}
    assert project.meta.target_lang == "en"
    events = project.events()
    assert events[0].action == "create" and events[0].actor == "ann" and events[0].after["cues"] == 5


def test_file_uses_wal_and_carries_version_and_application_id(project, project_path):
    con = sqlite3.connect(project_path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert con.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    con.close()


def test_each_action_is_visible_to_another_connection_at_once(project, project_path):
    project.apply(edits.SetState(2, State.APPROVED), actor="rev")
    other = sqlite3.connect(project_path)
    state = other.execute("SELECT state FROM cues WHERE id = 2").fetchone()[0]
    other.close()
    assert state == "approved"


def test_event_log_records_who_what_and_before_after(project):
    rejection = Rejection(RejectCategory.STYLE, Severity.MINOR, "too long", "李审校", "2026-12-01T10:00:00Z")
    project.apply(edits.SetState(2, State.REJECTED, rejection), actor="李审校")
    event = project.events(cue_id=2)[-1]
    assert event.actor == "李审校" and event.kind == Actor.PERSON.value and event.action == "set_state"
    assert event.before == {"state": "translated", "rejection": None, "comments": []}
    assert event.after["rejection"] == {"category": "style", "severity": "minor", "comment": "too long",
                                        "by": "李审校", "at": "2026-12-01T10:00:00Z"}
    assert event.after["comments"] == [{"author": "李审校", "at": "2026-12-01T10:00:00Z", "text": "too long",
                                        "kind": "rejection", "category": "style", "severity": "minor"}]
    assert event.at.endswith("Z")


def test_event_log_is_append_only(project, project_path):
    project.apply(edits.AddComment(1, Comment("ann", "2026-12-01T10:00:00Z", "x")), actor="ann")
    con = sqlite3.connect(project_path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("UPDATE events SET actor = 'mallory'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("DELETE FROM events")
    con.close()


def test_create_refuses_to_replace_an_existing_file(project_path):
    before = digest(project_path)
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(project_path, [Cue(1, 0, 1000, "x")], ProjectMeta(), actor="ann")
    assert digest(project_path) == before


def test_create_in_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ProjectError, match="cannot create"):
        Project.create(tmp_path / "nope" / "p.subrev", [Cue(1, 0, 1000, "x")], ProjectMeta(), actor="a")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"1\n00:00:01,000 --> 00:00:02,000\nhello\n", "not a SubReview project"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a SubReview project"),
        (b"", "not a SubReview project"),
    ],
)
def test_foreign_files_are_refused_and_left_untouched(tmp_path, content, message):
    path = tmp_path / "foreign.subrev"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=message):
        Project.open(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["foreign.subrev"]


def test_another_sqlite_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(ProjectError, match="not a SubReview project"):
        Project.open(path)
    assert digest(path) == before


def test_a_damaged_file_is_refused_and_untouched(project, project_path):
    project.close()
    data = bytearray(project_path.read_bytes())
    for i in range(1100, len(data), 7):  # scribble over the cue table's pages, keep the header
        data[i] = 0xA5
    project_path.write_bytes(bytes(data))
    before = digest(project_path)
    with pytest.raises(ProjectError, match=r"damaged|not a SubReview project"):
        Project.open(project_path)
    assert digest(project_path) == before


def test_a_file_from_a_newer_version_is_refused(project, project_path):
    project.close()
    con = sqlite3.connect(project_path)
    con.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    before = digest(project_path)
    with pytest.raises(ProjectError, match="newer SubReview"):
        Project.open(project_path)
    assert digest(project_path) == before


def test_missing_project_is_a_clear_error(tmp_path):
    with pytest.raises(ProjectError, match="no such project"):
        Project.open(tmp_path / "missing.subrev")
    assert not (tmp_path / "missing.subrev").exists()


def test_forward_migration_runs_once_and_keeps_a_backup(project, project_path, monkeypatch):
    project.apply(edits.SetState(2, State.APPROVED), actor="rev")
    project.close()
    current = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(schema.MIGRATIONS, current,
                        lambda con: con.execute("ALTER TABLE cues ADD COLUMN speaker TEXT"))
    migrated = Project.open(project_path)
    assert migrated.doc.get(2).state is State.APPROVED
    columns = [r[1] for r in migrated._con.execute("PRAGMA table_info(cues)")]
    assert "speaker" in columns
    assert migrated._con.execute("PRAGMA user_version").fetchone()[0] == current + 1
    migrated.close()
    backup = project_path.with_name(project_path.name + f".v{current}.bak")
    con = sqlite3.connect(backup)
    assert con.execute("PRAGMA user_version").fetchone()[0] == current
    assert con.execute("SELECT state FROM cues WHERE id = 2").fetchone()[0] == "approved"
    con.close()
    Project.open(project_path).close()  # second open: nothing left to migrate


def test_failed_save_leaves_memory_and_file_as_they_were(project_path):
    project = Project.open(project_path, busy_timeout_ms=50)
    locker = sqlite3.connect(project_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(ProjectError, match="cannot save"):
            project.apply(edits.SetTarget(3, "The ring."), actor="ann")
        assert project.doc.get(3).target == ""
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert project.cue_rows_on_disk() == list(project.doc)
    project.close()


def test_structural_edits_keep_file_order_after_many_inserts(project, project_path):
    for k in range(60):  # halving the gap above row 1 (pos 1.0) runs out of doubles after 52 inserts
        project.apply(edits.Insert(100 + k, 200 + k, source=f"s{k}", index=2), actor="ann")
    order = [c.id for c in project.doc]
    project.close()
    reopened = Project.open(project_path)
    assert [c.id for c in reopened.doc] == order
    reopened.close()


def test_glossary_and_meta_are_saved_and_logged(project, project_path):
    project.replace_glossary([("林氏集团", "Lin Group", "Lin's Group|Lin Corporation", "", False)], actor="pm")
    project.set_meta("video_path", "/media/ep01.mp4", actor="pm")
    project.close()
    reopened = Project.open(project_path)
    assert reopened.glossary_rows() == [("林氏集团", "Lin Group", "Lin's Group|Lin Corporation", "", False)]
    assert reopened.meta.video_path == "/media/ep01.mp4"
    assert [e.action for e in reopened.events()][-2:] == ["set_glossary", "set_meta"]
    reopened.close()


def test_failed_structural_save_keeps_row_order_in_step_with_the_file(project_path):
    project = Project.open(project_path)
    for k in range(52):  # use up the doubles just above row 1 (pos 1.0): the next insert there renumbers
        project.apply(edits.Insert(100 + k, 200 + k, source=f"s{k}", index=2), actor="ann")
    # A write that fails after the rows were written (as a full disk would): the event insert aborts.
    other = sqlite3.connect(project_path, isolation_level=None)
    other.execute("CREATE TRIGGER fail_once BEFORE INSERT ON events WHEN NEW.after LIKE '%fails%' "
                  "BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END")
    other.close()
    with pytest.raises(ProjectError, match="disk full"):
        project.apply(edits.Insert(50, 60, source="fails", index=2), actor="ann")
    assert "fails" not in [c.source for c in project.doc]
    project.apply(edits.Insert(70, 80, source="works", index=2), actor="ann")
    order = [c.id for c in project.doc]
    assert project.doc[2].source == "works"
    project.close()
    reopened = Project.open(project_path)
    assert [c.id for c in reopened.doc] == order
    reopened.close()
