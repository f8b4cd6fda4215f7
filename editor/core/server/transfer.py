"""Moving a series between a file and a server (decision 036): `series push SERIES URL` copies a `.subseries`
file, its history included, into a database set up with `server init`; `series pull URL SERIES` makes a local
copy. Each is one transaction: complete, or nothing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.series.store import Series, SeriesError
from editor.core.server.admin import ServerError, check_schema, connect, describe
from editor.core.store.project import ALREADY_EXISTS

TABLES = ("meta", "languages", "episodes", "lines", "targets", "events", "bible", "dictionary")
NUMBERED = ("episodes", "events", "bible")  # identity columns: their next number follows the copied ids
NOT_EMPTY = QT_TRANSLATE_NOOP(
    "Errors", "the series server {database} holds {episodes} episodes already; a series is pushed into an empty "
    "database (`subreview server init`). Nothing was changed.")


def push_series(path: str | os.PathLike[str], url: str) -> dict[str, int]:
    """Copy the series file at `path` onto the server; returns the rows copied per table."""
    _where, _user, database = describe(url)
    with Series.open(path, read_only=True) as series:
        source = series.connection
        with connect(url) as con:
            check_schema(con, database)
            held = con.execute("SELECT count(*) FROM episodes").fetchone()
            if held and held[0]:
                raise ServerError(template=NOT_EMPTY, database=database, episodes=held[0])
            counts: dict[str, int] = {}
            with con.transaction(), con.cursor() as out:
                for table in TABLES:
                    counts[table] = _copy(source.execute, out.executemany, table, "%s")
                for table in NUMBERED:
                    con.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)")
    return counts


def _copy(read: Callable[[str], Any], write_many: Callable[[str, list[Any]], Any], table: str, mark: str) -> int:
    """Every row of `table` from one database into the other (`mark`: the placeholder the writing one reads)."""
    cursor = read(f"SELECT * FROM {table}")
    columns = [d[0] for d in cursor.description or ()]
    rows = cursor.fetchall()
    if rows:
        write_many(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})", rows)
    return len(rows)


def pull_series(url: str, path: str | os.PathLike[str]) -> dict[str, int]:
    """A local `.subseries` copy of the series on the server (never over an existing file)."""
    from editor.core.series import schema as file_schema
    from editor.core.store.project import create_file

    _where, _user, database = describe(url)
    counts: dict[str, int] = {}
    with connect(url) as con:
        check_schema(con, database)

        def fill(local: sqlite3.Connection) -> None:
            file_schema.create(local)
            for table in TABLES:
                counts[table] = _copy(con.execute, local.executemany, table, "?")

        path = Path(path)
        if path.exists():
            raise SeriesError(template=ALREADY_EXISTS, path=path)
        local, lock = create_file(path, fill, SeriesError)
        local.close()
        lock.release()
    return counts
