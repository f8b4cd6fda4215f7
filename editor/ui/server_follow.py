"""The window follows what others do on the series server (decision 036): their decisions in the episode shown
appear in its lines, the series panel refreshes, and a lost connection is said while it is being retried.

Announcements arrive on the GUI thread (editor.services.server_events); a burst of them is taken as one look at
the store a moment later. What the person typed and has not saved is never touched: the lines are compared with the
store, and the editor keeps its text until it is saved or left.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from editor.core.series.episode import EpisodeProject
from editor.core.store import ProjectError
from editor.services.server_events import ServerEvents
from editor.ui.messages import error_text

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

SETTLE_MS = 150  # announcements this close together are one look at the store
LOOK_AGAIN_MS = 2000  # a look the server could not answer is tried again this much later, until it answers
CLAIM_ACTIONS = ("claim", "release")  # someone began or stopped writing an episode: only the series panel shows it
BIBLE_ACTIONS = ("set_bible",)  # the bible changed (its terms too): the window's QA reads its glossary again


class ServerFollow(QObject):
    def __init__(self, w: MainWindow, url: str, user: str) -> None:
        super().__init__(w)
        self._window = w
        self._user = user  # the login of this window: announcements of its own actions are not others' work
        self.events = ServerEvents(url, self)
        self.events.arrived.connect(self._on_arrived)
        self.events.connection_changed.connect(self._on_connection_changed)
        self._look = QTimer(self)
        self._look.setSingleShot(True)
        self._look.setInterval(SETTLE_MS)
        self._look.timeout.connect(self._take)
        self._look_again = QTimer(self)
        self._look_again.setSingleShot(True)
        self._look_again.setInterval(LOOK_AGAIN_MS)
        self._look_again.timeout.connect(self._take)
        self._others = False  # an announcement of another person's work arrived since the last look
        self._bible = False  # ... of a change to the bible
        self._unanswered = False  # the last look could not read the store
        self.connected: bool | None = None

    def start(self) -> None:
        self.events.start()

    def stop(self) -> None:
        self._look.stop()
        self._look_again.stop()
        self.events.stop()

    def _on_arrived(self, payload: str) -> None:
        if self._window.closed:
            return
        try:
            note = json.loads(payload)
            actor, action = note.get("actor"), note.get("action")
        except (ValueError, AttributeError):
            actor = action = None
        if actor != self._user and action not in CLAIM_ACTIONS:
            self._others = True  # another person's work: the memory and the series checks look again
            if action in BIBLE_ACTIONS:
                self._bible = True  # and this window's checks, whose glossary is the bible
        if not self._look.isActive():
            self._look.start()  # one look at the store for a burst: this episode's lines and the series panel

    def _take(self) -> None:
        w = self._window
        if w.closed:
            return
        try:
            w.session.take_changes_from_store()
        except ValueError:  # lines added or removed elsewhere: say so; reopening the episode shows them
            w.show_status(self.tr("Lines were added or removed in this episode by someone else: open it again to "
                               "see them."))
        except ProjectError as exc:  # the window's connection is down (the listener's may not be): look again soon
            self._others = True
            self._unanswered = True
            w.show_status(error_text(exc))
            self._look_again.start()
            return
        if self._unanswered:  # the message about the server out of reach no longer stands
            self._unanswered = False
            w.show_status(self.tr("Connected to the series server again."))
        if w.series_host is None:
            return
        w.series_panel.refresh_soon()
        if self._others:
            self._others = False
            w.series_memory.reload()  # their decisions become memory drafts here
            w.series_checks.run(again=True)  # and the consistency list counts them
        if self._bible:
            self._bible = False
            w.run_qa()  # the checks, the table's marks and the Glossary tab read the bible again

    def _on_connection_changed(self, up: bool, why: str) -> None:
        w = self._window
        if w.closed:
            return
        before, self.connected = self.connected, up
        if not up:
            w.show_status(self.tr("Reconnecting to the series server… (%1)").replace("%1", why))
        elif before is False:
            w.show_status(self.tr("Connected to the series server again."))
            self._others = True  # what others did meanwhile was never announced here: lines, memory and checks
            self._look.start()


def follow_server(w: MainWindow) -> ServerFollow | None:
    """Start following the series server when the window shows an episode of a series on one."""
    project = w.session.project
    if not isinstance(project, EpisodeProject) or project.series.url is None:
        return None
    follow = ServerFollow(w, project.series.url, project.series.user)
    follow.start()
    return follow
