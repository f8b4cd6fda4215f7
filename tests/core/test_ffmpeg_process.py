"""FFmpeg started for its output, its error output kept, and stopped however the caller leaves."""

from __future__ import annotations

import shutil

import pytest

from editor.core.ffmpeg_process import running_ffmpeg

FFMPEG = shutil.which("ffmpeg")


class NotStarted(Exception):
    pass


def test_a_missing_program_is_the_callers_sentence():
    with pytest.raises(NotStarted, match="cannot start"), \
            running_ffmpeg(["/nonexistent/ffmpeg", "-version"], lambda exc: NotStarted(f"cannot start: {exc}")):
        pass


def test_leaving_early_stops_it_and_its_error_output_is_kept():
    assert FFMPEG is not None
    endless = [FFMPEG, "-nostdin", "-v", "info", "-f", "lavfi", "-i", "anullsrc", "-f", "s16le", "-"]
    with running_ffmpeg(endless, lambda exc: NotStarted(str(exc))) as run:
        assert run.stdout.read(4096)  # it runs...
    assert run.process.poll() is not None  # ...and is stopped when the block ends
    assert "anullsrc" in run.log  # FFmpeg's report, from its error output


def test_a_failure_leaves_its_reason_in_the_log():
    assert FFMPEG is not None
    with running_ffmpeg([FFMPEG, "-nostdin", "-v", "error", "-i", "/nonexistent.mp4", "-f", "null", "-"],
                        lambda exc: NotStarted(str(exc))) as run:
        code = run.wait()
    assert code != 0 and "No such file or directory" in run.log
