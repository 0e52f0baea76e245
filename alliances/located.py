"""Values read from a data file that remember where they stand, and the limits on files.

Kept apart from the YAML reader so that code working on checked data (the validator's types,
the cache) does not import PyYAML.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MAX_BYTES", "MAX_DEPTH", "Map", "Pos", "Seq"]

MAX_BYTES = 64 * 1024 * 1024
"""The largest data file we read (the bundled data is about 1 MB)."""

MAX_DEPTH = 32
"""The deepest nesting of mappings and lists we read (the schema needs six levels); it keeps
every recursive walk of the data far from Python's recursion limit."""

Pos = tuple[int, int]


_NOWHERE: dict[str, Pos] = {}


class Map(dict[str, Any]):
    """A mapping that remembers where it, its keys and its values stand."""

    __slots__ = ("kpos", "pos", "vpos")

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.kpos: dict[str, Pos] = {}
        self.vpos: dict[str, Pos] = {}

    @classmethod
    def at(cls, pos: Pos) -> Map:
        """A mapping that knows only its own place (its keys and values share it): cheaper to
        make, for readers that do not locate keys."""
        m = cls.__new__(cls)
        m.pos = pos
        m.kpos = m.vpos = _NOWHERE
        return m

    def key_pos(self, key: str) -> Pos:
        return self.kpos.get(key, self.pos)

    def value_pos(self, key: str) -> Pos:
        return self.vpos.get(key, self.kpos.get(key, self.pos))


class Seq(list[Any]):
    """A sequence that remembers where it and each item stand."""

    __slots__ = ("ipos", "pos")

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.ipos: list[Pos] = []

    def item_pos(self, index: int) -> Pos:
        return self.ipos[index] if 0 <= index < len(self.ipos) else self.pos
