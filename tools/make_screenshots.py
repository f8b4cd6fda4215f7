"""Screenshots of the real window on the demo project for the README and docs/ (run under Xvfb).

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python tools/make_screenshots.py --out docs/screenshots
    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python tools/make_screenshots.py --lang zh_CN --dialogs
    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python tools/make_screenshots.py --scene fix-rejected

Drives the app in-process: pre-translates the demo, confirms, corrects, approves and rejects a few lines,
plays the video, then grabs the screen with QScreen.grabWindow (which, unlike QWidget.grab, includes the
video that libvlc draws).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--lang", default="en", choices=("en", "zh_CN", "zh_TW"), help="UI language")
    parser.add_argument("--dialogs", action="store_true",
                        help="also grab the Settings and Reject dialogs (settings-LANG.png, reject-LANG.png)")
    parser.add_argument("--scene", default="main", choices=("main", "fix-rejected"),
                        help="main: the review window (main-LANG.png); fix-rejected: a translator fixing a line a "
                        "reviewer rejected, the rejection still in view (fix-rejected-LANG.png)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="subreview-shots-"))
    os.environ.setdefault("SUBREVIEW_DATA_DIR", str(work / "data"))
    os.environ.setdefault("SUBREVIEW_CACHE_DIR", str(work / "cache"))
    os.environ.setdefault("SUBREVIEW_SETTINGS", str(work / "settings.ini"))
    os.environ.setdefault("SUBREVIEW_REVIEWER", "Li Wei")
    os.environ.setdefault("SUBREVIEW_VLC_AOUT", "dummy")
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from editor.core import edits, qa
    from editor.core.review import Comment, RejectCategory, Rejection, Severity, State
    from editor.core.store.project import now_iso
    from editor.gui import App, demo_project
    from editor.services import i18n
    from editor.services.settings import Settings

    qapp = QApplication(sys.argv[:1])
    settings = Settings()
    settings.set("ui/language", args.lang)
    if not i18n.shared().apply(args.lang):  # before the window is built, as `subreview` does at start
        print(f"missing translations: {i18n.shared().missing} (run tools/update_translations.py --release)",
              file=sys.stderr)
        return 1
    app = App(qapp, settings)
    app.open(demo_project(reset=True))
    window = app.window
    assert window is not None
    window.resize(1366, 740)
    window.move(0, 0)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    session = window.session

    def decide() -> None:
        s = session
        s.apply(edits.SetTarget(1, "Why are you here again?"))
        s.apply(edits.SetState(1, State.APPROVED))
        s.apply(edits.SetTarget(2, "I just wanted to give this back to you."))
        s.apply(edits.SetState(2, State.TRANSLATED))
        s.apply(edits.SetTarget(3, "This is the year you gave me."))
        s.apply(edits.SetState(3, State.TRANSLATED))
        s.apply(edits.AddComment(3, Comment("Li Wei", now_iso(), "Is 戒指 the ring in the scene before?")))
        s.apply(edits.SetState(3, State.REJECTED, Rejection(RejectCategory.TRANSLATION, Severity.MAJOR,
                                                            "It is the ring, not the year.", "Zhang Min", now_iso())))
        s.apply(edits.SetTarget(4, "I don't need it."))
        if args.scene == "fix-rejected":
            window.table.select_cue(3)
            window.player.seek(5200)
            window.editor.target_edit.setPlainText("This is the ring you gave me three years ago.")
            window.editor.flush()
            return
        window.table.select_cue(6)
        window.player.play()

    def shoot() -> None:
        screen = qapp.primaryScreen()
        picture = screen.grabWindow(int(window.winId()))
        path = out / f"{args.scene}-{args.lang}.png"
        picture.save(str(path))
        print(path)
        if args.dialogs:
            shoot_dialogs()
        qapp.quit()

    def shoot_dialogs() -> None:
        from editor.ui.dialogs import RejectDialog, SettingsDialog

        profiles = sorted(p.stem for p in qa.builtin_profile_dir().glob("*.toml"))
        for name, dialog in (("settings", SettingsDialog(settings, [], profiles, window)),
                             ("reject", RejectDialog(window, 3))):
            dialog.show()
            qapp.processEvents()
            path = out / f"{name}-{args.lang}.png"
            dialog.grab().save(str(path))
            dialog.close()
            print(path)

    window.translator.finished.connect(lambda _s: (decide(), QTimer.singleShot(3500, shoot)))
    QTimer.singleShot(1500, window.pretranslate)
    QTimer.singleShot(60_000, qapp.quit)
    qapp.aboutToQuit.connect(app.shutdown)
    return qapp.exec()


if __name__ == "__main__":
    sys.exit(main())
