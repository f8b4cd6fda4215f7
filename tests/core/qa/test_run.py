"""run_qa and check_cues as the CLI and the editor use them: order, severities, messages, refresh."""

from __future__ import annotations

import dataclasses
import random
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core.document import Document
from editor.core.glossary import GlossaryTerm
from editor.core.qa import (
    DEFAULT_SEVERITIES,
    MESSAGES,
    RULES,
    QAContext,
    QAIssue,
    builtin_profile,
    check_cues,
    format_issue,
    run_qa,
)
from tests.core.qa.helpers import cue, qa

GLOSSARY = (GlossaryTerm("李总", "President Li", ("boss",)),)


def every_rule_cues() -> list:
    """A small document in which every rule fires at least once."""
    return [
        cue(1, 0, 1000, "李总，3年了", "Boss, it has been years.\n<i>Really.\n" + "Truly, " * 7),
        cue(2, 1040, 1500, "他说了什么？", "你好 " + "x" * 50),  # 40 ms gap before: min_gap; short
        cue(3, 1400, 9000, "我们走吧", ""),  # overlaps cue 2, too long, untranslated
        cue(4, 9200, 11000, "好。", "OK."),  # 200 ms after cue 3: chaining
        cue(5, 100, 800, "等等！", "Wait!"),  # starts before cue 4 in file order, inside cue 1
    ]


def test_every_rule_fires_and_formats() -> None:
    issues = qa(every_rule_cues(), glossary=GLOSSARY)
    assert {i.rule for i in issues} == set(RULES)
    for issue in issues:
        line = format_issue(issue)
        assert line and "\n" not in line and "{" not in line and "}" not in line  # every param filled in
    issue = QAIssue("chars_per_line", 7, "error", {"line": 1, "chars": 48, "max": 42})
    assert format_issue(issue) == "Line 1 has 48 characters (max 42)"
    params = {"cps": 23.456, "max": 20.0, "chars": 47, "duration_ms": 2004}
    speed = QAIssue("reading_speed", 3, "warning", params)
    assert format_issue(speed) == "Reading speed 23.5 characters per second (max 20), 47 in 2004 ms"
    han = QAIssue("han_in_target", 3, "error", {"chars": "李明"})
    assert format_issue(han) == "Chinese characters left in the translation: 李明"


def test_catalogue_is_complete() -> None:
    assert list(RULES) == list(MESSAGES) == list(DEFAULT_SEVERITIES)
    assert set(DEFAULT_SEVERITIES.values()) <= {"error", "warning", "info"}


def test_issues_come_in_file_order_then_rule_order() -> None:
    issues = qa(every_rule_cues(), glossary=GLOSSARY)
    order = [1, 2, 3, 4, 5]
    positions = [(order.index(i.cue_id), list(RULES).index(i.rule)) for i in issues]
    assert positions == sorted(positions)
    assert [i.rule for i in issues if i.cue_id == 1] == [
        "chars_per_line", "max_lines", "reading_speed", "min_gap", "overlap", "numbers_missing",
        "unbalanced_tags", "glossary_missing", "glossary_forbidden",
    ]


def test_severities_and_disabled_rules_come_from_the_profile() -> None:
    base = builtin_profile("en")
    severities = base.severities | {"empty_target": "error"}
    profile = dataclasses.replace(base, severities=severities, disabled=frozenset({"max_lines", "overlap"}))
    issues = qa(every_rule_cues(), profile, glossary=GLOSSARY)
    assert {i.rule for i in issues} == set(RULES) - {"max_lines", "overlap"}
    assert {i.severity for i in issues if i.rule == "empty_target"} == {"error"}
    assert {i.severity for i in issues if i.rule == "chaining"} == {"info"}


def test_run_qa_takes_any_iterable_of_cues() -> None:
    cues = every_rule_cues()
    profile, context = builtin_profile("en"), QAContext(glossary=GLOSSARY)
    assert run_qa(iter(cues), profile, context) == run_qa(Document(cues), profile, context)


def test_context_rejects_a_bad_frame_rate() -> None:
    with pytest.raises(ValueError, match="fps"):
        QAContext(fps=0)


# --- check_cues -------------------------------------------------------------------------------------
def touching(issues: list[QAIssue], ids: set[int]) -> list[QAIssue]:
    return [
        i for i in issues
        if i.cue_id in ids or i.params.get("next_id") in ids or i.params.get("previous_id") in ids
    ]


def test_check_cues_returns_own_and_shared_issues() -> None:
    doc = Document(every_rule_cues())
    profile, context = builtin_profile("en"), QAContext(glossary=GLOSSARY)
    result = check_cues(doc, [3], profile, context)
    assert [(i.cue_id, i.rule) for i in result] == [
        (2, "overlap"), (3, "max_duration"), (3, "chaining"), (3, "empty_target"),
    ]
    assert check_cues(doc, [99], profile, context) == []


def random_doc(rng: random.Random, size: int) -> Document:
    texts = ["", "你好", "他3年前来过", "<i>李总</i>"]
    targets = ["", "Hello", "x" * 45, "Boss, <i>hello", "He came 3 years ago."]
    cues, t = [], 0
    for cue_id in range(1, size + 1):
        t += rng.choice([-3000, -500, -40, 0, 40, 83, 84, 125, 500, 501, 700, 5000])
        length = rng.choice([0, 500, 1500, 8000, 20000])
        cues.append(cue(cue_id, t, t + length, rng.choice(texts), rng.choice(targets)))
    return Document(cues)


@pytest.mark.parametrize("seed", range(40))
def test_check_cues_matches_the_whole_document_run(seed: int) -> None:
    rng = random.Random(seed)
    doc = random_doc(rng, rng.randint(1, 40))
    profile, context = builtin_profile("en"), QAContext(fps=rng.choice([24.0, 25.0]), glossary=GLOSSARY)
    everything = run_qa(doc, profile, context)
    ids = [c.id for c in doc]
    for wanted in ([rng.choice(ids)], rng.sample(ids, min(3, len(ids))), ids):
        assert check_cues(doc, wanted, profile, context) == touching(everything, set(wanted))


def test_core_qa_imports_no_gui_or_engine() -> None:
    code = (
        "import sys, editor.core.qa, editor.core.glossary; "
        "bad = [m for m in ('PySide6', 'vlc', 'ctranslate2') if m in sys.modules]; "
        "assert not bad, bad"
    )
    root = Path(__file__).resolve().parents[3]
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)


def test_the_stepwise_check_finds_exactly_what_run_qa_finds_in_small_steps() -> None:
    from editor.core.qa.rules import run_qa_steps

    rng = random.Random(11)
    base = every_rule_cues()
    cues = []
    for k in range(60):  # 300 cues: every rule, shuffled times, some overlaps
        for c in base:
            shift = k * 12_000 + rng.choice((0, 0, 40, -300))
            cues.append(c.with_(id=len(cues) + 1, start_ms=max(0, c.start_ms + shift),
                                            end_ms=max(0, c.end_ms + shift)))
    profile, context = builtin_profile("en"), QAContext(target_lang="en", glossary=GLOSSARY)
    steps = run_qa_steps(cues, profile, context, step=7)
    yields = 0
    while True:
        try:
            next(steps)
            yields += 1
        except StopIteration as done:
            stepped = done.value
            break
    assert stepped == run_qa(cues, profile, context) and stepped
    assert yields >= len(cues) // 7  # really in steps, not one piece of work
