"""Markdown lines to blocks, as cmark-gfm builds them: containers, leaves and GFM tables.

A port of cmark-gfm's block parser (blocks.c with the table extension's block
hooks): each line first continues the open containers it can (block quotes,
list items, footnote definitions, fenced and indented code, HTML blocks,
paragraphs, tables), then may open new blocks, and what is left is text for
the innermost block. Only structure is kept: which lines are which blocks,
and where each table row and paragraph line starts. Offsets are code points;
the prefixes the parser reads are ASCII, so they equal cmark's bytes there.

Rows of a table at the top level of the document take a fast path: a line
that cannot start any block continues the table as a row (the common case of
a large catalogue), without the general machinery.
"""

from __future__ import annotations

import re
from itertools import repeat

from catlint.reading.block_continuation import BlockContinuation
from catlint.reading.block_starts import MAX_PADDED_CELLS, BlockStarts
from catlint.reading import scanners
from catlint.reading.lines import Lines
from catlint.reading.nodes import CODE, DOCUMENT, HEADING, HTML, PARAGRAPH, TABLE, Node
from catlint.reading.rows import segments

TAB_STOP = 4
# A line that continues a top-level table as a row and can start no block: up to three spaces,
# then a character no block starts with, or a pipe followed by a cell's text.
_PLAIN_ROW = re.compile(r" {0,3}+(?:[^ \t\r\n\v\f>#`~<*+\-_\[0-9|]|\|[ \t\v\f]*+[^ \t\v\f\r\n])")
CHUNK_LINES = 4096  # most lines looked at at once by `plain_rows`: bounds the line texts held
_FIRST_CHUNK_LINES = 16  # and the first stretch: a table of rows that are not plain wastes little


def plain_rows(lines: Lines, index: int, end: int, data) -> int:
    """How many lines from `index` (up to `end`) are rows the one-by-one loop would add to the
    table whose `data` is given with no cell count: each starts with a pipe, has more pipes than
    the table has columns (so a cell's text follows its first pipe: `_PLAIN_ROW` holds) and no
    backslash. Found for all of them at once, on their text cut out in one piece."""
    if end <= index or data.padded_cells > MAX_PADDED_CELLS or not lines.text.startswith("|", lines.starts[index]):
        return 0
    region = lines.text[lines.starts[index] : lines.ends[end - 1]]
    if "\r" in region:
        return 0
    chunk = region.split("\n")
    plain = len(chunk)
    if region.count("\n|") != plain - 1:  # the first line starts with its pipe (checked above)
        plain = list(map(str.startswith, chunk, repeat("|"))).index(False)
    backslash = region.find("\\")
    if backslash >= 0:
        plain = min(plain, region.count("\n", 0, backslash))
    pipes = list(map(str.count, chunk[:plain], repeat("|")))
    if pipes and min(pipes) <= data.columns:
        plain = next(k for k, count in enumerate(pipes) if count <= data.columns)
    return plain


class BlockParser(BlockContinuation, BlockStarts):
    """Feed it every line (without line endings) in order; `finish()` returns the document node."""

    def __init__(self, footnotes: bool = True):
        self.root = Node(DOCUMENT, None, 1)
        self.current = self.root
        self.footnotes = footnotes
        self.line_number = 0
        self.line = ""

    # Line state, as cmark's parser keeps it.
    offset = column = first_nonspace = first_nonspace_column = indent = 0
    blank = partially_consumed_tab = False

    def parse(self, lines: list[str]) -> Node:
        index, count = 0, len(lines)
        while index < count:
            table = self._open_top_level_table()
            if table is not None:
                index = self._fast_rows(table, lines, index)
                if index >= count:
                    break
            self.process_line(lines[index])
            index += 1
        return self.finish()

    def _open_top_level_table(self) -> Node | None:
        last = self.root.last_child()
        if last is not None and last.open and last.kind == TABLE and self.current.parent is last:
            return last
        return None

    def _fast_rows(self, table: Node, lines, index: int) -> int:
        """Rows of a top-level table that need no block parsing: from a `Lines` view many plain
        rows at a time (`plain_rows`, on a stretch of lines that doubles while every line in it is
        one and starts small again after a line that is not), any other row one by one. Stops at
        the first line that is not such a row and returns its index."""
        chunked, count, size = isinstance(lines, Lines), len(lines), _FIRST_CHUNK_LINES
        while index < count:
            end = min(index + size, count) if chunked else count
            if chunked:
                plain = plain_rows(lines, index, end, table.data)
                size = min(2 * size, CHUNK_LINES) if index + plain == end else _FIRST_CHUNK_LINES
                index = self._add_plain_rows(table, index, plain)
            reached = self._rows_one_by_one(table, lines, index, end)
            if reached < end:
                return reached
            index = reached
        return index

    def _add_plain_rows(self, table: Node, index: int, count: int) -> int:
        table.data.row_lines.extend(range(self.line_number + 1, self.line_number + 1 + count))
        table.data.row_starts.extend(repeat(0, count))
        self.line_number += count
        return index + count

    def _rows_one_by_one(self, table: Node, lines, index: int, end: int) -> int:
        data = table.data
        rows, starts, columns = data.row_lines, data.row_starts, data.columns
        match = _PLAIN_ROW.match
        number = self.line_number
        while index < end and data.padded_cells <= MAX_PADDED_CELLS:  # past it, cmark-gfm takes no more rows
            line = lines[index]
            if not match(line):
                break
            if line.count("|") <= columns or "\\" in line:  # it may be short: count its cells
                data.padded_cells += max(0, columns - len(segments(line, len(line) - len(line.lstrip(" ")))))
            number += 1
            rows.append(number)
            starts.append(len(line) - len(line.lstrip(" ")))
            index += 1
        self.line_number = number
        return index

    def finish(self) -> Node:
        self.line_number += 1  # blocks still open end on the last line, as if a line followed
        while self.current is not None and self.current is not self.root:
            self.current = self.finalize(self.current)
        self.finalize(self.root)
        self.line_number -= 1
        return self.root

    # --- one line -----------------------------------------------------------------------------

    def process_line(self, text: str) -> None:
        self.line = text + "\n"
        self.line_number += 1
        self.offset = self.column = self.first_nonspace = self.first_nonspace_column = self.indent = 0
        self.blank = self.partially_consumed_tab = False
        last_matched, all_matched = self.check_open_blocks()
        if last_matched is None:
            return
        container = last_matched
        current = self.current
        container = self.open_new_blocks(container, all_matched)
        if current is self.current:
            self.add_text_to_container(container, last_matched)

    def peek(self, position: int) -> str:
        return self.line[position] if position < len(self.line) else ""

    def find_first_nonspace(self) -> None:
        line = self.line
        chars_to_tab = TAB_STOP - (self.column % TAB_STOP)
        if self.first_nonspace <= self.offset:
            self.first_nonspace, self.first_nonspace_column = self.offset, self.column
            while self.first_nonspace < len(line):
                char = line[self.first_nonspace]
                if char == " ":
                    self.first_nonspace += 1
                    self.first_nonspace_column += 1
                    chars_to_tab -= 1
                    if chars_to_tab == 0:
                        chars_to_tab = TAB_STOP
                elif char == "\t":
                    self.first_nonspace += 1
                    self.first_nonspace_column += chars_to_tab
                    chars_to_tab = TAB_STOP
                else:
                    break
        self.indent = self.first_nonspace_column - self.column
        self.blank = self.peek(self.first_nonspace) in ("\r", "\n")  # past the line ending is not blank

    def advance_offset(self, count: int, columns: bool) -> None:
        line = self.line
        while count > 0 and self.offset < len(line):
            if line[self.offset] == "\t":
                chars_to_tab = TAB_STOP - (self.column % TAB_STOP)
                if columns:
                    self.partially_consumed_tab = chars_to_tab > count
                    advance = min(count, chars_to_tab)
                    self.column += advance
                    self.offset += 0 if self.partially_consumed_tab else 1
                    count -= advance
                else:
                    self.partially_consumed_tab = False
                    self.column += chars_to_tab
                    self.offset += 1
                    count -= 1
            else:
                self.partially_consumed_tab = False
                self.offset += 1
                self.column += 1
                count -= 1

    # --- the rest of the line -----------------------------------------------------------------

    def add_text_to_container(self, container: Node, last_matched: Node) -> None:
        self.find_first_nonspace()
        current = self.current
        if current is not last_matched and container is last_matched and not self.blank and current.kind == PARAGRAPH:
            self.add_line(current)  # a lazy continuation line
            return
        while self.current is not last_matched:
            self.current = self.finalize(self.current)
        kind = container.kind
        if kind == CODE:
            pass
        elif kind == HTML:
            self.add_line(container)  # kept for reading tags that span lines
            if scanners.html_block_ends(container.data, self.line, self.first_nonspace):
                closed, container = container, self.finalize(container)
                closed.end_line = self.line_number  # its end marker's line is its last
        elif self.blank:
            pass
        elif kind in (PARAGRAPH, HEADING):
            self.advance_offset(self.first_nonspace - self.offset, False)
            self.add_line(container)
        else:
            container = self.add_child(container, PARAGRAPH)
            self.advance_offset(self.first_nonspace - self.offset, False)
            self.add_line(container)
        self.current = container

    def add_line(self, node: Node) -> None:
        padding = ""
        if self.partially_consumed_tab:
            self.offset += 1
            padding = " " * (TAB_STOP - (self.column % TAB_STOP))
        node.lines.append((self.line_number, self.offset - len(padding), padding + self.line[self.offset:]))

    def finalize(self, node: Node) -> Node | None:
        node.open = False
        node.end_line = self.line_number if node.kind == DOCUMENT or (node.kind == CODE and node.data) else self.line_number - 1
        if node.kind == PARAGRAPH and not node.resolve_references():
            node.kind = "references"  # a paragraph of link reference definitions only renders nothing
        return node.parent
