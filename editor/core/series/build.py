"""Making a series from a vendor's folder, adding episodes, and moving projects in and out of a series."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.document import NO_META, Cue
from editor.core.formats import SubtitleError, read_subtitles
from editor.core.media_info import MediaInfoError, VideoInfo, probe_video
from editor.core.regions import region_text
from editor.core.review import QT_TRANSLATE_NOOP, Actor, State
from editor.core.series.episode import EpisodeProject, make_stale
from editor.core.series.pairing import VIDEO_UNPAIRED, FolderPlan, PlannedEpisode, pair_files, pair_folder
from editor.core.series.realign import Fate, Line, align
from editor.core.series.store import NewEpisode, Series, SeriesError, insert_event, insert_lines
from editor.core.store import Project, ProjectMeta
from editor.core.store.project import ALREADY_EXISTS
from editor.core.workflows import cues_from_picture

DEFAULT_FPS = 24.0
NO_EPISODE = QT_TRANSLATE_NOOP("Errors", "no episode could be made from {folder}: {reason}")
NOT_A_FOLDER = QT_TRANSLATE_NOOP("Errors", "{folder} is not a folder; no series was made")
NO_SUBTITLES = QT_TRANSLATE_NOOP("Errors", "{folder} holds no subtitle files (.srt, .vtt, .ass, .ssa); no series was "
                                 "made")


STOPPED = QT_TRANSLATE_NOOP("Errors", "stopped after reading {read} of {videos} videos; no series was made. The "
                            "videos read are kept: the same command goes on from where it stopped.")


@dataclass
class SeriesReport:
    """What became of the files: the episodes added, and one sentence per problem naming its file."""

    added: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _probe(video: Path | None) -> VideoInfo | MediaInfoError | None:
    if video is None:
        return None
    try:
        return probe_video(video)
    except MediaInfoError as exc:
        return exc


def read_episodes(plan: FolderPlan, *, source_lang: str, encoding: str | None = None,
                  report: SeriesReport, from_picture: bool = False) -> list[NewEpisode]:
    """Each planned episode's source lines and its video's frame rate and duration; problems go to the report,
    an episode whose subtitles cannot be read is left out (nothing else is). `from_picture`: videos without
    subtitles are not problems (their source is read from the picture by `read_from_picture`)."""
    report.problems += [issue.message for issue in plan.issues()
                        if not (from_picture and issue.template == VIDEO_UNPAIRED)]
    planned = [p for p in plan.episodes if p.subtitles is not None]
    with ThreadPoolExecutor(max_workers=min(8, (os.cpu_count() or 2) * 2)) as pool:  # ffprobe runs in parallel
        probes = list(pool.map(_probe, [p.video for p in planned]))
    episodes = []
    for item, probe in zip(planned, probes, strict=True):
        episode = _read_episode(item, probe, source_lang=source_lang, encoding=encoding, report=report)
        if episode is not None:
            episodes.append(episode)
    return episodes


def _read_episode(item: PlannedEpisode, probe: VideoInfo | MediaInfoError | None, *, source_lang: str,
                  encoding: str | None, report: SeriesReport) -> NewEpisode | None:
    assert item.subtitles is not None
    try:
        sub = read_subtitles(item.subtitles, encoding=encoding, language=source_lang)
    except SubtitleError as exc:
        report.problems.append(f"{item.subtitles.name}: {exc}; episode {item.name} was not added")
        return None
    for problem in sub.problems[:3]:
        report.problems.append(f"{item.subtitles.name}, line {problem.line}: {problem.message}")
    if len(sub.problems) > 3:
        report.problems.append(f"{item.subtitles.name}: {len(sub.problems) - 3} more problems (subreview info)")
    fps, duration = DEFAULT_FPS, None
    if isinstance(probe, MediaInfoError):
        assert item.video is not None
        report.problems.append(f"{item.video.name}: {probe}; {DEFAULT_FPS:g} fps is assumed for episode {item.name}")
    elif isinstance(probe, VideoInfo):
        duration = probe.duration_ms
        if probe.fps is None:
            assert item.video is not None
            report.problems.append(f"{item.video.name} has no picture; {DEFAULT_FPS:g} fps is assumed")
        else:
            fps = probe.fps
    cues = [Cue(i, c.start_ms, c.end_ms, c.text, meta=dict(c.meta) if c.meta else NO_META)
            for i, c in enumerate(sub.cues, start=1)]
    report.added.append(item.name)
    return NewEpisode(item.name, item.number, cues, fps, video_path=str(item.video.resolve()) if item.video else "",
                      source_path=str(item.subtitles.resolve()), source_format=sub.format,
                      source_encoding=sub.encoding, duration_ms=duration, header=sub.header, footer=sub.footer)


Progress = Callable[[float, str], None]  # fraction of all the videos read, the episode being read


def read_from_picture(planned: Sequence[PlannedEpisode], *, source_lang: str, report: SeriesReport,
                      progress: Progress | None = None, should_stop: Callable[[], bool] | None = None,
                      ) -> list[NewEpisode]:
    """Episodes whose source lines are read from the subtitles burned into their videos, one video after another
    (each reading uses every core). A finished reading is kept in the user's cache: after a stop, the next run
    goes on where this one stopped (a stop is a SeriesError: no series is made from part of the videos). A video with
    no text or that cannot be read is left out, said in the report."""
    from editor.core.ocr import OcrError, read_burned_in
    from editor.core.ocr.cache import cached_reading, keep_reading
    from editor.core.ocr.model import script_for

    lang = script_for(source_lang)
    stop = should_stop or (lambda: False)
    episodes: list[NewEpisode] = []
    for k, item in enumerate(planned):
        assert item.video is not None
        video = item.video

        def part(fraction: float, k: int = k, name: str = item.name) -> None:
            if progress is not None:
                progress((k + fraction) / len(planned), name)

        result = cached_reading(video, lang)
        if result is None and not stop():
            try:
                result = read_burned_in(video, lang=lang, progress=part, should_stop=stop)
            except OcrError as exc:
                report.problems.append(f"{video.name}: {exc}; episode {item.name} was not added")
                continue
            keep_reading(video, lang, result)
        if result is None or result.cancelled:
            raise SeriesError(template=STOPPED, read=k, videos=len(planned))
        part(1.0)
        report.problems += [f"{video.name}: {note.message}" for note in result.notes]
        if not result.cues:
            report.problems.append(f"{video.name}: no line was read; episode {item.name} was not added")
            continue
        report.added.append(item.name)
        episodes.append(NewEpisode(item.name, item.number, cues_from_picture(result), result.fps,
                                   video_path=str(video.resolve()), duration_ms=result.duration_ms,
                                   source_band=region_text(result.band) if result.band else ""))
    return episodes


def create_series(path: str | os.PathLike[str], folder: str | os.PathLike[str], *, source_lang: str,
                  languages: Sequence[str], actor: str, encoding: str | None = None, from_picture: bool = False,
                  progress: Progress | None = None,
                  should_stop: Callable[[], bool] | None = None) -> tuple[Series, SeriesReport]:
    """A new series from a vendor's folder (videos paired with their subtitles by name and episode number).
    `from_picture`: a video with no subtitles becomes an episode whose source is read from its picture."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SeriesError(template=NOT_A_FOLDER, folder=folder)
    if Path(path).exists():  # said before any video is read
        raise SeriesError(template=ALREADY_EXISTS, path=Path(path))
    report = SeriesReport()
    plan = pair_folder(folder)
    episodes = read_episodes(plan, source_lang=source_lang, encoding=encoding, report=report,
                             from_picture=from_picture)
    if from_picture and plan.videos_alone:
        episodes += read_from_picture(plan.videos_alone, source_lang=source_lang, report=report,
                                      progress=progress, should_stop=should_stop)
        episodes.sort(key=lambda e: (e.number is None, e.number or 0, e.name))
    if not episodes:
        if not report.problems:
            raise SeriesError(template=NO_SUBTITLES, folder=folder)
        raise SeriesError(template=NO_EPISODE, folder=folder, reason="; ".join(report.problems[:3]))
    series = Series.create(path, source_lang=source_lang, languages=languages, episodes=episodes, actor=actor,
                           details={"folder": str(folder.resolve()), "problems": len(report.problems)})
    return series, report


def add_files(series: Series, files: Sequence[str | os.PathLike[str]], *, actor: str,
              encoding: str | None = None) -> SeriesReport:
    """Add episodes from files (videos and their subtitles), all in one transaction."""
    report = SeriesReport()
    plan = pair_files([Path(f) for f in files])
    episodes = read_episodes(plan, source_lang=series.source_lang, encoding=encoding, report=report)
    if episodes:
        series.add_episodes(episodes, actor=actor)
    return report


def import_project(series: Series, project_path: str | os.PathLike[str], *, actor: str,
                   episode_name: str | None = None, number: int | None = None) -> EpisodeProject:
    """A standalone `.subrev` becomes an episode of the series with its target language's work (states, drafts,
    comments); its event log stays in the project file, and the import is logged in the series."""
    with Project.open(project_path, read_only=True) as project:
        meta, cues = project.meta, list(project.doc)
    name = episode_name or Path(project_path).stem
    lang = meta.target_lang
    if lang not in {language.code for language in series.languages()}:
        series.add_language(lang, actor=actor)
    episode = NewEpisode(name, number, [c._replace(target="", state=State.UNTRANSLATED, comments=(),
                                                   rejection=None, draft=None) for c in cues],
                         meta.fps, video_path=meta.video_path, source_path=meta.source_path,
                         source_format=meta.source_format, source_encoding=meta.source_encoding,
                         header=meta.header, footer=meta.footer)
    series.add_episodes([episode], actor=actor)
    view = EpisodeProject.of(series, name, lang)
    with series.writing():
        for cue in cues:
            view._write_target(cue, None)
        view._insert_event("import_project", actor, Actor.PERSON, None, None,
                           {"path": str(Path(project_path).resolve()), "cues": len(cues)})
    return EpisodeProject.of(series, name, lang)


def export_project(view: EpisodeProject, out: str | os.PathLike[str], *, actor: str) -> Project:
    """An episode × language as a standalone `.subrev` (the series is not changed, only its log notes it)."""
    meta = ProjectMeta(source_lang=view.meta.source_lang, target_lang=view.lang, fps=view.meta.fps,
                       video_path=view.meta.video_path, qa_profile=view.meta.qa_profile,
                       source_path=view.meta.source_path, source_format=view.meta.source_format,
                       source_encoding=view.meta.source_encoding, header=view.meta.header, footer=view.meta.footer)
    project = Project.create(out, list(view.doc), meta, actor=actor,
                             details={"series": str(view.series.path), "episode": view.episode.name})
    view.log_event("export_project", actor=actor, after={"path": str(Path(out).resolve())})
    return project


SHARES_NOTHING = QT_TRANSLATE_NOOP("Errors", "{file} shares no line with the source of {episode}; is it another "
                                   "episode? Nothing was changed.")


def update_source(series: Series, episode: str, file: str | os.PathLike[str], *, actor: str,
                  encoding: str | None = None) -> dict[str, int]:
    """A revised source subtitle (a re-cut) replaces an episode's source for every language, in one transaction:
    lines found unchanged keep their work (and take the new timing), changed lines keep it and become stale,
    new lines arrive untranslated, removed lines leave (their work stays in the log). Returns the counts."""
    info = series.episode_info(episode)
    sub = read_subtitles(file, encoding=encoding, language=series.source_lang)
    lang = series.languages()[0].code  # the source lines are the same in every language
    view = EpisodeProject(series, info, lang)
    alignment = align(view.doc.cues, [Line(n, c.start_ms, c.end_ms, c.text) for n, c in enumerate(sub.cues)])
    if alignment.shares_nothing:
        raise SeriesError(template=SHARES_NOTHING, file=Path(file).name, episode=info.name)
    old = {c.id: c for c in view.doc}
    next_id = view.doc.next_id
    rows: list[tuple[float, Cue]] = []
    changed: list[int] = []
    for match, parsed in zip(alignment.matches, sub.cues, strict=True):
        meta = dict(parsed.meta) if parsed.meta else NO_META
        if match.old_id is None:
            cue_id, next_id = next_id, next_id + 1
        else:
            cue_id = match.old_id
            if match.fate is Fate.CHANGED:
                changed.append(cue_id)
        rows.append((float(len(rows)), Cue(cue_id, parsed.start_ms, parsed.end_ms, parsed.text, meta=meta)))
    counts = alignment.counts()
    with series.writing() as con:
        con.execute("DELETE FROM lines WHERE episode_id = ?", (info.id,))
        insert_lines(con, info.id, rows)
        for cue_id in changed:
            make_stale(con, info.id, cue_id)
        con.execute("UPDATE episodes SET source_path = ?, source_format = ?, source_encoding = ?, header = ?, "
                    "footer = ? WHERE id = ?", (str(Path(file).resolve()), sub.format, sub.encoding, sub.header,
                                               sub.footer, info.id))
        for match in alignment.matches:
            if match.fate is Fate.CHANGED and match.old_id is not None:
                insert_event(con, "update_source_line", actor, Actor.PERSON, info.id, None, match.old_id,
                             {"source": old[match.old_id].source},
                             {"source": next(c.source for _p, c in rows if c.id == match.old_id)})
        for cue_id in alignment.removed:
            insert_event(con, "update_source_line", actor, Actor.PERSON, info.id, None, cue_id,
                         {"source": old[cue_id].source}, None)
        insert_event(con, "update_source", actor, Actor.PERSON, info.id, None, None, None,
                     {"file": str(Path(file).resolve()), **counts, "shift_ms": alignment.shift_ms})
    return counts
