"""A revised source subtitle (a re-cut) is paired with the old one by time and text, so kept work stays put."""

from __future__ import annotations

import random
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.document import Cue
from editor.core.series.realign import Alignment, Fate, Line, Match, align

EPISODE = [
    "你怎么又来了？",
    "我只是想把这个还给你。",
    "这是三年前你送我的戒指。",
    "我不需要。",
    "她终于说出了真相。",
    "你以为我会原谅你吗？",
    "公司的事情我会处理。",
    "明天早上八点，董事会见。",
    "妈，你别担心。",
    "这件事跟你没关系。",
    "我们离婚吧。",
    "你会后悔的。",
]

OTHER_DRAMA = [
    "师父，山下来了一群人。",
    "他们说要找掌门。",
    "快去把剑拿来！",
    "这座城已经守不住了。",
    "将军，敌军已经到了城外。",
    "传令下去，全军撤退。",
    "小姐，天色不早了。",
    "今晚的月亮真圆啊。",
    "这封信必须亲手交给皇上。",
    "属下遵命。",
    "谁在外面？",
    "是她，开门。",
]


def timed(texts: list[str], *, first_id: int = 1, start_ms: int = 1000, step_ms: int = 3000) -> list[Line]:
    """Lines two and a half seconds long, one every `step_ms`."""
    return [Line(first_id + n, start_ms + n * step_ms, start_ms + n * step_ms + 2500, text)
            for n, text in enumerate(texts)]


def fates(alignment: Alignment) -> list[tuple[int, Fate, int | None]]:
    return [(m.new_id, m.fate, m.old_id) for m in alignment.matches]


def test_identical_files_keep_every_line_unchanged():
    old = timed(EPISODE)
    new = timed(EPISODE, first_id=101)
    result = align(old, new)
    assert fates(result) == [(101 + n, Fate.UNCHANGED, 1 + n) for n in range(len(EPISODE))]
    assert result.removed == ()
    assert result.shift_ms == 0
    assert result.counts() == {"unchanged": 12, "changed": 0, "added": 0, "removed": 0}
    assert not result.shares_nothing


def test_a_constant_shift_of_one_and_a_half_seconds_is_detected_and_changes_nothing():
    old = timed(EPISODE)
    new = [Line(line.id + 100, line.start_ms + 1500, line.end_ms + 1500, line.source) for line in old]
    result = align(old, new)
    assert result.shift_ms == 1500
    assert fates(result) == [(101 + n, Fate.UNCHANGED, 1 + n) for n in range(len(EPISODE))]


def test_the_episodes_cues_can_be_aligned_as_they_are():
    cues = [Cue(line.id, line.start_ms, line.end_ms, line.source, "translated") for line in timed(EPISODE)]
    result = align(cues, timed(EPISODE))
    assert result.counts()["unchanged"] == len(EPISODE)


def test_one_retyped_character_makes_the_line_changed_and_nothing_else():
    old = timed(EPISODE)
    texts = list(EPISODE)
    texts[5] = "你以为我会原凉你吗？"
    result = align(old, timed(texts, first_id=101))
    assert result.matches[5] == Match(106, Fate.CHANGED, 6)
    assert result.counts() == {"unchanged": 11, "changed": 1, "added": 0, "removed": 0}


def test_lines_inserted_at_the_start_in_the_middle_and_at_the_end_are_added():
    old = timed(EPISODE, start_ms=4000)
    new = [Line(200, 500, 2800, "前情提要。")]
    new += [Line(line.id + 100, line.start_ms, line.end_ms, line.source) for line in old[:6]]
    new.append(Line(201, old[5].end_ms + 100, old[6].start_ms - 100, "等一下！"))
    new += [Line(line.id + 100, line.start_ms, line.end_ms, line.source) for line in old[6:]]
    new.append(Line(202, old[-1].end_ms + 500, old[-1].end_ms + 3000, "未完待续。"))
    result = align(old, new)
    added = [m.new_id for m in result.matches if m.fate is Fate.ADDED]
    assert added == [200, 201, 202]
    assert all(m.old_id == m.new_id - 100 for m in result.matches if m.fate is Fate.UNCHANGED)
    assert result.counts() == {"unchanged": 12, "changed": 0, "added": 3, "removed": 0}


def test_removed_lines_are_listed_in_the_old_order():
    old = timed(EPISODE)
    new = [Line(line.id + 100, line.start_ms, line.end_ms, line.source) for line in old if line.id not in (1, 7, 12)]
    result = align(old, new)
    assert result.removed == (1, 7, 12)
    assert result.counts() == {"unchanged": 9, "changed": 0, "added": 0, "removed": 3}


def test_a_split_line_keeps_its_work_on_the_better_half_and_adds_the_other():
    old = timed(EPISODE)
    line = old[7]  # 明天早上八点，董事会见。
    new = [Line(n.id + 100, n.start_ms, n.end_ms, n.source) for n in old]
    new[7:8] = [Line(301, line.start_ms, line.start_ms + 1500, "明天早上八点，"),
                Line(302, line.start_ms + 1500, line.end_ms, "董事会见。")]
    result = align(old, new)
    by_new = {m.new_id: m for m in result.matches}
    assert by_new[301] == Match(301, Fate.CHANGED, 8)
    assert by_new[302] == Match(302, Fate.ADDED, None)
    assert result.counts() == {"unchanged": 11, "changed": 1, "added": 1, "removed": 0}


def test_a_merged_pair_keeps_the_better_old_line_and_removes_the_other():
    old = timed(EPISODE)
    new = [Line(n.id + 100, n.start_ms, n.end_ms, n.source) for n in old]
    # "我不需要。" + "她终于说出了真相。": the longer one covers more of the merged line, in time and in text.
    new[3:5] = [Line(400, old[3].start_ms, old[4].end_ms, "我不需要。她终于说出了真相。")]
    result = align(old, new)
    assert Match(400, Fate.CHANGED, 5) in result.matches
    assert result.removed == (4,)
    assert result.counts() == {"unchanged": 10, "changed": 1, "added": 0, "removed": 1}


def test_a_scene_cut_out_of_a_shuffled_file_moves_the_rest_and_keeps_their_work():
    texts = [f"{text[:-1]}，第{n}次。" for n, text in enumerate(EPISODE * 3)]  # 36 distinct lines
    texts[25] = "我不想再看到他出现在这里。"
    old = timed(texts)
    cut = range(10, 17)  # a scene of seven lines, 21 s, removed in the re-cut
    scene_ms = old[17].start_ms - old[10].start_ms
    new = [Line(line.id + 100, line.start_ms, line.end_ms, line.source) for line in old[:10]]
    new += [Line(line.id + 100, line.start_ms - scene_ms, line.end_ms - scene_ms, line.source) for line in old[17:]]
    # After the cut the line is retyped so much that only its timing, moved with the rest, says it is the same line.
    moved = next(n for n, line in enumerate(new) if line.id == 126)
    new[moved] = new[moved]._replace(source="他再出现的话，我就报警。")
    random.Random(7).shuffle(new)  # file order is not time order: the aligner goes by time
    result = align(old, new)
    assert result.removed == tuple(line.id for line in old if line.id - 1 in cut)
    assert result.shift_ms == -scene_ms  # most kept lines moved with the cut
    by_new = {m.new_id: m for m in result.matches}
    assert by_new[126] == Match(126, Fate.CHANGED, 26)
    assert all(m.old_id == m.new_id - 100 for m in result.matches)
    assert [m.new_id for m in result.matches] == [line.id for line in new]  # reported in the order given
    assert result.counts() == {"unchanged": 28, "changed": 1, "added": 0, "removed": 7}


def test_a_weakly_similar_line_is_the_same_line_only_where_the_timing_agrees():
    old = timed(EPISODE)
    old[6] = old[6]._replace(source="我不想再看到他出现在这里。")
    later = [Line(line.id + 100, line.start_ms + 10_000, line.end_ms + 10_000, line.source) for line in old[7:]]
    retyped = Line(107, old[6].start_ms, old[6].end_ms, "他再出现的话，我就报警。")
    new = [Line(line.id + 100, line.start_ms, line.end_ms, line.source) for line in old[:6]]
    assert align(old, [*new, retyped, *later]).matches[6] == Match(107, Fate.CHANGED, 7)
    # Moved to where neither the lines before (same times) nor those after (10 s later) would put it.
    elsewhere = retyped._replace(start_ms=old[6].start_ms + 5000, end_ms=old[6].end_ms + 5000)
    result = align(old, [*new, elsewhere, *later])
    assert result.matches[6] == Match(107, Fate.ADDED, None)
    assert result.removed == (7,)


def test_past_the_last_kept_line_similar_text_counts_only_near_its_old_time():
    old = timed(EPISODE)
    new = [Line(101, old[0].start_ms, old[0].end_ms, EPISODE[0]), *timed(OTHER_DRAMA[:9], first_id=102, start_ms=4000)]
    near = Line(120, old[7].start_ms + 3000, old[7].end_ms + 3000, "明天早上八点，董事会见面。")
    assert Match(120, Fate.CHANGED, 8) in align(old, [*new[:8], near]).matches  # old line 8 is at 22 s
    far = near._replace(start_ms=old[7].start_ms + 20_000, end_ms=old[7].end_ms + 20_000)
    result = align(old, [*new, far])
    assert Match(120, Fate.ADDED, None) in result.matches
    assert result.counts() == {"unchanged": 1, "changed": 0, "added": 10, "removed": 11}


def test_a_completely_different_file_shares_nothing():
    result = align(timed(EPISODE), timed(OTHER_DRAMA, first_id=101))
    assert result.shares_nothing
    assert result.counts() == {"unchanged": 0, "changed": 0, "added": 12, "removed": 12}
    assert result.removed == tuple(range(1, 13))


def test_another_episode_sharing_one_line_at_another_time_shares_nothing():
    other = timed([OTHER_DRAMA[0], EPISODE[10], *OTHER_DRAMA[1:]], first_id=101)
    result = align(timed(EPISODE), other)  # "我们离婚吧。" 27 s earlier than in the episode
    assert result.shares_nothing


def test_every_line_retyped_and_shifted_still_pairs_each_with_its_old_line():
    old = timed([*EPISODE, *OTHER_DRAMA])
    new = [Line(line.id + 100, line.start_ms + 2500, line.end_ms + 2500, "唉，" + line.source) for line in old]
    result = align(old, new)
    assert fates(result) == [(line.id + 100, Fate.CHANGED, line.id) for line in old]
    assert result.shift_ms == 2500


def test_empty_files_share_nothing():
    assert align([], timed(EPISODE)).shares_nothing
    assert align(timed(EPISODE), []).counts() == {"unchanged": 0, "changed": 0, "added": 0, "removed": 12}


def test_full_and_half_width_punctuation_spaces_and_tags_alone_leave_a_line_unchanged():
    old = timed(["你好，我是小王！", "ＯＫ，走吧。", "他说：“等等……”", "<i>她终于说出了真相。</i>", "你们 先走 吧"])
    new = timed(["你好,我是小王!", "OK, 走吧.", '他说:"等等..."', "她终于说出了真相。", "你们先走吧"], first_id=101)
    assert [m.fate for m in align(old, new).matches] == [Fate.UNCHANGED] * 5


def test_a_different_punctuation_mark_is_a_change():
    old = timed(["你要走了？", "Hello there"])
    new = timed(["你要走了。", "hello there"], first_id=101)
    assert fates(align(old, new)) == [(101, Fate.CHANGED, 1), (102, Fate.CHANGED, 2)]


def test_a_repeated_line_goes_to_the_occurrence_at_its_time():
    texts = ["嗯。", "你去哪儿？", "嗯。", "我去公司。", "嗯。", "早点回来。"]
    old = timed(texts)
    new = [Line(line.id + 100, line.start_ms + 200, line.end_ms + 200, line.source) for line in old]
    del new[2]  # the second "嗯。" is cut
    result = align(old, new)
    assert result.removed == (3,)
    assert all(m.old_id == m.new_id - 100 and m.fate is Fate.UNCHANGED for m in result.matches)


# --- a season-size episode with five percent of its lines edited ---------------------------------------------

def pairs_of(text: str) -> list[str]:
    return [text[k:k + 2] for k in range(0, len(text), 2)]


WORDS = pairs_of(
    "我们你们他们今天明天昨天公司医院学校妈妈爸爸哥哥姐姐老板总裁秘书合同项目会议离婚结婚孩子真相秘密戒指"
    "房子车子电话消息机会时间地方事情问题办法原谅相信喜欢讨厌离开回来知道告诉答应拒绝准备担心害怕后悔决定"
    "签字调查证据律师警察新闻股份董事"
)
NEW_WORDS = pairs_of(
    "沙漠骆驼星星灯塔海鸥竹林瀑布琵琶灯笼风筝蝴蝶樱桃月饼冰糖葫芦熊猫长城"
)
SHORT = ("嗯。", "好。", "怎么了？", "走吧。", "什么？")


@dataclass
class Recut:
    old: list[Line]
    new: list[Line]
    expected: dict[int, tuple[Fate, int | None]]  # new id -> its fate and old line, where only one is right
    splits: list[tuple[int, int, int]]  # (first new id, second new id, old id)
    merges: list[tuple[int, int, int]]  # (new id, first old id, second old id)
    removed: list[int]


def generated_episode(rng: random.Random, size: int) -> list[Line]:
    lines, at = [], 500
    for n in range(size):
        if rng.random() < 0.05:
            text = rng.choice(SHORT)
        else:
            words = rng.sample(WORDS, rng.randint(2, 5))
            text = "".join(words[:2]) + "，" + "".join(words[2:]) + rng.choice("。！？") if len(words) > 3 \
                else "".join(words) + rng.choice("。！？")
        length = rng.randint(1000, 3500)
        lines.append(Line(n + 1, at, at + length, text))
        at += length + rng.randint(100, 800)
    return lines


def recut(rng: random.Random, old: list[Line], share: float, offset_ms: int) -> Recut:
    """Edit `share` of the lines (retype, retime, insert, delete, split, merge), at least three lines apart,
    and shift everything by `offset_ms`; record what each new line should be found to be."""
    spots = range(1, len(old) // 3 - 1)
    places = sorted(rng.sample(spots, min(len(spots), int(len(old) * share))))
    edits = {3 * p: ("retype", "retime", "insert", "delete", "split", "merge")[n % 6] for n, p in enumerate(places)}
    out = Recut([], [], {}, [], [], [])
    next_id = 10_000
    n = 0
    while n < len(old):
        line = old[n]
        kind = edits.get(n)
        moved = Line(line.id + 5000, line.start_ms + offset_ms, line.end_ms + offset_ms, line.source)
        if kind == "retype" and len(line.source) > 5:
            at = rng.randrange(1, len(line.source) - 2)
            out.new.append(moved._replace(source=line.source[:at] + "错" + line.source[at + 1:]))
            out.expected[moved.id] = (Fate.CHANGED, line.id)
        elif kind == "retime":
            out.new.append(moved._replace(start_ms=moved.start_ms + 300, end_ms=moved.end_ms - 200))
            out.expected[moved.id] = (Fate.UNCHANGED, line.id)
        elif kind == "insert":
            out.new.append(moved)
            out.expected[moved.id] = (Fate.UNCHANGED, line.id)
            gap = old[n + 1].start_ms - line.end_ms
            text = "".join(rng.sample(NEW_WORDS, 3)) + "。"
            out.new.append(Line(next_id, moved.end_ms + 20, moved.end_ms + max(gap - 20, 60), text))
            out.expected[next_id] = (Fate.ADDED, None)
            next_id += 1
        elif kind == "delete":
            out.removed.append(line.id)
        elif kind == "split" and len(line.source) > 5:
            middle = (moved.start_ms + moved.end_ms) // 2
            cut = len(line.source) // 2
            out.new += [Line(next_id, moved.start_ms, middle, line.source[:cut]),
                        Line(next_id + 1, middle, moved.end_ms, line.source[cut:])]
            out.splits.append((next_id, next_id + 1, line.id))
            next_id += 2
        elif kind == "merge":
            after = old[n + 1]
            out.new.append(Line(next_id, moved.start_ms, after.end_ms + offset_ms, line.source + after.source))
            out.merges.append((next_id, line.id, after.id))
            next_id += 1
            n += 1
        else:
            out.new.append(moved)
            out.expected[moved.id] = (Fate.UNCHANGED, line.id)
        n += 1
    out.old = old
    return out


def test_a_two_thousand_line_recut_with_five_percent_edits_is_counted_right():
    rng = random.Random(13)
    case = recut(rng, generated_episode(rng, 2000), share=0.05, offset_ms=800)
    result = align(case.old, case.new)
    by_new = {m.new_id: m for m in result.matches}
    wrong = {new_id: (by_new[new_id].fate, by_new[new_id].old_id) for new_id, want in case.expected.items()
             if (by_new[new_id].fate, by_new[new_id].old_id) != want}
    assert wrong == {}
    for first, second, old_id in case.splits:
        halves = {(by_new[first].fate, by_new[first].old_id), (by_new[second].fate, by_new[second].old_id)}
        assert halves == {(Fate.CHANGED, old_id), (Fate.ADDED, None)}
    removed = set(result.removed)
    for new_id, first, second in case.merges:
        assert by_new[new_id].fate is Fate.CHANGED
        assert {by_new[new_id].old_id, *(removed & {first, second})} == {first, second}
    assert result.shift_ms == 800
    counts = result.counts()
    assert counts == {
        "unchanged": sum(1 for fate, _ in case.expected.values() if fate is Fate.UNCHANGED),
        "changed": sum(1 for fate, _ in case.expected.values() if fate is Fate.CHANGED)
        + len(case.splits) + len(case.merges),
        "added": sum(1 for fate, _ in case.expected.values() if fate is Fate.ADDED) + len(case.splits),
        "removed": len(case.removed) + len(case.merges),
    }
    assert min(counts["changed"], counts["added"], counts["removed"]) >= 25  # every kind of edit was made


def test_two_thousand_lines_against_an_unrelated_two_thousand_share_nothing():
    rng = random.Random(5)
    old = generated_episode(rng, 2000)
    new = [Line(n + 1, line.start_ms, line.end_ms, "".join(rng.sample(NEW_WORDS, 4)) + "。")
           for n, line in enumerate(generated_episode(rng, 2000))]
    result = align(old, new)
    assert result.shares_nothing
    assert result.counts() == {"unchanged": 0, "changed": 0, "added": 2000, "removed": 2000}


def test_another_episode_in_the_same_words_shares_nothing():
    rng = random.Random(21)
    old, other = generated_episode(rng, 400), generated_episode(rng, 400)
    assert sum(a.source == b.source for a in old for b in other) > 10  # lines that happen to repeat
    assert align(old, other).shares_nothing


# --- what holds for any re-cut ---------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 40), st.floats(0, 0.4), st.integers(-5000, 5000))
def test_every_line_is_accounted_for_once_and_pairs_keep_their_order(seed, size, share, offset_ms):
    rng = random.Random(seed)
    old = generated_episode(rng, size)
    new = recut(rng, old, share, offset_ms).new
    result = align(old, new)
    assert [m.new_id for m in result.matches] == [line.id for line in new]
    paired = [m.old_id for m in result.matches if m.old_id is not None]
    assert sorted(paired + list(result.removed)) == [line.id for line in old]
    assert all((m.old_id is None) == (m.fate is Fate.ADDED) for m in result.matches)
    old_rank = {line.id: n for n, line in enumerate(sorted(old, key=lambda x: (x.start_ms, x.end_ms)))}
    assert paired == sorted(paired, key=old_rank.__getitem__)
