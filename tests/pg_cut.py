"""A network between the client and the test's PostgreSQL that a test can cut at the worst moment: as a COMMIT
goes by, either before it reaches the server (nothing committed) or after the server answered it (committed, and the
client never hears so). It is a real Unix-socket relay: the bytes are PostgreSQL's own, nothing is faked.

Use: `cut = CutLine(server, folder)`, then `cut.url(user, password, dbname)` instead of the server's URL;
`cut.at_next_commit("after")`; `cut.refusing = True` keeps new connections out (the server unreachable).
"""

from __future__ import annotations

import contextlib
import socket
import threading
from pathlib import Path
from urllib.parse import quote

from tests.pg_server import SUPERUSER, PgServer

COMMIT = b"COMMIT"  # psycopg ends a transaction block with this simple query


class CutLine:
    def __init__(self, server: PgServer, folder: Path) -> None:
        self._server = server
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._listener.bind(str(folder / f".s.PGSQL.{server.port}"))
        self._listener.listen(16)
        self._cut: str | None = None  # "before" or "after" the next COMMIT; then None again
        self.refusing = False
        self.cuts = 0  # how many COMMITs were cut
        self._lock = threading.Lock()
        self._open: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, user: str = SUPERUSER, password: str | None = None, dbname: str = "postgres") -> str:
        secret = f":{quote(password, safe='')}" if password is not None else ""
        return (f"postgresql://{quote(user, safe='')}{secret}@/{quote(dbname, safe='')}?host={self.folder}"
                f"&port={self._server.port}")

    def at_next_commit(self, when: str) -> None:
        assert when in ("before", "after")
        self._cut = when

    def close(self) -> None:
        self._closed = True
        self._listener.close()
        with self._lock:
            for sock in self._open:
                with contextlib.suppress(OSError):
                    sock.close()

    # --- the relay -----------------------------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self.refusing:
                client.close()
                continue
            upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            upstream.connect(str(self._server.socket_dir / f".s.PGSQL.{self._server.port}"))
            with self._lock:
                self._open += [client, upstream]
            state = {"swallow": False}
            threading.Thread(target=self._to_server, args=(client, upstream, state), daemon=True).start()
            threading.Thread(target=self._to_client, args=(upstream, client, state), daemon=True).start()

    def _to_server(self, client: socket.socket, upstream: socket.socket, state: dict[str, bool]) -> None:
        while data := self._recv(client):
            if COMMIT in data and self._cut is not None:
                when, self._cut = self._cut, None
                self.cuts += 1
                if when == "before":
                    self._hang_up(client, upstream)
                    return
                state["swallow"] = True  # the server's answer to this COMMIT never reaches the client
            if not self._send(upstream, data):
                break
        self._hang_up(client, upstream)

    def _to_client(self, upstream: socket.socket, client: socket.socket, state: dict[str, bool]) -> None:
        while data := self._recv(upstream):
            if state["swallow"]:
                self._hang_up(client, upstream)
                return
            if not self._send(client, data):
                break
        self._hang_up(client, upstream)

    @staticmethod
    def _hang_up(*sockets: socket.socket) -> None:
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()

    @staticmethod
    def _recv(sock: socket.socket) -> bytes:
        try:
            return sock.recv(65536)
        except OSError:
            return b""

    @staticmethod
    def _send(sock: socket.socket, data: bytes) -> bool:
        try:
            sock.sendall(data)
            return True
        except OSError:
            return False
