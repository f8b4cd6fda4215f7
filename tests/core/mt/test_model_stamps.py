"""A model's recorded sha256 is trusted only while its files are unchanged (name, size, modification time).

`registry.verified(entry)` is what the engine calls before loading a model: a changed model is hashed again,
the fresh hash is returned and written back to where the entry came from (best effort).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from editor.core.mt import registry
from editor.core.mt.registry import ModelRegistry, file_stamp, hash_model_dir, verified
from tests.core.mt.test_registry import fake_model


@pytest.fixture
def reg(tmp_path) -> ModelRegistry:
    return ModelRegistry(tmp_path / "models", demo_dir=None)


def no_hashing(monkeypatch) -> None:
    """From here on, hashing a model fails the test: what follows must trust the recorded hash."""
    monkeypatch.setattr(registry, "hash_model_dir", lambda path: pytest.fail(f"{path} was hashed again"))


def edit_in_place(path: Path) -> None:
    """Same name, same size, other bytes (a model overwritten by another of the same shape)."""
    data = bytearray(path.read_bytes())
    data[100:110] = bytes(10)
    path.write_bytes(bytes(data))


def test_the_registry_records_a_stamp_of_every_file(reg, tmp_path):
    entry = reg.add_model(fake_model(tmp_path / "src"), name="m")
    names = [name for name, _, _ in entry.stamp]
    assert names == sorted(p.relative_to(entry.path).as_posix() for p in entry.path.rglob("*") if p.is_file())
    model_bin = (entry.path / "model.bin").stat()
    assert ("model.bin", model_bin.st_size, model_bin.st_mtime_ns) in entry.stamp
    assert entry.size_bytes == sum(size for _, size, _ in entry.stamp)
    stored = json.loads((reg.root / "registry.json").read_text())["models"][0]["stamp"]
    assert [tuple(item) for item in stored] == list(entry.stamp) and reg.get_model("m") == entry


def test_an_unchanged_model_is_trusted_without_hashing(reg, tmp_path, monkeypatch):
    entry = reg.add_model(fake_model(tmp_path / "src"), name="m")
    no_hashing(monkeypatch)
    assert verified(reg.get_model("m")) == entry


@pytest.mark.parametrize("change", ["edited in place", "file added", "folder replaced"])
def test_a_changed_model_is_hashed_again_and_the_registry_updated(reg, tmp_path, monkeypatch, change):
    entry = reg.add_model(fake_model(tmp_path / "src"), name="m")
    if change == "edited in place":
        edit_in_place(entry.path / "model.bin")
    elif change == "file added":
        (entry.path / "README.md").write_text("a model card\n")
    else:
        shutil.rmtree(entry.path)
        replacement = fake_model(tmp_path / "other")
        (replacement / "config.json").write_text(json.dumps({"add_source_bos": True}))
        shutil.copytree(replacement, entry.path)
    fresh = verified(reg.get_model("m"))
    assert fresh.sha256 == hash_model_dir(entry.path) != entry.sha256
    assert fresh.stamp == file_stamp(entry.path) and fresh.size_bytes == registry.dir_size(entry.path)
    assert reg.get_model("m") == fresh  # written back to registry.json
    no_hashing(monkeypatch)
    assert verified(reg.get_model("m")) == fresh


def test_a_model_referenced_in_place_is_checked_too(reg, tmp_path):
    src = fake_model(tmp_path / "src")
    entry = reg.add_model(src, name="m", copy=False)
    edit_in_place(src / "zh.model")
    assert verified(reg.get_model("m")).sha256 == hash_model_dir(src) != entry.sha256
    assert reg.get_model("m").sha256 == hash_model_dir(src)


def test_a_read_only_models_folder_still_gives_the_fresh_hash(reg, tmp_path, make_read_only):
    entry = reg.add_model(fake_model(tmp_path / "src"), name="m")
    edit_in_place(entry.path / "model.bin")
    index = (reg.root / "registry.json").read_bytes()
    make_read_only(reg.root)
    fresh = verified(reg.get_model("m"))
    assert fresh.sha256 == hash_model_dir(entry.path) != entry.sha256
    assert (reg.root / "registry.json").read_bytes() == index
    assert sorted(p.name for p in reg.root.iterdir()) == ["m", "registry.json"]  # no temporary file left behind


def test_an_index_written_before_stamps_existed_is_hashed_once_then_trusted(reg, tmp_path, monkeypatch):
    entry = reg.add_model(fake_model(tmp_path / "src"), name="m")
    index = json.loads((reg.root / "registry.json").read_text())
    for item in index["models"]:
        del item["stamp"]
    (reg.root / "registry.json").write_text(json.dumps(index))
    old = reg.get_model("m")
    assert old.stamp == ()
    again = verified(old)
    assert again.sha256 == entry.sha256 and again.stamp == entry.stamp
    assert reg.get_model("m").stamp == entry.stamp
    no_hashing(monkeypatch)
    assert verified(reg.get_model("m")) == again


def test_an_unregistered_folder_is_checked_and_nothing_is_written(reg, tmp_path):
    src = fake_model(tmp_path / "loose")
    entry = reg.get_model(src)
    edit_in_place(src / "model.bin")
    assert verified(entry).sha256 == hash_model_dir(src) != entry.sha256
    assert not reg.root.exists()


def test_the_bundled_demo_uses_the_same_check_through_the_user_cache(tmp_path, monkeypatch):
    demo = tmp_path / "demo"
    shutil.copytree(registry.DEMO_DIR, demo)
    monkeypatch.setenv("SUBREVIEW_CACHE_DIR", str(tmp_path / "cache"))
    first = ModelRegistry(tmp_path / "models", demo_dir=demo).default_model()
    assert first is not None and first.stamp == file_stamp(demo)
    edit_in_place(demo / "en.model")
    fresh = verified(first)
    assert fresh.sha256 == hash_model_dir(demo) != first.sha256
    # as another process would: the fresh hash was remembered in the cache folder
    no_hashing(monkeypatch)
    assert ModelRegistry(tmp_path / "models", demo_dir=demo).default_model() == fresh
    assert not (tmp_path / "models").exists()


def test_a_file_changed_while_it_is_hashed_is_hashed_again_next_time(reg, tmp_path, monkeypatch):
    """The stamp is taken before hashing: a file written during the hash leaves a stamp that no longer matches."""
    entry = reg.add_model(fake_model(tmp_path / "src"), name="m")
    edit_in_place(entry.path / "model.bin")
    real_hash = registry.hash_model_dir

    def hash_then_edit(path):
        digest = real_hash(path)
        with (Path(path) / "config.json").open("a") as handle:
            handle.write(" ")
        return digest

    monkeypatch.setattr(registry, "hash_model_dir", hash_then_edit)
    verified(reg.get_model("m"))
    monkeypatch.undo()
    assert verified(reg.get_model("m")).sha256 == hash_model_dir(entry.path)


def test_file_stamp_lists_relative_names_sizes_and_times(tmp_path):
    src = fake_model(tmp_path / "src", layout="argos")
    stamp = file_stamp(src)
    assert [name for name, _, _ in stamp] == ["metadata.json", "model/config.json", "model/model.bin",
                                              "model/shared_vocabulary.json", "sentencepiece.model"]
    for name, size, mtime_ns in stamp:
        st = os.stat(src / name)
        assert (size, mtime_ns) == (st.st_size, st.st_mtime_ns)
