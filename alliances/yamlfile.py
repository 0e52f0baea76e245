"""Safe, located YAML reading for hand-written data files.

Every scalar is read as text (dates, codes such as ``NO``, numbers): the validator converts each
field to the type it expects, so YAML 1.1's implicit typing (``NO`` -> False, ``2012-06-28`` ->
date, ``1_000`` -> 1000) never changes a curated value behind the curator's back.

Mappings and sequences come back as :class:`Map` and :class:`Seq`, which remember where each key,
value and item stands (1-based line and column) so that every error can name its place. Keys
written twice, aliases (the "billion laughs" inputs) and tags are refused.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from alliances.errors import DataError, Issue

MAX_BYTES = 64 * 1024 * 1024
"""The largest data file we read (the bundled data is about 1 MB)."""

_Loader: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_PLAIN_TAGS = frozenset(
    ("tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!")
)

Pos = tuple[int, int]


class Map(dict[str, Any]):
    """A mapping that remembers where it, its keys and its values stand."""

    __slots__ = ("kpos", "pos", "vpos")

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.kpos: dict[str, Pos] = {}
        self.vpos: dict[str, Pos] = {}

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


def _pos(node: yaml.Node) -> Pos:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1)


class _Refused(Exception):
    def __init__(self, pos: Pos, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


def _construct(node: yaml.Node, seen: set[int]) -> Any:
    if id(node) in seen:
        raise _Refused(
            _pos(node),
            "YAML aliases (*name) are not allowed in data files: write the value out",
        )
    seen.add(id(node))
    if node.tag not in _PLAIN_TAGS:
        raise _Refused(_pos(node), f"YAML tags ({node.tag}) are not allowed in data files")
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in _NULLS:  # plain style: None or ''
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        seq = Seq(_pos(node))
        for item in node.value:
            seq.ipos.append(_pos(item))
            seq.append(_construct(item, seen))
        return seq
    if isinstance(node, yaml.MappingNode):
        mapping = Map(_pos(node))
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(_pos(key_node), "a mapping key must be plain text")
            key = _construct(key_node, seen)
            key = "" if key is None else key
            if key in mapping:
                first = mapping.kpos[key]
                raise _Refused(
                    _pos(key_node),
                    f"key '{key}' appears twice in this mapping (first at line {first[0]}); "
                    "YAML would silently keep only the last",
                )
            mapping.kpos[key] = _pos(key_node)
            mapping.vpos[key] = _pos(value_node)
            mapping[key] = _construct(value_node, seen)
        return mapping
    raise _Refused(_pos(node), "unexpected YAML node")  # pragma: no cover


def _file_error(path: str, message: str, line: int = 0, column: int = 0) -> DataError:
    return DataError([Issue(path, line, column, message)])


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a data file's bytes, refusing what is not a readable, bounded, regular file."""
    name = os.fspath(path)
    p = Path(name)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise _file_error(name, "no such file") from None
    except OSError as e:
        raise _file_error(name, f"cannot be read: {e.strerror or e}") from None
    if p.is_dir():
        raise _file_error(name, "is a directory, not a YAML data file")
    if st.st_size > MAX_BYTES:
        raise _file_error(
            name, f"is {st.st_size:,} bytes, more than the {MAX_BYTES // 2**20} MiB limit"
        )
    try:
        with p.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise _file_error(name, f"cannot be read: {e.strerror or e}") from None
    if len(data) > MAX_BYTES:
        raise _file_error(name, f"is more than the {MAX_BYTES // 2**20} MiB limit")
    return data


def decode(name: str, data: bytes) -> str:
    """Decode UTF-8 (a BOM is tolerated), naming the line of a bad byte."""
    if b"\x00" in data:
        return _refuse_binary(name, data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise _file_error(
            name, f"is not UTF-8 text (byte 0x{data[e.start]:02x} cannot be decoded)", line, column
        ) from None


def _refuse_binary(name: str, data: bytes) -> str:
    at = data.index(b"\x00")
    line = data.count(b"\n", 0, at) + 1
    raise _file_error(name, "is binary (it contains NUL bytes), not a YAML text file", line, 1)


def parse(name: str, text: str) -> Any:
    """Parse YAML text into located plain values; raise :class:`DataError` on any problem."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = e.problem or str(e)
        if "'\\t'" in problem or "tab character" in problem:
            problem = "a tab character where YAML expects spaces (indent with spaces only)"
        elif "expected a single document" in problem or "but found another document" in problem:
            problem = "holds more than one YAML document (---); a data file holds one"
        else:
            context = f" {e.context}" if e.context else ""
            problem = f"YAML syntax error: {problem}{context}"
        raise _file_error(name, problem, line, column) from None
    except yaml.YAMLError as e:
        raise _file_error(name, f"YAML error: {e}") from None
    except RecursionError:
        raise _file_error(name, "is nested too deeply to be a data file") from None
    finally:
        loader.dispose()
    if node is None:
        raise _file_error(name, "is empty: a data file starts with 'schema: 1'")
    try:
        return _construct(node, set())
    except _Refused as e:
        raise _file_error(name, e.message, *e.pos) from None
    except RecursionError:
        raise _file_error(name, "is nested too deeply to be a data file") from None


def load(path: str | os.PathLike[str]) -> Any:
    """Read, decode and parse one data file."""
    name = os.fspath(path)
    return parse(name, decode(name, read_bytes(name)))
