"""A pure function's last answer, kept for its last argument (compared by identity).

For what is costly to derive from an immutable value and asked for again with the same
one: match._index (28 ms of compiled keywords a catalogue) for the one catalogue a
command loads, or the web app serves. A cache of a pure function, not a run's state:
forgetting it changes no answer, only the time it takes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class last_one(Generic[T, R]):
    """`build(value)`, built again only for a value that is not the last one."""

    def __init__(self, build: Callable[[T], R]) -> None:
        self.build = build
        self.__doc__ = build.__doc__
        self._kept: tuple[T, R] | None = None

    def __call__(self, value: T) -> R:
        if self._kept is None or self._kept[0] is not value:
            self._kept = (value, self.build(value))
        return self._kept[1]

    def forget(self) -> None:
        self._kept = None
