"""The safe YAML reader: every scalar as text, positions kept, dangerous inputs refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from alliances import yamlfile
from alliances.errors import DataError


def issue_of(path: Path) -> str:
    with pytest.raises(DataError) as e:
        yamlfile.load(path)
    assert len(e.value.issues) == 1
    return str(e.value.issues[0])


def test_scalars_stay_text_and_positions_are_kept(write: Callable[[str, str], Path]) -> None:
    p = write("a.yaml", "a: 2012-06-28\nb: NO\nc: 365\nd: ~\ne: ''\nf:\n  - x\n  - y\n")
    doc = yamlfile.load(p)
    assert doc == {"a": "2012-06-28", "b": "NO", "c": "365", "d": None, "e": "", "f": ["x", "y"]}
    assert doc.key_pos("b") == (2, 1)
    assert doc.value_pos("c") == (3, 4)
    assert doc["f"].item_pos(1) == (8, 5)


def test_duplicate_keys_name_both_lines(write: Callable[[str, str], Path]) -> None:
    p = write("dup.yaml", "schema: 1\nname: a\nname: b\n")
    assert issue_of(p) == (
        f"{p}:3:1: key 'name' appears twice in this mapping (first at line 2); "
        "YAML would silently keep only the last"
    )


def test_billion_laughs_fails_fast(write: Callable[[str, str], Path]) -> None:
    lines = ["a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']"]
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    p = write("lol.yaml", "\n".join(lines) + "\n")
    # Named where the alias is used (line 2, column 8), not where the anchor is.
    assert issue_of(p) == (
        f"{p}:2:8: YAML aliases (*a) are not allowed in data files: write the value out"
    )


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: 1\n\tb: 2\n", "a tab character where YAML expects spaces", 2),
        ("a: [1, 2\n", "YAML syntax error", 2),
        ("a: 1\n---\nb: 2\n", "more than one YAML document", 2),
        ("", "is empty", 0),
        ("# only a comment\n", "is empty", 0),
        ("a: !!python/object:os.system x\n", "YAML tags", 1),
        ("a: !!binary aGVsbG8=\n", "YAML tags", 1),
        ("? [a, b]\n: c\n", "a mapping key must be plain text", 1),
    ],
)
def test_bad_yaml(write: Callable[[str, str], Path], text: str, message: str, line: int) -> None:
    p = write("bad.yaml", text)
    got = issue_of(p)
    assert message in got
    if line:
        assert got.startswith(f"{p}:{line}:")


def test_non_utf8_is_located(tmp_path: Path) -> None:
    p = tmp_path / "latin1.yaml"
    p.write_bytes("schema: 1\nname: Gen\xe8ve\n".encode("latin-1"))
    assert issue_of(p) == f"{p}:2:10: is not UTF-8 text (byte 0xe8 cannot be decoded)"


def test_bom_is_tolerated(tmp_path: Path) -> None:
    p = tmp_path / "bom.yaml"
    p.write_bytes(b"\xef\xbb\xbfschema: 1\n")
    assert yamlfile.load(p) == {"schema": "1"}


def test_binary_garbage(tmp_path: Path) -> None:
    p = tmp_path / "bin.yaml"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert "is binary" in issue_of(p)


def test_directory_and_missing_file(tmp_path: Path) -> None:
    assert issue_of(tmp_path) == f"{tmp_path}: is a directory, not a YAML data file"
    missing = tmp_path / "nope.yaml"
    assert issue_of(missing) == f"{missing}: no such file"


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfile, "MAX_BYTES", 100)
    p = tmp_path / "big.yaml"
    p.write_text("a: " + "x" * 200 + "\n")
    assert "more than the" in issue_of(p)
