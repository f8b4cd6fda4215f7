"""The window's counts in one pass agree with counting cue by cue."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor.core.document import Cue
from editor.core.review import State
from editor.core.workflows import needs_decision, review_counts, state_counts

cues = st.lists(st.builds(lambda state, source: Cue(1, 0, 1000, source, "", state),
                          st.sampled_from(list(State)), st.sampled_from(["", " ", "\u3000\n", "你好", " 好 "])),
                max_size=40)


@given(cues)
def test_review_counts_agree_with_counting_each_cue(sample):
    counts, open_lines = review_counts(sample)
    assert counts == state_counts(sample)
    assert open_lines == sum(needs_decision(c) for c in sample)


def test_a_blank_line_needs_no_decision_but_is_counted_in_its_state():
    counts, open_lines = review_counts([Cue(1, 0, 10, " ", "", State.UNTRANSLATED), Cue(2, 0, 10, "好", "")])
    assert counts[State.UNTRANSLATED.value] == 2 and open_lines == 1
