"""`subreview ocr VIDEO -o OUT.srt`: the file written, the summary, --json, and exit codes for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core import cli
from editor.core.formats import read_subtitles
from editor.core.ocr import commands
from editor.core.ocr.model import OcrError
from tests.ocr_videos import make_burned_in_video

ROOT = Path(__file__).resolve().parents[3]
BLOCKER = ROOT / "tests" / "tools" / "no_network"
RUN = ("import sys; from editor.core import cli; from editor.core.ocr import commands; "
       "sys.exit(cli.run(cli.build_parser(commands.add_commands).parse_args(sys.argv[1:])))")


def ocr(*args: str) -> int:
    return cli.run(cli.build_parser(commands.add_commands).parse_args(["ocr", *args]))


def test_the_lines_are_written_as_srt_with_a_summary_of_the_weakest(white_vertical, tmp_path, capsys):
    out = tmp_path / "ep01.zh-Hans.srt"
    assert ocr(str(white_vertical.video.path), "-o", str(out)) == cli.EXIT_OK
    written = read_subtitles(out)
    assert [(c.start_ms, c.end_ms, c.text) for c in written.cues] == \
        [(c.start_ms, c.end_ms, c.text) for c in white_vertical.result.cues]
    shown = capsys.readouterr().out
    assert f"wrote {out}: 5 lines read from" in shown and "subtitle band x=0 y=" in shown
    assert "lowest confidence" in shown and "这份合同你必须签 / 快叫救护车" in shown


def test_json_gives_every_line_with_its_confidence(white_vertical, tmp_path, capsys):
    out = tmp_path / "ep01.srt"
    assert ocr(str(white_vertical.video.path), "-o", str(out), "--json", "--region", "0,380,360,140") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["output"] == str(out) and len(data["cues"]) == 5
    assert all(0 < cue["confidence"] <= 1 for cue in data["cues"])
    assert data["cues"][1]["text"] == "别碰她" and data["band"][1] >= 380


def test_a_video_without_text_writes_nothing_and_exits_2(ocr_folder, tmp_path, capsys):
    video = make_burned_in_video(ocr_folder / "blank-cli.mp4", [], seconds=4, background="gradient")
    out = tmp_path / "blank.srt"
    assert ocr(str(video.path), "-o", str(out)) == cli.EXIT_BAD_INPUT
    assert not out.exists()
    err = capsys.readouterr().err
    assert "note: no burned-in text was found in blank-cli.mp4" in err
    assert f"error: nothing was written to {out}" in err


def test_bad_input_is_one_error_line_and_exit_2(white_vertical, tmp_path, capsys):
    video = str(white_vertical.video.path)
    assert ocr(video, "-o", str(tmp_path / "a.srt"), "--region", "1,2,3") == cli.EXIT_BAD_INPUT
    assert capsys.readouterr().err == "error: the region must be auto or X,Y,W,H in the video's pixels, not 1,2,3.\n"
    assert ocr(video, "-o", str(tmp_path / "a.srt"), "--region", "0,600,360,100") == cli.EXIT_BAD_INPUT
    assert "is not inside the 360x640 picture of white-vertical.mp4" in capsys.readouterr().err
    assert ocr(str(tmp_path / "none.mp4"), "-o", str(tmp_path / "a.srt")) == cli.EXIT_BAD_INPUT
    assert capsys.readouterr().err == "error: none.mp4 does not exist.\n"
    assert ocr(video, "-o", str(tmp_path / "a.txt")) == cli.EXIT_BAD_INPUT
    assert "use a .srt, .vtt, .ass or .ssa name" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_the_models_ship_with_the_package_and_nothing_is_downloaded(white_vertical, tmp_path):
    """Every internet socket fails in the child (tests/tools/no_network), and the reading still works."""
    out = tmp_path / "offline.srt"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(BLOCKER), str(ROOT)])}
    done = subprocess.run([sys.executable, "-c", RUN, "ocr", str(white_vertical.video.path), "-o", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert len(read_subtitles(out).cues) == 5
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('pypi.org', 443))"],
                           env=env, capture_output=True, text=True, timeout=60)
    assert "network access is blocked" in probe.stderr


def test_building_the_parser_loads_none_of_the_reading():
    """Every start builds the parser: the command's numpy, onnxruntime and OpenCV load only when it runs."""
    script = ("import sys; from editor.core import cli; from editor.core.ocr import commands; "
              "cli.build_parser(commands.add_commands); "
              "print(sorted(m for m in ('numpy', 'cv2', 'onnxruntime', 'rapidfuzz', 'editor.core.ocr.read') "
              "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_region_with_a_superscript_digit_is_refused_not_a_traceback():
    with pytest.raises(OcrError, match="X,Y,W,H"):
        commands.parse_region("1,2,3,²")
    assert commands.parse_region(" 0, 600 ,360,100") == (0, 600, 360, 100)
