"""Positions answers like list.index, whether it scans or has built its dict."""

from __future__ import annotations

from operator import attrgetter

from hypothesis import given
from hypothesis import strategies as st

from editor.core.document import Cue
from editor.core.positions import Positions


@given(st.lists(st.integers(-50, 200), unique=True, max_size=60), st.lists(st.integers(-60, 220), max_size=80))
def test_every_lookup_agrees_with_list_index(ids, lookups):
    positions = Positions(ids)
    for key in lookups:
        assert positions.get(key) == (ids.index(key) if key in ids else None)


@given(st.lists(st.integers(1, 10_000), unique=True, min_size=1, max_size=40), st.data())
def test_keyed_items_are_found_by_key_with_the_item_as_probe(ids, data):
    cues = [Cue(i, 0, 10) for i in ids]
    positions = Positions(cues, key=attrgetter("id"))
    for _ in range(3 * len(cues)):
        cue = data.draw(st.sampled_from(cues))
        assert positions.get(cue.id, probe=cue) == cues.index(cue)


def test_lookups_near_the_top_never_pay_for_the_dict_and_far_ones_soon_do():
    ids = list(range(100_000))
    positions = Positions(ids)
    for key in range(0, 300, 3):
        assert positions.get(key) == key
    assert positions._map is None  # ~5,000 entries scanned in all, for 100,000 rows
    assert positions.get(99_999) == 99_999
    assert positions.get(50_000) == 50_000 and positions._map is not None
