"""Shot changes found by real ffmpeg in videos with hard cuts at known frames, cached beside the waveform."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from fractions import Fraction
from pathlib import Path

import pytest

from editor.core.frames import frame_start
from editor.core.shots import ShotChanges
from editor.core.user_error import UserError
from editor.services.shot_detect import (
    ShotDetectionCancelled,
    ShotDetectionError,
    ShotDetector,
    detect_shot_changes,
    load_cached_shots,
    save_cached_shots,
    shots_cache_path,
)
from editor.services.waveform import peaks_cache_path

# (lavfi source, frames): each shot a different picture, most of them moving.
SHOTS = [
    ("testsrc2=s={size}:r={rate}", 40),
    ("smptebars=s={size}:r={rate}", 23),
    ("mandelbrot=s={size}:r={rate}:start_scale=2", 31),
    ("color=c=0x2050a0:s={size}:r={rate}", 17),
    ("testsrc2=s=480x160:r={rate},crop=90:160:x='t*200':y=0,hflip", 35),  # a fast pan
    ("smptehdbars=s={size}:r={rate},hue=h='t*90'", 30),
]


def _ffmpeg(*args: str) -> None:
    if shutil.which("ffmpeg") is None:
        pytest.fail("these tests need ffmpeg (apt-get install ffmpeg)")
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], check=True, timeout=300)


def make_cut_video(path: Path, shots: list[tuple[str, int]], rate: str, *, size: str = "90x160") -> list[int]:
    """An H.264 + AAC mp4 of the shots joined by hard cuts; returns the first frame of every shot but the first."""
    graph = []
    for i, (source, frames) in enumerate(shots):
        graph.append(f"{source.format(size=size, rate=rate)},trim=end_frame={frames},setpts=PTS-STARTPTS,"
                     f"format=yuv420p,setsar=1[v{i}]")
    labels = "".join(f"[v{i}]" for i in range(len(shots)))
    seconds = sum(frames for _s, frames in shots) / float(Fraction(rate))
    _ffmpeg("-f", "lavfi", "-i", ";".join(graph) + f";{labels}concat=n={len(shots)}:v=1:a=0",
            "-f", "lavfi", "-i", f"sine=frequency=300:duration={seconds:.3f}",
            "-c:v", "libx264", "-preset", "veryfast", "-g", "250", "-c:a", "aac", "-shortest", str(path))
    cuts, total = [], 0
    for _source, frames in shots[:-1]:
        total += frames
        cuts.append(total)
    return cuts


@pytest.fixture(scope="module")
def media(tmp_path_factory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("shots")
    found: dict[str, object] = {}
    for rate in ("25", "30"):
        video = folder / f"cuts-{rate}.mp4"
        found[f"cuts{rate}"] = video, make_cut_video(video, SHOTS, rate)
    moving = folder / "moving.mp4"
    make_cut_video(moving, [("testsrc2=s={size}:r={rate}", 125)], "25")
    found["moving"] = moving
    audio = folder / "voice.m4a"
    _ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "aac", str(audio))
    found["audio"] = audio
    garbage = folder / "garbage.mp4"
    garbage.write_bytes(bytes(range(256)) * 64)
    found["garbage"] = garbage
    return found


def near(found: ShotChanges, frames: list[int], fps: float) -> bool:
    """Each true cut found within a frame of its time, and nothing else found."""
    truth = [frame_start(f, fps) for f in frames]
    frame_ms = 1000 / fps
    return len(found) == len(truth) and all(abs(a - b) <= frame_ms + 1 for a, b in zip(found, truth, strict=True))


# --- detection ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "fps"), [("cuts25", 25.0), ("cuts30", 30.0)])
def test_every_hard_cut_is_found_on_its_frame(media, name, fps):
    video, frames = media[name]
    cuts = detect_shot_changes(video)
    assert near(cuts, frames, fps)
    assert cuts.times_ms == tuple(frame_start(f, fps) for f in frames)  # in fact on the very frame


def test_a_moving_continuous_picture_has_no_cuts(media):
    assert detect_shot_changes(media["moving"]) == ShotChanges()


def test_progress_rises_to_the_end(media):
    seen: list[float] = []
    detect_shot_changes(media["cuts25"][0], on_progress=seen.append)
    assert seen and seen == sorted(seen) and seen[-1] == 1.0


def test_a_video_without_a_picture_fails_with_one_sentence(media):
    with pytest.raises(ShotDetectionError) as err:
        detect_shot_changes(media["audio"])
    assert str(err.value) == "voice.m4a has no picture, so it has no shot changes."


@pytest.mark.parametrize(("name", "words"), [("garbage", "garbage.mp4 is not a video or audio file"),
                                             ("missing", "missing.mp4 does not exist")])
def test_unreadable_or_missing_videos_fail_clearly(media, tmp_path, name, words):
    path = media["garbage"] if name == "garbage" else tmp_path / "missing.mp4"
    with pytest.raises(UserError) as err:
        detect_shot_changes(path)
    assert words in str(err.value) and "\n" not in str(err.value)


def test_a_truncated_video_gives_the_cuts_of_what_can_be_read(media, tmp_path):
    video, frames = media["cuts25"]
    data = video.read_bytes()
    cut_short = tmp_path / "cut-short.mp4"
    cut_short.write_bytes(data[: len(data) * 2 // 3])  # the index (moov) is at the end: nothing can be read
    with pytest.raises(UserError) as err:
        detect_shot_changes(cut_short)
    assert "cut-short.mp4" in str(err.value) and "\n" not in str(err.value)
    fragmented = tmp_path / "fragmented.mp4"
    _ffmpeg("-i", str(video), "-c", "copy", "-movflags", "frag_keyframe+empty_moov", str(fragmented))
    head = fragmented.read_bytes()
    fragmented.write_bytes(head[: len(head) * 2 // 3])  # a recording cut short: the start is readable
    cuts = detect_shot_changes(fragmented)
    assert 0 < len(cuts) < len(frames)
    # Without the edit list of the original, the picture starts two frames (x264's B-frame delay) after the sound:
    # every cut is that much later on the file's clock, as a player shows it.
    offset = cuts.times_ms[0] - frame_start(frames[0], 25.0)
    assert offset in (0, 40, 80)
    assert cuts.times_ms == tuple(frame_start(f, 25.0) + offset for f in frames[:len(cuts)])


def test_without_ffmpeg_it_says_to_install_it(media, tmp_path):
    with pytest.raises(ShotDetectionError, match="install FFmpeg"):
        detect_shot_changes(media["cuts25"][0], ffmpeg=str(tmp_path / "no-ffmpeg"))


def test_cancel_stops_ffmpeg(media):
    cancel = threading.Event()

    def progress(_fraction: float) -> None:
        cancel.set()

    with pytest.raises(ShotDetectionCancelled):
        detect_shot_changes(media["cuts25"][0], cancel=cancel, on_progress=progress)


# --- the cache -------------------------------------------------------------------------------------------
def test_the_cache_lives_beside_the_waveform_cache(media, tmp_path):
    project, video = tmp_path / "ep01.subrev", media["cuts25"][0]
    cuts = ShotChanges((1600, 2520))
    path = save_cached_shots(project, video, cuts)
    assert path is not None and path.parent == peaks_cache_path(project, video).parent == tmp_path / "ep01.subrev.peaks"
    assert path.name.split("-")[0] == peaks_cache_path(project, video).name.split("-")[0]  # the same path hash
    assert path.name.split("-")[1] == "shots" and path.suffix == ".json"
    assert load_cached_shots(project, video) == cuts
    assert load_cached_shots(project, video, threshold=20) is None  # another threshold is another cache
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind


def test_a_changed_video_does_not_use_the_stale_cache(media, tmp_path):
    project, video = tmp_path / "ep01.subrev", tmp_path / "copy.mp4"
    video.write_bytes(media["cuts25"][0].read_bytes())
    old = save_cached_shots(project, video, ShotChanges((1000,)))
    stat = video.stat()
    os.utime(video, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert load_cached_shots(project, video) is None
    new = save_cached_shots(project, video, ShotChanges((2000,)))
    assert old is not None and new is not None and not old.exists()  # the stale cache is dropped
    assert load_cached_shots(project, video) == ShotChanges((2000,))


@pytest.mark.parametrize("content", ["not json", '{"version": 1}', "[]",
                                     '{"version": 1, "size": 0, "mtime_ns": 0, "threshold": 10, "cuts_ms": []}'])
def test_a_corrupt_or_foreign_cache_is_ignored(media, tmp_path, content):
    project, video = tmp_path / "ep01.subrev", media["cuts25"][0]
    path = shots_cache_path(project, video)
    path.parent.mkdir(exist_ok=True)
    path.write_text(content)
    assert load_cached_shots(project, video) is None


def test_cut_times_that_are_not_whole_ms_make_the_cache_unusable(media, tmp_path):
    project, video = tmp_path / "ep01.subrev", media["cuts25"][0]
    path = save_cached_shots(project, video, ShotChanges((1000,)))
    data = json.loads(path.read_text())
    path.write_text(json.dumps(data | {"cuts_ms": [1000.5, "x"]}))
    assert load_cached_shots(project, video) is None


# --- in the background ---------------------------------------------------------------------------------------
def test_detector_finds_cuts_in_the_background_then_reads_them_from_the_cache(media, tmp_path, qtbot):
    video, frames = media["cuts30"]
    project = tmp_path / "ep01.subrev"
    detector = ShotDetector()
    progress: list[float] = []
    detector.progress.connect(progress.append)
    with qtbot.waitSignal(detector.cuts_ready, timeout=60_000) as ready:
        detector.detect(video, project)
    assert near(ready.args[0], frames, 30.0)
    assert progress and progress[-1] == 1.0
    assert detector.wait(10) and shots_cache_path(project, video).is_file()
    # The second time no ffmpeg runs: a detector whose ffmpeg does not exist still answers, with the same cuts.
    again = ShotDetector(ffmpeg=str(tmp_path / "no-ffmpeg"))
    again.progress.connect(progress.append)
    progress.clear()
    with qtbot.waitSignal(again.cuts_ready, timeout=10_000) as cached:
        again.detect(video, project)
    assert cached.args[0] == ready.args[0] and progress == []


def test_detector_without_an_owner_keeps_no_cache(media, tmp_path, qtbot):
    detector = ShotDetector()
    with qtbot.waitSignal(detector.cuts_ready, timeout=60_000) as ready:
        detector.detect(media["cuts25"][0], None)
    assert len(ready.args[0]) == len(SHOTS) - 1
    assert not any(tmp_path.iterdir())


def test_detector_reports_a_video_without_picture(media, tmp_path, qtbot):
    detector = ShotDetector()
    with qtbot.waitSignal(detector.failed, timeout=20_000) as failed:
        detector.detect(media["audio"], tmp_path / "ep01.subrev")
    assert failed.args[0] == "voice.m4a has no picture, so it has no shot changes."


def test_a_cancelled_or_superseded_run_emits_nothing(media, tmp_path, qtbot):
    detector = ShotDetector()
    emitted: list[object] = []
    detector.cuts_ready.connect(emitted.append)
    detector.failed.connect(emitted.append)
    detector.detect(media["cuts25"][0], tmp_path / "ep01.subrev")
    detector.cancel()
    assert detector.wait(30)
    qtbot.wait(50)  # let any queued result arrive (it must be dropped)
    assert emitted == []
    assert not shots_cache_path(tmp_path / "ep01.subrev", media["cuts25"][0]).exists()
    with qtbot.waitSignal(detector.cuts_ready, timeout=60_000) as ready:
        detector.detect(media["audio"], None)  # fails, but is superseded at once by the next run
        detector.detect(media["moving"], None)
    assert ready.args[0] == ShotChanges()
    qtbot.wait(50)
    assert emitted == [ShotChanges()]


def test_the_failure_reads_in_the_interface_language(media, tmp_path, qtbot):
    from editor.services import i18n
    from tests.module_loading import load_module

    root = Path(__file__).resolve().parents[2]
    tool = load_module("update_translations", root / "tools" / "update_translations.py")
    tool.release()  # the .qm files, built as `./dev setup` builds them (kept when up to date)
    manager = i18n.LanguageManager()
    try:
        assert manager.apply("zh_TW"), manager.missing
        detector = ShotDetector()
        with qtbot.waitSignal(detector.failed, timeout=20_000) as failed:
            detector.detect(media["audio"], tmp_path / "ep01.subrev")
        assert failed.args[0] == "voice.m4a 沒有畫面，因此沒有鏡頭切換。"
    finally:
        assert manager.apply("en")
