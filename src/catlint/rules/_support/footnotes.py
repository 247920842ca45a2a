"""Footnote markers: where the table's cells use them and where the notes under it define them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catlint.reading.tables import Span

_REFERENCE = re.compile(r"\[\^[^\[\]\s]+\]")  # a label holds no bracket: each "[^" scans only to the next one


@dataclass(frozen=True)
class Use:
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


def uses(context) -> list[Use]:
    """Markers attached to cell text: [^x] references, and superscripts or daggers right after a
    character; found once per document for the two footnote rules."""
    return context.shared("footnote uses", lambda: _uses(context.catalogue))


def _uses(catalogue) -> list[Use]:
    markers = "".join(char for char in catalogue.schema.footnote_markers if char != "*")
    attached = re.compile(rf"(?<=\S)[{re.escape(markers)}]+") if markers else None
    possible = set(markers) | {"*"}
    found = []
    for column in catalogue.fields.values():
        flat = "\n".join(filter(None, column.texts))
        if "[^" not in flat and possible.isdisjoint(flat):  # no cell of the column can hold a marker
            continue
        marked = {}
        for text in set(column.texts):
            if text is not None and ("[^" in text or not possible.isdisjoint(text)):
                matches = _marks(text, column, attached)
                if matches:
                    marked[text] = matches
        if not marked:
            continue
        for row, text in enumerate(column.texts):
            if text in marked:
                cell = catalogue.body.cell(row, column.index)
                found += [Use(marker, Span(cell.line, cell.start + start, cell.start + end), row) for marker, start, end in marked[text]]
    return sorted(found, key=lambda use: (use.span.line, use.span.start))


def _marks(text: str, column, attached) -> list[tuple[str, int, int]]:
    matches = list(_REFERENCE.finditer(text)) + (list(attached.finditer(text)) if attached else [])
    found = [(match.group(), match.start(), match.end()) for match in matches]
    value = column.read(text).value
    if getattr(value, "marker", "") == "*" and text.rstrip().endswith("*"):  # * marks a note only after a count
        end = len(text.rstrip())
        found.append(("*", end - 1, end))
    return found
