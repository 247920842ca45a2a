"""Hover on a cell: its typed value as catlint reads it, and the findings on it with their evidence.

A count shows its value, its bound and its footnote; a list or term the
vocabulary terms it resolves to (aliases and case resolved, with the schema's
description); a link where it goes. A header cell shows the column it names.
Cell text is untrusted: it is escaped for Markdown and controls are shown.
"""

from __future__ import annotations

import re

from lsprotocol import types

from catlint.escaping import visible
from catlint.reading.rows import segments
from catlint.reading.values import Count
from catlint.server.analysis import Analysis
from catlint.server.positions import TextPositions

_MARKUP = re.compile(r"([!#-&(-/:-@\[-`{-~])")  # ASCII punctuation but quotes: any of it can be backslash-escaped


def markdown(text: str) -> str:
    """Untrusted text shown literally in Markdown: no HTML, links, emphasis or mentions."""
    return _MARKUP.sub(r"\\\1", visible(text))


def hover(analysis: Analysis, positions: TextPositions, position: types.Position) -> types.Hover | None:
    catalogue = analysis.catalogue
    if catalogue is None:
        return None
    row, column = positions.from_client(position)
    table = catalogue.table
    if row == table.header.line:
        found = _cell_at(table.header.text, table.header.start, column)
        parts = [_header(catalogue, found)] if found is not None else []
    else:
        body_row = catalogue.row_at(row)
        if body_row is None:
            return None
        found = _cell_at(catalogue.lines.line(row), catalogue.body.row_starts[body_row], column)
        parts = [_value(catalogue, body_row, found)] if found is not None else []
    if found is None:
        return None
    index, start, end = found
    parts += [_finding(d) for d in analysis.diagnostics if _covers(d, row, start, end)]
    parts = [part for part in parts if part]
    if not parts:
        return None
    cell = types.Range(start=positions.to_client(row, start + 1), end=positions.to_client(row, end + 1))
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)), range=cell)


def _cell_at(line: str, start: int, column: int) -> tuple[int, int, int] | None:
    """(index, start, end) of the cell segment holding the 1-based `column` (0-based offsets)."""
    for index, (segment_start, segment_end) in enumerate(segments(line, start)):
        if segment_start <= column - 1 <= segment_end:
            return index, segment_start, segment_end
    return None


def _header(catalogue, found) -> str | None:
    index = found[0]
    column = catalogue.header_columns[index] if index < len(catalogue.header_columns) else None
    if column is None:
        return "Not a column of the catalogue's schema."
    return f"Column **{markdown(column.header)}** (`{column.field}`, {column.kind})."


def _value(catalogue, row: int, found) -> str | None:
    index = found[0]
    columns = catalogue.header_columns
    column = columns[index] if index < len(columns) else None
    if column is None or index >= catalogue.body.width:
        return None
    text = catalogue.body.columns[index][row]
    field_column = catalogue.fields.get(column.field)
    if text is None or field_column is None:
        return None
    read = field_column.read(text)
    title = f"**{markdown(column.header)}**"
    if read.error:
        return f"{title}: cannot be read: {markdown(read.error)}"
    return f"{title}: {_describe(catalogue, column, read.value)}"


def _describe(catalogue, column, value) -> str:
    if column.kind == "count":
        return "unknown" if value is None else _count(value, catalogue.notes)
    if column.kind in ("list", "term"):
        terms = value if isinstance(value, list) else [value]
        spec = catalogue.schema.properties.get(column.field, {})
        described = spec.get("x-descriptions", {})
        known = catalogue.schema.vocabulary_set(column.field)
        return ", ".join(f"{markdown(term)} ({markdown(described[term])})" if term in described
                         else markdown(term) + ("" if term in known else " (not in the schema's vocabulary)") for term in terms)
    return markdown(str(value))


def _count(count: Count, notes: dict) -> str:
    number = f"{count.value:,}"
    text = f"at least {number} (a lower bound)" if count.bound == "lower" else f"{number} (exact)"
    if count.marker:
        note = notes.get(count.marker)
        text += f"; footnote {markdown(count.marker)}: " + (markdown(note) if note else "no such footnote under the table")
    return text


def _covers(d, row: int, start: int, end: int) -> bool:
    """A finding on this cell: its range meets the cell's segment on this line."""
    if not d.location.row <= row <= d.end_location.row:
        return False
    first = d.location.column - 1 if d.location.row == row else 0
    last = d.end_location.column - 1 if d.end_location.row == row else float("inf")
    return first <= end and start <= last


def _finding(d) -> str:
    text = f"**{d.code}** {d.name} ({d.severity}): {markdown(d.message)}"
    if d.fix is not None:
        kind = "safe fix" if d.fix.applicability == "safe" else "unsafe fix, changes a value"
        text += f"  \n{kind}: {markdown(d.fix.message)}"
    return text
