"""The project file: one SQLite database holding the document, its settings and an append-only event log."""

from editor.core.store.project import Event, Project, ProjectError, ProjectLockedError, ProjectMeta

__all__ = ["Event", "Project", "ProjectError", "ProjectLockedError", "ProjectMeta"]
