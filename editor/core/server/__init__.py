"""The series on a team's PostgreSQL server (issue 15, decision 036): its schema, roles and setup.

Only `is_server_url` and `open_series` are here: every start asks whether a target is a server (psycopg loads only
for a server).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.core.series.store import Series

URL_PREFIXES = ("postgresql://", "postgres://")


def is_server_url(text: str | Path) -> bool:
    """A libpq URL or connection string (`service=...`) rather than a file's path."""
    value = str(text).strip()
    return value.startswith(URL_PREFIXES) or value.startswith("service=")


def open_series(target: str | Path, *, read_only: bool = False) -> Series:
    """A series file, or a series on a server when `target` is a URL (psycopg loads only then)."""
    if is_server_url(target):
        from editor.core.server.series import ServerSeries

        return ServerSeries.open(str(target), read_only=read_only)
    from editor.core.series.store import Series

    return Series.open(target, read_only=read_only)
