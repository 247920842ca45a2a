"""Canonical table layout: aligned (pipes in one column, East Asian wide characters count
two) or compact (one space around each cell). The default keeps the table's own style."""

from __future__ import annotations

import unicodedata

from catlint.table import Row, Table, segment_bounds

_MARKS = {"none": ("-", "-"), "left": (":", "-"), "right": ("-", ":"), "center": (":", ":")}


def display_width(text: str) -> int:
    if text.isascii():  # no wide, combining or format characters
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def is_aligned(table: Table) -> bool:
    """Header and delimiter share their pipe columns, and so do most body rows."""
    header = _pipe_columns(table.header.text)
    if _pipe_columns(table.delimiter.text) != header:
        return False
    rows = [row for row in table.rows if len(row.cells) == len(table.header.cells)]
    return 2 * sum(_pipe_columns(row.text) == header for row in rows) >= len(rows)


def canonical_lines(table: Table, style: str) -> dict[int, str]:
    """line number -> canonical text for the header, every complete row and, when aligned, the
    delimiter (a compact table's delimiter row is any valid one: rewriting it would only be churn).
    A table written without outer pipes (`a | b`) stays without them."""
    rows = [table.header] + [row for row in table.rows if len(row.cells) == len(table.header.cells)]
    layout = RowLayout(table, style, rows)
    lines = {row.line: layout.line(row) for row in rows}
    delimiter = layout.delimiter()
    if delimiter is not None:
        lines[table.delimiter.line] = delimiter
    return lines


class RowLayout:
    """How the table lays out a row: its style, indent, outer pipes and column widths. Made once per
    table, it lays out any row (an edited one too) in time proportional to that row."""

    def __init__(self, table: Table, style: str, rows: list[Row] | None = None):
        if rows is None:
            rows = [table.header] + [row for row in table.rows if len(row.cells) == len(table.header.cells)]
        self.table, self.style = table, resolve_style(table, style)
        header = table.header.text
        self.indent = header[: len(header) - len(header.lstrip(" \t"))]
        self.outer = has_outer_pipes(table)
        self.alignments = table.alignments
        self.widths = _column_widths(table, rows, self.outer) if self.style == "aligned" else []
        plain = all(alignment in ("none", "left") for alignment in self.alignments)
        self.pipes = _pipe_positions(self.widths, len(self.indent)) if self.style == "aligned" and plain and self.outer else None

    def line(self, row: Row) -> str:
        """The row's canonical text; a cell wider than its column widens it for this row only."""
        if self.style == "compact":
            return self.indent + _joined([cell.text for cell in row.cells], self.outer)
        if self.pipes and _in_place(row, self.pipes, self.indent):
            return row.text
        return self.indent + _aligned_row(row, self.widths, self.alignments, self.outer)

    def delimiter(self) -> str | None:
        """The canonical delimiter row, or None when any valid one will do (compact, pipes as the rows')."""
        table = self.table
        if self.style == "compact":
            delimiter = table.delimiter.text.strip()
            if self.outer and not (delimiter.startswith("|") and delimiter.endswith("|")):  # rows have outer pipes: so must it
                return self.indent + "| " + " | ".join(_mark(alignment, 3) for alignment in self.alignments) + " |"
            return None
        last = len(self.widths) - 1
        marks = [_mark(alignment, width + (2 if self.outer or 0 < index < last else 1))
                 for index, (alignment, width) in enumerate(zip(self.alignments, self.widths))]
        return self.indent + ("|" + "|".join(marks) + "|" if self.outer else "|".join(marks))


def has_outer_pipes(table: Table) -> bool:
    """Whether the header row starts or ends with a pipe; GFM makes both optional."""
    header = table.header.text.strip()
    return header.startswith("|") or header.endswith("|")


def _joined(texts: list[str], outer: bool) -> str:
    return "| " + " | ".join(texts) + " |" if outer else " | ".join(texts)


def resolve_style(table: Table, style: str) -> str:
    """`keep` becomes the table's own style."""
    if style != "keep":
        return style
    return "aligned" if is_aligned(table) else "compact"


def _column_widths(table: Table, rows: list[Row], outer: bool = True) -> list[int]:
    """Widest cell of each column, but never narrower than the header's current padding."""
    header_line = table.header.text
    bounds = segment_bounds(header_line)
    widths = [max(display_width(header_line[start:end]) - _spaces_around(index, len(bounds), outer), 1)
              for index, (start, end) in enumerate(bounds)]
    for row in rows:
        ascii_row = row.text.isascii()
        for index, cell in enumerate(row.cells):
            width = len(cell.text) if ascii_row else display_width(cell.text)
            if width > widths[index]:
                widths[index] = width
    return widths


def _spaces_around(index: int, count: int, outer: bool) -> int:
    """The spaces a canonical cell has around it: one each side, none outside a table without outer pipes."""
    return 2 - (not outer and index == 0) - (not outer and index == count - 1)


def _aligned_row(row: Row, widths: list[int], alignments: list[str], outer: bool = True) -> str:
    parts = []
    ascii_row = row.text.isascii()
    last = len(row.cells) - 1
    for index, (cell, width, alignment) in enumerate(zip(row.cells, widths, alignments)):
        room = max(width - (len(cell.text) if ascii_row else display_width(cell.text)), 0)
        if alignment == "right":
            padded = " " * room + cell.text
        elif alignment == "center":
            padded = " " * (room // 2) + cell.text + " " * (room - room // 2)
        else:
            padded = cell.text + " " * room
        parts.append(padded if outer or index != last else padded.rstrip(" "))
    return _joined(parts, outer)


def _pipe_positions(widths: list[int], start: int = 0) -> list[int]:
    """Where the pipes of an aligned row are: | cell | cell |, each cell padded to its width."""
    positions = [start]
    for width in widths:
        positions.append(positions[-1] + width + 3)
    return positions


def _in_place(row: Row, pipes: list[int], indent: str = "") -> bool:
    """An ASCII row of left-aligned cells that is already its aligned self: the table's indent,
    every pipe where the aligned row has it and every cell one space after its pipe (most rows
    of an aligned table)."""
    text, cells = row.text, row.cells
    if len(text) != pipes[-1] + 1 or len(cells) != len(pipes) - 1 or not text.isascii() or text[-1] != "|":
        return False
    if not text.startswith(indent):
        return False
    for index, cell in enumerate(cells):
        if text[pipes[index]] != "|" or cell.start != pipes[index] + 3 or cell.end > pipes[index + 1]:
            return False
    return True


def _mark(alignment: str, width: int) -> str:
    left, right = _MARKS[alignment]
    return left + "-" * (width - 2) + right


def _pipe_columns(line: str) -> list[int]:
    """The display columns of the pipes after each cell (a last cell without a closing pipe has none)."""
    if not line.rstrip().endswith("|"):
        return _pipe_columns(line.rstrip() + "|")[:-1]
    if line.isascii():  # every character one column wide
        return [end for _, end in segment_bounds(line)]
    columns, width, previous = [], 0, 0
    for _, end in segment_bounds(line):
        width += display_width(line[previous:end])
        columns.append(width)
        previous = end
    return columns
