"""QA in the background: a snapshot is checked off the GUI thread and only the newest result is shown."""

from __future__ import annotations

import threading

from editor.core import qa
from editor.core.document import Cue
from editor.core.qa import SEVERITY_ORDER
from editor.services.qa_runner import QAResult, QARunner


def cues(text: str, n: int = 200) -> list[Cue]:
    return [Cue(i, i * 1000, i * 1000 + 50, "原文", text) for i in range(1, n + 1)]  # 50 ms: too short


def test_the_result_arrives_on_the_gui_thread_and_matches_a_direct_run(qtbot):
    runner = QARunner()
    profile, context = qa.builtin_profile("en"), qa.QAContext(target_lang="en")
    seen: list[tuple[object, QAResult]] = []
    runner.finished.connect(lambda g, result: seen.append((threading.current_thread(), result)))
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        generation = runner.request(cues("Hi"), profile, context)
    assert generation == runner.generation
    thread, result = seen[0]
    assert thread is threading.main_thread()
    direct = qa.run_qa(cues("Hi"), profile, context)
    assert direct and sorted(map(repr, result.issues)) == sorted(map(repr, direct))
    # arranged for the window: line order, worst first within a line, and grouped by cue
    order = [(i.cue_id, SEVERITY_ORDER[i.severity]) for i in result.issues]
    assert order == sorted(order)
    assert {cue_id: len(group) for cue_id, group in result.by_cue.items()} == \
        {cue_id: sum(i.cue_id == cue_id for i in direct) for cue_id in {i.cue_id for i in direct}}


def test_only_the_newest_of_many_requests_is_announced(qtbot):
    runner = QARunner()
    profile, context = qa.builtin_profile("en"), qa.QAContext(target_lang="en")
    seen: list[int] = []
    runner.finished.connect(lambda g, issues: seen.append(g))
    for k in range(20):
        last = runner.request(cues(f"text {k}", 2000), profile, context)
    qtbot.waitUntil(lambda: last in seen, timeout=20_000)
    qtbot.wait(200)
    assert seen == [last]


def test_a_failing_rule_is_reported_not_raised(qtbot):
    runner = QARunner()
    context = qa.QAContext(target_lang="en")
    errors: list[str] = []
    runner.failed.connect(errors.append)
    broken = [object()]  # not a cue: every rule fails on it
    with qtbot.waitSignal(runner.failed, timeout=10_000):
        runner.request(broken, qa.builtin_profile("en"), context)  # type: ignore[arg-type]
    assert errors and "Error" in errors[0]


def test_nothing_arrives_after_close(qtbot):
    runner = QARunner()
    seen: list[int] = []
    runner.finished.connect(lambda g, issues: seen.append(g))
    runner.request(cues("x", 5000), qa.builtin_profile("en"), qa.QAContext(target_lang="en"))
    runner.close()
    qtbot.wait(1500)
    assert seen == []
