"""Locate GFM tables in Markdown lines and split them into cells with exact spans.

mistune cannot be the authority here: its tokens have no positions and it
turns a whole table into a paragraph when one row is ragged. The rules below
are GFM's: a header row, a delimiter row with as many cells, body rows until a
blank line or another block; cells split on pipes that are not escaped and not
inside a code span. Lines inside fenced code blocks are never tables.
Columns are 1-based code points; end columns are exclusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

_DELIMITER_CELL = re.compile(r"^:?-+:?$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Lines that start another block end a table: headings, quotes, HTML, thematic breaks, list items.
_BLOCK_START = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|<[a-zA-Z!/?]|(?:[-*_][ \t]*){3,}$|[-+*][ \t]|[0-9]{1,9}[.)][ \t])")
_COMMENT_START = re.compile(r"^ {0,3}<!--")
# A footnote line: a marker from the schema or a GFM [^label]:, then its text.
_FOOTNOTE = r"^ {{0,3}}(\[\^[^\]\s]+\]:|{markers}{garbled})[ \t]+(\S.*?)[ \t]*$"
# Directly under the table a pipeless line cannot be a catalogue row, so a short non-ASCII
# token also counts as a marker there: that is how a garbled marker (ยน for ¹) looks.
_GARBLED_MARKER = "|[^\\x00-\\x7f\\s|]{1,3}"


class Span(NamedTuple):
    line: int
    start: int
    end: int


class Cell(NamedTuple):
    """A cell's text and where it is; the position is kept flat (one tuple per cell, not two:
    a 100,000-row catalogue has close to a million cells)."""

    text: str
    line: int
    start: int
    end: int

    @property
    def span(self) -> Span:
        return Span(self.line, self.start, self.end)


@dataclass(slots=True)
class Row:
    line: int
    text: str
    cells: list[Cell]


@dataclass(frozen=True)
class Footnote:
    line: int
    marker: str
    marker_span: Span
    text: str
    text_span: Span
    glued: bool


@dataclass
class Table:
    header: Row
    delimiter: Row
    rows: list[Row] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)

    @property
    def first_line(self) -> int:
        return self.header.line

    @property
    def last_line(self) -> int:
        """Last line that belongs to the table or its footnotes."""
        lines = [self.delimiter.line] + [row.line for row in self.rows] + [note.line for note in self.footnotes]
        return max(lines)

    @property
    def alignments(self) -> list[str]:
        return [_alignment(cell.text) for cell in self.delimiter.cells]


def find_tables(lines: list[str], markers: str = "") -> list[Table]:
    """Every GFM table in the document, in order, with footnote lines attached.

    `markers` are the footnote marker characters (the schema's); tables in fenced
    code and in HTML comments are not tables.
    """
    footnotes = _footnote_patterns(markers)
    tables = []
    fence = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if _COMMENT_START.match(line):
            index = _comment_end(lines, index) + 1
            continue
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence) and not line.strip().lstrip(fence[0]):
                fence = None
            index += 1
            continue
        if opening:
            fence = opening.group(1)
            index += 1
            continue
        table = _table_at(lines, index, footnotes)
        if table is None:
            index += 1
            continue
        tables.append(table)
        index = table.last_line
    return tables


def split_row(line: str, line_number: int, texts: dict | None = None) -> list[Cell]:
    """Cells of one row; leading and trailing pipes are optional. Texts seen before in `texts`
    are shared, not copied: vocabulary and licence cells repeat on every row."""
    if "\\" in line or "`" in line:
        raws = [(start, line[start:end]) for start, end in segment_bounds(line)]
    else:  # the common case, every pipe separates: the same as segment_bounds, in one pass
        parts = line.split("|")
        first = 1 if len(parts) > 1 and not parts[0].strip(" \t") else 0
        last = len(parts) - 1 if len(parts) - first > 1 and not parts[-1].strip(" \t") else len(parts)
        raws, start = [], len(parts[0]) + 1 if first else 0
        for raw in parts[first:last]:
            raws.append((start, raw))
            start += len(raw) + 1
    cells = []
    new = tuple.__new__  # a named tuple without its Python-level constructor: this runs for every cell
    for start, raw in raws:
        left = raw.lstrip(" \t")
        content = left.rstrip(" \t")
        if texts is not None:
            content = texts.setdefault(content, content)
        content_start = start + len(raw) - len(left) + 1
        cells.append(new(Cell, (content, line_number, content_start, content_start + len(content))))
    return cells


def segment_bounds(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell's raw text between its pipes, outer pipes dropped."""
    bounds = _cell_bounds(line) if "\\" in line or "`" in line else _plain_bounds(line)
    if len(bounds) > 1 and not line[: bounds[0][1]].strip(" \t") and line.lstrip(" \t").startswith("|"):
        bounds = bounds[1:]
    if len(bounds) > 1 and not line[bounds[-1][0] :].strip(" \t"):
        bounds = bounds[:-1]
    return bounds


def _plain_bounds(line: str) -> list[tuple[int, int]]:
    """The common case, no escapes and no code spans: every pipe separates."""
    bounds, start = [], 0
    for part in line.split("|"):
        bounds.append((start, start + len(part)))
        start += len(part) + 1
    return bounds


def _cell_bounds(line: str) -> list[tuple[int, int]]:
    """(start, end) of each pipe-separated segment, ignoring escaped pipes and pipes in code spans."""
    closers = _code_span_closers(line)
    bounds = []
    start = index = 0
    length = len(line)
    while index < length:
        char = line[index]
        if char == "\\":
            index += 2
        elif char == "`":
            run = _run_length(line, index, "`")
            index = closers.get(index, index + run)
        elif char == "|":
            bounds.append((start, index))
            start = index = index + 1
        else:
            index += 1
    bounds.append((start, length))
    return bounds


def _code_span_closers(line: str) -> dict[int, int]:
    """Map each opening backtick run to the index just past its closing run (linear time)."""
    runs = []
    index = 0
    while (index := line.find("`", index)) != -1:
        run = _run_length(line, index, "`")
        escapes = _run_length_backwards(line, index, "\\")
        if escapes % 2:  # an escaped backtick is literal; the rest of the run still counts
            index, run = index + 1, run - 1
        if run:
            runs.append((index, run))
        index += run or 1
    next_same: list[int | None] = [None] * len(runs)
    last_seen: dict[int, int] = {}
    for position in range(len(runs) - 1, -1, -1):
        next_same[position] = last_seen.get(runs[position][1])
        last_seen[runs[position][1]] = position
    closers = {}
    position = 0
    while position < len(runs):
        partner = next_same[position]
        if partner is None:
            position += 1
            continue
        closers[runs[position][0]] = runs[partner][0] + runs[partner][1]
        position = partner + 1
    return closers


def _run_length_backwards(line: str, index: int, char: str) -> int:
    start = index
    while start > 0 and line[start - 1] == char:
        start -= 1
    return index - start


def _run_length(line: str, index: int, char: str) -> int:
    end = index
    while end < len(line) and line[end] == char:
        end += 1
    return end - index


def _footnote_patterns(markers: str):
    escaped = f"[{re.escape(markers)}]+" if markers else "(?!)"
    glued = re.compile(_FOOTNOTE.format(markers=escaped, garbled=_GARBLED_MARKER))
    after = re.compile(_FOOTNOTE.format(markers=escaped, garbled=""))
    return glued, after


def _comment_end(lines: list[str], index: int) -> int:
    """The line that closes the HTML comment opened on `index` (or the last line)."""
    for position in range(index, len(lines)):
        if "-->" in lines[position][lines[position].find("<!--") + 4 if position == index else 0 :]:
            return position
    return len(lines) - 1


def _table_at(lines: list[str], index: int, footnotes) -> Table | None:
    if index + 1 >= len(lines) or "|" not in lines[index] or "-" not in lines[index + 1]:
        return None
    if _BLOCK_START.match(lines[index]) or lines[index].startswith("    "):
        return None
    header = Row(index + 1, lines[index], split_row(lines[index], index + 1))
    delimiter = Row(index + 2, lines[index + 1], split_row(lines[index + 1], index + 2))
    if len(header.cells) != len(delimiter.cells) or not all(_DELIMITER_CELL.match(cell.text.replace(" ", "")) for cell in delimiter.cells):
        return None
    glued_pattern, after_pattern = footnotes
    table = Table(header, delimiter)
    texts: dict[str, str] = {}
    position = index + 2
    while position < len(lines) and lines[position].strip() and not _starts_block(lines[position]):
        line = lines[position]
        note = _footnote(glued_pattern, line, position + 1, glued=True) if "|" not in line else None
        if note is not None:
            table.footnotes.append(note)
        else:  # GitHub renders every line up to the blank one as a row, even after a footnote
            table.rows.append(Row(position + 1, line, split_row(line, position + 1, texts)))
        position += 1
    if position < len(lines) and not lines[position].strip():
        position += 1
    while position < len(lines) and (note := _footnote(after_pattern, lines[position], position + 1, glued=False)):
        table.footnotes.append(note)
        position += 1
    return table


def _starts_block(line: str) -> bool:
    return bool(_BLOCK_START.match(line) or _FENCE.match(line))


def _footnote(pattern, line: str, line_number: int, glued: bool) -> Footnote | None:
    match = pattern.match(line)
    if match is None:
        return None
    marker = match.group(1).rstrip(":")  # [^1]: is referred to as [^1]
    return Footnote(
        line_number,
        marker,
        Span(line_number, match.start(1) + 1, match.end(1) + 1),
        match.group(2),
        Span(line_number, match.start(2) + 1, match.end(2) + 1),
        glued,
    )


def _alignment(delimiter: str) -> str:
    text = delimiter.replace(" ", "")
    left, right = text.startswith(":"), text.endswith(":")
    return "center" if left and right else "right" if right else "left" if left else "none"
