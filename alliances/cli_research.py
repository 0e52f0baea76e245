"""The research commands: ``export``, ``import cow-igo`` and ``compare``. Registered on the root
app by :mod:`alliances.cli`; thin like the others (parse, one library call, write or emit), no
pandas at import time."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from alliances.cli import (
    DataOption,
    DebugOption,
    FormatOption,
    NoBundledOption,
    _complete_country,
    _complete_org,
    _err,
    app,
    guarded,
    open_dataset,
)
from alliances.formats import ExportFormat

if TYPE_CHECKING:
    import pandas as pd


class What(StrEnum):
    """What ``export`` writes."""

    spells = "spells"
    events = "events"
    organisations = "organisations"
    countries = "countries"
    state_year = "state-year"
    dyad_year = "dyad-year"


class Rule(StrEnum):
    """How a year's status is read."""

    any_day = "any-day"
    end_of_year = "end-of-year"
    mid_year = "mid-year"


OrgsOption = Annotated[
    list[str] | None,
    typer.Option("--org", metavar="ORG", autocompletion=_complete_org,
                 help="Only this organisation (repeatable).", show_default=False),
]
CountriesOption = Annotated[
    list[str] | None,
    typer.Option("--country", "-c", metavar="COUNTRY", autocompletion=_complete_country,
                 help="Only this country (repeatable; dyad-year: the dyads that include it).",
                 show_default=False),
]
RangeFrom = Annotated[
    str | None,
    typer.Option("--from", metavar="DATE", help="Start of the range (panels: its year).  "
                 "[default: the first year of the data]", show_default=False),
]
RangeTo = Annotated[
    str | None,
    typer.Option("--to", metavar="DATE", help="End of the range (panels: its year).  "
                 "[default: this year]", show_default=False),
]
CompareFrom = Annotated[
    str | None,
    typer.Option("--from", metavar="DATE", help="The first year to compare (a date: its year).  "
                 "[default: the first year both cover]", show_default=False),
]
CompareTo = Annotated[
    str | None,
    typer.Option("--to", metavar="DATE", help="The last year to compare (a date: its year).  "
                 "[default: the last year both cover]", show_default=False),
]
RuleOption = Annotated[
    Rule,
    typer.Option("--rule", case_sensitive=False,
                 help="How a year's status is read: any-day (at least one day in the year, "
                 "the COW convention), end-of-year (31 December) or mid-year (1 July)."),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace the output file if it exists.")
]


@app.command()
@guarded
def export(
    what: Annotated[What, typer.Argument(case_sensitive=False, metavar="WHAT",
                                         help="spells, events, organisations, countries, "
                                         "state-year or dyad-year.", show_default=False)],
    org: OrgsOption = None,
    country: CountriesOption = None,
    from_: RangeFrom = None,
    to: RangeTo = None,
    rule: RuleOption = Rule.any_day,
    wide: Annotated[bool, typer.Option(
        "--wide", help="state-year: one column per organisation with COW codes (0 none, "
        "1 full, 2 associate, 3 observer).")] = False,
    directed: Annotated[bool, typer.Option(
        "--directed", help="dyad-year: both orders of each pair.")] = False,
    status: Annotated[str | None, typer.Option(
        "--status", "-s", metavar="STATUS", help="dyad-year: the statuses that count as "
        "belonging, as for members ('all' for any).  [default: members, i.e. member "
        "and frozen]",
        show_default=False)] = None,
    fmt: Annotated[ExportFormat | None, typer.Option(
        "--format", "-f", case_sensitive=False, help="csv, tsv, json, jsonl, sqlite or "
        "parquet.  [default: from the file's suffix, else csv]", show_default=False)] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE", help="The file to write ('-' or none: stdout, for "
        "text formats).", show_default=False)] = None,
    force: ForceOption = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    debug: DebugOption = False,
) -> None:
    """Export the data or a state-year or dyad-year panel.

    Spells, events, organisations, countries, or a panel keyed by COW country codes, as CSV,
    TSV, JSON, JSON Lines, SQLite or Parquet.

    \b
      alliances export spells --org CSTO -o csto-spells.csv
      alliances export state-year --from 1945 --to 2014 -o panel.parquet
    """
    from alliances import export as exporter

    form = exporter.format_for(fmt, output)
    exporter.check_output(form, output, overwrite=force)
    ds = open_dataset(data, no_bundled)
    rows = exporter.export(
        ds, what.value, output, fmt=form, overwrite=force, orgs=org, countries=country,
        from_=from_, to=to, rule=rule.value, wide=wide, directed=directed, status=status,
    )
    if output not in (None, "-"):
        _err(f"Wrote {rows:,} row{'s' if rows != 1 else ''} of {what.value} to {output} "
             f"({form.value}).")
    elif rows == 0:
        _err(f"No {what.value} rows.")


import_app = typer.Typer(
    name="import",
    help="Turn other datasets into data files in our schema.",
    no_args_is_help=True,
)
app.add_typer(import_app, name="import")


@import_app.command("cow-igo")
@guarded
def import_cow_igo(
    table: Annotated[str, typer.Argument(
        metavar="COW_CSV", help="The COW IGO v3 state-year table (ccode, year, state, "
        "one column per IGO), or the long table (igo_abbrev, ccode, year, status).",
        show_default=False)],
    igo: Annotated[list[str] | None, typer.Option(
        "--igo", metavar="ABBR", help="Only this IGO, by its COW abbreviation in any case "
        "(repeatable).  [default: every IGO in the table]", show_default=False)] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE.yaml", help="The data file to write ('-' or none: "
        "stdout).", show_default=False)] = None,
    prefix: Annotated[str, typer.Option(
        "--prefix", help="Prefix of the imported organisations' ids.")] = "COW-",
    kind: Annotated[str | None, typer.Option(
        "--kind", metavar="KIND", help="The kind of the imported organisations.  [default: "
        "that of the bundled organisation with the same COW IGO code, else forum]",
        show_default=False)] = None,
    force: ForceOption = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    debug: DebugOption = False,
) -> None:
    """Turn a Correlates of War IGO table into a data file.

    The file has year precision and the COW codebook as source, and loads with --data beside
    the bundled data.

    \b
      alliances import cow-igo state_year_format3.csv --igo CSTO -o cow-csto.yaml
      alliances members COW-CSTO --on 2010 --data cow-csto.yaml
    """
    from alliances import cow
    from alliances.safe_write import check_target, write_text_atomic

    if output not in (None, "-"):
        assert output is not None
        check_target(output, overwrite=force)
    ds = open_dataset(data, no_bundled)
    result = cow.import_cow(ds, cow.read_cow(table, igos=igo), prefix=prefix, kind=kind)
    cow.check_import(ds, result)
    for row in result.unmapped.itertuples(index=False):
        _err(f"Unmapped COW code {row.ccode} ({row.first_year}-{row.last_year}, {row.rows} "
             f"row{'s' if row.rows != 1 else ''} in {row.igos} IGO"
             f"{'s' if row.igos != 1 else ''}): no country holds it those years")
    if output in (None, "-"):
        typer.echo(result.text, nl=False)
    else:
        assert output is not None
        write_text_atomic(output, result.text, overwrite=force)
    where = "stdout" if output in (None, "-") else output
    _err(f"Imported {result.organisations:,} organisation"
         f"{'s' if result.organisations != 1 else ''} and {result.events:,} events to {where}.")


@app.command()
@guarded
def compare(
    table: Annotated[str, typer.Argument(
        metavar="COW_CSV", help="A COW IGO table: long (igo_abbrev, ccode, year, status) or "
        "wide (ccode, year, state, one column per IGO).", show_default=False)],
    org: OrgsOption = None,
    rule: RuleOption = Rule.any_day,
    from_: CompareFrom = None,
    to: CompareTo = None,
    summary: Annotated[bool, typer.Option(
        "--summary", help="Print the agreement per organisation instead of the "
        "disagreements.")] = False,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    debug: DebugOption = False,
) -> None:
    """Compare our data with the COW IGO data, year by year.

    Prints the disagreements, and the agreement rate per organisation on stderr (or, with
    --summary, as the output).

    \b
      alliances compare state_year_format3.csv --org CSTO
      alliances compare state_year_format3.csv --summary -f csv
    """
    from alliances import cow
    from alliances.output import emit

    ds = open_dataset(data, no_bundled)
    result = cow.compare(ds, cow.read_cow(table), orgs=org, rule=rule.value, from_=from_, to=to)
    if summary:
        emit(result.summary, fmt, lambda f: _table(f, "Agreement with COW IGO"))
        return
    for rec in result.summary.to_dict("records"):
        rate = rec["agreement"]
        if rate is None or rate != rate:  # NaN: nothing compared
            _err(f"{rec['org']} ({rec['cow_igo']}): no year in common")
            continue
        _err(f"{rec['org']} ({rec['cow_igo']}, {rec['first_year']}-{rec['last_year']}): "
             f"{rate:.2%} agreement, {rec['disagree']:,} of {rec['compared']:,} "
             f"country-years differ")
    if result.disagreements.empty:
        _err("No disagreement.")
    emit(result.disagreements, fmt, lambda f: _table(f, "Disagreements with COW IGO"))


def _table(frame: pd.DataFrame, title: str) -> Any:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for col in frame.columns:
        table.add_column(str(col), overflow="fold")
    for row in frame.itertuples(index=False):
        table.add_row(*(_cell(v) for v in row))
    return table


def _cell(value: Any) -> str:
    from alliances.output import _cell_text

    return _cell_text(value)
