"""`subreview series ...`: the parser. Each command's work is in `command_runs`, imported when a command runs:
every start of the window builds this parser, and the series' modules cost ~20 ms it does not need (decision 028)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from editor.core import cli


def _run(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from editor.core.series import command_runs

        command: Callable[[argparse.Namespace], int] = getattr(command_runs, name)
        return command(args)
    return run


DELIVERY_HELP = ("Deliver every episode × language to OUTDIR/LANG/EPISODE.srt (or vtt/ass) with report.html and "
                 "report.json; an episode with lines needing a decision is not exported. With --render, an MP4 with "
                 "the translation burned in beside each file delivered (OUTDIR/LANG/EPISODE.mp4).")


def _delivery_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("series")
    p.add_argument("outdir")
    p.add_argument("--lang", help="only this target language (default: every language)")
    p.add_argument("--format", choices=("srt", "vtt", "ass"), default="srt")
    p.add_argument("--allow-unreviewed", action="store_true",
                   help="export episodes whose lines still need a decision (marked as forced in the report)")
    p.add_argument("--bom", action="store_true", help="write a UTF-8 byte order mark")
    p.add_argument("--crlf", action="store_true", help="write Windows line endings")
    p.add_argument("--render", action="store_true",
                   help="also render each delivered episode's video with its translation burned in (FFmpeg; "
                   "minutes per episode); an episode without a video is named in the report")
    p.add_argument("--cover-source", action="store_true",
                   help="with --render: cover the Chinese subtitles burned into the picture (the band found when "
                   "the episode's source was read from the picture; an episode with no known band gets no video)")
    p.add_argument("--cover-style", choices=("box", "blur"),
                   help="with --cover-source: how to cover the band (default: box)")


def add_commands(sub: argparse._SubParsersAction,
                 more: Callable[[cli.Adder], None] | None = None) -> None:
    """The `series` command and its subcommands; `more` may add subcommands from other layers (pretranslate)."""
    top = sub.add_parser("series", help="Work on a series: episodes × target languages in one file.",
                         description="A series: its episodes (video + source subtitles), target languages, bible "
                         "and memory in one SERIES.subseries file.")
    top.set_defaults(func=lambda _args: (top.print_help(), cli.EXIT_OK)[1])
    add = cli.command_adder(top.add_subparsers(dest="series_command", metavar="SUBCOMMAND", parser_class=cli._Parser))

    p = add("new", _run("cmd_new"),
            "Create a series from a vendor's folder of episodes (each video paired with its "
            "subtitles by name and episode number).", writes=True)
    p.add_argument("series", help="the new SERIES.subseries (must not exist)")
    p.add_argument("--episodes", required=True, metavar="DIR", help="folder of videos and source subtitles")
    p.add_argument("--source-lang", default="zh-Hans", help="language of the source subtitles (zh-Hans)")
    p.add_argument("--target-lang", action="append", metavar="LANG",
                   help="a target language; repeat for several (default: en)")
    p.add_argument("--encoding", help="the subtitles' text encoding (default: detected per file)")
    p.add_argument("--source-from-picture", action="store_true",
                   help="a video with no subtitles becomes an episode whose source is read from the Chinese "
                   "subtitles burned into its picture (offline OCR, about a quarter of the video's length each); "
                   "each line waits for a person's source check. Stopped, a new run goes on where it stopped")

    p = add("add", _run("cmd_add"),
            "Add episodes (videos and their subtitles) to a series.", writes=True)
    p.add_argument("series")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--encoding", help="the subtitles' text encoding (default: detected per file)")

    p = add("update-source", _run("cmd_update_source"),
            "Replace an episode's source with a revised subtitle file (a re-cut):"
            " lines are matched by time and text; unchanged lines keep their work, changed ones become stale.",
            writes=True)
    p.add_argument("series")
    p.add_argument("episode", help="the episode's name (EP02) or number")
    p.add_argument("file")
    p.add_argument("--encoding", help="the file's text encoding (default: detected)")

    p = add("language", _run("cmd_language"),
            "List the series' target languages with their QA profile and model, add "
            "one, or set a language's QA profile or model.", writes=True)
    p.add_argument("series")
    p.add_argument("lang", nargs="?", help="a target language (e.g. es-419)")
    p.add_argument("--add", action="store_true", help="add LANG to the series")
    p.add_argument("--profile", help="the QA profile for LANG (a name or a .toml file)")
    p.add_argument("--model", help="the registered model for LANG (default: the newest installed one covering it)")

    p = add("push", _run("cmd_push"), "Move a series file onto a PostgreSQL server prepared with `subreview server "
            "init` (its history included); afterwards every series command and `subreview open` take the URL.")
    p.add_argument("series")
    p.add_argument("url", help="postgresql://ADMIN@HOST/DATABASE (the password from ~/.pgpass, a service file or "
                   "PGPASSWORD, never the command line)")
    p = add("pull", _run("cmd_pull"), "A local copy of a series on a PostgreSQL server (a new file).")
    p.add_argument("url")
    p.add_argument("series", help="the new SERIES.subseries (must not exist)")

    p = add("assign", _run("cmd_assign"), "On a series server: who translates and who reviews an episode × language "
            "(a manager's; shown by `series status`).")
    p.add_argument("series", help="the series' URL")
    p.add_argument("episode")
    p.add_argument("lang")
    p.add_argument("--translator", help="the translator's login")
    p.add_argument("--reviewer", help="the reviewer's login")

    p = add("status", _run("cmd_status"),
            "Progress per episode and language.")
    p.add_argument("series")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("import-target", _run("cmd_import_target"),
            "Import an existing translation of one episode, aligned by "
            "time; lines arrive as drafts to review.", writes=True)
    p.add_argument("series")
    p.add_argument("episode", help="the episode's name (EP02) or number")
    p.add_argument("lang", help="the target language")
    p.add_argument("file")
    p.add_argument("--as-translated", action="store_true",
                   help="the file is a person's translation: its lines arrive as that person's text (edited)")
    p.add_argument("--encoding", help="the file's text encoding (default: detected)")

    p = add("glossary", _run("cmd_glossary"),
            "Replace the terms of the series bible with a CSV file (columns "
            "source,target[,forbidden][,note]).", writes=True)
    p.add_argument("series")
    p.add_argument("file")
    p.add_argument("--lang", help="only this target language (default: every language of the series)")

    p = add("find", _run("cmd_find"),
            "Find text in the translations of every episode (or replace it: each line "
            "changed becomes edited, to be confirmed).", writes=True)
    p.add_argument("series")
    p.add_argument("text")
    p.add_argument("--replace", metavar="NEW", help="replace every match with NEW (with --regex, \\1 is a group)")
    p.add_argument("--regex", action="store_true", help="TEXT is a regular expression")
    p.add_argument("--case-sensitive", action="store_true")
    p.add_argument("--lang", help="only this target language (default: every language)")
    p.add_argument("--source", action="store_true", help="find in the source lines instead (not with --replace)")

    p = add("memory", _run("cmd_memory"),
            "Look a source line up in the memory of every person's decision in the series "
            "(exact matches first, then near ones with their similarity).")
    p.add_argument("series")
    p.add_argument("text", help="the source line")
    p.add_argument("--lang", required=True, help="the target language")
    p.add_argument("--limit", type=int, default=5)
    p.add_argument("--min-score", type=float, default=0.7, help="the lowest similarity shown (0-1, default 0.7)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("qa", _run("cmd_qa"),
            "Check the series: the same source line decided differently in different episodes, "
            "bible names and terms rendered otherwise, and every episode's QA.")
    p.add_argument("series")
    p.add_argument("--lang", help="only this target language")
    p.add_argument("--json", action="store_true", help="print JSON (every episode and line of each issue)")

    p = add("queue", _run("cmd_queue"),
            "The lines awaiting a person, riskiest first (low confidence, QA errors, bible "
            "problems, fuzzy memory, changed or stale lines). It orders the work; no line is left out.")
    p.add_argument("series")
    p.add_argument("--lang", help="only this target language")
    p.add_argument("--limit", type=int, default=0, help="show only the N riskiest")
    p.add_argument("--json", action="store_true", help="print JSON")

    _delivery_arguments(add("export", _run("cmd_export"), DELIVERY_HELP, writes=True))
    p = add("deliver", _run("cmd_export"), "The same as export (the window's Series > Deliver Series).", writes=True)
    p.description = DELIVERY_HELP
    _delivery_arguments(p)

    p = add("export-project", _run("cmd_export_project"),
            "Write one episode × language as a standalone .subrev project.",
            writes=True)
    p.add_argument("series")
    p.add_argument("episode")
    p.add_argument("lang")
    p.add_argument("out", help="the new PROJECT.subrev")

    p = add("import-project", _run("cmd_import_project"),
            "Add a standalone .subrev project to the series as an episode "
            "with its translation.", writes=True)
    p.add_argument("series")
    p.add_argument("project")
    p.add_argument("--episode", help="the episode's name (default: the project file's name)")
    if more is not None:
        more(add)
