"""A cheap look at a CTranslate2 `model.bin` before CTranslate2 reads it.

CTranslate2 refuses most damage with an exception, but a few damaged values crash the whole process instead
(found by flipping bytes of real models): an attention-head count of 0 divides by zero (SIGFPE), and an
alignment layer out of range corrupts memory (SIGSEGV, or an abort in free()). This reader walks the table of
variables (names, shapes, types, sizes; the weights themselves are skipped, never read, so it costs about a
millisecond) and refuses those values, a table that ends before its file does not hold it, and sizes that do not
add up. Only the layout written by CTranslate2 3.x and 4.x (binary version 6) is read; other versions are left
to CTranslate2.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import BinaryIO

BINARY_VERSION = 6
TYPE_SIZES = (4, 1, 2, 4, 2, 2)  # by type id: float32, int8, int16, int32, float16, bfloat16
INT_FORMATS = {(1, 1): "<b", (2, 2): "<h", (3, 4): "<i"}  # (type id, size) of integer scalars
MAX_RANK = 8
_DECODER_LAYER = re.compile(r"^decoder/layer_(\d+)/")


class ModelBinError(Exception):
    """The file is damaged; the message says how, in a few words, for a longer sentence around it."""


class _Reader:
    """Reads the table of a model.bin; every read that would pass the end of the file is damage."""

    def __init__(self, handle: BinaryIO, size: int) -> None:
        self.handle = handle
        self.size = size

    def take(self, count: int) -> bytes:
        data = self.handle.read(count)
        if len(data) < count:
            raise ModelBinError(f"model.bin is incomplete: it ends at byte {self.size:,} inside its table")
        return data

    def number(self, fmt: str) -> int:
        value: int = struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]
        return value

    def text(self) -> str:
        at = self.handle.tell()
        raw = self.take(self.number("<H"))
        try:
            return raw.rstrip(b"\0").decode()
        except UnicodeDecodeError:
            raise ModelBinError(f"model.bin has an invalid name at byte {at:,}") from None

    def skip(self, count: int, what: str) -> None:
        if self.handle.tell() + count > self.size:
            raise ModelBinError(f"model.bin is incomplete: {what} needs {count:,} bytes beyond its end")
        self.handle.seek(count, 1)


def check_model_bin(path: str | Path) -> None:
    """Raise ModelBinError when `path` (a model.bin) is damaged in a way this reader can see; OSError when it
    cannot be read at all."""
    with open(path, "rb") as handle:
        size = handle.seek(0, 2)
        handle.seek(0)
        reader = _Reader(handle, size)
        if reader.number("<I") != BINARY_VERSION:
            return  # another layout: CTranslate2 reads (or refuses) it itself
        reader.text()  # the specification's name, e.g. TransformerSpec
        reader.number("<I")  # its revision
        names, scalars = _variables(reader)
        for _ in range(reader.number("<I")):  # aliases: a name, and the variable it shares
            names.add(reader.text())
            reader.text()
    _check_values(names, scalars)


def _variables(reader: _Reader) -> tuple[set[str], dict[str, int]]:
    """Every variable's name, and the values of its integer scalars; shapes and sizes are checked on the way."""
    names: set[str] = set()
    scalars: dict[str, int] = {}
    for _ in range(reader.number("<I")):
        name = reader.text()
        rank = reader.number("<B")
        if rank > MAX_RANK:
            raise ModelBinError(f"{name} in model.bin has an invalid shape")
        shape = [reader.number("<I") for _ in range(rank)]
        type_id = reader.number("<B")
        nbytes = reader.number("<I")
        if type_id >= len(TYPE_SIZES):
            raise ModelBinError(f"{name} in model.bin has an unknown data type")
        count = 1
        for dim in shape:
            count *= dim
        if nbytes != count * TYPE_SIZES[type_id]:
            raise ModelBinError(f"{name} in model.bin has an invalid size")
        fmt = INT_FORMATS.get((type_id, nbytes))
        if rank == 0 and fmt is not None:
            scalars[name] = reader.number(fmt)
        else:
            reader.skip(nbytes, name)
        names.add(name)
    return names, scalars


def _check_values(names: set[str], scalars: dict[str, int]) -> None:
    """The values CTranslate2 would crash on rather than refuse."""
    for name, value in scalars.items():
        if name.endswith("num_heads") and value < 1:
            raise ModelBinError(f"{name} in model.bin is {value}")
    layers = len({int(m.group(1)) for n in names if (m := _DECODER_LAYER.match(n))})
    alignment = scalars.get("decoder/alignment_layer")
    if alignment is not None and layers and not -layers <= alignment < layers:
        raise ModelBinError(f"decoder/alignment_layer in model.bin is {alignment}, but the model has {layers} "
                            "decoder layers")
