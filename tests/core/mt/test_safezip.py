"""Archive extraction caps what a zip may expand to in total, not only member by member."""

from __future__ import annotations

import random
import struct
import zipfile
from pathlib import Path

import pytest

from editor.core.mt import safezip
from editor.core.mt.safezip import ArchiveError, safe_extract
from tests.core.mt.test_registry import argos_zip

MIB = 1 << 20


def many_small_members(path: Path, count: int, size: int = MIB) -> Path:
    """`count` members of `size` zero bytes each: every one under the per-member ratio check."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(count):
            zf.writestr(f"pkg/part-{i:04d}.bin", bytes(size))
    return path


def test_a_bomb_of_many_small_members_is_refused_before_anything_is_written(tmp_path):
    bomb = many_small_members(tmp_path / "bomb.argosmodel", 300)
    assert bomb.stat().st_size < 2 * MIB
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ArchiveError, match=r"zip bomb: its 300 files expand to 300\.0 MiB from \d+\.\d+ MiB"):
        safe_extract(bomb, out)
    assert list(out.iterdir()) == []


def test_a_small_archive_may_compress_well(tmp_path):
    """Below the floor nothing is at risk: a few megabytes of text compress far better than any model."""
    small = many_small_members(tmp_path / "small.zip", 8)
    (tmp_path / "out").mkdir()
    assert len(safe_extract(small, tmp_path / "out")) == 8


def test_a_package_laid_out_like_a_real_one_extracts(tmp_path):
    package = argos_zip(tmp_path)
    (tmp_path / "out").mkdir()
    written = safe_extract(package, tmp_path / "out")
    assert any(p.name == "model.bin" for p in written)


def test_the_total_is_also_enforced_on_the_bytes_actually_read(tmp_path):
    """A member whose central directory understates its size cannot smuggle more data past the check."""
    liar = tmp_path / "liar.zip"
    with zipfile.ZipFile(liar, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("pkg/a.bin", b"a" * 4096)
    data = bytearray(liar.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 16)  # uncompressed size in the central directory: 16 bytes
    liar.write_bytes(bytes(data))
    (tmp_path / "out").mkdir()
    with pytest.raises(ArchiveError):
        safe_extract(liar, tmp_path / "out", max_total=1000)
    assert not any(p.is_file() and p.stat().st_size > 1000 for p in (tmp_path / "out").rglob("*"))


def test_a_big_package_that_compresses_like_text_is_accepted(tmp_path):
    """Real .argosmodel packages expand ~1.1 times (weights) to 3-4 times (text): 5 times over the floor passes."""
    rng = random.Random(3)
    archive = tmp_path / "texty.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for i in range(48):
            zf.writestr(f"pkg/part-{i:02d}.bin", rng.randbytes(MIB // 5) + bytes(MIB - MIB // 5))
    total = 48 * MIB
    assert total > safezip.RATIO_FLOOR_TOTAL and 4 < total / archive.stat().st_size < 6
    (tmp_path / "out").mkdir()
    assert len(safe_extract(archive, tmp_path / "out")) == 48
