"""The episode a person means when they open a series without naming one: the first waiting for their part."""

from __future__ import annotations

import pytest

from editor.core import edits
from editor.core.document import Cue
from editor.core.review import State
from editor.core.series.episode import EpisodeProject
from editor.core.series.store import Claim, NewEpisode, Series, Work
from editor.core.series.waiting import first_waiting


@pytest.fixture
def series(tmp_path):
    """Four episodes in English: EP1 approved, EP2 confirmed (waits for review), EP3 and EP4 untranslated."""
    cues = [Cue(1, 0, 1000, "你好。"), Cue(2, 1200, 2400, "再见。")]
    with Series.create(tmp_path / "s.subseries", source_lang="zh-Hans", languages=["en"], actor="pm",
                       episodes=[NewEpisode(f"EP{n}", n, cues, 25.0) for n in range(1, 5)]) as s:
        for name, final in (("EP1", State.APPROVED), ("EP2", State.TRANSLATED)):
            view = EpisodeProject.of(s, name, "en")
            for cue_id, text in ((1, "Hello."), (2, "Goodbye.")):
                view.apply(edits.SetTarget(cue_id, text), actor="ann")
                view.apply(edits.SetState(cue_id, State.TRANSLATED), actor="ann")
                if final is State.APPROVED:
                    view.apply(edits.SetState(cue_id, State.APPROVED), actor="rex")
        yield s


def test_a_translator_gets_the_first_episode_with_lines_to_decide(series):
    assert first_waiting(series.status(), "en") == "EP3"
    assert series.first_waiting("en") == "EP3"


def test_a_reviewer_gets_the_first_episode_with_confirmed_lines(series):
    assert first_waiting(series.status(), "en", role="reviewer", person="rex") == "EP2"


def test_a_manager_gets_the_first_with_anything_open(series):
    assert first_waiting(series.status(), "en", role="manager", person="pm") == "EP2"


def test_the_persons_assigned_episode_comes_first_and_anothers_last(series):
    status = series.status()
    assigned = {("EP3", "en"): Work("tom", ""), ("EP4", "en"): Work("tina")}
    assert first_waiting(status, "en", role="translator", person="tina", assignments=assigned) == "EP4"
    assert first_waiting(status, "en", role="translator", person="tom", assignments=assigned) == "EP3"
    # nobody's episode before another person's
    unassigned_first = {("EP3", "en"): Work("tom")}
    assert first_waiting(status, "en", role="translator", person="ann", assignments=unassigned_first) == "EP4"


def test_an_episode_another_person_of_the_role_is_writing_comes_last(series):
    status = series.status()
    held = {("EP3", "en"): Work(claims={"translator": Claim("tom", "2026-12-04 09:00")})}
    assert first_waiting(status, "en", role="translator", person="tina", assignments=held) == "EP4"
    assert first_waiting(status, "en", role="translator", person="tom", assignments=held) == "EP3"  # their own
    everything_held = held | {("EP4", "en"): Work(claims={"translator": Claim("tom", "2026-12-04 09:05")})}
    assert first_waiting(status, "en", role="translator", person="tina", assignments=everything_held) == "EP3"


def test_nothing_waiting_opens_the_first_episode_and_no_episode_none(series, tmp_path):
    with Series.create(tmp_path / "empty.subseries", source_lang="zh-Hans", languages=["en"], actor="pm",
                       episodes=[]) as empty:
        assert first_waiting(empty.status(), "en") is None
    assert first_waiting(series.status(), "fr") == "EP1"  # a language the episodes do not have: nothing waits
