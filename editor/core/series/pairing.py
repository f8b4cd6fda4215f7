"""Pairing a vendor's folder of episodes: each video with its subtitles, by episode name, then by episode number.

A pure function of file names: nothing here opens or probes a file (the caller reads each video's frame rate and
duration with media_info.probe_video). Nothing is guessed either: two videos or two subtitle files claiming one
episode are reported and that episode is left out.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.qa.numerals import chinese_number
from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.user_error import CodedError

VIDEO_SUFFIXES = frozenset({".mp4", ".mkv", ".mov", ".webm", ".avi", ".m4v", ".ts", ".flv"})
SUBTITLE_SUFFIXES = frozenset({".srt", ".vtt", ".ass", ".ssa"})
MAX_EPISODE = 9999  # a longer run of digits is a date, an id or a checksum, not an episode

MISSING = QT_TRANSLATE_NOOP("Errors", "{name} does not exist.")
NOT_A_FOLDER = QT_TRANSLATE_NOOP("Errors", "{name} is not a folder.")
UNREADABLE = QT_TRANSLATE_NOOP("Errors", "The folder {name} cannot be read ({reason}).")
VIDEO_UNPAIRED = QT_TRANSLATE_NOOP(
    "Series", "{file} has no subtitles with its name or episode number, so it is not added as an episode.")
SUBTITLES_UNPAIRED = QT_TRANSLATE_NOOP(
    "Series", "{file} has no video with its name or episode number, so its episode has subtitles only.")
DUPLICATE_VIDEOS = QT_TRANSLATE_NOOP(
    "Series", "Episode {episode} is left out because the videos {files} all claim it; keep one and add the "
              "episode again.")
DUPLICATE_SUBTITLES = QT_TRANSLATE_NOOP(
    "Series", "Episode {episode} is left out because the subtitle files {files} all claim it; keep one and add "
              "the episode again.")
DUPLICATE_BOTH = QT_TRANSLATE_NOOP(
    "Series", "Episode {episode} is left out because the files {files} all claim it; keep one video and one "
              "subtitle file and add the episode again.")


class PairingError(CodedError):
    """A folder that cannot be scanned; `code` says why: missing, not_a_folder or unreadable."""


@dataclass(frozen=True)
class PlannedEpisode:
    """`name` is the video's stem (or, for subtitles only, their stem without a language tag)."""

    name: str
    number: int | None
    video: Path | None
    subtitles: Path | None


@dataclass(frozen=True)
class PairingIssue:
    """One problem of a plan: an English template marked for translation and the fields that fill it."""

    template: str
    params: dict[str, str]

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class Duplicate:
    """Files claiming one episode (`number`, or None for an episode named without one); it was left out."""

    number: int | None
    paths: list[Path]
    reason: str
    issue: PairingIssue | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class FolderPlan:
    """Episodes in episode order; the files that could not become one, or were not looked at."""

    episodes: list[PlannedEpisode]
    unpaired: list[Path]
    duplicates: list[Duplicate]
    ignored: list[Path]
    # Videos with no subtitles (also in `unpaired`): episodes whose source can be read from the picture.
    videos_alone: list[PlannedEpisode] = field(default_factory=list)

    def issues(self) -> list[PairingIssue]:
        """Duplicates first (they leave an episode out), then unpaired files."""
        found = [d.issue or PairingIssue("{reason}", {"reason": d.reason}) for d in self.duplicates]
        labels = _labels([*self.unpaired, *(p for d in self.duplicates for p in d.paths),
                          *(p for e in self.episodes for p in (e.video, e.subtitles) if p)])
        for path in self.unpaired:
            template = VIDEO_UNPAIRED if _kind(path) == "video" else SUBTITLES_UNPAIRED
            found.append(PairingIssue(template, {"file": labels[path]}))
        return found

    def problems(self) -> list[str]:
        """One plain English sentence per issue, naming the file(s)."""
        return [issue.message for issue in self.issues()]


# --- the episode in a name ---------------------------------------------------------------------------------------

_CN_NUMERAL = "〇零一二两三四五六七八九十百千"
_NUMBER = rf"(\d+|[{_CN_NUMERAL}]+)"
_RANGE_END = rf"(?:\s*[-~～至到]\s*(?:\d+|[{_CN_NUMERAL}]+))?"  # 第1-2集 is episode 1
_LATIN_LETTER = "a-zà-öø-ÿ"
_NO_WORD_BEFORE, _NO_WORD_AFTER = "(?<![0-9a-z])", "(?![0-9a-z])"

# 第01集 第十二集 第3话 第3話 第7回 제5화, then 05集 (but not 全80集, "80 episodes in all").
_CHINESE_MARKED = re.compile(rf"[第제]\s*{_NUMBER}{_RANGE_END}\s*[集话話回화]")
_CHINESE_BARE = re.compile(rf"(?<![全共\d])(\d+){_RANGE_END}\s*[集话話화]")
# EP02, ep 2, Ep.07, Episode 4, Capítulo 3, Folge 5; E03 only glued (S01E05, not the word "e").
_LATIN_MARKED = re.compile(
    rf"(?<![{_LATIN_LETTER}])(?:(?:episode|episodio|épisode|cap[ií]tulo|cap|folge|ep)\.?[\s._\-#:]*|e)(\d+)",
    re.IGNORECASE)
_CHECKSUM = re.compile(rf"{_NO_WORD_BEFORE}[0-9a-f]{{8}}{_NO_WORD_AFTER}", re.IGNORECASE)  # [ABCD1234], 20240501
_SEASON = re.compile(rf"第\s*{_NUMBER}\s*[季部]")
_NOISE = re.compile(_NO_WORD_BEFORE + "(?:" + "|".join((
    r"(?:19|20)\d\d([-._])\d{1,2}\1\d{1,2}",  # dates
    r"\d{3,4}\s*[x×*]\s*\d{3,4}", r"\d{3,4}[pi]", r"[24568]k",  # 1920x1080, 1080p, 4K
    r"[xh]\.?26[456]", r"hevc|avc|av1|vp[89]|hi10p?", r"\d{1,2}\s*-?\s*bits?",  # video codecs, depth
    r"(?:aac|e?ac-?3|ddp?|dts(?:-?hd)?|flac|opus|truehd|l?pcm|mp3)(?:\s*\d\.\d)?", r"\d\.\d",  # audio, 5.1
    r"\d+(?:\.\d+)?\s*(?:fps|hz|[km]bps|[kmg]i?b)",  # rates and sizes
    r"(?:19|20)\d\d",  # years
    r"season\s*\d+", r"s\d{1,2}", r"v\d{1,2}",  # seasons, a lone version
)) + ")" + _NO_WORD_AFTER, re.IGNORECASE)
_VERSION = re.compile(r"(?<=\d)v\d{1,2}" + _NO_WORD_AFTER, re.IGNORECASE)  # 07v2
_OPENING, _CLOSING = "[({【〔「『<", "])}】〕」』>"


def episode_number(stem: str) -> int | None:
    """The episode number in a file name (`第01集`, `第十二集`, `EP02`, `S01E05`, `剧名 - 03`, `[Group] Title - 07
    [1080p]`), or None. Seasons, resolutions, codecs, years and checksums are not episodes."""
    text = _strip_language_tags(unicodedata.normalize("NFKC", stem))  # full-width digits and letters as ASCII
    text = _CHECKSUM.sub(" ", text)
    for pattern in (_CHINESE_MARKED, _LATIN_MARKED, _CHINESE_BARE):
        for match in pattern.finditer(text):
            number = _value(match.group(1))
            if number is not None:
                return number
    text = _VERSION.sub("", _NOISE.sub(" ", _SEASON.sub(" ", text)))
    return _unmarked_number(text)


def _value(run: str) -> int | None:
    number = int(run) if run.isdigit() else chinese_number(run)
    return number if number is not None and number <= MAX_EPISODE else None


def _unmarked_number(text: str) -> int | None:
    """A number with no marker: the last one standing on its own; one inside brackets (剧名(2)) or glued after
    letters (Show03) only when there is no better one. Digits followed by letters are units (2nd, 3D); a decimal
    (12.5, a special between two episodes) is no episode number."""
    best: tuple[bool, bool, int] | None = None
    number = None
    for match in re.finditer(r"\d+(?:\.\d+)*", text):
        before, after = text[match.start() - 1: match.start()], text[match.end(): match.end() + 1]
        if "." in match.group() or int(match.group()) > MAX_EPISODE or (after.isascii() and after.isalpha()):
            continue
        rank = (not (before.isascii() and before.isalpha()), not _inside_brackets(text, match.start()),
                match.start())
        if best is None or rank > best:
            best, number = rank, int(match.group())
    return number


def _inside_brackets(text: str, position: int) -> bool:
    depth = 0
    for ch in text[:position]:
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING and depth:
            depth -= 1
    return depth > 0


# --- the episode's name --------------------------------------------------------------------------------------------

_LANGUAGES = (
    "zh", "en", "es", "pt", "fr", "de", "it", "ja", "ko", "ru", "ar", "id", "ms", "th", "vi", "tr", "pl", "nl",
    "sv", "no", "nb", "nn", "da", "fi", "el", "he", "iw", "hi", "bn", "ur", "fa", "uk", "cs", "sk", "hu", "ro",
    "bg", "hr", "sr", "sl", "et", "lv", "lt", "tl", "ta", "te", "ml", "my", "km", "lo", "mn", "ka", "kk", "uz",
    "sw", "ca", "eu", "gl", "zho", "chi", "cmn", "yue", "eng", "spa", "por", "fre", "fra", "ger", "deu", "ita",
    "jpn", "kor", "rus", "ara", "ind", "may", "msa", "tha", "vie", "tur", "pol", "dut", "nld", "swe", "nor",
    "dan", "fin", "gre", "ell", "heb", "hin", "ukr", "cze", "ces", "hun", "rum", "ron", "fil", "tgl",
    "chs", "cht", "sc", "tc", "gb", "big5", "zhs", "zht", "hans", "hant",  # Chinese subtitle conventions
    "forced", "sdh", "cc", "default", "full", "signs",  # kinds of track
)
_LATIN_TAG = rf"(?:{'|'.join(sorted(_LANGUAGES, key=len, reverse=True))})(?:[-_](?:[a-z]{{4}}|[a-z]{{2}}|\d{{3}}))*"
_LATIN_TAGS = rf"{_LATIN_TAG}(?:[&+_]{_LATIN_TAG})*"  # chs&eng, chs_eng
_CHINESE_TAGS = "|".join(sorted((
    "简体中文", "繁体中文", "繁體中文", "简体", "繁体", "繁體", "簡體", "简中", "繁中", "中文字幕", "中英字幕",
    "双语字幕", "中英双语", "中英雙語", "中英", "双语", "雙語", "中文", "中字", "英文", "英语", "英語", "字幕",
    "国语", "國語", "粤语", "粵語",
), key=len, reverse=True))
_BRACKETED = r"[\s._-]*[\[(（【]\s*(?:{})\s*[\])）】]"
_TRAILING_TAG = re.compile(
    rf"(?:{_BRACKETED.format(_LATIN_TAGS)}|[\s._-]*[._-][\s._-]*(?:{_LATIN_TAGS})"  # "Say No" keeps its "No"
    rf"|{_BRACKETED.format(_CHINESE_TAGS)}|[\s._-]*(?:{_CHINESE_TAGS}))$",
    re.IGNORECASE)


def episode_name(path: str | os.PathLike[str]) -> str:
    """The stem an episode's files share: `第01集.mp4` -> `第01集`; a subtitle's trailing language tag is not part
    of it (`EP02.zh.srt`, `EP02.zh-Hans.srt`, `EP02.chs.srt`, `EP02 [CHS].srt` -> `EP02`)."""
    file = Path(path)
    return _strip_language_tags(file.stem) if file.suffix.lower() in SUBTITLE_SUFFIXES else file.stem


def _strip_language_tags(stem: str) -> str:
    name = stem
    while (match := _TRAILING_TAG.search(name)) and match.start() > 0:
        name = name[: match.start()]
    return name


# --- pairing -----------------------------------------------------------------------------------------------------

_JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", "__macosx", "$recycle.bin", "system volume information"})


def pair_folder(folder: str | os.PathLike[str], *, recursive: bool = False) -> FolderPlan:
    """Pair the videos and subtitles in `folder` (and its subfolders when `recursive`); PairingError when the
    folder cannot be read. Subfolders not entered are listed as ignored."""
    root = Path(folder)
    if not root.exists():
        raise PairingError("missing", template=MISSING, name=str(root))
    if not root.is_dir():
        raise PairingError("not_a_folder", template=NOT_A_FOLDER, name=str(root))
    files: list[Path] = []
    ignored: list[Path] = []
    _scan(root, recursive, files, ignored)
    return _plan(files, ignored)


def pair_files(paths: Iterable[str | os.PathLike[str]]) -> FolderPlan:
    """The same for files named one by one (`series add SERIES FILE...`), from any folders; names only, the disk is
    not read. A file named twice counts once."""
    return _plan(list(dict.fromkeys(Path(p) for p in paths)), [])


def _scan(folder: Path, recursive: bool, files: list[Path], ignored: list[Path]) -> None:
    try:
        with os.scandir(folder) as found:
            entries = list(found)
    except OSError as error:
        raise PairingError("unreadable", template=UNREADABLE, name=str(folder),
                           reason=error.strerror or type(error).__name__) from error
    for entry in entries:
        path = Path(entry.path)
        if not _is_folder(entry):
            files.append(path)
        elif recursive and not _is_junk(entry.name) and not entry.is_symlink():  # a linked folder could loop
            _scan(path, recursive, files, ignored)
        else:
            ignored.append(path)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_junk(name: str) -> bool:
    """Hidden files, editors' and Office's temporary files, the system's folder litter."""
    return name.startswith((".", "~")) or name.casefold() in _JUNK_NAMES


def _kind(path: Path) -> str | None:
    if _is_junk(path.name):
        return None
    suffix = path.suffix.lower()
    return "video" if suffix in VIDEO_SUFFIXES else "subtitles" if suffix in SUBTITLE_SUFFIXES else None


@dataclass
class _Claim:
    """The files that claim one episode."""

    number: int | None
    videos: list[Path] = field(default_factory=list)
    subtitles: list[Path] = field(default_factory=list)


def _plan(files: list[Path], ignored: list[Path]) -> FolderPlan:
    claims = _claims(files, ignored)
    labels = _labels(files)
    episodes, unpaired, duplicates, alone = [], [], [], []
    for claim in claims.values():
        if len(claim.videos) > 1 or len(claim.subtitles) > 1:
            duplicates.append(_duplicate(claim, labels))
        elif not claim.subtitles:
            unpaired.append(claim.videos[0])
            alone.append(PlannedEpisode(claim.videos[0].stem, claim.number, claim.videos[0], None))
        else:
            video = claim.videos[0] if claim.videos else None
            subtitles = claim.subtitles[0]
            name = video.stem if video else episode_name(subtitles)
            episodes.append(PlannedEpisode(name, claim.number, video, subtitles))
            if video is None:
                unpaired.append(subtitles)
    episodes.sort(key=lambda e: (_number_order(e.number), _natural(e.name)))
    duplicates.sort(key=lambda d: (_number_order(d.number), _path_order(d.paths[0])))
    alone.sort(key=lambda e: (_number_order(e.number), _natural(e.name)))
    return FolderPlan(episodes=episodes, unpaired=sorted(unpaired, key=_path_order), duplicates=duplicates,
                      ignored=sorted(ignored, key=_path_order), videos_alone=alone)


def _claims(files: list[Path], ignored: list[Path]) -> dict[tuple[object, ...], _Claim]:
    """Group the files by episode: videos by number (by name when they have none); subtitles by the same stem as a
    video, else by the same episode name, else by number, else by name."""
    claims: dict[tuple[object, ...], _Claim] = {}
    by_video_stem: dict[str, tuple[object, ...]] = {}
    subtitles = []
    for path in sorted(files, key=_path_order):
        kind = _kind(path)
        if kind == "video":
            key = _episode_key(path.stem)
            claims.setdefault(key, _Claim(_number_of(key))).videos.append(path)
            by_video_stem[_folded(path.stem)] = key
        elif kind == "subtitles":
            subtitles.append(path)
        else:
            ignored.append(path)
    for path in subtitles:
        name = episode_name(path)
        key = by_video_stem.get(_folded(path.stem)) or by_video_stem.get(_folded(name)) or _episode_key(name)
        claims.setdefault(key, _Claim(_number_of(key))).subtitles.append(path)
    return claims


def _episode_key(name: str) -> tuple[object, ...]:
    number = episode_number(name)
    return ("number", number) if number is not None else ("name", _folded(name))


def _number_of(key: tuple[object, ...]) -> int | None:
    return key[1] if key[0] == "number" and isinstance(key[1], int) else None


def _duplicate(claim: _Claim, labels: dict[Path, str]) -> Duplicate:
    videos, subtitles = claim.videos, claim.subtitles
    clashing = [*(videos if len(videos) > 1 else ()), *(subtitles if len(subtitles) > 1 else ())]
    companions = [labels[p] for p in (*videos, *subtitles) if p not in clashing]
    episode = str(claim.number) if claim.number is not None else episode_name((videos or subtitles)[0])
    if companions:
        episode += f" ({', '.join(companions)})"
    template = (DUPLICATE_BOTH if len(videos) > 1 and len(subtitles) > 1
                else DUPLICATE_VIDEOS if len(videos) > 1 else DUPLICATE_SUBTITLES)
    issue = PairingIssue(template, {"episode": episode, "files": ", ".join(labels[p] for p in clashing)})
    return Duplicate(claim.number, clashing, issue.message, issue)


def _labels(paths: Iterable[Path]) -> dict[Path, str]:
    """How a message names each file: its name, or its path from the common folder when another has that name."""
    paths = list(dict.fromkeys(paths))
    counts: dict[str, int] = {}
    for path in paths:
        counts[path.name] = counts.get(path.name, 0) + 1
    try:
        base = Path(os.path.commonpath([p.parent for p in paths])) if paths else Path()
    except ValueError:  # relative and absolute, or two drives
        base = None
    labels = {}
    for path in paths:
        if counts[path.name] == 1:
            labels[path] = path.name
        else:
            labels[path] = str(path.relative_to(base)) if base is not None and path.is_relative_to(base) else str(path)
    return labels


def _folded(name: str) -> str:
    """Names compare without case and with full-width letters and digits as ASCII: ＥＰ０２ is ep02."""
    return unicodedata.normalize("NFKC", name).casefold().strip()


def _natural(text: str) -> tuple[object, ...]:
    """Natural sort: EP2 before EP10."""
    parts = re.split(r"(\d+)", _folded(text))
    return tuple(int(part) if i % 2 else part for i, part in enumerate(parts))


def _path_order(path: Path) -> tuple[object, ...]:
    return _natural(path.as_posix())


def _number_order(number: int | None) -> tuple[bool, int]:
    return (number is None, number or 0)
