"""Footnote markers: where the table's cells use them and where the notes under it define them."""

from __future__ import annotations

from typing import NamedTuple
import re

from catlint.reading.tables import Span
from catlint.rules._support.columns import distinct

_REFERENCE = re.compile(r"\[\^[^\[\]\s]+\]")  # a label holds no bracket: each "[^" scans only to the next one


class Use(NamedTuple):
    marker: str  # as written in the cell: ¹ or [^1]
    span: Span
    row: int


def definitions(catalogue) -> dict[str, object]:
    """Marker as a cell writes it (¹, [^1]) -> its footnote under the table."""
    found = {}
    for note in catalogue.table.footnotes:
        written = catalogue.lines[note.line - 1][note.marker_span.start - 1 : note.marker_span.end - 1]
        found.setdefault(written.rstrip(":"), note)
    return found


class MarkedText(NamedTuple):
    """A marker in one distinct cell text of a column, at `start:end` of the text."""

    marker: str
    column: object  # the FieldColumn
    text: str
    start: int
    end: int

    def uses(self, context):
        """The marker in each row that holds the text."""
        body = context.catalogue.body
        for row in distinct(context, self.column)[self.text]:
            cell = body.cell(row, self.column.index)
            yield Use(self.marker, Span(cell.line, cell.start + self.start, cell.start + self.end), row)


def marked_texts(context) -> list[MarkedText]:
    """Markers attached to cell text: [^x] references, and superscripts or daggers right after a
    character; found once per document and distinct text (rows are found when reported)."""
    return context.shared("marked texts", lambda: _marked_texts(context.catalogue))


def _marked_texts(catalogue) -> list[MarkedText]:
    markers = "".join(char for char in catalogue.schema.footnote_markers if char != "*")
    attached = re.compile(rf"(?<=\S)[{re.escape(markers)}]+") if markers else None
    possible = set(markers) | {"*"}
    found = []
    for column in catalogue.fields.values():
        flat = "\n".join(filter(None, column.texts))
        if "[^" not in flat and not any(marker in flat for marker in possible):  # no cell can hold a marker
            continue
        for text in dict.fromkeys(column.texts):
            if text is not None and ("[^" in text or not possible.isdisjoint(text)):
                found += [MarkedText(marker, column, text, start, end) for marker, start, end in _marks(text, column, attached)]
    return found


def _marks(text: str, column, attached) -> list[tuple[str, int, int]]:
    matches = list(_REFERENCE.finditer(text)) + (list(attached.finditer(text)) if attached else [])
    found = [(match.group(), match.start(), match.end()) for match in matches]
    value = column.read(text).value
    if getattr(value, "marker", "") == "*" and text.rstrip().endswith("*"):  # * marks a note only after a count
        end = len(text.rstrip())
        found.append(("*", end - 1, end))
    return found
