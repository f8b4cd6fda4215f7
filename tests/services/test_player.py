"""The player drives real libvlc with headless outputs, keeps a smooth playhead, and degrades to a NullPlayer."""

from __future__ import annotations

import array
import itertools
import os
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from editor.core.render import RenderStyle
from editor.services.player import NullPlayer, Player, create_player
from editor.services.vlc_player import VlcPlayer, overlay_font_px, vlc_options
from tests.media_files import make_audio_file, make_garbage_file, make_test_video, make_undecodable_video

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def portrait_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_test_video(tmp_path_factory.mktemp("player-media") / "ep01.mp4")


@pytest.fixture
def player(qapp):
    p = create_player(headless=True)
    assert isinstance(p, VlcPlayer), f"libvlc should be usable on this machine: {p.unavailable_reason}"
    yield p
    p.shutdown()


@pytest.fixture
def loaded(qtbot, player, portrait_video):
    """A player with the 6 s portrait test video opened (paused at 0, duration and size known)."""
    with qtbot.waitSignal(player.duration_changed, timeout=5000):
        assert player.load(str(portrait_video))
    qtbot.waitUntil(lambda: player.state() == "paused" and player.video_size() is not None, timeout=5000)
    return player


def _positions(player: Player) -> list[int]:
    seen: list[int] = []
    player.position_changed.connect(seen.append)
    return seen


# -- the null player ---------------------------------------------------------------------------------------------
def test_null_player_says_why_and_every_call_is_harmless(qapp):
    p = NullPlayer("libvlc is not installed")
    assert not p.available and p.unavailable_reason == "libvlc is not installed"
    assert p.load("/nowhere/ep01.mp4") is False
    for call in (p.unload, p.play, p.pause, p.toggle, p.stop_range, p.shutdown, p.shutdown):
        call()
    p.seek(1000)
    p.set_rate(2.0)
    p.step_frame(1)
    p.step_frame(-1)
    p.play_range(0, 1000, loop=True)
    p.set_overlay_text("你好")
    p.set_output_window(1234)
    assert (p.position(), p.duration(), p.rate(), p.state(), p.video_size()) == (0, 0, 1.0, "stopped", None)


def test_create_player_falls_back_when_python_vlc_cannot_be_imported(qapp, monkeypatch):
    monkeypatch.setitem(sys.modules, "vlc", None)  # `import vlc` now raises ImportError
    p = create_player(headless=True)
    assert isinstance(p, NullPlayer)
    assert p.unavailable_reason == "python-vlc is not installed"


def test_create_player_falls_back_when_the_libvlc_library_cannot_be_loaded(tmp_path):
    script = ("from editor.services.player import create_player\n"
              "p = create_player(headless=True)\n"
              "print(type(p).__name__, '|', p.unavailable_reason)\n")
    env = {**os.environ, "PYTHON_VLC_LIB_PATH": str(tmp_path / "libvlc.so.5"), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "NullPlayer | libvlc is not installed"


def test_create_player_falls_back_when_libvlc_refuses_to_start(qapp):
    p = create_player(headless=True, extra_options=["--no-such-option"])
    assert isinstance(p, NullPlayer)
    assert "could not start" in p.unavailable_reason and "--no-such-option" in p.unavailable_reason


def test_options_are_headless_for_tests_and_the_audio_output_is_choosable(monkeypatch):
    monkeypatch.delenv("SUBREVIEW_VLC_AOUT", raising=False)
    headless = vlc_options(headless=True)
    assert {"--vout=dummy", "--aout=dummy", "--quiet", "--no-video-title-show", "--avcodec-hw=none"} <= set(headless)
    assert not any(o.startswith(("--aout", "--vout")) for o in vlc_options(headless=False))
    monkeypatch.setenv("SUBREVIEW_VLC_AOUT", "pulse")
    assert "--aout=pulse" in vlc_options(headless=False)


def test_overlay_font_is_the_delivery_fonts_em_so_the_preview_draws_what_the_render_draws():
    # ASS sizes (49 and 65 px: the render's for these pictures) are whole line heights; VLC sizes by the em,
    # 1/1.448 of Noto Sans CJK's line height
    assert overlay_font_px(1920, 1080) == round(49 / 1.448)
    assert overlay_font_px(1080, 1920) == round(65 / 1.448)  # capped by the narrow width, as the render is
    assert overlay_font_px(360, 640) < 20
    assert overlay_font_px(1080, 1920, RenderStyle(font_px=90)) == round(90 / 1.448)  # a profile's own size


# -- playing a real file -----------------------------------------------------------------------------------------
def test_load_reports_duration_size_and_opens_paused(loaded):
    assert 5800 <= loaded.duration() <= 6200
    assert loaded.video_size() == (360, 640)
    assert loaded.state() == "paused" and loaded.position() == 0


def test_opening_never_looks_like_playing(qtbot, player, portrait_video):
    """The first picture is made by playing the input for a moment: the public state goes straight to paused."""
    states: list[str] = []
    player.state_changed.connect(states.append)
    seen = _positions(player)
    player.load(str(portrait_video))
    qtbot.waitUntil(lambda: player.state() == "paused", timeout=5000)
    qtbot.wait(500)
    assert states == ["paused"]
    assert player.position() == 0 and set(seen) <= {0}


def _wav_samples(path: Path) -> list[int]:
    """The 16-bit samples VLC's file audio output wrote (every block that reached the output). The output opens
    its file when the first sound arrives: no file, no sound (the next test shows the same setup does write)."""
    if not path.exists():
        return []
    with wave.open(str(path)) as wav:
        assert wav.getsampwidth() == 2
        return list(array.array("h", wav.readframes(wav.getnframes())))


def _file_audio_player(monkeypatch, wav: Path):
    monkeypatch.setenv("SUBREVIEW_VLC_AOUT", "afile")
    p = create_player(headless=True, extra_options=[f"--audiofile-file={wav}"])
    assert isinstance(p, VlcPlayer), p.unavailable_reason
    return p


def test_no_sound_reaches_the_output_while_opening_and_seeking_paused(qtbot, monkeypatch, tmp_path, portrait_video):
    wav = tmp_path / "heard.wav"
    p = _file_audio_player(monkeypatch, wav)
    p.load(str(portrait_video))
    qtbot.waitUntil(lambda: p.state() == "paused", timeout=5000)
    p.seek(3000)
    qtbot.wait(800)
    p.shutdown()  # closes the output file
    assert _wav_samples(wav) == [], "the tone of the video was sent to the audio output before Play"


def test_play_after_opening_plays_with_sound_from_the_sought_time(qtbot, monkeypatch, tmp_path, portrait_video):
    wav = tmp_path / "heard.wav"
    p = _file_audio_player(monkeypatch, wav)
    p.load(str(portrait_video))
    qtbot.waitUntil(lambda: p.state() == "paused", timeout=5000)
    p.seek(3000)
    p.play()
    qtbot.wait(800)
    assert p.state() == "playing" and 3200 <= p.position() <= 4500
    p.shutdown()
    samples = _wav_samples(wav)
    assert len(samples) > 44100, "about a second of stereo sound should have been played"
    assert max(abs(v) for v in samples) > 1000, "the 440 Hz tone should be audible, not muted"


def test_an_audio_only_file_opens_paused_and_plays(qtbot, player, tmp_path):
    audio = make_audio_file(tmp_path / "ep07.m4a", seconds=4)
    states: list[str] = []
    player.state_changed.connect(states.append)
    with qtbot.waitSignal(player.duration_changed, timeout=5000):
        assert player.load(str(audio))
    qtbot.waitUntil(lambda: player.state() == "paused", timeout=5000)
    qtbot.wait(500)
    assert states == ["paused"] and player.position() == 0 and player.video_size() is None
    player.seek(2000)
    player.play()
    qtbot.wait(600)
    assert player.state() == "playing" and 2100 <= player.position() <= 3500


def test_play_moves_the_playhead_smoothly(qtbot, loaded):
    seen = _positions(loaded)
    with qtbot.waitSignal(loaded.state_changed, check_params_cb=lambda s: s == "playing", timeout=3000):
        loaded.play()
    qtbot.wait(1000)
    assert 300 <= loaded.position() <= 2500
    assert len(seen) >= 15, "the poll timer should report the playhead ~30 times a second"
    assert seen == sorted(seen), "the interpolated playhead never steps back while playing"
    assert len(set(seen)) >= 10, "positions between VLC's coarse time steps are interpolated"


def test_pause_then_seek(qtbot, loaded):
    loaded.play()
    qtbot.wait(500)
    loaded.pause()
    assert loaded.state() == "paused"
    held = loaded.position()
    qtbot.wait(400)
    assert loaded.position() == held
    with qtbot.waitSignal(loaded.position_changed, check_params_cb=lambda ms: ms == 3000, timeout=1000):
        loaded.seek(3000)
    assert loaded.position() == 3000
    loaded.toggle()
    qtbot.wait(600)
    assert 3100 <= loaded.position() <= 4500


def test_rate_two_runs_twice_as_fast(qtbot, loaded):
    loaded.set_rate(2.0)
    assert loaded.rate() == 2.0
    loaded.play()
    qtbot.wait(1000)
    assert 1200 <= loaded.position() <= 3200
    loaded.set_rate(10)
    assert loaded.rate() == 4.0
    loaded.set_rate(0)
    assert loaded.rate() == 0.25


def test_step_frame_moves_one_frame_at_the_video_fps(qtbot, loaded):
    loaded.seek(2000)
    loaded.step_frame(+1)
    assert loaded.position() == 2040 and loaded.state() == "paused"
    loaded.step_frame(-1)
    loaded.step_frame(-1)
    assert loaded.position() == 1960
    loaded.play()
    qtbot.wait(300)
    loaded.step_frame(+1)
    assert loaded.state() == "paused"
    assert loaded.position() % 40 == 0


def test_play_range_pauses_at_the_end_of_the_line(qtbot, loaded):
    loaded.play_range(1000, 2000)
    qtbot.waitUntil(lambda: loaded.state() == "playing", timeout=2000)
    qtbot.waitUntil(lambda: loaded.state() == "paused", timeout=4000)
    assert 1950 <= loaded.position() <= 2150


def test_play_range_loops_back_to_the_start(qtbot, loaded):
    seen = _positions(loaded)
    loaded.play_range(1000, 1600, loop=True)
    qtbot.wait(2000)
    assert loaded.state() == "playing"
    wrapped = [b for a, b in itertools.pairwise(seen) if a >= 1500 and b <= 1100]
    assert wrapped, f"expected a jump back to the start of the range: {seen}"
    assert max(seen) <= 1800
    loaded.stop_range()
    qtbot.wait(700)
    assert loaded.position() > 1600  # no longer looping


def test_playing_to_the_end_then_play_again(qtbot, loaded):
    loaded.seek(5500)
    with qtbot.waitSignal(loaded.state_changed, check_params_cb=lambda s: s == "ended", timeout=5000):
        loaded.play()
    assert loaded.position() == loaded.duration()
    loaded.play()
    qtbot.waitUntil(lambda: loaded.state() == "playing", timeout=3000)
    qtbot.wait(500)
    assert 100 <= loaded.position() <= 1500
    loaded.pause()
    loaded.seek(4000)  # after an end, seeking reopens the file paused there
    assert loaded.position() == 4000


def test_a_missing_file_is_reported_without_a_crash(qtbot, player, tmp_path):
    with qtbot.waitSignal(player.media_error, timeout=1000) as error:
        assert player.load(str(tmp_path / "ep02.mp4")) is False
    assert "ep02.mp4" in error.args[0] and "no such file" in error.args[0]
    assert player.state() == "error"
    player.play()
    player.seek(1000)
    player.step_frame(1)
    assert player.position() == 0


def test_a_garbage_file_is_reported_and_the_next_file_plays(qtbot, player, tmp_path, portrait_video):
    garbage = make_garbage_file(tmp_path / "ep03.mp4")
    with qtbot.waitSignal(player.media_error, timeout=5000) as error:
        player.load(str(garbage))
    assert "ep03.mp4" in error.args[0]
    qtbot.waitUntil(lambda: player.state() == "error", timeout=1000)
    with qtbot.waitSignal(player.duration_changed, timeout=5000):
        assert player.load(str(portrait_video))
    player.play()
    qtbot.waitUntil(lambda: player.state() == "playing", timeout=3000)


@pytest.mark.slow
def test_a_video_format_without_a_decoder_is_reported_and_a_good_file_still_plays(qtbot, player, tmp_path,
                                                                                 portrait_video):
    odd = make_undecodable_video(tmp_path / "ep05.mp4", portrait_video)
    with qtbot.waitSignal(player.media_error, timeout=15_000) as error:
        player.load(str(odd))
    assert "ep05.mp4" in error.args[0] and "no decoder" in error.args[0] and "zq01" in error.args[0]
    assert player.state() == "error"
    with qtbot.waitSignal(player.duration_changed, timeout=5000):
        assert player.load(str(portrait_video))
    qtbot.wait(5000)  # longer than the wait for a first picture: a decodable video raises nothing
    assert player.state() == "paused"


def test_an_empty_file_is_reported(qtbot, player, tmp_path):
    empty = tmp_path / "ep04.mp4"
    empty.write_bytes(b"")
    with qtbot.waitSignal(player.media_error, timeout=5000):
        player.load(str(empty))


def test_overlay_text_and_output_window_are_accepted_at_any_time(qtbot, player, portrait_video):
    player.set_overlay_text("before loading: 100% sure")
    with qtbot.waitSignal(player.duration_changed, timeout=5000):
        player.load(str(portrait_video))
    player.set_overlay_text("第一行\nsecond line")
    player.play()
    qtbot.wait(300)
    player.set_overlay_text("")
    player.unload()
    assert player.state() == "stopped" and player.position() == 0 and player.duration() == 0


def test_shutdown_twice_is_safe_and_later_calls_do_nothing(qtbot, loaded):
    loaded.play()
    qtbot.wait(200)
    loaded.shutdown()
    loaded.shutdown()
    for call in (loaded.play, loaded.pause, loaded.toggle, loaded.unload, loaded.stop_range):
        call()
    loaded.seek(1000)
    loaded.set_rate(2)
    loaded.set_overlay_text("x")
    loaded.set_output_window(1)
    assert loaded.load("/nowhere.mp4") is False
    qtbot.wait(200)  # late VLC events, if any, find nothing to act on


def test_vlc_never_loads_subtitle_files_on_its_own():
    """A subtitle file next to the video (the demo has one) must not be drawn by VLC behind our back."""
    from editor.services.vlc_player import vlc_options

    assert "--no-sub-autodetect-file" in vlc_options(headless=True)
    assert "--no-sub-autodetect-file" in vlc_options(headless=False)


def test_a_file_name_with_chinese_spaces_hash_and_percent_plays(qtbot, player, tmp_path, portrait_video):
    # How episodes are named in the wild; "#" and "%20" would be read as URL syntax in an MRL.
    odd = tmp_path / "霸道总裁 第01集 #1 100%20.mp4"
    shutil.copyfile(portrait_video, odd)
    with qtbot.waitSignal(player.duration_changed, timeout=5000):
        assert player.load(str(odd))
    player.play()
    qtbot.waitUntil(lambda: player.state() == "playing" and player.position() > 0, timeout=5000)
