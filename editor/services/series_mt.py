"""`subreview series pretranslate`: drafting a whole series with each language's model, loaded once."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from editor.core import cli
from editor.services.mt_commands import ProgressBar, _beam, _stop_on_interrupt

if TYPE_CHECKING:
    from editor.core.mt.suggestions import RunSummary
    from editor.core.series.store import Series

# The series, the models and the pipeline are imported when the command runs: the window builds this parser.


def _pretranslator(series: Series, lang: str, engine: Any, beam: int) -> Any:
    from editor.core.mt.cache import TranslationCache
    from editor.core.mt.engine import DecodingOptions
    from editor.core.mt.memory import TranslationMemory
    from editor.core.mt.pretranslate import Layout, Pretranslator
    from editor.core.review import State
    from editor.core.series.checks import bible_terms, language_profile

    memory = TranslationMemory(series.source_lang, lang)
    for entry in series.memory_entries(lang):
        memory.add(entry.source, entry.target, State(entry.state), entry.episode, entry.line)
    profile = language_profile(series, lang)
    return Pretranslator(engine, DecodingOptions(beam_size=beam, num_hypotheses=min(3, beam)),
                         source_lang=series.source_lang, target_lang=lang,
                         layout=Layout(profile.max_chars_per_line, profile.max_lines), memory=memory,
                         cache=TranslationCache(), glossary=bible_terms(series, lang))


def cmd_series_pretranslate(args: argparse.Namespace) -> int:
    from editor.core.mt import registry
    from editor.core.mt.engine import EngineError
    from editor.core.series.pretranslate import pretranslate_language
    from editor.core.series.store import Series
    from editor.services.ct2_engine import CT2Engine

    actor = cli.reviewer_name(args.reviewer)
    failed = False
    with Series.open(cli._existing_file(args.series, "series")) as series:
        languages = [args.lang] if args.lang else [lang.code for lang in series.languages()]
        episodes = [series.episode_info(e).name for e in args.episode or ()]
        for lang in languages:
            language = series.language(lang)
            entry = registry.model_for(series.source_lang, lang, language.model)
            if entry is None:
                print(f"{lang}: no installed model translates {series.source_lang} into {lang}; nothing was "
                      "drafted (add one with 'subreview models add DIR --target-lang ...')", file=sys.stderr)
                failed = True
                continue
            engine = CT2Engine.from_entry(entry, device=args.device)
            bar = ProgressBar()
            try:
                pretranslator = _pretranslator(series, lang, engine, args.beam)
                with _stop_on_interrupt() as stop:
                    summary = pretranslate_language(series, lang, pretranslator, actor=f"{actor} via {entry.name}",
                                                    episodes=episodes or None, progress=bar.update_run,
                                                    should_stop=lambda: stop[0])
            except EngineError as exc:
                raise EngineError(f"{lang}: {exc} (the lines drafted before are saved)") from None
            finally:
                bar.close()
                engine.close()
            _say(lang, summary, entry.name)
            if summary.cancelled:
                return 130
    return cli.EXIT_BAD_INPUT if failed else cli.EXIT_OK


def _say(lang: str, summary: RunSummary, model: str) -> None:
    print(f"{lang}: drafted {summary.drafted} of {summary.total} lines ({summary.from_memory} from memory) in "
          f"{summary.seconds:.1f} s with {model}")


def add_pretranslate(add: Callable[..., argparse.ArgumentParser]) -> None:
    p = add("pretranslate", cmd_series_pretranslate, "Draft every untranslated line of the series with each "
            "language's local model (loaded once; never a line a person decided).", writes=True)
    p.add_argument("series")
    p.add_argument("--lang", help="only this target language (default: every language of the series)")
    p.add_argument("--episode", action="append", metavar="EPISODE", help="only this episode (repeat for several)")
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    p.add_argument("--beam", type=_beam, default=4, help="beam size (1 = greedy; default 4)")
