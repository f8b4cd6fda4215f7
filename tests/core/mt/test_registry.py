"""The model registry works on files alone: adding, importing Argos packages safely, hashing, listing, removing.

Model folders here are fakes with the right file names (no CTranslate2 needed); loading real ones is tested in
tests/services/test_ct2_layouts.py.
"""

from __future__ import annotations

import json
import stat
import time
import zipfile
from pathlib import Path

import platformdirs
import pytest

from editor.core.mt import registry
from editor.core.mt.registry import DEMO_DIR, ModelRegistry, RegistryError, hash_model_dir
from editor.core.mt.safezip import ArchiveError, safe_extract

ZH = ["<unk>", "<s>", "</s>", "▁我们", "明天", "公司", "朋友", "医院", "电话", "老板"]
EN = ["<unk>", "<s>", "</s>", "▁tomorrow", "▁company", "▁friend", "▁hospital", "▁phone", "▁boss"]


def fake_model(folder: Path, layout: str = "demo") -> Path:
    """Files named as in a real model; SentencePiece files hold their pieces' bytes, as real ones do."""
    ct2 = folder / "model" if layout == "argos" else folder
    ct2.mkdir(parents=True)
    (ct2 / "model.bin").write_bytes(bytes(range(256)) * 16)
    (ct2 / "config.json").write_text(json.dumps({"add_source_bos": False, "add_source_eos": False}))
    if layout == "demo":
        (ct2 / "source_vocabulary.json").write_text(json.dumps(ZH, ensure_ascii=False), encoding="utf-8")
        (ct2 / "target_vocabulary.json").write_text(json.dumps(EN, ensure_ascii=False), encoding="utf-8")
        (folder / "zh.model").write_bytes("\x00".join(ZH).encode())
        (folder / "en.model").write_bytes("\x00".join(EN).encode())
    else:
        (ct2 / "shared_vocabulary.json").write_text(json.dumps(ZH + EN[3:], ensure_ascii=False), encoding="utf-8")
        (folder / "sentencepiece.model").write_bytes("\x00".join(ZH + EN).encode())
    if layout == "argos":
        (folder / "metadata.json").write_text(json.dumps({"package_version": "1.9", "from_code": "zt",
                                                          "to_code": "en", "name": "Chinese (Traditional)"}))
    return folder


def tree(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


@pytest.fixture
def reg(tmp_path) -> ModelRegistry:
    return ModelRegistry(tmp_path / "models", demo_dir=None)


def test_models_folder_comes_from_the_environment_or_the_platform(monkeypatch, tmp_path):
    monkeypatch.setenv("SUBREVIEW_DATA_DIR", str(tmp_path / "data"))
    assert ModelRegistry().root == tmp_path / "data" / "models"
    monkeypatch.delenv("SUBREVIEW_DATA_DIR")
    assert ModelRegistry().root == platformdirs.user_data_path("SubReview", appauthor=False) / "models"
    assert ModelRegistry(tmp_path / "x").root == tmp_path / "x"


def test_hash_covers_names_and_contents(tmp_path):
    a, b = fake_model(tmp_path / "a"), fake_model(tmp_path / "b")
    assert hash_model_dir(a) == hash_model_dir(b)
    (b / "config.json").write_text("{}")
    assert hash_model_dir(a) != hash_model_dir(b)
    (a / "zh.model").rename(a / "zh2.model")
    assert hash_model_dir(a) != hash_model_dir(fake_model(tmp_path / "c"))


def test_hashing_the_demo_model_takes_well_under_a_second():
    if not DEMO_DIR.is_dir():
        pytest.fail(f"the bundled demo model is missing: {DEMO_DIR}")
    started = time.perf_counter()
    digest = hash_model_dir(DEMO_DIR)
    assert len(digest) == 64 and time.perf_counter() - started < 1.0


def test_add_copies_registers_and_describes_the_model(reg, tmp_path):
    src = fake_model(tmp_path / "src")
    before = tree(src)
    entry = reg.add_model(src, name="zh-en-small")
    assert entry.path == reg.root / "zh-en-small" and entry.origin == "directory"
    assert (entry.source_langs, entry.target_langs) == (("zh",), ("en",))
    assert (entry.source_spm, entry.target_spm, entry.kind) == ("zh.model", "en.model", "bilingual")
    assert entry.sha256 == hash_model_dir(entry.path) and entry.size_bytes > 4096 and entry.added_at
    assert tree(src) == before
    sidecar = json.loads((entry.path / "subreview-model.json").read_text())
    assert sidecar == {"source_langs": ["zh"], "target_langs": ["en"], "source_spm": "zh.model",
                       "target_spm": "en.model"}
    index = json.loads((reg.root / "registry.json").read_text())
    assert index["version"] == 1 and index["models"][0]["path"] == "zh-en-small"
    assert reg.list_models() == [entry] and reg.get_model("zh-en-small") == entry


def test_source_model_is_found_by_content_not_by_name(reg, tmp_path):
    src = fake_model(tmp_path / "src")
    (src / "zh.model").rename(src / "x.model")
    (src / "en.model").rename(src / "zh.model")
    (src / "x.model").rename(src / "en.model")
    entry = reg.add_model(src, source_langs=["zh-Hans"], target_langs=["en"])
    assert (entry.source_spm, entry.target_spm) == ("en.model", "zh.model")


def test_add_in_place_and_remove_keeps_the_users_folder(reg, tmp_path):
    src = fake_model(tmp_path / "src", layout="shared")
    entry = reg.add_model(src, source_langs=["zh-Hans"], target_langs=["en-US"], copy=False)
    assert entry.path == src.resolve() and entry.target_langs == ("en-US",)
    assert not (src / "subreview-model.json").exists()
    reg.remove_model(entry.name)
    assert src.is_dir() and reg.list_models() == []


def test_remove_deletes_a_copied_model(reg, tmp_path):
    entry = reg.add_model(fake_model(tmp_path / "src"), name="m")
    reg.remove_model("m")
    assert not entry.path.exists() and reg.list_models() == []
    with pytest.raises(RegistryError, match="no installed model named 'm'"):
        reg.remove_model("m")


@pytest.mark.parametrize(("damage", "message"), [
    (lambda d: (d / "model.bin").unlink(), "model.bin is missing"),
    (lambda d: [(d / n).unlink() for n in ("zh.model", "en.model")], "no SentencePiece model"),
    (lambda d: (d / "config.json").write_text("{broken"), "cannot read config.json"),
    (lambda d: (d / "source_vocabulary.json").unlink(), "no source vocabulary"),
    (lambda d: [(d / n).rename(d / f"{n[:2]}-model.model") for n in ("zh.model", "en.model")], "--source-lang"),
])
def test_add_rejects_unusable_folders(reg, tmp_path, damage, message):
    src = fake_model(tmp_path / "src")
    damage(src)
    with pytest.raises(RegistryError, match=message):
        reg.add_model(src)
    assert not reg.root.exists() or tree(reg.root) == set()


def test_names_must_be_new_and_plain(reg, tmp_path):
    reg.add_model(fake_model(tmp_path / "a"), name="m")
    with pytest.raises(RegistryError, match="already installed"):
        reg.add_model(fake_model(tmp_path / "b"), name="m")
    with pytest.raises(RegistryError, match="invalid model name"):
        reg.add_model(fake_model(tmp_path / "c"), name="../evil")
    with pytest.raises(RegistryError, match="already installed"):
        reg.add_model(fake_model(tmp_path / "d"), name="zh-en-demo")


def test_get_model_accepts_a_folder_and_names_what_is_installed(reg, tmp_path):
    src = fake_model(tmp_path / "loose")
    entry = reg.get_model(src)
    assert entry.origin == "unregistered" and entry.source_spm == "zh.model" and entry.sha256
    reg.add_model(fake_model(tmp_path / "a"), name="installed-one")
    with pytest.raises(RegistryError, match=r"no model named 'nope' \(installed: installed-one\)"):
        reg.get_model("nope")


def test_damaged_index_is_a_clear_error(reg):
    reg.root.mkdir(parents=True)
    (reg.root / "registry.json").write_text("{not json")
    with pytest.raises(RegistryError, match=r"model index .* is damaged"):
        reg.list_models()


def test_bundled_demo_is_the_default_and_cannot_be_removed(tmp_path):
    reg = ModelRegistry(tmp_path / "models")
    demo = reg.default_model()
    assert demo is not None, f"the bundled demo model is missing: {DEMO_DIR}"
    assert (demo.name, demo.path, demo.origin) == ("zh-en-demo", DEMO_DIR, "bundled")
    assert (demo.source_langs, demo.target_langs) == (("zh-Hans",), ("en",))
    assert (demo.source_spm, demo.target_spm) == ("zh.model", "en.model")
    assert reg.list_models() == [demo] and reg.get_model("zh-en-demo") == demo
    with pytest.raises(RegistryError, match="bundled demo model"):
        reg.remove_model("zh-en-demo")
    assert not reg.root.exists()  # nothing was copied or written
    assert ModelRegistry(tmp_path, demo_dir=tmp_path / "absent").default_model() is None


def test_module_functions_use_the_data_folder_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SUBREVIEW_DATA_DIR", str(tmp_path / "data"))
    entry = registry.add_model(fake_model(tmp_path / "src"), name="m")
    assert entry.path == tmp_path / "data" / "models" / "m"
    assert [e.name for e in registry.list_models()][-1] == "m" and registry.get_model("m") == entry
    registry.remove_model("m")
    assert registry.default_model() == ModelRegistry(tmp_path / "elsewhere").default_model()


# -- Argos packages ----------------------------------------------------------------------------------------------
def argos_zip(tmp_path: Path, top: str = "translate-zt_en-1_9") -> Path:
    package = fake_model(tmp_path / "pkg" / top, layout="argos")
    archive = tmp_path / f"{top}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(package.rglob("*")):
            zf.write(path, path.relative_to(package.parent).as_posix())
    return archive


def test_argos_package_installs_with_its_languages(reg, tmp_path):
    entry = reg.import_argos(argos_zip(tmp_path))
    assert entry.name == "translate-zt_en-1_9" and entry.origin == "argos"
    assert (entry.source_langs, entry.target_langs) == (("zh-Hant",), ("en",))
    assert entry.description == "Chinese (Traditional) 1.9"
    assert {"model/model.bin", "sentencepiece.model", "metadata.json"} <= tree(entry.path)
    assert tree(reg.root) == {"registry.json"} | {f"{entry.name}/{p}" for p in tree(entry.path)} | {entry.name}
    with pytest.raises(RegistryError, match="already installed"):
        reg.import_argos(argos_zip(tmp_path / "again"))


def test_argos_package_without_a_top_folder_is_named_after_the_file(reg, tmp_path):
    package = fake_model(tmp_path / "flat", layout="argos")
    archive = tmp_path / "zh_en.argosmodel"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(package.rglob("*")):
            zf.write(path, path.relative_to(package).as_posix())
    assert reg.import_argos(archive).name == "zh_en"


def hostile_zip(path: Path, name: str, *, link: bool = False) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("pkg/metadata.json", json.dumps({"from_code": "zh", "to_code": "en"}))
        info = zipfile.ZipInfo(name)
        if link:
            info.create_system = 3
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd" if link else "evil")
    return path


@pytest.mark.parametrize(("member", "link", "message"), [
    ("../evil", False, "outside its folder"), ("pkg/../../evil", False, "outside its folder"),
    ("/tmp/subreview-evil", False, "absolute path"), ("pkg/link", True, "symbolic link"),
    ("..\\evil", False, "invalid name"), ("C:/evil", False, "drive letter"),
])
def test_hostile_archives_are_refused_and_write_nothing(reg, tmp_path, member, link, message):
    archive = hostile_zip(tmp_path / "bad.argosmodel", member, link=link)
    before = tree(tmp_path)
    with pytest.raises(RegistryError, match=message):
        reg.import_argos(archive)
    assert tree(tmp_path) - before <= {"models"} and tree(reg.root) == set()
    assert not Path("/tmp/subreview-evil").exists()


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04" + b"\x00" * 40, "truncated"])
def test_damaged_archives_are_refused(reg, tmp_path, content):
    archive = tmp_path / "bad.argosmodel"
    if content == "truncated":
        data = argos_zip(tmp_path).read_bytes()
        archive.write_bytes(data[: len(data) // 2])
    else:
        archive.write_bytes(content)
    with pytest.raises(RegistryError, match="damaged or not a zip file"):
        reg.import_argos(archive)
    assert tree(reg.root) == set()


def test_archive_without_a_package_is_refused(reg, tmp_path):
    archive = tmp_path / "x.argosmodel"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(RegistryError, match=r"no CTranslate2 model in x\.argosmodel: model\.bin is missing"):
        reg.import_argos(archive)
    with pytest.raises(RegistryError, match="package file not found"):
        reg.import_argos(tmp_path / "absent.argosmodel")
    assert tree(reg.root) == set()


def test_zip_bombs_and_oversized_archives_are_refused(tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("pkg/zeros", b"\x00" * (20 << 20))
    (tmp_path / "out").mkdir()
    with pytest.raises(ArchiveError, match="zip bomb"):
        safe_extract(bomb, tmp_path / "out")
    plain = tmp_path / "plain.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("pkg/a", b"x" * 1000)
        with pytest.warns(UserWarning, match="Duplicate name"):
            zf.writestr("pkg/a", b"y")
    with pytest.raises(ArchiveError, match="expand to"):
        safe_extract(plain, tmp_path / "out", max_total=500)
    with pytest.raises(ArchiveError, match="same file twice"):
        safe_extract(plain, tmp_path / "out")


def test_the_demo_models_hash_is_remembered_between_runs_and_recomputed_when_files_change(tmp_path, monkeypatch):
    demo = tmp_path / "demo"
    demo.mkdir()
    for f in DEMO_DIR.iterdir():
        if f.is_file():
            (demo / f.name).write_bytes(f.read_bytes())
    monkeypatch.setenv("SUBREVIEW_CACHE_DIR", str(tmp_path / "cache"))
    first = ModelRegistry(tmp_path / "models", demo_dir=demo).default_model()
    assert first is not None and first.sha256 == hash_model_dir(demo)
    assert (tmp_path / "cache" / "model-hashes.json").is_file()

    # as a new process: the files are not hashed again
    monkeypatch.setattr(registry, "hash_model_dir", lambda path: pytest.fail("hashed again"))
    again = ModelRegistry(tmp_path / "models", demo_dir=demo).default_model()
    assert again == first
    monkeypatch.undo()

    monkeypatch.setenv("SUBREVIEW_CACHE_DIR", str(tmp_path / "cache"))
    with (demo / "NOTICE").open("a", encoding="utf-8") as notice:
        notice.write("\nchanged\n")
    changed = ModelRegistry(tmp_path / "models", demo_dir=demo).default_model()
    assert changed is not None and changed.sha256 == hash_model_dir(demo) != first.sha256


def test_a_damaged_model_hash_cache_only_means_hashing_again(tmp_path, monkeypatch):
    monkeypatch.setenv("SUBREVIEW_CACHE_DIR", str(tmp_path / "cache"))
    first = ModelRegistry(tmp_path / "models").default_model()
    cache = tmp_path / "cache" / "model-hashes.json"
    data = json.loads(cache.read_text(encoding="utf-8"))
    cache.write_text(json.dumps({key: {"size": "big"} for key in data}), encoding="utf-8")
    again = ModelRegistry(tmp_path / "models").default_model()
    assert again is not None and first is not None and again.sha256 == first.sha256
