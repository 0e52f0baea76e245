"""A small world for the panel, export and COW tests: countries with COW state-system spells
(Germany's two codes, the Soviet Union and Russia sharing 365, a microstate that entered the
system late) and organisations with day, month and year dates."""

from __future__ import annotations

from pathlib import Path

import alliances
from alliances.dataset import Dataset
from tests.conftest import org_file

COUNTRIES = """\
schema: 1
countries:
  - {code: USA, name: United States, alpha2: US, ccode: 2, gwcode: 2,
     system: [{ccode: 2, start: 1816-01-01}]}
  - {code: DEU, name: Germany, alpha2: DE, ccode: 255, gwcode: 260, predecessors: [DDR],
     system: [{ccode: 255, start: 1816-01-01, end: 1945-05-09},
              {ccode: 260, start: 1955-05-05, end: 1990-10-03},
              {ccode: 255, start: 1990-10-03}]}
  - {code: DDR, name: East Germany, ccode: 265, gwcode: 265, start: 1949-10-05,
     end: 1990-10-03, successors: [DEU], system: [{ccode: 265, start: 1954-03-25}]}
  - {code: SUN, name: Soviet Union, ccode: 365, gwcode: 365, start: 1922-12-30,
     end: 1991-12-26, successors: [RUS], system: [{ccode: 365, start: 1922-12-30}]}
  - {code: RUS, name: Russia, alpha2: RU, ccode: 365, gwcode: 365, predecessors: [SUN],
     system: [{ccode: 365, start: 1816-01-01, end: 1922-12-30}, {ccode: 365, start: 1991-12-26}]}
  - {code: ARM, name: Armenia, alpha2: AM, ccode: 371, gwcode: 371, start: 1991-09-21,
     system: [{ccode: 371, start: 1991-12-21}]}
  - {code: UZB, name: Uzbekistan, alpha2: UZ, ccode: 704, gwcode: 704, start: 1991-08-31,
     system: [{ccode: 704, start: 1991-12-21}]}
  - {code: MCO, name: Monaco, alpha2: MC, ccode: 221, gwcode: 221,
     system: [{ccode: 221, start: 1993-05-28}]}
  - {code: PSE, name: Palestine, alpha2: PS}
"""

ORGS = org_file(
    """
    - id: CSTO
      name: Collective Security Treaty Organization
      kind: military-alliance
      events:
        - {date: 1992-05-15, event: founded, sources: [s]}
        - {date: 1992-05-15, country: ARM, event: joined, sources: [s]}
        - {date: 1992-05-15, country: RUS, event: joined, sources: [s]}
        - {date: 1992-05-15, country: UZB, event: joined, sources: [s]}
        - {date: 1999-04-20, country: UZB, event: left, sources: [s]}
        - {date: 2006-08-16, country: UZB, event: joined, sources: [s]}
        - {date: 2012-06-28, country: UZB, event: suspended, sources: [s]}
        - {date: 2024-02, country: ARM, event: frozen, sources: [s]}
    - id: WP
      name: Warsaw Pact
      kind: military-alliance
      events:
        - {date: 1955-05-14, event: founded, sources: [s]}
        - {date: 1955-05-14, country: SUN, event: joined, sources: [s]}
        - {date: 1956-01-28, country: DDR, event: joined, sources: [s]}
        - {date: 1991-07-01, event: dissolved, sources: [s]}
    - id: NATO
      name: North Atlantic Treaty Organization
      kind: military-alliance
      events:
        - {date: 1949-08-24, event: founded, sources: [s]}
        - {date: 1949-08-24, country: USA, event: joined, sources: [s]}
        - {date: 1955-05-06, country: DEU, event: joined, sources: [s]}
    - id: UN
      name: United Nations
      kind: global
      events:
        - {date: 1945-10-24, event: founded, sources: [s]}
        - {date: 1945-10-24, country: SUN, event: joined, sources: [s]}
        - {date: 1945-10-24, country: USA, event: joined, sources: [s]}
        - {date: 1973-09-18, country: DDR, event: joined, sources: [s]}
        - {date: 1973-09-18, country: DEU, event: joined, sources: [s]}
        - {date: 1991-12-24, country: RUS, event: succeeded, predecessor: SUN, sources: [s]}
        - {date: 1992-03-02, country: ARM, event: joined, sources: [s]}
        - {date: 1992-03-02, country: UZB, event: joined, sources: [s]}
        - {date: 1993-05-28, country: MCO, event: joined, sources: [s]}
        - {date: 2012-11-29, country: PSE, event: observer, sources: [s]}
    - id: TST
      name: Test Forum
      kind: forum
      events:
        - {date: 1994-01-01, event: founded, sources: [s]}
        - {date: 1995, country: MCO, event: joined, sources: [s]}
        - {date: 1996-03, country: USA, event: observer, sources: [s]}
        - {date: 1997-02-01, country: USA, event: associate, sources: [s]}
    """
)


def write_world(directory: Path) -> list[str]:
    """Write the world's files; return the CLI arguments that load only them."""
    c = directory / "world-countries.yaml"
    o = directory / "world-orgs.yaml"
    c.write_text(COUNTRIES, encoding="utf-8")
    o.write_text(ORGS, encoding="utf-8")
    return ["--no-bundled", "--data", str(c), "--data", str(o)]


def load_world(directory: Path, *extra: Path) -> Dataset:
    write_world(directory)
    return alliances.load(
        [directory / "world-countries.yaml", directory / "world-orgs.yaml", *extra],
        bundled=False,
    )
