"""Text to catalogue: the table, its column mapping and one typed record per row."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from catlint import inline, values
from catlint.errors import CatlintError
from catlint.schema import Column, Schema
from catlint.source import Source, split_lines
from catlint.reading.markdown import MarkdownDocument, read_markdown
from catlint.reading.rows import unescape_pipes
from catlint.table import Cell, Row, Table, read_tables

@dataclass(slots=True)  # one per cell: slots keep a 100,000-row catalogue in memory
class FieldValue:
    """One cell read as its column's type: `value` when it parses, else `error`."""

    column: Column
    cell: Cell
    value: Any = None
    error: str | None = None


@dataclass(slots=True)
class Record:
    row: Row
    fields: dict[str, FieldValue] = field(default_factory=dict)

    def value(self, name: str, default=None):
        found = self.fields.get(name)
        return default if found is None or found.error else found.value

    def as_dict(self, notes: dict[str, str]) -> dict:
        """The exported record: schema field order, counts as {value, bound[, note]}, then `line`."""
        record = {}
        for name, found in self.fields.items():
            if found.error is None:
                record[name] = _exported(found.value, notes)
        record["line"] = self.row.line
        return record


def _exported(value, notes: dict[str, str]):
    if isinstance(value, values.Count):
        count = {"value": value.value, "bound": value.bound}
        if value.marker and value.marker in notes:
            count["note"] = notes[value.marker]
        return count
    return value


@dataclass
class Document:
    path: str
    source: Source
    text: str
    lines: list[str]
    endings: list[str]
    table: Table
    columns: list[Column | None]
    records: list[Record]
    schema: Schema
    config: Any = None
    markdown: MarkdownDocument | None = None
    tables: list[Table] = field(default_factory=list)  # every table GitHub renders, the catalogue's included
    catalogue_tables: list[Table] = field(default_factory=list)  # those whose header is the catalogue's

    @cached_property
    def line_starts(self) -> list[int]:
        """Text offset of each line's start, and of the end of the text."""
        starts, offset = [], 0
        for content, ending in zip(self.lines, self.endings):
            starts.append(offset)
            offset += len(content) + len(ending)
        starts.append(offset)
        return starts

    def record_at(self, line: int) -> Record | None:
        return self._records_by_line.get(line)

    @cached_property
    def _records_by_line(self) -> dict[int, Record]:
        return {record.row.line: record for record in self.records}

    @property
    def notes(self) -> dict[str, str]:
        return {note.marker: values.clean_text(inline.plain_text(note.text)) for note in self.table.footnotes}

    def exported_records(self) -> list[dict]:
        notes = self.notes
        return [record.as_dict(notes) for record in self.records]


def parse_document(source: Source, schema: Schema, text: str | None = None, config=None) -> Document:
    """Find the catalogue table in `text` (default: the source's text) and read its rows."""
    text = source.text if text is None else text
    if not text.strip():
        raise CatlintError(f"{source.path}: empty file, no catalogue table")
    pairs = split_lines(text)
    lines = [content for content, _ in pairs]
    markdown = read_markdown(lines)
    tables = read_tables(markdown, schema.footnote_markers)
    if not tables:
        raise CatlintError(f"{source.path}: no Markdown table found")
    catalogue = [(table, columns) for table in tables if (columns := _columns(table, schema))]
    if not catalogue:
        names = ", ".join(column.header for column in schema.columns[:3])
        raise CatlintError(f"{source.path}: no catalogue table: none of its {len(tables)} table(s) has columns such as {names}")
    table, columns = catalogue[0]  # the first; any other is reported (extra-catalogue-table)
    plan = _reading_plan(columns)
    records = [_read_row(row, plan, schema, markdown.definitions) for row in table.rows]
    return Document(source.path, source, text, lines, [eol for _, eol in pairs], table, columns, records, schema, config,
                    markdown, tables, [found for found, _ in catalogue])


def _columns(table: Table, schema: Schema) -> list[Column | None] | None:
    """The column each header cell maps to, when at least two map: a catalogue table."""
    columns = [schema.column_for_header(inline.plain_text(cell.text)) for cell in table.header.cells]
    return columns if sum(column is not None for column in columns) >= 2 else None


def _reading_plan(columns: list[Column | None]) -> list[tuple[int, Column]]:
    """(cell index, column) of each field, the first column of a field winning."""
    plan, seen = [], set()
    for index, column in enumerate(columns):
        if column is not None and column.field not in seen:
            seen.add(column.field)
            plan.append((index, column))
    return plan


def _read_row(row: Row, plan: list[tuple[int, Column]], schema: Schema, definitions: dict) -> Record:
    """One row's record: each field read from its cell, per the table's plan."""
    record = Record(row)
    cells = row.cells
    record.fields = {column.field: read_cell(column, cells[index], schema, definitions) for index, column in plan if index < len(cells)}
    return record


def read_cell(column: Column, cell: Cell, schema: Schema, definitions: dict | None = None) -> FieldValue:
    repeating = column.kind in _REPEATING_KINDS
    key = (id(schema), column.field, cell.text)
    cached = _read_cache.get(key) if repeating else None
    if cached is None:
        text = unescape_pipes(cell.text)
        try:
            value = inline.link_value(text, definitions or {}) if column.kind == "link" else _READERS[column.kind](text, column.field, schema)
            cached = (value, None)
        except values.CellValueError as error:
            cached = (None, str(error))
        if repeating:
            _read_cache[key] = cached
    value, error = cached
    return FieldValue(column, cell, list(value) if type(value) is list else value, error)


# Vocabulary and count cells repeat across rows: read each distinct text once.
# Keyed by schema too: files in one run may use different schemas.
_REPEATING_KINDS = frozenset({"list", "term", "count"})
_read_cache: dict[tuple[int, str, str], tuple] = {}


_READERS = {
    "text": lambda text, field, schema: values.clean_text(inline.plain_text(text)),
    "list": lambda text, field, schema: values.parse_list(inline.plain_text(text), field, schema),
    "term": lambda text, field, schema: values.parse_term(inline.plain_text(text), field, schema),
    "count": lambda text, field, schema: values.parse_count(inline.plain_text(text), schema),
}
