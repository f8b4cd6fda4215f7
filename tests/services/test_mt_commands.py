"""`subreview pretranslate` and `subreview models`: the acceptance path with the bundled demo model."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core import edits
from editor.core.mt.registry import hash_model_dir
from editor.core.review import State
from editor.core.store import Project
from tests.mt_models import (
    build_argos_package,
    build_tiny_model,
    model_bin_variables,
    patch_model_bin,
    poison_source_token,
)

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
        assert project.doc.get(1).target == "Why are you here again?" and project.doc.get(1).state is State.EDITED
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


# -- models and memory you can trust ---------------------------------------------------------------------------
def write_srt(path: Path, sources: list[str]) -> Path:
    blocks = [f"{i}\n{_clock(i * 2000)} --> {_clock(i * 2000 + 1500)}\n{text}\n"
              for i, text in enumerate(sources, start=1)]
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def _clock(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def test_a_model_damaged_mid_run_is_one_error_line_and_finished_drafts_stay(tmp_path):
    model = tmp_path / "damaged-demo"
    shutil.copytree(ROOT / "resources" / "models" / "zh-en-demo", model)
    poison_source_token(model, "钱")
    # Chunks of 64 go shortest first: the 6 lines with the damaged token are the longest, so they come last.
    sources = [f"我们明天{n}点见。" for n in range(1, 65)] + [f"他今天晚上不要你的钱{'！' * n}" for n in range(1, 7)]
    project = tmp_path / "ep.subrev"
    assert run("new", str(project), "--source", str(write_srt(tmp_path / "ep.srt", sources))).returncode == 0
    result = run("pretranslate", str(project), "--model", str(model))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert "damaged-demo" in errors[0] and "looks damaged" in errors[0] and "reinstall it" in errors[0]
    assert "the 64 lines drafted before are saved" in errors[0]
    with Project.open(project) as opened:
        states = [c.state for c in opened.doc]
    assert states == [State.MT_DRAFT] * 64 + [State.UNTRANSLATED] * 6


@pytest.mark.parametrize("damage", ["weight name", "no attention heads"])
def test_a_model_damaged_in_its_header_is_one_error_line_not_a_traceback_or_a_crash(demo_project, tmp_path, damage):
    model = tmp_path / "broken-model"
    shutil.copytree(ROOT / "resources" / "models" / "zh-en-demo", model)
    variables = model_bin_variables(model / "model.bin")
    if damage == "weight name":
        patch_model_bin(model, int(variables["encoder/layer_norm/gamma"]["start"]) + 2, "<B", ord("X"))
    else:
        patch_model_bin(model, int(variables["decoder/num_heads"]["data_offset"]), "<h", 0)
    result = run("pretranslate", str(demo_project), "--model", str(model))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error:") and len(result.stderr.strip().splitlines()) == 1
    assert "broken-model" in result.stderr and "looks damaged" in result.stderr and "reinstall it" in result.stderr
    with Project.open(demo_project) as opened:
        assert all(c.state is State.UNTRANSLATED for c in opened.doc)


def test_memory_in_another_language_pair_is_not_used_and_a_note_says_so(demo_project, tmp_path):
    spanish = tmp_path / "EP00.subrev"
    assert run("new", str(spanish), "--source", str(DEMO_SRT), "--target-lang", "es").returncode == 0
    with Project.open(spanish) as project:
        project.apply(edits.SetTarget(9, "Lo siento."), actor="ann")
        project.apply(edits.SetState(9, State.APPROVED), actor="ann")
    result = run("pretranslate", str(demo_project), "--memory", str(spanish))
    assert result.returncode == 0, result.stderr
    assert "note: EP00.subrev is zh-Hans->es; not used as memory for zh-Hans->en" in result.stderr
    assert "(0 from memory" in result.stdout
    with Project.open(demo_project) as project:
        assert project.doc.get(9).target != "Lo siento." and project.doc.get(9).draft.origin == "mt"


def test_a_registered_model_changed_after_it_was_added_records_its_new_hash(demo_project, tmp_path):
    data = {"SUBREVIEW_DATA_DIR": str(tmp_path / "data"), "SUBREVIEW_CACHE_DIR": str(tmp_path / "cache")}
    tiny = build_tiny_model(tmp_path / "tiny", layout="separate")
    assert run("models", "add", str(tiny), "--name", "tiny", "--source-lang", "zh-Hans", "--target-lang", "en",
               env_extra=data).returncode == 0
    installed = tmp_path / "data" / "models" / "tiny"
    assert run("pretranslate", str(demo_project), "--model", "tiny", "--beam", "1", env_extra=data).returncode == 0
    before = hash_model_dir(installed)
    with Project.open(demo_project) as project:
        assert {c.draft.model_hash for c in project.doc} == {before}

    weight = model_bin_variables(installed / "model.bin")["decoder/projection/weight"]
    patch_model_bin(installed, int(weight["data_offset"]), "<16b", *range(-8, 8))  # edited in place, same size
    after = hash_model_dir(installed)
    assert after != before
    again = run("pretranslate", str(demo_project), "--model", "tiny", "--beam", "1", env_extra=data)
    assert again.returncode == 0, again.stderr
    with Project.open(demo_project) as project:
        assert {c.draft.model_hash for c in project.doc} == {after}
    index = json.loads((tmp_path / "data" / "models" / "registry.json").read_text())
    assert [m["sha256"] for m in index["models"]] == [after]
