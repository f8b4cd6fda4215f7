"""What each `subreview series ...` command does (the parser is in `commands`; exit codes 0, 2, 3).

Each command imports what it alone needs: `series status` must not pay ~70 ms for reading subtitle files and
pairing videos (decision 029)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.core import cli
from editor.core.series.store import Series

if TYPE_CHECKING:
    from editor.core.series import build
    from editor.core.series.deliver import Delivery


def _open(path: str, *, read_only: bool = False) -> Series:
    """A series file, or a series on a server when `path` is a PostgreSQL URL (decision 036)."""
    from editor.core.server import is_server_url, open_series

    return open_series(path if is_server_url(path) else cli._existing_file(path, "series"), read_only=read_only)


def cmd_push(args: argparse.Namespace) -> int:
    from editor.core.server.transfer import push_series

    counts = push_series(cli._existing_file(args.series, "series"), args.url)
    print(f"pushed {args.series}: {counts['episodes']} episodes, {counts['lines']} lines, {counts['events']} logged "
          "actions; open it with the URL wherever a series path is asked for")
    return cli.EXIT_OK


def cmd_pull(args: argparse.Namespace) -> int:
    from editor.core.server.transfer import pull_series

    counts = pull_series(args.url, args.series)
    print(f"pulled {counts['episodes']} episodes, {counts['lines']} lines, {counts['events']} logged actions into "
          f"{args.series}")
    return cli.EXIT_OK


def _print_report(report: build.SeriesReport) -> None:
    for problem in report.problems:
        print(f"  warning: {problem}", file=sys.stderr)


def cmd_new(args: argparse.Namespace) -> int:
    from editor.core.series import build

    if Path(args.series).exists():
        raise cli.CliError(f"{args.series} already exists; choose another name or remove it first")
    series, report = build.create_series(args.series, args.episodes, source_lang=args.source_lang,
                                         languages=args.target_lang or ["en"], actor=cli.reviewer_name(args.reviewer),
                                         encoding=args.encoding, from_picture=args.source_from_picture,
                                         progress=_reading_printer())
    with series:
        episodes = series.episodes()
        print(f"created {args.series}: {len(episodes)} episodes, {sum(e.cues for e in episodes)} lines, "
              f"languages {', '.join(lang.code for lang in series.languages())}")
    _print_report(report)
    return cli.EXIT_OK


def _reading_printer() -> Callable[[float, str], None] | None:
    """On a terminal: how far the reading of the videos is, and which episode is being read."""
    if not sys.stderr.isatty():
        return None
    shown = [""]

    def show(fraction: float, episode: str) -> None:
        text = f"reading the picture: {int(fraction * 100)} % ({episode})"
        if text != shown[0]:
            shown[0] = text
            print(f"\r{text:<70}", end="" if fraction < 1 else "\n", file=sys.stderr, flush=True)
    return show


def cmd_add(args: argparse.Namespace) -> int:
    from editor.core.series import build

    for f in args.files:
        cli._existing_file(f, "file")
    with _open(args.series) as series:
        report = build.add_files(series, args.files, actor=cli.reviewer_name(args.reviewer), encoding=args.encoding)
    print(f"added {len(report.added)} episodes to {args.series}: {', '.join(report.added) or 'none'}")
    _print_report(report)
    return cli.EXIT_OK if report.added else cli.EXIT_BAD_INPUT


def status_data(series: Series) -> dict[str, Any]:
    from editor.core.series.checks import run_series_qa

    errors = {(c.episode.id, c.lang): c.counts["error"] for c in run_series_qa(series)}
    people = series.assignments()  # on a server: who does what
    return {"episodes": [
        {"name": s.episode.name, "cues": s.episode.cues, "fps": s.episode.fps, "video": s.episode.video_path,
         "languages": {lang: {"states": p.states, "need_decision": p.need_decision,
                              "qa_errors": errors.get((s.episode.id, lang), 0),
                              **(people[(s.episode.name, lang)].to_json()
                                 if (s.episode.name, lang) in people else {})}
                       for lang, p in s.languages.items()}}
        for s in series.status()]}


def cmd_assign(args: argparse.Namespace) -> int:
    from editor.core.server import is_server_url

    if not is_server_url(args.series):
        raise cli.CliError("assignments are for a series on a server (a postgresql:// URL or service=...)")
    with _open(args.series) as series:
        series.assign(args.episode, args.lang, translator=args.translator,  # type: ignore[attr-defined]
                      reviewer=args.reviewer)
    print(f"{args.episode} {args.lang}: translator {args.translator or '(unchanged)'}, reviewer "
          f"{args.reviewer or '(unchanged)'}")
    return cli.EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    with _open(args.series, read_only=True) as series:
        data = status_data(series)
        languages = [lang.code for lang in series.languages()]
    if args.json:
        cli._print_json(data)
        return cli.EXIT_OK
    print(f"{'episode':<16} {'lines':>6}  " + "  ".join(f"{lang + ' open/approved/QA errors':>26}"
                                                       for lang in languages))
    for episode in data["episodes"]:
        cells = [f"{p['need_decision']}/{p['states']['approved']}/{p['qa_errors']}"
                 for p in episode["languages"].values()]
        print(f"{episode['name']:<16} {episode['cues']:>6}  " + "  ".join(f"{c:>26}" for c in cells))
        for lang, p in episode["languages"].items():  # on a server: who does what, and who is writing it now
            people = [_person(p, role) for role in ("translator", "reviewer") if p.get(role) or
                      p.get(f"claimed_by_{role}")]
            if people:
                print(f"  {lang}: " + ", ".join(people))
    return cli.EXIT_OK


def _person(progress: dict[str, Any], role: str) -> str:
    text = f"{role} {progress.get(role) or '(nobody assigned)'}"
    holder = progress.get(f"claimed_by_{role}")
    if holder:
        since = progress.get(f"claimed_since_{role}", "")
        text += f" (writing since {since})" if holder == progress.get(role) else f" ({holder} writing since {since})"
    return text


def cmd_import_target(args: argparse.Namespace) -> int:
    from editor.core.series.episode import EpisodeProject
    from editor.core.workflows import import_target

    cli._existing_file(args.file, "subtitle file")
    with _open(args.series) as series:
        view = EpisodeProject.of(series, args.episode, args.lang)
        report = import_target(view, args.file, actor=cli.reviewer_name(args.reviewer),
                               as_translated=args.as_translated, encoding=args.encoding)
    print(f"imported {report.imported} lines into {args.episode} ({args.lang}); kept {len(report.kept_decided)} "
          f"decided lines; {len(report.unaligned)} lines of the file matched no source line")
    return cli.EXIT_OK


def cmd_glossary(args: argparse.Namespace) -> int:
    from editor.core.glossary import load_glossary_csv

    terms = load_glossary_csv(cli._existing_file(args.file, "glossary"))
    with _open(args.series) as series:
        languages = [args.lang] if args.lang else [lang.code for lang in series.languages()]
        rows = [(t.source, t.target, "|".join(t.forbidden), t.note, t.case_sensitive) for t in terms]
        for lang in languages:
            series.replace_terms(lang, rows, actor=cli.reviewer_name(args.reviewer))
    print(f"bible of {args.series} ({', '.join(languages)}): {len(terms)} terms from {args.file}")
    return cli.EXIT_OK


def cmd_find(args: argparse.Namespace) -> int:
    from editor.core.series import find

    pattern = find.compile_pattern(args.text, regex=args.regex, case_sensitive=args.case_sensitive)
    with _open(args.series, read_only=args.replace is None) as series:
        languages = [args.lang] if args.lang else None
        if languages:
            series.language(args.lang)
        hits = find.find(series, pattern, languages=languages, in_source=args.source and args.replace is None)
        if args.replace is None:
            for hit in hits:
                print(f"{hit.episode} #{hit.line} [{hit.lang}] {_marked(hit.text, hit.spans)}")
            print(f"{len(hits)} lines found")
            return cli.EXIT_OK
        planned = find.plan_replace(hits, pattern, args.replace, regex=args.regex)
        for r in planned:
            print(f"{r.hit.episode} #{r.hit.line} [{r.hit.lang}] {r.hit.text!r} -> {r.after!r}")
        if not planned:
            print("nothing to replace")
            return cli.EXIT_OK
        edit = find.replacement_edit(series, planned)
        find.apply_series_edit(series, edit, actor=cli.reviewer_name(args.reviewer))
    print(f"replaced in {edit.lines} lines of {len(edit.changes)} episode(s); each is now edited and needs a decision")
    return cli.EXIT_OK


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The text with each match in [brackets], on one line."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], "[", text[start:end], "]"]
        last = end
    return ("".join(out) + text[last:]).replace("\n", " / ")


def cmd_memory(args: argparse.Namespace) -> int:
    from editor.core.series.memory_index import MemoryIndex, describe, draft_text

    with _open(args.series, read_only=True) as series:
        series.language(args.lang)
        index = MemoryIndex(series.memory_entries(args.lang))
    matches = index.lookup(args.text, args.lang, limit=args.limit, min_score=args.min_score)
    if args.json:
        cli._print_json([{"target": m.entry.target, "draft": draft_text(m, args.text), "kind": m.kind,
                          "score": round(m.score, 3), "episode": m.entry.episode, "line": m.entry.line,
                          "source": m.entry.source, "by": m.entry.actor} for m in matches])
        return cli.EXIT_OK
    for m in matches:
        print(f"{describe(m)}  {draft_text(m, args.text)}    ({m.entry.source})")
    if not matches:
        print("no match in the series' memory")
    return cli.EXIT_OK


def cmd_update_source(args: argparse.Namespace) -> int:
    from editor.core.series import build

    cli._existing_file(args.file, "subtitle file")
    with _open(args.series) as series:
        counts = build.update_source(series, args.episode, args.file, actor=cli.reviewer_name(args.reviewer),
                                     encoding=args.encoding)
    print(f"{args.episode}: {counts['unchanged']} lines unchanged, {counts['changed']} changed (now stale in every "
          f"language), {counts['added']} added, {counts['removed']} removed")
    return cli.EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from editor.core.series.deliver import DeliveryInterrupted, VideoOptions, deliver

    if not args.render and (args.cover_source or args.cover_style):
        raise cli.CliError("--cover-source and --cover-style are for videos: add --render")
    if args.cover_style and not args.cover_source:
        raise cli.CliError("--cover-style says how to cover the source subtitles: add --cover-source")
    videos = VideoOptions(args.cover_source, args.cover_style or "box") if args.render else None
    with _open(args.series) as series:
        if args.lang:
            series.language(args.lang)
        languages = [args.lang] if args.lang else [lang.code for lang in series.languages()]
        shown = _DeliveryProgress(len(languages) * len(series.episodes()))
        try:
            delivery = deliver(series, args.outdir, actor=cli.reviewer_name(args.reviewer), languages=languages,
                               fmt=args.format, allow_unreviewed=args.allow_unreviewed, bom=args.bom,
                               crlf=args.crlf, videos=videos, progress=shown.step, rendering=shown.rendering)
        except DeliveryInterrupted as stop:
            shown.close()
            _print_delivery(stop.delivery, args.outdir)
            print(f"stopped: {len(stop.delivery.report.rows)} of {shown.total} episode files were done before the "
                  "stop (no half-made video is left); the report lists them", file=sys.stderr)
            return 130
        finally:
            shown.close()
    _print_delivery(delivery, args.outdir)
    failed = 0
    if delivery.refused:
        print("error: some episodes were not exported; review their lines or pass --allow-unreviewed",
              file=sys.stderr)
        failed = cli.EXIT_REFUSED
    if delivery.missing_videos:
        print("error: some delivered episodes have no video; the report says why", file=sys.stderr)
        failed = cli.EXIT_REFUSED
    return failed or cli.EXIT_OK


def _print_delivery(delivery: Delivery, outdir: str) -> None:
    """What a delivery wrote (stdout), and what it refused, forced or could not render (stderr)."""
    rows = delivery.report.rows
    written = [r for r in rows if r.exported]
    print(f"exported {len(written)} of {len(rows)} episode files to {outdir}; report: "
          f"{Path(outdir) / 'report.html'}")
    if delivery.report.videos is not None:
        count = len(delivery.videos)
        print(f"rendered {count} video{'' if count == 1 else 's'}:" if count else "rendered no video")
        style = delivery.report.videos.cover_style
        for row in delivery.videos:
            band = ",".join(map(str, row.video_cover)) if row.video_cover else ""
            print(f"  {row.video}" + (f" (source subtitles covered: {band}, {style})" if band else ""))
    for row in rows:
        if row.forced:
            print(f"  warning: {row.lang}/{row.episode}: {row.need_decision} lines written without a decision",
                  file=sys.stderr)
        elif not row.exported:
            print(f"  not exported: {row.lang}/{row.episode}: {row.refused_reason}", file=sys.stderr)
            if row.removed_earlier:
                print(f"    {row.removed_earlier} from an earlier delivery was removed", file=sys.stderr)
        if row.exported and row.video_note:
            print(f"  no video: {row.lang}/{row.episode}: {row.video_note}", file=sys.stderr)
        if row.video_removed_earlier:
            print(f"    {row.video_removed_earlier} from an earlier delivery was removed", file=sys.stderr)


class _DeliveryProgress:
    """On a terminal only: how far the delivery is, and each video as it is rendered (its own line, updated in
    place until it is done)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.tty = sys.stderr.isatty()
        self._done = 0
        self._line = ""
        self._rendering = False

    def step(self, done: int, total: int) -> None:
        self._done, self.total = done, total
        if self._rendering:  # the video's line stays, finished
            self._show(self._line.rsplit(":", 1)[0] + ": done", end="\n")
            self._rendering = False
        self._show(f"[{done}/{total}] episode files delivered")

    def rendering(self, episode: str, lang: str, fraction: float) -> None:
        self._rendering = True
        self._show(f"[{self._done + 1}/{self.total}] {lang}/{episode}: rendering {int(fraction * 100)} %")

    def _show(self, text: str, end: str = "") -> None:
        if not self.tty or (text == self._line and not end):
            return
        print(f"\r{text:<{max(len(self._line), len(text))}}", end=end, file=sys.stderr, flush=True)
        self._line = "" if end else text

    def close(self) -> None:
        if self.tty and self._line:
            print(f"\r{'':<{len(self._line)}}\r", end="", file=sys.stderr, flush=True)
            self._line = ""


def cmd_qa(args: argparse.Namespace) -> int:
    from editor.core.series.checks import episode_pictures, run_series_qa
    from editor.core.series.consistency import check_consistency, read_bible, read_line_records
    from editor.core.series.consistency import describe as describe_issue

    with _open(args.series, read_only=True) as series:
        languages = [args.lang] if args.lang else None
        if args.lang:
            series.language(args.lang)
        issues = check_consistency(read_line_records(series, args.lang), read_bible(series))
        # `series qa` is asked for a full check: each video's picture size is read, so placement is checked too
        checks = run_series_qa(series, languages, pictures=episode_pictures(series.episodes()))
    if args.json:
        cli._print_json({
            "consistency": [{**asdict(issue), "message": describe_issue(issue)} for issue in issues],
            "qa": [{"episode": c.episode.name, "lang": c.lang, **{s: c.counts[s] for s in ("error", "warning", "info")}}
                   for c in checks]})
        return cli.EXIT_OK
    for issue in issues:
        places = ", ".join(f"{p.episode} #{p.line}" for p in issue.places)
        print(f"[{issue.lang}] {describe_issue(issue)}: {places}")
        for variant in issue.variants:
            where = ", ".join(f"{p.episode} #{p.line}" for p in variant.places)
            print(f"    {variant.count} x {variant.text!r}: {where}")
    errors = sum(c.counts["error"] for c in checks)
    print(f"{len(issues)} consistency issues; {errors} QA errors in {sum(1 for c in checks if c.counts['error'])} "
          f"episode × language(s)")
    return cli.EXIT_OK


def cmd_queue(args: argparse.Namespace) -> int:
    from editor.core.series.checks import review_queue

    with _open(args.series, read_only=True) as series:
        if args.lang:
            series.language(args.lang)
        queue = review_queue(series, [args.lang] if args.lang else None)
    shown = queue[:args.limit] if args.limit else queue
    if args.json:
        cli._print_json([{"episode": e.record.episode, "line": e.record.line, "lang": e.record.lang,
                          "state": e.record.state, "score": e.score, "reasons": list(e.reasons),
                          "source": e.record.source, "target": e.record.target} for e in shown])
        return cli.EXIT_OK
    for e in shown:
        print(f"{e.score:5.1f}  {e.record.episode} #{e.record.line} [{e.record.lang}] {e.record.state:<10} "
              f"{', '.join(e.reasons) or '-'}  {e.record.source}")
    print(f"{len(queue)} lines await a person" + (f" (the {len(shown)} riskiest shown)" if len(shown) < len(queue)
                                                 else ""))
    return cli.EXIT_OK


def cmd_language(args: argparse.Namespace) -> int:
    from editor.core.mt import registry
    from editor.core.mt.engine import EngineError
    from editor.core.mt.languages import check_languages
    from editor.core.series.checks import language_profile
    from editor.core.store import ProjectError

    writes = args.lang is not None and (args.add or args.profile is not None or args.model is not None)
    with _open(args.series, read_only=not writes) as series:
        actor = cli.reviewer_name(args.reviewer)
        if args.lang is not None and args.add:
            series.add_language(args.lang, actor=actor)
        if args.lang is not None and (args.profile is not None or args.model is not None):
            series.language(args.lang)
            if args.model:  # it must exist and cover the pair: said now, not when drafting
                check_languages(registry.get_model(args.model), series.source_lang, args.lang)
            series.set_language(args.lang, actor=actor, qa_profile=args.profile, model=args.model)
        languages = [series.language(args.lang)] if args.lang else series.languages()
        for language in languages:
            profile = language_profile(series, language.code)
            try:
                found = registry.model_for(series.source_lang, language.code, language.model)
                model = found.name if found is not None else "none installed: nothing is drafted"
            except (EngineError, ProjectError, ValueError) as exc:
                model = f"{language.model} cannot be used: {exc}"
            print(f"{language.code}: QA profile {profile.name}; model {model}")
    return cli.EXIT_OK


def cmd_export_project(args: argparse.Namespace) -> int:
    from editor.core.series import build
    from editor.core.series.episode import EpisodeProject

    with _open(args.series) as series:
        view = EpisodeProject.of(series, args.episode, args.lang)
        with build.export_project(view, args.out, actor=cli.reviewer_name(args.reviewer)) as project:
            print(f"wrote {args.out}: episode {args.episode} ({args.lang}), {len(project.doc)} lines")
    return cli.EXIT_OK


def cmd_import_project(args: argparse.Namespace) -> int:
    from editor.core.series import build

    cli._existing_file(args.project, "project")
    with _open(args.series) as series:
        view = build.import_project(series, args.project, actor=cli.reviewer_name(args.reviewer),
                                    episode_name=args.episode)
        print(f"added {view.episode.name} ({view.lang}) to {args.series}: {len(view.doc)} lines")
    return cli.EXIT_OK
