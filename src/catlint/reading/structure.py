"""What GitHub renders that the catalogue table does not hold: a second catalogue table, and
rows that fall out of the table because something ended it early.

Both mean that `export` would write fewer rows than a reader of the page
sees, so both are errors (rules CAT007 and CAT008) and stop `export`.
"""

from __future__ import annotations

from typing import NamedTuple

from catlint.reading.nodes import CODE, HEADING, HTML, ITEM, LIST, PARAGRAPH, BLOCK_QUOTE, THEMATIC_BREAK
from catlint.reading.rows import count_segments

# How many lines may stand between the table's end and rows that were meant to continue it.
_GAP = 3
_RENDERED_AS = {PARAGRAPH: "a paragraph", CODE: "a code block", HTML: "raw HTML", HEADING: "a heading",
                LIST: "a list", ITEM: "a list", BLOCK_QUOTE: "a block quote", THEMATIC_BREAK: "a rule"}


class EarlyEnd(NamedTuple):
    line: int  # where the table ends: the line that ended it
    first: int  # the lines that look like rows but are not
    last: int
    rendered_as: str

    @property
    def message(self) -> str:
        lines = f"line {self.first}" if self.first == self.last else f"lines {self.first}\u2013{self.last}"
        return f"the table ends here: {lines} look like rows of it but render as {self.rendered_as}"


def extra_catalogue_tables(document) -> list:
    """Catalogue tables after the first: GitHub shows their rows, catlint reads only the first."""
    return document.catalogue_tables[1:]


def early_end(document) -> EarlyEnd | None:
    """Lines just after the catalogue table that have its shape (a blank line, an HTML comment
    or another block ended it before them), and are not in any table GitHub renders."""
    table, lines = document.table, document.lines
    if table.nested:
        return None
    columns = table.width
    in_tables = {line for found in document.tables for line in (found.header.line, found.delimiter.line, *found.node.data.row_lines)}
    notes = {note.line for note in table.footnotes}
    index = table.end_line  # the 0-based index of the line after the table
    first = None
    while index < len(lines) and index - table.end_line <= _GAP:
        if index + 1 not in in_tables and index + 1 not in notes and _row_like(lines[index], columns):
            first = index
            break
        index += 1
    if first is None:
        return None
    last = first
    while last + 1 < len(lines) and last + 2 not in in_tables and _row_like(lines[last + 1], columns):
        last += 1
    return EarlyEnd(table.end_line + 1, first + 1, last + 1, _rendered_as(document, first + 1))


def _row_like(line: str, columns: int) -> bool:
    stripped = line.strip(" \t")
    if not stripped.startswith("|") and columns < 2:
        return False
    return stripped.count("|") >= 2 and count_segments(stripped) >= max(2, columns - 1)


def _rendered_as(document, line: int) -> str:
    """What GitHub makes of the block that holds `line`."""
    best = None
    stack = list(document.markdown.root.children)
    while stack:
        node = stack.pop()
        if node.start_line <= line <= max(node.end_line, node.start_line):
            best = node
            stack = list(node.children)
    return _RENDERED_AS.get(best.kind, "something else") if best is not None else "something else"
