"""Benchmark: the dyad-year panel of the bundled data, 1945 to this year, built a year at a
time and written in each format; rows, seconds and peak traced memory.

    .venv/bin/python bench/dyad_year.py [--to 2026] [--formats csv,sqlite,parquet]

Prints ratios against a floor measured in the same run (importing pandas, typer, rich and
yaml). For the whole process's peak memory, run the CLI under /usr/bin/time -v:
``/usr/bin/time -v alliances export dyad-year -o /tmp/dyads.csv``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc


def floor() -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import pandas, typer, rich, yaml"], check=True)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--from", dest="from_", type=int, default=1945)
    parser.add_argument("--to", type=int, default=None)
    parser.add_argument("--formats", default="csv,sqlite,parquet")
    parser.add_argument("--trace", action="store_true",
                        help="also trace the writers' memory (tracemalloc slows them 3-5x)")
    args = parser.parse_args()
    base = floor()
    import alliances
    from alliances import export, panels

    ds = alliances.load()
    _ = ds.spells
    tracemalloc.start()
    t = time.perf_counter()
    rows = sum(len(f) for f in panels.dyad_year_chunks(ds, from_=args.from_, to=args.to))
    build = time.perf_counter() - t
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"floor (import pandas, typer, rich, yaml): {base:.2f} s")
    print(f"dyad-year {args.from_}-{args.to or ds.today.year}: {rows:,} rows built in "
          f"{build:.2f} s ({build / base:.1f}x floor), peak traced memory "
          f"{peak / 2**20:.1f} MiB")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            path = os.path.join(tmp, f"dyads.{fmt}")
            if args.trace:
                tracemalloc.start()
            t = time.perf_counter()
            n = export.export(ds, "dyad-year", path, fmt=fmt, from_=args.from_, to=args.to,
                              progress=False)
            took = time.perf_counter() - t
            memory = ""
            if args.trace:
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                memory = f", peak traced memory {peak / 2**20:.1f} MiB"
            size = os.path.getsize(path)
            print(f"  {fmt:8} {n:,} rows, {took:.2f} s ({took / base:.1f}x floor), "
                  f"{size / 2**20:.1f} MiB on disk{memory}")


if __name__ == "__main__":
    main()
