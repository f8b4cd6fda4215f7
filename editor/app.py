"""Composition root: the `subreview` entry point. Commands run headless; the window is built here too."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from editor.core import cli
from editor.core.ocr import commands as ocr_commands
from editor.core.series import commands as series_commands
from editor.core.server import commands as server_commands
from editor.services import mt_commands, series_mt


def cmd_demo(args: argparse.Namespace) -> int:
    """Open the window on the bundled demo project (made in the user's data folder on first use)."""
    from editor import gui

    return gui.run(None, demo=True, reset_demo=args.reset)


def cmd_open(args: argparse.Namespace) -> int:
    from editor import gui
    from editor.core.server import is_server_url

    if len(args.files) == 1 and is_server_url(args.files[0]):  # a series on a server: never a Path ("//" folds)
        return gui.run(args.files[0], episode=args.episode, lang=args.lang)
    files = [Path(f) for f in args.files]
    for f in files:
        cli._existing_file(str(f), "file")
    options = gui.NewProjectOptions(args.source_lang, args.target_lang, args.encoding, args.fps)
    if len(files) == 1:
        return gui.run(files[0], options=options, episode=args.episode, lang=args.lang)
    video, subs = sorted(files, key=lambda p: p.suffix.lower() in (".srt", ".vtt", ".ass", ".ssa"))
    return gui.run((video, subs), options=options)


def _add_app_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="Open the bundled demo in the review window.",
                       description="Open the bundled demo (video, Chinese subtitles, demo model) in the window.")
    p.add_argument("--reset", action="store_true", help="start the demo project afresh")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("open", help="Open a project, or a video with its source subtitles, in the window.",
                       description="subreview open PROJECT.subrev  |  subreview open VIDEO SUBS.srt  |  "
                       "subreview open SERIES.subseries [--episode E] [--lang L]")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--source-lang", help="for a new project: the source language (asked when not given)")
    p.add_argument("--target-lang", help="for a new project: the target language (asked when not given)")
    p.add_argument("--encoding", help="for a new project: the subtitles' text encoding (default: detected)")
    p.add_argument("--fps", type=cli._positive_float, help="for a new project: the frame rate (default: read "
                   "from the video)")
    p.add_argument("--episode", help="for a series: the episode to show (name or number; default: the first "
                   "with lines needing a decision)")
    p.add_argument("--lang", help="for a series: the target language to show (default: its first)")
    p.set_defaults(func=cmd_open)
    mt_commands.add_commands(sub)
    ocr_commands.add_commands(sub)
    server_commands.add_commands(sub)
    series_commands.add_commands(sub, series_mt.add_pretranslate)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")  # a non-UTF-8 terminal must not crash a command
    parser = cli.build_parser(_add_app_commands)
    args = parser.parse_args(argv)
    if args.command is None:
        from editor import gui

        return gui.run(None)
    if args.command == "open" and not 1 <= len(args.files) <= 2:
        print("error: open takes a project, or a video and its subtitles", file=sys.stderr)
        return cli.EXIT_BAD_INPUT
    return cli.run(args)
