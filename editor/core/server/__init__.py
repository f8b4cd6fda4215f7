"""The series on a team's PostgreSQL server (issue 15, decision 036): its schema, roles and setup.

Only `is_server_url` is here: every start asks it whether a target is a server (psycopg loads only for a server).
"""

from __future__ import annotations

from pathlib import Path

URL_PREFIXES = ("postgresql://", "postgres://")


def is_server_url(text: str | Path) -> bool:
    """A libpq URL or connection string (`service=...`) rather than a file's path."""
    value = str(text).strip()
    return value.startswith(URL_PREFIXES) or value.startswith("service=")
