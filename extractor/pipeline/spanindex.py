"""Items (spans, or tuples holding spans) sorted once by where they start, looked up by range:
a clause asks for its own dates, bodies and officials instead of scanning all of a document's."""
from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Generic, Iterable, TypeVar

T = TypeVar("T")


class ByStart(Generic[T]):
    def __init__(self, items: Iterable[T], start: Callable[[T], int]):
        self.items = sorted(items, key=start)  # a stable sort: ties keep the order given
        self.starts = [start(item) for item in self.items]

    def between(self, lo: int, hi: int) -> list[T]:
        """The items that start in [lo, hi), in start order."""
        return self.items[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def last_before(self, position: int) -> T | None:
        """The item that starts last before `position`."""
        i = bisect_left(self.starts, position)
        return self.items[i - 1] if i else None
