"""`subreview pretranslate` and `subreview models`: the acceptance path with the bundled demo model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core import edits
from editor.core.review import State
from editor.core.store import Project
from tests.mt_models import build_argos_package, build_tiny_model

ROOT = Path(__file__).resolve().parents[2]
DEMO_SRT = ROOT / "resources" / "samples" / "demo.zh-Hans.srt"


def run(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env_extra or {})}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, timeout=300)


@pytest.fixture
def demo_project(tmp_path) -> Path:
    path = tmp_path / "第1集.subrev"
    assert run("new", str(path), "--source", str(DEMO_SRT)).returncode == 0
    return path


def test_pretranslate_drafts_every_cue_with_provenance_and_export_still_refuses(demo_project, tmp_path):
    result = run("pretranslate", str(demo_project), "--reviewer", "ann")
    assert result.returncode == 0, result.stderr
    assert "drafted 10 of 10 lines" in result.stdout and "zh-en-demo" in result.stdout
    assert "100%" in result.stderr  # the progress bar
    stats = json.loads(run("stats", str(demo_project), "--json").stdout)
    assert stats["states"]["mt_draft"] == 10
    assert stats["states"]["translated"] == stats["states"]["approved"] == 0
    with Project.open(demo_project) as project:
        for cue in project.doc:
            d = cue.draft
            assert cue.state is State.MT_DRAFT and cue.target == d.text and d.text.strip()
            assert d.engine.startswith("ctranslate2 ") and d.model_id == "zh-en-demo" and len(d.model_hash) == 64
            assert d.settings["beam_size"] == 4 and d.settings["device"] == "cpu"
            assert 0 < d.score <= 1 and d.raw_output and d.alternatives
        assert "<i>" in project.doc.get(5).target and project.doc.get(5).target.endswith("</i>")
        assert project.doc.get(7).target.startswith("{\\an8}")
        events = [e for e in project.events() if e.action == "pretranslate"]
        assert len(events) == 10 and all(e.kind == "machine" and "zh-en-demo" in e.actor for e in events)
    refused = run("export", str(demo_project), str(tmp_path / "out.srt"))
    assert refused.returncode == 3 and "10 lines still need a decision" in refused.stderr


def test_pretranslate_never_touches_a_persons_line_and_only_empty_keeps_drafts(demo_project):
    with Project.open(demo_project) as project:
        project.apply(edits.SetTarget(1, "Why are you here again?"), actor="ann")
        project.apply(edits.SetTarget(2, "I only came to give this back."), actor="ann")
        project.apply(edits.SetState(2, State.APPROVED), actor="rev")
    assert run("pretranslate", str(demo_project)).returncode == 0
    with Project.open(demo_project) as project:
        assert project.doc.get(1).target == "Why are you here again?" and project.doc.get(1).state is State.TRANSLATED
        assert project.doc.get(2).state is State.APPROVED
        drafts = {c.id: c.target for c in project.doc if c.state is State.MT_DRAFT}
        assert len(drafts) == 8
    second = run("pretranslate", str(demo_project), "--only-empty")
    assert second.returncode == 0 and "drafted 0 of 0 lines" in second.stdout


def test_memory_from_an_earlier_episode_comes_first(demo_project, tmp_path):
    earlier = tmp_path / "第0集.subrev"
    assert run("new", str(earlier), "--source", str(DEMO_SRT)).returncode == 0
    with Project.open(earlier) as project:
        project.apply(edits.SetTarget(9, "I'm sorry."), actor="ann")
        project.apply(edits.SetState(9, State.APPROVED), actor="rev")
    result = run("pretranslate", str(demo_project), "--memory", str(earlier))
    assert result.returncode == 0 and "(1 from memory" in result.stdout
    with Project.open(demo_project) as project:
        cue = project.doc.get(9)
        assert cue.state is State.MT_DRAFT and cue.target == "I'm sorry."
        assert cue.draft.origin == "memory" and cue.draft.model_id == earlier.name


def test_a_second_run_is_served_from_the_cache(demo_project, tmp_path):
    cache = {"SUBREVIEW_CACHE_DIR": str(tmp_path / "cache")}
    assert run("pretranslate", str(demo_project), env_extra=cache).returncode == 0
    assert (tmp_path / "cache" / "mt-cache.sqlite").stat().st_size > 0
    events = len(Project.open(demo_project).events())
    again = run("pretranslate", str(demo_project), env_extra=cache)
    assert again.returncode == 0 and "10 already held the same draft" in again.stdout
    with Project.open(demo_project) as project:
        assert len(project.events()) == events


def test_device_cuda_without_a_gpu_is_a_clear_error(demo_project):
    result = run("pretranslate", str(demo_project), "--device", "cuda")
    assert result.returncode == 2 and result.stderr.startswith("error:")
    assert "--device cpu" in result.stderr and "Traceback" not in result.stderr
    with Project.open(demo_project) as project:
        assert all(c.state is State.UNTRANSLATED for c in project.doc)


@pytest.mark.parametrize("args", [["--model", "no-such-model"], ["--beam", "0"]])
def test_bad_model_arguments_are_one_error_line(demo_project, args):
    result = run("pretranslate", str(demo_project), *args)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("error:")


def test_a_model_for_other_languages_is_refused(tmp_path):
    project = tmp_path / "fr.subrev"
    assert run("new", str(project), "--source", str(DEMO_SRT), "--target-lang", "fr").returncode == 0
    result = run("pretranslate", str(project))
    assert result.returncode == 2 and "target language is fr" in result.stderr


def test_models_add_import_and_list(tmp_path):
    data = {"SUBREVIEW_DATA_DIR": str(tmp_path / "data")}
    tiny = build_tiny_model(tmp_path / "tiny", layout="separate")
    added = run("models", "add", str(tiny), "--name", "tiny", "--source-lang", "zh-Hans", "--target-lang", "en",
                env_extra=data)
    assert added.returncode == 0, added.stderr
    package = build_argos_package(tmp_path / "translate-zh_en-1_0.argosmodel")
    imported = run("models", "import", str(package), env_extra=data)
    assert imported.returncode == 0, imported.stderr
    listing = run("models", "list", env_extra=data).stdout
    assert "tiny" in listing and "zh-en-demo" in listing and "zh-Hans -> en" in listing
    assert len(listing.strip().splitlines()) == 3
    evil = tmp_path / "evil.argosmodel"
    evil.write_bytes(b"PK\x03\x04 not really a zip")
    refused = run("models", "import", str(evil), env_extra=data)
    assert refused.returncode == 2 and refused.stderr.startswith("error:")
