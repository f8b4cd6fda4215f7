"""Child for the disk-full test: writes fail past a size limit (RLIMIT_FSIZE), as on a full disk."""

from __future__ import annotations

import json
import resource
import signal
import sys

from editor.core import edits
from editor.core.formats import SubtitleError
from editor.core.review import Comment
from editor.core.store import Project, ProjectError
from editor.core.workflows import export_project


def main(path: str, out: str, limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing us
    project = Project.open(path)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    saved, error = 0, ""
    for i in range(100_000):
        try:
            comment = Comment("disk", "2026-12-01T10:00:00Z", "x" * 2000 + str(i))
            project.apply(edits.AddComment(1 + i % len(project.doc), comment), actor="disk")
            saved += 1
        except ProjectError as exc:
            error = str(exc)
            break
    memory_matches_file = project.cue_rows_on_disk() == list(project.doc)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, limit))  # less room than the export needs
    try:
        export_project(project, out, actor="disk", allow_unreviewed=True)
        export_error = ""
    except (SubtitleError, ProjectError) as exc:
        export_error = str(exc)
    print(json.dumps({"saved": saved, "error": error, "memory_matches_file": memory_matches_file,
                      "export_error": export_error}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
