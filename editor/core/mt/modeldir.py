"""What a model folder holds, read from its files alone (the engine adapter loads and checks it for real)."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.core.mt import langcodes

SIDECAR = "subreview-model.json"  # optional: languages, which spm is which, decoding limit
ARGOS_METADATA = "metadata.json"
SHARED_SPM_NAMES = ("sentencepiece.model", "sentencepiece.bpe.model", "spm.model")
SPM_SUFFIXES = (".model", ".spm")
LANG_STEM = re.compile(r"^[a-z]{2,3}([-_][A-Za-z]{2,4})?$")  # zh.model, en.model, zh-Hans.model
SPECIALS = {"<unk>", "<s>", "</s>", "<pad>", "<blank>", "<mask>"}
MAX_MODEL_ENTRIES = 10_000  # files and folders walked; real models hold a few dozen


class ModelDirError(Exception):
    """The folder is not a usable model; the message says why in one sentence."""


@dataclass(frozen=True)
class ModelFiles:
    root: Path  # the folder the user gave
    ct2_dir: Path  # the folder with model.bin (root, or root/model for an Argos package)
    spm_files: tuple[str, ...]  # SentencePiece models found, relative to root
    source_spm: str = ""  # relative to root; "" when the files alone cannot tell
    target_spm: str = ""
    kind: str = "bilingual"  # or "multilingual" (language tokens in the vocabulary)
    lang_style: str = ""  # "nllb" | "m2m" | ""
    language_tokens: tuple[str, ...] = ()
    source_langs: tuple[str, ...] = ()
    target_langs: tuple[str, ...] = ()
    package: str = "ctranslate2"  # or "argos"
    config: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)  # Argos metadata.json
    sidecar: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ModelFile:
    """One file of a model folder: its name there ('/'-separated; a link's own name) and the file read for it."""

    name: str
    path: Path


def model_files(root: str | Path) -> list[ModelFile]:
    """Every regular file of a model folder, sorted by name; links are followed only while they stay inside it.

    A link that leaves the folder, points back to a folder holding it, or points nowhere raises ModelDirError
    naming it: nothing is ever read, hashed or copied from outside the folder, and a walk cannot loop. Links
    inside are resolved (read as the file they name), so a copy holds plain files and loads anywhere. Pipes,
    sockets and devices are not part of a model and are skipped (reading a pipe would wait forever).
    """
    top = Path(root)
    base = Path(os.path.realpath(top))
    if not base.is_dir():
        raise ModelDirError(f"model folder not found: {top}")
    found: list[ModelFile] = []
    budget = [MAX_MODEL_ENTRIES]

    def visit(folder: Path, prefix: str, holders: tuple[Path, ...]) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            raise ModelDirError(f"cannot read {folder}: {exc.strerror or exc}") from None
        for entry in entries:
            budget[0] -= 1
            if budget[0] < 0:
                raise ModelDirError(f"{top} holds more than {MAX_MODEL_ENTRIES:,} files and folders, which no "
                                    "model does; choose the model's own folder")
            name, path = prefix + entry.name, Path(entry.path)
            if entry.is_symlink():
                path = _inside_target(top, base, name, path, holders)
            try:
                mode = path.stat().st_mode
            except OSError:
                continue  # removed while we looked
            if stat.S_ISDIR(mode):
                visit(path, f"{name}/", (*holders, path))
            elif stat.S_ISREG(mode):
                found.append(ModelFile(name, path))

    visit(base, "", (base,))
    return sorted(found, key=lambda f: f.name)


def _inside_target(top: Path, base: Path, name: str, link: Path, holders: tuple[Path, ...]) -> Path:
    """Where a link inside a model folder leads, refused when that is outside it, nowhere, or a loop."""
    target = Path(os.path.realpath(link))
    if base.is_relative_to(target) and target != base:
        raise ModelDirError(f"{name} in {top} links to {target}, a folder that holds the model folder; remove the "
                            "link (the folder would never end)")
    if not target.is_relative_to(base):
        raise ModelDirError(f"{name} in {top} links to {target}, outside the model folder; copy the folder with its "
                            f"links resolved (for example cp -rL {top} {top.name}-copy) and use the copy")
    if not target.exists():
        raise ModelDirError(f"{name} in {top} is a broken link; remove it, or copy the file it should name there")
    if any(holder == target or holder.is_relative_to(target) for holder in holders):
        raise ModelDirError(f"{name} in {top} links back to a folder that holds it; remove the link")
    return target


def ct2_folder(root: Path) -> Path:
    """The folder with model.bin: `root`, or `root/model` in an Argos package; ModelDirError when there is none."""
    if not root.exists():
        raise ModelDirError(f"model folder not found: {root}")
    if not root.is_dir():
        raise ModelDirError(f"not a model folder (it is a file): {root}")
    if (root / "model.bin").is_file():
        return root
    if (root / "model" / "model.bin").is_file():
        return root / "model"
    raise ModelDirError(f"no CTranslate2 model in {root}: model.bin is missing")


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelDirError(f"cannot read {path.name} in {path.parent}: {exc}") from None


def read_vocabulary(ct2_dir: Path, side: str) -> list[str]:
    """The source or target vocabulary of a CTranslate2 model (JSON list or one token per line)."""
    for stem in (f"{side}_vocabulary", "shared_vocabulary"):
        json_path, txt_path = ct2_dir / f"{stem}.json", ct2_dir / f"{stem}.txt"
        if json_path.is_file():
            return _tokens(json_path)
        if txt_path.is_file():
            return _tokens(txt_path)
    raise ModelDirError(f"the model in {ct2_dir} has no {side} vocabulary ({side}_vocabulary.json)")


def _tokens(path: Path) -> list[str]:
    """A vocabulary file's tokens."""
    if path.suffix == ".json":
        tokens = read_json(path)
        if not isinstance(tokens, list) or not all(isinstance(t, str) for t in tokens):
            raise ModelDirError(f"{path.name} in {path.parent} is not a list of tokens")
        return tokens
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelDirError(f"cannot read {path.name} in {path.parent}: {exc}") from None


def _object(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    data = read_json(path)
    if not isinstance(data, dict):
        raise ModelDirError(f"{path.name} in {path.parent} is not a JSON object")
    return data


def _langs(data: dict[str, Any], plural: str, singular: str) -> tuple[str, ...]:
    value = data.get(plural) or data.get(singular) or ()
    values = [value] if isinstance(value, str) else list(value)
    return tuple(langcodes.normalize(v) for v in values if isinstance(v, str) and v.strip())


def vocab_affinity(vocab: Sequence[str], spm_bytes: bytes, sample: int = 200) -> float:
    """Share of a vocabulary's (longer) tokens found verbatim in a SentencePiece file: which spm fits it."""
    tokens = [t.encode() for t in vocab if t not in SPECIALS and len(t.encode()) >= 3]
    if not tokens:
        return 0.0
    step = max(1, len(tokens) // sample)
    picked = tokens[::step][:sample]
    return sum(t in spm_bytes for t in picked) / len(picked)


def _assign_two(root: Path, pair: list[str], src_vocab: list[str], tgt_vocab: list[str],
                source_langs: Sequence[str]) -> tuple[str, str]:
    """Which of two SentencePiece models is the source: by vocabulary content, else by language file names."""
    a, b = pair
    if src_vocab != tgt_vocab:
        data = {name: (root / name).read_bytes() for name in pair}
        straight = vocab_affinity(src_vocab, data[a]) + vocab_affinity(tgt_vocab, data[b])
        crossed = vocab_affinity(src_vocab, data[b]) + vocab_affinity(tgt_vocab, data[a])
        if abs(straight - crossed) > 0.2:
            return (a, b) if straight > crossed else (b, a)
    for lang in source_langs:
        for first, second in ((a, b), (b, a)):
            if langcodes.same_language(Path(first).stem, lang):
                return first, second
    return "", ""


def _pick_spm(root: Path, found: list[str], sidecar: dict[str, Any], src_vocab: list[str], tgt_vocab: list[str],
              source_langs: Sequence[str]) -> tuple[str, str]:
    names = {Path(f).name: f for f in found}
    if sidecar.get("source_spm") and sidecar.get("target_spm"):
        return str(sidecar["source_spm"]), str(sidecar["target_spm"])
    if "source.spm" in names or "target.spm" in names:
        missing = "target.spm" if "source.spm" in names else "source.spm"
        if missing not in names:
            raise ModelDirError(f"SentencePiece model {missing} is missing in {root}")
        return names["source.spm"], names["target.spm"]
    for shared in SHARED_SPM_NAMES:
        if shared in names:
            return names[shared], names[shared]
    if len(found) == 1:
        return found[0], found[0]
    if len(found) == 2:
        return _assign_two(root, found, src_vocab, tgt_vocab, source_langs)
    return "", ""


def inspect_model_dir(path: str | Path, *, source_langs: Sequence[str] = (), target_langs: Sequence[str] = (),
                      source_spm: str = "", target_spm: str = "") -> ModelFiles:
    """Find the CTranslate2 folder, the SentencePiece models and the languages; raises ModelDirError."""
    root = Path(path).expanduser()
    ct2_dir = ct2_folder(root)
    config = _object(ct2_dir / "config.json")
    metadata = _object(root / ARGOS_METADATA)
    sidecar = _object(root / SIDECAR)
    src_vocab, tgt_vocab = read_vocabulary(ct2_dir, "source"), read_vocabulary(ct2_dir, "target")
    style, lang_tokens = langcodes.language_tokens(tgt_vocab)

    found = sorted({p.relative_to(root).as_posix() for d in {root, ct2_dir} for p in d.iterdir()
                    if p.is_file() and p.suffix in SPM_SUFFIXES})
    if not found:
        raise ModelDirError(f"no SentencePiece model (.model or .spm file) in {root}")
    src_langs = tuple(langcodes.normalize(x) for x in source_langs) or _langs(sidecar, "source_langs", "source_lang")
    tgt_langs = tuple(langcodes.normalize(x) for x in target_langs) or _langs(sidecar, "target_langs", "target_lang")
    src_langs = src_langs or _langs(metadata, "from_codes", "from_code")
    tgt_langs = tgt_langs or _langs(metadata, "to_codes", "to_code")
    if source_spm or target_spm:
        chosen = (source_spm or target_spm, target_spm or source_spm)
    else:
        chosen = _pick_spm(root, found, sidecar, src_vocab, tgt_vocab, src_langs)
    for name in chosen:
        if name and not (root / name).is_file():
            raise ModelDirError(f"SentencePiece model {name} not found in {root}")
    stems = [Path(n).stem for n in chosen]
    if all(stems) and stems[0] != stems[1] and all(LANG_STEM.match(s) for s in stems):
        src_langs = src_langs or (langcodes.normalize(stems[0]),)
        tgt_langs = tgt_langs or (langcodes.normalize(stems[1]),)
    if style:
        every = tuple(dict.fromkeys(langcodes.tag_from_token(t) for t in lang_tokens))
        src_langs, tgt_langs = src_langs or every, tgt_langs or every
    return ModelFiles(root=root, ct2_dir=ct2_dir, spm_files=tuple(found), source_spm=chosen[0],
                      target_spm=chosen[1], kind="multilingual" if style else "bilingual", lang_style=style,
                      language_tokens=lang_tokens, source_langs=src_langs, target_langs=tgt_langs,
                      package="argos" if metadata and ct2_dir != root else "ctranslate2", config=config,
                      metadata=metadata, sidecar=sidecar)
