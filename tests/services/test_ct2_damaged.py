"""A damaged model.bin is one clear EngineError from CT2Engine, at load or while translating, never a traceback
or a crashed process. Damage is made the way a bad download or disk makes it: bytes flipped in place, or cut off.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core.mt.engine import DecodingOptions, EngineError
from editor.services.ct2_engine import CT2Engine
from tests.mt_models import model_bin_variables, patch_model_bin, poison_source_token

ROOT = Path(__file__).resolve().parents[2]
SHORT = DecodingOptions(beam_size=2, num_hypotheses=2, max_decoding_ratio=1.0, max_decoding_extra=4)
DAMAGED = r"cannot load the translation model damaged .*: it looks damaged \(.+\); reinstall it"


def _variables(d: Path) -> dict:
    return model_bin_variables(d / "model.bin")


def _flip_spec_name(d: Path) -> None:
    patch_model_bin(d, 8, "<B", 0xAB)  # inside "TransformerSpec"


def _rename_a_variable(d: Path) -> None:
    """A flipped letter in a weight's name: CTranslate2 reports the missing weight as an IndexError."""
    start = int(_variables(d)["decoder/layer_0/attention/linear_0/weight"]["start"])
    patch_model_bin(d, start + 2 + 8, "<B", ord("X"))  # "decoder/" -> "decoder/X..."


def _vocabulary_size(d: Path) -> None:
    """The target vocabulary size in the embedding's shape, changed without its data."""
    dims = int(_variables(d)["decoder/embeddings/weight"]["dims_offset"])
    patch_model_bin(d, dims, "<I", 999)


def _weights_not_numbers(d: Path) -> None:
    gamma = _variables(d)["decoder/layer_0/attention/layer_norm/gamma"]  # the tiny model's norms all alias it
    count = int(gamma["nbytes"]) // 4
    patch_model_bin(d, int(gamma["data_offset"]), f"<{count}f", *([float("nan")] * count))


def _truncate(d: Path) -> None:
    data = (d / "model.bin").read_bytes()
    (d / "model.bin").write_bytes(data[: len(data) * 2 // 3])


def _cut_off_the_end(d: Path) -> None:
    data = (d / "model.bin").read_bytes()
    (d / "model.bin").write_bytes(data[:-7])


DAMAGE = {"spec name": _flip_spec_name, "weight name": _rename_a_variable, "vocabulary size": _vocabulary_size,
          "weights not numbers": _weights_not_numbers, "truncated": _truncate, "last bytes missing": _cut_off_the_end}


@pytest.fixture
def damaged(tiny_model_dir, tmp_path) -> Path:
    folder = tmp_path / "damaged"
    shutil.copytree(tiny_model_dir, folder)
    return folder


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_model_bin_is_one_clear_error_at_load(damaged, damage):
    DAMAGE[damage](damaged)
    with pytest.raises(EngineError, match=DAMAGED) as caught:
        CT2Engine.load(damaged, device="cpu")
    assert str(damaged) in str(caught.value)


def _load_in_a_child(folder: Path) -> subprocess.CompletedProcess[str]:
    """Values CTranslate2 would crash on (signal, abort) are tried in a child process, so a regression cannot take
    the test run down with it."""
    code = ("import sys; from editor.core.mt.engine import EngineError; "
            "from editor.services.ct2_engine import CT2Engine\n"
            "try:\n    CT2Engine.load(sys.argv[1], device='cpu')\n"
            "except EngineError as exc:\n    print(exc)\n")
    return subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


@pytest.mark.parametrize(("variable", "value"), [
    ("decoder/num_heads", 0), ("encoder/num_heads", 0),  # division by zero in CTranslate2 (SIGFPE)
    ("decoder/alignment_layer", 1), ("decoder/alignment_layer", -2), ("decoder/alignment_layer", 99),  # SIGSEGV
    ("decoder/alignment_layer", 127),  # abort: free(): invalid pointer
])
def test_values_that_crash_ctranslate2_are_refused_before_loading(damaged, variable, value):
    patch_model_bin(damaged, int(_variables(damaged)[variable]["data_offset"]), "<h", value)
    result = _load_in_a_child(damaged)
    assert result.returncode == 0, f"the process died ({result.returncode}): {result.stderr[-500:]}"
    assert "looks damaged" in result.stdout and variable in result.stdout and "reinstall it" in result.stdout


def test_a_healthy_models_header_passes_the_check(tiny_model_dir, demo_model_dir):
    for folder in (tiny_model_dir, demo_model_dir):
        with CT2Engine.load(folder, device="cpu") as engine:
            assert engine.translate(["我爱你。"], SHORT, source_lang="zh-Hans", target_lang="en")[0]


def test_damaged_weights_found_while_translating_are_an_engine_error(demo_model_dir, tmp_path):
    """Only inputs with the damaged token go wrong, so the model loads; the line that meets it is refused clearly."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_model_dir, folder)
    poison_source_token(folder, "钱")
    with CT2Engine.load(folder, model_id="demo-copy", device="cpu") as engine:
        fine = engine.translate(["我爱你。"], SHORT, source_lang="zh-Hans", target_lang="en")
        assert "love" in fine[0][0].text.lower()
        with pytest.raises(EngineError, match=r"the translation model demo-copy .* looks damaged: .*; reinstall it"):
            engine.translate(["我爱你。", "他不要钱。"], SHORT, source_lang="zh-Hans", target_lang="en")
        assert engine.translate(["我爱你。"], SHORT, source_lang="zh-Hans", target_lang="en") == fine


def test_a_model_bin_that_is_not_a_file_is_a_clear_error(damaged):
    (damaged / "model.bin").unlink()
    (damaged / "model.bin").mkdir()
    with pytest.raises(EngineError, match=r"model\.bin"):
        CT2Engine.load(damaged, device="cpu")
