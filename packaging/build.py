"""Build SubReview for Linux workstations: the PyInstaller bundle, then a .deb that installs it.

    python packaging/build.py                  # dist/subreview/ and dist/subreview_<version>_<arch>.deb
    python packaging/build.py --no-deb         # only the bundle
    python packaging/build.py --distpath D --workpath W --no-translations

Needs PyInstaller (`pip install -e ".[package]"`), dpkg-deb for the .deb, and `strip` (binutils) to trim
CTranslate2's debug info (optional: the bundle is 66 MB larger without it). `./dev package` does all of this.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "subreview.spec"
DEB = ROOT / "packaging" / "deb"
ICON_SVG = ROOT / "resources" / "icons" / "subreview.svg"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
TRANSLATIONS_TOOL = ROOT / "tools" / "update_translations.py"
DEFAULT_MAINTAINER = "SubReview packagers <packaging@subreview.invalid>"
INSTALL_PYINSTALLER = f'{sys.executable} -m pip install "pyinstaller>=6.6"   (or: pip install -e ".[package]")'


class BuildError(Exception):
    """A build step failed; the message says what to do."""


def say(message: str) -> None:
    print(f"[build] {message}", file=sys.stderr, flush=True)


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    say("$ " + " ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def app_version() -> str:
    """editor.__version__, read from the source (the build must not need the app's dependencies importable)."""
    text = (ROOT / "editor" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise BuildError("editor/__init__.py has no __version__")
    return match.group(1)


def debian_version(version: str) -> str:
    """PEP 440 to Debian ordering: 1.0rc1 -> 1.0~rc1 (sorts before 1.0), 1.0.post1 -> 1.0+post1."""
    version = re.sub(r"[.-]?(alpha|beta|rc|dev|a|b)(\d*)", r"~\1\2", version)
    return re.sub(r"[.-]?post(\d*)", r"+post\1", version)


def update_translations() -> None:
    """Fresh .qm files in resources/i18n/ from i18n/*.ts, when the project has the tool."""
    if TRANSLATIONS_TOOL.exists():
        run([sys.executable, TRANSLATIONS_TOOL, "--release"], cwd=ROOT)
    else:
        say(f"{TRANSLATIONS_TOOL.relative_to(ROOT)} not found: bundling the .qm files as they are")


def build_bundle(distpath: Path, workpath: Path) -> Path:
    """dist/subreview/ (the one-folder bundle) with PyInstaller and packaging/subreview.spec."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise BuildError(f"PyInstaller is not installed in {sys.executable}; install it with:\n  "
                         f"{INSTALL_PYINSTALLER}") from None
    if shutil.which("strip") is None:
        say("warning: `strip` (binutils) not found: CTranslate2 keeps its debug info (+66 MB)")
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", distpath, "--workpath", workpath, SPEC], cwd=ROOT)
    exe = distpath / "subreview" / ("subreview.exe" if os.name == "nt" else "subreview")
    if not exe.exists():
        raise BuildError(f"PyInstaller finished but {exe} is missing")
    return exe.parent


def _package_lines(path: Path) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def min_glibc(folder: Path) -> str:
    """The newest GLIBC_x.y symbol version any ELF file in `folder` asks for (what dpkg-shlibdeps would find)."""
    best = (2, 17)
    pattern = re.compile(rb"GLIBC_(\d+)\.(\d+)")
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
            data = f.read()
        for major, minor in pattern.findall(data):
            best = max(best, (int(major), int(minor)))
    return f"{best[0]}.{best[1]}"


def _tree_size_kib(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        if path.is_symlink():
            total += 1
        elif path.is_file():
            total += (path.stat().st_size + 1023) // 1024
    return total


def _normalise_modes(folder: Path) -> None:
    """0755 for folders and programs, 0644 for everything else, shared libraries included (Debian policy 10.9;
    dlopen needs no execute bit). dpkg keeps what is in the tree."""
    library = re.compile(r"\.so(\.\d+)*$")
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir() or (path.stat().st_mode & 0o111 and not library.search(path.name)):
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def _render_icons(out: Path) -> dict[int, Path]:
    """PNG icons rendered from the SVG by Qt (packaging/icons.py), in a child process with no display."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run([sys.executable, ROOT / "packaging" / "icons.py", "--png", out], env=env, stdout=subprocess.DEVNULL)
    return {size: out / f"subreview-{size}.png" for size in ICON_SIZES}


def build_deb(bundle: Path, distpath: Path, workpath: Path, *, compression: str = "xz",
              maintainer: str = DEFAULT_MAINTAINER) -> Path:
    """dist/subreview_<version>_<arch>.deb: /opt/subreview, /usr/bin/subreview, menu entry, icons, MIME type."""
    dpkg_deb = shutil.which("dpkg-deb")
    if dpkg_deb is None:
        raise BuildError("dpkg-deb not found: build the .deb on Debian or Ubuntu (apt-get install dpkg)")
    arch = subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                          text=True).stdout.strip()
    version = debian_version(app_version())
    root = workpath / "deb" / f"subreview_{version}_{arch}"
    if root.exists():
        shutil.rmtree(root)
    say(f"staging the package in {root}")
    shutil.copytree(bundle, root / "opt" / "subreview", symlinks=True)

    usr = root / "usr"
    (usr / "bin").mkdir(parents=True)
    shutil.copy(DEB / "subreview.sh", usr / "bin" / "subreview")
    (usr / "bin" / "subreview").chmod(0o755)
    apps = usr / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy(DEB / "subreview.desktop", apps / "subreview.desktop")
    shutil.copy(DEB / "subreview-open.desktop", apps / "subreview-open.desktop")
    mime = usr / "share" / "mime" / "packages"
    mime.mkdir(parents=True)
    shutil.copy(DEB / "subreview-mime.xml", mime / "subreview.xml")
    hicolor = usr / "share" / "icons" / "hicolor"
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy(ICON_SVG, hicolor / "scalable" / "apps" / "subreview.svg")
    with tempfile.TemporaryDirectory() as tmp:
        for size, png in _render_icons(Path(tmp)).items():
            folder = hicolor / f"{size}x{size}" / "apps"
            folder.mkdir(parents=True)
            shutil.copy(png, folder / "subreview.png")
    doc = usr / "share" / "doc" / "subreview"
    doc.mkdir(parents=True)
    shutil.copy(DEB / "copyright", doc / "copyright")
    changelog = f"subreview ({version}) stable; urgency=medium\n\n  * Release {version}.\n\n -- {maintainer}  " \
                f"{time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime())}\n"
    with gzip.GzipFile(doc / "changelog.gz", "wb", mtime=0) as f:
        f.write(changelog.encode())

    control = root / "DEBIAN"
    control.mkdir()
    depends = [f"libc6 (>= {min_glibc(bundle)})", *_package_lines(DEB / "depends.txt")]
    text = (DEB / "control.in").read_text(encoding="utf-8")
    for key, value in {"VERSION": version, "ARCH": arch, "MAINTAINER": maintainer,
                       "INSTALLED_SIZE": str(_tree_size_kib(root)), "DEPENDS": ", ".join(depends),
                       "RECOMMENDS": ", ".join(_package_lines(DEB / "recommends.txt"))}.items():
        text = text.replace(f"@{key}@", value)
    if "@" in text.replace(maintainer, ""):
        raise BuildError(f"unreplaced placeholder in {DEB / 'control.in'}")
    (control / "control").write_text(text, encoding="utf-8")
    for script in ("postinst", "postrm"):
        shutil.copy(DEB / script, control / script)
    _normalise_modes(root)
    for script in ("postinst", "postrm"):
        (control / script).chmod(0o755)

    out = distpath / f"subreview_{version}_{arch}.deb"
    out.unlink(missing_ok=True)
    run([dpkg_deb, "--root-owner-group", f"-Z{compression}", "--build", root, out])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the SubReview bundle and .deb.")
    parser.add_argument("--distpath", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--workpath", type=Path, default=ROOT / "build", help="scratch folder (default: build/)")
    parser.add_argument("--no-deb", action="store_true", help="only build the bundle")
    parser.add_argument("--no-translations", action="store_true",
                        help="do not run tools/update_translations.py --release first")
    parser.add_argument("--compression", default="xz", choices=("xz", "gzip", "zstd", "none"),
                        help=".deb compression (xz: smallest; gzip: fastest)")
    parser.add_argument("--maintainer", default=os.environ.get("SUBREVIEW_DEB_MAINTAINER", DEFAULT_MAINTAINER),
                        help="Maintainer field of the .deb (default: $SUBREVIEW_DEB_MAINTAINER)")
    args = parser.parse_args(argv)
    distpath, workpath = args.distpath.resolve(), args.workpath.resolve()
    started = time.monotonic()
    try:
        if not args.no_translations:
            update_translations()
        bundle = build_bundle(distpath, workpath)
        say(f"bundle: {bundle} ({_tree_size_kib(bundle) / 1024:.0f} MB) in {time.monotonic() - started:.0f} s")
        if not args.no_deb and sys.platform.startswith("linux"):
            deb = build_deb(bundle, distpath, workpath, compression=args.compression, maintainer=args.maintainer)
            say(f"package: {deb} ({deb.stat().st_size / 2**20:.0f} MB)")
            say(f"install it with: sudo apt-get install {deb}")
    except BuildError as exc:
        say(f"error: {exc}")
        return 1
    except subprocess.CalledProcessError as exc:
        say(f"error: {' '.join(str(c) for c in exc.cmd)} exited with {exc.returncode}")
        return 1
    say(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
