"""`subreview server ...`: setting up a series' database on a PostgreSQL server and the people who work in it.

The parser is built at every start; psycopg loads only when a command runs. The URL is libpq's (postgresql://…,
or a `service=` string); a password is never taken on the command line (it would stay in the shell's history and
in the process list): libpq finds it in ~/.pgpass, a service file or PGPASSWORD, and a new person's password is
asked for, or read from standard input.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from editor.core import cli


def add_commands(sub: argparse._SubParsersAction) -> None:
    top = sub.add_parser("server", help="Set up a series' database on a PostgreSQL server, and its people.",
                         description="A series on a team's PostgreSQL server: one database per series.")
    top.set_defaults(func=lambda _args: (top.print_help(), cli.EXIT_OK)[1])
    add = cli.command_adder(top.add_subparsers(dest="server_command", metavar="SUBCOMMAND", parser_class=cli._Parser))
    p = add("init", run_init, "Create the series' tables, the translator/reviewer/manager groups and the rules the "
            "server enforces, in an empty database (run once, by its administrator).")
    p.add_argument("url", help="the database, e.g. postgresql://admin@db.example/drama?sslmode=require")
    p = add("add-person", run_add_person, "A login for a person, as a translator, reviewer or manager. The password "
            "is asked for (or read from standard input with --password-stdin); the server keeps only its hash.")
    p.add_argument("url")
    p.add_argument("name", help="the person's login name (recorded with every action they take)")
    p.add_argument("--role", required=True, choices=("translator", "reviewer", "manager"))
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")


def run_init(args: argparse.Namespace) -> int:
    from editor.core.server.admin import describe, init_server

    init_server(args.url)
    where, _user, database = describe(args.url)
    print(f"set up the series database {database} on {where}; add people with `subreview server add-person`")
    return cli.EXIT_OK


def run_add_person(args: argparse.Namespace) -> int:
    from editor.core.server.admin import add_person

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"password for {args.name}: ")
        if getpass.getpass("again: ") != password:
            raise cli.CliError("the two passwords differ; nobody was added")
    if not password:
        raise cli.CliError("an empty password; nobody was added")
    add_person(args.url, args.name, args.role, password)
    print(f"added {args.name} as a {args.role}")
    return cli.EXIT_OK
