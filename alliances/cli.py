"""The command line: parse, call the library, emit. No pandas at import time.

Every command is a thin call of one :class:`alliances.dataset.Dataset` method followed by
``emit()``; heavy modules are imported inside the commands so that ``--help``, ``--version`` and
shell completion stay fast.
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from alliances import __version__, vocab
from alliances.errors import AlliancesError, DataError
from alliances.formats import Format

if TYPE_CHECKING:
    from alliances.dataset import Dataset

# No help= here: it would hide the root callback's docstring (and its examples) from --help.
app = typer.Typer(
    name="alliances",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

MAX_ISSUES_SHOWN = 20

F = TypeVar("F", bound=Callable[..., Any])


# -- shared options ----------------------------------------------------------------------------
DataOption = Annotated[
    list[str] | None,
    typer.Option(
        "--data",
        metavar="PATH",
        help="A YAML data file to load beside the bundled data (repeatable; also "
        "ALLIANCES_DATA).",
        show_default=False,
    ),
]
NoBundledOption = Annotated[
    bool,
    typer.Option(
        "--no-bundled",
        help="Load only the --data files, not the bundled data (also ALLIANCES_NO_BUNDLED=1).",
    ),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show the Python traceback of an error.")
]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="Output format.  [default: table on a terminal, csv otherwise]",
        show_default=False,
    ),
]
OnOption = Annotated[
    str,
    typer.Option("--on", metavar="DATE", help="The day: YYYY-MM-DD, YYYY-MM, YYYY or 'today'."),
]
StatusOption = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        "-s",
        metavar="STATUS",
        help="Statuses to list: member, frozen, suspended, associate, observer, partner, "
        "candidate, 'members' (member and frozen) or 'all'; repeat or separate by "
        "commas.  [default: members]",
        show_default=False,
    ),
]


def _complete_org(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from alliances.complete import complete

    return complete("org", incomplete, ctx.params.get("data"), bool(ctx.params.get("no_bundled")))


def _complete_country(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from alliances.complete import complete

    return complete("country", incomplete, ctx.params.get("data"),
                    bool(ctx.params.get("no_bundled")))


OrgArgument = Annotated[
    str,
    typer.Argument(
        metavar="ORG",
        help="Organisation: id, name or alias in any case (CSTO, ОДКБ, 'european union').",
        autocompletion=_complete_org,
        show_default=False,
    ),
]
CountryArgument = Annotated[
    str,
    typer.Argument(
        metavar="COUNTRY",
        help="Country: ISO alpha-3 or alpha-2 code, name or alias (UZB, UZ, Uzbekistan).",
        autocompletion=_complete_country,
        show_default=False,
    ),
]
FromOption = Annotated[
    str | None,
    typer.Option("--from", metavar="DATE", help="Only events on or after this date.",
                 show_default=False),
]
ToOption = Annotated[
    str | None,
    typer.Option("--to", metavar="DATE", show_default=False,
                 help="Only events on or before this date (a month or a year: to its end)."),
]


def _err(message: str) -> None:
    from alliances.errors import printable
    from alliances.render import stderr_console

    stderr_console().print(printable(message), markup=False, highlight=False, soft_wrap=True)


def _report_issues(e: DataError, *, limit: int | None) -> None:
    issues = e.issues if limit is None else e.issues[:limit]
    for issue in issues:
        _err(str(issue))
    hidden = len(e.issues) - len(issues)
    if hidden > 0:
        _err(f"... and {hidden} more; 'alliances validate' lists them all")


def guarded(func: F) -> F:
    """Turn library errors into one clear stderr message and an exit code, never a traceback
    (unless --debug)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(kwargs.get("debug")) or os.environ.get("ALLIANCES_DEBUG") == "1"
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except DataError as e:
            if debug:
                traceback.print_exc()
            _report_issues(e, limit=MAX_ISSUES_SHOWN)
            _err(f"Error: the data is invalid ({len(e.issues)} problem"
                 f"{'s' if len(e.issues) != 1 else ''})")
            raise typer.Exit(e.exit_code) from None
        except AlliancesError as e:
            if debug:
                traceback.print_exc()
            _err(f"Error: {e}")
            raise typer.Exit(e.exit_code) from None
        except KeyboardInterrupt:
            _err("Interrupted")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # The reader went away (| head): nothing more to say.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception as e:  # a bug: still one line, the traceback on request
            if debug:
                traceback.print_exc()
            _err(f"Error: internal error ({type(e).__name__}: {e}); "
                 "run again with --debug for the traceback and please report it")
            raise typer.Exit(70) from None

    return wrapper  # type: ignore[return-value]


def _width() -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def _render() -> Any:
    """The Rich renderers, imported only when a table is printed."""
    from alliances import render

    return render


def _warn_gaps(ds: Dataset, orgs: list[str], *, brief: bool = False) -> None:
    """Say on stderr when an answer draws on data known to be incomplete: the gap itself for
    one organisation, the organisations' ids (``brief``) for a list of them."""
    gappy = [oid for oid in dict.fromkeys(orgs)
             if (o := ds.store.organisations.get(oid)) is not None and o.gaps]
    if brief and gappy:
        _err(f"Note: the data on {', '.join(gappy)} is incomplete "
             f"(alliances show {gappy[0]} says how)")
    elif gappy:
        for oid in gappy:
            _err(f"Note: the data on {oid} is incomplete: "
                 f"{ds.store.organisations[oid].gaps}")


def open_dataset(data: list[str] | None, no_bundled: bool) -> Dataset:
    from alliances.dataset import load

    return load(data or None, bundled=False if no_bundled else None)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"alliances {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = None,
) -> None:
    """Which states belonged to which alliance or international organisation, to the day,
    with sources.

    Examples:

    \b
      alliances members CSTO --on 2012-06-29
      alliances memberships UZB --on 2005-01-01
      alliances members CSTO --on 2012-06-29 -f csv

    Each command's options: alliances COMMAND --help. A guide with examples: docs/cli.md.
    """


@app.command()
@guarded
def members(
    org: OrgArgument,
    on: OnOption = "today",
    status: StatusOption = None,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    debug: DebugOption = False,
) -> None:
    """Who belonged to an organisation on a day.

    By default the members: status member or frozen (participation frozen by the state, still
    a member); --status all adds suspended members, observers, associates, partners and
    candidates.

    \b
      alliances members CSTO --on 2012-06-29
      alliances members CSTO --on 2012-06-29 --status all -f csv
    """
    from alliances.dataset import parse_statuses
    from alliances.output import emit

    ds = open_dataset(data, no_bundled)
    oid = ds.resolve_org(org)
    day = ds.day(on)
    statuses = parse_statuses(status)
    frame = ds.members_table(oid, on=day, status=statuses)
    o = ds.store.organisations[oid]
    title = f"{o.name_on(day.first)} ({oid}) on {day}"
    if o.founded is not None and day.first < o.founded.first:
        _err(f"Note: {oid} was founded on {o.founded}, after {day}")
    elif o.dissolved is not None and day.first >= o.dissolved.first:
        _err(f"Note: {oid} was dissolved on {o.dissolved}")
    _warn_gaps(ds, [oid])
    if frame.empty:
        what = ("members" if statuses == vocab.DEFAULT_MEMBER_STATUSES else
                "rows" if statuses == vocab.STATUSES else "rows with status " + ", ".join(statuses))
        _err(f"No {what} of {oid} on {day}.")
    emit(frame, fmt, lambda f: _render().members_table(f, title=title))


@app.command()
@guarded
def memberships(
    country: CountryArgument,
    on: OnOption = "today",
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status", "-s", metavar="STATUS", show_default=False,
            help="Statuses to list, as for members: member, frozen, suspended, associate, "
            "observer, partner, candidate, 'members' (member and frozen) or 'all'; repeat or "
            "separate by commas.  [default: all]",
        ),
    ] = None,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    debug: DebugOption = False,
) -> None:
    """Every organisation a country belonged to on a day.

    Every status is listed (observer, partner ... too) unless --status narrows it.

    \b
      alliances memberships UZB --on 2005-01-01
      alliances memberships Armenia --on 2025-06-01 --status members
    """
    from alliances.output import emit

    ds = open_dataset(data, no_bundled)
    code = ds.resolve_country(country)
    day = ds.day(on)
    frame = ds.memberships_table(code, on=day, status=status or "all")
    names = {o: x.name_on(day.first) for o, x in ds.store.organisations.items()}
    _warn_gaps(ds, [str(x) for x in frame["org"]], brief=True)
    if frame.empty:
        _err(f"No memberships of {code} on {day}.")
    c = ds.store.countries[code]
    title = f"{c.name} ({code}) on {day}"
    emit(frame, fmt, lambda f: _render().memberships_table(f, title=title, names=names))


@app.command()
@guarded
def timeline(
    org: OrgArgument,
    from_: FromOption = None,
    to: ToOption = None,
    country: Annotated[
        list[str] | None,
        typer.Option("--country", "-c", metavar="COUNTRY", autocompletion=_complete_country,
                     help="Only this country's events (repeatable).", show_default=False),
    ] = None,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    debug: DebugOption = False,
) -> None:
    """An organisation's dated events, in order.

    Founding, renames, joins, exits and status changes, with their notes and sources.

    \b
      alliances timeline CSTO
      alliances timeline CSTO --country UZB --from 2006 -f csv
    """
    from alliances.output import emit

    ds = open_dataset(data, no_bundled)
    oid = ds.resolve_org(org)
    frame = ds.timeline(oid, from_=from_, to=to, countries=country)
    _warn_gaps(ds, [oid])
    if frame.empty:
        _err(f"No events of {oid} in that range.")
    title = f"{ds.store.organisations[oid].name} ({oid}): timeline"
    emit(frame, fmt, lambda f: _render().events_table(f, title=title, width=_width()))


@app.command()
@guarded
def history(
    country: CountryArgument,
    from_: FromOption = None,
    to: ToOption = None,
    org: Annotated[
        list[str] | None,
        typer.Option("--org", "-o", metavar="ORG", autocompletion=_complete_org,
                     help="Only this organisation's events (repeatable).", show_default=False),
    ] = None,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    debug: DebugOption = False,
) -> None:
    """A country's events across every organisation, in date order.

    \b
      alliances history UZB
      alliances history Armenia --from 2020 -f json
    """
    from alliances.output import emit

    ds = open_dataset(data, no_bundled)
    code = ds.resolve_country(country)
    frame = ds.history(code, from_=from_, to=to, orgs=org)
    _warn_gaps(ds, [str(x) for x in frame["org"]], brief=True)
    if frame.empty:
        _err(f"No events of {code} in that range.")
    title = f"{ds.store.countries[code].name} ({code}): history"
    emit(frame, fmt, lambda f: _render().events_table(f, title=title, width=_width(), by_org=True))


@app.command()
@guarded
def chart(
    org: Annotated[
        str | None,
        typer.Argument(metavar="[ORG]", help="Organisation: one row per country.",
                       autocompletion=_complete_org, show_default=False),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", "-c", metavar="COUNTRY", autocompletion=_complete_country,
                     help="A country instead of ORG: one row per organisation.",
                     show_default=False),
    ] = None,
    from_: Annotated[
        str | None,
        typer.Option("--from", metavar="DATE", show_default=False,
                     help="Start of the time axis.  [default: the first entry]"),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option("--to", metavar="DATE", show_default=False,
                     help="End of the time axis, the whole month or year it names included.  "
                     "[default: today, or the last exit]"),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option("--status", "-s", metavar="STATUS", show_default=False,
                     help="Statuses to draw, as for members.  [default: all]"),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option("--out", "-o", metavar="FILE", show_default=False,
                     help="Write a figure instead: FILE.svg, .png or .pdf (needs matplotlib: "
                     "pip install 'alliances[charts]')."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing --out file.")]
    = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    debug: DebugOption = False,
) -> None:
    """A membership timeline as a chart, one bar per spell.

    Bars are drawn by status on a time axis. Give ORG (one row per country) or --country (one
    row per organisation), not both; --out writes an SVG, PNG or PDF figure.

    \b
      alliances chart CSTO
      alliances chart --country UZB --out uzbekistan.svg
    """
    from alliances.chart import build_chart, check_subject

    check_subject(org, country)
    if out is not None:
        from alliances.chart_image import check_output

        check_output(out, overwrite=force)
    ds = open_dataset(data, no_bundled)
    ch = build_chart(ds, org, country=country, from_=from_, to=to, status=status or "all")
    if ch.empty:
        _err(f"Nothing to draw for {ch.key} in that range.")
        return
    if out is not None:
        from alliances.chart_image import save_chart

        save_chart(ch, out, overwrite=force)
        _err(f"Wrote {out}: {len(ch.rows)} rows, {ch.bars} spells.")
        return
    from alliances.gantt import Gantt
    from alliances.render import stdout_console

    hint = f"alliances {'timeline' if ch.subject == 'org' else 'history'} {ch.key}"
    stdout_console().print(Gantt(ch, hint=hint))


@app.command()
@guarded
def diff(
    org: OrgArgument,
    from_: Annotated[str, typer.Argument(
        metavar="FROM", help="The first day: YYYY-MM-DD, YYYY-MM, YYYY or 'today'.")],
    to: Annotated[str, typer.Argument(
        metavar="TO", help="The second day, on or after FROM.")],
    fmt: FormatOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    debug: DebugOption = False,
) -> None:
    """Who joined, left or changed status between two days.

    One row per country whose status differs between FROM and TO, with the events in between.

    \b
      alliances diff NATO 1990-01-01 2024-12-31
      alliances diff CSTO 2012 2025 -f csv
    """
    from alliances.output import emit

    ds = open_dataset(data, no_bundled)
    oid = ds.resolve_org(org)
    frame = ds.diff(oid, from_, to)
    a, b = ds.day(from_), ds.day(to)
    _warn_gaps(ds, [oid])
    if frame.empty:
        _err(f"No change in {oid} between {a} and {b}.")
    title = f"{ds.store.organisations[oid].name} ({oid}): {a} -> {b}"
    emit(frame, fmt, lambda f: _render().diff_table(f, title=title))


@app.command()
@guarded
def shared(
    countries: Annotated[
        list[str],
        typer.Argument(metavar="COUNTRY...", help="Two or more countries.",
                       autocompletion=_complete_country, show_default=False),
    ],
    on: Annotated[
        str | None,
        typer.Option("--on", metavar="DATE", help="The day; without it, the spells of shared "
                     "membership over time.", show_default=False),
    ] = None,
    status: StatusOption = None,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    debug: DebugOption = False,
) -> None:
    """The organisations that two or more countries share.

    With --on, those all of them belonged to that day; without it, every spell of shared
    membership over time.

    \b
      alliances shared ARM AZE --on 2000-01-01
      alliances shared RUS USA
    """
    from alliances.output import emit

    ds = open_dataset(data, no_bundled)
    codes = [ds.resolve_country(c) for c in countries]
    frame = ds.shared(codes, on=on, status=status)
    who = ", ".join(codes)
    when = f" on {ds.day(on)}" if on is not None else ": shared membership over time"
    if frame.empty:
        _err(f"{who} share no organisation{when.replace(': shared membership over time', '')}.")
    emit(frame, fmt, lambda f: _render().shared_table(f, title=f"{who}{when}"))


@app.command()
@guarded
def orgs(
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", metavar="KIND",
                     help="Only this kind: military-alliance, security, political, economic, "
                     "regional, global, forum or organ (a UN body whose seats are coded as "
                     "memberships).", show_default=False),
    ] = None,
    on: OnOption = "today",
    search: Annotated[
        str | None,
        typer.Option("--search", metavar="TEXT", help="Only organisations whose names or "
                     "aliases match.", show_default=False),
    ] = None,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    debug: DebugOption = False,
) -> None:
    """The organisations, their kind, life and members on a day.

    \b
      alliances orgs --kind military-alliance --on 1960-01-01
      alliances orgs --search eurasian -f csv
    """
    from alliances.output import emit

    ds = open_dataset(data, no_bundled)
    day = ds.day(on)
    frame = ds.orgs(kind=kind, on=day, search=search)
    partial = [str(o) for o, ok in zip(frame["org"], frame["complete"], strict=True) if not ok]
    if partial:
        _err(f"Note: known gaps in {', '.join(partial)} (column complete=false; "
             "alliances show ORG says which)")
    if frame.empty:
        _err("No organisation matches.")
    emit(frame, fmt, lambda f: _render().orgs_table(f, title=f"Organisations on {day}"))


@app.command()
@guarded
def show(
    name: Annotated[str, typer.Argument(metavar="NAME",
                                        help="An organisation or a country.")],
    on: OnOption = "today",
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", metavar="table|json",
                     help="The card as a table or as JSON.  [default: table]", show_default=False),
    ] = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    debug: DebugOption = False,
) -> None:
    """A card for one organisation or country.

    An organisation's names, founding, members and sources; a country's codes, existence and
    memberships.

    \b
      alliances show CSTO --on 2012-06-29
      alliances show Uzbekistan -f json
    """
    import json

    from alliances.errors import UsageError
    from alliances.render import card, stdout_console

    if fmt not in (None, "table", "json"):
        raise UsageError(f"show prints a card: --format table or json, not '{fmt}'")
    ds = open_dataset(data, no_bundled)
    info = ds.card(name, on=on)
    if fmt == "json":
        typer.echo(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        stdout_console().print(card(info))


@app.command()
@guarded
def search(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="What to look for.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many rows.")]
    = 50,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    debug: DebugOption = False,
) -> None:
    """Search names, aliases and event notes, ranked.

    Organisations, countries and events whose names, aliases or notes match TEXT.

    \b
      alliances search uzbek
      alliances search ОДКБ
    """
    from alliances.output import emit

    ds = open_dataset(data, no_bundled)
    frame = ds.search(text, limit=limit)
    if frame.empty:
        _err(f"Nothing matches '{text}'.")
    emit(frame, fmt, lambda f: _render().search_table(f, title=f"Search: {text}"))


@app.command()
@guarded
def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PATH]...",
            help="Data files to check beside the bundled data (none: check the bundled data).",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    debug: DebugOption = False,
) -> None:
    """Check data files; exit 1 if any is invalid.

    Every error is listed with its file:line:column, the organisation and the country.

    \b
      alliances validate
      alliances validate my-data.yaml
    """
    from alliances.dataset import Dataset
    from alliances.loading import data_paths, load_data

    files = data_paths([*(paths or []), *(data or [])], bundled=False if no_bundled else None)
    loaded, issues = load_data(files)
    ds = Dataset(loaded)
    summary = (
        f"{len(loaded.organisations):,} organisations, {len(loaded.countries):,} countries, "
        f"{len(loaded.events):,} events, {len(ds.spells):,} spells"
    )
    if issues:
        _report_issues(DataError(issues), limit=None)
        _err(f"invalid: {len(issues)} error{'s' if len(issues) != 1 else ''} in "
             f"{len(files)} file{'s' if len(files) != 1 else ''}; {summary}")
        raise typer.Exit(1)
    typer.echo(f"valid: {len(files)} file{'s' if len(files) != 1 else ''}; {summary}")


# The research commands (export, import cow-igo, compare) live in their own module, which
# registers them on `app` when imported; it needs everything above, hence the late import.
from alliances import cli_research as _cli_research  # noqa: E402, F401


def main() -> None:
    """The console script: usage errors as one line on stderr, exit codes as documented."""
    from typer._click import exceptions as click_errors

    try:
        code = app(prog_name="alliances", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as e:
        typer.echo(e.ctx.get_help() if e.ctx is not None else "alliances --help")
        sys.exit(0)
    except click_errors.UsageError as e:
        hint = f" (see: {e.ctx.command_path} --help)" if e.ctx is not None else ""
        _err(f"Error: {e.format_message()}{hint}")
        sys.exit(2)
    except click_errors.ClickException as e:
        _err(f"Error: {e.format_message()}")
        sys.exit(e.exit_code)
    except typer.Abort:
        _err("Aborted")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
