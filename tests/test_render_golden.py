"""Rich tables of the query commands, whole, at fixed widths, against golden files.

After a deliberate change of a rendering, regenerate them and read the diff:

    ALLIANCES_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_render_golden.py
    git diff tests/golden/
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

import alliances
from alliances import render
from alliances.dataset import Dataset
from tests.conftest import COUNTRIES, MINI, TODAY

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("ALLIANCES_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    d = tmp_path_factory.mktemp("mini")
    (d / "c.yaml").write_text(COUNTRIES, encoding="utf-8")
    (d / "m.yaml").write_text(MINI, encoding="utf-8")
    return alliances.load([d / "c.yaml", d / "m.yaml"], bundled=False, today=TODAY)


def rendered(renderable: object, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, no_color=True).print(renderable)
    return out.getvalue()


def tables(ds: Dataset, width: int) -> dict[str, object]:
    names = {o: x.name for o, x in ds.store.organisations.items()}
    return {
        "members_csto_2024-02-10": render.members_table(
            ds.members_table("CSTO", on="2024-02-10"), title="CSTO on 2024-02-10"),
        "members_csto_all_2012-06-29": render.members_table(
            ds.members_table("CSTO", on="2012-06-29", status="all"), title="CSTO, every status"),
        "memberships_uzb_2012-06-29": render.memberships_table(
            ds.memberships_table("UZB", on="2012-06-29"), title="UZB", names=names),
        "timeline_csto": render.events_table(ds.timeline("CSTO"), title="CSTO", width=width),
        "history_sun": render.events_table(ds.history("SUN"), title="SUN", width=width,
                                           by_org=True),
        "diff_csto": render.diff_table(ds.diff("CSTO", "1995", "2025"), title="CSTO"),
        "shared_rus_uzb": render.shared_table(ds.shared(["RUS", "UZB"]), title="RUS, UZB"),
        "orgs_1990": render.orgs_table(ds.orgs(on="1990"), title="1990"),
        "card_csto": render.card(ds.card("CSTO", on="2012-06-29")),
        "card_uzb": render.card(ds.card("UZB", on="2012-06-29")),
    }


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize(
    "name",
    ["members_csto_2024-02-10", "members_csto_all_2012-06-29", "memberships_uzb_2012-06-29",
     "timeline_csto", "history_sun", "diff_csto", "shared_rus_uzb", "orgs_1990", "card_csto",
     "card_uzb"],
)
def test_table_matches_its_golden_file(ds: Dataset, name: str, width: int) -> None:
    text = rendered(tables(ds, width)[name], width)
    path = GOLDEN / f"table_{name}_{width}.txt"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with ALLIANCES_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")
    assert max(len(line) for line in text.splitlines()) <= width
