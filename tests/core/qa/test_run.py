"""run_qa and check_own as the CLI and the editor use them: order, severities, messages, refresh."""

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
    NEIGHBOUR_RULES,
    RULES,
    QAContext,
    QAIssue,
    builtin_profile,
    check_own,
    format_issue,
    needs_full_check,
    run_qa,
)
from editor.core.source_check import ocr_meta
from tests.core.qa.helpers import cue, qa

GLOSSARY = (GlossaryTerm("李总", "President Li", ("boss",)),)
# Punctuation rules of languages other than the English these lines are checked in.
OTHER_LANGUAGES = frozenset({"inverted_marks", "space_before_punctuation", "quotation_marks"})


def every_rule_cues() -> list:
    """A small document in which every rule fires at least once (with PICTURE and BAND)."""
    return [
        # reaches the right column
        cue(1, 0, 1000, "李总，3年了", "Boss, it has been years.\n<i>Really.\n" + "Truly, " * 7),
        cue(2, 1040, 1500, "他说了什么？", "你好 " + "x" * 50),  # 40 ms gap before: min_gap; short; too wide
        cue(3, 1400, 9000, "我们走吧", ""),  # overlaps cue 2, too long, untranslated
        # 200 ms after cue 3: chaining; at the top, 40 px from the edge: under the feed's tabs
        cue(4, 9200, 11000, "好。", "{\\an8}OK.").with_(meta={"marginv": "40"}),
        # starts before cue 4 in file order, inside cue 1; its source read from the picture, not checked
        cue(5, 100, 800, "等等！", "Wait！").with_(meta=ocr_meta(0.62)),
    ]


CUTS = (5000, 9160)  # cue 3 crosses the first cut and ends 3.8 frames before the second; cue 4 starts 1 frame after it
PICTURE = (1080, 1920)
BAND = (0, 1350, 1080, 120)  # the burned-in Chinese, where the bottom lines are drawn

def test_every_rule_fires_and_formats() -> None:
    issues = qa(every_rule_cues(), glossary=GLOSSARY, shot_changes=CUTS, picture=PICTURE, band=BAND)
    assert {i.rule for i in issues} == set(RULES) - OTHER_LANGUAGES
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
    issues = qa(every_rule_cues(), glossary=GLOSSARY, shot_changes=CUTS, picture=PICTURE, band=BAND)
    order = [1, 2, 3, 4, 5]
    positions = [(order.index(i.cue_id), list(RULES).index(i.rule)) for i in issues]
    assert positions == sorted(positions)
    assert [i.rule for i in issues if i.cue_id == 1] == [
        "chars_per_line", "max_lines", "reading_speed", "min_gap", "overlap", "numbers_missing",
        "unbalanced_tags", "glossary_missing", "glossary_forbidden", "placement_covered", "placement_source_band",
    ]


def test_severities_and_disabled_rules_come_from_the_profile() -> None:
    base = builtin_profile("en")
    severities = base.severities | {"empty_target": "error"}
    profile = dataclasses.replace(base, severities=severities, disabled=frozenset({"max_lines", "overlap"}))
    issues = qa(every_rule_cues(), profile, glossary=GLOSSARY, shot_changes=CUTS, picture=PICTURE,
                band=BAND)
    assert {i.rule for i in issues} == set(RULES) - OTHER_LANGUAGES - {"max_lines", "overlap"}
    assert {i.severity for i in issues if i.rule == "empty_target"} == {"error"}
    assert {i.severity for i in issues if i.rule == "chaining"} == {"info"}


def test_run_qa_takes_any_iterable_of_cues() -> None:
    cues = every_rule_cues()
    profile, context = builtin_profile("en"), QAContext(glossary=GLOSSARY)
    assert run_qa(iter(cues), profile, context) == run_qa(Document(cues), profile, context)


def test_context_rejects_a_bad_frame_rate() -> None:
    with pytest.raises(ValueError, match="fps"):
        QAContext(fps=0)


# --- check_own --------------------------------------------------------------------------------------
def test_check_own_returns_a_lines_own_issues_and_none_shared_with_a_neighbour() -> None:
    doc = Document(every_rule_cues())
    profile, context = builtin_profile("en"), QAContext(glossary=GLOSSARY)
    assert [(i.cue_id, i.rule) for i in check_own(doc, [3], profile, context)] == [
        (3, "max_duration"), (3, "empty_target"),
    ]
    assert check_own(doc, [99], profile, context) == []


def random_doc(rng: random.Random, size: int) -> Document:
    texts = ["", "你好", "他3年前来过", "<i>李总</i>"]
    targets = ["", "Hello", "x" * 45, "Boss, <i>hello", "He came 3 years ago.", "{\\an8}Up there"]
    cues, t = [], 0
    for cue_id in range(1, size + 1):
        t += rng.choice([-3000, -500, -40, 0, 40, 83, 84, 125, 500, 501, 700, 5000])
        length = rng.choice([0, 500, 1500, 8000, 20000])
        cues.append(cue(cue_id, t, t + length, rng.choice(texts), rng.choice(targets)))
    return Document(cues)


def _key(issue: QAIssue) -> tuple:
    return issue.rule, issue.cue_id, issue.severity, sorted(issue.params.items())


@pytest.mark.parametrize("seed", range(40))
def test_after_text_edits_only_the_edited_lines_own_issues_change(seed: int) -> None:
    """What the window's recheck relies on: change texts (no line gaining or losing all its text), and the
    whole check equals the old one with the edited lines' own issues replaced by `check_own`."""
    rng = random.Random(seed)
    doc = random_doc(rng, rng.randint(1, 40))
    picture = rng.choice([None, (1080, 1920), (720, 1280)])  # the placement rules too, when there is a video
    band = (0, 1300, 1080, 300) if picture else None
    context = QAContext(fps=rng.choice([24.0, 25.0]), glossary=GLOSSARY, picture=picture, band=band)
    profile = builtin_profile("en")
    before = run_qa(doc, profile, context)
    edited = rng.sample([c.id for c in doc], rng.randint(1, min(5, len(doc))))
    replacements = ["Boss, wait.", "你好 " + "y" * 60, "OK.\nFine.\nReally.", "President Li said 3.", "Hmm"]
    changes = []
    for cue_id in edited:
        old = doc.get(cue_id)
        new = old.with_(target=rng.choice(replacements) if old.target.strip() or old.source.strip() else "")
        assert not needs_full_check(old, new)  # the recheck's precondition
        changes.append(new)
    after_doc = Document([next((n for n in changes if n.id == c.id), c) for c in doc])
    expected = [i for i in before if i.cue_id not in edited or i.rule in NEIGHBOUR_RULES]
    expected += check_own(after_doc, edited, profile, context)
    assert sorted(map(_key, run_qa(after_doc, profile, context))) == sorted(map(_key, expected))
    assert not [i for i in check_own(after_doc, edited, profile, context) if i.rule in NEIGHBOUR_RULES]


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
