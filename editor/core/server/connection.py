"""A psycopg connection that speaks to the series store as an sqlite3 connection does (decision 036).

The store writes its SQL once, with `?` placeholders and upserts both databases read; this adapter gives it
`execute`, `executemany` and cursors that fetch and iterate, turning `?` into psycopg's `%s` (and a literal `%`
into `%%`, which psycopg would otherwise read as a placeholder). Transactions are the caller's: `transaction()`
is one action, committed whole or not at all, as `saving` is for a file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import psycopg


def to_psycopg(sql: str) -> str:
    """`?` placeholders as `%s`, a literal `%` as `%%`. The store's SQL holds no `?` inside a quoted literal."""
    return sql.replace("%", "%%").replace("?", "%s")


class ServerCursor:
    """The rows of one statement: fetchone, fetchall, iteration (as an sqlite3 cursor)."""

    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self._cursor = cursor

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._cursor.fetchone() if self._cursor.description is not None else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self._cursor.fetchall() if self._cursor.description is not None else []

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.fetchall())


class ServerConnection:
    """The series store's connection to a PostgreSQL database (one per open series)."""

    def __init__(self, con: psycopg.Connection[Any]) -> None:
        con.autocommit = True  # a read is its own statement; a write is a `transaction()` block, never left open
        self._con = con

    @property
    def raw(self) -> psycopg.Connection[Any]:
        return self._con

    def execute(self, sql: str, params: Sequence[Any] = ()) -> ServerCursor:
        cursor = self._con.cursor()
        cursor.execute(to_psycopg(sql), tuple(params) if params else None)
        return ServerCursor(cursor)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._con.cursor() as cursor:
            cursor.executemany(to_psycopg(sql), [tuple(row) for row in rows])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[ServerConnection]:
        """One action: committed when the block ends, rolled back (nothing of it kept) when it raises."""
        with self._con.transaction():
            yield self

    def close(self) -> None:
        self._con.close()
