"""Reading one large data file on two cores.

A file of tens of thousands of events (a whole COW table imported, a synthetic benchmark) is
split at an organisation boundary; a forked worker reads, checks and turns into columns the
second half while this process does the first, and the column stores are joined. Each process
reads its half in pieces of at most :data:`PIECE_CHARS` characters, one after the other, so its
peak memory holds one piece's parsed text, not a half's. Every rule is still checked by the one
validator (:func:`alliances.model.build`), in each piece; what crosses pieces (an organisation
defined in two, a successor defined in another) is checked at the joins. On any issue, or when
the file does not split cleanly, the caller falls back to the ordinary path, which reports
every problem with its place.
"""

from __future__ import annotations

import datetime as _dt
import os
import pickle
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from alliances import fastyaml, store, yamlfile
from alliances.fastyaml import Unsupported
from alliances.located import Map
from alliances.model import unknown_references

MIN_BYTES = 4 * 2**20
"""Files smaller than this are read in one process (forking costs more than it saves)."""

_TOP_KEY = re.compile(r"^([A-Za-z_]+):", re.M)
_TOP_LEVEL_LINE = re.compile(r"\n[A-Za-z_]")
_BLANK_LINES = re.compile(r"\n*")

PIECE_CHARS = 10 * 10**6
"""Each process reads its half in pieces of about this many characters of organisations, one
after the other: the parsed text of a piece is freed before the next is read, so the peak
memory of a first read grows with the columns, not with the parsed text."""


def _split(text: str) -> tuple[str, str] | None:
    """Two texts, each a complete data file holding half of the organisations and, at their
    original line numbers, everything else the file has before them; None when the file's
    shape is not the plain one (top-level keys schema, sources, organisations, in that order,
    organisations last)."""
    at = _cut(text)
    return None if at is None else (_make_half(text, at, 0), _make_half(text, at, 1))


def _half(text: str, which: int) -> str | None:
    """The first (0) or second (1) text of :func:`_split`, without making the other one (a
    large file's text is tens of MB)."""
    at = _cut(text)
    return None if at is None else _make_half(text, at, which)


def _after_blank_lines(text: str, start: int) -> int:
    match = _BLANK_LINES.match(text, start)
    return match.end() if match else start


def _cut(text: str) -> tuple[int, int] | None:
    """Where the organisations start and where the second half of them starts; None when the
    file's shape is not the plain one (see :func:`_split`)."""
    at = 0 if text.startswith("organisations:") else text.find("\norganisations:") + 1
    if at <= 0 and not text.startswith("organisations:"):
        return None
    keys = [m.group(1) for m in _TOP_KEY.finditer(text, 0, at)]
    if not set(keys) <= {"schema", "sources"} or len(set(keys)) != len(keys):
        return None
    body_start = text.find("\n", at) + 1
    if body_start <= 0:
        return None
    # A second half (or piece) starts with blank lines that keep its line numbers.
    first_line = _after_blank_lines(text, body_start)
    # Nothing else at the top level after the organisations (no countries: every half needs
    # them); a top-level key is a line starting with a letter.
    if _TOP_LEVEL_LINE.search(text, body_start) is not None:
        return None
    first = text[first_line:first_line + 4]
    indent = "  " if first.startswith("  - ") else "" if first.startswith("- ") else None
    if indent is None:
        return None
    # Each half also holds everything before the organisations (the shared sources): cut the
    # organisations themselves in two, so that the halves are the same size.
    middle = first_line + max((len(text) - first_line) // 2, 1)
    sep = "\n" + indent + "- "
    # The first organisation to start after the middle, else the last one before it.
    cut = text.find(sep, middle - 1) + 1 or text.rfind(sep, first_line, middle + len(sep)) + 1
    if cut <= first_line or (indent == "" and text[cut:cut + 2] != "- "):
        return None
    return body_start, cut


def _make_half(text: str, at: tuple[int, int], which: int) -> str:
    body_start, cut = at
    if which == 0:
        return text[:cut]
    padding = "\n" * text.count("\n", body_start, cut)
    return "".join((text[:body_start], padding, text[cut:]))


def _countries_only(doc: Any) -> Any:
    """A parsed file with only what every half needs: its schema, countries and sources."""
    if not isinstance(doc, Map) or "countries" not in doc:
        return None
    out = Map(doc.pos)
    for key in ("schema", "sources", "countries"):
        if key in doc:
            out[key] = doc[key]
            out.kpos[key] = doc.key_pos(key)
            out.vpos[key] = doc.value_pos(key)
    return out


def _build(documents: list[tuple[str, Any]], today: _dt.date) -> store.Store | None:
    from alliances.model import build

    # Whether a predecessor or successor is defined is checked once the parts are joined.
    data, issues = build(documents, today, references=False)
    if issues:
        return None
    # The parsed text is not needed after the checks: drop it (the records keep a reference
    # to their raw mappings) before the columns are built, so that the two are never in
    # memory together. The caller's list is emptied too.
    for o in data.organisations.values():
        o.raw = None
    for c in data.countries.values():
        c.raw = None  # also heavy to send between processes
    documents.clear()
    return store.from_data(data)


_WORK: dict[str, Any] = {}


def _worker() -> store.Store | None:
    import gc

    gc.disable()
    try:
        # The worker reads the big file itself: forked before the file was read, it does not
        # carry the parent's copy of the text (its resident memory starts smaller).
        shared = _WORK["shared"]
        return _read_half(_WORK["path"], 1, shared, shared, _WORK["after"],
                          _WORK["shared_after"], _WORK["paths"], _WORK["today"])
    except Exception:  # any problem: the ordinary path will read and report it
        return None


def _read_half(path: str, which: int,
               head: list[tuple[str, Any]], shared_head: list[tuple[str, Any]],
               tail: list[tuple[str, Any]], shared_tail: list[tuple[str, Any]],
               paths: list[str], today: _dt.date) -> store.Store | None:
    """Read the big file, keep its first (0) or second (1) half and build its store in pieces
    (:func:`_build_pieces`, which says what the other arguments are); None when the file does
    not split."""
    text = _half(yamlfile.decode(path, yamlfile.read_bytes(path)), which)
    split = None if text is None else _pieces(text)
    del text
    if split is None:
        return None
    return _build_pieces(split, path, head, shared_head, tail, shared_tail, paths, today)


def _pieces(text: str) -> tuple[str, list[str | None]] | None:
    """``text`` as its shared part (everything before the organisations, the line
    ``organisations:`` included) and its organisations cut at organisation boundaries into
    pieces of at most about :data:`PIECE_CHARS` characters. A piece is the organisations
    alone, at their original line numbers (the shared part's lines are blank in it): each
    process parses the shared sources once, not once a piece. None when the text's shape is
    not the plain one (see :func:`_split`)."""
    at = _cut(text)
    if at is None:
        return None
    body_start = at[0]
    line = text.rfind("\n", 0, body_start - 1) + 1  # where "organisations:" starts
    shared = text[:body_start]
    rest = "".join(("\n" * text.count("\n", 0, line), text[line:]))
    return shared, _cut_pieces(rest)


def _cut_pieces(text: str) -> list[str | None]:
    at = _cut(text)
    if at is None or len(text) - _after_blank_lines(text, at[0]) <= PIECE_CHARS:
        return [text]
    halves = [_make_half(text, at, 0), _make_half(text, at, 1)]
    return [*_cut_pieces(halves[0]), *_cut_pieces(halves[1])]


def _with_shared(shared: Any, piece: Any) -> Any:
    """The parsed piece with the parsed shared part's keys (schema, sources) put back before
    its organisations, where they stand in the file."""
    if not isinstance(shared, Map) or not isinstance(piece, Map) or set(piece) != {
            "organisations"}:
        raise Unsupported("not the plain shape")
    out = Map(shared.pos)
    for doc in (shared, piece):
        for key in doc:
            if doc is shared and key == "organisations":
                continue
            out[key] = doc[key]
            out.kpos[key] = doc.key_pos(key)
            out.vpos[key] = doc.value_pos(key)
    return out


def _build_pieces(split: tuple[str, list[str | None]], path: str,
                  head: list[tuple[str, Any]], shared_head: list[tuple[str, Any]],
                  tail: list[tuple[str, Any]], shared_tail: list[tuple[str, Any]],
                  paths: list[str], today: _dt.date) -> store.Store | None:
    """One store from the pieces of the big file (:func:`_pieces`), read one after the other:
    each piece's parsed text is freed before the next is read. The other files'
    organisations go with the first piece (``head``: the files before the big one) and the
    last (``tail``: those after it); the other pieces see only their countries and sources
    (``shared_head``, ``shared_tail``)."""
    shared_text, pieces = split
    shared = fastyaml.parse(shared_text)
    del shared_text
    result: store.Store | None = None
    last = len(pieces) - 1
    for i, text in enumerate(pieces):
        pieces[i] = None  # the list no longer holds the text: it is freed once parsed
        assert text is not None
        documents = [*(head if i == 0 else shared_head),
                     (path, _with_shared(shared, fastyaml.parse(text))),
                     *(tail if i == last else shared_tail)]
        del text
        built = _build(documents, today)
        if built is None:
            return None
        result = built if result is None else join(result, built, paths)
        if result is None:
            return None
    return result


def try_load(paths: Sequence[str], today: _dt.date) -> store.Store | None:
    """The store for ``paths`` built on two cores, or None (read them the ordinary way)."""
    if (os.cpu_count() or 1) < 2 or not hasattr(os, "fork"):
        return None
    sizes = []
    for p in paths:
        try:
            sizes.append(os.path.getsize(p))
        except OSError:
            return None
    big = max(range(len(paths)), key=lambda i: sizes[i])
    if sizes[big] < MIN_BYTES:
        return None
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(paths, big, today)
    except Exception:  # Unsupported, or any surprise: the ordinary path reads and reports it
        return None
    finally:
        if enabled:
            gc.enable()


def _load(paths: Sequence[str], big: int, today: _dt.date) -> store.Store | None:
    big_path = paths[big]
    parsed = [(p, fastyaml.parse(yamlfile.decode(p, yamlfile.read_bytes(p))) if i != big else None)
              for i, p in enumerate(paths)]
    # Organisations keep the order of the files: this process takes the files before the big
    # one and its first half, the worker its second half and the files after it; each side
    # sees every file's countries (and their sources).
    before, after = parsed[:big], parsed[big + 1:]
    only = [(p, _countries_only(d)) for p, d in parsed if d is not None]
    only_before = [x for x in only[:big] if x[1] is not None]
    only_after = [x for x in only[big:] if x[1] is not None]
    # Fork before the big file is read: each process reads it and keeps its own half, so the
    # worker does not start with a copy of the whole text (a file with any non-ASCII
    # character takes two or four bytes a character in memory). A bare fork and a pipe: the
    # worker streams its pickled store into the pipe as this process reads it.
    _WORK.update(shared=only_before, after=after, shared_after=only_after, path=big_path,
                 paths=list(paths), today=today)
    try:
        theirs_fd, pid = _fork_worker()
    finally:
        _WORK.clear()
    try:
        mine = _read_half(big_path, 0, before, only_before, only_after, only_after,
                          list(paths), today)
        del parsed, before, after, only, only_before, only_after
        with os.fdopen(theirs_fd, "rb") as f:
            theirs_fd = -1
            try:
                theirs = pickle.load(f)
            except EOFError:  # the worker wrote nothing: it failed
                theirs = None
    finally:
        if theirs_fd >= 0:
            os.close(theirs_fd)
        os.waitpid(pid, 0)
    if mine is None or theirs is None:
        return None
    joined = join(mine, theirs, list(paths))
    if joined is None or any(unknown_references(o, joined.organisations)
                             for o in joined.organisations.values()):
        return None
    return joined


def _fork_worker() -> tuple[int, int]:
    """Fork a process that runs :func:`_worker` and writes its pickled result to a pipe; the
    pipe's reading end and the process id. The worker writes nothing when it fails."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: never returns, never runs the parent's exit handlers
        code = 1
        try:
            os.close(read_fd)
            result = _worker()
            if result is not None:
                with os.fdopen(write_fd, "wb") as f:  # streamed: no second copy in memory
                    pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(write_fd)
    return read_fd, pid


def join(a: store.Store, b: store.Store, paths: list[str]) -> store.Store | None:
    """One store from two with the same countries and different organisations."""
    if a.country_ids != b.country_ids or set(a.org_ids) & set(b.org_ids):
        return None
    n_orgs, n_events, n_sources = len(a.org_ids), a.n_events, len(a.sources)
    a_files = np.array([paths.index(p) for p in a.paths], dtype=np.int16)
    file_map = np.array([paths.index(p) for p in b.paths], dtype=np.int16)
    ev: dict[str, np.ndarray] = {}
    for key, col in a.ev.items():
        other = b.ev[key]
        if key == "org":
            other = other + n_orgs
        elif key == "file":
            col, other = a_files[col], file_map[other]
        elif key == "src_idx":
            other = other + n_sources
        elif key == "src_ptr":
            ev[key] = np.concatenate([col, other[1:] + col[-1]]).astype(np.int32)
            continue
        ev[key] = np.concatenate([col, other]).astype(col.dtype)
    sp: dict[str, np.ndarray] = {}
    for key in ("org", "country", "status", "start_day", "start_last", "start_prec",
                "start_event", "start_kind", "end_day", "end_last", "end_prec", "end_event",
                "end_kind", "lo", "hi"):
        other = b.sp[key]
        if key == "org":
            other = other + n_orgs
        elif key in ("start_event", "end_event"):
            other = np.where(other >= 0, other + n_events, other)
        sp[key] = np.concatenate([a.sp[key], other]).astype(a.sp[key].dtype)
    n_countries = len(a.country_ids)
    sp["org_ptr"] = np.searchsorted(sp["org"], np.arange(n_orgs + len(b.org_ids) + 1)).astype(
        np.int64)
    by_country = np.lexsort((sp["org"], sp["start_day"], sp["country"]))
    sp["by_country"] = by_country.astype(np.int64)
    sp["country_ptr"] = np.searchsorted(
        sp["country"][by_country], np.arange(n_countries + 1)).astype(np.int64)
    return store.Store(
        paths=paths,
        organisations={**a.organisations, **b.organisations},
        countries=a.countries,
        org_ids=[*a.org_ids, *b.org_ids],
        country_ids=list(a.country_ids),
        sources=[*a.sources, *b.sources],
        ev=ev,
        notes=[*a.notes, *b.notes],
        names=[*a.names, *b.names],
        sp=sp,
        org_event_counts={**a.org_event_counts, **b.org_event_counts},
    )
