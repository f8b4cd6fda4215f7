"""Series consistency: a source line decided two ways across episodes, and the bible's names, forms of address and
terms rendered otherwise or with a forbidden word, each issue naming every episode and line involved."""

from __future__ import annotations

import random

from editor.core import edits
from editor.core.document import Cue
from editor.core.review import State
from editor.core.series.consistency import (
    BIBLE_FORBIDDEN,
    BIBLE_OTHERWISE,
    SAME_SOURCE,
    BibleChecker,
    BibleEntry,
    ConsistencyIssue,
    LineRecord,
    Place,
    check_consistency,
    consistency_key,
    describe,
    is_too_short,
    read_bible,
    read_line_records,
    records_from_cues,
    target_key,
)
from editor.core.series.episode import EpisodeProject
from editor.core.series.store import NewEpisode, Series

EPISODES = {f"EP{n:02d}": float(n) for n in range(1, 13)}


def rec(episode: str, line: int, source: str, target: str, state: State = State.TRANSLATED, lang: str = "en",
        cue_id: int | None = None) -> LineRecord:
    return LineRecord(episode, EPISODES[episode], line, line if cue_id is None else cue_id, lang, source, target,
                      state.value)


LI = BibleEntry("name", "李总", "Mr. Li", forbidden=("Boss Li", "President Li"))
RETURN = "三年之期已到，我再也不用忍了。"


def test_the_same_line_decided_two_ways_names_every_place_with_the_majority_first():
    records = [
        rec("EP07", 12, RETURN, "The three years are over. I'm done putting up with it.", State.APPROVED),
        rec("EP01", 5, RETURN, "Three years are up. I don't have to hold back anymore.", State.APPROVED),
        rec("EP03", 2, "三年之期已到,我再也不用忍了!", "Three years are up. I don't have to hold back anymore!"),
        rec("EP02", 9, "你根本配不上她。", "You don't deserve her at all."),
        rec("EP04", 1, "三年之期已到 我再也不用忍了", "Three years are up. I don't have to hold back anymore"),
    ]
    [issue] = check_consistency(records)
    assert issue.rule == SAME_SOURCE and issue.lang == "en"
    assert [(p.episode, p.line) for p in issue.places] == [("EP01", 5), ("EP03", 2), ("EP04", 1), ("EP07", 12)]
    majority, other = issue.variants
    assert majority.count == 3
    assert [(p.episode, p.line) for p in majority.places] == [("EP01", 5), ("EP03", 2), ("EP04", 1)]
    assert majority.text == "Three years are up. I don't have to hold back anymore."
    assert other.count == 1 and [(p.episode, p.line) for p in other.places] == [("EP07", 12)]
    assert other.places[0] == Place("EP07", 12, 12, "The three years are over. I'm done putting up with it.")
    assert issue.key == RETURN
    assert consistency_key(RETURN) == consistency_key("<i>三年之期已到！我再也不用忍了</i>")
    assert consistency_key("你走了？") == consistency_key("你走了。") != consistency_key("你走吧。")
    assert describe(issue) == ("“三年之期已到，我再也不用忍了。” is translated 2 ways; most often as "
                               "“Three years are up. I don't have to hold back anymore.”")


def test_tags_spacing_final_punctuation_and_quote_styles_are_not_differences_but_case_is():
    same = [
        rec("EP01", 1, "你被开除了，马上滚出去。", "<i>You're fired.\nGet out now.</i>"),
        rec("EP02", 1, "你被开除了，马上滚出去。", "You’re fired.  Get out now!"),
        rec("EP03", 1, "你被开除了，马上滚出去。", "{\\an8}You're fired. Get out now"),
    ]
    assert check_consistency(same) == []
    assert target_key("¿Estás bien?") == target_key("¡Estás bien!") == target_key("Estás  bien")
    cased = [*same, rec("EP04", 1, "你被开除了，马上滚出去。", "you're fired. get out now.")]
    [issue] = check_consistency(cased)
    assert [v.count for v in issue.variants] == [3, 1]


def test_machine_drafts_and_lines_without_a_decision_are_not_compared():
    line = "这份合同你今天必须签。"
    records = [
        rec("EP01", 3, line, "You must sign this contract today.", State.APPROVED),
        rec("EP02", 3, line, "You have to sign the contract today.", State.MT_DRAFT),
        rec("EP03", 3, line, "This contract, you sign today.", State.STALE),
        rec("EP04", 3, line, "Sign it today.", State.REJECTED),
        rec("EP05", 3, line, "", State.UNTRANSLATED),
    ]
    assert check_consistency(records) == []
    typed = [*records, rec("EP06", 3, line, "Today you sign this contract.", State.EDITED)]
    [issue] = check_consistency(typed)
    assert [(p.episode, p.line) for p in issue.places] == [("EP01", 3), ("EP06", 3)]


def test_interjections_and_very_short_lines_are_translated_many_ways_and_not_flagged():
    records = [
        rec("EP01", 1, "嗯。", "Hmm."), rec("EP02", 1, "嗯。", "Yeah."), rec("EP03", 1, "嗯……", "Okay..."),
        rec("EP01", 2, "好。", "Fine."), rec("EP02", 2, "好！", "OK!"),
        rec("EP01", 3, "好的", "Sure."), rec("EP02", 3, "好的", "Got it."),
        rec("EP01", 4, "哈哈哈哈！", "Ha ha ha!"), rec("EP02", 4, "哈哈哈哈！", "Hahaha!"),
        rec("EP01", 5, "啊？什么？", "Huh? What?"), rec("EP02", 5, "啊？什么？", "What?!"),
        rec("EP01", 6, "好好好", "Okay, okay."), rec("EP02", 6, "好好好", "All right, all right."),
    ]
    assert check_consistency(records) == []
    assert is_too_short("嗯。") and is_too_short("好！") and is_too_short("哎呀，好的。") and is_too_short("OK")
    assert not is_too_short("你是谁？") and not is_too_short("三年之期已到")
    assert not is_too_short("Where were you last night?")


def test_languages_are_never_compared_with_each_other():
    line = "明天早上八点公司见。"
    records = [
        rec("EP01", 7, line, "See you at the office at eight tomorrow."),
        rec("EP01", 7, line, "Nos vemos mañana a las ocho en la oficina.", lang="es"),
        rec("EP05", 7, line, "See you at the office at eight tomorrow."),
        rec("EP05", 7, line, "Mañana a las ocho en la empresa.", lang="es"),
    ]
    [issue] = check_consistency(records)
    assert issue.lang == "es"
    assert [p.target for p in issue.places] == ["Nos vemos mañana a las ocho en la oficina.",
                                                "Mañana a las ocho en la empresa."]


def test_places_follow_episode_order_not_episode_names():
    line = "你以为你是谁？"
    records = [LineRecord("第10集", 10.0, 4, 40, "en", line, "Who do you think you are?", "translated"),
               LineRecord("第9集", 9.0, 4, 40, "en", line, "Who the hell are you?", "translated"),
               LineRecord("第9集", 9.0, 2, 20, "en", line, "Who do you think you are?", "translated")]
    [issue] = check_consistency(records)
    assert [(p.episode, p.line) for p in issue.places] == [("第9集", 2), ("第9集", 4), ("第10集", 4)]
    assert issue.variants[0].text == "Who do you think you are?"


def test_a_tie_between_two_renderings_puts_the_approved_one_first():
    line = "我不会让你失望的。"
    records = [rec("EP01", 1, line, "I won't let you down."),
               rec("EP04", 1, line, "I will not disappoint you.", State.APPROVED)]
    [issue] = check_consistency(records)
    assert [v.text for v in issue.variants] == ["I will not disappoint you.", "I won't let you down."]


def test_a_bible_name_rendered_otherwise_names_every_line_and_what_was_expected():
    records = [
        rec("EP01", 2, "李总，您来了。", "Mr. Li, you're here."),
        rec("EP02", 6, "李总今天心情不好。", "President Li is in a bad mood today."),
        rec("EP04", 1, "李总裁的车到了吗？", "Has the chairman's car arrived?"),
        rec("EP05", 3, "快去告诉李总！", "Go and tell mr. li, quick!"),
        rec("EP06", 8, "我不认识什么李总。", "I don't know any Li.", State.APPROVED),
    ]
    issues = check_consistency(records, {"en": [LI, BibleEntry("term", "李总裁", "the chairman")]})
    otherwise = [i for i in issues if i.rule == BIBLE_OTHERWISE]
    assert len(otherwise) == 1
    [issue] = otherwise
    assert issue.key == "李总" and issue.expected == "Mr. Li" and issue.kind == "name"
    assert [(p.episode, p.line) for p in issue.places] == [("EP02", 6), ("EP06", 8)]
    assert describe(issue) == "Bible: translate “李总” as “Mr. Li”"


def test_a_forbidden_rendering_is_reported_with_the_word_found():
    records = [
        rec("EP01", 2, "李总，您来了。", "Mr. Li, you're here."),
        rec("EP02", 6, "李总今天心情不好。", "President Li is in a bad mood today."),
        rec("EP03", 4, "李总说了算。", "Boss Li has the final say. Mr. Li decides."),
    ]
    issues = check_consistency(records, {"en": [LI]})
    forbidden = [(i.found, [(p.episode, p.line) for p in i.places]) for i in issues if i.rule == BIBLE_FORBIDDEN]
    assert forbidden == [("President Li", [("EP02", 6)]), ("Boss Li", [("EP03", 4)])]
    [otherwise] = [i for i in issues if i.rule == BIBLE_OTHERWISE]
    assert [p.episode for p in otherwise.places] == ["EP02"]
    words = [i for i in issues if i.found == "Boss Li"]
    assert describe(words[0]) == "Bible: “Boss Li” must not be used for “李总”"


def test_a_word_forbidden_everywhere_is_found_as_a_whole_word_only():
    banned = BibleEntry("term", "", "", forbidden=("damn",))
    records = [rec("EP01", 1, "你这个混蛋给我站住！", "Stop right there, damn you!"),
               rec("EP02", 1, "大坝的水位又涨了。", "The water behind the damn dam rose again."),
               rec("EP03", 1, "他把大坝修好了。", "He fixed the dam. Damnation!"),
               rec("EP04", 1, "他说的都是真的。", "Everything he said is true.")]
    [issue] = check_consistency(records, {"en": [banned]})
    assert issue.rule == BIBLE_FORBIDDEN and issue.found == "damn" and issue.key == ""
    assert [p.episode for p in issue.places] == ["EP01", "EP02"]
    assert describe(issue) == "Bible: “damn” must not be used"
    assert describe(issue, lambda t: t.replace("must not be used", "no debe usarse")) == "Bible: “damn” no debe usarse"


def test_the_bible_of_one_language_never_judges_another_and_notes_are_not_rules():
    records = [rec("EP01", 2, "李总，您来了。", "Señor Li, ya llegó.", lang="es"),
               rec("EP01", 2, "李总，您来了。", "Mr. Li, you're here.")]
    bible = {"en": [LI, BibleEntry("note", "李总", "a man in his fifties; everyone fears him")],
             "es": [BibleEntry("name", "李总", "señor Li", forbidden=("presidente Li",))]}
    assert check_consistency(records, bible) == []
    wrong = [rec("EP02", 1, "李总来了。", "Ya llegó el presidente Li.", lang="es")]
    issues = check_consistency(wrong, bible)
    assert {(i.rule, i.lang) for i in issues} == {(BIBLE_OTHERWISE, "es"), (BIBLE_FORBIDDEN, "es")}


def test_the_bible_is_checked_on_decided_lines_and_drafts_are_left_to_the_review_queue():
    records = [rec("EP01", 2, "李总，您来了。", "President Li, you're here.", State.MT_DRAFT)]
    assert check_consistency(records, {"en": [LI]}) == []
    checker = BibleChecker([LI])
    problems = checker.problems("李总，您来了。", "President Li, you're here.")
    assert [(p.rule, p.found) for p in problems] == [(BIBLE_OTHERWISE, ""), (BIBLE_FORBIDDEN, "President Li")]
    assert checker.problems("李总，您来了。", "Mr. Li, you're here.") == []
    assert checker.problems("您来了。", "President Li, you're here.") == []


def test_case_sensitive_entries_match_only_their_case():
    entry = BibleEntry("name", "小美", "Mei", case_sensitive=True)
    checker = BibleChecker([entry])
    assert checker.problems("小美，等等我！", "MEI, wait for me!")[0].rule == BIBLE_OTHERWISE
    assert checker.problems("小美，等等我！", "Mei, wait for me!") == []


def test_a_bible_entry_is_read_from_the_series_store_row():
    entry = BibleEntry.from_row(("address", "哥", "brother", "bro| bruh ;", "what 小美 calls 李明", True))
    assert entry == BibleEntry("address", "哥", "brother", ("bro", "bruh"), True, "what 小美 calls 李明")


def test_issues_come_per_language_in_order_of_their_first_line():
    line_a, line_b = "你到底想怎么样？", "这件事跟你没关系。"
    records = [
        rec("EP05", 1, line_a, "What do you want?"), rec("EP06", 1, line_a, "What exactly do you want?"),
        rec("EP02", 1, line_b, "This has nothing to do with you."),
        rec("EP03", 1, line_b, "It's none of your business."),
        rec("EP01", 1, line_b, "Esto no tiene nada que ver contigo.", lang="es"),
        rec("EP02", 1, line_b, "No es asunto tuyo.", lang="es"),
    ]
    issues = check_consistency(records)
    assert [(i.lang, i.key) for i in issues] == [("en", line_b), ("en", line_a), ("es", line_b)]
    assert all(isinstance(i, ConsistencyIssue) for i in issues)


def test_a_generated_series_finds_exactly_the_planted_inconsistencies():
    rng = random.Random(13)
    phrases = [f"第{n}句台词：这是一句很长的对白{n}。" for n in range(300)]
    records = []
    for lang in ("en", "es", "pt"):
        for episode in range(1, 13):
            for line in range(1, 41):
                n = rng.randrange(len(phrases))
                target = f"[{lang}] another rendering of {n}." if rng.random() < 0.03 else f"[{lang}] line {n}."
                records.append(LineRecord(f"EP{episode:02d}", float(episode), line, line, lang, phrases[n], target,
                                          rng.choice(["translated", "approved", "edited"])))
    targets: dict[tuple[str, str], set[str]] = {}
    for r in records:
        targets.setdefault((r.lang, r.source), set()).add(r.target)
    expected = {key for key, seen in targets.items() if len(seen) > 1}
    assert len(expected) > 20
    assert {(i.lang, i.key) for i in check_consistency(records)} == expected


def _decide(series: Series, episode: str, lang: str, decisions: dict[int, tuple[str, State]]) -> None:
    view = EpisodeProject.of(series, episode, lang)
    for number, (text, state) in decisions.items():
        cue_id = view.doc.cues[number - 1].id
        view.apply(edits.SetTarget(cue_id, text), actor="ann")
        if state is not State.EDITED:
            view.apply(edits.SetState(cue_id, state), actor="ann")


def test_decisions_made_in_a_series_file_are_read_back_and_checked(tmp_path):
    def episode(name: str, number: int, lines: list[str]) -> NewEpisode:
        cues = [Cue(i, i * 2000, i * 2000 + 1500, text) for i, text in enumerate(lines, 1)]
        return NewEpisode(name, number, cues, 25.0)

    path = tmp_path / "霸总归来.subseries"
    Series.create(path, source_lang="zh-Hans", languages=["en", "es"], actor="pm", episodes=[
        episode("第10集", 10, ["嗯。", RETURN, "李总，您来了。"]),
        episode("第2集", 2, ["<i>三年之期已到，我再也不用忍了</i>", "嗯……", "李总今天心情不好。"]),
    ]).close()
    with Series.open(path) as series:
        series.replace_bible("en", [("name", "李总", "Mr. Li", "Boss Li|President Li", "", False),
                                    ("note", "李总", "fifties, everyone fears him", "", "", False)], actor="pm")
        _decide(series, "第2集", "en", {1: ("<i>Three years are up. I don't have to hold back anymore.</i>",
                                            State.TRANSLATED), 2: ("Hmm...", State.TRANSLATED),
                                        3: ("President Li is in a bad mood today.", State.EDITED)})
        _decide(series, "第10集", "en", {1: ("Yeah.", State.TRANSLATED),
                                         2: ("The three years are over.", State.APPROVED),
                                         3: ("Mr. Li, you're here.", State.TRANSLATED)})
        _decide(series, "第10集", "es", {2: ("Se acabaron los tres años.", State.TRANSLATED)})
        view = EpisodeProject.of(series, "第10集", "es")
        from_cues = records_from_cues("第10集", 1.0, "es", view.doc.cues)
        records = read_line_records(series)
        assert [r for r in records if (r.episode, r.lang) == ("第10集", "es")] == from_cues
        assert len(records) == 12 and records[0] == LineRecord(
            "第2集", 0.0, 1, 1, "en", "<i>三年之期已到，我再也不用忍了</i>",
            "<i>Three years are up. I don't have to hold back anymore.</i>", "translated")
        assert [r.state for r in read_line_records(series, "es")] == ["untranslated"] * 4 + ["translated"] + [
            "untranslated"]
        bible = read_bible(series)
        assert bible["es"] == [] and [e.kind for e in bible["en"]] == ["name", "note"]
        issues = check_consistency(records, bible)
    assert [(i.rule, i.lang, [(p.episode, p.line) for p in i.places]) for i in issues] == [
        (SAME_SOURCE, "en", [("第2集", 1), ("第10集", 2)]),
        (BIBLE_FORBIDDEN, "en", [("第2集", 3)]),
        (BIBLE_OTHERWISE, "en", [("第2集", 3)]),
    ]
    assert issues[0].variants[0].text == "The three years are over."  # one each: the approved one is the suggestion
