"""The user's cache folder: `$SUBREVIEW_CACHE_DIR`, else the platform's (e.g. ~/.cache/SubReview).

What lives there can always be rebuilt (translations already made, model hashes, finished QA checks), so
losing it costs time, never work.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "SubReview"


def user_cache_dir() -> Path:
    folder = os.environ.get("SUBREVIEW_CACHE_DIR")
    if folder:
        return Path(folder)
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)
