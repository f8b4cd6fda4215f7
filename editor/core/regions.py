"""A rectangle of a video's picture as a person writes it and a project stores it: "X,Y,W,H" in the video's pixels
(the burned-in band, a region to read or to cover)."""

from __future__ import annotations

Region = tuple[int, int, int, int]  # x, y, width, height in the video's pixels


def region_text(region: Region) -> str:
    """"X,Y,W,H"."""
    return ",".join(str(int(v)) for v in region)


def parse_region_text(text: str) -> Region | None:
    """"X,Y,W,H" (whole numbers, spaces allowed) as a region; None for anything else."""
    try:
        x, y, w, h = (int(part.strip()) for part in text.split(","))
    except ValueError:
        return None
    return x, y, w, h
