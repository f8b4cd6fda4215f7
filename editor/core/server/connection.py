"""A psycopg connection that speaks to the series store as an sqlite3 connection does (decision 036).

The store writes its SQL once, with `?` placeholders and upserts both databases read; this adapter gives it
`execute`, `executemany` and cursors that fetch and iterate, turning `?` into psycopg's `%s` (and a literal `%`
into `%%`, which psycopg would otherwise read as a placeholder). Transactions are the caller's: `transaction()`
is one action, committed whole or not at all, as `saving` is for a file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
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
    """The series store's connection to a PostgreSQL database (one per open series). After the server restarted or
    the network dropped, the next use opens a new connection (`reconnect`); a read that meets the broken one is
    tried once more on the new one, a write fails (its transaction is gone) and the person tries again."""

    def __init__(self, con: psycopg.Connection[Any],
                 reconnect: Callable[[], psycopg.Connection[Any]] | None = None) -> None:
        con.autocommit = True  # a read is its own statement; a write is a `transaction()` block, never left open
        self._con = con
        self._reconnect = reconnect
        self._depth = 0  # transaction blocks open
        self.on_reconnected: Callable[[], object] | None = None  # e.g. take the claims again (their locks died)

    @property
    def raw(self) -> psycopg.Connection[Any]:
        return self._con

    def _live(self) -> psycopg.Connection[Any]:
        if (self._con.closed or self._con.broken) and self._reconnect is not None and self._depth == 0:
            self._con = self._reconnect()
            self._con.autocommit = True
            if self.on_reconnected is not None:
                self.on_reconnected()
        return self._con

    def execute(self, sql: str, params: Sequence[Any] = ()) -> ServerCursor:
        try:
            return self._execute(sql, params)
        except psycopg.OperationalError:
            if self._depth or self._reconnect is None or not (self._con.closed or self._con.broken):
                raise
            return self._execute(sql, params)  # a read on a connection the server dropped: once more, anew

    def _execute(self, sql: str, params: Sequence[Any]) -> ServerCursor:
        cursor = self._live().cursor()
        cursor.execute(to_psycopg(sql), tuple(params) if params else None)
        return ServerCursor(cursor)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._live().cursor() as cursor:
            cursor.executemany(to_psycopg(sql), [tuple(row) for row in rows])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[ServerConnection]:
        """One action: committed when the block ends, rolled back (nothing of it kept) when it raises."""
        con = self._live()
        self._depth += 1
        try:
            with con.transaction():
                yield self
        finally:
            self._depth -= 1

    def close(self) -> None:
        self._con.close()
