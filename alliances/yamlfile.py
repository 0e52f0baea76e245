"""Safe, located YAML reading for hand-written data files.

Every scalar is read as text (dates, codes such as ``NO``, numbers): the validator converts each
field to the type it expects, so YAML 1.1's implicit typing (``NO`` -> False, ``2012-06-28`` ->
date, ``1_000`` -> 1000) never changes a curated value behind the curator's back.

Mappings and sequences come back as :class:`Map` and :class:`Seq`, which remember where each key,
value and item stands (1-based line and column) so that every error can name its place. Keys
written twice, aliases (the "billion laughs" inputs), anchors and tags are refused.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from alliances.errors import DataError, Issue
from alliances.located import MAX_BYTES, MAX_DEPTH, Map, Pos, Seq

_Loader: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_PLAIN_TAGS = frozenset(
    ("tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!")
)

def _pos(node: yaml.Node) -> Pos:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1)


class _Refused(Exception):
    def __init__(self, pos: Pos, message: str, *, alias: bool = False) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message
        self.alias = alias


def _construct(node: yaml.Node, seen: set[int], depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise _Refused(
            _pos(node),
            f"nested more than {MAX_DEPTH} levels deep; a data file needs far fewer",
        )
    if id(node) in seen:
        raise _Refused(
            _pos(node),
            "YAML aliases (*name) are not allowed in data files: write the value out",
            alias=True,
        )
    seen.add(id(node))
    if node.tag not in _PLAIN_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise _Refused(_pos(node), f"YAML tags ({tag}) are not allowed in data files")
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in _NULLS:  # plain style: None or ''
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        seq = Seq(_pos(node))
        for item in node.value:
            seq.ipos.append(_pos(item))
            seq.append(_construct(item, seen, depth + 1))
        return seq
    if isinstance(node, yaml.MappingNode):
        mapping = Map(_pos(node))
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(_pos(key_node), "a mapping key must be plain text")
            _construct(key_node, seen, depth + 1)  # its checks: tags, aliases, depth
            key = key_node.value  # as written: a key 'null' or '~' is named as such
            if key in mapping:
                first = mapping.kpos[key]
                raise _Refused(
                    _pos(key_node),
                    f"key '{key}' appears twice in this mapping (first at line {first[0]}); "
                    "YAML would silently keep only the last",
                )
            mapping.kpos[key] = _pos(key_node)
            mapping.vpos[key] = _pos(value_node)
            mapping[key] = _construct(value_node, seen, depth + 1)
        return mapping
    raise _Refused(_pos(node), "unexpected YAML node")  # pragma: no cover


def _file_error(path: str, message: str, line: int = 0, column: int = 0) -> DataError:
    return DataError([Issue(path, line, column, message)])


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a data file's bytes, refusing what is not a readable, bounded, regular file."""
    name = os.fspath(path)
    if not name.strip():
        raise _file_error("(empty path)", "a data file was given as an empty path")
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
            data = _read_bounded(f, st.st_size)
    except OSError as e:
        raise _file_error(name, f"cannot be read: {e.strerror or e}") from None
    if len(data) > MAX_BYTES:
        raise _file_error(name, f"is more than the {MAX_BYTES // 2**20} MiB limit")
    return data


def _read_bounded(f: BinaryIO, size: int) -> bytes:
    """At most ``MAX_BYTES + 1`` bytes, in pieces no larger than what is there: ``read(n)``
    allocates ``n`` bytes first, and a 64 MiB buffer for every small file (or for a pipe,
    whose size is 0) is memory for nothing."""
    chunks: list[bytes] = []
    total = 0
    want = size + 1 if size > 0 else 2**20
    while total <= MAX_BYTES:
        chunk = f.read(min(want, MAX_BYTES + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if size > 0 and len(chunk) <= size:
            break  # a regular file, read to its end
        want = 2**20  # the file grew, or it is a pipe: go on in 1 MiB pieces
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def decode(name: str, data: bytes) -> str:
    """Decode UTF-8 (a BOM is tolerated), naming the line of a bad byte."""
    for bom, encoding in _OTHER_BOMS:
        if data.startswith(bom):
            raise _file_error(name, f"is {encoding} text: save it as UTF-8", 1, 1)
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


_OTHER_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


def _refuse_binary(name: str, data: bytes) -> str:
    at = data.index(b"\x00")
    line = data.count(b"\n", 0, at) + 1
    raise _file_error(name, "is binary (it contains NUL bytes), not a YAML text file", line, 1)


_PLAIN_WORDS = (
    ("mapping values are not allowed",
     "a ':' where no key can start: check the indentation, or quote a value that holds ': '"),
    ("could not find expected ':'",
     "a line that is neither 'key: value' nor '- item' (a missing ':' or a stray line?)"),
    ("did not find expected key",
     "a line where a 'key: value' was expected: check the indentation"),
    ("did not find expected '-' indicator",
     "a line where a list item '- ...' was expected: check the indentation"),
    ("did not find expected ',' or '}'",
     "a '{' that is not closed, or a missing ',' between its entries"),
    ("did not find expected ',' or ']'",
     "a '[' that is not closed, or a missing ',' between its items"),
    ("end of stream while scanning a quoted scalar", "a quote that is never closed"),
    ("found character that cannot start any token",
     "a value starts with a character YAML reserves ('@', '`' or '%'): quote the value"),
)
"""PyYAML's words for the common slips in hand-written files, and what they mean."""


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
        elif "expected <document start>" in problem:
            problem = "holds text after the end of its document ('...'); a data file holds one"
        elif "maximum nesting depth" in problem:
            problem = f"nested more than {MAX_DEPTH} levels deep; a data file needs far fewer"
        else:
            context = f" {e.context}" if e.context else ""
            for pattern, plain in _PLAIN_WORDS:
                if pattern in f"{problem}{context}":
                    problem, context = plain, ""
                    break
            began = e.context_mark
            if began is not None and mark is not None and began.line != mark.line:
                context += f" (begun at line {began.line + 1}, column {began.column + 1})"
            problem = f"YAML syntax error: {problem}{context}"
        raise _file_error(name, problem, line, column) from None
    except yaml.reader.ReaderError as e:
        line, column = _line_column(text, e.position)
        what = f"U+{e.character:04X}" if isinstance(e.character, int) else repr(e.character)
        raise _file_error(
            name, f"holds a control character ({what}) that YAML does not allow", line, column
        ) from None
    except yaml.YAMLError as e:
        raise _file_error(name, "YAML error: " + " ".join(str(e).split())) from None
    except RecursionError:
        raise _file_error(name, "is nested too deeply to be a data file") from None
    finally:
        loader.dispose()
    if node is None:
        raise _file_error(name, "is empty: a data file starts with 'schema: 1'")
    try:
        value = _construct(node, set())
    except _Refused as e:
        if e.alias:  # the node says where the anchor is; the events say where the alias is
            alias = _first(text, "alias")
            if alias is not None:
                raise _file_error(
                    name,
                    f"YAML aliases (*{alias[0]}) are not allowed in data files: "
                    "write the value out",
                    *alias[1],
                ) from None
        raise _file_error(name, e.message, *e.pos) from None
    except RecursionError:
        raise _file_error(name, "is nested too deeply to be a data file") from None
    if _MAYBE_ANCHOR.search(text):
        anchor = _first(text, "anchor")
        if anchor is not None:
            raise _file_error(
                name,
                f"YAML anchors (&{anchor[0]}) are not allowed in data files: "
                "write the value out",
                *anchor[1],
            )
    return value


_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s]")
"""Where an anchor could start; only then is the text scanned for one (data rarely has '&')."""


def _first(text: str, what: str) -> tuple[str, Pos] | None:
    """The name and place of the first alias (``what="alias"``) or anchor in ``text``.

    An anchor alone is harmless, but curated data needs none, and an alias is best shown where
    it is used: both are found by a second pass over the parser's events, on the rare files
    that hold one."""
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if what == "alias" and not isinstance(event, yaml.AliasEvent):
                continue
            anchor = getattr(event, "anchor", None)
            mark = event.start_mark
            if anchor is not None and mark is not None:
                return str(anchor), (mark.line + 1, mark.column + 1)
    except yaml.YAMLError:  # pragma: no cover - the text has already been parsed once
        return None
    return None


def _line_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def load(path: str | os.PathLike[str]) -> Any:
    """Read, decode and parse one data file."""
    name = os.fspath(path)
    return parse(name, decode(name, read_bytes(name)))
