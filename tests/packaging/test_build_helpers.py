"""packaging/build.py's small helpers (fast: no PyInstaller run)."""

from __future__ import annotations

import re
import struct
from pathlib import Path

from tests.module_loading import load_module

ROOT = Path(__file__).resolve().parents[2]


build = load_module("subreview_build", ROOT / "packaging" / "build.py")


def test_version_is_the_editors():
    text = (ROOT / "editor" / "__init__.py").read_text(encoding="utf-8")
    assert build.app_version() == re.search(r'__version__\s*=\s*"([^"]+)"', text).group(1)


def test_debian_version_orders_pre_releases_first():
    assert build.debian_version("0.1.0") == "0.1.0"
    assert build.debian_version("1.0rc1") == "1.0~rc1"
    assert build.debian_version("1.0.0a2") == "1.0.0~a2"
    assert build.debian_version("1.0.0.dev3") == "1.0.0~dev3"
    assert build.debian_version("1.0.post1") == "1.0+post1"


def test_min_glibc_reads_symbol_versions(tmp_path):
    (tmp_path / "a.so").write_bytes(b"\x7fELF" + b"\0GLIBC_2.17\0GLIBC_2.34\0GLIBC_PRIVATE\0")
    (tmp_path / "b.so").write_bytes(b"\x7fELF" + b"\0GLIBC_2.28\0")
    (tmp_path / "notes.txt").write_bytes(b"GLIBC_2.99")  # not an ELF file: ignored
    assert build.min_glibc(tmp_path) == "2.34"


def test_package_lists_have_no_blank_or_comment_entries():
    for name in ("depends.txt", "recommends.txt"):
        packages = build._package_lines(ROOT / "packaging" / "deb" / name)
        assert packages and all(re.fullmatch(r"[a-z0-9][a-z0-9+.-]+", p) for p in packages), packages
    assert "libvlc5" in build._package_lines(ROOT / "packaging" / "deb" / "depends.txt")


def test_committed_ico_holds_png_images_up_to_256():
    data = (ROOT / "resources" / "icons" / "subreview.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count >= 4
    sizes = []
    for i in range(count):
        width, _h, _c, _r, _planes, _bpp, _size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n"
        sizes.append(width or 256)
    assert 16 in sizes and 256 in sizes
