"""A series' memory offers every person's decision of the same target language: exact first, then fuzzy."""

from __future__ import annotations

import random

import pytest

from editor.core.review import State
from editor.core.series.memory_index import (
    MemoryEntry,
    MemoryIndex,
    describe,
    draft_text,
    memory_key,
)


def entry(source: str, target: str, lang: str = "en", episode: str = "EP01", line: int = 1,
          at: str = "2026-12-01T10:00:00Z", state: State = State.TRANSLATED, actor: str = "ann") -> MemoryEntry:
    return MemoryEntry(source, target, lang, episode, line, actor, at, state)


def test_an_exact_match_ignores_punctuation_width_quotes_and_spacing():
    index = MemoryIndex([entry("你好,世界!", "Hello, world!", line=4),
                         entry("他说:\"走吧。\"", "He said: \"Let's go.\"", line=5),
                         entry("我们　明天\n再见……", "See you tomorrow...", line=6)])
    found = index.lookup("你好，世界！", "en")
    assert [(m.entry.line, m.score, m.kind) for m in found] == [(4, 1.0, "exact")]
    assert [m.entry.line for m in index.lookup("他说：“走吧.”", "en")] == [5]
    assert index.lookup("他说：“走吧.”", "en")[0].kind == "exact"
    assert [m.kind for m in index.lookup("我们明天再见⋯⋯", "en")] == ["exact"]
    assert memory_key("你好，世界！") == memory_key(" 你好 , 世界! ") == memory_key("<b>你好,</b>世界!")


def test_tags_are_ignored_in_the_key_and_the_draft_wears_the_current_sources_tags():
    index = MemoryIndex([entry("<i>对不起。</i>", "<i>I'm sorry.</i>", episode="EP02", line=9)])
    [match] = index.lookup("{\\an8}对不起。", "en")
    assert match.kind == "exact" and match.score == 1.0
    assert draft_text(match, "{\\an8}对不起。") == "{\\an8}I'm sorry."
    assert draft_text(match, "对不起。") == "I'm sorry."
    assert draft_text(match, "<i>对不起。</i>") == "<i>I'm sorry.</i>"


def test_a_one_character_change_is_a_fuzzy_match_with_its_score_below_one():
    index = MemoryIndex([entry("这是三年前你送我的戒指。", "This is the ring you gave me three years ago.",
                               episode="EP03", line=12)])
    [match] = index.lookup("这是五年前你送我的戒指。", "en")
    assert match.kind == "fuzzy"
    assert match.score == pytest.approx(1 - 1 / 12) and match.score < 1.0
    assert describe(match) == "EP03 line 12 · 91%"
    assert describe(match, "{episode} 第{line}行 · {percent}%") == "EP03 第12行 · 91%"
    assert draft_text(match, "<i>这是五年前你送我的戒指。</i>") == ("<i>This is the ring you gave me three years "
                                                           "ago.</i>")
    assert index.lookup("这是五年前你送我的戒指。", "en", min_score=0.95) == []


def test_a_near_match_below_the_threshold_and_a_different_line_are_not_offered():
    index = MemoryIndex([entry("好的。", "OK.", line=1),
                         entry("明天早上八点公司见。", "See you at the office at eight.", line=2)])
    assert index.lookup("好。", "en") == []  # one edit in three characters: 67 %
    assert index.lookup("你知道我等了你多久吗？", "en") == []
    assert index.lookup("<i></i>", "en") == [] and index.lookup("", "en") == []


def test_exact_matches_come_first_newest_first_with_identical_targets_collapsed():
    index = MemoryIndex([
        entry("林总，董事会的人都到了。", "Mr. Lin, the board is here.", episode="EP01", line=3,
              at="2026-12-01T09:00:00Z"),
        entry("林总，董事会的人都到了。", "Mr. Lin, the board members are all here.", episode="EP05", line=7,
              at="2026-12-03T09:00:00Z"),
        entry("林总，董事会的人都到了。", "Mr. Lin, the board is here.", episode="EP04", line=2,
              at="2026-12-02T09:00:00+00:00"),
        entry("林总，董事会的人都到齐了。", "Mr. Lin, the whole board is here.", episode="EP02", line=8,
              at="2026-12-04T09:00:00Z"),
        entry("林总，董事会的人都到齐了！", "Mr. Lin, the board is here.", episode="EP06", line=1,
              at="2026-12-05T09:00:00Z"),
    ])
    found = index.lookup("林总，董事会的人都到了。", "en")
    assert [(m.entry.episode, m.kind) for m in found] == [("EP05", "exact"), ("EP04", "exact"), ("EP02", "fuzzy")]
    assert found[2].score < 1.0
    assert [m.entry.episode for m in index.lookup("林总，董事会的人都到了。", "en", limit=1)] == ["EP05"]


def test_fuzzy_matches_are_ordered_by_score():
    index = MemoryIndex([
        entry("从今天起我不会再让你受委屈了。", "From today on, no one will wrong you.", line=1),
        entry("从今天起我不会再让你受一点委屈。", "From today on, you won't suffer at all.", line=2),
        entry("从今天起我不会让你受委屈。", "From today, I won't let you be wronged.", line=3),
    ])
    found = index.lookup("从今天起我不会再让你受委屈。", "en")
    assert [m.kind for m in found] == ["fuzzy"] * 3
    assert [m.entry.line for m in found] == [1, 3, 2]
    assert found[0].score > found[1].score > found[2].score >= 0.7


@pytest.mark.parametrize(("have", "want", "offered"), [
    ("es", "en", False),
    ("en", "es", False),
    ("pt-BR", "pt-PT", False),
    ("pt-PT", "pt-BR", False),
    ("pt-BR", "pt_br", True),
    ("es", "es-419", True),
    ("es-419", "es", True),
    ("es-ES", "es-419", False),
    ("zh-Hant", "zh-Hans", False),
    ("en-US", "en", True),
])
def test_languages_never_cross_as_same_variety_decides(have, want, offered):
    index = MemoryIndex([entry("我们离婚吧。", f"[{have}]", lang=have, line=1),
                         entry("我们离婚吧！孩子呢？", f"[{have}] fuzzy", lang=have, line=2)])
    assert bool(index.lookup("我们离婚吧。", want)) is offered
    assert bool(index.lookup("我们离婚吧！孩子呢", want, min_score=0.5)) is offered


def test_each_language_gets_its_own_decision_for_the_same_line():
    index = MemoryIndex([entry("对不起。", "Sorry.", lang="en", line=4),
                         entry("对不起。", "Lo siento.", lang="es", line=4),
                         entry("对不起。", "Desculpa.", lang="pt-BR", line=4),
                         entry("对不起。", "Desculpe.", lang="pt-PT", line=4)])
    assert [m.entry.target for m in index.lookup("对不起。", "es")] == ["Lo siento."]
    assert [m.entry.target for m in index.lookup("对不起。", "pt-BR")] == ["Desculpa."]
    assert sorted(m.entry.target for m in index.lookup("对不起。", "pt")) == ["Desculpa.", "Desculpe."]
    assert len(index) == 4


def test_the_line_itself_is_excluded():
    index = MemoryIndex([entry("整整五年。", "Five whole years.", episode="EP02", line=6),
                         entry("整整五年. ", "Five long years.", episode="EP07", line=3, at="2026-11-01T00:00:00Z")])
    assert [m.entry.episode for m in index.lookup("整整五年。", "en")] == ["EP02", "EP07"]
    found = index.lookup("整整五年。", "en", exclude=("EP02", 6))
    assert [(m.entry.episode, m.kind) for m in found] == [("EP07", "exact")]
    assert [m.entry.episode for m in index.lookup("整整五年。", "en", exclude=("EP02", 7))] == ["EP02", "EP07"]


def test_a_changed_decision_replaces_the_lines_entry():
    index = MemoryIndex([entry("我不需要。", "I don't need it.", episode="EP01", line=4)])
    index.add(entry("我不需要。", "I don't need this.", episode="EP01", line=4, at="2026-12-02T00:00:00Z",
                    state=State.APPROVED))
    assert [m.entry.target for m in index.lookup("我不需要。", "en")] == ["I don't need this."]
    assert len(index) == 1
    # The source of the line changed (a re-cut): the old text is no longer remembered for this line.
    index.add(entry("我不需要你。", "I don't need you.", episode="EP01", line=4))
    assert [m.kind for m in index.lookup("我不需要。", "en")] == ["fuzzy"]
    assert [m.kind for m in index.lookup("我不需要你。", "en")] == ["exact"]
    # Rejected, or back to a machine draft: not a decision worth reusing; the line leaves the memory.
    assert index.add(entry("我不需要你。", "I need you not.", episode="EP01", line=4, state=State.REJECTED)) is False
    assert index.lookup("我不需要你。", "en") == [] and len(index) == 0
    assert index.add(entry("我不需要你。", "I don't need you.", episode="EP01", line=4)) is True
    assert index.remove("EP01", 4, "en") is not None
    assert index.remove("EP01", 4, "en") is None
    assert index.lookup("我不需要你。", "en") == []


def test_an_entry_without_a_target_is_not_remembered():
    index = MemoryIndex([entry("我不需要。", "  <i></i> ", line=1), entry("<i></i>", "Music", line=2)])
    assert len(index) == 0 and index.lookup("我不需要。", "en") == []


def test_removing_an_episode_forgets_its_lines_in_every_language():
    index = MemoryIndex([entry("对不起。", "Sorry.", episode="EP01", line=1),
                         entry("对不起。", "Lo siento.", lang="es", episode="EP01", line=1),
                         entry("对不起！", "Sorry!", episode="EP02", line=1)])
    assert index.remove_episode("EP01") == 2
    assert [m.entry.episode for m in index.lookup("对不起。", "en")] == ["EP02"]
    assert index.lookup("对不起。", "es") == []


def _reference_score(a: str, b: str) -> float:
    """Edit-distance similarity computed plainly, as the index promises to score."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return 1 - row[-1] / max(len(a), len(b))


def _series_lines(rng: random.Random, count: int) -> list[str]:
    words = ["你", "我", "他", "她", "我们", "知道", "不", "是", "的", "了", "林总", "公司", "今天", "明天", "孩子",
             "为什么", "真相", "离婚", "合同", "董事会", "三年", "回来", "对不起", "喜欢", "妈", "别", "走", "吧", "吗"]
    return ["".join(rng.choice(words) for _ in range(rng.randint(1, 7))) + rng.choice("。？！，…")
            for _ in range(count)]


def test_among_many_entries_the_top_matches_are_the_best_ones():
    rng = random.Random(13)
    lines = _series_lines(rng, 1200)
    entries = [entry(src, f"T{i}", episode=f"EP{i // 40 + 1:02d}", line=i % 40 + 1,
                     at=f"2026-12-01T{i % 24:02d}:00:00Z") for i, src in enumerate(lines)]
    entries += [entry(src, f"X{i}", lang="es", episode="EP99", line=i + 1) for i, src in enumerate(lines[:300])]
    index = MemoryIndex(entries)
    by_key: dict[str, list[MemoryEntry]] = {}
    for e in entries[:1200]:
        by_key.setdefault(memory_key(e.source), []).append(e)
    queries = [*lines[::79], *_series_lines(rng, 25), *(ln[:-2] + "吗？" for ln in lines[5::119] if len(ln) > 3)]
    checked_fuzzy = 0
    for query in queries:
        found = index.lookup(query, "en", limit=5, min_score=0.6)
        qkey = memory_key(query)
        exact = by_key.get(qkey, [])
        got_exact = [m for m in found if m.kind == "exact"]
        assert len(got_exact) == min(5, len(exact))
        assert {m.entry.target for m in got_exact} <= {e.target for e in exact}
        assert [m.entry.at for m in got_exact] == sorted((e.at for e in exact), reverse=True)[:len(got_exact)]
        scores = []  # every other English line's score (their targets all differ)
        for key, same in by_key.items():
            score = _reference_score(qkey, key) if key != qkey else 0.0
            scores += [score] * len(same) if score >= 0.6 else []
        fuzzy = [m for m in found if m.kind == "fuzzy"]
        want = sorted(scores, reverse=True)[:5 - len(got_exact)]
        assert [round(m.score, 9) for m in fuzzy] == [round(s, 9) for s in want]
        for m in fuzzy:
            assert m.score == pytest.approx(_reference_score(qkey, memory_key(m.entry.source)))
            assert m.entry.lang == "en"
        assert len({m.entry.target for m in found}) == len(found)
        checked_fuzzy += len(fuzzy)
    assert checked_fuzzy > 50  # the comparison really covered fuzzy matches


@pytest.mark.parametrize("min_score", [0.4, 0.7, 0.9])
def test_lines_of_repeated_characters_get_their_best_matches_too(min_score):
    rng = random.Random(int(min_score * 10))
    sources = ["".join(rng.choice("哈啊不") for _ in range(rng.randint(1, 14))) for _ in range(400)]
    index = MemoryIndex(entry(src, f"T{i}", line=i + 1) for i, src in enumerate(sources))
    for query in ["".join(rng.choice("哈啊不对") for _ in range(rng.randint(1, 14))) for _ in range(60)]:
        found = [m for m in index.lookup(query, "en", limit=4, min_score=min_score) if m.kind == "fuzzy"]
        scores = sorted((s for src in sources if src != query
                         if (s := _reference_score(query, src)) >= min_score), reverse=True)
        exact = sum(1 for src in sources if src == query)
        assert [round(m.score, 9) for m in found] == [round(s, 9) for s in scores[:max(0, 4 - exact)]]


def test_min_score_must_be_positive():
    with pytest.raises(ValueError):
        MemoryIndex([]).lookup("你好。", "en", min_score=0)
