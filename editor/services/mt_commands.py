"""`subreview pretranslate` and `subreview models ...`: the command-line face of local machine translation."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.core import cli
from editor.core.terminal_progress import TerminalProgress

if TYPE_CHECKING:
    from editor.core.mt.suggestions import RunSummary

# The models and the pipeline are imported when a command runs: every start of the window builds this parser.


class ProgressBar(TerminalProgress):
    """A pre-translation's progress on the terminal: lines done, their rate, and the time left."""

    def __init__(self, stream: Any = None, width: int = 28) -> None:
        super().__init__("pretranslate", stream, width)

    def update_run(self, s: RunSummary) -> None:
        rate = s.done / s.seconds if s.seconds > 0 else 0.0
        left = (s.total - s.done) / rate if rate > 0 else 0.0
        self.update(s.done / max(1, s.total), f"{s.done}/{s.total} lines, {rate:.1f} lines/s, {left:.0f} s left")


@contextmanager
def _stop_on_interrupt() -> Iterator[list[bool]]:
    """First Ctrl+C asks to stop after the chunk in progress (kept); a second one interrupts at once."""
    flag = [False]
    previous = signal.getsignal(signal.SIGINT)

    def handler(signum: int, frame: Any) -> None:
        if flag[0]:
            signal.signal(signal.SIGINT, previous)
            raise KeyboardInterrupt
        flag[0] = True
        sys.stderr.write("\nstopping after the lines in progress (Ctrl+C again to stop at once)...\n")

    signal.signal(signal.SIGINT, handler)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)


def load_engine(model: str | None, device: str) -> Any:
    """The engine for a registry name, a model folder, or the default model."""
    from editor.core.mt import registry
    from editor.core.mt.engine import EngineError
    from editor.services.ct2_engine import CT2Engine  # imports ctranslate2 (~0.1 s): only when translating

    entry = registry.get_model(model) if model else registry.default_model()
    if entry is None:
        raise EngineError("no translation model is installed; add one with 'subreview models add DIR'")
    return CT2Engine.from_entry(entry, device=device), entry


def cmd_pretranslate(args: argparse.Namespace) -> int:
    from editor.core.mt.cache import TranslationCache
    from editor.core.mt.engine import DecodingOptions, EngineError
    from editor.core.mt.languages import check_languages
    from editor.core.mt.memory import TranslationMemory
    from editor.core.mt.pretranslate import Layout, Pretranslator, pretranslate_project
    from editor.core.store import Project

    actor_name = cli.reviewer_name(args.reviewer)
    with Project.open(cli._existing_file(args.project, "project")) as project:
        engine, entry = load_engine(args.model, args.device)
        try:
            check_languages(entry, project.meta.source_lang, project.meta.target_lang)
            fallback = engine.info.extra.get("fallback")
            if fallback:
                print(f"note: {fallback}; translating on the CPU", file=sys.stderr)
            memory = TranslationMemory(project.meta.source_lang, project.meta.target_lang)
            memory.add_cues(project.doc, project.path.name)
            for other in args.memory or ():
                read = memory.add_project_file(other)
                if read.note:  # another language pair: not used
                    print(f"note: {read.note}", file=sys.stderr)
            profile = cli.project_profile(project, None)
            options = DecodingOptions(beam_size=args.beam, num_hypotheses=min(3, args.beam))
            pretranslator = Pretranslator(
                engine, options, source_lang=project.meta.source_lang, target_lang=project.meta.target_lang,
                layout=Layout(profile.max_chars_per_line, profile.max_lines), memory=memory,
                cache=None if args.no_cache else TranslationCache(),
                glossary=cli.project_glossary(project))
            bar = ProgressBar()
            drafted = [0]

            def progress(s: RunSummary) -> None:
                drafted[0] = s.drafted
                bar.update_run(s)

            try:
                with _stop_on_interrupt() as stop:
                    summary = pretranslate_project(
                        project, pretranslator, actor=f"{actor_name} via {engine.info.model_id}",
                        only_empty=args.only_empty, progress=progress, should_stop=lambda: stop[0])
            except EngineError as exc:  # e.g. a model damaged where only some lines reach: finished chunks stay
                if not drafted[0]:
                    raise
                raise EngineError(f"{exc} (the {drafted[0]} lines drafted before are saved)") from None
            finally:
                bar.close()
        finally:
            engine.close()
    state = "stopped early; finished lines are saved" if summary.cancelled else "done"
    same = f", {summary.unchanged} already held the same draft" if summary.unchanged else ""
    print(f"{state}: drafted {summary.drafted} of {summary.total} lines ({summary.from_memory} from memory{same}) "
          f"in {summary.seconds:.1f} s with {engine.info.model_id} on {engine.info.device}")
    return 130 if summary.cancelled else cli.EXIT_OK


def cmd_models_list(args: argparse.Namespace) -> int:
    from editor.core.mt import registry

    entries = registry.list_models()
    if not entries:
        print("no models installed")
    for e in entries:
        langs = f"{','.join(e.source_langs)} -> {','.join(e.target_langs)}"
        print(f"{e.name:<24} {langs:<20} {e.size_bytes / 1e6:7.1f} MB  {e.sha256[:12]}  {e.path}")
    return cli.EXIT_OK


def cmd_models_add(args: argparse.Namespace) -> int:
    from editor.core.mt import registry

    entry = registry.add_model(Path(args.dir), name=args.name, source_langs=tuple(args.source_lang or ()),
                               target_langs=tuple(args.target_lang or ()))
    print(f"added {entry.name}: {','.join(entry.source_langs)} -> {','.join(entry.target_langs)} ({entry.path})")
    return cli.EXIT_OK


def cmd_models_import(args: argparse.Namespace) -> int:
    from editor.core.mt import registry

    entry = registry.import_argos(Path(args.file))
    print(f"imported {entry.name}: {','.join(entry.source_langs)} -> {','.join(entry.target_langs)} ({entry.path})")
    return cli.EXIT_OK


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pretranslate", help="Draft every untranslated line with the local model.",
                       description="Draft lines with the local translation model (offline). Drafts stay "
                       "drafts: no line a person decided is touched.")
    p.set_defaults(func=cmd_pretranslate)
    p.add_argument("project")
    p.add_argument("--model", help="registered model name or a model folder (default: the bundled demo model)")
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    p.add_argument("--beam", type=_beam, default=4, help="beam size (1 = greedy; default 4)")
    p.add_argument("--only-empty", action="store_true", help="only lines with no target text at all")
    p.add_argument("--memory", action="append", metavar="PROJECT",
                   help="another project (e.g. an earlier episode) to reuse people's translations from")
    p.add_argument("--no-cache", action="store_true", help="do not reuse or store cached translations")
    p.add_argument("--reviewer", help="name recorded with the run")

    models = sub.add_parser("models", help="List, add or import translation models.",
                            description="List, add or import translation models.")
    msub = models.add_subparsers(dest="models_command", metavar="ACTION", required=True,
                                 parser_class=type(models))
    m = msub.add_parser("list", help="List installed models.", description="List installed models.")
    m.set_defaults(func=cmd_models_list)
    m = msub.add_parser("add", help="Register a CTranslate2 model folder.",
                        description="Register a CTranslate2 model folder (copied into SubReview's models folder).")
    m.set_defaults(func=cmd_models_add)
    m.add_argument("dir")
    m.add_argument("--name")
    m.add_argument("--source-lang", action="append")
    m.add_argument("--target-lang", action="append")
    m = msub.add_parser("import", help="Import an Argos Translate package (.argosmodel).",
                        description="Import an Argos Translate package (.argosmodel).")
    m.set_defaults(func=cmd_models_import)
    m.add_argument("file")


def _beam(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 16:
        raise argparse.ArgumentTypeError("must be between 1 and 16")
    return value
