"""The review queue puts a series' undecided and unreviewed lines riskiest first, says why, and leaves none out."""

from __future__ import annotations

import random

import pytest

from editor.core.document import Cue
from editor.core.qa import GlossaryTerm, QAContext, builtin_profile, run_qa
from editor.core.review import Comment, Draft, RejectCategory, Rejection, Severity, State
from editor.core.series.consistency import BibleChecker, BibleEntry, LineRecord, records_from_cues
from editor.core.series.risk import (
    QUEUE_STATES,
    REASON_LABELS,
    REASONS,
    LineSignals,
    QueueEntry,
    issues_by_cue,
    review_queue,
    risk_score,
    signals_from_cue,
)


def rec(episode: int, line: int, state: State, source: str = "你今天必须给我一个交代。",
        target: str = "You owe me an explanation today.", lang: str = "en") -> LineRecord:
    return LineRecord(f"第{episode}集", float(episode), line, 100 + line, lang, source, target, state.value)


def test_a_line_without_any_signal_has_no_reason():
    score, reasons = risk_score(rec(1, 1, State.TRANSLATED))
    assert reasons == [] and score == 0.0


@pytest.mark.parametrize(("signals", "reason"), [
    ({"confidence": 0.21}, "low_confidence"),
    ({"qa_errors": 1}, "qa_error"),
    ({"qa_warnings": 2}, "qa_warning"),
    ({"bible_problems": 1}, "bible"),
    ({"memory_score": 0.82}, "fuzzy_memory"),
    ({"changed_since_draft": True}, "changed_since_draft"),
    ({"rejected_before": True}, "rejected_before"),
])
def test_each_signal_gives_its_reason_and_raises_the_score(signals, reason):
    plain, _ = risk_score(rec(1, 1, State.EDITED))
    score, reasons = risk_score(rec(1, 1, State.EDITED), **signals)
    assert reasons == [reason] and score > plain
    assert reason in REASON_LABELS


def test_the_state_gives_stale_and_rejected_their_reasons():
    assert risk_score(rec(1, 1, State.STALE))[1] == ["stale"]
    assert risk_score(rec(1, 1, State.REJECTED))[1] == ["rejected_before"]
    assert risk_score(rec(1, 1, State.REJECTED), rejected_before=True)[1] == ["rejected_before"]


def test_an_exact_memory_match_and_a_confident_draft_are_not_risks():
    draft = rec(1, 1, State.MT_DRAFT)
    assert risk_score(draft, memory_score=1.0, confidence=1.0)[1] == []
    assert risk_score(draft, confidence=0.93)[1] == []


def test_more_problems_and_lower_confidence_mean_more_risk():
    draft = rec(1, 1, State.MT_DRAFT)
    assert risk_score(draft, qa_errors=3)[0] > risk_score(draft, qa_errors=1)[0]
    assert risk_score(draft, bible_problems=2)[0] > risk_score(draft, bible_problems=1)[0]
    assert risk_score(draft, confidence=0.1)[0] > risk_score(draft, confidence=0.4)[0]
    assert risk_score(draft, confidence=0.6)[0] > risk_score(draft, confidence=0.9)[0]
    assert risk_score(draft, memory_score=0.72)[0] > risk_score(draft, memory_score=0.95)[0]
    assert risk_score(draft)[0] > risk_score(rec(1, 1, State.TRANSLATED))[0]


def test_reasons_come_most_serious_first():
    _, reasons = risk_score(rec(1, 1, State.REJECTED), qa_warnings=1, confidence=0.2, qa_errors=1, bible_problems=1,
                            memory_score=0.8, changed_since_draft=True)
    assert reasons == ["rejected_before", "qa_error", "bible", "low_confidence", "fuzzy_memory",
                       "changed_since_draft", "qa_warning"]
    assert reasons == [r for r in REASONS if r in reasons]


def test_nonsense_signals_are_refused():
    with pytest.raises(ValueError):
        risk_score(rec(1, 1, State.MT_DRAFT), qa_errors=-1)
    with pytest.raises(ValueError):
        risk_score(rec(1, 1, State.MT_DRAFT), memory_score=1.5)
    unreadable = risk_score(rec(1, 1, State.MT_DRAFT), confidence=float("nan"))
    assert unreadable == risk_score(rec(1, 1, State.MT_DRAFT), confidence=0.0)  # no confidence at all
    assert unreadable[1] == ["low_confidence"]


def test_the_queue_orders_a_handful_of_lines_riskiest_first_with_clear_reasons():
    items = [
        LineSignals(rec(1, 1, State.APPROVED), qa_errors=2),  # decided and signed off: not in the queue
        LineSignals(rec(1, 2, State.MT_DRAFT), confidence=0.91),
        LineSignals(rec(1, 3, State.MT_DRAFT, "李总，您来了。", "President Li, you're here."), bible_problems=1,
                    confidence=0.74),
        LineSignals(rec(1, 4, State.UNTRANSLATED, target="")),  # nothing to review yet: not in the queue
        LineSignals(rec(2, 1, State.REJECTED), qa_errors=1, changed_since_draft=True),
        LineSignals(rec(2, 2, State.MT_DRAFT), confidence=0.18),
        LineSignals(rec(2, 3, State.MT_DRAFT, target="This is the ring you gave me five years ago."),
                    memory_score=0.92, confidence=1.0),
        LineSignals(rec(2, 4, State.TRANSLATED)),
        LineSignals(rec(3, 1, State.STALE)),
        LineSignals(rec(3, 2, State.EDITED), changed_since_draft=True, confidence=0.8),
    ]
    queue = review_queue(items)
    assert all(isinstance(entry, QueueEntry) for entry in queue)
    assert [(e.record.episode, e.record.line, e.reasons) for e in queue] == [
        ("第2集", 1, ("rejected_before", "qa_error", "changed_since_draft")),
        ("第1集", 3, ("bible",)),
        ("第2集", 2, ("low_confidence",)),
        ("第3集", 1, ("stale",)),
        ("第2集", 3, ("fuzzy_memory",)),
        ("第3集", 2, ("changed_since_draft",)),
        ("第1集", 2, ()),
        ("第2集", 4, ()),
    ]
    scores = [e.score for e in queue]
    assert scores == sorted(scores, reverse=True)


def test_ties_keep_episode_and_line_order_not_the_order_given_or_the_names():
    items = [LineSignals(rec(episode, line, State.TRANSLATED)) for episode in (10, 9, 2) for line in (3, 1, 2)]
    queue = review_queue(items)
    assert [(e.record.episode_pos, e.record.line) for e in queue] == [
        (2.0, 1), (2.0, 2), (2.0, 3), (9.0, 1), (9.0, 2), (9.0, 3), (10.0, 1), (10.0, 2), (10.0, 3)]


def test_every_undecided_line_of_a_generated_series_is_in_the_queue_once():
    rng = random.Random(7)
    states = list(State)
    items = []
    for lang in ("en", "es", "pt"):
        for episode in range(1, 21):
            for line in range(1, 41):
                items.append(LineSignals(
                    rec(episode, line, rng.choice(states), lang=lang),
                    qa_errors=rng.choice([0, 0, 0, 1, 2]), qa_warnings=rng.choice([0, 0, 1]),
                    bible_problems=rng.choice([0, 0, 0, 1]), memory_score=rng.choice([None, None, 1.0, 0.75, 0.9]),
                    changed_since_draft=rng.random() < 0.2, confidence=rng.choice([None, rng.random()])))
    queue = review_queue(items)
    expected = sorted((i.record.lang, i.record.episode, i.record.line) for i in items
                      if i.record.state in QUEUE_STATES)
    assert sorted((e.record.lang, e.record.episode, e.record.line) for e in queue) == expected
    assert {State(s) for s in QUEUE_STATES} == {State.MT_DRAFT, State.EDITED, State.TRANSLATED, State.REJECTED,
                                                State.STALE}
    keys = [(-e.score, e.record.episode_pos, e.record.line) for e in queue]
    assert keys == sorted(keys)


def test_signals_are_read_from_real_cues_their_drafts_qa_and_the_bible():
    mt = Draft("President Li, you're here.", origin="mt", score=0.31)
    fuzzy = Draft("The ring you gave me three years ago.", origin="memory", score=0.92,
                  settings={"match": "fuzzy"})
    exact = Draft("I don't need it.", origin="memory", score=1.0, settings={"match": "exact"})
    rejection = Rejection(RejectCategory.TERMINOLOGY, Severity.MAJOR, "name", "rita", "2026-12-02T09:00:00Z")
    cues = [
        Cue(1, 0, 1800, "李总，您来了。", mt.text, State.MT_DRAFT, draft=mt),
        Cue(2, 2000, 4000, "这是五年前你送我的戒指。", fuzzy.text, State.MT_DRAFT, draft=fuzzy),
        Cue(3, 4200, 6000, "我不需要。", exact.text, State.MT_DRAFT, draft=exact),
        Cue(4, 6200, 8000, "你怎么又来了？", "Why are you here again, you of all the people in this city?",
            State.EDITED, draft=Draft("Why are you here again?", score=0.7), rejection=rejection),
        Cue(5, 7900, 9000, "我只是想把这个还给你。", "I just want to give this back.", State.TRANSLATED),
        Cue(6, 9200, 11000, "我走了。", "I'm leaving.", State.APPROVED),
    ]
    profile = builtin_profile("en")
    issues = run_qa(cues, profile, QAContext(fps=25.0, target_lang="en"))
    checker = BibleChecker([BibleEntry("name", "李总", "Mr. Li", forbidden=("President Li",))])
    records = records_from_cues("第1集", 0.0, "en", cues)
    by_cue = issues_by_cue(issues)
    signals = [signals_from_cue(r, c, qa_issues=by_cue.get(c.id, ()), bible=checker)
               for r, c in zip(records, cues, strict=True)]
    first, second, third, fourth, fifth, _ = signals
    assert (first.confidence, first.bible_problems, first.memory_score) == (0.31, 2, None)
    assert (second.memory_score, second.confidence, second.changed_since_draft) == (0.92, None, False)
    assert [i.rule for i in issues if i.cue_id == 2 and i.severity == "warning"] == ["numbers_missing"]
    assert third.memory_score == 1.0
    with_glossary = QAContext(fps=25.0, target_lang="en", glossary=[GlossaryTerm("李总", "Mr. Li", ("President Li",))])
    glossary_issues = [i for i in run_qa(cues[:1], profile, with_glossary) if i.cue_id == 1]
    assert {i.rule for i in glossary_issues} == {"glossary_missing", "glossary_forbidden"}
    counted_once = signals_from_cue(records[0], cues[0], qa_issues=glossary_issues, bible=checker)
    assert (counted_once.qa_errors, counted_once.qa_warnings, counted_once.bible_problems) == (0, 0, 2)
    assert signals_from_cue(records[0], cues[0], qa_issues=glossary_issues).qa_errors == 1  # no bible: QA counts
    confirmed = cues[1].with_(state=State.TRANSLATED)  # a person confirmed the memory's text: no longer its risk
    assert signals_from_cue(records[1], confirmed).memory_score is None
    assert fourth.changed_since_draft and fourth.rejected_before and fourth.confidence is None
    assert (fourth.qa_errors, fourth.qa_warnings) == (2, 1)  # longer than the profile allows, overlaps line 5
    assert (fifth.qa_errors, fifth.qa_warnings, fifth.changed_since_draft) == (0, 1, False)  # too fast to read
    assert not fifth.rejected_before
    approved_once = cues[4].with_(comments=(Comment.of_rejection(rejection),))  # rejected, then approved, then edited
    assert signals_from_cue(records[4], approved_once).rejected_before
    queue = review_queue(signals)
    assert [(e.record.line, e.reasons) for e in queue] == [
        (4, ("rejected_before", "qa_error", "changed_since_draft", "qa_warning")),
        (1, ("bible", "low_confidence")),
        (2, ("fuzzy_memory", "qa_warning")),  # the match says three years, the source five
        (3, ()),  # an exact memory match: a person's decision reused, as low as a confirmed line
        (5, ("qa_warning",)),
    ]
