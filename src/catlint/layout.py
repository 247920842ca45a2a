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
    delimiter (a compact table's delimiter row is any valid one: rewriting it would only be churn)."""
    rows = [table.header] + [row for row in table.rows if len(row.cells) == len(table.header.cells)]
    indent = table.header.text[: len(table.header.text) - len(table.header.text.lstrip(" \t"))]
    if resolve_style(table, style) == "compact":
        lines = {row.line: indent + "| " + " | ".join(cell.text for cell in row.cells) + " |" for row in rows}
        delimiter = table.delimiter.text.strip()
        if not (delimiter.startswith("|") and delimiter.endswith("|")):  # rows have outer pipes: so must it
            lines[table.delimiter.line] = indent + "| " + " | ".join(_mark(alignment, 3) for alignment in table.alignments) + " |"
        return lines
    widths, alignments = _column_widths(table, rows), table.alignments
    pipes = _pipe_positions(widths, len(indent)) if all(alignment in ("none", "left") for alignment in alignments) else None
    lines = {row.line: row.text if pipes and _in_place(row, pipes, indent) else indent + _aligned_row(row, widths, alignments)
             for row in rows}
    lines[table.delimiter.line] = indent + "|" + "|".join(_mark(alignment, width + 2) for alignment, width in zip(alignments, widths)) + "|"
    return lines


def resolve_style(table: Table, style: str) -> str:
    """`keep` becomes the table's own style."""
    if style != "keep":
        return style
    return "aligned" if is_aligned(table) else "compact"


def _column_widths(table: Table, rows: list[Row]) -> list[int]:
    """Widest cell of each column, but never narrower than the header's current padding."""
    header_line = table.header.text
    widths = [max(display_width(header_line[start:end]) - 2, 1) for start, end in segment_bounds(header_line)]
    for row in rows:
        ascii_row = row.text.isascii()
        for index, cell in enumerate(row.cells):
            width = len(cell.text) if ascii_row else display_width(cell.text)
            if width > widths[index]:
                widths[index] = width
    return widths


def _aligned_row(row: Row, widths: list[int], alignments: list[str]) -> str:
    parts = []
    ascii_row = row.text.isascii()
    for cell, width, alignment in zip(row.cells, widths, alignments):
        room = width - (len(cell.text) if ascii_row else display_width(cell.text))
        if alignment == "right":
            padded = " " * room + cell.text
        elif alignment == "center":
            padded = " " * (room // 2) + cell.text + " " * (room - room // 2)
        else:
            padded = cell.text + " " * room
        parts.append(" " + padded + " ")
    return "|" + "|".join(parts) + "|"


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
    if line.isascii():  # every character one column wide
        return [end for _, end in segment_bounds(line)]
    columns, width, previous = [], 0, 0
    for _, end in segment_bounds(line):
        width += display_width(line[previous:end])
        columns.append(width)
        previous = end
    return columns
