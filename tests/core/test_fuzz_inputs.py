"""Fuzzing every importer and the project opener with mutated real files: a result or our own error, nothing else.

Mutations (byte flips, deletions, insertions, truncation, huge lines, nested tags, control characters) are
applied to the real sample files of every format; each input is bounded in time by hypothesis' deadline.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.document import Cue
from editor.core.formats import SubtitleError, parse_subtitles
from editor.core.store import Project, ProjectError, ProjectMeta

DATA = Path(__file__).resolve().parents[1] / "data" / "subtitles"
SAMPLES = {p.name: p.read_bytes() for p in sorted(DATA.iterdir()) if p.suffix in (".srt", ".vtt", ".ass", ".ssa")}
FORMATS = {".srt": "srt", ".vtt": "vtt", ".ass": "ass", ".ssa": "ssa"}
NASTY = [b"<i>" * 200 + b"x" + b"</i>" * 200, b"{\\an8}" * 500, b"\x00\x01\x02\x1b[31m", b"A" * 100_000,
         b"\r\r\n\n\r", b"-->", b"99:99:99,999 --> 00:00:00,000", "字幕".encode("gb18030") * 300, b"\xff\xfe"]


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SAMPLES)))
    data = bytearray(SAMPLES[name])
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "nasty"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "delete" and data:
            del data[at:at + draw(st.integers(1, 40))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = draw(st.sampled_from(NASTY))
    return name, bytes(data)


@settings(max_examples=400, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(), st.booleans())
def test_every_importer_returns_cues_or_our_error(sample, sniff):
    name, data = sample
    fmt = None if sniff else FORMATS[Path(name).suffix]
    try:
        result = parse_subtitles(data, name=name, format=fmt)
    except SubtitleError as exc:
        assert str(exc)  # a sentence for a person
        return
    assert result.cues and all(c.end_ms >= c.start_ms >= 0 for c in result.cues)
    assert all(isinstance(c.text, str) for c in result.cues)


def _project_bytes(tmp: Path) -> bytes:
    path = tmp / "seed.subrev"
    if not path.exists():
        cues = [Cue(i, i * 1000, i * 1000 + 800, f"第{i}句", f"line {i}") for i in range(1, 40)]
        Project.create(path, cues, ProjectMeta(), actor="fuzz").close()
    return path.read_bytes()


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=3000,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 2 ** 20), st.integers(1, 255)), min_size=1, max_size=8),
       st.one_of(st.none(), st.integers(0, 2 ** 20)))
def test_the_project_opener_refuses_damage_clearly_and_never_writes(tmp_path_factory, flips, cut):
    tmp = tmp_path_factory.mktemp("fuzz-project")
    data = bytearray(_project_bytes(tmp_path_factory.getbasetemp()))
    for offset, mask in flips:
        data[offset % len(data)] ^= mask
    if cut is not None:
        del data[cut % len(data):]
    path = tmp / "damaged.subrev"
    path.write_bytes(bytes(data))
    try:
        project = Project.open(path)
    except ProjectError as exc:
        assert str(exc)
        assert path.read_bytes() == bytes(data)  # a refused file is never touched
        return
    try:
        for cue in project.doc:  # what opened must be usable
            assert 0 <= cue.start_ms <= cue.end_ms
            assert isinstance(cue.source, str) and isinstance(cue.target, str)
    finally:
        project.close()
