"""Query answers in columns, without pandas.

The hot queries (``members``, ``memberships``) build a :class:`Table`; the Python API hands it on
as a pandas DataFrame (:meth:`Table.to_pandas`), while the command line prints it directly, so
that a query on the command line need not import pandas at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


class Table:
    """Named columns of equal length."""

    def __init__(self, columns: list[str], data: dict[str, list[Any]]) -> None:
        self.columns = columns
        self.data = data

    def __len__(self) -> int:
        return len(self.data[self.columns[0]]) if self.columns else 0

    @property
    def empty(self) -> bool:
        return len(self) == 0

    def __getitem__(self, column: str) -> list[Any]:
        return self.data[column]

    def rows(self) -> Iterator[tuple[Any, ...]]:
        return zip(*(self.data[c] for c in self.columns), strict=True)

    def to_dict(self, orient: str = "records") -> list[dict[str, Any]]:
        if orient != "records":
            raise ValueError("only 'records'")
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows()]

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        frame = pd.DataFrame({c: self.data[c] for c in self.columns}, columns=self.columns)
        for c in self.columns:
            values = self.data[c]
            if values and all(v is None or isinstance(v, str) for v in values) and any(
                v is None for v in values
            ):
                frame[c] = pd.Series(values, dtype=object)
        return frame
