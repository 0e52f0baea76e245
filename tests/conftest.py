"""Shared fixtures: small datasets written in tmp_path, and a CLI runner with stdout and stderr
kept apart."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import tests.hypothesis_profiles  # noqa: F401  (the "default" and "nightly" profiles)
from alliances.cli import app

TODAY = dt.date(2026, 11, 26)

COUNTRIES = """\
schema: 1
countries:
  - {code: ARM, name: Armenia, alpha2: AM, ccode: 371, gwcode: 371, start: 1991-09-21}
  - {code: BLR, name: Belarus, alpha2: BY, ccode: 370, gwcode: 370, aliases: [Byelorussia]}
  - {code: RUS, name: Russia, alpha2: RU, ccode: 365, gwcode: 365,
     official_name: Russian Federation, aliases: [Россия]}
  - {code: SUN, name: Soviet Union, ccode: 365, gwcode: 365, end: 1991-12-26,
     official_name: Union of Soviet Socialist Republics, aliases: [USSR]}
  - {code: UZB, name: Uzbekistan, alpha2: UZ, ccode: 704, gwcode: 704, start: 1991-08-31}
  - {code: NOR, name: Norway, alpha2: NO, ccode: 385, gwcode: 385}
  - {code: TUR, name: Turkey, alpha2: TR, ccode: 640, gwcode: 640, aliases: [Türkiye]}
"""

SOURCE = "{title: T, publisher: P, date: 2020-01-01, url: 'https://example.org/x'}"


def org_file(body: str) -> str:
    """A data file with one shared source 's' and the given organisations (YAML text)."""
    return (
        "schema: 1\n"
        "sources:\n"
        "  - {id: s, title: Source, publisher: Pub, date: 2020-01-01, "
        "url: 'https://example.org/s'}\n"
        "organisations:\n" + textwrap.indent(textwrap.dedent(body).strip("\n"), "  ") + "\n"
    )


MINI = org_file(
    """
    - id: CSTO
      name: Collective Security Treaty Organization
      aliases: [ОДКБ]
      kind: military-alliance
      events:
        - {date: 1992-05-15, event: founded, name: Collective Security Treaty, sources: [s]}
        - {date: 1992-05-15, country: ARM, event: joined, sources: [s]}
        - {date: 1992-05-15, country: RUS, event: joined, sources: [s]}
        - {date: 1992-05-15, country: UZB, event: joined, sources: [s]}
        - {date: 1993-12-31, country: BLR, event: joined, sources: [s]}
        - {date: 1999-04-20, country: UZB, event: left, sources: [s]}
        - {date: 2002-10-07, event: renamed, name: Collective Security Treaty Organization,
           sources: [s]}
        - {date: 2006-08-16, country: UZB, event: joined, sources: [s]}
        - {date: 2012-06-28, country: UZB, event: suspended, announced: 2012-06-20,
           sources: [s]}
        - {date: 2024-02, country: ARM, event: frozen, sources: [s]}
    - id: WP
      name: Warsaw Pact
      kind: military-alliance
      events:
        - {date: 1955-05-14, event: founded, sources: [s]}
        - {date: 1955-05-14, country: SUN, event: joined, sources: [s]}
        - {date: 1991-07-01, event: dissolved, sources: [s]}
    - id: UN
      name: United Nations
      kind: global
      events:
        - {date: 1945-10-24, event: founded, sources: [s]}
        - {date: 1945-10-24, country: SUN, event: joined, sources: [s]}
        - {date: 1945-10-24, country: NOR, event: joined, sources: [s]}
        - {date: 1945-10-24, country: TUR, event: joined, sources: [s]}
        - {date: 1991-12-24, country: RUS, event: succeeded, predecessor: SUN, sources: [s]}
    """
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: longer than a few seconds; runs with --hypothesis-profile=nightly"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked slow run only in the nightly run (docs/reliability.md)."""
    if config.getoption("hypothesis_profile", default=None) == "nightly":
        return
    skip = pytest.mark.skip(reason="slow: run with --hypothesis-profile=nightly")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or fill the user's cache (nor each other's, across sessions)."""
    import os

    os.environ["ALLIANCES_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "ALLIANCES_DATA", "ALLIANCES_NO_BUNDLED",
                "ALLIANCES_DEBUG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr("alliances.dates.today", lambda: TODAY)


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def mini(write: Callable[[str, str], Path]) -> list[str]:
    """--data arguments for the mini dataset, bundled data off."""
    c = write("countries.yaml", COUNTRIES)
    m = write("orgs.yaml", MINI)
    return ["--no-bundled", "--data", str(c), "--data", str(m)]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli(runner: CliRunner) -> Callable[..., object]:
    def _run(*args: str) -> object:
        return runner.invoke(app, list(args), catch_exceptions=False)

    return _run
