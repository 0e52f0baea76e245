"""Cross-check the bundled data against the Correlates of War IGO v3 data and write
docs/crosscheck.md.

    .venv/bin/python tools/crosscheck.py [--reference ../shared/reference] [--rule any-day]

Reads the COW tables in the shared reference folder (never used by the tests: a fresh clone has
no ../shared). The wide state-year table is preferred, restricted to the IGOs of the long
table: only it tells a state COW coded 0 from a state-year COW has no row for. For every
organisation both cover, it writes the agreement rate and every disagreement, one line per
country spell (consecutive years with the same two codes), with our dated events and a column
"who is right, and the source": filled where our data's notes and sources, or a known property
of the COW data, make it clear (the KNOWN table below, and a few general rules), left "for the
lead" otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import alliances  # noqa: E402
from alliances import cow  # noqa: E402

# (org, country, first year of the spell) -> who is right, and the source. Written by hand from
# the data's own notes and sources and the reference folder's README.
KNOWN: dict[tuple[str, str, int], str] = {
    ("CSTO", "UZB", 2002): "Ours. Uzbekistan did not renew the Collective Security Treaty in "
    "1999 (out from 1999-04-20) and rejoined the CSTO on 2006-08-16 (sources in the events); "
    "COW codes it a member from the CSTO's 2002 start. Known COW error (reference README).",
    ("CSTO", "UZB", 2012): "Year convention. Uzbekistan was a full member until its "
    "suspension on 2012-06-28: a member on days of 2012 (any-day); COW codes its exit year 0.",
    ("WP", "GHA", 1960): "Ours. Ghana was never a party to the Warsaw Treaty; COW's 1960-1964 "
    "rows are an error (reference README: 'COW IGO lists Ghana in the Warsaw Pact in 1960-64').",
    ("CIS", "UKR", 1993): "For the lead: COW codes Ukraine an associate member of the CIS from "
    "1993 (it never ratified the 1993 Charter); we code it a member from 1991-12-10 until its "
    "withdrawal. Both readings are defensible; the reference README flags COW's.",
    ("UN", "UZB", 1991): "Ours: admitted on 1992-03-02 (source above); COW codes 1991.",
    ("UN", "DEU", 1965): "Ours for full membership: admitted on 1973-09-18 (source above); COW "
    "codes 1 from 1965.",
    ("UN", "DDR", 1965): "Ours for full membership: admitted on 1973-09-18 (source above); COW "
    "codes 1 from 1965.",
    ("UN", "CHN", 1945): "Coding convention, for the lead: COW's 710 is 'China' throughout "
    "(the Republic of China until 1949); we code the Republic of China's seat to TWN, whose "
    "state-system spell (713) starts on 1949-12-08, and the People's Republic from 1971-10-25.",
    ("CoE", "FIN", 1965): "Ours: Finland joined on 1989-05-05 (source above); COW codes it a "
    "member from 1965.",
    ("CoE", "GRC", 1970): "Ours: Greece withdrew on 1969-12-12 and rejoined on 1974-11-28 "
    "(sources above); COW keeps it a member.",
    ("CoE", "LIE", 1990): "Ours: Liechtenstein joined on 1978-11-23 (source above); COW codes "
    "0 for its first years in the state system.",
    ("OECD", "FIN", 1965): "Ours: Finland joined on 1969-01-28 (source above).",
    ("OECD", "DEU", 1961): "Ours: West Germany is a founding member (1961-09-30, source "
    "above); COW codes 0 under 260.",
}
for _c in ("ARM", "AZE", "KGZ", "MDA", "TJK", "UZB"):
    KNOWN[("CIS", _c, 1991)] = (
        "Coding rule: COW codes the Alma-Ata signatories (21 December 1991) as members in "
        "1991; we date membership from each state's own ratification or accession (coding "
        "rule 1, docs/coding-rules.md), dated and sourced above."
    )


def reference_table(reference: Path) -> cow.CowTable:
    long = reference / "cow_igo_long.csv"
    wide = reference / "raw" / "cow_igo_state_year_format3.csv"
    if not long.is_file():
        raise SystemExit(f"crosscheck: {long} not found (give --reference)")
    igos = sorted(cow.read_cow(long).names)
    if wide.is_file():
        return cow.read_cow(wide, igos=igos)
    return cow.read_cow(long)


def spells_of(disagreements: pd.DataFrame) -> pd.DataFrame:
    """One row per run of consecutive years with the same codes."""
    d = disagreements.copy()
    d["cow"] = d["cow_status"].astype("string").fillna("")
    d["ours"] = d["our_status"].astype("string").fillna("")
    keys = ["org", "country", "ccode", "cow", "ours", "status"]
    d = d.sort_values([*keys[:3], "year"], kind="stable")
    k = d[keys].astype(str)
    new = (k != k.shift()).any(axis=1)
    new |= d["year"] != d["year"].shift() + 1
    d["run"] = new.cumsum()
    return d.groupby("run", sort=False).agg(
        org=("org", "first"), cow_igo=("cow_igo", "first"), country=("country", "first"),
        country_name=("country_name", "first"), ccode=("ccode", "first"),
        first=("year", "min"), last=("year", "max"), cow=("cow", "first"),
        ours=("ours", "first"), status=("status", "first"), uncertain=("uncertain", "any"),
    ).reset_index(drop=True)


def evidence(ds: alliances.Dataset, org: str, country: str, first: int, last: int
             ) -> tuple[str, list[int]]:
    """Our events of the country in the organisation around the spell, and their years."""
    ev = ds.events
    mine = ev[(ev["org"] == org) & ((ev["country"] == country) | (ev["predecessor"] == country))]
    lo = dt.date(first - 1, 1, 1).toordinal()
    hi = dt.date(last + 2, 1, 1).toordinal()
    near = mine[(mine["day"] >= lo) & (mine["day"] < hi)]
    if near.empty:
        near = mine[mine["day"] < lo].tail(1)
    parts, years = [], []
    for rec in near.to_dict("records"):
        url = rec["sources"][0]["url"] if rec["sources"] else ""
        parts.append(f"{rec['date']} {rec['event']}" + (f" ([source]({url}))" if url else ""))
        years.append(int(str(rec["date"])[:4]))
    return "; ".join(parts) or "no event", years


def verdict(run: dict, years: list[int]) -> str:
    key = (run["org"], str(run["country"]).split("/")[0], int(run["first"]))
    if key in KNOWN:
        return KNOWN[key]
    first, last = int(run["first"]), int(run["last"])
    if run["cow"] == "":
        return ("Not a disagreement on membership: COW has no row for "
                f"{run['ccode']} in {span(run)} (outside its state-year rows); ours as dated.")
    if run["ours"] == "":
        return (f"For the lead: COW codes {run['ccode']} in {span(run)}, a code no country of "
                "ours holds in our state system those years (countries table).")
    if run["status"] == "suspended" and run["cow"] == "0":
        return ("Coding convention: a suspended member keeps COW code 1 in our panels "
                "(vocab.COW_STATUS); COW codes the suspension 0. Our suspension is dated "
                "above.")
    if run["ours"] in ("2", "3") and run["cow"] == "0" and years:
        return (f"Coverage: COW codes no {run['status']} status here; ours is dated and "
                "sourced above.")
    if last < cow.ANNUAL_FROM and last - first < 5 and (
        (first % 5 == 0 and last == first + 4)
        or any(first - 5 <= y <= last for y in years)
    ):
        return ("Likely COW's five-year observations before 1965 (a value carried over "
                "between observations); our change is dated and sourced above.")
    if first == last and first in years:
        return ("Year convention: the change happened during the year (our dated event); "
                "read any-day, the year also counts the earlier status.")
    return "For the lead."


def span(run: dict) -> str:
    a, b = int(run["first"]), int(run["last"])
    return str(a) if a == b else f"{a}-{b}"


def code(value: str) -> str:
    names = {"0": "0 none", "1": "1 full", "2": "2 associate", "3": "3 observer", "": "no row"}
    return names.get(value, value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    parser.add_argument("--rule", default="any-day")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "crosscheck.md")
    args = parser.parse_args()
    ds = alliances.load()
    table = reference_table(args.reference)
    result = cow.compare(ds, table, rule=args.rule)
    runs = spells_of(result.disagreements) if not result.disagreements.empty else None
    s = result.summary
    total_n, total_a = int(s["compared"].sum()), int(s["agree"].sum())
    lines = [
        "# Cross-check with the Correlates of War IGO data",
        "",
        "Generated by `tools/crosscheck.py` (do not edit by hand: the judgements live in its "
        "`KNOWN` table) from the COW IGO v3 tables in the shared reference folder "
        f"(`{Path(table.path).name}`, {table.layout} layout), rule `{args.rule}` "
        "(see [exports.md](exports.md#the-year-rules)). COW codes states by COW code and "
        "year; we compare our state-year panel with it for the organisations both have "
        "(the mapping is `alliances.cow.COW_TO_OURS`) and the years both cover, COW's "
        f"missing values (-9) apart. Overall: {total_a:,} of {total_n:,} country-years agree "
        f"({total_a / total_n:.2%}).",
        "",
        "## Agreement per organisation",
        "",
        "| Ours | COW | Years | Compared | Agree | Differ | COW missing | Agreement |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in s.to_dict("records"):
        if not r["compared"]:
            lines.append(f"| {r['org']} | {r['cow_igo']} | none in common | 0 | | | | |")
            continue
        lines.append(f"| {r['org']} | {r['cow_igo']} | {r['first_year']}-{r['last_year']} | "
                     f"{r['compared']:,} | {r['agree']:,} | {r['disagree']:,} | "
                     f"{r['cow_missing']:,} | {r['agreement']:.2%} |")
    lines += [
        "",
        "## Disagreements",
        "",
        "One line per country and run of consecutive years with the same two codes (COW "
        "codes: 0 none, 1 full, 2 associate, 3 observer; 'no row': COW has no row for that "
        "state-year). 'Our evidence' lists our events around the run, with their first "
        "source.",
        "",
        "| Ours | Country | COW code | Years | COW | Ours | Our evidence | Who is right, and the "
        "source |",
        "|---|---|---:|---|---|---|---|---|",
    ]
    if runs is not None:
        for run in runs.to_dict("records"):
            country = str(run["country"]).split("/")[0]
            ev, years = evidence(ds, run["org"], country, int(run["first"]), int(run["last"]))
            ours = code(run["ours"]) + (f" ({run['status']})" if run["status"] else "")
            name = f"{run['country']} {run['country_name']}".strip() or "?"
            lines.append(
                f"| {run['org']} | {name} | {run['ccode']} | {span(run)} | {code(run['cow'])} "
                f"| {ours} | {ev} | {verdict(run, years)} |"
            )
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"crosscheck: {len(s)} organisations, {total_n:,} country-years compared, "
          f"{0 if runs is None else len(runs)} disagreement runs -> {args.output}")


if __name__ == "__main__":
    main()
