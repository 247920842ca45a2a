"""Diagnostics and fixes as plain values, ordered by position."""

from __future__ import annotations

from typing import NamedTuple

SEVERITIES = ("error", "warning", "info")


class Position(NamedTuple):
    """1-based line ("row") and column in Unicode code points."""

    row: int
    column: int


class Edit(NamedTuple):
    """Replace the text from `location` up to, not including, `end_location` with `content`."""

    location: Position
    end_location: Position
    content: str


class Fix(NamedTuple):
    applicability: str  # "safe" or "unsafe"
    message: str
    edits: tuple[Edit, ...]


class Finding(NamedTuple):
    """What a rule reports: where, what, an optional fix, and what it is about (for identity)."""

    location: Position
    end_location: Position
    message: str
    fix: Fix | None = None
    subject: tuple[str, ...] = ()


class Diagnostic(NamedTuple):
    filename: str
    code: str
    name: str
    severity: str
    message: str
    location: Position
    end_location: Position
    fix: Fix | None = None
    # What the finding is about, independent of its line: used for stable fingerprints (not
    # compared: two findings that differ only in it are the same finding).
    subject: tuple[str, ...] = ()

    def __eq__(self, other) -> bool:
        return isinstance(other, Diagnostic) and self[:8] == other[:8]

    def __ne__(self, other) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self[:8])

    @property
    def identity(self) -> tuple[str, ...]:
        """The same problem keeps this identity when unrelated lines move or change."""
        return (self.code, *self.subject) if self.subject else (self.code, self.message)

    @property
    def last_row(self) -> int:
        return last_row(self.location, self.end_location)

    def sort_key(self):
        return (self.filename, self.location, self.end_location, self.code, self.message)


def last_row(start: Position, end: Position) -> int:
    """The last line a range covers: an end at column 1 of a later line stops before that line."""
    return end.row - 1 if end.column == 1 and end.row > start.row else end.row


def sort_diagnostics(diagnostics) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)
