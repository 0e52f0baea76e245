"""Benchmarks: every figure as a ratio to a floor measured in the same run.

    python bench/run.py                # the full run (a few minutes on 2 cores)
    python bench/run.py --quick        # fewer repetitions, 10x instead of 100x
    python bench/run.py --json out.json

Whole-process timings are medians of wall-clock times over repeated runs; peak memory is the
child's maximum resident set size. The floor is `python -c "import pandas, typer, rich, yaml"`:
no pandas-based command can start faster. The synthetic dataset (bench/generate.py) and the
cache directory live in a temporary directory, so "first run" means an empty cache.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def alliances_exe() -> list[str]:
    exe = Path(PY).with_name("alliances")
    return [str(exe)] if exe.exists() else [PY, "-m", "alliances"]


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one run of ``cmd``."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def median_run(cmd: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    run_once(cmd, env)  # warm-up: bytecode, disk cache
    results = [run_once(cmd, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


IN_PROCESS = r"""
import json, sys, time, resource
import alliances
from alliances import cache, store
from alliances.loading import data_paths, load_data
files = data_paths(sys.argv[1:])
t = time.perf_counter(); data, issues = load_data(files); parse = time.perf_counter() - t
assert not issues, issues[:3]
t = time.perf_counter(); st = store.from_data(data); spells = time.perf_counter() - t
ds = alliances.Dataset(store=st)
t = time.perf_counter(); ds.members("CSTO", on="2012-06-29"); first = time.perf_counter() - t
n = 200
t = time.perf_counter()
for _ in range(n):
    ds.members("CSTO", on="2012-06-29")
members = (time.perf_counter() - t) / n
orgs = list(st.org_ids)[:57]  # as many organisations as the bundled data, at any scale
t = time.perf_counter(); sy = ds.state_year(orgs=orgs, from_="1945", to="2026")
state_year = time.perf_counter() - t
print(json.dumps({"load_and_check": parse, "build_spells": spells, "members_first": first,
                  "members": members, "state_year": state_year, "state_year_rows": len(sy),
                  "events": st.n_events, "spells": st.n_spells,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

PEER = r"""
import sys
import pandas as pd
df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
day = "2012-06-29"
rows = df[(df["org"] == "CSTO") & (df["start"] <= day) & ((df["end"] == "") | (df["end"] > day))
          & df["status"].isin(["member", "frozen"])]
rows.to_csv(sys.stdout, index=False)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()
    runs, scale = (3, 10) if args.quick else (args.runs, args.scale)

    work = Path(tempfile.mkdtemp(prefix="alliances-bench-"))
    env = {**os.environ, "ALLIANCES_CACHE_DIR": str(work / "cache"), "NO_COLOR": "1"}
    env.pop("ALLIANCES_DATA", None)
    env.pop("ALLIANCES_NO_CACHE", None)
    # An installed package has its bytecode compiled (pip does it); measure that, not the
    # compilation of our sources on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    exe = alliances_exe()
    big = work / f"synthetic-{scale}x.yaml"
    # In a child process: this one stays small, so that the peak memory of the processes it
    # starts is theirs alone.
    subprocess.run([PY, str(ROOT / "bench" / "generate.py"), "--scale", str(scale), "-o",
                    str(big)], check=True, capture_output=True)
    results: dict[str, dict[str, float]] = {}

    def record(name: str, seconds: float, mib: float) -> None:
        results[name] = {"seconds": seconds, "peak_mib": mib}
        print(f"  {name:<46} {seconds:8.3f} s {mib:8.0f} MiB", flush=True)

    print(f"alliances benchmarks: {runs} runs each, synthetic data {scale}x "
          f"({big.stat().st_size / 2**20:.1f} MiB)", flush=True)
    record("floor: python -c pass", *median_run([PY, "-c", "pass"], env, runs))
    record("floor: import pandas, typer, rich, yaml",
           *median_run([PY, "-c", "import pandas, typer, rich, yaml"], env, runs))
    record("alliances --help", *median_run([*exe, "--help"], env, runs))
    complete_env = {**env, "_ALLIANCES_COMPLETE": "complete_bash",
                    "COMP_WORDS": "alliances members CS", "COMP_CWORD": "2"}
    run_once(exe, complete_env)  # fills the names index
    record("completion (alliances members CS<Tab>)", *median_run(exe, complete_env, runs))

    query = [*exe, "members", "CSTO", "--on", "2012-06-29", "-f", "csv"]
    run_once(query, env)  # compiles the bytecode of every module on the query path
    shutil.rmtree(work / "cache", ignore_errors=True)
    record("members, bundled data, first run (empty cache)", *run_once(query, env))
    record("members, bundled data, repeated", *median_run(query, env, runs))

    spells_csv = work / "spells.csv"
    subprocess.run([*exe, "export", "spells", "-f", "csv", "-o", str(spells_csv)], env=env,
                   check=True, capture_output=True)
    record("peer: pandas reads our spells CSV and filters",
           *median_run([PY, "-c", PEER, str(spells_csv)], env, runs))

    big_query = [*query, "--data", str(big)]
    shutil.rmtree(work / "cache", ignore_errors=True)
    record(f"members, {scale}x data, first run (empty cache)", *run_once(big_query, env))
    record(f"members, {scale}x data, repeated", *median_run(big_query, env, runs))

    for label, extra in (("1x", []), (f"{scale}x", [str(big)])):
        out = subprocess.run([PY, "-c", IN_PROCESS, *extra], env=env, check=True,
                             capture_output=True, text=True)
        figures = json.loads(out.stdout)
        for key in ("load_and_check", "build_spells", "members_first", "members", "state_year"):
            results[f"in-process {label}: {key}"] = {"seconds": figures[key],
                                                     "peak_mib": figures["peak_mib"]}
            print(f"  {'in-process ' + label + ': ' + key:<46} {figures[key]:8.4f} s "
                  f"{figures['peak_mib']:8.0f} MiB", flush=True)
        results[f"in-process {label}: sizes"] = {
            "events": figures["events"], "spells": figures["spells"],
            "state_year_rows": figures["state_year_rows"]}

    dyad = work / "dyad.csv"
    record("export dyad-year 1945-2026, bundled data, csv",
           *run_once([*exe, "export", "dyad-year", "--from", "1945", "--to", "2026", "-f", "csv",
                      "-o", str(dyad)], env))

    floor = results["floor: import pandas, typer, rich, yaml"]["seconds"]
    print("\nratios to the floor (import pandas, typer, rich, yaml = "
          f"{floor:.3f} s):")
    targets = {
        "alliances --help": 0.35,
        "completion (alliances members CS<Tab>)": 0.35,
        "members, bundled data, repeated": 1.2,
        f"members, {scale}x data, repeated": 1.6,
        f"members, {scale}x data, first run (empty cache)": 10.0,
    }
    for name, figures in results.items():
        if "seconds" not in figures or name.startswith("in-process"):
            continue
        ratio = figures["seconds"] / floor
        target = targets.get(name)
        verdict = "" if target is None else (
            f"  target <= {target}: {'met' if ratio <= target else 'NOT met'}")
        print(f"  {name:<46} {ratio:6.2f}x{verdict}")
    peer = results["peer: pandas reads our spells CSV and filters"]["seconds"]
    ours = results["members, bundled data, repeated"]["seconds"]
    print(f"  members vs the hand-written pandas peer: {ours / peer:.2f}x "
          f"({'no slower' if ours <= peer else 'slower'})")
    members_100 = results[f"in-process {scale}x: members"]["seconds"] * 1000
    print(f"  in-process members query at {scale}x: {members_100:.2f} ms (target < 5 ms)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
