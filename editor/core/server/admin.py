"""Setting up a series' database on a PostgreSQL server, and the people who work in it (decision 036).

One series lives in one database (the URL's database name): backups, restores and permissions then go by series.
`init_server` is run once by an administrator (a role that may create roles and owns the database); every person
then logs in as their own role, a member of one group. Credentials come from libpq's usual places (the URL,
~/.pgpass, a service file, PGPASSWORD); nothing here stores a password.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.series.store import SeriesError
from editor.core.server import schema

if TYPE_CHECKING:
    import psycopg

CANNOT_CONNECT = QT_TRANSLATE_NOOP("Errors", "cannot reach the series server {where}: {reason}")
WRONG_PASSWORD = QT_TRANSLATE_NOOP(
    "Errors", "the series server {where} refused the login of {user}: wrong user name or password")
NO_DATABASE = QT_TRANSLATE_NOOP("Errors", "the series server has no database {database}; ask its administrator")
ALREADY_SET_UP = QT_TRANSLATE_NOOP(
    "Errors", "the database {database} holds a series already (schema version {version}); nothing was changed")
NOT_SET_UP = QT_TRANSLATE_NOOP(
    "Errors", "the database {database} holds no series: run `subreview server init` or `series push` first")
OLDER_SCHEMA = QT_TRANSLATE_NOOP(
    "Errors", "the series server {database} has schema version {version}; this SubReview needs {needed}. Ask its "
    "administrator to update it; nothing was changed")
NEWER_SCHEMA = QT_TRANSLATE_NOOP(
    "Errors", "the series server {database} has schema version {version}, newer than this SubReview ({needed}); "
    "update SubReview")
NOT_ALLOWED = QT_TRANSLATE_NOOP("Errors", "the server refused: {reason}")
BAD_ROLE = QT_TRANSLATE_NOOP("Errors", "a person's role is translator, reviewer or manager, not {role}")
BAD_NAME = QT_TRANSLATE_NOOP("Errors", "a person's name must be 1 to 63 characters without control characters")


class ServerError(SeriesError):
    """A series server that cannot be used as asked (or reached): one sentence for the person. A SeriesError, so
    whatever refuses a series file refuses it the same way."""


def describe(url: str) -> tuple[str, str, str]:
    """(where, user, database) of a libpq URL or connection string, for messages (never the password)."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    try:
        info = conninfo_to_dict(url)
    except psycopg.ProgrammingError:  # a malformed string: said as unreadable, never echoed (it may hold a password)
        return "(an unreadable address)", "?", "?"
    host, port = str(info.get("host", "localhost")), info.get("port")
    where = f"{host}:{port}" if port else host
    return where, str(info.get("user", "")) or "(you)", str(info.get("dbname", "")) or "(default)"


def connect(url: str, *, autocommit: bool = False) -> psycopg.Connection[Any]:
    """A connection to the series server, or ServerError saying why not in one sentence."""
    import psycopg

    where, user, database = describe(url)
    try:
        return psycopg.connect(url, autocommit=autocommit, connect_timeout=10)
    except psycopg.ProgrammingError as error:  # a malformed URL
        raise ServerError(template=CANNOT_CONNECT, where=where, reason=connection_reason(error)) from None
    except psycopg.OperationalError as error:
        text = str(error)
        if "password authentication failed" in text or "no password supplied" in text:
            raise ServerError(template=WRONG_PASSWORD, where=where, user=user) from None
        if "does not exist" in text and "database" in text:
            raise ServerError(template=NO_DATABASE, database=database) from None
        raise ServerError(template=CANNOT_CONNECT, where=where, reason=connection_reason(error)) from None


def connection_reason(error: BaseException) -> str:
    """Why libpq could not connect, in one line: its last (the most specific, after "connection failed: …")."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[-1] if lines else type(error).__name__


def statement_reason(error: BaseException) -> str:
    """Why the server refused a statement, in one line: its first (the DETAIL and CONTEXT lines follow)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


def schema_version(con: psycopg.Connection[Any]) -> int | None:
    """The series schema's version in this database, None when it holds no series."""
    found = con.execute("SELECT to_regclass('public.schema_version') IS NOT NULL").fetchone()
    if not found or not found[0]:
        return None
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else None


def check_schema(con: psycopg.Connection[Any], database: str) -> None:
    """Refuse a database without a series, or with a schema this SubReview does not speak."""
    version = schema_version(con)
    if version is None:
        raise ServerError(template=NOT_SET_UP, database=database)
    if version < schema.SCHEMA_VERSION:
        raise ServerError(template=OLDER_SCHEMA, database=database, version=version, needed=schema.SCHEMA_VERSION)
    if version > schema.SCHEMA_VERSION:
        raise ServerError(template=NEWER_SCHEMA, database=database, version=version, needed=schema.SCHEMA_VERSION)


def init_server(url: str) -> None:
    """The series' tables, the groups, their grants and the triggers, in one transaction; refused when the database
    holds a series already."""
    import psycopg
    from psycopg import sql

    _where, _user, database = describe(url)
    with connect(url) as con:
        version = schema_version(con)
        if version is not None:
            raise ServerError(template=ALREADY_SET_UP, database=database, version=version)
        try:
            with con.transaction():
                for group in schema.GROUPS:  # roles are the cluster's: another series may have made them
                    exists = con.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone()
                    if not exists:
                        con.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
                for statement in _statements(schema.series_tables() + schema.TEAM_TABLES):
                    con.execute(statement)
                con.execute(schema.TRIGGERS)
                for statement in schema.grants():
                    con.execute(statement)
                con.execute("INSERT INTO schema_version (version) VALUES (%s)", (schema.SCHEMA_VERSION,))
        except psycopg.errors.InsufficientPrivilege as error:
            raise ServerError(template=NOT_ALLOWED, reason=connection_reason(error)) from None


def add_person(url: str, name: str, role: str, password: str) -> None:
    """A login for a person, member of the group of `role` (translator, reviewer, manager). The password goes to
    the server, which keeps only its hash (scram-sha-256)."""
    import psycopg
    from psycopg import sql

    group = schema.ROLE_OF.get(role)
    if group is None:
        raise ServerError(template=BAD_ROLE, role=role)
    if not 0 < len(name) <= 63 or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise ServerError(template=BAD_NAME)
    with connect(url, autocommit=True) as con:
        try:
            con.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(name), sql.Literal(password), sql.Identifier(group)))
        except (psycopg.errors.DuplicateObject, psycopg.errors.InsufficientPrivilege) as error:
            raise ServerError(template=NOT_ALLOWED, reason=connection_reason(error)) from None


def _statements(script: str) -> list[str]:
    """The CREATE statements of a script of table definitions (no semicolons inside them)."""
    return [part.strip() for part in script.split(";") if part.strip()]
