"""Translation memory reuses people's lines; the cache keys on model, languages, settings and text."""

from __future__ import annotations

import sqlite3

import pytest

from editor.core import edits
from editor.core.document import Cue
from editor.core.mt.cache import TranslationCache, cache_key
from editor.core.mt.engine import DecodingOptions, Hypothesis
from editor.core.mt.memory import TranslationMemory
from editor.core.review import State
from editor.core.store import Project, ProjectError, ProjectMeta


def test_memory_keeps_only_peoples_lines_and_prefers_approved():
    tm = TranslationMemory()
    tm.add_cues([
        Cue(1, 0, 1, "对不起。", "Sorry.", State.TRANSLATED),
        Cue(2, 0, 1, "对不起。", "I'm sorry.", State.APPROVED),
        Cue(3, 0, 1, "对不起。", "Sorry!", State.TRANSLATED),
        Cue(4, 0, 1, "走吧。", "Let's go.", State.MT_DRAFT),
        Cue(5, 0, 1, "等等。", "Wait.", State.REJECTED),
    ], "ep01.subrev")
    hit = tm.lookup("<i>对不起。</i>")
    assert hit is not None and hit.target == "I'm sorry." and hit.state is State.APPROVED
    assert tm.lookup("走吧。") is None and tm.lookup("等等。") is None


def test_memory_reads_an_earlier_episode_without_changing_it(tmp_path):
    path = tmp_path / "第1集.subrev"
    with Project.create(path, [Cue(1, 0, 1000, "林总，您好。"), Cue(2, 1000, 2000, "再见。")], ProjectMeta(),
                        actor="a") as p:
        p.apply(edits.SetTarget(1, "Hello, Mr. Lin."), actor="a")
        p.apply(edits.SetState(1, State.TRANSLATED), actor="a")  # only confirmed lines are remembered
    before = path.read_bytes()
    tm = TranslationMemory()
    assert tm.add_project_file(path).added == 1
    assert tm.lookup("林总，您好。").target == "Hello, Mr. Lin."
    assert path.read_bytes() == before


def test_memory_refuses_a_file_that_is_not_a_project(tmp_path):
    other = tmp_path / "x.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.close()
    with pytest.raises(ProjectError):
        TranslationMemory().add_project_file(other)
    with pytest.raises(ProjectError):
        TranslationMemory().add_project_file(tmp_path / "missing.subrev")


def test_cache_round_trip_and_key_depends_on_every_input(tmp_path):
    cache = TranslationCache(tmp_path / "c.sqlite")
    opts = DecodingOptions()
    key = cache_key("hash", opts, "zh-Hans", "en", "你好")
    cache.put_many({key: [Hypothesis("Hello", -0.2, "▁Hello"), Hypothesis("Hi", -0.4, "▁Hi")]})
    assert cache.get_many([key]) == {key: [Hypothesis("Hello", -0.2, "▁Hello"), Hypothesis("Hi", -0.4, "▁Hi")]}
    others = {
        cache_key("other", opts, "zh-Hans", "en", "你好"),
        cache_key("hash", DecodingOptions(beam_size=1), "zh-Hans", "en", "你好"),
        cache_key("hash", opts, "zh-Hant", "en", "你好"),
        cache_key("hash", opts, "zh-Hans", "fr", "你好"),
        cache_key("hash", opts, "zh-Hans", "en", "你好！"),
    }
    assert key not in others and len(others) == 5
    assert cache_key("hash", DecodingOptions(max_batch_size=8), "zh-Hans", "en", "你好") == key
    cache.close()
    assert TranslationCache(tmp_path / "c.sqlite").get_many([key])[key][0].text == "Hello"


def test_a_cache_that_cannot_be_opened_is_disabled_not_fatal(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = TranslationCache(blocker / "sub" / "c.sqlite")
    assert cache.error and cache.get_many(["k"]) == {}
    cache.put_many({"k": [Hypothesis("a", 0.0)]})
