"""Symbolic links in a model folder: links that leave it are refused, loops never hang, links inside are resolved.

A model is copied, hashed and sized from the same walk over its files, so a link that leaves the folder is
refused by every one of them, and the copy in the models folder holds plain files only.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from editor.core.mt.registry import ModelRegistry, RegistryError, dir_size, hash_model_dir
from tests.core.mt.test_registry import fake_model, tree


@pytest.fixture
def reg(tmp_path) -> ModelRegistry:
    return ModelRegistry(tmp_path / "models", demo_dir=None)


def refused_everywhere(reg: ModelRegistry, src: Path, message: str) -> None:
    """Every path that reads the folder's files refuses it with `message`, and nothing lands in the models folder."""
    for action in (lambda: reg.add_model(src, name="m"), lambda: reg.add_model(src, name="m", copy=False),
                   lambda: hash_model_dir(src), lambda: dir_size(src), lambda: reg.get_model(src)):
        with pytest.raises(RegistryError, match=message):
            action()
    assert reg.list_models() == []
    assert not reg.root.exists() or tree(reg.root) == set()


def test_a_folder_link_to_a_parent_is_refused_and_never_loops(reg, tmp_path):
    src = fake_model(tmp_path / "src")
    (src / "loop").symlink_to(tmp_path, target_is_directory=True)
    refused_everywhere(reg, src, r"loop in .*src links to .*, a folder that holds the model folder; remove the link")


def test_a_folder_link_out_of_the_folder_is_refused_with_how_to_copy_it(reg, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "weights.bin").write_bytes(b"x" * 100)
    src = fake_model(tmp_path / "src")
    (src / "extra").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    refused_everywhere(reg, src, r"extra in .*src links to .*elsewhere, outside the model folder; copy the folder "
                                 r"with its links resolved \(for example cp -rL .*src src-copy\) and use the copy")


def test_a_file_link_out_of_the_folder_is_refused_and_its_target_never_copied(reg, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password=hunter2\n")
    src = fake_model(tmp_path / "src")
    (src / "notes.txt").symlink_to(secret)
    refused_everywhere(reg, src, r"notes\.txt in .*src links to .*secret\.txt, outside the model folder")
    assert not any("hunter2" in p.read_text(errors="replace") for p in tmp_path.rglob("*")
                   if p.is_file() and not p.is_symlink() and p != secret)


def test_an_absolute_link_to_a_system_file_is_refused(reg, tmp_path):
    src = fake_model(tmp_path / "src")
    (src / "passwd").symlink_to("/etc/passwd")
    refused_everywhere(reg, src, r"passwd in .* links to /etc/passwd, outside the model folder")


def test_a_link_to_the_model_folder_itself_is_a_loop(reg, tmp_path):
    src = fake_model(tmp_path / "src")
    (src / "sub").mkdir()
    (src / "sub" / "again").symlink_to("..", target_is_directory=True)
    refused_everywhere(reg, src, r"sub/again in .*src links back to a folder that holds it")


def test_two_links_pointing_at_each_other_are_refused(reg, tmp_path):
    src = fake_model(tmp_path / "src")
    (src / "a").symlink_to("b")
    (src / "b").symlink_to("a")
    refused_everywhere(reg, src, r"(a|b) in .*src is a broken link")


def test_a_broken_link_is_refused(reg, tmp_path):
    src = fake_model(tmp_path / "src")
    (src / "gone.json").symlink_to(src / "nothing-here.json")
    refused_everywhere(reg, src, r"gone\.json in .*src is a broken link")


def test_links_inside_the_folder_are_resolved_into_plain_files(reg, tmp_path):
    """A folder whose files are links to files beside them (as some exports make them) counts as the same files."""
    plain = fake_model(tmp_path / "plain")
    linked = tmp_path / "linked"
    store = linked / "blobs"
    store.mkdir(parents=True)
    for path in plain.iterdir():
        (store / f"{path.name}.blob").write_bytes(path.read_bytes())
        (linked / path.name).symlink_to(Path("blobs") / f"{path.name}.blob")
    (plain / "blobs").mkdir()
    for path in store.iterdir():
        (plain / "blobs" / path.name).write_bytes(path.read_bytes())
    assert hash_model_dir(linked) == hash_model_dir(plain) and dir_size(linked) == dir_size(plain)

    entry = reg.add_model(linked, name="m")
    copied = entry.path
    assert not any(p.is_symlink() for p in copied.rglob("*"))
    assert (copied / "zh.model").read_bytes() == (plain / "zh.model").read_bytes()
    assert entry.sha256 == hash_model_dir(copied)
    in_place = ModelRegistry(tmp_path / "other", demo_dir=None).add_model(linked, name="m", copy=False)
    assert in_place.path == linked and (linked / "zh.model").is_symlink()


def test_a_folder_link_inside_the_folder_is_followed_once(reg, tmp_path):
    src = fake_model(tmp_path / "src")
    (src / "extra").mkdir()
    (src / "extra" / "readme.txt").write_text("hello")
    (src / "docs").symlink_to("extra", target_is_directory=True)
    entry = reg.add_model(src, name="m")
    assert (entry.path / "docs" / "readme.txt").read_text() == "hello"
    assert (entry.path / "extra" / "readme.txt").read_text() == "hello"
    assert not (entry.path / "docs").is_symlink()


def test_the_model_folder_given_as_a_link_is_fine(reg, tmp_path):
    src = fake_model(tmp_path / "src")
    (tmp_path / "shortcut").symlink_to(src, target_is_directory=True)
    assert hash_model_dir(tmp_path / "shortcut") == hash_model_dir(src)
    entry = reg.add_model(tmp_path / "shortcut", name="m")
    assert entry.path == reg.root / "m" and entry.sha256 == hash_model_dir(entry.path)


def test_a_named_pipe_in_the_folder_is_skipped_not_read(reg, tmp_path):
    """Reading a pipe would wait forever; it is not part of a model, so it is neither hashed nor copied."""
    src = fake_model(tmp_path / "src")
    digest = hash_model_dir(src)
    os.mkfifo(src / "pipe")
    assert hash_model_dir(src) == digest
    entry = reg.add_model(src, name="m")
    assert not (entry.path / "pipe").exists() and entry.sha256 == hash_model_dir(entry.path)


def test_links_that_multiply_the_folder_are_refused_quickly(reg, tmp_path):
    """No loop, but every folder links twice to the next: 2**18 paths. The walk stops at its limit instead."""
    src = fake_model(tmp_path / "src")
    levels = [src / "levels" / f"L{i}" for i in range(18)]
    for level in levels:
        level.mkdir(parents=True)
    for level, following in itertools.pairwise(levels):
        (level / "a").symlink_to(following, target_is_directory=True)
        (level / "b").symlink_to(following, target_is_directory=True)
    with pytest.raises(RegistryError, match=r"more than [0-9,]+ files and folders"):
        hash_model_dir(src)
