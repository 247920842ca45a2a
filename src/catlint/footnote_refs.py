"""Footnote markers: where the table's cells use them and where the notes under it define them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catlint.table import Span

_REFERENCE = re.compile(r"\[\^[^\[\]\s]+\]")  # a label holds no bracket: each "[^" scans only to the next one


@dataclass(frozen=True)
class Use:
    marker: str  # as written in the cell: ¹ or [^1]
    span: Span
    record: object


def definitions(document) -> dict[str, object]:
    """Marker as a cell writes it (¹, [^1]) -> its footnote under the table."""
    found = {}
    for note in document.table.footnotes:
        written = document.lines[note.line - 1][note.marker_span.start - 1 : note.marker_span.end - 1]
        found.setdefault(written.rstrip(":"), note)
    return found


def uses(document) -> list[Use]:
    """Markers attached to cell text: [^x] references, and superscripts or daggers right after a character."""
    if _found_for[0] is not document:  # two rules ask for the same document
        _found_for[:] = [document, _uses(document)]
    return _found_for[1]


_found_for: list = [None, []]


def _uses(document) -> list[Use]:
    from catlint.rules import rows_with

    markers = "".join(char for char in document.schema.footnote_markers if char != "*")
    attached = re.compile(rf"(?<=\S)[{re.escape(markers)}]+") if markers else None
    possible = re.compile(rf"\[\^|[{re.escape(markers)}*]" if markers else r"\[\^|\*")
    marked = {row.line for row in rows_with(document, possible, ("[^", "*"))}  # most rows carry no marker at all
    found = []
    for record in document.records:
        if record.row.line not in marked:
            continue
        for field in record.fields.values():
            cell = field.cell
            matches = list(_REFERENCE.finditer(cell.text)) + (list(attached.finditer(cell.text)) if attached else [])
            found += [Use(match.group(), _within(cell.span, match), record) for match in matches]
            count_marker = getattr(field.value, "marker", "")
            if count_marker == "*" and cell.text.rstrip().endswith("*"):  # * marks a note only after a count
                end = len(cell.text.rstrip())
                found.append(Use("*", Span(cell.span.line, cell.span.start + end - 1, cell.span.start + end), record))
    return sorted(found, key=lambda use: (use.span.line, use.span.start))


def _within(span: Span, match) -> Span:
    return Span(span.line, span.start + match.start(), span.start + match.end())
