"""The errors the library raises. The CLI turns each into one line on stderr and an exit code."""

from __future__ import annotations

from dataclasses import dataclass


def printable(text: str) -> str:
    """``text`` on one line, control and invisible characters escaped (``\\n``, ``\\x1b``): a
    message quoting a data file or an argument can neither break a line nor drive a terminal."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class AlliancesError(Exception):
    """Base class of every error the library raises on purpose."""

    exit_code = 2


class UsageError(AlliancesError):
    """An argument is wrong (a bad option value, conflicting options)."""


class DateError(UsageError, ValueError):
    """A date could not be parsed or does not exist."""


class UnknownName(UsageError, LookupError):
    """A name resolves to no organisation or country."""


class AmbiguousName(UsageError, LookupError):
    """A name resolves to more than one organisation or country."""


class MissingExtra(UsageError):
    """An optional dependency is not installed (``pip install 'alliances[charts]'``)."""


class OutputError(AlliancesError):
    """An output file cannot be written (exists without --force, missing directory ...)."""


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in a data file, located as precisely as we can."""

    path: str
    line: int  # 1-based; 0 when unknown
    column: int  # 1-based; 0 when unknown
    message: str
    org: str | None = None
    country: str | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column}"
        context = "/".join(x for x in (self.org, self.country) if x)
        return printable(f"{where}: {context + ': ' if context else ''}{self.message}")


class DataError(AlliancesError):
    """The data files are invalid; carries every issue found."""

    exit_code = 1

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        first = str(issues[0]) if issues else "invalid data"
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        super().__init__(first + more)
