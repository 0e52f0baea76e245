"""Reading a large file on two cores gives exactly what one core gives."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from alliances import parallel, store
from alliances.dataset import Dataset
from alliances.loading import bundled_paths, load_data

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT))
    from bench.generate import generate

    path = tmp_path_factory.mktemp("syn") / "syn.yaml"
    path.write_text(generate(2, seed=5), encoding="utf-8")
    return path


@pytest.mark.parametrize("piece_chars", [10**9, 40_000])
def test_two_halves_join_to_the_same_store(synthetic: Path, piece_chars: int,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # With small pieces each process reads its half as many files, one after the other.
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "PIECE_CHARS", piece_chars)
    paths = [*bundled_paths(), str(synthetic)]
    joined = parallel.try_load(paths, TODAY)
    assert joined is not None
    data, issues = load_data(paths, today=TODAY)
    assert issues == []
    single = store.from_data(data)
    assert joined.n_events == single.n_events
    assert joined.n_spells == single.n_spells
    a, b = Dataset(store=joined, today=TODAY), Dataset(store=single, today=TODAY)
    for org in ("CSTO", "NATO", "SYN00003", "SYN00110"):
        for day in ("1991-12-25", "2012-06-29", "2020-05"):
            assert a.members(org, on=day, status="all").equals(
                b.members(org, on=day, status="all"))
    cols = ["org", "country", "status", "start", "end", "uncertain", "sources"]
    key = ["org", "country", "start", "status"]
    assert (a.spells[cols].sort_values(key).reset_index(drop=True)
            .equals(b.spells[cols].sort_values(key).reset_index(drop=True)))
    assert a.events.drop(columns="sources").equals(b.events.drop(columns="sources"))


def test_a_problem_in_either_half_falls_back(synthetic: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    text = synthetic.read_text(encoding="utf-8")
    last = text.rindex("event: joined")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text[:last] + "event: enlisted" + text[last + len("event: joined"):],
                   encoding="utf-8")
    assert parallel.try_load([*bundled_paths(), str(bad)], TODAY) is None


def test_small_files_and_odd_shapes_are_left_to_one_core(tmp_path: Path) -> None:
    assert parallel.try_load(bundled_paths(), TODAY) is None  # below MIN_BYTES
    assert parallel._split("schema: 1\ncountries: []\norganisations:\n- id: A\n") is None
    assert parallel._split("organisations:\n- id: A\nschema: 1\n") is None
    halves = parallel._split("schema: 1\norganisations:\n- id: A\n  x: 1\n- id: B\n  y: 2\n")
    assert halves is not None
    first, second = halves
    assert first.count("- id:") + second.count("- id:") == 2
    assert second.splitlines()[4:] == ["- id: B", "  y: 2"]  # lines keep their numbers


def test_the_organisations_are_cut_in_two_whatever_comes_before_them() -> None:
    # Both halves carry the shared sources; the cut splits the organisations themselves, even
    # when the sources are most of the file (the cut never falls inside the sources list).
    sources = "".join(f"- id: s{i}\n  title: T\n  publisher: P\n  url: https://x/{i}\n"
                      for i in range(400))
    orgs = "".join(f"- id: O{i}\n  name: N\n  kind: forum\n" for i in range(10))
    text = f"schema: 1\nsources:\n{sources}organisations:\n{orgs}"
    halves = parallel._split(text)
    assert halves is not None
    first, second = (h[h.index("\norganisations:"):] for h in halves)
    assert first.count("- id: O") == 5 and second.count("- id: O") == 5
    assert all(h.count("- id: s") == 400 for h in halves)


def test_a_half_is_read_in_pieces_that_keep_their_line_numbers(
        synthetic: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PIECE_CHARS", 40_000)
    text = synthetic.read_text(encoding="utf-8")
    split = parallel._pieces(text)
    assert split is not None
    shared, pieces = split
    assert shared.endswith("organisations:\n") and len(pieces) > 4
    lines = text.splitlines()
    ids = [line for line in lines if line.startswith("- id: SYN")]
    seen = []
    for piece in pieces:
        assert piece is not None
        piece_lines = piece.splitlines()
        assert not any(piece_lines[:shared.count("\n") - 1])  # the shared part is blank
        body = [(n, line) for n, line in enumerate(piece_lines) if line]
        assert body[0][1] == "organisations:"
        assert all(lines[n] == line for n, line in body)  # every line where it stands
        assert sum(len(line) + 1 for _, line in body) < 2 * 40_000
        seen += [line for _, line in body if line.startswith("- id: SYN")]
    assert seen == ids  # every organisation once, in order


def test_a_successor_in_another_piece_is_checked_at_the_join(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The bundled file in many pieces: the OAU and its successor, the AU, are read apart.
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "PIECE_CHARS", 40_000)
    paths = bundled_paths()
    joined = parallel.try_load(paths, TODAY)
    assert joined is not None
    data, _ = load_data(paths, today=TODAY)
    single = store.from_data(data)
    assert joined.org_ids == single.org_ids and joined.n_spells == single.n_spells
    a, b = Dataset(store=joined, today=TODAY), Dataset(store=single, today=TODAY)
    assert a.members("AU", on="2017-02-01").equals(b.members("AU", on="2017-02-01"))
    # A successor defined nowhere: the two-core read gives up (the ordinary path reports it).
    memberships = next(p for p in paths if p.endswith("memberships.yaml"))
    text = Path(memberships).read_text(encoding="utf-8")
    assert "  successor: AU\n" in text
    bad = tmp_path / "memberships.yaml"
    bad.write_text(text.replace("  successor: AU\n", "  successor: AUX\n", 1), encoding="utf-8")
    assert parallel.try_load([p if p != memberships else str(bad) for p in paths], TODAY) is None
