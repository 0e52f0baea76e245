"""Write a synthetic dataset N times the size of the bundled one, deterministically.

    python bench/generate.py --scale 100 -o /tmp/alliances-100x.yaml

The file uses the bundled countries (load it with the bundled data) and has realistic shapes:
shared and inline sources, partial dates (about 5 %), observers, suspensions and
reinstatements, frozen participation, withdrawals and rejoins, renames, dissolutions, notes.
The same scale and seed always give the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = ("military-alliance", "security", "political", "economic", "regional", "global", "forum")
TODAY = dt.date(2026, 11, 26).toordinal()


def _countries() -> list[tuple[str, int, int]]:
    """(code, first day, end day) of the bundled countries."""
    from alliances.loading import bundled_paths, load_data

    data, _ = load_data(bundled_paths()[:1])
    out = []
    for c in data.countries.values():
        start = c.start.last if c.start else dt.date(1900, 1, 1).toordinal()
        end = c.end.first if c.end else TODAY
        if end - start > 400:
            out.append((c.code, max(start, dt.date(1900, 1, 1).toordinal()), end))
    return sorted(out)


def _bundled_sizes() -> list[int]:
    from alliances.loading import bundled_paths, load_data

    data, _ = load_data(bundled_paths())
    return sorted(len(o.events) for o in data.organisations.values())


def _date(rng: random.Random, day: int) -> tuple[str, int]:
    """Text of a day at a random precision, and the first day of its window."""
    d = dt.date.fromordinal(day)
    r = rng.random()
    if r < 0.03:
        return f"{d.year:04d}-{d.month:02d}", dt.date(d.year, d.month, 1).toordinal()
    if r < 0.05:
        return f"{d.year:04d}", dt.date(d.year, 1, 1).toordinal()
    return d.isoformat(), day


def _window_end(text: str) -> int:
    parts = [int(x) for x in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts).toordinal() + 1
    if len(parts) == 2:
        y, m = parts
        return dt.date(y + (m == 12), m % 12 + 1, 1).toordinal()
    return dt.date(parts[0] + 1, 1, 1).toordinal()


def generate(scale: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    countries = _countries()
    sizes = _bundled_sizes()
    n_orgs = scale * len(sizes)
    registry: list[str] = ["schema: 1", "sources:"]
    out: list[str] = ["organisations:"]
    for i in range(n_orgs):
        target = sizes[i % len(sizes)]
        out.extend(_org(rng, i, target, countries, registry))
    return "\n".join(registry + out) + "\n"


def _source(rng: random.Random, oid: str, k: int) -> str:
    year = rng.randint(1990, 2025)
    return (f"{{title: 'Report {k} on {oid}', publisher: Agency {rng.randint(1, 40)}, "
            f"date: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}, "
            f"url: 'https://example.org/{oid.lower()}/{k}'}}")


def _org(rng: random.Random, i: int, target: int,
         countries: list[tuple[str, int, int]], registry: list[str]) -> list[str]:
    oid = f"SYN{i:05d}"
    founded = rng.randint(dt.date(1946, 1, 1).toordinal(), dt.date(2015, 1, 1).toordinal())
    lines = [
        f"- id: {oid}",
        f"  name: Synthetic Organisation {i}",
        f"  aliases: [SO{i}, 'Организация {i}']",
        f"  kind: {KINDS[i % len(KINDS)]}",
        "  sources:",
    ]
    # Organisation-level sources; events refer to them through inline copies or their own.
    events: list[tuple[int, str]] = []
    dissolve = founded + rng.randint(3000, 20000) if rng.random() < 0.15 else None
    end_of_life = min(dissolve or TODAY, TODAY)
    lines.append(f"  - {_source(rng, oid, 0)}")
    # Shared sources with ids, as curated files have them; some events cite their own page.
    ids = [f"{oid.lower()}-{k}" for k in range(rng.randint(1, 3))]
    for k, sid in enumerate(ids):
        registry.append(f"- {{id: {sid}, " + _source(rng, oid, 100 + k)[1:])
    src = f"[{ids[0]}]"
    events.append((founded, f"{{date: {dt.date.fromordinal(founded)}, event: founded, "
                            f"name: 'Synthetic Organisation {i}', sources: {src}}}"))
    if rng.random() < 0.2:
        day = rng.randint(founded + 1, end_of_life - 1)
        events.append((day, f"{{date: {dt.date.fromordinal(day)}, event: renamed, "
                            f"name: 'Synthetic Organisation {i} (renamed)', sources: {src}}}"))
    budget = max(1, target - len(events) - (1 if dissolve else 0))
    alive = [c for c in countries if c[1] < end_of_life - 30 and c[2] > founded + 30]
    rng.shuffle(alive)
    k = 2
    for code, c_start, c_end in alive:
        if budget <= 0:
            break
        lo = max(founded, c_start)
        hi = min(end_of_life, c_end) - 1
        day = rng.randint(lo, min(hi, lo + 8000))
        history: list[str] = []
        kind0 = "observer" if rng.random() < 0.12 else "joined"
        history.append(kind0)
        state = "observer" if kind0 == "observer" else "member"
        for _ in range(rng.choice((0, 0, 0, 1, 1, 2, 3))):
            if state == "observer":
                step = rng.choice(("joined", "left"))
            elif state == "member":
                step = rng.choice(("suspended", "frozen", "withdrew", "left", "expelled"))
            elif state == "suspended":
                step = rng.choice(("reinstated", "withdrew"))
            elif state == "frozen":
                step = rng.choice(("resumed", "withdrew"))
            else:
                step = rng.choice(("joined", "observer"))
            history.append(step)
            state = {"joined": "member", "left": "none", "suspended": "suspended",
                     "frozen": "frozen", "withdrew": "none", "expelled": "none",
                     "reinstated": "member", "resumed": "member", "observer": "observer"}[step]
        floor = lo
        for step in history:
            if day >= hi or budget <= 0:
                break
            text, first = _date(rng, day)
            if _window_end(text) > hi or first < floor:
                text, first = dt.date.fromordinal(day).isoformat(), day
            extra = ""
            if rng.random() < 0.1:
                extra = f", note: 'Synthetic note {k}: decided at the summit.'"
            if step in ("withdrew", "suspended") and rng.random() < 0.3:
                extra += f", announced: {dt.date.fromordinal(max(lo, first - 200))}"
            r = rng.random()
            if r < 0.85:
                srcs = f"[{rng.choice(ids)}]"
            elif r < 0.97:
                srcs = f"[{_source(rng, oid, k)}]"
            else:
                srcs = f"[{ids[0]}, {_source(rng, oid, k)}]"
            k += 1
            events.append((first, f"{{date: {text}, country: {code}, event: {step}, "
                                  f"sources: {srcs}{extra}}}"))
            budget -= 1
            floor = _window_end(text)
            day = max(floor, day + 1) + rng.randint(30, 4000)
    if dissolve and dissolve < TODAY:
        events.append((dissolve, f"{{date: {dt.date.fromordinal(dissolve)}, event: dissolved, "
                                 f"sources: {src}}}"))
    # Events in date order (stable: founding first), as the format requires.
    events.sort(key=lambda e: e[0])
    lines.append("  events:")
    lines.extend(f"  - {text}" for _, text in events)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    text = generate(args.scale, args.seed)
    Path(args.output).write_text(text, encoding="utf-8")
    print(f"wrote {args.output}: {len(text):,} bytes, "
          f"{text.count(chr(10) + '  - {date')} events", file=sys.stderr)


if __name__ == "__main__":
    main()
