"""Pairing a vendor's folder of episodes: videos with their subtitles, by episode name and then by episode number."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from editor.core.series.pairing import (
    SUBTITLE_SUFFIXES,
    VIDEO_SUFFIXES,
    Duplicate,
    FolderPlan,
    PairingError,
    PlannedEpisode,
    episode_name,
    episode_number,
    pair_files,
    pair_folder,
)
from editor.core.user_error import UserError


def touch(folder: Path, *names: str) -> list[Path]:
    """Empty files are enough: pairing reads names only."""
    paths = []
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
        paths.append(path)
    return paths


def chinese(n: int) -> str:
    """Written independently of the parser: how a vendor writes 1..100 in Chinese."""
    digits = "零一二三四五六七八九"
    if n == 100:
        return "一百"
    tens, ones = divmod(n, 10)
    if tens == 0:
        return digits[ones]
    head = "十" if tens == 1 else digits[tens] + "十"
    return head + (digits[ones] if ones else "")


# --- episode_number ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("stem", "number"), [
    ("第01集", 1), ("第1集", 1), ("第 12 集", 12), ("第十二集", 12), ("第十集", 10), ("第二十集", 20),
    ("第一百零一集", 101), ("第1-2集", 1), ("1~2集", 1), ("第1话", 1), ("第3話", 3), ("第7回", 7), ("05集", 5),
    ("EP02", 2), ("ep 2", 2), ("Ep.07", 7), ("EP_08", 8), ("E03", 3), ("e11", 11), ("Episode 4", 4),
    ("episode_14", 14), ("剧名EP09", 9), ("剧名 - 03", 3), ("剧名_03", 3), ("剧名03", 3), ("03", 3), ("7", 7),
    ("S01E05", 5), ("Show.Name.S02E06.1080p.WEB-DL.H264.AAC", 6), ("Show S01 E07", 7),
    ("[Group] Title - 07 [1080p]", 7), ("[Group] Title - 07 [720P][x264][ABCD1234]", 7),
    ("[Group] Title - 08v2 [1080p]", 8), ("[Group][Title][09][GB][1080P]", 9),
    ("Title (2024) - 10 [H.265 10bit AAC2.0]", 10), ("Title 2024 11 1080p x265", 11),
    ("Title - 12 (BD 1920x1080 HEVC FLAC)", 12), ("Title Season 2 - 13", 13), ("Title S2 - 14", 14),
    ("剧名 第二季 15", 15), ("剧名 第2季 第16集", 16), ("剧名（全80集）第17集", 17),
    ("剧名_2024-05-01_18", 18), ("剧名_20240501_19", 19), ("03 (1)", 3), ("剧名(2)", 2),
    ("第０３集", 3), ("ＥＰ０４", 4), ("剧名－０５", 5), ("EP02.zh", 2), ("剧名 06.es-419", 6),
])
def test_episode_number_reads_each_naming_pattern(stem: str, number: int) -> None:
    """Every way vendors number an episode gives that episode's number, not a season, year, size or checksum."""
    assert episode_number(stem) == number


@pytest.mark.parametrize("n", range(1, 101))
def test_episode_number_reads_chinese_numerals_up_to_one_hundred(n: int) -> None:
    """第一集 .. 第九十九集 and 第一百集: the 十 and 百 forms a vendor writes."""
    assert episode_number(f"第{chinese(n)}集") == n
    assert episode_number(f"霸道总裁 第{chinese(n)}集") == n


@pytest.mark.parametrize("stem", [
    "预告", "花絮", "Trailer", "", "1080p", "x264", "[ABCD1234]", "Title 2024", "Title Season 2", "剧名 第二季",
    "Title - 12.5", "VID_20240501_120000", "3D", "E20240501",
])
def test_episode_number_is_none_when_the_name_has_none(stem: str) -> None:
    """Names with no episode number, or only a resolution, codec, checksum, year or season, give None."""
    assert episode_number(stem) is None


# --- episode_name -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "expected"), [
    ("第01集.mp4", "第01集"), ("第01集.srt", "第01集"), ("EP02.zh.srt", "EP02"), ("EP02.zh-Hans.srt", "EP02"),
    ("EP02.chs.srt", "EP02"), ("EP02.zh_CN.vtt", "EP02"), ("EP02.en.forced.srt", "EP02"),
    ("EP02.es-419.srt", "EP02"), ("EP02.chs&eng.ass", "EP02"), ("EP02 [CHS].srt", "EP02"),
    ("第01集_中文字幕.srt", "第01集"), ("第01集（简体）.srt", "第01集"), ("第01集简体中文.srt", "第01集"),
    ("剧名 - 03.srt", "剧名 - 03"), ("Say No.srt", "Say No"), ("EP02 - en.srt", "EP02"), ("EP02.zh.mp4", "EP02.zh"),
    ("zh.srt", "zh"), ("Show.Name.S01E02.srt", "Show.Name.S01E02"),
])
def test_episode_name_is_the_shared_stem_without_the_subtitle_language(name: str, expected: str) -> None:
    """A subtitle's trailing language tag is not part of the episode's name; a video's stem is kept whole."""
    assert episode_name(Path("/vendor") / name) == expected


# --- pair_folder ------------------------------------------------------------------------------------------------

def test_a_realistic_vendor_folder_pairs_every_episode_in_order(tmp_path: Path) -> None:
    """Twelve episodes named six different ways pair up and come out in episode order."""
    touch(tmp_path,
          "第01集.mp4", "第01集.srt",
          "EP02.mp4", "EP02.zh.srt",
          "剧名 - 03.mp4", "剧名 - 03.srt",
          "剧名_04.mkv", "04.srt",
          "EP05.mp4", "第5集.srt",
          "S01E06.mov", "S01E06.zh-Hans.vtt",
          "[Group] 剧名 - 07 [1080p].mp4", "[Group] 剧名 - 07 [1080p].ass",
          "第八集.mp4", "第八集.srt",
          "Episode 9.MP4", "Episode 9.SRT",
          "10.mp4", "10.chs.srt",
          "ep 11.webm", "EP11.srt",
          "第十二集.m4v", "第十二集 [CHS].srt")
    plan = pair_folder(tmp_path)
    assert [e.number for e in plan.episodes] == list(range(1, 13))
    assert [e.name for e in plan.episodes] == [
        "第01集", "EP02", "剧名 - 03", "剧名_04", "EP05", "S01E06", "[Group] 剧名 - 07 [1080p]", "第八集",
        "Episode 9", "10", "ep 11", "第十二集"]
    assert plan.episodes[1] == PlannedEpisode("EP02", 2, tmp_path / "EP02.mp4", tmp_path / "EP02.zh.srt")
    assert plan.episodes[3].subtitles == tmp_path / "04.srt"
    assert plan.episodes[4].subtitles == tmp_path / "第5集.srt"
    assert all(e.video is not None and e.subtitles is not None for e in plan.episodes)
    assert (plan.unpaired, plan.duplicates, plan.ignored, plan.problems()) == ([], [], [], [])


VIDEO_PATTERNS = (
    "第{n:02}集", "第{n}集", "第{cn}集", "霸道总裁 第{cn}集", "EP{n:02}", "ep {n}", "E{n:03}", "Episode {n}",
    "霸道总裁 - {n:02}", "霸道总裁_{n:02}", "{n:02}", "{n}", "S01E{n:02}", "[Group] 霸道总裁 - {n:02} [1080p][x264]",
    "霸道总裁{n:02}", "霸道总裁.2024.E{n:02}.1080p.WEB-DL.H265.AAC", "【高清】霸道总裁-第{n:02}集",
)
SUBTITLE_TAGS = ("", ".zh", ".zh-Hans", ".chs", "_中文", " [CHS]", ".zh-CN.forced")


def test_a_generated_hundred_episode_folder_pairs_whatever_the_mix_of_patterns(tmp_path: Path) -> None:
    """Each video and each subtitle file named in an independently chosen pattern: every episode still pairs."""
    pick = random.Random(13)
    expected = []
    for n in range(1, 101):
        video = pick.choice(VIDEO_PATTERNS).format(n=n, cn=chinese(n)) + pick.choice(sorted(VIDEO_SUFFIXES))
        subtitles = (pick.choice(VIDEO_PATTERNS).format(n=n, cn=chinese(n)) + pick.choice(SUBTITLE_TAGS)
                     + pick.choice(sorted(SUBTITLE_SUFFIXES)))
        touch(tmp_path, video, subtitles)
        expected.append((n, tmp_path / video, tmp_path / subtitles))
    plan = pair_folder(tmp_path)
    assert [(e.number, e.video, e.subtitles) for e in plan.episodes] == expected
    assert plan.problems() == []


def test_episodes_are_in_number_order_not_name_order(tmp_path: Path) -> None:
    """EP2 comes before EP10 and names of different patterns interleave by number."""
    touch(tmp_path, "EP10.mp4", "EP10.srt", "EP2.mp4", "EP2.srt", "第1集.mp4", "第1集.srt", "03.mp4", "03.srt",
          "ep 100.mp4", "ep 100.srt", "ep 20.mp4", "ep 20.srt")
    assert [e.name for e in pair_folder(tmp_path).episodes] == ["第1集", "EP2", "03", "EP10", "ep 20", "ep 100"]


def test_episodes_without_a_number_pair_by_name_and_come_last_in_natural_order(tmp_path: Path) -> None:
    """An extra with no number pairs by its name and follows the numbered episodes, its names in natural order."""
    touch(tmp_path, "预告.mp4", "预告.srt", "EP1.mp4", "EP1.srt", "Trailer.mp4", "Trailer.en.srt",
          "Making of.mkv", "Making of.srt")
    plan = pair_folder(tmp_path)
    assert [(e.name, e.number) for e in plan.episodes] == [
        ("EP1", 1), ("Making of", None), ("Trailer", None), ("预告", None)]
    assert plan.episodes[2].subtitles == tmp_path / "Trailer.en.srt"
    assert plan.problems() == []


def test_the_same_stem_pairs_even_when_it_ends_like_a_language_tag(tmp_path: Path) -> None:
    """Show-It.srt belongs to Show-It.mp4, although "It" could be Italian."""
    touch(tmp_path, "Show-It.mp4", "Show-It.srt")
    plan = pair_folder(tmp_path)
    assert plan.episodes == [PlannedEpisode("Show-It", None, tmp_path / "Show-It.mp4", tmp_path / "Show-It.srt")]
    assert plan.unpaired == []


def test_names_pair_regardless_of_letter_case_and_full_width(tmp_path: Path) -> None:
    """ep02.MP4 and EP02.srt, ＥＰ０３.mp4 and EP03.srt are the same episodes."""
    touch(tmp_path, "ep02.MP4", "EP02.srt", "ＥＰ０３.mp4", "EP03.srt", "Trailer.MKV", "TRAILER.srt")
    plan = pair_folder(tmp_path)
    assert [(e.number, e.video.name if e.video else None, e.subtitles.name if e.subtitles else None)
            for e in plan.episodes] == [(2, "ep02.MP4", "EP02.srt"), (3, "ＥＰ０３.mp4", "EP03.srt"),
                                        (None, "Trailer.MKV", "TRAILER.srt")]


def test_unpaired_files_are_reported_and_a_subtitle_only_episode_is_kept(tmp_path: Path) -> None:
    """A video without subtitles is no episode; subtitles without a video are an episode without video; both
    are reported by name."""
    touch(tmp_path, "EP01.mp4", "EP01.srt", "EP02.mp4", "EP03.srt", "花絮.mp4")
    plan = pair_folder(tmp_path)
    assert plan.episodes == [PlannedEpisode("EP01", 1, tmp_path / "EP01.mp4", tmp_path / "EP01.srt"),
                             PlannedEpisode("EP03", 3, None, tmp_path / "EP03.srt")]
    assert plan.unpaired == [tmp_path / "EP02.mp4", tmp_path / "EP03.srt", tmp_path / "花絮.mp4"]
    problems = plan.problems()
    assert len(problems) == 3
    assert "EP02.mp4" in problems[0] and "no subtitles" in problems[0]
    assert "EP03.srt" in problems[1] and "no video" in problems[1]
    assert "花絮.mp4" in problems[2]
    assert all(p.endswith(".") and "\n" not in p for p in problems)


def test_two_subtitles_claiming_one_episode_leave_it_out_and_name_both(tmp_path: Path) -> None:
    """EP02.srt and 第2集.srt both say episode 2: neither is guessed, the episode is left out, both are named."""
    touch(tmp_path, "EP01.mp4", "EP01.srt", "EP02.mp4", "EP02.srt", "第2集.srt", "EP03.mp4", "EP03.srt")
    plan = pair_folder(tmp_path)
    assert [e.number for e in plan.episodes] == [1, 3]
    assert len(plan.duplicates) == 1
    duplicate = plan.duplicates[0]
    assert duplicate.number == 2
    assert duplicate.paths == [tmp_path / "EP02.srt", tmp_path / "第2集.srt"]
    assert "EP02.srt" in duplicate.reason and "第2集.srt" in duplicate.reason and "2" in duplicate.reason
    assert "EP02.mp4" in duplicate.reason  # the video left out with them is named too
    assert plan.problems() == [duplicate.reason]
    assert plan.unpaired == []


def test_two_videos_claiming_one_episode_leave_it_out(tmp_path: Path) -> None:
    """剧名 - 04.mp4 and EP04.mkv both claim episode 4; the same stem in two containers is a duplicate too."""
    touch(tmp_path, "剧名 - 04.mp4", "EP04.mkv", "04.srt", "EP05.mp4", "EP05.mkv", "EP05.srt", "EP06.mp4",
          "EP06.srt")
    plan = pair_folder(tmp_path)
    assert [e.number for e in plan.episodes] == [6]
    assert plan.duplicates == [
        Duplicate(4, [tmp_path / "EP04.mkv", tmp_path / "剧名 - 04.mp4"], plan.duplicates[0].reason),
        Duplicate(5, [tmp_path / "EP05.mkv", tmp_path / "EP05.mp4"], plan.duplicates[1].reason),
    ]
    assert "EP04.mkv" in plan.duplicates[0].reason and "剧名 - 04.mp4" in plan.duplicates[0].reason
    assert "04.srt" in plan.duplicates[0].reason


def test_two_languages_of_one_episode_are_a_duplicate_not_a_guess(tmp_path: Path) -> None:
    """EP01.zh.srt and EP01.en.srt: which one is the source is not guessed."""
    touch(tmp_path, "EP01.mp4", "EP01.zh.srt", "EP01.en.srt")
    plan = pair_folder(tmp_path)
    assert plan.episodes == []
    assert [d.paths for d in plan.duplicates] == [[tmp_path / "EP01.en.srt", tmp_path / "EP01.zh.srt"]]


def test_duplicates_without_a_number_are_reported_by_name(tmp_path: Path) -> None:
    """Two subtitle files of the numberless 预告 are a duplicate of that name."""
    touch(tmp_path, "预告.mp4", "预告.srt", "预告.ass")
    plan = pair_folder(tmp_path)
    assert plan.episodes == []
    assert plan.duplicates[0].number is None
    assert "预告.srt" in plan.duplicates[0].reason and "预告.ass" in plan.duplicates[0].reason


def test_hidden_lock_temp_and_unrelated_files_are_ignored_and_listed(tmp_path: Path) -> None:
    """Junk beside the episodes never becomes an episode or a duplicate; each is listed as ignored."""
    junk = touch(tmp_path, ".DS_Store", "._EP01.mp4", ".EP01.srt", "EP01.subrev", "EP01.subrev.lock",
                 "EP01.subrev-wal", "EP01.srt.tmp", "EP01.mp4.part", "~EP01.srt", "EP01.srt~", "Thumbs.db",
                 "notes.txt", "cover.jpg", "EP01.nfo")
    (tmp_path / "extras").mkdir()
    touch(tmp_path, "EP01.mp4", "EP01.srt", "extras/EP09.mp4")
    plan = pair_folder(tmp_path)
    assert plan.episodes == [PlannedEpisode("EP01", 1, tmp_path / "EP01.mp4", tmp_path / "EP01.srt")]
    assert sorted(plan.ignored) == sorted([*junk, tmp_path / "extras"])
    assert plan.unpaired == [] and plan.duplicates == [] and plan.problems() == []


def test_ignored_files_are_listed_in_natural_order(tmp_path: Path) -> None:
    """notes 2.txt comes before notes 10.txt."""
    touch(tmp_path, "notes 10.txt", "notes 2.txt", "notes 1.txt")
    assert [p.name for p in pair_folder(tmp_path).ignored] == ["notes 1.txt", "notes 2.txt", "notes 10.txt"]


def test_recursive_scan_pairs_across_subfolders_and_skips_hidden_ones(tmp_path: Path) -> None:
    """videos/ and 字幕/ of one delivery pair up; a hidden folder is not entered."""
    touch(tmp_path, "videos/EP01.mp4", "videos/EP02.mp4", "字幕/EP01.srt", "字幕/第2集.srt", ".git/EP03.srt",
          "videos/.cache/EP04.mp4")
    plan = pair_folder(tmp_path, recursive=True)
    assert plan.episodes == [
        PlannedEpisode("EP01", 1, tmp_path / "videos/EP01.mp4", tmp_path / "字幕/EP01.srt"),
        PlannedEpisode("EP02", 2, tmp_path / "videos/EP02.mp4", tmp_path / "字幕/第2集.srt"),
    ]
    assert sorted(plan.ignored) == [tmp_path / ".git", tmp_path / "videos/.cache"]
    assert pair_folder(tmp_path).ignored == [tmp_path / ".git", tmp_path / "videos", tmp_path / "字幕"]


def test_recursive_duplicates_name_the_subfolder(tmp_path: Path) -> None:
    """Two EP01.srt in different subfolders are told apart by their folder in the reason."""
    touch(tmp_path, "EP01.mp4", "a/EP01.srt", "b/EP01.srt")
    reason = pair_folder(tmp_path, recursive=True).duplicates[0].reason
    assert str(Path("a/EP01.srt")) in reason and str(Path("b/EP01.srt")) in reason


def test_a_folder_that_is_missing_or_a_file_is_a_user_error(tmp_path: Path) -> None:
    """A wrong folder is a sentence naming it, not a traceback."""
    with pytest.raises(PairingError) as missing:
        pair_folder(tmp_path / "nowhere")
    assert isinstance(missing.value, UserError) and "nowhere" in missing.value.message
    (file,) = touch(tmp_path, "EP01.mp4")
    with pytest.raises(PairingError) as not_folder:
        pair_folder(file)
    assert "EP01.mp4" in not_folder.value.message and "not a folder" in not_folder.value.message


def test_an_empty_folder_gives_an_empty_plan(tmp_path: Path) -> None:
    """Nothing to pair is no error: the caller says the folder holds no episodes."""
    assert pair_folder(tmp_path) == FolderPlan(episodes=[], unpaired=[], duplicates=[], ignored=[])


# --- pair_files -------------------------------------------------------------------------------------------------

def test_pair_files_pairs_an_explicit_list(tmp_path: Path) -> None:
    """`series add SERIES FILE...`: the files named, from anywhere, pair the same way."""
    files = touch(tmp_path, "in/EP13.mp4", "elsewhere/第13集.srt", "in/EP14.srt", "in/readme.txt")
    plan = pair_files([*files, files[0]])  # a file named twice counts once
    assert plan.episodes == [PlannedEpisode("EP13", 13, files[0], files[1]), PlannedEpisode("EP14", 14, None,
                                                                                            files[2])]
    assert plan.unpaired == [files[2]]
    assert plan.problems()[0].startswith("EP14.srt has no video")  # its name alone: no other file has it
    assert plan.ignored == [files[3]]
    assert plan.duplicates == []


def test_pair_files_reports_duplicates_among_the_files_given(tmp_path: Path) -> None:
    """Two subtitles for one episode given on the command line are both named."""
    files = touch(tmp_path, "EP13.mp4", "EP13.srt", "第十三集.srt")
    plan = pair_files(files)
    assert plan.episodes == []
    assert plan.duplicates[0].number == 13
    assert plan.duplicates[0].paths == [files[1], files[2]]
