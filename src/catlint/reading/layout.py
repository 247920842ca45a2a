"""Canonical table layout: aligned (pipes in one column, East Asian wide characters count
two) or compact (one space around each cell). The default keeps the table's own style.

A layout is made once per table (its style, indent, outer pipes, column widths)
and then lays out any row from its cell texts in time proportional to the row:
each column pads each distinct text once. A table inside a block quote, list
item or footnote definition keeps each line's own container prefix (`> `, a
list's indent) byte for byte: only what follows it is laid out.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import repeat

from catlint.reading.rows import segments
from catlint.reading.tables import Table

_MARKS = {"none": ("-", "-"), "left": (":", "-"), "right": ("-", ":"), "center": (":", ":")}
_MAY_OPEN_BLOCK = re.compile(r"[-+*>#=_~`<\[]|[0-9]{1,9}[.)]")  # CommonMark's and GFM's block starts, broadly
_SAMPLE = 200  # rows looked at to tell an aligned table from a compact one


def display_width(text: str) -> int:
    if text.isascii():  # no wide, combining or format characters
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def resolve_style(catalogue, style: str) -> str:
    """`keep` becomes the table's own style: aligned when the header, the delimiter and most
    complete rows (looked at evenly, at most a few hundred) have their pipes in the same columns."""
    if style != "keep":
        return style
    table, body, lines = catalogue.table, catalogue.body, catalogue.lines
    header = _pipe_columns(_laid_part(table, table.header.text, table.header.start))
    if _pipe_columns(_laid_part(table, table.delimiter.text, table.delimiter.start)) != header:
        return "compact"
    complete = [row for row in range(len(body)) if row not in body.counts] if body.counts else range(len(body))
    step = max(1, len(complete) // _SAMPLE)
    sample = [complete[index] for index in range(0, len(complete), step)]
    same = sum(_pipe_columns(_laid_part(table, lines[body.row_lines[row] - 1], body.row_starts[row])) == header for row in sample)
    return "aligned" if 2 * same >= len(sample) else "compact"


def _laid_part(table: Table, text: str, start: int) -> str:
    """The part of a row's line that layout rewrites: all of it, or what follows a nested table's container prefix."""
    return text[start:] if table.nested else text


def line_prefix(table: Table, text: str, start: int) -> str | None:
    """What a nested table's row keeps before its cells (its container prefix and indent); None
    for a top-level table, whose rows all take the header's indent."""
    return text[:start] if table.nested else None


def has_outer_pipes(table: Table) -> bool:
    """Whether the header row starts or ends with a pipe; GFM makes both optional."""
    header = table.header.text[table.header.start :].strip()  # after a nested table's `> `
    return header.startswith("|") or header.endswith("|")


class RowLayout:
    """How the catalogue table lays out a row. `style` is aligned or compact (resolved)."""

    def __init__(self, catalogue, style: str):
        table, body = catalogue.table, catalogue.body
        self.style = style
        header = table.header.text
        self.indent = header[: len(header) - len(header.lstrip(" \t"))]  # for a top-level table
        self.outer = has_outer_pipes(table)
        self.alignments = table.alignments
        self.widths = _column_widths(table, body, self.outer) if style == "aligned" else []
        self._padded: list[dict[str, str]] = [{} for _ in self.alignments]

    def line(self, texts: list[str], prefix: str | None = None) -> str:
        """A row's canonical text from its cell texts, after `prefix` (see `line_prefix`; default
        the header's indent); a cell wider than its column widens it for this row only (an edited row)."""
        indent = self.indent if prefix is None else prefix
        if self.style == "compact":
            return indent + _kept_in_table(_joined(texts, self.outer), self.outer)
        last = len(texts) - 1
        parts = []
        for index, text in enumerate(texts):
            padded = self._padded[index].get(text) if index < len(self._padded) else None
            if padded is None:
                padded = self._pad(index, text)
            parts.append(padded if self.outer or index != last else padded.rstrip(" "))
        return indent + _kept_in_table(_joined(parts, self.outer), self.outer)

    def _pad(self, index: int, text: str) -> str:
        width = self.widths[index] if index < len(self.widths) else 0
        room = max(width - display_width(text), 0)
        alignment = self.alignments[index] if index < len(self.alignments) else "none"
        if alignment == "right":
            padded = " " * room + text
        elif alignment == "center":
            padded = " " * (room // 2) + text + " " * (room - room // 2)
        else:
            padded = text + " " * room
        if index < len(self._padded) and len(self._padded[index]) < 100_000:
            self._padded[index][text] = padded
        return padded

    def delimiter(self, table: Table) -> str | None:
        """The canonical delimiter row, or None when any valid one will do (compact, pipes as the rows')."""
        prefix = line_prefix(table, table.delimiter.text, table.delimiter.start)
        indent = self.indent if prefix is None else prefix
        if self.style == "compact":
            delimiter = table.delimiter.text[table.delimiter.start :].strip()
            if self.outer and not (delimiter.startswith("|") and delimiter.endswith("|")):  # rows have outer pipes: so must it
                return indent + "| " + " | ".join(_mark(alignment, 3) for alignment in self.alignments) + " |"
            return None
        last = len(self.widths) - 1
        marks = [_mark(alignment, width + (2 if self.outer or 0 < index < last else 1))
                 for index, (alignment, width) in enumerate(zip(self.alignments, self.widths))]
        return indent + ("|" + "|".join(marks) + "|" if self.outer else "|".join(marks))


def _kept_in_table(row: str, outer: bool) -> str:
    """A row without outer pipes whose first cell could open another block (`- x` a list item,
    `> x` a block quote, `# x` a heading, ...) would end the table: it keeps a leading pipe."""
    return "| " + row if not outer and _MAY_OPEN_BLOCK.match(row) else row


def canonical_lines(catalogue, style: str):
    """(line number, canonical text) for the header, the delimiter when its form matters, and
    every body row with the header's number of cells, in line order."""
    layout = RowLayout(catalogue, style)
    table, body, lines = catalogue.table, catalogue.body, catalogue.lines
    header = table.header
    yield header.line, layout.line([cell.text for cell in header.cells], line_prefix(table, header.text, header.start))
    delimiter = layout.delimiter(table)
    if delimiter is not None:
        yield table.delimiter.line, delimiter
    if _body_in_place(catalogue, layout):
        return
    columns = body.columns
    for row, texts in enumerate(zip(*columns)) if columns else ():
        if row not in body.counts:
            line = body.row_lines[row]
            yield line, layout.line(texts, line_prefix(table, lines[line - 1], body.row_starts[row]) if table.nested else None)


def _body_in_place(catalogue, layout: RowLayout) -> bool:
    """Whether every body row is already laid out, checked a few thousand rows at a time: the
    rows made from the columns (each padded in C-level passes) are the body's text. Only for a
    body of consecutive complete rows ending in line feeds; False says only that the rows must
    be looked at one by one."""
    body, lines = catalogue.body, catalogue.lines
    rows = body.row_lines
    if not rows or body.counts or rows[-1] - rows[0] + 1 != len(rows) or catalogue.table.nested:
        return False
    start, end = (layout.indent + "| ", " |") if layout.outer else (layout.indent, "")
    for first in range(0, len(rows), _CHUNK_ROWS):
        last = min(first + _CHUNK_ROWS, len(rows)) - 1
        written = lines.text[lines.starts[rows[first] - 1] : lines.ends[rows[last] - 1]]
        if "\r" in written:
            return False
        columns = [_padded_column(layout, index, column[first : last + 1]) for index, column in enumerate(body.columns)]
        if not layout.outer and columns:
            columns[-1] = [text.rstrip(" ") for text in columns[-1]]
        if written != start + (end + "\n" + start).join(map(" | ".join, zip(*columns))) + end:
            return False
    return True


_CHUNK_ROWS = 4096  # rows compared at once: bounds the padded texts held


def _padded_column(layout: RowLayout, index: int, column: list) -> list[str]:
    """The column's cells padded to its width: by str.ljust or rjust for ASCII (one column per
    character), else by the layout's own padding once per distinct text."""
    if layout.style == "compact":
        return column
    alignment = layout.alignments[index]
    if alignment != "center" and "\n".join(column).isascii():
        pad = str.rjust if alignment == "right" else str.ljust
        return list(map(pad, column, repeat(layout.widths[index], len(column))))
    padded = {text: layout._pad(index, text) for text in dict.fromkeys(column)}
    return list(map(padded.__getitem__, column))


def _joined(texts, outer: bool) -> str:
    return "| " + " | ".join(texts) + " |" if outer else " | ".join(texts)


def _column_widths(table: Table, body, outer: bool) -> list[int]:
    """Widest cell of each column (complete rows only), but never narrower than the header's padding."""
    header_line = table.header.text
    bounds = segments(header_line, table.header.start)
    widths = [max(display_width(header_line[start:end]) - _spaces_around(index, len(bounds), outer), 1)
              for index, (start, end) in enumerate(bounds)]
    for index, cell in enumerate(table.header.cells[: len(widths)]):
        widths[index] = max(widths[index], display_width(cell.text))
    for index, texts in enumerate(body.columns[: len(widths)]):
        complete = texts if not body.counts else [text for row, text in enumerate(texts) if row not in body.counts]
        distinct = {text for text in complete if text is not None}
        if distinct:
            widest = max(map(len, distinct)) if all(map(str.isascii, distinct)) else max(map(display_width, distinct))
            widths[index] = max(widths[index], widest)
    return widths


def _spaces_around(index: int, count: int, outer: bool) -> int:
    """The spaces a canonical cell has around it: one each side, none outside a table without outer pipes."""
    return 2 - (not outer and index == 0) - (not outer and index == count - 1)


def _mark(alignment: str, width: int) -> str:
    left, right = _MARKS[alignment]
    return left + "-" * (width - 2) + right


def _pipe_columns(line: str) -> list[int]:
    """The display columns of the pipes after each cell (a last cell without a closing pipe has none)."""
    if not line.rstrip().endswith("|"):
        return _pipe_columns(line.rstrip() + "|")[:-1]
    if line.isascii():  # every character one column wide
        return [end for _, end in segments(line)]
    columns, width, previous = [], 0, 0
    for _, end in segments(line):
        width += display_width(line[previous:end])
        columns.append(width)
        previous = end
    return columns
