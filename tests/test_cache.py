"""The parsed-data cache: same answers, never stale, safe against corrupt entries."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import alliances
from alliances import cache
from tests.conftest import COUNTRIES, MINI, TODAY


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.setenv("ALLIANCES_CACHE_DIR", str(tmp_path / "cache"))
    c = tmp_path / "c.yaml"
    m = tmp_path / "m.yaml"
    c.write_text(COUNTRIES, encoding="utf-8")
    m.write_text(MINI, encoding="utf-8")
    return [c, m]


def entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("data-*"))


def load(files: list[Path]) -> alliances.Dataset:
    return alliances.load(files, bundled=False, today=TODAY)


def test_second_load_comes_from_the_cache_with_the_same_answers(
    files: list[Path], tmp_path: Path
) -> None:
    first = load(files)
    assert first._data is not None or first.store is not None
    assert len(entries(tmp_path)) == 1
    second = load(files)
    assert second._data is None  # built from the cached columns, not from the YAML
    for a, b in ((first.members("CSTO", on="2012-06-29"), second.members("CSTO", on="2012-06-29")),
                 (first.spells, second.spells), (first.events, second.events),
                 (first.timeline("CSTO"), second.timeline("CSTO"))):
        assert a.equals(b)
    assert second.data.events[0].kind == first.data.events[0].kind == "founded"
    assert second.search("warsaw").equals(first.search("warsaw"))


def test_a_changed_file_is_never_served_stale(files: list[Path], tmp_path: Path) -> None:
    assert list(load(files).members("CSTO", on="1993-12-31").country) == [
        "ARM", "BLR", "RUS", "UZB"]
    files[1].write_text(MINI.replace("1993-12-31, country: BLR", "1994-01-05, country: BLR"),
                        encoding="utf-8")
    # Same size, same second: only the content differs.
    assert list(load(files).members("CSTO", on="1993-12-31").country) == ["ARM", "RUS", "UZB"]
    assert len(entries(tmp_path)) == 2


def test_a_corrupt_entry_is_rebuilt(files: list[Path], tmp_path: Path) -> None:
    load(files)
    (entry,) = entries(tmp_path)
    (entry / "arrays.npz").write_bytes(b"garbage")
    again = load(files)
    assert list(again.members("CSTO", on="2012-06-29").country) == ["ARM", "BLR", "RUS"]
    assert len(list(entry.iterdir())) == 3  # rewritten whole
    (entry / "meta.json").write_text("{", encoding="utf-8")
    assert len(load(files).members("CSTO", on="2012-06-29")) == 3


def test_invalid_data_is_never_cached(files: list[Path], tmp_path: Path) -> None:
    files[1].write_text(MINI.replace("event: renamed", "event: renamd"), encoding="utf-8")
    with pytest.raises(alliances.DataError):
        load(files)
    assert entries(tmp_path) == []


def test_cache_can_be_turned_off(
    files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCES_NO_CACHE", "1")
    load(files)
    assert entries(tmp_path) == []


def test_unwritable_cache_directory_is_not_an_error(
    files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("ALLIANCES_CACHE_DIR", str(blocker / "cache"))
    assert len(load(files).members("CSTO", on="2012-06-29")) == 3


def test_old_entries_are_pruned(files: list[Path], tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "KEEP", 2)
    for day in range(4):
        files[1].write_text(MINI + f"# revision {day}\n", encoding="utf-8")
        load(files)
        os.utime(entries(tmp_path)[0])
    assert len(entries(tmp_path)) == 2


def test_the_cache_writes_json_a_member_at_a_time_with_the_same_text(tmp_path: Path) -> None:
    # store._write_json streams long lists in slices; the file must read back as what
    # json.dumps would have written (the cache's reader is json.loads).
    import json

    from alliances import store

    obj = {"empty": [], "edge": list(range(store._CHUNK)), "long": [{"é": i} for i in
           range(store._CHUNK * 2 + 3)], "text": "Организация", "n": 3}
    path = tmp_path / "x.json"
    store._write_json(path, obj)
    assert path.read_text(encoding="utf-8") == json.dumps(
        obj, ensure_ascii=False, separators=(",", ":"))
