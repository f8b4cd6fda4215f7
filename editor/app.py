"""Composition root: the `subreview` entry point. Commands run headless; the window is built here too."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from editor.core import cli
from editor.services import mt_commands

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEMO_SUBTITLES = RESOURCES / "samples" / "demo.zh-Hans.srt"


def cmd_demo(args: argparse.Namespace) -> int:
    """Show the bundled demo. Until the review window lands (issue 4) this describes the demo subtitles."""
    print("SubReview demo: the review window is not built yet; here is the bundled demo subtitle file.")
    return cli.cmd_info(argparse.Namespace(file=str(DEMO_SUBTITLES), json=False))


def _add_app_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="Open the bundled demo.", description="Open the bundled demo.")
    p.set_defaults(func=cmd_demo)
    mt_commands.add_commands(sub)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")  # a non-UTF-8 terminal must not crash a command
    parser = cli.build_parser(_add_app_commands)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return cli.EXIT_OK
    return cli.run(args)
