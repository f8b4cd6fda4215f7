"""A season in the window: 50,000 cues opened, searched, scrolled, checked, edited and exported (offscreen).

Each step is timed in the process, through the code the window uses, together with the longest stall of a
10 ms heartbeat on the GUI thread while the background check of the whole season runs.
"""

from __future__ import annotations

import itertools
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.corpus import make_srt

CUES = 50_000
RUNS = 3


def _one_run(srt: Path, folder: Path) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from editor.core import edits, workflows
    from editor.gui import App, NewProjectOptions, given_new_project, project_for
    from editor.services.settings import Settings
    from editor.ui.cue_model import Column

    qapp = QApplication.instance() or QApplication([])
    for f in folder.glob("season.subrev*"):
        f.unlink()
    subs = folder / "season.srt"
    subs.write_bytes(srt.read_bytes())
    figures: dict[str, float] = {}

    t0 = time.perf_counter()
    project = project_for(subs, given_new_project(NewProjectOptions("zh-Hans", "en"), "bench"))
    assert project is not None
    figures["import"] = time.perf_counter() - t0
    app = App(qapp, Settings())
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    t0 = time.perf_counter()
    app.open(project)
    window = app.window
    assert window is not None
    window.grab()
    figures["window"] = time.perf_counter() - t0
    loop = QEventLoop()
    window.qa_checked.connect(loop.quit)
    heartbeat.start()
    loop.exec()
    heartbeat.stop()
    figures["qa_shown"] = time.perf_counter() - t0
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    figures["stall"] = max(gaps, default=0.0)
    figures["issues"] = float(window.qa_panel.model.rowCount())

    settle = QEventLoop()  # let the first machine suggestion finish: the steps below are timed alone
    QTimer.singleShot(1500, settle.quit)
    settle.exec()
    table = window.table
    t0 = time.perf_counter()
    table.proxy.set_search("董事会")  # a word of one of the corpus's phrases: many lines match
    qapp.processEvents()
    figures["search"] = time.perf_counter() - t0
    figures["matches"] = float(table.proxy.rowCount())
    t0 = time.perf_counter()
    table.clear_filters()
    qapp.processEvents()
    figures["clear"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    table.view.scrollToBottom()
    table.select_cue(CUES)
    window.grab()
    figures["scroll_end"] = time.perf_counter() - t0

    times = []
    for k in range(20):
        t0 = time.perf_counter()
        window.session.apply(edits.SetTarget(CUES - k, f"Line {k} {time.time()}"))
        qapp.processEvents()
        times.append(time.perf_counter() - t0)
    figures["edit"] = statistics.median(times)

    batch = edits.Batch(tuple(edits.SetTarget(k, f"Line {k}.") for k in range(1, CUES + 1)))
    t0 = time.perf_counter()
    window.session.apply(batch)
    qapp.processEvents()
    figures["batch"] = time.perf_counter() - t0

    # Sorted after the batch, when every line has a translation of its own as in a season being reviewed (the
    # corpus repeats 14 source phrases, which would flatter anything kept per distinct text).
    t0 = time.perf_counter()
    table.view.sortByColumn(Column.CPS, Qt.SortOrder.AscendingOrder)  # as a click on the header
    qapp.processEvents()
    figures["sort"] = time.perf_counter() - t0
    table.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to line order
    qapp.processEvents()

    out = folder / "season.en.srt"
    t0 = time.perf_counter()
    workflows.export_project(window.session.project, out, actor="bench", allow_unreviewed=True)
    figures["export"] = time.perf_counter() - t0
    app.shutdown()
    return figures


def main(out_dir: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out_dir.mkdir(parents=True, exist_ok=True)
    srt = make_srt(out_dir / f"scale-{CUES}.srt", CUES)
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SUBREVIEW_DATA_DIR"] = str(Path(folder) / "data")
        os.environ["SUBREVIEW_CACHE_DIR"] = str(Path(folder) / "cache")
        os.environ["SUBREVIEW_SETTINGS"] = str(Path(folder) / "settings.ini")
        os.environ.setdefault("SUBREVIEW_REVIEWER", "bench")
        for _ in range(RUNS):
            runs.append(_one_run(srt, Path(folder)))
    m = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    rows = [
        ("import the .srt into a project (read, check, write the file)", f"{m['import']:.2f} s"),
        ("window built and painted with the season", f"{m['window']:.2f} s"),
        (f"whole-season check shown ({m['issues']:,.0f} issues), from opening", f"{m['qa_shown']:.2f} s"),
        ("longest GUI stall (10 ms heartbeat) while the check runs", f"{m['stall'] * 1000:.0f} ms"),
        (f"search filter ({m['matches']:,.0f} matching lines)", f"{m['search'] * 1000:.0f} ms"),
        ("clear the filter", f"{m['clear'] * 1000:.0f} ms"),
        ("scroll to the last line, select it, paint", f"{m['scroll_end'] * 1000:.0f} ms"),
        ("one edit, saved, its line checked again and shown (median of 20)", f"{m['edit'] * 1000:.1f} ms"),
        ("one undo step setting all 50,000 translations", f"{m['batch']:.2f} s"),
        ("then sort the table by reading speed (CPS), as a click on its header", f"{m['sort'] * 1000:.0f} ms"),
        ("export 50,000 cues to SRT", f"{m['export']:.2f} s"),
    ]
    lines = [f"{CUES:,} cues (bench.corpus), offscreen window with the demo model, median of {RUNS} runs.", "",
             "| step | time |", "|---|---:|"]
    lines += [f"| {label} | {value} |" for label, value in rows]
    return "\n".join(lines)
