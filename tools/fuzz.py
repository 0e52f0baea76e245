"""A mutation fuzzer for the data loader: bytes in, located :class:`DataError` or records out.

    python -m tools.fuzz --inputs 1000000 --jobs 2          # the figure in docs/reliability.md
    python -m tools.fuzz --inputs 20000 --seed 7            # a quick run

Each input is a seed (a fragment of the real data files, re-written as a small self-contained
file: one organisation with the countries and sources it uses; and the files of
``tests/corpus``) with one to four random mutations: bytes flipped, inserted or deleted, YAML
tokens and hostile values spliced in, lines duplicated, dropped, swapped or re-indented, two
seeds spliced. Every input goes through what ``alliances.load`` does with a file: decode, parse,
check and, for one input in ten, build the dataset and its spells as ``validate`` does (and
run two queries when the data is valid).

The only acceptable outcomes are records (with or without issues) or a :class:`DataError` whose
issues each carry a one-line message; anything else (any other exception, a multi-line message)
is a crash: the input is saved under ``--out`` with its traceback, and the run exits 1.

A crude feedback keeps inputs that produced a message never seen before (its shape, with quoted
values and numbers stripped) as new seeds, so that mutations go on from inputs that got further.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import multiprocessing
import os
import random
import re
import sys
import time
import traceback
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 26)
NAME = "fuzz.yaml"
MAX_POOL = 3000

TOKENS = [
    b": ", b"- ", b"-", b"{", b"}", b"[", b"]", b",", b"&a ", b"*a", b"&x", b"!!str ",
    b"!!python/object:os.system ", b"!", b"\t", b"\n", b"\r\n", b"\r", b"'", b'"', b"#",
    b"---\n", b"...\n", b"? ", b"|", b">-",
    b"%YAML 1.1\n", b"\xef\xbb\xbf", b"\x00", b"\x01", b"\x1b[31m", b"\x85", b"\xe2\x80\xa8",
    b"\xff", b"\xc3", b"~", b"null", b"true", b"NO", b"<<: ", b"\\u0000", b"\\n", b"'''",
    b"2012-02-30", b"9999", b"9999-12-31", b"0000-01-01", b"0001", b"2012-13", b"2012-00-10",
    b"1992-05-15", b"2024-02", b"2030-01-01", b"-1", b"1e9", b"999999999999", b"0x1F",
    b"joined", b"left", b"withdrew", b"suspended", b"frozen", b"reinstated", b"resumed",
    b"succeeded", b"observer", b"milestone", b"founded", b"renamed", b"dissolved",
    b"country: ", b"date: ", b"event: ", b"sources: []", b"sources: [s]", b"scheduled: true",
    b"predecessor: SUN", b"announced: 2030-01-01", b"name: ", b"id: ", b"code: ", b"schema: 1",
    b"schema: 2", b"organisations:", b"countries:", b"events:", b"start: ", b"end: ",
    b"system: [{ccode: 1, start: 2000}]", b"ccode: ", b"url: ", b"http://", b"ftp://x",
    b"SUN", b"RUS", b"UZB", b"XYZ", b"CSTO", b"\xd0\x9e\xd0\x94\xd0\x9a\xd0\x91",
]
DATES = [b"2012-02-30", b"2012-06-28", b"1991", b"1991-12", b"9999", b"0000", b"2012-6-5",
         b"20120628", b"2012-06-28T00:00", b"''", b"[2012]", b"{y: 2012}", b"2030-01-01",
         b"1815-01-01", b"2099-12-31"]


# -- seeds ---------------------------------------------------------------------------------------
def _dump(doc: dict[str, Any]) -> bytes:
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100).encode()


def _trim(item: Any) -> Any:
    if isinstance(item, dict):
        return {k: _trim(v) for k, v in item.items()}
    if isinstance(item, list):
        return [_trim(v) for v in item]
    if isinstance(item, str) and len(item) > 160:
        return item[:160]
    return item


def seeds(max_events: int = 8) -> list[bytes]:
    """Small self-contained files cut from the real data, and the test corpus's files."""
    out: list[bytes] = []
    data = ROOT / "data"
    if (data / "memberships.yaml").is_file():
        loader: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
        with open(data / "memberships.yaml", encoding="utf-8") as f:
            m = yaml.load(f, Loader=loader)
        with open(data / "countries.yaml", encoding="utf-8") as f:
            c = yaml.load(f, Loader=loader)
        registry = {s["id"]: s for s in m.get("sources") or []}
        registry.update({s["id"]: s for s in c.get("sources") or []})
        countries = {x["code"]: x for x in c["countries"]}
        for org in m["organisations"]:
            org = dict(org)
            org["events"] = org["events"][:max_events]
            used_c: list[str] = []
            used_s: list[str] = []
            for item in [org, *org["events"]]:
                for key in ("country", "predecessor"):
                    if isinstance(item.get(key), str) and item[key] not in used_c:
                        used_c.append(item[key])
                for s in item.get("sources") or []:
                    if isinstance(s, str) and s not in used_s:
                        used_s.append(s)
            blocks = [dict(countries[x]) for x in used_c if x in countries]
            for b in blocks:
                b["sources"] = [s for s in b.get("sources") or [] if isinstance(s, dict)]
                if not b["sources"]:
                    del b["sources"]
                for k in ("predecessors", "successors"):
                    b.pop(k, None)
            doc: dict[str, Any] = {"schema": "1"}
            srcs = [registry[s] for s in used_s if s in registry]
            if srcs:
                doc["sources"] = srcs
            if blocks:
                doc["countries"] = blocks
            doc["organisations"] = [org]
            out.append(_dump(_trim(doc)))
    corpus = ROOT / "tests" / "corpus"
    if corpus.is_dir():
        for p in sorted(corpus.rglob("*")):
            if p.is_file() and p.stat().st_size < 64 * 1024 and p.suffix in (".yaml", ".yml"):
                out.append(p.read_bytes())
    return out


# -- mutations -----------------------------------------------------------------------------------
def _lines(b: bytes) -> list[bytes]:
    return b.split(b"\n")


def mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """One to four mutations; half the time only structural ones (lines and values), which
    mostly keep the YAML well-formed and so reach the validator."""
    ops = _MUTATORS if rng.random() < 0.5 else _STRUCTURAL
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
        data = ops[rng.randrange(len(ops))](rng, data, pool)
    return data


def _flip(rng: random.Random, b: bytes, pool: list[bytes]) -> bytes:
    if not b:
        return bytes([rng.randrange(256)])
    i = rng.randrange(len(b))
    return b[:i] + bytes([b[i] ^ (1 << rng.randrange(8))]) + b[i + 1:]


def _byte(rng: random.Random, b: bytes, pool: list[bytes]) -> bytes:
    i = rng.randrange(len(b) + 1)
    return b[:i] + bytes([rng.randrange(256)]) + b[i + 1:]


def _insert_token(rng: random.Random, b: bytes, pool: list[bytes]) -> bytes:
    i = rng.randrange(len(b) + 1)
    return b[:i] + rng.choice(TOKENS) + b[i:]


def _delete(rng: random.Random, b: bytes, pool: list[bytes]) -> bytes:
    if not b:
        return b
    i = rng.randrange(len(b))
    return b[:i] + b[i + rng.randrange(1, 64):]


def _dup_line(rng: random.Random, b: bytes, pool: list[bytes]) -> bytes:
    lines = _lines(b)
    i = rng.randrange(len(lines))
    lines.insert(rng.randrange(len(lines) + 1), lines[i])
    return b"\n".join(lines)


def _drop_line(rng: random.Random, b: bytes, pool: list[bytes]) -> bytes:
    lines = _lines(b)
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def _swap_lines(rng: random.Random, b: bytes, pool: list[bytes]) -> bytes:
    lines = _lines(b)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def _indent(rng: random.Random, b: bytes, pool: list[bytes]) -> bytes:
    lines = _lines(b)
    i = rng.randrange(len(lines))
    if rng.random() < 0.5:
        lines[i] = b" " * rng.choice((1, 2, 4)) + lines[i]
    else:
        lines[i] = lines[i].lstrip(b" ")
    return b"\n".join(lines)


def _date(rng: random.Random, b: bytes, pool: list[bytes]) -> bytes:
    spots = [m.span() for m in re.finditer(rb"\d{4}(?:-\d{2}(?:-\d{2})?)?", b)]
    if not spots:
        return _insert_token(rng, b, pool)
    s, e = rng.choice(spots)
    return b[:s] + rng.choice(DATES) + b[e:]


def _value(rng: random.Random, b: bytes, pool: list[bytes]) -> bytes:
    spots = [m.span(1) for m in re.finditer(rb": ([^\n]*)", b)]
    if not spots:
        return _insert_token(rng, b, pool)
    s, e = rng.choice(spots)
    return b[:s] + rng.choice(TOKENS).strip() + b[e:]


def _splice(rng: random.Random, b: bytes, pool: list[bytes]) -> bytes:
    other = rng.choice(pool)
    i, j = rng.randrange(len(b) + 1), rng.randrange(len(other) + 1)
    return b[:i] + other[j:j + rng.randrange(1, 400)] + b[i:]


def _repeat(rng: random.Random, b: bytes, pool: list[bytes]) -> bytes:
    if not b:
        return b
    i = rng.randrange(len(b))
    piece = b[i:i + rng.randrange(1, 16)]
    return b[:i] + piece * rng.choice((2, 10, 100, 1000)) + b[i:]


_MUTATORS = [_flip, _byte, _insert_token, _insert_token, _delete, _dup_line, _dup_line,
             _drop_line, _drop_line, _swap_lines, _swap_lines, _indent, _date, _date, _date,
             _value, _value, _value, _splice, _repeat]
_STRUCTURAL = [_dup_line, _drop_line, _swap_lines, _date, _date, _value]


# -- the target ----------------------------------------------------------------------------------
class Crash(Exception):
    """An outcome other than records or a clear DataError."""


def check(data: bytes, *, spells: bool = True) -> str:
    """Load one input as ``alliances.load`` would; return the outcome's shape, raise on a crash.

    Outcomes: ``valid``, ``invalid:<message shape>`` (issues found while checking) or
    ``refused:<message shape>`` (the file itself: encoding, YAML)."""
    from alliances import yamlfile
    from alliances.dataset import Dataset
    from alliances.errors import DataError, Issue
    from alliances.model import build

    def shape(issue: Issue) -> str:
        text = str(issue)
        if "\n" in text or "\r" in text or not issue.message.strip():
            raise Crash(f"unclear message: {text!r}")
        if issue.line < 0 or issue.column < 0 or (issue.line == 0 and issue.column != 0):
            raise Crash(f"bad position: {issue!r}")
        return re.sub(r"'[^']*'|\d+|\(.*?\)", "_", issue.message)[:80]

    try:
        text = yamlfile.decode(NAME, data)
    except DataError as e:
        if not e.issues:
            raise Crash("DataError without issues") from e
        return "refused:" + shape(e.issues[0])
    # The loader tries the fast subset reader first and keeps its answer when the data is
    # valid: it must never accept what the full reader refuses, nor read it differently.
    fast = _fast(text)
    try:
        doc = yamlfile.parse(NAME, text)
    except DataError as e:
        if not e.issues:
            raise Crash("DataError without issues") from e
        if fast is not None:
            raise Crash(f"the fast reader accepts what the full reader refuses: {e}") from e
        return "refused:" + shape(e.issues[0])
    if fast is not None and fast != doc:
        raise Crash("the fast reader reads the text differently from the full reader")
    try:
        records, issues = build([(NAME, doc)], TODAY)
    except DataError as e:  # build reports issues, it does not raise: still a clear error
        if not e.issues:
            raise Crash("DataError without issues") from e
        return "invalid:" + shape(e.issues[0])
    if spells:
        # What `validate` does with any records (it counts the spells of invalid data too),
        # and, for valid data, what a query does.
        ds = Dataset(records, today=TODAY)
        len(ds.spells)
        if not issues:
            for oid in list(records.organisations)[:2]:
                ds.members(oid, on="2000-01-01", status="all")
                ds.timeline(oid)
    if issues:
        for i in issues:
            shape(i)
        return "invalid:" + shape(issues[0])
    return "valid"


FAST_SURPRISES: dict[str, int] = {}
"""Exceptions other than ``Unsupported`` from the fast reader: the loader falls back to the
full reader on any exception, so they are not crashes, but they are counted and reported."""


def _fast(text: str) -> Any:
    """The fast reader's document, or None where it steps aside (or does not exist)."""
    try:
        from alliances import fastyaml  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    try:
        return fastyaml.parse(text)
    except fastyaml.Unsupported:
        return None
    except Exception as e:
        last = traceback.extract_tb(e.__traceback__)[-1] if e.__traceback__ else None
        key = f"{type(e).__name__} at {last.filename}:{last.lineno}" if last else repr(e)
        FAST_SURPRISES[key] = FAST_SURPRISES.get(key, 0) + 1
        return None


# -- the run -------------------------------------------------------------------------------------
def _worker(args: tuple[int, int, int, str, int]) -> dict[str, Any]:
    index, n, seed, out, spells_every = args
    rng = random.Random(seed * 1_000_003 + index)
    pool = seeds()
    base = len(pool)
    shapes: dict[str, int] = {}
    crashes: dict[str, str] = {}
    counts = {"valid": 0, "invalid": 0, "refused": 0, "crash": 0}
    slowest = (0.0, 0)
    for warm in pool[:3]:  # imports (pandas) are not the inputs' cost
        with contextlib.suppress(Exception):
            check(warm)
    for k in range(n):
        data = mutate(rng, pool[rng.randrange(len(pool))], pool)
        t = time.perf_counter()
        try:
            # The dataset (pandas) costs ten times the parse: build it for a share of inputs.
            outcome = check(data, spells=k % spells_every == 0)
        except Exception as e:
            counts["crash"] += 1
            tb = traceback.format_exc()
            last = traceback.extract_tb(e.__traceback__)[-1] if e.__traceback__ else None
            key = f"{type(e).__name__} at {last.filename}:{last.lineno}" if last else repr(e)
            if key not in crashes:
                digest = hashlib.sha1(data).hexdigest()[:12]
                path = Path(out) / f"crash-{digest}.yaml"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                path.with_suffix(".txt").write_text(tb, encoding="utf-8")
                crashes[key] = str(path)
            continue
        finally:
            spent = time.perf_counter() - t
            if spent > slowest[0]:
                slowest = (spent, len(data))
        counts[outcome.split(":", 1)[0]] += 1
        if outcome not in shapes:
            shapes[outcome] = 0
            if len(pool) < base + MAX_POOL and len(data) < 64 * 1024:
                pool.append(data)
        shapes[outcome] += 1
        if index == 0 and k and k % 50_000 == 0:
            print(f"  worker 0: {k:,} inputs", file=sys.stderr, flush=True)
    return {"counts": counts, "shapes": shapes, "crashes": crashes, "seeds": base,
            "slowest": slowest, "fast_surprises": dict(FAST_SURPRISES)}


def _signature(data: bytes) -> str | None:
    try:
        check(data)
    except Exception as e:
        return f"{type(e).__name__}: {str(e)[:60]}"
    return None


def minimize(data: bytes) -> bytes:
    """A smaller input with the same crash: drop lines, then bytes, while it still crashes."""
    want = _signature(data)
    if want is None:
        return data
    for unit in (b"\n", None):
        parts = data.split(b"\n") if unit else [bytes([c]) for c in data]
        chunk = max(1, len(parts) // 2)
        while chunk >= 1:
            i = 0
            while i < len(parts):
                trial = parts[:i] + parts[i + chunk:]
                joined = (unit or b"").join(trial)
                if _signature(joined) == want:
                    parts = trial
                else:
                    i += chunk
            chunk //= 2
        data = (unit or b"").join(parts)
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.fuzz", description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", type=int, default=100_000, help="how many inputs in all")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    ap.add_argument("--seed", type=int, default=1, help="random seed (runs are reproducible)")
    ap.add_argument("--out", default="fuzz-crashes", help="where crashing inputs are saved")
    ap.add_argument("--spells-every", type=int, default=10, metavar="N",
                    help="build the dataset (spells, and queries when valid) of every Nth input "
                    "(default 10)")
    ap.add_argument("--minimize", metavar="FILE",
                    help="shrink a saved crashing input and print it (repr), then stop")
    args = ap.parse_args(argv)
    if args.minimize:
        small = minimize(Path(args.minimize).read_bytes())
        print(repr(small))
        print(_signature(small))
        return 0
    jobs = max(1, args.jobs)
    share = [args.inputs // jobs + (1 if i < args.inputs % jobs else 0) for i in range(jobs)]
    t0 = time.perf_counter()
    tasks = [(i, share[i], args.seed, args.out, max(1, args.spells_every)) for i in range(jobs)]
    if jobs == 1:
        results = [_worker(tasks[0])]
    else:
        with multiprocessing.Pool(jobs) as p:
            results = p.map(_worker, tasks)
    elapsed = time.perf_counter() - t0
    counts = {k: sum(r["counts"][k] for r in results) for k in results[0]["counts"]}
    shapes: dict[str, int] = {}
    crashes: dict[str, str] = {}
    for r in results:
        for k, v in r["shapes"].items():
            shapes[k] = shapes.get(k, 0) + v
        crashes.update(r["crashes"])
    total = sum(counts.values())
    print(f"fuzz: {total:,} inputs in {elapsed:,.0f} s with {jobs} processes "
          f"(seed {args.seed}, {results[0]['seeds']} seeds)")
    print(f"  valid {counts['valid']:,}; invalid data (located issues) {counts['invalid']:,}; "
          f"refused files (encoding, YAML) {counts['refused']:,}; crashes {counts['crash']:,}")
    print(f"  distinct outcomes: {len(shapes):,}")
    spent, size = max(r["slowest"] for r in results)
    print(f"  slowest input: {spent * 1000:,.0f} ms ({size:,} bytes)")
    surprises: dict[str, int] = {}
    for r in results:
        for k, v in r["fast_surprises"].items():
            surprises[k] = surprises.get(k, 0) + v
    for key, count in sorted(surprises.items()):
        print(f"  fast reader stepped aside on an unexpected {key} ({count:,} inputs; the full "
              "reader answered)")
    for key, path in sorted(crashes.items()):
        print(f"  CRASH {key}: {path}")
    return 1 if counts["crash"] else 0


if __name__ == "__main__":
    sys.exit(main())
