"""Shell completion of names: right answers, and no pandas on the way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.test_startup import HEAVY


def complete(words: str, cache: Path, *extra: str) -> tuple[list[str], set[str]]:
    env = {
        **os.environ,
        "_ALLIANCES_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
        "ALLIANCES_CACHE_DIR": str(cache),
    }
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "alliances", *extra],
        env=env, capture_output=True, text=True, check=True,
    )
    modules = {line.rsplit("|", 1)[1].strip() for line in out.stderr.splitlines()
               if line.startswith("import time:") and "|" in line}
    return out.stdout.split(), modules


def test_org_and_country_names_complete(tmp_path: Path) -> None:
    words, modules = complete("alliances members CS", tmp_path)
    assert words == ["CSTO"]
    assert not [m for m in HEAVY if m in modules]
    # Typed in lower case, completed in the typed case (names resolve in any case).
    assert complete("alliances members cs", tmp_path)[0] == ["csTO"]
    assert "UZB" in complete("alliances memberships UZ", tmp_path)[0]
    assert "Uzbekistan" in complete("alliances memberships Uzb", tmp_path)[0]
    # The second run reads the cached index, with the same answer.
    assert list(tmp_path.glob("names-*.json"))
    assert complete("alliances members CS", tmp_path)[0] == ["CSTO"]


def test_a_changed_file_is_not_served_stale(tmp_path: Path) -> None:
    data = tmp_path / "extra.yaml"
    data.write_text("schema: 1\norganisations:\n  - {id: ZZZA, name: Zed, kind: forum, "
                    "events: []}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    env_words = "alliances members ZZ"
    os.environ["ALLIANCES_DATA"] = str(data)
    try:
        assert complete(env_words, cache)[0] == ["ZZZA"]
        data.write_text("schema: 1\norganisations:\n  - {id: ZZZB, name: Zed, kind: forum, "
                        "events: []}\n", encoding="utf-8")
        assert complete(env_words, cache)[0] == ["ZZZB"]
    finally:
        del os.environ["ALLIANCES_DATA"]
