"""Shot-change rules: a cue that crosses a cut, and cue edges a few frames off one, in frames at the video's rate."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from editor.core.document import Document
from editor.core.qa import (
    DEFAULT_SEVERITIES,
    QAContext,
    QAIssue,
    QAProfile,
    QAProfileError,
    builtin_profile,
    builtin_profile_dir,
    check_own,
    format_issue,
    load_profile,
    needs_full_check,
    run_qa,
)
from editor.core.shots import ShotChanges
from tests.core.qa.helpers import cue

SHOT_RULES = ("shot_change_crossed", "shot_change_start", "shot_change_end")
CUT = 10_000  # on a frame at 24, 25 and 30 fps


def check(cues: list, cuts: tuple[int, ...] = (CUT,), fps: float = 25.0,
          profile: QAProfile | str = "en") -> list[QAIssue]:
    prof = builtin_profile(profile) if isinstance(profile, str) else profile
    return run_qa(cues, prof, QAContext(fps=fps, target_lang=prof.language, shot_changes=cuts))


def shot_issues(issues: list[QAIssue]) -> list[tuple[str, int, dict]]:
    return [(i.rule, i.cue_id, i.params) for i in issues if i.rule in SHOT_RULES]


def frames(n: float, fps: float = 25.0) -> int:
    return round(n * 1000 / fps)


# --- no cuts, no findings -----------------------------------------------------------------------------------
def test_without_shot_changes_the_rules_do_nothing() -> None:
    cues = [cue(1, CUT - frames(3), CUT + 5000), cue(2, CUT + 5200, CUT + 9000)]
    assert shot_issues(check(cues, cuts=())) == []
    assert QAContext().shot_changes == ()


def test_the_context_keeps_cuts_sorted_once_each() -> None:
    assert QAContext(shot_changes=(3000, 1000, 3000)).shot_changes == (1000, 3000)
    assert QAContext(shot_changes=ShotChanges((2000, 1000))).shot_changes == (1000, 2000)  # the detector's list


# --- crossing -----------------------------------------------------------------------------------------------
def test_a_cue_across_a_cut_far_from_both_edges_crosses_it() -> None:
    issues = check([cue(1, CUT - 2000, CUT + 2000)])
    assert shot_issues(issues) == [("shot_change_crossed", 1, {"cut_ms": CUT, "cut": "00:00:10.000"})]
    assert format_issue(issues[-1]) == "Stays on screen across the shot change at 00:00:10.000"


def test_each_crossed_cut_is_named() -> None:
    issues = check([cue(1, 0, 6000)], cuts=(2000, 4000))
    assert [p["cut_ms"] for _r, _c, p in shot_issues(issues)] == [2000, 4000]


def test_twelve_frames_from_an_edge_is_crossing_and_eleven_is_an_edge_off_the_cut() -> None:
    assert [r for r, _c, _p in shot_issues(check([cue(1, CUT - frames(12), CUT + frames(12))]))] == [
        "shot_change_crossed"]
    assert [r for r, _c, _p in shot_issues(check([cue(1, CUT - frames(11), CUT + frames(30))]))] == [
        "shot_change_start"]
    assert [r for r, _c, _p in shot_issues(check([cue(1, CUT - frames(30), CUT + frames(11))]))] == [
        "shot_change_end"]


def test_cuts_on_the_edges_are_not_crossed() -> None:
    assert shot_issues(check([cue(1, CUT, CUT + 3000)])) == []
    assert shot_issues(check([cue(1, CUT - 3000, CUT - frames(2))])) == []


# --- in-cues ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("offset", [-11, -7, -1, 1, 3, 11])
def test_a_start_a_few_frames_off_a_cut_goes_to_it(offset: int) -> None:
    issues = check([cue(1, CUT + frames(offset), CUT + 3000)])
    assert shot_issues(issues) == [("shot_change_start", 1, {
        "cut_ms": CUT, "cut": "00:00:10.000", "frames": abs(offset), "offset_frames": offset, "min_frames": 12.0})]
    assert format_issue(issues[-1]) == (
        f"Starts {abs(offset)} frames off the shot change at 00:00:10.000: start on it, or at least 12 frames away")


@pytest.mark.parametrize("offset", [0, -12, 12, 20])
def test_a_start_on_a_cut_or_twelve_frames_away_is_right(offset: int) -> None:
    assert [r for r, _c, _p in shot_issues(check([cue(1, CUT + frames(offset), CUT + 5000)]))
            if r == "shot_change_start"] == []


def test_a_start_before_a_cut_that_comes_after_the_cue_is_not_off_it() -> None:
    """The cue is gone before the picture changes: its start is not near a cut it shows."""
    assert shot_issues(check([cue(1, CUT - frames(11), CUT - frames(2))])) == []


def test_the_nearest_cut_counts_and_a_start_on_a_cut_is_right_whatever_is_near() -> None:
    issues = check([cue(1, CUT + frames(2), CUT + 4000)], cuts=(CUT - frames(6), CUT))
    assert [(r, p["cut_ms"], p["offset_frames"]) for r, _c, p in shot_issues(issues)] == [
        ("shot_change_start", CUT, 2)]
    assert shot_issues(check([cue(1, CUT, CUT + 4000)], cuts=(CUT - frames(6), CUT))) == []


# --- out-cues -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("offset", "off"), [(0, 0), (-1, 1), (-3, 3), (-11, 11), (1, 1), (7, 7), (11, 11)])
def test_an_end_a_few_frames_off_a_cut_ends_two_frames_before_it(offset: int, off: int) -> None:
    issues = check([cue(1, CUT - 3000, CUT + frames(offset))])
    assert shot_issues(issues) == [("shot_change_end", 1, {
        "cut_ms": CUT, "cut": "00:00:10.000", "frames": off, "offset_frames": offset, "gap_frames": 2.0,
        "min_frames": 12.0})]
    assert format_issue(issues[-1]) == (f"Ends {off} frames off the shot change at 00:00:10.000: end 2 frames "
                                        "before it, or at least 12 frames away")


@pytest.mark.parametrize("offset", [-2, -12, -20, 12])
def test_an_end_two_frames_before_a_cut_or_twelve_away_is_right(offset: int) -> None:
    issues = check([cue(1, CUT - 3000, CUT + frames(offset))])
    assert [r for r, _c, _p in shot_issues(issues) if r == "shot_change_end"] == []


@pytest.mark.parametrize("end", [CUT - 83, CUT - 84])
def test_times_are_whole_ms_so_two_frames_at_24_fps_may_be_83_or_84_ms(end: int) -> None:
    assert shot_issues(check([cue(1, CUT - 3000, end)], fps=24.0)) == []
    assert [r for r, _c, _p in shot_issues(check([cue(1, CUT - 3000, end - 42)], fps=24.0))] == ["shot_change_end"]


def test_a_short_cue_can_be_off_at_both_edges() -> None:
    issues = check([cue(1, CUT - frames(4), CUT + frames(5))])
    assert [(r, p["offset_frames"]) for r, _c, p in shot_issues(issues)] == [
        ("shot_change_start", -4), ("shot_change_end", 5)]


# --- frames follow the video -------------------------------------------------------------------------------
def test_the_window_is_in_frames_of_the_videos_rate() -> None:
    late = [cue(1, CUT + 420, CUT + 4000)]  # 10.5 frames at 25 fps, 12.6 at 30 fps
    assert [r for r, _c, _p in shot_issues(check(late, fps=25.0))] == ["shot_change_start"]
    assert shot_issues(check(late, fps=30.0)) == []
    [(_rule, _id, params)] = shot_issues(check(late, fps=25.0))
    assert params["frames"] == 10.5 and params["offset_frames"] == 10.5


def test_times_off_the_frame_grid_give_fractions_of_a_frame() -> None:
    [(_rule, _id, params)] = shot_issues(check([cue(1, CUT + 10, CUT + 3000)]))
    assert params["frames"] == 0.25


# --- the profile ------------------------------------------------------------------------------------------------
def test_defaults_follow_netflix() -> None:
    for name in ("default", "en", "zh-Hans", "zh-Hant"):
        profile = builtin_profile(name)
        assert (profile.shot_change_frames, profile.shot_change_gap_frames) == (12.0, 2.0)
    assert [DEFAULT_SEVERITIES[r] for r in SHOT_RULES] == ["info", "warning", "warning"]


def test_a_client_profile_sets_the_numbers(tmp_path: Path) -> None:
    path = tmp_path / "client.toml"
    path.write_text('extends = "en"\nshot_change_frames = 6\nshot_change_gap_frames = 0\n'
                    '[severities]\nshot_change_crossed = "warning"\n', encoding="utf-8")
    profile = load_profile(path)
    assert shot_issues(check([cue(1, CUT + frames(8), CUT + 3000)], profile=profile)) == []
    assert shot_issues(check([cue(1, CUT - 3000, CUT)], profile=profile)) == []  # ends on the cut: right here
    crossed = [i for i in check([cue(1, CUT - 3000, CUT + 3000)], profile=profile) if i.rule in SHOT_RULES]
    assert [(i.rule, i.severity) for i in crossed] == [("shot_change_crossed", "warning")]


def test_a_full_profile_written_before_these_keys_still_loads(tmp_path: Path) -> None:
    """A client's profile that gives every key (no `extends`) from before shot changes: the defaults apply."""
    lines = (builtin_profile_dir() / "en.toml").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "old.toml"
    path.write_text("\n".join(line for line in lines if not line.startswith("shot_change")), encoding="utf-8")
    profile = load_profile(path)
    assert not [line for line in lines if line.startswith("extends")] and profile.max_cps == 20
    assert (profile.shot_change_frames, profile.shot_change_gap_frames) == (12.0, 2.0)


@pytest.mark.parametrize(("line", "message"), [
    ("shot_change_frames = -1", "key 'shot_change_frames': must not be negative"),
    ("shot_change_gap_frames = -2", "key 'shot_change_gap_frames': must not be negative"),
    ('shot_change_frames = "12"', "key 'shot_change_frames': must be a number, not a string"),
])
def test_bad_numbers_name_the_key(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(f'extends = "en"\n{line}\n', encoding="utf-8")
    with pytest.raises(QAProfileError, match=message):
        load_profile(path)


def test_disabled_rules_are_skipped() -> None:
    profile = dataclasses.replace(builtin_profile("en"), disabled=frozenset({"shot_change_start"}))
    issues = check([cue(1, CUT - frames(3), CUT + frames(5))], profile=profile)
    assert [r for r, _c, _p in shot_issues(issues)] == ["shot_change_end"]


def test_lines_without_text_are_not_checked() -> None:
    assert shot_issues(check([cue(1, CUT + frames(3), CUT + 3000, "", "")])) == []


# --- the window's recheck after text edits --------------------------------------------------------------------
@pytest.mark.parametrize("seed", range(20))
def test_check_own_reports_a_lines_shot_issues_as_the_whole_check_does(seed: int) -> None:
    rng = random.Random(seed)
    fps = rng.choice([24.0, 25.0, 30.0])
    cues, t = [], 0
    for cue_id in range(1, rng.randint(2, 30)):
        t += rng.choice([0, 40, 83, 200, 480, 1000])
        length = rng.choice([200, 500, 1500, 4000])
        cues.append(cue(cue_id, t, t + length, rng.choice(["", "你好"]), rng.choice(["", "Hello"])))
        t += length
    cuts = tuple(sorted(rng.sample(range(0, t + 1000, 40), min(12, t // 40))))
    doc = Document(cues)
    profile, context = builtin_profile("en"), QAContext(fps=fps, shot_changes=cuts)
    whole = run_qa(doc, profile, context)
    ids = [c.id for c in cues]
    own = check_own(doc, ids, profile, context)
    assert [i for i in whole if i.rule in SHOT_RULES] == [i for i in own if i.rule in SHOT_RULES]
    edited = cues[0].with_(target="Changed" if cues[0].target.strip() or cues[0].source.strip() else "")
    assert not needs_full_check(cues[0], edited)  # text edits keep the shot issues of the line as they were
