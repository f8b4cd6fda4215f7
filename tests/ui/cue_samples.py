"""A realistic review session for UI tests: three dozen Chinese lines in every state, with drafts and QA issues."""

from __future__ import annotations

from pathlib import Path

from editor.core.document import Cue
from editor.core.glossary import GlossaryTerm
from editor.core.qa import QAContext, QAIssue, builtin_profile, run_qa
from editor.core.review import Comment, Draft, RejectCategory, Rejection, Severity, State
from editor.core.store import Project, ProjectMeta
from editor.ui.session import ReviewSession

GLOSSARY = [
    GlossaryTerm("林氏集团", "Lin Group", ("Lin Corporation",)),
    GlossaryTerm("李总", "President Li", ("Boss Li",)),
]

_LINES: list[tuple[str, str, State, float | None]] = [
    ("你怎么又来了？", "Why are you here again?", State.MT_DRAFT, 0.71),
    ("我只是想把这个还给你。", "I just want to give this back to you.", State.TRANSLATED, None),
    ("这是三年前你送我的戒指。", "", State.UNTRANSLATED, None),
    ("我不需要。", "I don't need it.", State.APPROVED, None),
    ("<i>她终于说出了\n真相。</i>", "<i>She finally told\nthe truth.</i>", State.MT_DRAFT, 0.93),
    ("明天早上八点，公司见。", "See you at the office at 8 tomorrow morning.", State.MT_DRAFT, 0.38),
    ("{\\an8}林氏集团 总部", "{\\an8}Lin Corporation headquarters", State.REJECTED, None),
    ("你知道我等了你多久吗？\n整整五年。", "Do you know how long I waited?\nFive whole years.", State.STALE, None),
    ("对不起。", "Sorry.", State.APPROVED, None),
    ("从今天起，我不会再让你受委屈。", "From today on, I won't let you suffer.", State.MT_DRAFT, 0.55),
    ("李总，会议已经开始了。", "Boss Li, the meeting has started.", State.MT_DRAFT, 0.12),
    ("我马上就到。", "", State.UNTRANSLATED, None),
    ("这份合同有问题。", "There is a problem with this contract.", State.TRANSLATED, None),
    ("谁签的字？", "Who signed it?", State.MT_DRAFT, None),
    ("<img src=x>是我。", "<img src=x>It was me.", State.TRANSLATED, None),
    ("你疯了吗？", "Are you crazy?", State.MT_DRAFT, 0.88),
    ("我有我的理由。", "", State.UNTRANSLATED, None),
    ("", "", State.UNTRANSLATED, None),
    ("王秘书，把文件拿来。", "Secretary Wang, bring the file.", State.STALE, None),
    ("好的，李总。", "Yes, President Li.", State.APPROVED, None),
    ("三十年了，这家公司从来没有亏过钱。", "In 30 years this company has never lost money.", State.APPROVED, None),
    ("直到今天。", "Until today.", State.MT_DRAFT, 0.64),
    ("你打算怎么办？", "What are you going to do?", State.REJECTED, None),
    ("我会处理的。", "I'll handle it.", State.TRANSLATED, None),
    ("相信我。", "", State.UNTRANSLATED, None),
    ("下雨了。", "It's raining.", State.MT_DRAFT, 0.97),
    ("带伞了吗？", "Did you bring an umbrella?", State.MT_DRAFT, 0.45),
    ("没有，我们一起走吧。", "No, let's walk together.", State.TRANSLATED, None),
    ("这是第一次有人对我这么好。", "This is the first time someone has been so good to me.", State.STALE, None),
    ("别哭了。", "Don't cry.", State.APPROVED, None),
    ("我没哭。", "I am not 哭.", State.MT_DRAFT, 0.21),
    ("那你眼睛怎么红了？", "", State.UNTRANSLATED, None),
    ("风太大了。", "The wind is too strong.", State.TRANSLATED, None),
    ("好吧。", "Okay.", State.APPROVED, None),
    ("再见。", "Goodbye.", State.MT_DRAFT, 0.80),
    ("明天见。", "See you tomorrow.", State.TRANSLATED, None),
]

REJECTION = Rejection(RejectCategory.TERMINOLOGY, Severity.MAJOR, "Use the glossary name: Lin Group", "李审校",
                      "2026-12-02T09:30:00Z")
NOTE = Comment("小王", "2026-12-01T16:05:00Z", "Check the name with the client")


def realistic_cues() -> list[Cue]:
    cues = []
    start = 500
    for i, (source, target, state, score) in enumerate(_LINES, start=1):
        duration = 700 if i == 16 else 1800 + (i % 4) * 300  # cue 16 is too short
        draft = None
        if state is State.MT_DRAFT or (state is State.TRANSLATED and i == 2):
            alternatives = ((target.replace("you", "ya"), 0.5), (target.upper(), 0.3)) if score else ()
            draft = Draft(text=target if state is State.MT_DRAFT else "I only want to return this to you.",
                          engine="ctranslate2 4.8.5", model_id="opus-mt-zh-en", score=score,
                          alternatives=alternatives, raw_output=target)
        rejection = REJECTION if state is State.REJECTED else None
        thread = (NOTE,) if i == 7 else ()
        if rejection is not None:
            thread += (Comment.of_rejection(rejection),)
        cues.append(Cue(i, start, start + duration, source, target, state, thread, rejection, draft))
        start += duration + (300 if i == 20 else 84 if i % 6 else 1500)  # 20: a gap to chain
    return cues


def qa_issues(session: ReviewSession) -> list[QAIssue]:
    context = QAContext(fps=24.0, source_lang="zh-Hans", target_lang="en", glossary=GLOSSARY)
    return run_qa(session.doc, builtin_profile("en"), context)


def make_session(path: Path, cues: list[Cue] | None = None) -> ReviewSession:
    project = Project.create(path, realistic_cues() if cues is None else cues, ProjectMeta(), actor="t")
    return ReviewSession(project, "ann")
