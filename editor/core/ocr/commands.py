"""`subreview ocr VIDEO -o OUT.srt`: read the Chinese subtitles burned into a video into a source subtitle file.

The parser is built at every start; the reading's modules (numpy, onnxruntime, the models) load when it runs.
Exit codes: 0 lines were written; 2 a bad input (a video that cannot be read, a region outside the picture) or a
video with no burned-in text, for which nothing is written: a script must not go on to make a project from an
empty source (decision 030).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core import cli

if TYPE_CHECKING:
    from editor.core.ocr.model import OcrResult

WEAKEST_SHOWN = 5


def add_commands(sub: argparse._SubParsersAction) -> None:
    add = cli.command_adder(sub)
    p = add("ocr", run_ocr, "Read the Chinese subtitles burned into a video's picture into a source subtitle file "
            "(offline OCR); each line keeps its recognition confidence (shown with --json).")
    p.add_argument("video")
    p.add_argument("-o", "--output", required=True, metavar="OUT.srt",
                   help="the subtitle file to write (.srt; .vtt and .ass work too)")
    p.add_argument("--lang", choices=("zh-Hans", "zh-Hant"), default="zh-Hans",
                   help="the burned-in text's script (default zh-Hans)")
    p.add_argument("--region", default="auto", metavar="auto|X,Y,W,H",
                   help="where the subtitles are, in the video's pixels (default: found by itself)")
    p.add_argument("--json", action="store_true", help="print the lines with their confidence as JSON")


def parse_region(text: str) -> tuple[int, int, int, int] | None:
    """"auto" -> None; "X,Y,W,H" -> the four numbers; anything else -> OcrError (bad_region)."""
    from editor.core.ocr import model
    from editor.core.regions import parse_region_text

    if text.strip().lower() == "auto":
        return None
    parts = [part.strip() for part in text.split(",")]
    region = parse_region_text(text) if len(parts) == 4 and all(part.isdigit() for part in parts) else None
    if region is None:  # ("²" is a digit to isdigit, but no number)
        raise model.OcrError("bad_region", template=model.BAD_REGION, text=text)
    return region


def run_ocr(args: argparse.Namespace) -> int:
    from editor.core.formats import SubtitleError, format_from_name, write_subtitles
    from editor.core.ocr import OcrError, read_burned_in

    if format_from_name(args.output) is None:
        raise cli.CliError(f"cannot write {args.output}: use a .srt, .vtt, .ass or .ssa name")
    try:
        result = read_burned_in(args.video, lang=args.lang, region=parse_region(args.region),
                                progress=progress_printer() if not args.json else None)
    except OcrError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return cli.EXIT_BAD_INPUT
    if args.json:
        cli._print_json(_json(result, args.output if result.cues else None))
    for note in result.notes:
        print(f"note: {note.message}", file=sys.stderr)
    if not result.cues:
        print(f"error: nothing was written to {args.output}: no line was read from {Path(args.video).name}.",
              file=sys.stderr)
        return cli.EXIT_BAD_INPUT
    try:
        write_subtitles(args.output, [(c.start_ms, c.end_ms, c.text) for c in result.cues])
    except SubtitleError as error:
        print(f"error: {error}", file=sys.stderr)
        return cli.EXIT_BAD_INPUT
    if not args.json:
        _print_summary(result, args.output)
    return cli.EXIT_OK


def progress_printer() -> Callable[[float], None] | None:
    """Print the percentage done to stderr on a terminal, every 5 %."""
    if not sys.stderr.isatty():
        return None
    shown = [-1]

    def show(fraction: float) -> None:
        percent = int(fraction * 20) * 5
        if percent != shown[0]:
            shown[0] = percent
            print(f"\rreading the picture: {percent} %", end="" if percent < 100 else "\n", file=sys.stderr,
                  flush=True)
    return show


def _print_summary(result: OcrResult, output: str) -> None:
    from editor.core.timecode import format_clock

    band = "not found" if result.band is None else "x={} y={} w={} h={}".format(*result.band)
    print(f"wrote {output}: {len(result.cues)} lines read from {result.frames_read} frames; subtitle band {band}")
    print("lowest confidence (check these first in the source check):")
    for cue in result.weakest(WEAKEST_SHOWN):
        moving = " (moving text)" if cue.moving else ""
        print(f"  {cue.confidence:.2f}  {format_clock(cue.start_ms)}  {cue.text.replace(chr(10), ' / ')}{moving}")


def _json(result: OcrResult, output: str | None) -> dict[str, object]:
    return {"output": output, "band": list(result.band) if result.band else None,
            "frames_read": result.frames_read, "fps": result.fps, "cancelled": result.cancelled,
            "notes": [{"code": n.code, "message": n.message} for n in result.notes],
            "cues": [{"start_ms": c.start_ms, "end_ms": c.end_ms, "text": c.text, "confidence": c.confidence,
                      "moving": c.moving} for c in result.cues]}
