"""A fast reader for the plain subset of YAML that data files use, with a strict fallback.

Large data files (a whole Correlates of War table, a synthetic dataset a hundred times ours)
take seconds to read through PyYAML, most of it spent creating a node object per scalar. This
reader handles the subset our files are written in, line by line:

- block mappings and block sequences indented with spaces (a sequence may sit at its key's
  indentation, as PyYAML writes it), compact ``- key: value`` items;
- flow mappings and sequences (``{date: 1992-05-15, sources: [s]}``), also over several lines;
- plain, single-quoted and double-quoted (simple escapes) scalars, over several lines too, and
  ``>``/``>-``/``|``/``|-`` block scalars without more-indented or trailing blank lines;
- full-line comments and blank lines.

It returns the same values as :func:`alliances.yamlfile.parse` (every scalar as text; ``~``,
``null`` and empty plain scalars as None), in :class:`~alliances.yamlfile.Map` and
:class:`~alliances.yamlfile.Seq` that know the line and column where each mapping, sequence and
item starts (keys and values share their mapping's position). Anything outside the subset —
tabs, anchors, aliases, tags, directives, documents markers, comments after a value, duplicate
keys, a ``: `` or `` #`` inside a plain scalar, unusual escapes, odd indentation — raises
:class:`Unsupported`, and the caller reads the file with PyYAML instead, which then reports any
error precisely. Being stricter than YAML is safe; being looser never happens by design, and the
test suite checks the two readers agree on the bundled data and on generated documents.
"""

from __future__ import annotations

import re
from typing import Any

from alliances.located import Map, Seq

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_KEY_RE = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.\-]{0,127}):(?: +|$)")  # YAML: keys < 1024
_BLOCK_SCALAR = re.compile(r"^([>|])(-?)$")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_DQ_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r", "0": "\0",
               "a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "v": "\v", " ": " "}


_ODD_CHARS = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
"""What PyYAML refuses (controls) or reads in its own way (NEL, U+2028/9 line breaks, BOMs):
left to it, so that its answer and its error message are the only ones."""
_MAX_INDENT = 16
_MAX_FLOW_DEPTH = 8
"""Far deeper than data files go, far below :data:`alliances.yamlfile.MAX_DEPTH` (the full
reader's nesting limit) together: deeper texts go to the full reader, which refuses them."""


class Unsupported(Exception):
    """The text is outside the subset this reader handles (not necessarily invalid YAML)."""


def _plain_ok(text: str) -> bool:
    """A single-line plain scalar in block context that PyYAML reads as the same text."""
    if not text:
        return True
    if text[0] in _INDICATORS or text[-1] == ":" or text != text.strip():
        return False
    return ": " not in text and " #" not in text and "\t" not in text


class _Reader:
    def __init__(self, text: str) -> None:
        if "\t" in text or "\r" in text or "\x00" in text:
            raise Unsupported("tabs or carriage returns")
        if _ODD_CHARS.search(text):
            raise Unsupported("control characters, BOMs or Unicode line breaks")
        self.lines = text.split("\n")
        self.n = len(self.lines)
        # indent of each line; -1 for blank and comment lines
        self.ind: list[int] = []
        for line in self.lines:
            stripped = line.lstrip(" ")
            if not stripped or stripped[0] == "#":
                self.ind.append(-1)
            else:
                if stripped.startswith(("---", "...", "%")) and len(line) == len(stripped):
                    raise Unsupported("document markers or directives")
                if len(line) - len(stripped) > _MAX_INDENT:
                    raise Unsupported("deep indentation")
                self.ind.append(len(line) - len(stripped))

    def next_line(self, i: int) -> int:
        ind = self.ind
        while i < self.n and ind[i] < 0:
            i += 1
        return i

    # -- block structure -------------------------------------------------------------------
    def document(self) -> Any:
        i = self.next_line(0)
        if i >= self.n:
            raise Unsupported("empty document")
        if self.ind[i] != 0:
            raise Unsupported("indented document")
        value, i = self.node(i, 0)
        if self.next_line(i) < self.n:
            raise Unsupported("trailing content")
        return value

    def node(self, i: int, indent: int) -> tuple[Any, int]:
        content = self.lines[i][indent:]
        if content == "-" or content.startswith("- "):
            return self.sequence(i, indent)
        m = _KEY_RE.match(content)
        if m:
            return self.mapping(i, indent)
        raise Unsupported(f"line {i + 1}: a bare scalar where a collection was expected")

    def sequence(self, i: int, indent: int) -> tuple[Seq, int]:
        seq = Seq((i + 1, indent + 1))
        lines, ind = self.lines, self.ind
        while i < self.n and ind[i] == indent:
            content = lines[i][indent:]
            if content == "-":
                j = self.next_line(i + 1)
                if j < self.n and ind[j] > indent:
                    seq.ipos.append((j + 1, ind[j] + 1))
                    value, i = self.node(j, ind[j])
                else:
                    seq.ipos.append((i + 1, indent + 1))
                    value, i = None, i + 1
                seq.append(value)
            elif content.startswith("- "):
                rest = content[2:]
                if rest[:1] == "{" and rest[-1:] == "}":
                    # The common one-line item ``- {date: ..., event: ...}``.
                    pos = (i + 1, indent + 3)
                    nxt = i + 1
                    if nxt >= self.n or ind[nxt] <= indent:
                        simple = _simple_map(rest, pos)
                        if simple is not None:
                            seq.ipos.append(pos)
                            seq.append(simple)
                            i = self.next_line(nxt)
                            continue
                col = indent + 2 + (len(rest) - len(rest.lstrip(" ")))
                rest = rest.lstrip(" ")
                seq.ipos.append((i + 1, col + 1))
                if rest.startswith("- ") or rest == "-":
                    raise Unsupported("compact nested sequence")
                if _KEY_RE.match(rest) and not rest.startswith(("{", "[", "'", '"')):
                    value, i = self.mapping(i, col, first=rest)
                elif _BLOCK_SCALAR.match(rest):
                    value, i = self.block_scalar(rest, i, indent)
                else:
                    value, i = self.value(rest, i, indent)
                seq.append(value)
            else:
                break
            i = self.next_line(i)
        return seq, i

    def mapping(self, i: int, indent: int, first: str | None = None) -> tuple[Map, int]:
        m_out = Map((i + 1, indent + 1))
        lines, ind = self.lines, self.ind
        content = first
        while True:
            if content is None:
                if i >= self.n or ind[i] != indent:
                    break
                content = lines[i][indent:]
            km = _KEY_RE.match(content)
            if not km:
                if content.startswith("- "):
                    break
                raise Unsupported(f"line {i + 1}: not a simple key")
            key = km.group(1)
            if key in m_out:
                raise Unsupported("duplicate key")
            rest = content[km.end():]
            if rest == "":
                j = self.next_line(i + 1)
                if j < self.n and ind[j] > indent:
                    value, i = self.node(j, ind[j])
                elif j < self.n and ind[j] == indent and (
                    lines[j][indent:] == "-" or lines[j][indent:].startswith("- ")
                ):
                    value, i = self.sequence(j, indent)
                else:
                    value, i = None, i + 1
            elif _BLOCK_SCALAR.match(rest):
                value, i = self.block_scalar(rest, i, indent)
            else:
                value, i = self.value(rest, i, indent)
            m_out[key] = value
            i = self.next_line(i)
            content = None
        return m_out, i

    # -- scalars and flow collections ---------------------------------------------------------
    def continuation(self, i: int, parent: int) -> tuple[list[str], int]:
        """The lines after ``i`` that continue a scalar: more indented than ``parent``;
        blank lines inside are kept as empty strings."""
        out: list[str] = []
        j = i + 1
        lines, ind = self.lines, self.ind
        while j < self.n:
            if ind[j] > parent:
                out.append(lines[j].strip(" "))
                j += 1
            elif ind[j] < 0 and not lines[j].strip(" "):
                k = j
                while k < self.n and ind[k] < 0 and not lines[k].strip(" "):
                    k += 1
                if k < self.n and ind[k] > parent:
                    out.extend([""] * (k - j))
                    j = k
                else:
                    break
            elif ind[j] < 0:
                raise Unsupported("comment inside a scalar")
            else:
                break
        return out, j

    @staticmethod
    def fold(first: str, more: list[str]) -> str:
        """Join a multi-line flow scalar: a line break is a space, blank lines are newlines."""
        out = first
        pending = 0
        for line in more:
            if line == "":
                pending += 1
                continue
            if pending:
                out += "\n" * pending
                pending = 0
            elif out and not out.endswith("\n"):
                out += " "
            out += line
        if pending:
            raise Unsupported("trailing blank lines in a scalar")
        return out

    def value(self, rest: str, i: int, parent: int) -> tuple[Any, int]:
        if not rest:
            raise Unsupported("an empty value with trailing spaces")
        c = rest[0]
        if c == "{" and rest[-1] == "}":
            nxt = i + 1
            if nxt >= self.n or self.ind[nxt] <= parent:
                simple = _simple_map(rest, (i + 1, len(self.lines[i]) - len(rest) + 1))
                if simple is not None:
                    return simple, i + 1
        if c in "{[":
            more, j = self.continuation(i, parent)
            text = rest if not more else rest + " " + " ".join(x for x in more if x)
            if more and ("" in more or "'" in text or '"' in text):
                # Quoted scalars broken over lines fold by rules of their own.
                raise Unsupported("quotes or blank lines in a multi-line flow collection")
            value, _ = _Flow(text, (i + 1, len(self.lines[i]) - len(rest) + 1)).parse()
            return value, j
        if c == "'":
            return self.quoted(rest, i, parent, "'")
        if c == '"':
            return self.quoted(rest, i, parent, '"')
        more, j = self.continuation(i, parent)
        if not _plain_ok(rest):
            raise Unsupported(f"line {i + 1}: plain scalar")
        for line in more:
            if line and (": " in line or " #" in line or line[0] == "#" or line.endswith(":")):
                raise Unsupported("continuation line")
        text = self.fold(rest, more) if more else rest
        if not more and text in _NULLS:
            return None, j
        return text, j

    def quoted(self, rest: str, i: int, parent: int, q: str) -> tuple[str, int]:
        end = _closing(rest, 0, q)
        if end is not None:
            if rest[end + 1:].strip(" "):
                raise Unsupported("text after a quoted scalar")
            return _unquote(rest[1:end], q), i + 1
        more, j = self.continuation(i, parent)
        if not more:
            raise Unsupported("unterminated quote")
        last = more[-1]
        end = _closing(last, -1, q)
        if end is None or last[end + 1:].strip(" "):
            raise Unsupported("quoted scalar does not end cleanly")
        if q == '"' and (rest.endswith("\\") or any(x.endswith("\\") for x in more)):
            raise Unsupported("escaped line break")
        pieces = [rest[1:].rstrip(" ")] + [x for x in more[:-1]] + [last[:end]]
        if not pieces[0] or not pieces[-1].strip(" "):
            raise Unsupported("a quote alone at the end or start of a line")  # YAML folds it
        # Check no closing quote hides inside the middle pieces.
        for piece in pieces:
            if _closing(q + piece + q, 0, q) != len(piece) + 1:
                raise Unsupported("quote inside a multi-line scalar")
        return _unquote(self.fold(pieces[0], pieces[1:]), q), j

    def block_scalar(self, rest: str, i: int, parent: int) -> tuple[str, int]:
        m = _BLOCK_SCALAR.match(rest)
        assert m is not None
        style, chomp = m.group(1), m.group(2)
        lines = self.lines
        j = i + 1
        body: list[str] = []
        indent = -1
        while j < self.n:
            line = lines[j]
            if not line.strip(" "):
                body.append("")
                j += 1
                continue
            li = len(line) - len(line.lstrip(" "))
            if li <= parent:
                break
            if indent < 0:
                indent = li
            if li != indent:
                raise Unsupported("more-indented lines in a block scalar")
            body.append(line[indent:])
            j += 1
        while body and body[-1] == "":
            body.pop()  # blank lines before the next key separate, they do not belong
        if not body or indent < 0:
            raise Unsupported("empty block scalar")
        if body[0] == "":
            raise Unsupported("block scalar starting with a blank line")  # YAML keeps it
        text = "\n".join(body) if style == "|" else self.fold(body[0], body[1:])
        if chomp != "-":
            text += "\n"
        return text, j


def _closing(s: str, start: int, q: str) -> int | None:
    """Index of the quote closing a scalar opened at ``s[start]`` (or, with start=-1, the first
    unescaped closing quote of a continuation line)."""
    i = start + 1
    n = len(s)
    while i < n:
        ch = s[i]
        if q == "'" and ch == "'":
            if i + 1 < n and s[i + 1] == "'":
                i += 2
                continue
            return i
        if q == '"':
            if ch == "\\":
                i += 2
                continue
            if ch == '"':
                return i
        i += 1
    return None


def _unquote(body: str, q: str) -> str:
    if q == "'":
        return body.replace("''", "'")
    if "\\" not in body:
        return body
    out = []
    i = 0
    n = len(body)
    while i < n:
        ch = body[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        if i + 1 >= n:
            raise Unsupported("escape at the end")
        e = body[i + 1]
        if e in _DQ_ESCAPES:
            out.append(_DQ_ESCAPES[e])
            i += 2
        elif e in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[e]
            digits = body[i + 2:i + 2 + width]
            if len(digits) != width or not all(d in "0123456789abcdefABCDEF" for d in digits):
                raise Unsupported("bad escape")
            out.append(chr(int(digits, 16)))
            i += 2 + width
        else:
            raise Unsupported("unusual escape")
    return "".join(out)


_TOKEN = re.compile(
    r""" *(?:([\[\]{},:])|'((?:[^']|'')*)'|"((?:[^"\\]|\\.)*)"|([^ ,\[\]{}:#'"][^,\[\]{}:#]*))"""
)
# The common one-line shape, e.g. {date: 1992-05-15, country: ARM, sources: [s1, 'x']}: a flat
# flow mapping of plain or single-quoted scalars and flat sequences of them, read with two
# regular expressions instead of a token loop.
# Keys at most 128 characters: YAML refuses implicit keys over 1024 (the full reader decides).
_S = r"(?:[^ ,\[\]{}:#'\"&*!|>%@`?\-][^,\[\]{}:#]*|'(?:[^']|'')*')"
_PAIR0 = rf"[a-z_][a-z0-9_]{{0,127}}: +{_S}"
_INNER = rf"\{{ *(?:{_PAIR0}(?: *, *{_PAIR0})*)? *\}}"
_ITEM = rf"(?:{_S}|{_INNER})"
_SEQ = rf"\[ *(?:{_ITEM}(?: *, *{_ITEM})*)? *\]"
_PAIR = rf"([a-z_][a-z0-9_]{{0,127}}): +({_S}|{_SEQ})"
_SIMPLE_MAP = re.compile(rf"\{{ *(?:{_PAIR}(?: *, *{_PAIR})*)? *\}}")
_PAIRS = re.compile(_PAIR + r"(?= *(?:,|\}|$))")
_INNER_PAIRS = re.compile(rf"([a-z_][a-z0-9_]{{0,127}}): +({_S})(?= *(?:,|\}}|$))")
_ITEMS = re.compile(_ITEM + r"(?= *(?:,|$))")


def _simple_scalar(text: str) -> str | None:
    if text[0] == "'":
        return text[1:-1].replace("''", "'")
    text = text.rstrip(" ")  # a plain scalar reaches to the next delimiter, spaces included
    if "  " in text:
        raise Unsupported("flow plain scalar with double spaces")
    return None if text in _NULLS else text


def _simple_map(text: str, pos: tuple[int, int]) -> Map | None:
    if _SIMPLE_MAP.fullmatch(text) is None:
        return None
    m = Map.at(pos)
    nulls = _NULLS
    for key, value in _PAIRS.findall(text):
        if key in m:
            raise Unsupported("duplicate key")
        first = value[0]
        if first == "[":
            seq = Seq(pos)
            for item in _ITEMS.findall(value[1:-1]):
                seq.ipos.append(pos)
                if item[0] == "{":
                    inner = Map.at(pos)
                    for k, v in _INNER_PAIRS.findall(item):
                        if k in inner:
                            raise Unsupported("duplicate key")
                        inner[k] = _simple_scalar(v)
                    seq.append(inner)
                else:
                    seq.append(_simple_scalar(item))
            m[key] = seq
        elif first == "'" or value[-1] == " " or "  " in value:
            m[key] = _simple_scalar(value)
        else:
            m[key] = None if value in nulls else value
    return m


_PLAIN_START_BAD = frozenset("-?:,[]{}#&*!|>'\"%@`")


class _Flow:
    """A flow collection on one (joined) line, read from a list of tokens."""

    def __init__(self, text: str, pos: tuple[int, int]) -> None:
        self.pos = pos
        kinds: list[str] = []
        values: list[Any] = []
        end = 0
        depth = 0
        for m in _TOKEN.finditer(text):
            if m.start() != end:
                raise Unsupported("flow: unexpected character")
            end = m.end()
            punct, sq, dq, plain = m.groups()
            if punct in ("[", "{"):
                depth += 1
                if depth > _MAX_FLOW_DEPTH:
                    raise Unsupported("deep flow nesting")
            elif punct in ("]", "}"):
                depth -= 1
            if punct == ":" and text[end:end + 1] not in ("", " "):  # PyYAML: "{e:}" is an error
                raise Unsupported("flow: ':' inside a scalar")
            if punct is not None:
                kinds.append(punct)
                values.append(None)
            elif plain is not None:
                plain = plain.rstrip(" ")
                if plain[0] in _PLAIN_START_BAD or "  " in plain:
                    raise Unsupported("flow plain scalar")
                kinds.append("s")
                values.append(None if plain in _NULLS else plain)
            elif sq is not None:
                kinds.append("s")
                values.append(sq.replace("''", "'"))
            else:
                kinds.append("s")
                values.append(_unquote(dq, '"'))
        if text[end:].strip(" "):
            raise Unsupported("flow: unexpected character")
        self.kinds = kinds
        self.values = values
        self.i = 0

    def parse(self) -> tuple[Any, int]:
        value = self.node()
        if self.i != len(self.kinds):
            raise Unsupported("text after a flow collection")
        return value, self.i

    def node(self) -> Any:
        i = self.i
        if i >= len(self.kinds):
            raise Unsupported("unexpected end of flow")
        k = self.kinds[i]
        if k == "{":
            return self.mapping()
        if k == "[":
            return self.sequence()
        if k == "s":
            self.i = i + 1
            return self.values[i]
        raise Unsupported("flow: unexpected punctuation")

    def sequence(self) -> Seq:
        seq = Seq(self.pos)
        kinds = self.kinds
        self.i += 1
        if self.i < len(kinds) and kinds[self.i] == "]":
            self.i += 1
            return seq
        while True:
            seq.ipos.append(self.pos)
            seq.append(self.node())
            k = kinds[self.i] if self.i < len(kinds) else ""
            self.i += 1
            if k == "]":
                return seq
            if k != "," or (self.i < len(kinds) and kinds[self.i] == "]"):
                raise Unsupported("flow sequence")

    def mapping(self) -> Map:
        m = Map(self.pos)
        kinds, values = self.kinds, self.values
        self.i += 1
        if self.i < len(kinds) and kinds[self.i] == "}":
            self.i += 1
            return m
        while True:
            i = self.i
            if i + 1 >= len(kinds) or kinds[i] != "s" or kinds[i + 1] != ":":
                raise Unsupported("flow key")
            key = values[i]
            if not isinstance(key, str) or not _KEY_RE.match(key + ":") or key in m:
                raise Unsupported("flow key")
            self.i = i + 2
            k = kinds[self.i] if self.i < len(kinds) else ""
            m[key] = None if k in (",", "}") else self.node()
            k = kinds[self.i] if self.i < len(kinds) else ""
            self.i += 1
            if k == "}":
                return m
            if k != "," or (self.i < len(kinds) and kinds[self.i] == "}"):
                raise Unsupported("flow mapping")


def parse(text: str) -> Any:
    """Read ``text``; raise :class:`Unsupported` when it is outside the subset."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.endswith("\n"):  # a block scalar at the very end keeps no newline in YAML
        raise Unsupported("no newline at the end")
    return _Reader(text).document()
