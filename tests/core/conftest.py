"""Fixtures for the Qt-free core: small documents and projects on real SQLite files."""

from __future__ import annotations

import pytest

from editor.core.document import Cue, Document
from editor.core.review import Comment, Draft, State
from editor.core.store import Project, ProjectMeta


def sample_cues() -> list[Cue]:
    draft = Draft(text="Why are you here again?", engine="ctranslate2", model_id="zh-en-demo",
                  model_hash="abc", settings={"beam_size": 4}, score=0.71, raw_output="Why are you here again?",
                  alternatives=(("Why did you come again?", 0.62),))
    return [
        Cue(1, 500, 2400, "你怎么又来了？", "Why are you here again?", State.MT_DRAFT, draft=draft),
        Cue(2, 2600, 4800, "我只是想把这个还给你。", "I just want to give this back.", State.TRANSLATED),
        Cue(3, 5000, 7200, "这是三年前你送我的戒指。", "", State.UNTRANSLATED,
            comments=(Comment("ann", "2026-12-01T10:00:00Z", "check ring"),)),
        Cue(4, 7400, 9000, "我不需要。", "I don't need it.", State.APPROVED),
        Cue(5, 9200, 11600, "<i>她终于说出了\n真相。</i>", "", State.UNTRANSLATED, meta={"position": "X1:1"}),
    ]


@pytest.fixture
def doc() -> Document:
    return Document(sample_cues())


@pytest.fixture
def project_path(tmp_path):
    path = tmp_path / "剧集 01" / "ep01.subrev"
    path.parent.mkdir()
    Project.create(path, sample_cues(), ProjectMeta(source_lang="zh-Hans", target_lang="en"), actor="ann").close()
    return path


@pytest.fixture
def project(project_path):
    p = Project.open(project_path)
    yield p
    p.close()
