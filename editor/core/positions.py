"""Where an item sits in a list, for views that mostly look up rows near the top.

A dict from id to row costs ~3 ms and ~4 MB to build for a season's 50,000 lines, and the window would build
four of them (document, table, filter, timeline) for its first screen, which shows rows near the top.
`list.index` finds those in microseconds (a scan in C). So a `Positions` scans until its scans have cost about
as much as building the dict would (the entries scanned add up to the length of the list), then builds the
dict: never much more than twice the dict's cost, and next to nothing for lookups near the top. Measured with
plain dicts instead: the window's peak memory with a season ~10 MB higher, and its start ~30 ms later (bench
apps; decision 021).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any


class Positions:
    """`get(key)`: the index of the item with that key, or None. Keys are unique: the items themselves, or
    `key(item)` (then `get` needs the item itself as `probe`, to scan for it). The owner makes a new one when
    the list changes; the list must not change while this one is in use."""

    __slots__ = ("_items", "_key", "_map", "_scanned")

    def __init__(self, items: Sequence[Any], key: Callable[[Any], Hashable] | None = None) -> None:
        self._items = items
        self._key = key
        self._map: dict[Hashable, int] | None = None
        self._scanned = 0

    def get(self, key: Hashable, probe: Any = None) -> int | None:
        if self._map is not None:
            return self._map.get(key)
        items = self._items
        try:
            at: int | None = items.index(key if self._key is None else probe)
        except ValueError:
            at = None
        self._scanned += len(items) if at is None else at + 1
        if self._scanned >= len(items):
            keys = items if self._key is None else map(self._key, items)
            self._map = dict(zip(keys, range(len(items)), strict=True))
        return at
