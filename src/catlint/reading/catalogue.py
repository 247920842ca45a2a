"""Text to catalogue: the tables GitHub renders, the catalogue table's rows by column, typed values.

The catalogue is the first table whose header maps at least two cells to the
schema's columns. Its body is stored by column (`TableBody`); each field's
column reads each distinct cell text once into a typed value (count,
vocabulary list, term, text, link). A row's record is a view built when asked
for, never stored.
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import Any, NamedTuple

from catlint.reading import autolinks
from catlint.reading import cell_text as inline
from catlint.reading import values
from catlint.errors import NoCatalogue
from catlint.reading.body import Cell, TableBody, read_body
from catlint.reading.lines import Lines, lines_of
from catlint.reading.markdown import MarkdownDocument, read_markdown
from catlint.reading.rows import unescape_pipes
from catlint.reading.schema import Column, Schema
from catlint.reading.source import Source
from catlint.reading.tables import Table, read_tables

_REPEATING_KINDS = frozenset({"list", "term", "count"})
_HTTP_URL = re.compile(r"^https?://", re.IGNORECASE)


class Read(NamedTuple):
    """A cell text read as its column's type: `value` when it parses, else `error`."""

    value: Any = None
    error: str | None = None


class FieldColumn:
    """One field's column of the catalogue: the header cell that names it and each row's text,
    read into typed values once per distinct text."""

    __slots__ = ("field", "column", "index", "texts", "_schema", "_definitions", "_reads", "_values")

    def __init__(self, column: Column, index: int, texts: list, schema: Schema, definitions: dict):
        self.field, self.column, self.index, self.texts = column.field, column, index, texts
        self._schema, self._definitions = schema, definitions
        self._reads: dict[str, Read] = {}
        self._values: list | None = None

    @property
    def kind(self) -> str:
        return self.column.kind

    def read(self, text: str) -> Read:
        found = self._reads.get(text)
        if found is None:
            found = self._reads[text] = self._read(text)
        return found

    def _read(self, text: str) -> Read:
        cell = unescape_pipes(text)
        try:
            if self.column.kind == "link":
                return Read(inline.link_value(cell, self._definitions))
            return Read(_READERS[self.column.kind](cell, self.field, self._schema))
        except values.CellValueError as error:
            return Read(None, str(error))

    def values(self) -> list:
        """Each row's typed value: None for a missing cell or one that does not parse. A column
        of plain cells (every name, every bare URL) is its own list of values, found in bulk."""
        if self._values is None:
            self._values = self._plain_values()
            if self._values is None:
                reads = {text: self.read(text) for text in dict.fromkeys(self.texts) if text is not None}
                values_by_text = {text: None if read.error else read.value for text, read in reads.items()}
                self._values = list(map(values_by_text.get, self.texts, repeat(None, len(self.texts))))
        return self._values

    def unreadable(self) -> list[str]:
        """The distinct texts that do not parse as the column's type, in order."""
        if self.values() is self.texts:  # read in bulk: each cell is its own value
            return []
        return [text for text in dict.fromkeys(self.texts) if text is not None and self.read(text).error is not None]

    def _plain_values(self) -> list | None:
        """The texts themselves, when each cell reads as its own text: text cells without markup,
        white space to fold or invisible characters, and link cells that are each one bare URL."""
        if None in self.texts:
            return None
        if self.column.kind == "text":
            flat = "".join(self.texts)
            plain = flat.isascii() and flat.isprintable() and "  " not in flat and not inline.has_markup(flat)
            return self.texts if plain else None
        if self.column.kind == "link":
            return self.texts if all(map(autolinks.whole_url, self.texts)) else None
        return None

    def distinct(self) -> dict[str, list[int]]:
        """Each distinct text (missing cells left out) and the rows that hold it, in row order."""
        rows: dict[str, list[int]] = {}
        for index, text in enumerate(self.texts):
            if text is not None:
                found = rows.get(text)
                if found is None:
                    rows[text] = [index]
                else:
                    found.append(index)
        return rows


_READERS = {
    "text": lambda text, field, schema: values.clean_text(inline.plain_text(text)),
    "list": lambda text, field, schema: values.parse_list(inline.plain_text(text), field, schema),
    "term": lambda text, field, schema: values.parse_term(inline.plain_text(text), field, schema),
    "count": lambda text, field, schema: values.parse_count(inline.plain_text(text), schema),
}


class Record:
    """One row of the catalogue, read through its columns when asked."""

    __slots__ = ("catalogue", "row")

    def __init__(self, catalogue: "Catalogue", row: int):
        self.catalogue, self.row = catalogue, row

    @property
    def line(self) -> int:
        return self.catalogue.body.row_lines[self.row]

    def text(self, field: str) -> str | None:
        column = self.catalogue.fields.get(field)
        return None if column is None else column.texts[self.row]

    def read(self, field: str) -> Read | None:
        column = self.catalogue.fields.get(field)
        text = None if column is None else column.texts[self.row]
        return None if text is None else column.read(text)

    def value(self, field: str, default=None):
        found = self.read(field)
        return default if found is None or found.error else found.value

    def cell(self, field: str) -> Cell | None:
        column = self.catalogue.fields.get(field)
        return None if column is None else self.catalogue.body.cell(self.row, column.index)

    def as_dict(self, notes: dict[str, str]) -> dict:
        """The exported record: schema field order, counts as {value, bound[, note]}, then `line`."""
        record = {}
        for field in self.catalogue.fields:
            found = self.read(field)
            if found is not None and found.error is None:
                record[field] = exported(found.value, notes)
        record["line"] = self.line
        return record


def exported(value, notes: dict[str, str]):
    if isinstance(value, values.Count):
        count = {"value": value.value, "bound": value.bound}
        if value.marker and value.marker in notes:
            count["note"] = notes[value.marker]
        return count
    return value


class Catalogue:
    def __init__(self, path: str, source: Source, text: str, lines: Lines, markdown: MarkdownDocument, schema: Schema,
                 tables: list[Table], catalogue_tables: list[Table], header_columns: list[Column | None], body: TableBody,
                 fields: dict[str, FieldColumn]):
        self.path = path
        self.source = source
        self.text = text
        self.lines = lines
        self.markdown = markdown
        self.schema = schema
        self.tables = tables  # every table GitHub renders
        self.catalogue_tables = catalogue_tables  # those whose header is the catalogue's; the first is the catalogue
        self.header_columns = header_columns  # the schema column each header cell names
        self.body = body
        self.fields = fields  # by field: the first header cell that names it

    @property
    def table(self) -> Table:
        return self.catalogue_tables[0]

    def rows(self) -> range:
        return range(len(self.body))

    def record(self, row: int) -> Record:
        return Record(self, row)

    def records(self):
        return (Record(self, row) for row in range(len(self.body)))

    def row_at(self, line: int) -> int | None:
        """The body row on `line`, if one is."""
        from bisect import bisect_left

        lines = self.body.row_lines
        index = bisect_left(lines, line)
        return index if index < len(lines) and lines[index] == line else None

    @property
    def notes(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for note in self.table.footnotes:  # the first note of a marker, as the footnote rules read it
            found.setdefault(note.marker, values.clean_text(inline.plain_text(note.text)))
        return found

    def http_links(self) -> list[tuple[int, str]]:
        """(row, URL) of each link cell whose value is an absolute http(s) URL: what `catlint links` checks."""
        column = self.fields.get("link")
        if column is None:
            return []
        found = []
        for row, text in enumerate(column.texts):
            read = column.read(text) if text is not None else None
            if read is not None and not read.error and isinstance(read.value, str) and _HTTP_URL.match(read.value):
                found.append((row, read.value))
        return found

    def exported_records(self):
        notes = self.notes
        return (record.as_dict(notes) for record in self.records())


def read_catalogue(source: Source, schema: Schema, text: str | None = None) -> Catalogue:
    """Find the catalogue table in `text` (default: the source's text) and read its rows."""
    text = source.text if text is None else text
    if not text.strip():
        raise NoCatalogue(f"{source.path}: empty file, no catalogue table")
    lines = lines_of(text)  # every line is cut from the text when read: the text is held once
    markdown = read_markdown(lines)
    tables = read_tables(markdown, lines, schema.footnote_markers)
    if not tables:
        raise NoCatalogue(f"{source.path}: no Markdown table found")
    catalogue = [(table, columns) for table in tables if (columns := _columns(table, schema))]
    if not catalogue:
        names = ", ".join(column.header for column in schema.columns[:3])
        raise NoCatalogue(f"{source.path}: no catalogue table: none of its {len(tables)} table(s) has columns such as {names}")
    table, header_columns = catalogue[0]
    body = read_body(lines, table.row_lines, table.row_starts, table.width)
    fields = {}
    for index, column in enumerate(header_columns):
        if column is not None and column.field not in fields:
            fields[column.field] = FieldColumn(column, index, body.columns[index], schema, markdown.definitions)
    return Catalogue(source.path, source, text, lines, markdown, schema, tables, [found for found, _ in catalogue],
                     header_columns, body, fields)


def _columns(table: Table, schema: Schema) -> list[Column | None] | None:
    """The column each header cell maps to, when at least two map: a catalogue table."""
    columns = [schema.column_for_header(inline.plain_text(cell.text)) for cell in table.header.cells]
    return columns if sum(column is not None for column in columns) >= 2 else None
