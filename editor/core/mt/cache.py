"""A persistent cache of machine translations keyed by model, languages, decoding settings and input text."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from editor.core.cache_dir import user_cache_dir
from editor.core.mt.engine import DecodingOptions, Hypothesis


def default_cache_path() -> Path:
    return user_cache_dir() / "mt-cache.sqlite"


def cache_key(model_hash: str, options: DecodingOptions, source_lang: str, target_lang: str, text: str) -> str:
    material = json.dumps([model_hash, options.decoding_key(), source_lang, target_lang, text],
                          ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class TranslationCache:
    """SQLite-backed; safe to share between threads. A cache that cannot be opened simply stays empty."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_cache_path()
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None
        self.error = ""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=2.0)
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("CREATE TABLE IF NOT EXISTS mt (key TEXT PRIMARY KEY, hyps TEXT NOT NULL)")
            self._con = con
        except (OSError, sqlite3.Error) as exc:  # a cache is an optimisation: never fail the work for it
            self.error = f"translation cache disabled: {exc}"

    def get_many(self, keys: Sequence[str]) -> dict[str, list[Hypothesis]]:
        if self._con is None or not keys:
            return {}
        found: dict[str, list[Hypothesis]] = {}
        with self._lock, contextlib.suppress(sqlite3.Error):
            for start in range(0, len(keys), 500):
                chunk = list(keys[start:start + 500])
                marks = ",".join("?" * len(chunk))
                for key, hyps in self._con.execute(f"SELECT key, hyps FROM mt WHERE key IN ({marks})", chunk):
                    found[key] = [Hypothesis(t, s, r) for t, s, r in json.loads(hyps)]
        return found

    def put_many(self, items: dict[str, list[Hypothesis]]) -> None:
        if self._con is None or not items:
            return
        rows = [(k, json.dumps([[h.text, h.score, h.raw_output] for h in v], ensure_ascii=False))
                for k, v in items.items()]
        with self._lock:
            try:
                self._con.execute("BEGIN")
                self._con.executemany("INSERT OR REPLACE INTO mt (key, hyps) VALUES (?, ?)", rows)
                self._con.execute("COMMIT")
            except sqlite3.Error:
                with contextlib.suppress(sqlite3.Error):
                    self._con.execute("ROLLBACK")

    def close(self) -> None:
        if self._con is not None:
            with self._lock:
                self._con.close()
                self._con = None
