"""A table's body rows stored by column: one list of cell texts per column, each distinct text once.

A 100,000-row catalogue has 800,000 cells but a few dozen distinct texts in its
vocabulary and count columns, so a column holds references to shared strings,
not a cell object each. Where a cell is written is not stored: it is found
again, by splitting its row once more, when a finding needs its position.
"""

from __future__ import annotations

from array import array
from itertools import islice, repeat
from typing import NamedTuple

from catlint.reading.rows import SPACECHARS, TRIMMED, cell_text, each_segment, segments


class Cell(NamedTuple):
    """A cell's text and where it is: 1-based line and code-point columns, end exclusive."""

    text: str
    line: int
    start: int
    end: int


class TableBody:
    """Body rows: the line of each, the offset its cells are read from, and the cells by column.
    A row with another number of cells than the header keeps its count in `counts`; cells past
    the header's count (GitHub does not show them) are kept in `extra`."""

    __slots__ = ("width", "row_lines", "row_starts", "columns", "counts", "extra", "_lines", "_last")

    def __init__(self, width: int, lines):
        self.width = width
        self.row_lines = array("I")
        self.row_starts = array("I")
        self.columns: list[list] = [[] for _ in range(width)]
        self.counts: dict[int, int] = {}
        self.extra: dict[int, list[str]] = {}
        self._lines = lines
        self._last: tuple[int, list[Cell]] | None = None  # the row split last: rules ask for one row's cells in turn

    def __len__(self) -> int:
        return len(self.row_lines)

    def count(self, row: int) -> int:
        return self.counts.get(row, self.width)

    def texts(self, row: int) -> list[str]:
        """Every cell text of one row, in order, extra cells included."""
        present = [self.columns[column][row] for column in range(min(self.width, self.count(row)))]
        return present + self.extra.get(row, [])

    def cells(self, row: int) -> list[Cell]:
        """One row's cells with their positions (the row is split again; the last row split is kept)."""
        if self._last is None or self._last[0] != row:
            number, start = self.row_lines[row], self.row_starts[row]
            self._last = (row, row_cells(self._lines[number - 1], number, start))
        return self._last[1]

    def cell(self, row: int, column: int) -> Cell | None:
        """One cell with its position: a row longer than the header is split only up to it."""
        if row in self.extra and (self._last is None or self._last[0] != row):
            number, start = self.row_lines[row], self.row_starts[row]
            cells = row_cells(self._lines[number - 1], number, start, column + 1)
        else:
            cells = self.cells(row)
        return cells[column] if column < len(cells) else None


def row_cells(line: str, number: int, start: int = 0, limit: int | None = None) -> list[Cell]:
    """The cells of one row line (the first `limit` of them), each at its content's columns."""
    found = []
    for segment_start, segment_end in segments(line, start) if limit is None else islice(each_segment(line, start), limit):
        raw = line[segment_start:segment_end]
        text = raw.strip(TRIMMED)
        first = segment_start + len(raw) - len(raw.lstrip(TRIMMED)) + 1
        found.append(Cell(text, number, first, first + len(text)))
    return found


def read_body(lines, row_lines, row_starts, width: int) -> TableBody:
    """The rows at `row_lines` (1-based) of `lines` (a `Lines` view, or a list of line texts),
    split into cells and stored by column, each distinct text held once. A well-kept table is
    split a few thousand rows at a time in passes over its text (`_columns_at_once`)."""
    body = TableBody(width, lines)
    body.row_lines.extend(row_lines)
    body.row_starts.extend(row_starts)
    shared: list[dict[str, str]] = [{} for _ in range(width)]
    for first in range(0, len(row_lines), _CHUNK_ROWS):
        columns = _columns_at_once(lines, row_lines[first : first + _CHUNK_ROWS], width)
        if columns is None:  # a row the one-pass split cannot take: read every row on its own
            body.columns = [[] for _ in range(width)]
            _add(body, _columns_row_by_row(body, lines, width), [{} for _ in range(width)])
            break
        _add(body, columns, shared)
    return body


def _add(body: TableBody, columns: list, shared: list) -> None:
    for column, texts, held in zip(body.columns, columns, shared):
        column.extend(map(held.setdefault, texts, texts))


_CHUNK_ROWS = 4096  # rows split at once: bounds the pieces held while splitting


def _columns_row_by_row(body: TableBody, lines, width: int) -> list:
    rows = []
    for index, (number, start) in enumerate(zip(body.row_lines, body.row_starts)):
        texts = _texts(lines[number - 1], start)
        if len(texts) != width:
            body.counts[index] = len(texts)
            if len(texts) > width:
                body.extra[index] = texts[width:]
                texts = texts[:width]
            else:
                texts = texts + [None] * (width - len(texts))
        rows.append(texts)
    return [list(column) for column in zip(*rows)] if rows else [[] for _ in range(width)]


def _columns_at_once(lines, row_lines, width: int) -> list | None:
    """The columns of a table whose rows are consecutive lines that each start and end with a pipe
    (nothing before or after), hold no backslash and have exactly the header's number of cells:
    the body's text split on pipes once, each column a slice. None for any other table."""
    if not row_lines or not hasattr(lines, "starts"):
        return None
    first, last = row_lines[0], row_lines[-1]
    if last - first + 1 != len(row_lines):
        return None
    text = lines.text[lines.starts[first - 1] : lines.ends[last - 1]]
    if "\\" in text:
        return None
    pieces = text.split("|")
    stride = width + 1
    if len(pieces) != stride * len(row_lines) + 1 or pieces[0] or pieces[-1]:
        return None
    between = set(pieces[stride:-1:stride])  # what lies between one row's last pipe and the next row's first
    if between and between != {"\n"} and between != {"\r\n"}:
        return None
    trimmed = repeat(TRIMMED)
    return [list(map(str.strip, pieces[column::stride], trimmed)) for column in range(1, stride)]


def _texts(line: str, start: int) -> list[str]:
    """The cell texts of one row: `segments` and `cell_text` in one step for the common line."""
    if "\\" in line:
        return [cell_text(line, a, b) for a, b in each_segment(line, start)]
    parts = (line[start:] if start else line).split("|")
    if line.startswith("|", start):
        parts = parts[1:]
        after_pipe = True
    else:
        after_pipe = False
    if parts and not (parts[-1].strip(SPACECHARS) if len(parts) > 1 or after_pipe else parts[-1]):
        parts.pop()  # nothing, or spaces after the closing pipe: not a cell
    return [part.strip(TRIMMED) for part in parts]
