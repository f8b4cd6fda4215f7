"""The kept QA check: used only for exactly the inputs it was made from, and never trusted when damaged."""

from __future__ import annotations

import dataclasses
import marshal
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core import qa
from editor.core.document import Cue
from editor.core.qa import cache

PROFILE = qa.builtin_profile("en")
CONTEXT = qa.QAContext(fps=25.0, glossary=(qa.GlossaryTerm("李明", "Li Ming"),))


def _cues() -> list[Cue]:
    return [
        Cue(1, 0, 900, "李明来了", "Li Ming is here, and he has brought far too many things for one short visit"),
        Cue(2, 920, 2000, "你好", ""),
        Cue(3, 1500, 4000, "再见", "Bye 再见"),
        Cue(4, 4100, 4150, "走", "Go"),
    ]


def _key(cues, profile=PROFILE, context=CONTEXT) -> str:
    return cache.check_key(cues, profile, context)


@pytest.fixture
def kept(tmp_path):
    """A project path, the cache folder, and the issues of `_cues()` kept for it."""
    project = tmp_path / "p.subrev"
    issues = qa.run_qa(_cues(), PROFILE, CONTEXT)
    assert len({i.rule for i in issues}) >= 4  # a varied check: the round trip below means something
    assert cache.store(project, _key(_cues()), issues, tmp_path / "qa")
    return project, tmp_path / "qa", issues


def test_a_kept_check_comes_back_whole_for_the_same_inputs(kept):
    project, folder, issues = kept
    got = cache.load(project, lambda: _key(_cues()), folder)
    assert got is not None and got.key == _key(_cues())
    assert got.issues == issues
    assert all(type(i) is qa.QAIssue for i in got.issues)


def _retimed(cues):
    cues[2] = cues[2].with_(start_ms=2100)
    return cues


def _retexted(cues):
    cues[1] = cues[1].with_(target="Hello")
    return cues


def _new_source(cues):
    cues[3] = cues[3].with_(source="跑")
    return cues


def _renumbered(cues):
    cues[0] = cues[0].with_(id=9)
    return cues


def _reordered(cues):
    return [cues[1], cues[0], *cues[2:]]


def _removed(cues):
    return cues[:-1]


@pytest.mark.parametrize("change", [_retimed, _retexted, _new_source, _renumbered, _reordered, _removed])
def test_any_change_to_what_the_rules_read_is_a_miss(kept, change):
    project, folder, _ = kept
    assert cache.load(project, lambda: _key(change(_cues())), folder) is None


def test_a_change_the_rules_do_not_read_still_hits(kept):
    from editor.core.review import Comment, State

    project, folder, issues = kept
    cues = [c.with_(state=State.APPROVED, comments=(Comment("ann", "2026-12-01T10:00:00Z", "checked"),))
            for c in _cues()]
    got = cache.load(project, lambda: _key(cues), folder)
    assert got is not None and got.issues == issues


def test_another_profile_or_glossary_is_a_miss(kept):
    project, folder, _ = kept
    stricter = dataclasses.replace(PROFILE, max_cps=PROFILE.max_cps - 1)
    assert cache.load(project, lambda: _key(_cues(), profile=stricter), folder) is None
    other_terms = dataclasses.replace(CONTEXT, glossary=(qa.GlossaryTerm("李明", "Ming Li"),))
    assert cache.load(project, lambda: _key(_cues(), context=other_terms), folder) is None
    assert cache.load(project, lambda: _key(_cues(), context=dataclasses.replace(CONTEXT, fps=24.0)), folder) is None


def test_another_project_path_has_nothing_kept(kept, tmp_path):
    _, folder, _ = kept
    assert cache.load(tmp_path / "other.subrev", lambda: _key(_cues()), folder) is None


def test_no_key_is_computed_when_nothing_is_kept(tmp_path):
    def key_of() -> str:
        raise AssertionError("a new project must not pay for a key")

    assert cache.load(tmp_path / "new.subrev", key_of, tmp_path / "qa") is None


def test_texts_cannot_shift_between_fields_and_keep_the_key():
    a = [Cue(1, 0, 1000, "ab", "c")]
    b = [Cue(1, 0, 1000, "a", "bc")]
    c = [Cue(1, 0, 1000, "a 1 0", "")]
    assert len({_key(a), _key(b), _key(c)}) == 3


def test_the_key_follows_the_rules_code(tmp_path, monkeypatch):
    core = tmp_path / "core"
    (core / "qa").mkdir(parents=True)
    rule = core / "qa" / "rules.py"
    rule.write_text("MAX = 42\n")
    monkeypatch.setattr(cache, "_CORE", core)
    cache.code_fingerprint.cache_clear()
    try:
        before = _key(_cues())
        cache.code_fingerprint.cache_clear()
        assert _key(_cues()) == before
        rule.write_text("MAX = 43\n")
        os.utime(rule, ns=(rule.stat().st_atime_ns, rule.stat().st_mtime_ns + 1_000_000_000))
        cache.code_fingerprint.cache_clear()
        assert _key(_cues()) != before
    finally:
        cache.code_fingerprint.cache_clear()


def _rewrite(path, mutate) -> None:
    """Change the payload and write it back with a matching digest: what `_plausible` alone must catch."""
    fields = list(cache._unpack(path.read_bytes()))
    mutate(fields)
    path.write_bytes(cache._pack(tuple(fields)))


def _header_of(path, header: bytes) -> None:
    data = path.read_bytes()
    path.write_bytes(header + data[len(cache._HEADER):])


def _flip_a_payload_byte(path) -> None:
    data = bytearray(path.read_bytes())
    data[-5] ^= 0x40
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [
    lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),  # cut short
    lambda p: p.write_bytes(b"\x00not marshal at all"),
    lambda p: p.write_bytes(b""),
    lambda p: p.write_bytes(marshal.dumps(["a list", "not the layout"])),
    lambda p: p.write_bytes(cache._pack(("a key and nothing else",))),
    lambda p: _header_of(p, b"another program\n"),
    lambda p: _header_of(p, f"{cache.MAGIC} {cache.FORMAT + 1}\n".encode()),
    _flip_a_payload_byte,  # the digest no longer matches: not even unmarshalled
    lambda p: _rewrite(p, lambda f: f.__setitem__(0, 42)),  # a key that is not text
    lambda p: _rewrite(p, lambda f: f[1].__setitem__(0, "no_such_rule")),
    lambda p: _rewrite(p, lambda f: f[2].__setitem__(0, "1")),
    lambda p: _rewrite(p, lambda f: f[3].__setitem__(0, "fatal")),
    lambda p: _rewrite(p, lambda f: f[4].pop()),
    lambda p: _rewrite(p, lambda f: f[1].__setitem__(0, ["unhashable"])),
    lambda p: _rewrite(p, lambda f: f.pop()),  # a column missing
    lambda p: _rewrite(p, lambda f: f.append([])),  # a column too many
])
def test_a_damaged_file_is_a_miss_not_an_error(kept, damage):
    project, folder, _ = kept
    damage(cache.file_for(project, folder))
    assert cache.load(project, lambda: _key(_cues()), folder) is None


def test_a_file_larger_than_the_whole_cache_is_not_even_read(kept, monkeypatch):
    project, folder, _ = kept
    monkeypatch.setattr(cache, "MAX_BYTES", cache.file_for(project, folder).stat().st_size - 1)
    assert cache.load(project, lambda: _key(_cues()), folder) is None


def test_a_folder_that_cannot_be_written_only_means_no_cache(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("in the way")
    issues = qa.run_qa(_cues(), PROFILE, CONTEXT)
    assert cache.store(tmp_path / "p.subrev", _key(_cues()), issues, blocker / "qa") is False
    assert not list(tmp_path.rglob("*.tmp"))


def test_storing_replaces_the_project_s_file_and_keeps_only_the_newest(tmp_path, monkeypatch):
    folder = tmp_path / "qa"
    issues = qa.run_qa(_cues(), PROFILE, CONTEXT)
    monkeypatch.setattr(cache, "KEEP", 3)
    for n in range(5):
        assert cache.store(tmp_path / f"p{n}.subrev", _key(_cues()), issues, folder)
        os.utime(cache.file_for(tmp_path / f"p{n}.subrev", folder), ns=(n * 10**9, n * 10**9))
    cache.prune(folder, keep=3)
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted(cache.file_for(tmp_path / f"p{n}.subrev", folder).name for n in (2, 3, 4))
    assert cache.store(tmp_path / "p4.subrev", _key(_retexted(_cues())), issues[:1], folder)
    assert cache.load(tmp_path / "p4.subrev", lambda: _key(_retexted(_cues())), folder).issues == issues[:1]
    assert len(list(folder.iterdir())) == 3


def test_a_time_beyond_64_bits_still_gets_a_key_of_its_own():
    huge = [Cue(1, 0, 2**70, "好", "")]
    assert _key(huge) != _key([Cue(1, 0, 2**70 + 1, "好", "")])


def test_the_oldest_checks_go_when_the_folder_outgrows_its_byte_budget(tmp_path):
    folder = tmp_path / "qa"
    issues = qa.run_qa(_cues(), PROFILE, CONTEXT)
    for n in range(4):
        assert cache.store(tmp_path / f"p{n}.subrev", _key(_cues()), issues, folder)
        os.utime(cache.file_for(tmp_path / f"p{n}.subrev", folder), ns=(n * 10**9, n * 10**9))
    size = cache.file_for(tmp_path / "p0.subrev", folder).stat().st_size
    cache.prune(folder, keep=10, max_bytes=2 * size + size // 2)  # room for two and a half
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        cache.file_for(tmp_path / f"p{n}.subrev", folder).name for n in (2, 3))
    cache.prune(folder, keep=10, max_bytes=1)  # the newest is kept whatever its size
    assert [p.name for p in folder.iterdir()] == [cache.file_for(tmp_path / "p3.subrev", folder).name]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_bytes_in_the_file_are_a_miss_or_the_check_never_an_error(kept, data):
    """Fuzz: random bytes, and the real file with bytes flipped, cut or inserted."""
    project, folder, issues = kept
    assert cache.store(project, _key(_cues()), issues, folder)  # the pristine file again, every example
    path = cache.file_for(project, folder)
    original = path.read_bytes()
    if data.draw(st.booleans()):
        blob = data.draw(st.binary(max_size=400))
    else:
        blob = bytearray(original)
        for _ in range(data.draw(st.integers(1, 4))):
            at = data.draw(st.integers(0, len(blob) - 1))
            action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
            if action == "flip":
                blob[at] ^= data.draw(st.integers(1, 255))
            elif action == "cut":
                del blob[at:at + data.draw(st.integers(1, 40))]
            else:
                blob[at:at] = data.draw(st.binary(min_size=1, max_size=8))
        blob = bytes(blob)
    path.write_bytes(blob)
    got = cache.load(project, lambda: _key(_cues()), folder)
    assert got is None or all(type(i) is qa.QAIssue for i in got.issues)


def test_a_write_cut_short_by_a_crash_leaves_nothing_for_long(tmp_path):
    folder = tmp_path / "qa"
    folder.mkdir()
    project = tmp_path / "p.subrev"
    name = cache.file_for(project, folder).name
    old_tmp, fresh_tmp = folder / f".{name}.111.tmp", folder / f".{name}.222.tmp"
    for tmp in (old_tmp, fresh_tmp):
        tmp.write_bytes(b"half a check")
    os.utime(old_tmp, (1_000_000, 1_000_000))
    issues = qa.run_qa(_cues(), PROFILE, CONTEXT)
    assert cache.store(project, _key(_cues()), issues, folder)
    assert not old_tmp.exists() and fresh_tmp.exists()  # another SubReview may be writing that one now
    assert cache.load(project, lambda: _key(_cues()), folder).issues == issues
