"""What others do on the series server, as it happens (LISTEN/NOTIFY, decision 036).

A thread with a connection of its own listens on the `subreview` channel and hands each announcement to the GUI
thread (`arrived`: its JSON, with the episode id, language, line, action and actor); it never touches a document.
When the connection drops (the server restarts, the network goes), it says so (`connection_changed(False, reason)`)
and tries again, every few seconds, until it is back (`connection_changed(True, "")`) or stopped.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

RETRY_S = (0.5, 1.0, 2.0, 4.0)  # waits between reconnection attempts (the last one repeats)
POLL_S = 0.5  # how long a wait for an announcement lasts before the stop flag is looked at


class ServerEvents(QObject):
    arrived = Signal(str)  # the announcement's JSON: id, episode, lang, cue, action, actor (a str crosses threads
    # as it is; a dict would be turned into a QVariantMap on the way, and one holding a None is dropped)
    connection_changed = Signal(bool, str)  # up?, why not

    def __init__(self, url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._url = url
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="server-events", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _emit(self, signal: Any, *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window went away meanwhile
            signal.emit(*args)

    def _run(self) -> None:
        import psycopg

        from editor.core.server.admin import connection_reason

        failures = 0
        was_up: bool | None = None
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._url, autocommit=True, connect_timeout=5) as con:
                    con.execute("LISTEN subreview")
                    if was_up is not True:
                        self._emit(self.connection_changed, True, "")
                    was_up, failures = True, 0
                    while not self._stop.is_set():
                        for note in con.notifies(timeout=POLL_S, stop_after=1):
                            self._emit(self.arrived, note.payload)
            except psycopg.Error as error:
                if was_up is not False:
                    self._emit(self.connection_changed, False, connection_reason(error))
                was_up = False
                self._stop.wait(RETRY_S[min(failures, len(RETRY_S) - 1)])
                failures += 1
