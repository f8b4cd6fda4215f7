"""The worker drafts in the background with the real CTranslate2 engine; results land on the main thread."""

from __future__ import annotations

import shutil
import threading

import pytest

from editor.core import edits
from editor.core.document import Cue
from editor.core.mt.cache import TranslationCache
from editor.core.mt.engine import DecodingOptions, EngineError
from editor.core.mt.pretranslate import Pretranslator
from editor.core.review import Actor, State
from editor.core.store import Project, ProjectMeta
from editor.services.ct2_engine import CT2Engine
from editor.services.project_translator import ProjectTranslator
from editor.services.translation_worker import TranslationWorker
from tests.mt_models import model_bin_variables, patch_model_bin, poison_source_token, sample_sentences

# A random-weight model decodes until the limit: keep outputs short.
OPTIONS = DecodingOptions(beam_size=2, num_hypotheses=2, max_decoding_ratio=1.0, max_decoding_extra=3)


def machine_writer(project: Project):
    """What the window's review session does with machine drafts, without a window: save them as the machine's."""
    return lambda op: project.apply(op, actor="tester", kind=Actor.MACHINE)


def make_project(path, count: int) -> Project:
    sentences = sample_sentences(count * 2, seed=5)
    sources = list(dict.fromkeys(sentences))[:count]
    cues = [Cue(i, i * 1000, i * 1000 + 900, s) for i, s in enumerate(sources, start=1)]
    cues.append(Cue(len(cues) + 1, 999_000, 999_500, ""))  # an empty cue stays empty
    return Project.create(path, cues, ProjectMeta(source_lang="zh-Hans", target_lang="en"), actor="t")


@pytest.fixture
def worker_factory(tiny_model_dir, tmp_path, qtbot):
    made: list[TranslationWorker] = []

    def make(*, chunk_size: int = 8, model_dir=None) -> TranslationWorker:
        def load():
            return CT2Engine.load(model_dir or tiny_model_dir, model_id="tiny", device="cpu")

        def pipeline(engine):
            return Pretranslator(engine, OPTIONS, source_lang="zh-Hans", target_lang="en",
                                 cache=TranslationCache(tmp_path / f"cache-{len(made)}.sqlite"))

        worker = TranslationWorker(load, pipeline, chunk_size=chunk_size)
        made.append(worker)
        return worker

    yield make
    for worker in made:
        worker.stop()


def test_pretranslation_drafts_every_line_with_provenance_and_progress(worker_factory, tmp_path, qtbot):
    project = make_project(tmp_path / "p.subrev", 30)
    worker = worker_factory()
    translator = ProjectTranslator(project, worker, write=machine_writer(project))
    seen = []
    translator.progress.connect(lambda s: seen.append((s.done, s.total)))
    with qtbot.waitSignal(worker.model_loaded, timeout=30_000):
        worker.start()
    with qtbot.waitSignal(translator.finished, timeout=60_000) as finished:
        assert translator.pretranslate() == 30
    summary = finished.args[0]
    assert not summary.cancelled and summary.drafted == 30
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1] == (30, 30)
    for cue in project.doc:
        if not cue.source:
            assert cue.state is State.UNTRANSLATED and cue.target == ""
            continue
        assert cue.state is State.MT_DRAFT and cue.target == cue.draft.text
        d = cue.draft
        assert d.origin == "mt" and d.engine.startswith("ctranslate2") and d.model_id == "tiny"
        assert len(d.model_hash) == 64 and d.settings["beam_size"] == 2
        assert 0.0 <= d.score <= 1.0 and d.raw_output
        assert all(0.0 <= s <= 1.0 for _, s in d.alternatives)
    project.close()
    reopened = Project.open(tmp_path / "p.subrev")
    assert sum(c.state is State.MT_DRAFT for c in reopened.doc) == 30
    reopened.close()


def test_cancel_keeps_finished_lines_and_stops_the_rest(worker_factory, tmp_path, qtbot):
    project = make_project(tmp_path / "p.subrev", 60)
    worker = worker_factory(chunk_size=4)
    translator = ProjectTranslator(project, worker, write=machine_writer(project))
    translator.progress.connect(lambda s: translator.cancel())
    with qtbot.waitSignal(worker.model_loaded, timeout=30_000):
        worker.start()
    with qtbot.waitSignal(translator.finished, timeout=60_000) as finished:
        translator.pretranslate()
    summary = finished.args[0]
    drafted = [c for c in project.doc if c.state is State.MT_DRAFT]
    assert summary.cancelled
    assert 4 <= len(drafted) < 60 and len(drafted) == summary.drafted
    assert all(c.target == c.draft.text for c in drafted)
    assert not translator.running


def test_the_current_line_jumps_ahead_of_a_running_pretranslation(worker_factory, tmp_path, qtbot):
    project = make_project(tmp_path / "p.subrev", 80)
    worker = worker_factory(chunk_size=2)
    translator = ProjectTranslator(project, worker, write=machine_writer(project))
    with qtbot.waitSignal(worker.model_loaded, timeout=30_000):
        worker.start()
    progress_at_suggestion = []
    last_progress = [0]
    translator.progress.connect(lambda s: last_progress.__setitem__(0, s.done))
    translator.suggestion_for_cue.connect(lambda s: progress_at_suggestion.append(last_progress[0]))
    with qtbot.waitSignal(translator.finished, timeout=120_000):
        translator.pretranslate()
        translator.suggest(40)
    assert len(progress_at_suggestion) == 1
    assert progress_at_suggestion[0] < 40  # answered long before the batch was through


def test_a_suggestion_for_a_changed_cue_is_dropped(worker_factory, tmp_path, qtbot):
    project = make_project(tmp_path / "p.subrev", 5)
    worker = worker_factory()
    translator = ProjectTranslator(project, worker, write=machine_writer(project))
    delivered, answered = [], []
    translator.suggestion_for_cue.connect(delivered.append)
    # A plain list, not waitSignal: this signal comes twice from the worker thread, and a queued second
    # emission reaching a finished waitSignal blocker crashes pytest-qt (seen once from a clean clone).
    worker.suggestion_ready.connect(lambda suggestion, revision: answered.append(suggestion.cue_id))
    with qtbot.waitSignal(worker.model_loaded, timeout=30_000):
        worker.start()
    translator.suggest(1)
    translator.suggest(2)
    project.apply(edits.SetSource(1, "完全不同的一句话"), actor="tester")  # before any result arrives
    qtbot.waitUntil(lambda: len(answered) == 2 and len(delivered) == 1, timeout=30_000)
    assert sorted(answered) == [1, 2]  # the worker answered both; the stale one was dropped
    assert [s.cue_id for s in delivered] == [2]
    assert delivered[0].draft is not None and delivered[0].source == project.doc.get(2).source


def test_a_broken_model_is_reported_and_the_worker_keeps_answering(worker_factory, tmp_path, qtbot):
    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / "model.bin").write_bytes(b"not a model")
    project = make_project(tmp_path / "p.subrev", 3)
    worker = worker_factory(model_dir=broken)
    translator = ProjectTranslator(project, worker, write=machine_writer(project))
    with qtbot.waitSignal(worker.model_failed, timeout=30_000) as failed:
        worker.start()
    assert str(broken) in failed.args[0] or "model" in failed.args[0].lower()
    with qtbot.waitSignal(worker.suggestion_failed, timeout=10_000):
        translator.suggest(1)
    with qtbot.waitSignal(translator.failed, timeout=10_000):
        translator.pretranslate()
    assert all(c.state is State.UNTRANSLATED for c in project.doc)
    assert threading.active_count() >= 1 and not translator.running


def test_engine_error_type_is_what_the_worker_reports(tmp_path):
    with pytest.raises(EngineError):
        CT2Engine.load(tmp_path / "nothing-here", device="cpu")


def test_a_request_made_before_the_worker_starts_waits_for_the_model(worker_factory, tmp_path, qtbot):
    project = make_project(tmp_path / "p.subrev", 3)
    worker = worker_factory()
    translator = ProjectTranslator(project, worker, write=machine_writer(project))
    failures = []
    worker.suggestion_failed.connect(lambda *a: failures.append(a))
    translator.suggest(1)  # the window asks for the first line while it is still opening
    with qtbot.waitSignal(translator.suggestion_for_cue, timeout=30_000) as got:
        worker.start()
    assert got.args[0].cue_id == 1 and got.args[0].draft is not None and not failures


def test_started_without_loading_the_model_loads_it_for_the_first_line_that_needs_it(worker_factory, tmp_path,
                                                                                     qtbot):
    project = make_project(tmp_path / "p.subrev", 3)
    worker = worker_factory()
    translator = ProjectTranslator(project, worker, write=machine_writer(project))
    loaded = []
    worker.model_loaded.connect(loaded.append)
    worker.start(load_now=False)
    qtbot.wait(500)
    assert not loaded and worker.info is None  # nothing needed it yet: no model in memory
    with qtbot.waitSignal(translator.suggestion_for_cue, timeout=30_000) as got:
        translator.suggest(2)
    assert loaded and worker.info is not None
    assert got.args[0].cue_id == 2 and got.args[0].draft is not None
    with qtbot.waitSignal(translator.finished, timeout=60_000):  # later work reuses the loaded model
        translator.pretranslate()
    assert len(loaded) == 1


def test_started_without_loading_a_broken_model_is_reported_at_first_need(worker_factory, tmp_path, qtbot):
    broken = tmp_path / "broken-model"
    broken.mkdir()
    project = make_project(tmp_path / "p.subrev", 2)
    worker = worker_factory(model_dir=broken)
    translator = ProjectTranslator(project, worker, write=machine_writer(project))
    worker.start(load_now=False)
    with qtbot.waitSignal(worker.model_failed, timeout=30_000) as failed:
        translator.suggest(1)
    assert failed.args[0]


class _FailsOnce:
    """The real engine, with one injected failure (an out-of-memory cannot be produced safely in a test)."""

    def __init__(self, engine, fail_on_call: int) -> None:
        self._engine = engine
        self.info = engine.info
        self.calls = 0
        self.fail_on_call = fail_on_call

    def translate(self, *args, **kwargs):
        self.calls += 1
        if self.calls == self.fail_on_call:
            raise MemoryError("simulated: not enough memory to translate")
        return self._engine.translate(*args, **kwargs)

    def close(self) -> None:
        self._engine.close()


def test_a_model_failing_mid_batch_keeps_finished_drafts_and_the_worker_alive(tiny_model_dir, tmp_path, qtbot):
    project = make_project(tmp_path / "p.subrev", 40)
    engine = _FailsOnce(CT2Engine.load(tiny_model_dir, model_id="tiny", device="cpu"), fail_on_call=3)
    worker = TranslationWorker(lambda: engine, lambda e: Pretranslator(e, OPTIONS, source_lang="zh-Hans",
                                                                       target_lang="en"), chunk_size=5)
    translator = ProjectTranslator(project, worker, write=machine_writer(project))
    try:
        with qtbot.waitSignal(worker.model_loaded, timeout=30_000):
            worker.start()
        with qtbot.waitSignal(translator.failed, timeout=60_000) as failed, \
                qtbot.waitSignal(translator.finished, timeout=60_000) as finished:
            translator.pretranslate()
        assert "not enough memory" in failed.args[0]
        assert finished.args[0].cancelled and not translator.running
        drafted = [c for c in project.doc if c.state is State.MT_DRAFT]
        assert len(drafted) == 10  # the two chunks before the failure, saved
        project.close()
        reopened = Project.open(tmp_path / "p.subrev")
        assert sum(c.state is State.MT_DRAFT for c in reopened.doc) == 10
        reopened.close()
        project = Project.open(tmp_path / "p.subrev")
        translator.project = project
        undrafted = next(c.id for c in project.doc if c.state is State.UNTRANSLATED and c.source)
        with qtbot.waitSignal(translator.suggestion_for_cue, timeout=30_000) as got:
            translator.suggest(undrafted)  # the app keeps working: the next request is answered
        assert got.args[0].cue_id == undrafted and got.args[0].draft is not None
    finally:
        worker.stop()
        project.close()


# -- damaged models: messages, never a crash -------------------------------------------------------------------------
def _damaged_copy(source_dir, folder, *, header: bool):
    shutil.copytree(source_dir, folder)
    if header:  # a flipped letter in a weight's name: CTranslate2 raises IndexError while loading
        start = int(model_bin_variables(folder / "model.bin")["decoder/layer_0/attention/linear_0/weight"]["start"])
        patch_model_bin(folder, start + 2, "<B", ord("X"))
    else:  # one token's weights are not numbers: lines with it go wrong, the others translate
        poison_source_token(folder, "钱")
    return folder


@pytest.mark.parametrize("load_now", [True, False])
def test_a_model_damaged_in_its_header_is_reported_as_a_sentence(worker_factory, tiny_model_dir, tmp_path, qtbot,
                                                                 load_now):
    broken = _damaged_copy(tiny_model_dir, tmp_path / "broken-model", header=True)
    project = make_project(tmp_path / "p.subrev", 2)
    worker = worker_factory(model_dir=broken)
    translator = ProjectTranslator(project, worker, write=machine_writer(project))
    failed_lines = []
    worker.suggestion_failed.connect(lambda cue_id, message: failed_lines.append(message))
    with qtbot.waitSignal(worker.model_failed, timeout=30_000) as failed:
        worker.start(load_now=load_now)
        translator.suggest(1)
    assert "looks damaged" in failed.args[0] and "reinstall it" in failed.args[0] and str(broken) in failed.args[0]
    qtbot.waitUntil(lambda: bool(failed_lines), timeout=10_000)
    assert failed_lines == [failed.args[0]]
    assert all(c.state is State.UNTRANSLATED for c in project.doc)


def test_damaged_weights_met_while_drafting_fail_the_job_and_keep_what_was_drafted(demo_model_dir, tmp_path, qtbot):
    model = _damaged_copy(demo_model_dir, tmp_path / "demo-copy", header=False)
    # Chunks go shortest first: the two lines with the damaged token are the longest, so they come last.
    sources = ["我爱你。", *(f"我们明天{n}点见。" for n in range(1, 8))]
    sources += ["他今天晚上不要你的钱。", "他明天早上也不要你的钱。"]
    cues = [Cue(i, i * 1000, i * 1000 + 900, s) for i, s in enumerate(sources, start=1)]
    project = Project.create(tmp_path / "p.subrev", cues, ProjectMeta(source_lang="zh-Hans", target_lang="en"),
                             actor="t")
    worker = TranslationWorker(lambda: CT2Engine.load(model, model_id="demo-copy", device="cpu"),
                               lambda e: Pretranslator(e, OPTIONS, source_lang="zh-Hans", target_lang="en"),
                               chunk_size=4)
    translator = ProjectTranslator(project, worker, write=machine_writer(project))
    try:
        with qtbot.waitSignal(worker.model_loaded, timeout=30_000):
            worker.start()
        with qtbot.waitSignal(worker.suggestion_failed, timeout=30_000) as line_failed:
            translator.suggest(9)
        assert line_failed.args[0] == 9 and "demo-copy" in line_failed.args[1]
        assert "looks damaged" in line_failed.args[1]
        with qtbot.waitSignal(translator.failed, timeout=60_000) as failed, \
                qtbot.waitSignal(translator.finished, timeout=60_000):
            translator.pretranslate()
        assert "looks damaged" in failed.args[0] and "reinstall it" in failed.args[0]
        assert [c.state for c in project.doc] == [State.MT_DRAFT] * 8 + [State.UNTRANSLATED] * 2
        with qtbot.waitSignal(translator.suggestion_for_cue, timeout=30_000) as got:
            translator.suggest(1)  # the worker goes on: lines without the damaged token still translate
        assert "love" in got.args[0].draft.text.lower()
    finally:
        worker.stop()
        project.close()
