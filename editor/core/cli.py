"""The `subreview` command line: every command works without a screen and without Qt."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from editor import __version__

if TYPE_CHECKING:
    from editor.core import qa
    from editor.core.formats import Problem
    from editor.core.glossary import GlossaryTerm
    from editor.core.store import Project

# Every start (a command, the window) builds the parser; the modules a command needs are imported when it runs, so
# `subreview series status` or the window do not pay for the others' imports (~110 ms; bench series, decision 029).
EXIT_OK, EXIT_CHECKS_FAILED, EXIT_BAD_INPUT, EXIT_REFUSED = 0, 1, 2, 3
DEFAULT_FPS = 24.0


class CliError(Exception):
    """A user's mistake: printed as one `error:` line, exit code 2."""


def reported_errors() -> tuple[type[Exception], ...]:
    """The exceptions that are a user's mistake (a broken file, a refused action...), not a bug."""
    from editor.core import qa
    from editor.core.formats import SubtitleError
    from editor.core.glossary import GlossaryError
    from editor.core.mt.engine import EngineError
    from editor.core.mt.registry import RegistryError
    from editor.core.review import TransitionError
    from editor.core.store import ProjectError
    from editor.core.user_error import UserError

    return (CliError, UserError, SubtitleError, ProjectError, TransitionError, qa.QAProfileError, GlossaryError,
            EngineError, RegistryError, OSError, ValueError)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"error: {message} (see '{self.prog} --help')\n")


def reviewer_name(explicit: str | None) -> str:
    """Who is acting: --reviewer, else $SUBREVIEW_REVIEWER, else the login name."""
    if explicit:
        return explicit
    env = os.environ.get("SUBREVIEW_REVIEWER")
    if env:
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _existing_file(path: str, what: str) -> Path:
    p = Path(path)
    if not p.exists():
        raise CliError(f"{what} {path}: no such file")
    if p.is_dir():
        raise CliError(f"{what} {path} is a folder, not a file")
    return p


# --- commands -----------------------------------------------------------------------------------------
def problem_line(problem: Problem) -> str:
    """A reading problem as one line: "line 17: ..." (the message itself never names the line)."""
    return f"line {problem.line}: {problem.message}"


def cmd_info(args: argparse.Namespace) -> int:
    from editor.core.formats import read_subtitles

    sub = read_subtitles(_existing_file(args.file, "subtitle file"), encoding=args.encoding,
                         language=args.source_lang)
    if args.json:
        _print_json({
            "path": str(Path(args.file).resolve()), "format": sub.format, "encoding": sub.encoding,
            "cues": [{"start_ms": c.start_ms, "end_ms": c.end_ms, "text": c.text} for c in sub.cues],
            "problems": [{"line": p.line, "code": p.code, "message": p.message} for p in sub.problems],
        })
        return EXIT_OK
    print(f"{args.file}: {sub.format}, {sub.encoding}, {len(sub.cues)} cues")
    if sub.cues:
        last = max(c.end_ms for c in sub.cues)
        print(f"duration: {last / 1000:.3f} s")
    for p in sub.problems:
        print(f"  {problem_line(p)}")
    return EXIT_OK


def frame_rate_for(video: str | None, given: float | None) -> tuple[float, str]:
    """The frame rate for a new project: given, else read from the video, else 24; and a note for the user
    when it could not be read."""
    if given is not None:
        return given, ""
    if not video:
        return DEFAULT_FPS, ""
    # On use: with subprocess it costs ~7 ms at each start of the window (bench apps, decision 021).
    from editor.core.media_info import MediaInfoError, probe_video

    try:
        info = probe_video(video)
    except MediaInfoError as exc:
        return DEFAULT_FPS, f"the frame rate of {video} could not be read ({exc}); using {DEFAULT_FPS:g} fps (--fps)"
    if info.fps is None:
        return DEFAULT_FPS, f"{video} has no video frame rate; using {DEFAULT_FPS:g} fps (--fps)"
    return info.fps, ""


def cmd_new(args: argparse.Namespace) -> int:
    from editor.core import workflows

    if args.source_from_picture:
        return _new_from_picture(args)
    if not args.source:
        raise CliError("give the source subtitles with --source FILE, or read them from the video's picture with "
                       "--video VIDEO --source-from-picture")
    _existing_file(args.source, "subtitle file")
    if args.video:
        _existing_file(args.video, "video")
    fps, note = frame_rate_for(args.video, args.fps)
    project, sub = workflows.create_project(
        args.project, args.source, actor=reviewer_name(args.reviewer), video=args.video or "",
        source_lang=args.source_lang, target_lang=args.target_lang, fps=fps, qa_profile=args.profile or "",
        encoding=args.encoding)
    with project:
        print(f"created {args.project}: {len(project.doc)} cues from {args.source} ({sub.format}, {sub.encoding}), "
              f"{fps:g} fps")
        if note:
            print(f"  note: {note}", file=sys.stderr)
        for p in sub.problems:
            print(f"  warning: {problem_line(p)}", file=sys.stderr)
    return EXIT_OK


def _new_from_picture(args: argparse.Namespace) -> int:
    """`new --video V --source-from-picture`: a project whose source lines are read from the picture."""
    from editor.core import workflows
    from editor.core.ocr import OcrError, read_burned_in
    from editor.core.ocr.commands import parse_region, progress_printer
    from editor.core.ocr.model import script_for

    if args.source:
        raise CliError("give either --source or --source-from-picture, not both")
    if not args.video:
        raise CliError("--source-from-picture needs the video: --video VIDEO")
    if Path(args.project).exists():
        raise CliError(f"{args.project} already exists; choose another name or remove it first")
    try:
        result = read_burned_in(args.video, lang=script_for(args.source_lang),
                                region=parse_region(args.region), progress=progress_printer())
    except OcrError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for note in result.notes:
        print(f"note: {note.message}", file=sys.stderr)
    if not result.cues:
        print(f"error: no project was made: no line was read from {Path(args.video).name}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    with workflows.create_project_from_picture(
            args.project, args.video, result, actor=reviewer_name(args.reviewer), source_lang=args.source_lang,
            target_lang=args.target_lang, qa_profile=args.profile or "") as project:
        print(f"created {args.project}: {len(project.doc)} lines read from the picture of {args.video}, "
              f"{result.fps:g} fps; check the source lines first (lowest confidence first) in the window's Source "
              "Check")
    return EXIT_OK


def _open(path: str, *, read_only: bool = False) -> Project:
    """Commands that only read open read-only, so they work while the project is open in a window."""
    from editor.core.store import Project

    return Project.open(_existing_file(path, "project"), read_only=read_only)


def cmd_import_target(args: argparse.Namespace) -> int:
    from editor.core import workflows

    _existing_file(args.file, "subtitle file")
    with _open(args.project) as project:
        report = workflows.import_target(project, args.file, actor=reviewer_name(args.reviewer),
                                         as_translated=args.as_translated, encoding=args.encoding)
    kind = "lines of a person's translation, to confirm" if args.as_translated else "drafts to review"
    print(f"imported {report.imported} {kind} from {args.file}")
    if report.kept_decided:
        print(f"kept {len(report.kept_decided)} lines a person had already decided")
    if report.merged:
        print(f"{len(report.merged)} cues received more than one target cue (joined): "
              + ", ".join(map(str, report.merged[:20])))
    for c in report.unaligned:
        print(f"not aligned: line {c.line} {c.start_ms}-{c.end_ms} ms: {c.text!r}")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from editor.core import source_check, workflows

    with _open(args.project, read_only=True) as project:
        counts = workflows.state_counts(project.doc)
        total = len(project.doc)
        pending = len(workflows.undecided(project.doc))
        picture = source_check.progress(project.doc)
    if args.json:
        data: dict[str, object] = {"cues": total, "states": counts, "needs_decision": pending}
        if picture.read:
            data["source_check"] = {"read_from_picture": picture.read, "checked": picture.checked}
        _print_json(data)
    else:
        print(f"{total} cues, {pending} need a decision")
        for state, n in counts.items():
            print(f"  {state:<13}{n}")
        if picture.read:
            print(f"{picture.read} source lines read from the picture, {picture.checked} checked by a person")
    return EXIT_OK


def project_glossary(project: Project) -> list[GlossaryTerm]:
    from editor.core.glossary import GlossaryTerm

    return [GlossaryTerm(s, t, tuple(x for x in f.split("|") if x), n, c) for s, t, f, n, c in project.glossary_rows()]


def project_qa_context(project: Project, picture: tuple[int, int] | None = None,
                       glossary: list[GlossaryTerm] | None = None) -> qa.QAContext:
    """The QA context of a project: its frame rate, languages, glossary (read from the project unless given),
    markup and burned-in band, and the size of its video's `picture` when known (the caller probes it: the
    placement rules need it)."""
    from editor.core import qa
    from editor.core.render import stored_band

    return qa.QAContext(fps=project.meta.fps, source_lang=project.meta.source_lang,
                        target_lang=project.meta.target_lang,
                        glossary=project_glossary(project) if glossary is None else glossary,
                        picture=picture, band=stored_band(project),
                        source_format=project.meta.source_format or "srt")


def video_picture(video: str) -> tuple[tuple[int, int] | None, str]:
    """A video's picture size for the placement rules, and a note for the user when it could not be read
    ("" when there is no video or it was read)."""
    if not video:
        return None, ""
    from editor.core.media_info import MediaInfoError, probe_video

    try:
        info = probe_video(video)
    except MediaInfoError as exc:
        return None, f"where lines are drawn is not checked: {exc}"
    if not info.width or not info.height:
        return None, f"where lines are drawn is not checked: {Path(video).name} has no picture"
    return (info.width, info.height), ""


def project_profile(project: Project, override: str | None) -> qa.QAProfile:
    from editor.core import qa

    name = override or project.meta.qa_profile or project.meta.target_lang
    return qa.find_profile(name, [project.path.parent])


def cmd_qa(args: argparse.Namespace) -> int:
    from editor.core import qa

    with _open(args.project, read_only=True) as project:
        profile = project_profile(project, args.profile)
        picture, note = video_picture(project.meta.video_path)
        if note:
            print(f"warning: {note}", file=sys.stderr)
        issues = qa.run_qa(project.doc, profile, project_qa_context(project, picture))
        numbers = {c.id: i for i, c in enumerate(project.doc, start=1)}
    if args.json:
        _print_json({"profile": profile.name, "issues": [
            {"rule": i.rule, "cue": i.cue_id, "number": numbers.get(i.cue_id), "severity": i.severity,
             "params": i.params, "message": qa.format_issue(i, numbers.get)} for i in issues]})
    else:
        for i in issues:
            print(f"#{numbers.get(i.cue_id)} [{i.severity}] {i.rule}: {qa.format_issue(i, numbers.get)}")
        print(f"{len(issues)} issues (profile {profile.name})")
    return EXIT_CHECKS_FAILED if _fails(issues, args.fail_on) else EXIT_OK


_FAIL_LEVELS = {"error": ("error",), "warning": ("error", "warning"), "info": ("error", "warning", "info")}


def _fails(issues: Sequence[qa.QAIssue], fail_on: str) -> bool:
    """Whether an issue is at least as severe as --fail-on (scripts and CI stop on exit code 1)."""
    levels = _FAIL_LEVELS.get(fail_on, ())
    return any(i.severity in levels for i in issues)


def cmd_glossary(args: argparse.Namespace) -> int:
    from editor.core.glossary import load_glossary_csv

    with _open(args.project, read_only=args.file is None) as project:
        if args.file is None:
            for term in project_glossary(project):
                banned = f"  (not: {', '.join(term.forbidden)})" if term.forbidden else ""
                print(f"{term.source or '*'} -> {term.target}{banned}")
            return EXIT_OK
        terms = load_glossary_csv(_existing_file(args.file, "glossary"))
        rows = [(t.source, t.target, "|".join(t.forbidden), t.note, t.case_sensitive) for t in terms]
        project.replace_glossary(rows, actor=reviewer_name(args.reviewer))
    print(f"glossary of {args.project}: {len(rows)} terms from {args.file}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from editor.core import workflows

    workflows.export_format(args.out)
    with _open(args.project) as project:
        try:
            result = workflows.export_project(project, args.out, actor=reviewer_name(args.reviewer),
                                              allow_unreviewed=args.allow_unreviewed, bom=args.bom, crlf=args.crlf)
        except workflows.ExportRefused as refused:
            print(f"error: not exported: {refused}; review them or pass --allow-unreviewed", file=sys.stderr)
            return EXIT_REFUSED
    print(f"exported {result.written} cues to {args.out}")
    if result.unreviewed:
        print(f"  warning: {len(result.unreviewed)} lines written without a decision: "
              f"{line_list(result.unreviewed)}", file=sys.stderr)
    if result.left_out:
        print(f"  warning: {len(result.left_out)} lines have no translation and were left out: "
              f"{line_list(result.left_out)}", file=sys.stderr)
    for message in result.dropped_messages():
        print(f"  warning: {message}", file=sys.stderr)
    return EXIT_OK


def _region(text: str) -> tuple[int, int, int, int]:
    from editor.core.regions import parse_region_text

    region = parse_region_text(text)
    if region is None:
        raise argparse.ArgumentTypeError(f"not a region X,Y,W,H in pixels: {text!r}")
    return region


def cmd_render(args: argparse.Namespace) -> int:
    from editor.core.render import profile_style, render_project, stored_band
    from editor.core.workflows import ExportRefused

    path = _existing_file(args.file, "project or series")
    if Path(args.out).suffix.lower() not in (".mp4", ".mkv", ".mov"):
        raise CliError(f"{args.out}: the render is a video; name it .mp4, .mkv or .mov")
    with _open_episode(path, args.episode, args.lang) as project:
        cover = args.cover_region
        if args.cover_source and cover is None:
            cover = stored_band(project)
            if cover is None:
                raise CliError("no burned-in subtitle band is known for this video; give --cover-region X,Y,W,H "
                               "(or read the source from the picture first)")
        style = profile_style(project_profile(project, args.profile))  # the client's delivery style
        from editor.core.terminal_progress import TerminalProgress

        bar = TerminalProgress("rendering")
        try:
            result = render_project(project, args.out, actor=reviewer_name(args.reviewer),
                                    allow_unreviewed=args.allow_unreviewed, cover=cover,
                                    cover_style=args.cover_style, style=style, progress=bar.update)
        except ExportRefused as refused:
            print(f"error: not rendered: {refused}; review them or pass --allow-unreviewed", file=sys.stderr)
            return EXIT_REFUSED
        finally:
            bar.close()
    print(f"rendered {result.lines} lines into {args.out} in {result.seconds:.1f} s"
          + (f", the source band {','.join(map(str, cover))} covered ({args.cover_style})" if cover else ""))
    return EXIT_OK


@contextlib.contextmanager
def _open_episode(path: Path, episode: str | None, lang: str | None) -> Iterator[Project]:
    """A project file, or an episode × language of a series file (`--episode`, `--lang`: default its first)."""
    from editor.core.series.store import is_series_file

    if not is_series_file(path):
        if episode:
            raise CliError(f"{path.name} is a project, not a series: --episode is for a series")
        with _open(str(path)) as project:
            yield project
        return
    if not episode:
        raise CliError(f"{path.name} is a series: say which episode with --episode")
    from editor.core.series.episode import EpisodeProject
    from editor.core.series.store import Series

    with Series.open(path) as series:
        yield EpisodeProject.of(series, episode, lang or series.languages()[0].code)


def line_list(numbers: Sequence[int], limit: int = 30) -> str:
    """Line numbers for a message: "3, 7, 12" (and how many more past `limit`)."""
    shown = ", ".join(map(str, numbers[:limit]))
    return shown + (f" and {len(numbers) - limit} more" if len(numbers) > limit else "")


# --- parser -------------------------------------------------------------------------------------------
Adder = Callable[..., argparse.ArgumentParser]


def command_adder(sub: argparse._SubParsersAction) -> Adder:
    """`add(name, func, help, writes=False)`: a command whose help is its description; one that writes takes
    --reviewer."""
    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str, *,
            writes: bool = False) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        if writes:
            p.add_argument("--reviewer", help="name recorded with every action (default: $SUBREVIEW_REVIEWER "
                           "or your login name)")
        return p

    return add


def build_parser(extra: Callable[[argparse._SubParsersAction], None] | None = None) -> argparse.ArgumentParser:
    parser = _Parser(prog="subreview", description="Review and edit subtitles with machine translation "
                     "kept under human control.")
    parser.add_argument("--version", action="version", version=f"SubReview {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    add = command_adder(sub)

    p = add("info", cmd_info, "Read a subtitle file and describe it (format, encoding, cues, problems).")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print JSON")
    _encoding_options(p)

    p = add("new", cmd_new, "Create a project from a source subtitle file.", writes=True)
    p.add_argument("project", help="the new PROJECT.subrev (must not exist)")
    p.add_argument("--source", help="source subtitle file (.srt, .vtt, .ass, .ssa)")
    p.add_argument("--video", help="the video the subtitles belong to")
    p.add_argument("--source-from-picture", action="store_true",
                   help="no subtitle file: read the source from the Chinese subtitles burned into --video (offline "
                   "OCR); each line keeps its confidence and waits for a person's source check")
    p.add_argument("--region", default="auto", metavar="auto|X,Y,W,H",
                   help="with --source-from-picture: where the subtitles are, in the video's pixels (default: found "
                   "by itself)")
    p.add_argument("--source-lang", default="zh-Hans", help="language of the source subtitles (zh-Hans)")
    p.add_argument("--target-lang", default="en")
    p.add_argument("--fps", type=_positive_float, default=None,
                   help="frame rate for frame-based QA (default: read from --video, else 24)")
    p.add_argument("--profile", help="QA profile name or .toml path (default: by target language)")
    p.add_argument("--encoding", help="the source file's text encoding, e.g. gb18030, big5, utf-16 (default: "
                   "detected, preferring those of --source-lang)")

    p = add("import-target", cmd_import_target, "Import an existing translation, aligned to the source cues "
            "by time; lines arrive as drafts to review.", writes=True)
    p.add_argument("project")
    p.add_argument("file")
    p.add_argument("--as-translated", action="store_true",
                   help="the file is a person's translation: its lines arrive as that person's text (edited), "
                   "not machine drafts; each still needs a decision")
    p.add_argument("--encoding", help="the file's text encoding (default: detected)")

    p = add("stats", cmd_stats, "Count cues per review state.")
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("qa", cmd_qa, "Run the QA checks.")
    p.add_argument("project")
    p.add_argument("--profile", help="QA profile name or .toml path")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default="never",
                   help="exit with code 1 when an issue of this severity or worse is found (for scripts)")

    p = add("glossary", cmd_glossary, "Show the project's glossary, or replace it with a CSV file "
            "(columns source,target[,forbidden][,note]).", writes=True)
    p.add_argument("project")
    p.add_argument("file", nargs="?", help="glossary CSV to import (replaces the current glossary)")

    p = add("export", cmd_export, "Write the reviewed target text to a subtitle file.", writes=True)
    p.add_argument("project")
    p.add_argument("out", help="OUT.srt, .vtt, .ass or .ssa")
    p.add_argument("--allow-unreviewed", action="store_true",
                   help="export even when lines still need a decision")
    p.add_argument("--bom", action="store_true", help="write a UTF-8 byte order mark")
    p.add_argument("--crlf", action="store_true", help="write Windows line endings")
    p = add("render", cmd_render, "Render the video with the translation burned in (libass through FFmpeg), "
            "optionally covering the burned-in source subtitles; refused while lines need a decision.", writes=True)
    p.add_argument("file", help="PROJECT.subrev, or SERIES.subseries with --episode")
    p.add_argument("out", help="OUT.mp4")
    p.add_argument("--episode", help="for a series: the episode (name or number)")
    p.add_argument("--lang", help="for a series: the target language (default: its first)")
    p.add_argument("--cover-source", action="store_true",
                   help="cover the Chinese subtitles burned into the picture (the band found when the source was "
                   "read from the picture, or --cover-region)")
    p.add_argument("--cover-region", type=_region, metavar="X,Y,W,H", help="the region to cover, in pixels")
    p.add_argument("--cover-style", choices=("box", "blur"), default="box", help="how to cover it (default: box)")
    p.add_argument("--profile", help="QA profile name or .toml path whose delivery style (font, size, margin) the "
                   "lines are drawn in (default: the project's, else its language's)")
    p.add_argument("--allow-unreviewed", action="store_true", help="render even when lines still need a decision")
    if extra is not None:
        extra(sub)
    return parser


def _encoding_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--encoding", help="read the file in this encoding, e.g. gb18030, big5, utf-16 (default: "
                   "detected)")
    p.add_argument("--source-lang", help="the file's language, to prefer its encodings when detecting "
                   "(zh-Hans: GB18030, zh-Hant: Big5)")


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return value


def run(args: argparse.Namespace) -> int:
    """Run a parsed command; a user's mistake becomes one `error:` line and exit code 2."""
    try:
        return args.func(args)
    except reported_errors() as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror.lower()}"
    return " ".join(str(exc).split()) or exc.__class__.__name__


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    return run(args)
