"""`subreview server init` and `add-person` from the command line, against the real server."""

from __future__ import annotations

import io

import psycopg

from editor.app import main


def test_init_then_a_person_logs_in_with_the_password_read_from_stdin(pg_server, pg_database, capsys, monkeypatch):
    admin = pg_server.url(dbname=pg_database)
    assert main(["server", "init", admin]) == 0
    assert f"set up the series database {pg_database}" in capsys.readouterr().out
    name = f"cleo_{pg_database}"
    monkeypatch.setattr("sys.stdin", io.StringIO("long enough passphrase\n"))
    try:
        assert main(["server", "add-person", admin, name, "--role", "reviewer", "--password-stdin"]) == 0
        assert f"added {name} as a reviewer" in capsys.readouterr().out
        with psycopg.connect(pg_server.url(name, "long enough passphrase", pg_database)) as con:
            assert con.execute("SELECT pg_has_role(current_user, 'subreview_reviewer', 'MEMBER')").fetchone() == \
                (True,)
        assert main(["server", "init", admin]) == 2  # a second init changes nothing
        assert "holds a series already" in capsys.readouterr().err
    finally:
        with psycopg.connect(pg_server.url(), autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{pg_database}" WITH (FORCE)')
            con.execute(f'DROP ROLE IF EXISTS "{name}"')


def test_an_unreachable_server_is_one_error_line(capsys):
    assert main(["server", "init", "postgresql://nobody@/x?host=/nonexistent-folder"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot reach the series server") and err.count("\n") == 1
