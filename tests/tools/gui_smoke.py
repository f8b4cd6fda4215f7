"""Open the window on the demo, pre-translate it, and quit: used by tests that run the GUI in a subprocess."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from editor import gui


def main() -> int:
    app = QApplication(sys.argv[:1])
    result = {}

    def check() -> None:
        window = next(w for w in app.topLevelWidgets() if w.objectName() == "MainWindow" and w.isVisible())
        translator = window.translator
        def finished(_summary) -> None:
            result["drafted"] = sum(1 for c in window.session.doc if c.draft is not None)
            app.quit()

        translator.finished.connect(finished)
        translator.worker.model_loaded.connect(lambda _info: window.pretranslate())
        if window.model_label.text():  # the model may already be loaded
            window.pretranslate()

    QTimer.singleShot(500, check)
    QTimer.singleShot(60_000, app.quit)
    gui.run(None, demo=True)
    print(f"drafted={result.get('drafted', 0)}")
    return 0 if result.get("drafted") else 1


if __name__ == "__main__":
    sys.exit(main())
