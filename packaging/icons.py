"""Render the application icon (resources/icons/subreview.svg) to PNG and ICO with Qt's own SVG renderer.

No system tools needed (rsvg-convert / ImageMagick are not required): PySide6-Essentials ships QtSvg.

    python packaging/icons.py            # rewrite resources/icons/subreview.ico (used by the Windows build)
    python packaging/icons.py --png DIR  # DIR/subreview-<size>.png for the hicolor sizes
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "subreview.svg"
ICO = ROOT / "resources" / "icons" / "subreview.ico"
HICOLOR_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([])


def render_png(size: int, svg: Path = SVG) -> bytes:
    """The icon as PNG bytes, size x size pixels, transparent background."""
    _app()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("Qt could not encode a PNG")
    buffer.close()
    return bytes(data)


def write_pngs(folder: Path, sizes: tuple[int, ...] = HICOLOR_SIZES) -> dict[int, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for size in sizes:
        path = folder / f"subreview-{size}.png"
        path.write_bytes(render_png(size))
        out[size] = path
    return out


def write_ico(path: Path = ICO, sizes: tuple[int, ...] = ICO_SIZES) -> Path:
    """A Windows .ico with PNG-compressed images (Windows Vista and later read these)."""
    images = [render_png(s) for s in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, png in zip(sizes, images, strict=True):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    path.write_bytes(header + entries + b"".join(images))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--png", type=Path, metavar="DIR", help="write PNGs for the hicolor sizes into DIR")
    args = parser.parse_args(argv)
    if args.png:
        for size, path in write_pngs(args.png).items():
            print(f"{size:>4} {path}")
    else:
        print(write_ico())
    return 0


if __name__ == "__main__":
    sys.exit(main())
