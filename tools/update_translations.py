"""Refresh the Qt Linguist sources from the code, or build the compiled catalogues the app loads.

    python tools/update_translations.py            # lupdate: editor/**/*.py -> i18n/subreview_<lang>.ts
    python tools/update_translations.py --release  # lrelease: i18n/*.ts -> resources/i18n/*.qm (when out of date)

UI strings are found through `self.tr()` / `QCoreApplication.translate(context, text)`; core strings through the
plain-Python `QT_TRANSLATE_NOOP(context, text)` marker. New strings arrive untranslated (`type="unfinished"`):
translate them (Qt Linguist, or by editing the XML), and tests/ui/test_i18n.py passes again.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("zh_CN", "zh_TW")
TS_DIR = ROOT / "i18n"
QM_DIR = ROOT / "resources" / "i18n"


def ts_path(lang: str) -> Path:
    return TS_DIR / f"subreview_{lang}.ts"


def qm_path(lang: str, out_dir: Path = QM_DIR) -> Path:
    return out_dir / f"subreview_{lang}.qm"


def sources(root: Path = ROOT) -> list[Path]:
    """Every Python file of the application, core included (QT_TRANSLATE_NOOP marks strings there)."""
    return sorted(p for p in (root / "editor").rglob("*.py") if "__pycache__" not in p.parts)


def qt_tool(name: str) -> list[str]:
    """The command running a Qt Linguist tool: the PySide6 wrapper next to this Python, else PySide6's binary."""
    exe = Path(sys.executable)
    for folder in (exe.parent, exe.parent / "Scripts"):
        for candidate in (folder / f"pyside6-{name}", folder / f"pyside6-{name}.exe"):
            if candidate.is_file():
                return [str(candidate)]
    found = shutil.which(f"pyside6-{name}")
    if found:
        return [found]
    import PySide6

    binary = Path(PySide6.__file__).resolve().parent / (f"{name}.exe" if os.name == "nt" else name)
    if binary.is_file():
        return [str(binary)]
    raise FileNotFoundError(f"pyside6-{name} not found: install PySide6 (PySide6-Essentials) in this Python")


def lupdate(ts_files: Sequence[Path], files: Sequence[Path] | None = None) -> None:
    """Merge the strings of the code into `ts_files` (created when missing); strings gone from the code are
    dropped. No source locations are stored, so moving code does not change the .ts files."""
    files = sources() if files is None else files
    for ts in ts_files:
        ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [*qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-source-language", "en",
           *map(str, files), "-ts", *map(str, ts_files)]
    subprocess.run(cmd, check=True, cwd=ROOT)


def stale(lang: str, out_dir: Path = QM_DIR) -> bool:
    qm, ts = qm_path(lang, out_dir), ts_path(lang)
    return not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime


def release(out_dir: Path = QM_DIR, force: bool = False) -> list[Path]:
    """Compile every .ts into `out_dir`; files already newer than their .ts are kept. Returns the .qm paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for lang in LANGUAGES:
        qm = qm_path(lang, out_dir)
        if force or stale(lang, out_dir):
            subprocess.run([*qt_tool("lrelease"), "-silent", str(ts_path(lang)), "-qm", str(qm)], check=True)
            if not qm.is_file():
                raise RuntimeError(f"lrelease did not write {qm}")
        built.append(qm)
    return built


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="build resources/i18n/*.qm from i18n/*.ts")
    parser.add_argument("--force", action="store_true", help="with --release: rebuild even when up to date")
    parser.add_argument("--out", type=Path, default=QM_DIR, help="with --release: where the .qm files go")
    args = parser.parse_args(argv)
    if args.release:
        for qm in release(args.out, args.force):
            print(qm.relative_to(ROOT) if qm.is_relative_to(ROOT) else qm)
        return 0
    lupdate([ts_path(lang) for lang in LANGUAGES])
    for lang in LANGUAGES:
        print(ts_path(lang).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
