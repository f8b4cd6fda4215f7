"""Child process for the crash test: the same deterministic actions as tests/core/store/kill_child.py, made
through the window's write path (ReviewSession: save, then push an undo step), with undo and redo mixed in."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from editor.core.store import Project
from editor.ui.session import ReviewSession
from tests.core.store.kill_child import action


def main(path: str, count: int) -> None:
    app = QCoreApplication(sys.argv[:1])  # noqa: F841 - Qt objects want an application
    session = ReviewSession(Project.open(path), "kill-test")
    for i in range(count):
        session.apply(action(i, session.doc))
        if i % 7 == 6:  # an undo and a redo now and then: both are saved actions too
            session.undo_stack.undo()
            session.undo_stack.redo()
        print(i, flush=True)  # printed only after every transaction of this step committed
    session.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
