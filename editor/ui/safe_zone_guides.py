"""The safe-zone guides drawn over the video: what a phone feed's interface covers (red) and the band of burned-in
source subtitles (yellow), as a transparent image at the picture's size that libvlc lays over the video."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from editor.core.cache_dir import user_cache_dir
from editor.core.safe_zones import SafeZones

COVERED = QColor(255, 40, 40, 90)
COVERED_EDGE = QColor(255, 80, 80, 220)
BAND_EDGE = QColor(255, 210, 0, 230)


def guides_image(width: int, height: int, zones: SafeZones, band: tuple[int, int, int, int] | None) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(max(10, height // 60))
    painter.setFont(font)
    translate = QCoreApplication.translate
    for x, y, w, h in zones.covered(width, height):
        painter.fillRect(QRect(x, y, w, h), COVERED)
        painter.setPen(QPen(COVERED_EDGE, max(1, height // 640)))
        painter.drawRect(QRect(x, y, w - 1, h - 1))
    painter.setPen(COVERED_EDGE)
    z = zones.scaled(width, height)
    painter.drawText(QRect(0, height - z.bottom, width - z.right, z.bottom), Qt.AlignmentFlag.AlignCenter,
                     translate("SafeZones", "covered by the %1 interface").replace("%1", zones.name))
    if band is not None:
        x, y, w, h = band
        painter.setPen(QPen(BAND_EDGE, max(2, height // 480), Qt.PenStyle.DashLine))
        painter.drawRect(QRect(x, y, w - 1, h - 1))
        painter.drawText(QRect(x, y - font.pixelSize() * 2, w, font.pixelSize() * 2),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                         translate("SafeZones", "burned-in source subtitles"))
    painter.end()
    return image


def guides_file(width: int, height: int, zones: SafeZones, band: tuple[int, int, int, int] | None) -> str | None:
    """The guides as a PNG in the user cache (one per size, profile and band), made when missing; None when it
    cannot be written."""
    key = f"{width}x{height}-{zones.name}-{zones.top}-{zones.bottom}-{zones.left}-{zones.right}"
    key += "-" + ("-".join(map(str, band)) if band else "noband")
    path = Path(user_cache_dir()) / "guides" / f"{key}.png"
    if not path.is_file():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        if not guides_image(width, height, zones, band).save(str(path)):
            return None
    return str(path)
