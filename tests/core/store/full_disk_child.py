"""Child for the disk-full tests: a project on a small, really full file system (see tests/small_disk.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from editor.core import edits
from editor.core.document import Cue
from editor.core.store import Project, ProjectError, ProjectMeta
from editor.core.store.project import ProjectSaveError
from tests.small_disk import fill


def main(folder: str) -> None:
    path = Path(folder) / "EP01.subrev"
    report: dict[str, object] = {}
    project = Project.create(path, [Cue(i, i * 1000, i * 1000 + 900, f"第{i}句") for i in range(1, 21)],
                             ProjectMeta(), actor="setup")
    project.apply(edits.SetTarget(1, "saved before the disk filled"), actor="ann")
    filler = fill(Path(folder))
    try:
        project.apply(edits.SetTarget(2, "typed while the disk is full " * 800), actor="ann")
        report["save_error"] = ""
    except ProjectSaveError as exc:
        report["save_error"] = str(exc)
        report["disk_full_flag"] = exc.disk_full
    report["memory_unchanged"] = project.doc.get(2).target == ""
    filler.unlink()
    project.apply(edits.SetTarget(2, "typed again once there was room"), actor="ann")
    project.close()
    filler = fill(Path(folder))
    try:
        Project.open(path).close()
        report["open_error"] = ""
    except ProjectError as exc:
        report["open_error"] = str(exc)
    filler.unlink()
    with Project.open(path) as reopened:
        report["targets"] = [reopened.doc.get(1).target, reopened.doc.get(2).target]
        report["set_target_events"] = sum(e.action == "set_target" for e in reopened.events())
        report["integrity"] = reopened.integrity_check()
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1])
