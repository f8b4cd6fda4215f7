"""Pause Python's cycle collector while building many objects at once (a season is ~50,000 cues).

Cues, rows and QA issues hold no reference cycles, so collections during a bulk load only cost time. Paused
where a benchmark shows it (decision 021): reading a project (a season's reopen ~40 ms faster, bench apps),
creating one (an import ~40 ms), the window's start around both (~20 ms more), and a whole check outside the
window (`run_qa`: ~0.24 s of 0.5 s, bench qa).
Nested and concurrent pauses are counted; collection resumes when the last one ends, and only if it was on
before the first began.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def freeze_alive() -> None:
    """Move every object alive now out of the cycle collector's reach for good (`gc.freeze`): a season's
    cues, loaded once, are then never scanned again (each full collection would walk all of them; importing a
    season reaches idle ~50 ms sooner, bench apps, decision 021). They are still freed by reference counting.
    Call it inside `gc_paused()`, before the pause ends, so the young objects of the load are not scanned once
    first; and only when no garbage cycles are alive (at start-up, not while a closed window awaits
    collection), since cycles frozen now are never collected."""
    gc.freeze()


# A young generation of 20,000 objects instead of 700: building a season's QA issues (~150,000 objects) then
# costs a few collections, not hundreds, each moving survivors up and soon forcing a full collection (reopening
# a season reaches idle ~50 ms sooner, bench apps; with these thresholds the window's stepwise check needs no
# pause of its own, decision 021). Garbage cycles wait a little longer; memory held by them stays within a few
# megabytes.
WINDOW_THRESHOLDS = (20_000, 20, 20)


def tune_for_a_window() -> None:
    """Collection thresholds for the long-running window, which holds many long-lived objects."""
    gc.set_threshold(*WINDOW_THRESHOLDS)
