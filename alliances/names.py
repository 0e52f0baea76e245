"""Name resolution: codes, names and aliases, in any case, with or without accents.

Three levels, as in pycountry: :meth:`Index.get` (exact, or None), :meth:`Index.lookup` (raises a
clear error with "did you mean" suggestions), :meth:`Index.search` (ranked). Pure Python, so the
completion path can use it without pandas.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Iterable

from alliances.errors import AmbiguousName, UnknownName


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name ("Türkiye" -> "turkiye")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("’", "'").replace(".", " ").replace(",", " ").split())


class Index:
    """Maps folded names of entities to their codes.

    Codes are indexed at once (cheap); names and aliases on the first lookup that needs them,
    so that a query by code never pays for folding thousands of names."""

    names: dict[str, str]
    keys: dict[str, set[str]]
    labels: dict[str, str]

    def __init__(
        self,
        what: str,
        entries: Iterable[tuple[str, str, Iterable[str]]]
        | Callable[[], Iterable[tuple[str, str, Iterable[str]]]],
        codes: Iterable[str] | None = None,
    ) -> None:
        """``entries``: (code, display name, other names) for each entity, or a function that
        gives them; ``codes``: the entities' codes, when ``entries`` is a function."""
        self.what = what
        self._entries = entries
        self._built = False
        self.code_keys: dict[str, str] = {}  # folded code -> code
        if codes is not None:
            for code in codes:
                self.code_keys[fold(code)] = code
        else:
            self._build()

    def _build(self) -> None:
        if self._built:
            return
        self._built = True
        self.names = {}  # code -> display name
        self.keys = {}  # folded name -> codes
        self.labels = {}  # folded name -> a name as written
        entries = self._entries() if callable(self._entries) else self._entries
        for code, name, others in entries:
            self.names[code] = name
            self.code_keys[fold(code)] = code
            for label in (code, name, *others):
                key = fold(label)
                if not key:
                    continue
                self.keys.setdefault(key, set()).add(code)
                self.labels.setdefault(key, label)

    def __getattr__(self, name: str) -> object:
        # names, keys and labels exist once the full index is built.
        if name in ("names", "keys", "labels"):
            self._build()
            return self.__dict__[name]
        raise AttributeError(name)

    def get(self, text: str) -> str | None:
        """The code for an exact code, name or alias, or None (also when ambiguous)."""
        key = fold(text)
        if key in self.code_keys:
            return self.code_keys[key]
        self._build()
        codes = self.keys.get(key)
        if codes and len(codes) == 1:
            return next(iter(codes))
        return None

    def lookup(self, text: str) -> str:
        """The code for a name; raise :class:`UnknownName` or :class:`AmbiguousName`."""
        key = fold(text)
        if key in self.code_keys:
            return self.code_keys[key]
        self._build()
        codes = self.keys.get(key)
        if codes:
            if len(codes) == 1:
                return next(iter(codes))
            options = ", ".join(f"{c} ({self.names[c]})" for c in sorted(codes))
            raise AmbiguousName(f"'{text}' could be more than one {self.what}: {options}")
        suggestions = self.suggest(text)
        hint = f"; did you mean {_or(suggestions)}?" if suggestions else ""
        raise UnknownName(f"unknown {self.what} '{text}'{hint}")

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """Codes whose names are closest to ``text``, best first."""
        key = fold(text)
        if not key:
            return []
        ranked: list[str] = []
        for match in difflib.get_close_matches(key, list(self.keys), n=8, cutoff=0.6):
            for code in sorted(self.keys[match]):
                if code not in ranked:
                    ranked.append(code)
        if len(ranked) < n:
            for k, codes in sorted(self.keys.items()):
                if key in k and len(key) >= 3:
                    for code in sorted(codes):
                        if code not in ranked:
                            ranked.append(code)
        return ranked[:n]

    def search(self, text: str) -> list[tuple[str, float]]:
        """Codes ranked by how well one of their names matches ``text`` (score 0 to 1)."""
        key = fold(text)
        scores: dict[str, float] = {}
        for k, codes in self.keys.items():
            if k == key:
                score = 1.0
            elif k.startswith(key):
                score = 0.9
            elif key in k:
                score = 0.8
            else:
                score = difflib.SequenceMatcher(None, key, k).ratio()
                if score < 0.75:
                    continue
                score *= 0.75
            for code in codes:
                if score > scores.get(code, 0.0):
                    scores[code] = score
        return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))

    def label(self, code: str) -> str:
        return f"{code} ({self.names[code]})" if code in self.names else code


def _or(codes: list[str]) -> str:
    if len(codes) == 1:
        return codes[0]
    return ", ".join(codes[:-1]) + " or " + codes[-1]
