"""alliances: which states belonged to which alliance or organisation, to the day, with sources.

    import alliances
    ds = alliances.load()
    ds.members("CSTO", on="2012-06-29")

Importing the package is cheap: pandas is imported by :func:`load`, not here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from alliances.errors import (
    AlliancesError,
    AmbiguousName,
    DataError,
    DateError,
    Issue,
    OutputError,
    UnknownName,
    UsageError,
)

__version__ = "0.1.0"

if TYPE_CHECKING:
    from alliances.dataset import Dataset

__all__ = [
    "AlliancesError",
    "AmbiguousName",
    "DataError",
    "Dataset",
    "DateError",
    "Issue",
    "OutputError",
    "UnknownName",
    "UsageError",
    "__version__",
    "load",
]


def load(*args: Any, **kwargs: Any) -> Dataset:
    """Load the bundled data and any given files; see :func:`alliances.dataset.load`."""
    from alliances.dataset import load as _load

    return _load(*args, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "Dataset":
        from alliances.dataset import Dataset

        return Dataset
    raise AttributeError(f"module 'alliances' has no attribute {name!r}")
