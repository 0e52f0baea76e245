"""The fast subset reader agrees with the full reader wherever it answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliances import fastyaml, yamlfile
from alliances.loading import bundled_paths

ROOT = Path(__file__).resolve().parent.parent


def both(text: str) -> tuple[Any, Any]:
    slow = yamlfile.parse("t.yaml", text)
    try:
        fast = fastyaml.parse(text)
    except fastyaml.Unsupported:
        return slow, slow
    return slow, fast


@pytest.mark.parametrize("path", bundled_paths())
def test_bundled_files_read_the_same_with_the_same_positions(path: str) -> None:
    text = Path(path).read_text(encoding="utf-8")
    slow = yamlfile.parse(path, text)
    fast = fastyaml.parse(text)  # the bundled data must stay inside the subset
    assert fast == slow
    key = "organisations" if "organisations" in slow else "countries"
    for a, b in zip(slow[key], fast[key], strict=True):
        assert a.pos == b.pos
        for i in range(len(a.get("events") or [])):
            assert a["events"].item_pos(i) == b["events"].item_pos(i)


def test_generated_synthetic_data_reads_the_same() -> None:
    import sys

    sys.path.insert(0, str(ROOT))
    from bench.generate import generate

    text = generate(1, seed=3)
    assert fastyaml.parse(text) == yamlfile.parse("s.yaml", text)
    assert generate(1, seed=3) == text  # the generator is deterministic


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # aliases
        "a: !!str 1\n",  # tags
        "a: 1\na: 2\n",  # duplicate keys
        "a:\n\tb: 1\n",  # tabs
        "a: b # comment\n",  # comment after a value
        "a: {b: c #d}\n",
        "--- \na: 1\n",
        "a: 'unterminated\n",
        "a: b: c\n",
        "- - a\n",
    ],
)
def test_outside_the_subset_goes_to_the_full_reader(text: str) -> None:
    with pytest.raises(fastyaml.Unsupported):
        fastyaml.parse(text)


scalars = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.text(alphabet="abc xyz:#-'\"\\{}[],.&*!|>%@`é\n", max_size=20),
    st.from_regex(r"\d{4}(-\d{2}){0,2}", fullmatch=True),
)
keys = st.one_of(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), st.text(max_size=8))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(keys, children, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=int(__import__("os").environ.get("FASTYAML_EXAMPLES", "300")),
          suppress_health_check=[HealthCheck.too_slow])
@given(
    doc=st.dictionaries(keys, documents, min_size=1, max_size=4),
    flow=st.sampled_from([False, True, None]),
    width=st.sampled_from([20, 60, 100]),
    unicode=st.booleans(),
)
def test_random_documents_read_the_same(doc: dict[str, Any], flow: bool | None, width: int,
                                        unicode: bool) -> None:
    text = yaml.safe_dump(doc, default_flow_style=flow, width=width, allow_unicode=unicode,
                          sort_keys=False)
    slow, fast = both(text)
    assert fast == slow
