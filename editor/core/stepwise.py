"""Work cut into steps: a generator that `yield`s between steps and returns its result at the end."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any


def drain(steps: Generator[None, None, Any]) -> Any:
    """Run a stepwise computation to its end and return its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value
