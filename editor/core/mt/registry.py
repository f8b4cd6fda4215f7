"""The installed translation models: a folder of model folders with a `registry.json` index.

Pure Python: it checks files, not weights (the engine adapter in `editor.services` loads them for real).
Each entry records the sha256 of its files and a stamp of them (name, size, modification time of every file);
`verified` compares the stamp before a model is used, so a draft never records the hash of files since replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from editor.core.cache_dir import APP_NAME, user_cache_dir
from editor.core.mt.languages import check_languages, matches
from editor.core.mt.modeldir import (
    SIDECAR,
    ModelDirError,
    ModelFile,
    ModelFiles,
    ct2_folder,
    inspect_model_dir,
    model_files,
    read_json,
)
from editor.core.mt.safezip import ArchiveError, safe_extract, top_folder

DATA_ENV = "SUBREVIEW_DATA_DIR"
INDEX = "registry.json"
INDEX_VERSION = 1
DEMO_NAME = "zh-en-demo"
DEMO_DIR = Path(__file__).resolve().parents[3] / "resources" / "models" / DEMO_NAME
CHUNK = 1 << 20
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


Stamp = tuple[tuple[str, int, int], ...]  # (relative name, size, st_mtime_ns) of every file, sorted by name


class RegistryError(Exception):
    """A model cannot be added, found or removed; the message says why in one sentence."""


@dataclass(frozen=True)
class ModelEntry:
    name: str
    path: Path
    source_langs: tuple[str, ...] = ()
    target_langs: tuple[str, ...] = ()
    size_bytes: int = 0
    sha256: str = ""
    kind: str = "bilingual"  # or "multilingual"
    added_at: str = ""  # ISO 8601, UTC
    source_spm: str = ""  # SentencePiece model of the source, relative to path
    target_spm: str = ""
    origin: str = "directory"  # "directory" | "argos" | "bundled" | "unregistered"
    description: str = ""  # e.g. an Argos package's name and version
    stamp: Stamp = ()  # the files when sha256 was measured; () in indexes written before stamps existed
    registry_root: Path | None = field(default=None, compare=False, repr=False)  # the models folder it is listed in

    def to_json(self, root: Path) -> dict[str, Any]:
        data = asdict(self)
        del data["registry_root"]
        path = self.path
        data["path"] = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        data["source_langs"], data["target_langs"] = list(self.source_langs), list(self.target_langs)
        data["stamp"] = [list(item) for item in self.stamp]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any], root: Path) -> ModelEntry:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__ and k != "registry_root"}
        known["path"] = root / known.get("path", known.get("name", ""))
        known["source_langs"] = tuple(known.get("source_langs", ()))
        known["target_langs"] = tuple(known.get("target_langs", ()))
        known["stamp"] = stamp_from_json(known.get("stamp"))
        return cls(**known, registry_root=root)


def stamp_from_json(value: Any) -> Stamp:
    """A stamp read back from JSON; () for anything malformed (the files are then simply hashed again)."""
    if not isinstance(value, list):
        return ()
    stamp: list[tuple[str, int, int]] = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)
                and type(item[1]) is int and type(item[2]) is int):
            return ()
        stamp.append((item[0], item[1], item[2]))
    return tuple(stamp)


def default_models_root() -> Path:
    """`$SUBREVIEW_DATA_DIR/models` when set, else the platform's user data folder for SubReview."""
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser() / "models"
    base = platformdirs.user_data_path(APP_NAME, appauthor=False)
    return base / "models"


def _files(path: str | Path) -> list[ModelFile]:
    """The model's files (links out of the folder and loops refused, see `model_files`)."""
    try:
        return model_files(path)
    except ModelDirError as exc:
        raise RegistryError(str(exc)) from None


def hash_model_dir(path: str | Path) -> str:
    """sha256 over every file's relative name, size and content, in sorted order (hex digest)."""
    digest = hashlib.sha256()
    for file in _files(path):
        with file.path.open("rb") as handle:
            digest.update(f"{file.name}\0{os.fstat(handle.fileno()).st_size}\0".encode())
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
    return digest.hexdigest()


def dir_size(path: str | Path) -> int:
    return sum(file.path.stat().st_size for file in _files(path))


def file_stamp(path: str | Path) -> Stamp:
    """(relative name, size, st_mtime_ns) of every file of a model: cheap (no file is read) and changed by any
    replacement or edit that a file system records."""
    stamps = []
    for file in _files(path):
        info = file.path.stat()
        stamps.append((file.name, info.st_size, info.st_mtime_ns))
    return tuple(stamps)


@dataclass(frozen=True)
class Fingerprint:
    """What is recorded about a model's files: their sha256 and total size, and the stamp they were measured at."""

    sha256: str
    size: int
    stamp: Stamp


def fingerprint(path: str | Path, known: Fingerprint | None = None) -> Fingerprint:
    """`known` while the files still match its stamp, else measured again (the stamp is taken first, so a file
    written during the hash leaves a stamp that will not match next time)."""
    stamp = file_stamp(path)
    if known is not None and known.sha256 and known.stamp == stamp:
        return known
    return Fingerprint(hash_model_dir(path), sum(size for _, size, _ in stamp), stamp)


def verified(entry: ModelEntry) -> ModelEntry:
    """`entry` with the sha256 of its files as they are now, to be called before the model is used.

    Unchanged files (same stamp): the recorded hash is trusted. Changed: they are hashed again, and the fresh
    fingerprint is written back where the entry came from (its registry index; the user cache for the bundled
    model) on a best-effort basis: a read-only models folder still gets the fresh hash, only not remembered.
    """
    known = Fingerprint(entry.sha256, entry.size_bytes, entry.stamp)
    current = fingerprint(entry.path, known)
    if current is known:
        return entry
    fresh = replace(entry, sha256=current.sha256, size_bytes=current.size, stamp=current.stamp)
    if entry.origin == "bundled":
        _remember_demo(fresh)
    elif entry.registry_root is not None:
        ModelRegistry(entry.registry_root, demo_dir=None).record(fresh)
    return fresh


def hash_cache_path() -> Path:
    return user_cache_dir() / "model-hashes.json"


# The bundled model lives among the application's files, which may be read-only: its fingerprint is kept in the
# user cache instead (keyed by its folder).


def _read_hash_cache() -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(hash_cache_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _cached_fingerprint(key: str) -> Fingerprint | None:
    """The fingerprint remembered for a folder; None when absent or edited into something else."""
    known = _read_hash_cache().get(key)
    if not (isinstance(known, dict) and type(known.get("size")) is int and isinstance(known.get("sha256"), str)):
        return None
    stamp = stamp_from_json(known.get("stamp"))
    return Fingerprint(known["sha256"], known["size"], stamp) if stamp else None


def _write_hash_cache(key: str, value: Fingerprint) -> None:
    """Best effort: a cache that cannot be written only costs the hash again next time."""
    path = hash_cache_path()
    data = {k: v for k, v in _read_hash_cache().items() if isinstance(v, dict) and k != key}
    data[key] = {"sha256": value.sha256, "size": value.size, "stamp": [list(item) for item in value.stamp]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(dict(list(data.items())[-8:])), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def _remember_demo(entry: ModelEntry) -> None:
    _write_hash_cache(str(entry.path), Fingerprint(entry.sha256, entry.size_bytes, entry.stamp))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _inspect(path: Path, source_langs: Sequence[str] = (), target_langs: Sequence[str] = (),
             need_langs: bool = True) -> ModelFiles:
    """What the folder holds; its links are checked first, so no file is read from outside it."""
    try:
        ct2_folder(path)
        model_files(path)
        files = inspect_model_dir(path, source_langs=source_langs, target_langs=target_langs)
    except ModelDirError as exc:
        raise RegistryError(str(exc)) from None
    if need_langs and not (files.source_langs and files.target_langs):
        raise RegistryError(f"cannot tell the languages of the model in {path}: "
                            "give them with --source-lang and --target-lang")
    return files


def _write_sidecar(folder: Path, files: ModelFiles) -> None:
    """Make a copied model self-describing: languages and which SentencePiece model is which."""
    data: dict[str, Any] = {"source_langs": list(files.source_langs), "target_langs": list(files.target_langs)}
    if files.source_spm and files.target_spm:
        data.update(source_spm=files.source_spm, target_spm=files.target_spm)
    (folder / SIDECAR).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _entry(name: str, files: ModelFiles, path: Path, origin: str, description: str = "",
           known: Fingerprint | None = None, registry_root: Path | None = None) -> ModelEntry:
    """`known`: the files' fingerprint when one is remembered (trusted while their stamp matches)."""
    measured = fingerprint(path, known)
    return ModelEntry(name=name, path=path, source_langs=files.source_langs, target_langs=files.target_langs,
                      size_bytes=measured.size, sha256=measured.sha256, kind=files.kind, added_at=_now(),
                      source_spm=files.source_spm, target_spm=files.target_spm, origin=origin,
                      description=description, stamp=measured.stamp, registry_root=registry_root)


class ModelRegistry:
    """The models folder (`root`, default `default_models_root()`) and its index."""

    def __init__(self, root: str | Path | None = None, *, demo_dir: Path | None = DEMO_DIR) -> None:
        self.root = Path(root).expanduser() if root is not None else default_models_root()
        self.demo_dir = demo_dir

    # -- index -------------------------------------------------------------------------------------------------
    def _load(self) -> list[ModelEntry]:
        index = self.root / INDEX
        if not index.is_file():
            return []
        try:
            data = read_json(index)
            return [ModelEntry.from_json(item, self.root) for item in data["models"]]
        except (ModelDirError, KeyError, TypeError) as exc:
            raise RegistryError(f"the model index {index} is damaged ({exc}); fix or delete it") from None

    def _save(self, entries: list[ModelEntry]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        payload = {"version": INDEX_VERSION, "models": [e.to_json(self.root) for e in entries]}
        fd, tmp = tempfile.mkstemp(prefix=".registry-", suffix=".json", dir=self.root)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False, indent=2)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.root / INDEX)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def record(self, entry: ModelEntry) -> None:
        """Write an entry's fresh fingerprint back to the index, if it is still listed there; best effort (a
        read-only or vanished models folder only means the files are hashed again next time)."""
        try:
            entries = self._load()
            if any(e.name == entry.name and e.path == entry.path for e in entries):
                self._save([entry if e.name == entry.name else e for e in entries])
        except (OSError, RegistryError):
            pass

    def _check_new_name(self, name: str) -> str:
        if not NAME_RE.match(name):
            raise RegistryError(f"invalid model name {name!r}: use letters, digits, '.', '_' and '-' (at most 64)")
        if name == DEMO_NAME or any(e.name == name for e in self._load()):
            raise RegistryError(f"a model named {name!r} is already installed; remove it first or pick another name")
        if (self.root / name).exists():
            raise RegistryError(f"{self.root / name} already exists; remove it first or pick another name")
        return name

    # -- queries -----------------------------------------------------------------------------------------------
    def default_model(self) -> ModelEntry | None:
        """The bundled demo model (zh-Hans -> en), registered implicitly and never copied; None if absent."""
        if self.demo_dir is None or not (self.demo_dir / "model.bin").is_file():
            return None
        key = str(self.demo_dir)
        files = _inspect(self.demo_dir, ("zh-Hans",), ("en",))
        # The stamp kept in the user cache says whether the files changed: hashing them again costs ~20 ms at
        # every start for the demo model, and grows with a model's size (bench mt, "model fingerprint").
        known = _cached_fingerprint(key)
        entry = replace(_entry(DEMO_NAME, files, self.demo_dir, "bundled", known=known), added_at="")
        if known is None or known.stamp != entry.stamp:
            _write_hash_cache(key, Fingerprint(entry.sha256, entry.size_bytes, entry.stamp))
        return entry

    def list_models(self) -> list[ModelEntry]:
        demo = self.default_model()
        return ([demo] if demo else []) + self._load()

    def model_for(self, source_lang: str, target_lang: str, preferred: str = "") -> ModelEntry | None:
        """The model to draft `source_lang` -> `target_lang`: `preferred` when given (it must cover the pair:
        EngineError otherwise), else the newest installed model that covers it, else None (nothing is drafted)."""
        if preferred:
            entry = self.get_model(preferred)
            check_languages(entry, source_lang, target_lang)
            return entry
        covering = [e for e in self.list_models()
                    if matches(e.source_langs, source_lang) and matches(e.target_langs, target_lang)]
        registered = [e for e in covering if e.origin != "bundled"]
        if registered:
            return max(registered, key=lambda e: e.added_at)
        return covering[0] if covering else None

    def get_model(self, name_or_path: str | Path) -> ModelEntry:
        """A registered model by name, the bundled demo, or any model folder given by path (unregistered)."""
        key = str(name_or_path)
        for entry in self.list_models():
            if entry.name == key:
                return entry
        path = Path(key).expanduser()
        if path.is_dir():
            files = _inspect(path, need_langs=False)
            return _entry(path.name, files, path.resolve(), "unregistered")
        names = ", ".join(e.name for e in self.list_models()) or "none"
        raise RegistryError(f"no model named {key!r} (installed: {names}) and no model folder at that path")

    # -- changes -----------------------------------------------------------------------------------------------
    def add_model(self, src_dir: str | Path, *, name: str | None = None, source_langs: Sequence[str] = (),
                  target_langs: Sequence[str] = (), copy: bool = True) -> ModelEntry:
        """Register a model folder, copied into the models folder (or referenced in place with copy=False)."""
        src = Path(src_dir).expanduser().resolve()
        files = _inspect(src, source_langs, target_langs)
        name = self._check_new_name(name or src.name)
        path = src
        if copy:
            self.root.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".add-", dir=self.root))
            try:
                _copy_files(_files(src), staging / name)
                if not (src / SIDECAR).exists():
                    _write_sidecar(staging / name, files)
                (staging / name).rename(self.root / name)
            except OSError as exc:
                raise RegistryError(f"cannot copy the model into {self.root}: {exc}") from None
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            path = self.root / name
        entry = _entry(name, files, path, "directory", registry_root=self.root)
        self._save([*self._load(), entry])
        return entry

    def import_argos(self, archive: str | Path, *, name: str | None = None) -> ModelEntry:
        """Install an Argos Translate package (`.argosmodel`, a zip) safely into the models folder."""
        archive = Path(archive).expanduser()
        if not archive.is_file():
            raise RegistryError(f"package file not found: {archive}")
        self.root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".import-", dir=self.root))
        try:
            try:
                written = safe_extract(archive, staging)
            except ArchiveError as exc:
                raise RegistryError(f"cannot install {archive.name}: {exc}") from None
            package = top_folder(staging, written, "metadata.json")
            try:
                files = _inspect(package, need_langs=False)
            except RegistryError as exc:
                raise RegistryError(str(exc).replace(str(package), archive.name)) from None
            if not files.metadata or files.package != "argos":
                raise RegistryError(f"{archive.name} is not an Argos Translate package "
                                    "(metadata.json, model/ and sentencepiece.model expected)")
            if not (files.source_langs and files.target_langs):
                raise RegistryError(f"metadata.json in {archive.name} does not name from_code and to_code")
            name = self._check_new_name(name or (package.name if package != staging else archive.stem))
            package.rename(self.root / name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        meta = files.metadata
        description = " ".join(str(meta.get(k, "")) for k in ("name", "package_version")).strip()
        entry = _entry(name, _inspect(self.root / name), self.root / name, "argos", description,
                       registry_root=self.root)
        self._save([*self._load(), entry])
        return entry

    def remove_model(self, name: str) -> None:
        """Unregister a model; delete its folder only when it lives inside the models folder."""
        if name == DEMO_NAME:
            raise RegistryError(f"{DEMO_NAME} is the bundled demo model and cannot be removed")
        entries = self._load()
        match = [e for e in entries if e.name == name]
        if not match:
            raise RegistryError(f"no installed model named {name!r}")
        self._save([e for e in entries if e.name != name])
        path = match[0].path
        if path.resolve().is_relative_to(self.root.resolve()) and path.resolve() != self.root.resolve():
            shutil.rmtree(path, ignore_errors=True)


def _copy_files(files: list[ModelFile], dest: Path) -> None:
    """Copy a model's files (links inside it resolved into plain files) into the new folder `dest`."""
    dest.mkdir()
    for file in files:
        target = dest.joinpath(*file.name.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file.path, target)


# -- the default registry (models folder from $SUBREVIEW_DATA_DIR or the platform), as plain functions ------------
def list_models(root: str | Path | None = None) -> list[ModelEntry]:
    return ModelRegistry(root).list_models()


def get_model(name_or_path: str | Path, root: str | Path | None = None) -> ModelEntry:
    return ModelRegistry(root).get_model(name_or_path)


def default_model(root: str | Path | None = None) -> ModelEntry | None:
    return ModelRegistry(root).default_model()


def model_for(source_lang: str, target_lang: str, preferred: str = "", root: str | Path | None = None
              ) -> ModelEntry | None:
    return ModelRegistry(root).model_for(source_lang, target_lang, preferred)


def add_model(src_dir: str | Path, *, name: str | None = None, source_langs: Sequence[str] = (),
              target_langs: Sequence[str] = (), copy: bool = True, root: str | Path | None = None) -> ModelEntry:
    return ModelRegistry(root).add_model(src_dir, name=name, source_langs=source_langs, target_langs=target_langs,
                                         copy=copy)


def import_argos(archive: str | Path, *, name: str | None = None, root: str | Path | None = None) -> ModelEntry:
    return ModelRegistry(root).import_argos(archive, name=name)


def remove_model(name: str, root: str | Path | None = None) -> None:
    ModelRegistry(root).remove_model(name)
