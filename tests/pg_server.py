"""A real PostgreSQL for the tests: Debian's `postgresql` package, `initdb` and `pg_ctl` in a temporary folder,
listening on a Unix socket only, stopped at the end. Run as root, the server runs as the unprivileged `postgres`
user the package creates (PostgreSQL refuses to run as root).

Authentication is as a team's server would have it: the superuser over the socket by peer-less trust (only the
test's own socket, in a folder only the server's user and root can enter), every other role by password
(scram-sha-256), so a wrong password is refused as it would be in production.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)  # the newest installed major first
SUPERUSER = "postgres"


def pg_bin(name: str) -> str | None:
    for folder in BIN_DIRS:
        if (folder / name).is_file():
            return str(folder / name)
    return shutil.which(name)


@dataclass
class PgServer:
    """A running server: `url(user, password, dbname)` names it for libpq."""

    folder: Path
    socket_dir: Path
    port: int
    run_as: str | None  # the system user the server runs as (when the tests run as root)
    durable: bool = False  # fsync on, as a real server; the tests run without it (nothing there must outlive a crash)

    def url(self, user: str = SUPERUSER, password: str | None = None, dbname: str = "postgres") -> str:
        secret = f":{quote(password, safe='')}" if password is not None else ""
        return f"postgresql://{quote(user, safe='')}{secret}@/{quote(dbname, safe='')}?host={self.socket_dir}" \
               f"&port={self.port}"

    def _as_server_user(self, command: list[str]) -> list[str]:
        return ["runuser", "-u", self.run_as, "--", *command] if self.run_as else command

    def ctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        pg_ctl = pg_bin("pg_ctl")
        assert pg_ctl is not None
        return subprocess.run(self._as_server_user([pg_ctl, "-D", str(self.folder / "data"), *args]),
                              capture_output=True, text=True, timeout=120, check=check)

    def start(self) -> None:
        options = f"-k {self.socket_dir} -p {self.port} -c listen_addresses=''" + ("" if self.durable else
                                                                                    " -c fsync=off")
        self.ctl("-o", options, "-l", str(self.folder / "server.log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self.ctl("-m", mode, "-w", "stop", check=False)

    def restart(self) -> None:
        self.stop()
        self.start()

    def log(self) -> str:
        try:
            return (self.folder / "server.log").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""


def _free_port() -> int:
    """A port number no other server in this temporary tree uses (the socket is a file; no TCP port is opened)."""
    return 55000 + os.getpid() % 5000


def start_server(*, durable: bool = False) -> PgServer:
    """initdb a fresh cluster in a temporary folder and start it; AssertionError with what to install when the
    package is missing."""
    initdb = pg_bin("initdb")
    assert initdb is not None and pg_bin("pg_ctl") is not None, (
        "the team tests need PostgreSQL's server: apt-get install postgresql (./dev installs it)")
    run_as = None
    if os.geteuid() == 0:
        run_as = SUPERUSER
        pwd.getpwnam(run_as)  # KeyError: the package's user is missing
    folder = Path(tempfile.mkdtemp(prefix="subreview-pg-"))
    socket_dir = folder / "socket"
    socket_dir.mkdir()
    if run_as is not None:
        entry = pwd.getpwnam(run_as)
        for path in (folder, socket_dir):
            os.chown(path, entry.pw_uid, entry.pw_gid)
        folder.chmod(0o700)
    hba = ("local all postgres trust\n"  # the tests' superuser: setup and teardown only
           "local all all scram-sha-256\n")
    server = PgServer(folder, socket_dir, _free_port(), run_as, durable)
    subprocess.run(server._as_server_user([initdb, "-D", str(folder / "data"), "-U", SUPERUSER, "-E", "UTF8",
                                           "--locale=C.UTF-8", "--auth-local=trust", "--no-sync"]),
                   capture_output=True, text=True, timeout=300, check=True)
    hba_file = folder / "data" / "pg_hba.conf"
    if run_as is not None:
        subprocess.run(["runuser", "-u", run_as, "--", "sh", "-c", f"cat > {hba_file}"], input=hba, text=True,
                       check=True, timeout=30)
    else:
        hba_file.write_text(hba, encoding="utf-8")
    server.start()
    return server


def wait_until_up(server: PgServer, timeout_s: float = 30.0) -> None:
    import psycopg

    deadline = time.monotonic() + timeout_s
    while True:
        try:
            psycopg.connect(server.url(), connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def remove_server(server: PgServer) -> None:
    server.stop("immediate")
    shutil.rmtree(server.folder, ignore_errors=True)
