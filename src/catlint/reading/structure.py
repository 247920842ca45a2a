"""What GitHub renders that the catalogue table does not hold: a second catalogue table, and
rows that fall out of the table because something ended it early.

Both mean that `export` would write fewer rows than a reader of the page
sees, so both are errors (rules CAT007 and CAT008) and stop `export`.
"""

from __future__ import annotations

from typing import NamedTuple

from catlint.reading.header_lookalikes import reads_as_catalogue
from catlint.reading.nodes import BLOCK_QUOTE, CODE, FOOTNOTE, HEADING, HTML, ITEM, LIST, PARAGRAPH, REFERENCES, TABLE, THEMATIC_BREAK
from catlint.reading.rows import count_segments

_RENDERED_AS = {PARAGRAPH: "a paragraph", CODE: "a code block", HTML: "raw HTML", HEADING: "a heading",
                LIST: "a list", ITEM: "a list", BLOCK_QUOTE: "a block quote", THEMATIC_BREAK: "a rule",
                FOOTNOTE: "a footnote", TABLE: "another table"}
# HTML blocks a reader does not see: comments, processing instructions, declarations, CDATA.
_HIDDEN_HTML = frozenset({2, 3, 4, 5})


class EarlyEnd(NamedTuple):
    line: int  # where the table ends: the line that ended it
    first: int  # the lines that look like rows but are not
    last: int
    rendered_as: str

    @property
    def message(self) -> str:
        if self.first == self.last:
            return f"the table ends here: line {self.first} looks like a row of it but renders as {self.rendered_as}"
        return f"the table ends here: lines {self.first}\u2013{self.last} look like rows of it but render as {self.rendered_as}"


def extra_catalogue_tables(document) -> list:
    """The tables besides the catalogue whose header reads as a catalogue header (spelled alike, or
    only looking alike): GitHub shows their rows, catlint reads only the catalogue's."""
    catalogue, named = document.table, document.catalogue_tables
    return [table for table in document.tables if table is not catalogue
            and (table in named or reads_as_catalogue([cell.text for cell in table.header.cells], document.schema))]


def early_end(document) -> EarlyEnd | None:
    """The lines GitHub shows right after the catalogue table that have its shape but are not its rows.

    Only what follows the table is looked at, block by block: blank lines, blocks that render
    nothing (comments, link reference definitions, empty containers) and the table's own notes
    are passed over, and so is a heading, rule or fence line that ends the table right under its
    last row. The next block must then start with a line shaped like a row (in a paragraph, a
    heading, code, raw HTML, a list or a quote) or be a table as wide as the catalogue.
    """
    table, lines, width = document.table, document.lines, document.table.width
    notes = {note.line for note in table.footnotes}
    following = _following(table.node)
    adjacent = None  # after a line that ended the table, rows must follow it at once
    for leaf, outer in following:
        if adjacent is not None and leaf.start_line != adjacent:
            return None
        if leaf.kind == TABLE:
            if leaf.data.columns != width or any(found.node is leaf for found in extra_catalogue_tables(document)):
                return None  # a table of its own, or one CAT007 reports
            return EarlyEnd(table.end_line + 1, leaf.start_line, _table_end(leaf), _RENDERED_AS[outer.kind])
        candidates = [(number, text) for number, text in _lines(leaf, lines) if number not in notes]
        if leaf.kind == HTML:  # rows anywhere in a visible HTML block render as its raw text
            candidates = [] if leaf.data in _HIDDEN_HTML else _from_first_row(candidates, width)
        elif candidates and leaf.start_line == table.end_line + 1 and not _row_like(candidates[0][1], width):
            adjacent, candidates = candidates[0][0] + 1, candidates[1:]  # the line that ended the table
        if not candidates:
            continue
        if not _row_like(candidates[0][1], width):
            return None
        last = _run_end(candidates, following, lines, width)
        return EarlyEnd(table.end_line + 1, candidates[0][0], last, _RENDERED_AS.get(outer.kind, "something else"))
    return None


def _following(node):
    """(leaf block, the outermost block entered to reach it) for each block after `node` in
    document order, leaving its containers as GitHub does. Empty containers render nothing."""
    while node.parent is not None:
        siblings = node.parent.children
        for sibling in siblings[siblings.index(node) + 1 :]:
            yield from _leaves(sibling, sibling)
        node = node.parent


def _leaves(node, outer):
    if node.kind in (TABLE, HTML, CODE) or not node.children:
        if node.kind != REFERENCES and (node.lines or node.kind in (TABLE, HTML, CODE, HEADING, THEMATIC_BREAK)):
            yield node, outer
        return
    for child in node.children:
        yield from _leaves(child, outer)


def _lines(leaf, lines) -> list[tuple[int, str]]:
    """(line number, text after the container prefixes) of a leaf block's lines."""
    if leaf.lines:
        return [(number, lines[number - 1][offset:]) for number, offset, _ in leaf.lines]
    return [(number, lines[number - 1]) for number in range(leaf.start_line, max(leaf.start_line, leaf.end_line) + 1)]


def _from_first_row(candidates: list, columns: int) -> list:
    for index, (_, text) in enumerate(candidates):
        if _row_like(text, columns):
            return candidates[index:]
    return []


def _run_end(candidates: list, following, lines, columns: int) -> int:
    """The last line of the rows that start at `candidates[0]`: they go on through the next blocks
    that start right under them (a paragraph of rows, then a table whose header is the last row)."""
    last, rest = candidates[0][0], candidates[1:]
    while True:
        for number, text in rest:
            if not _row_like(text, columns):
                return last
            last = number
        leaf, _ = next(following, (None, None))
        if leaf is None or leaf.start_line != last + 1 or leaf.kind == HTML:
            return last
        if leaf.kind == TABLE:
            return _table_end(leaf) if leaf.data.columns == columns else last
        rest = _lines(leaf, lines)


def _table_end(node) -> int:
    data = node.data
    return data.row_lines[-1] if data.row_lines else data.delimiter_line


def _row_like(line: str, columns: int) -> bool:
    stripped = line.strip(" \t")  # a catalogue has two columns at least: a leading pipe is optional
    return stripped.count("|") >= 2 and count_segments(stripped) >= max(2, columns - 1)
