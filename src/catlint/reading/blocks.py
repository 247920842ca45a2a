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
from array import array

from catlint.reading import scanners
from catlint.reading.nodes import (
    BLOCK_QUOTE, CODE, DOCUMENT, FOOTNOTE, HEADING, HTML, ITEM, LIST, PARAGRAPH, ROW, TABLE, THEMATIC_BREAK,
    ListData, Node, accepts_lines, can_contain,
)
from catlint.reading.rows import segments

TAB_STOP = 4
CODE_INDENT = 4
# cmark-gfm stops a table once it has padded short rows with this many empty cells (a limit against
# a small file rendering as a huge table): the lines after that are not rows.
MAX_PADDED_CELLS = 0x80000
NOT_A_TABLE = "not a table"
# A line that continues a top-level table as a row and can start no block: up to three spaces,
# then a character no block starts with, or a pipe followed by a cell's text.
_PLAIN_ROW = re.compile(r" {0,3}+(?:[^ \t\r\n\v\f>#`~<*+\-_\[0-9|]|\|[ \t\v\f]*+[^ \t\v\f\r\n])")


class BlockParser:
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

    def _fast_rows(self, table: Node, lines: list[str], index: int) -> int:
        """Rows of a top-level table that need no block parsing, added in one loop."""
        data = table.data
        rows, starts, columns = data.row_lines, data.row_starts, data.columns
        match = _PLAIN_ROW.match
        number = self.line_number
        count = len(lines)
        while index < count:
            line = lines[index]
            if not match(line):
                break
            if line.count("|") <= columns or "\\" in line:  # it may be short: count its cells
                if data.padded_cells > MAX_PADDED_CELLS:
                    break
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

    # --- continuing open blocks ---------------------------------------------------------------

    def check_open_blocks(self) -> tuple[Node | None, bool]:
        container = self.root
        while True:
            child = container.last_child()
            if child is None or not child.open:
                return container, True
            container = child
            self.find_first_nonspace()
            kind = container.kind
            if kind == TABLE:
                matched = self._row_continues()
            elif kind == ROW:
                matched = False
            elif kind == BLOCK_QUOTE:
                matched = self._block_quote_prefix()
            elif kind == ITEM:
                matched = self._item_prefix(container)
            elif kind == CODE:
                matched, stop = self._code_prefix(container)
                if stop:
                    return None, False
            elif kind == HEADING:
                matched = False
            elif kind == HTML:
                matched = container.data in (1, 2, 3, 4, 5) or not self.blank
            elif kind == PARAGRAPH:
                matched = not self.blank
            elif kind == FOOTNOTE:
                matched = self._footnote_prefix()
            else:
                matched = True
            if not matched:
                return container.parent, False

    def _row_continues(self) -> bool:
        return bool(segments(self.line.rstrip("\r\n"), self.first_nonspace))

    def _block_quote_prefix(self) -> bool:
        if self.indent <= 3 and self.peek(self.first_nonspace) == ">":
            self.advance_offset(self.indent + 1, True)
            if self.peek(self.offset) in (" ", "\t"):
                self.advance_offset(1, True)
            return True
        return False

    def _item_prefix(self, item: Node) -> bool:
        data: ListData = item.data
        if self.indent >= data.marker_offset + data.padding:
            self.advance_offset(data.marker_offset + data.padding, True)
            return True
        if self.blank and item.children:
            self.advance_offset(self.first_nonspace - self.offset, False)
            return True
        return False

    def _code_prefix(self, code: Node) -> tuple[bool, bool]:
        """(matched, the line is used up: a closing fence)."""
        fence = code.data
        if fence is None:  # indented code
            if self.indent >= CODE_INDENT:
                self.advance_offset(CODE_INDENT, True)
                return True, False
            if self.blank:
                self.advance_offset(self.first_nonspace - self.offset, False)
                return True, False
            return False, False
        char, length, fence_offset = fence
        if self.indent <= 3 and self.peek(self.first_nonspace) == char:
            matched = scanners.close_code_fence(self.line, self.first_nonspace)
            if matched >= length:
                self.advance_offset(matched, False)
                self.current = self.finalize(code)
                return True, True
        remaining = fence_offset
        while remaining > 0 and self.peek(self.offset) in (" ", "\t"):
            self.advance_offset(1, True)
            remaining -= 1
        return True, False

    def _footnote_prefix(self) -> bool:
        if self.indent >= 4:
            self.advance_offset(4, True)
            return True
        return self.line in ("\n", "\r\n")

    # --- opening new blocks -------------------------------------------------------------------

    def open_new_blocks(self, container: Node, all_matched: bool) -> Node:
        maybe_lazy = self.current.kind == PARAGRAPH
        kind = container.kind
        while kind not in (CODE, HTML):
            self.find_first_nonspace()
            indented = self.indent >= CODE_INDENT
            line, start = self.line, self.first_nonspace
            opened = None
            if not indented and self.peek(start) == ">":
                self.advance_offset(start + 1 - self.offset, False)
                if self.peek(self.offset) in (" ", "\t"):
                    self.advance_offset(1, True)
                opened = self.add_child(container, BLOCK_QUOTE)
            elif not indented and (matched := scanners.atx_heading_start(line, start)):
                self.advance_offset(start + matched - self.offset, False)
                opened = self.add_child(container, HEADING)
                opened.data = "atx"
            elif not indented and (matched := scanners.open_code_fence(line, start)):
                opened = self.add_child(container, CODE)
                opened.data = (line[start], matched, start - self.offset)
                self.advance_offset(start + matched - self.offset, False)
            elif not indented and (html := scanners.html_block_start(line, start, kind == PARAGRAPH)):
                opened = self.add_child(container, HTML)
                opened.data = html
            elif not indented and kind == PARAGRAPH and scanners.setext_heading_level(line, start):
                if container.resolve_references():
                    container.kind, container.data = HEADING, "setext"
                    self.advance_offset(len(line) - 1 - self.offset, False)
                opened = container  # a heading now, or still a paragraph that takes the line as text
            elif not indented and not (kind == PARAGRAPH and not all_matched) and scanners.thematic_break(line, start):
                opened = self.add_child(container, THEMATIC_BREAK)
                self.advance_offset(len(line) - 1 - self.offset, False)
            elif not indented and self.footnotes and (footnote := scanners.footnote_definition(line, start)):
                self.advance_offset(start + footnote[0] - self.offset, False)
                opened = self.add_child(container, FOOTNOTE)
                opened.data = footnote[1]
            elif (not indented or kind == LIST) and self.indent < 4 and (marker := self._list_marker(kind == PARAGRAPH)):
                opened = self._open_list_item(container, marker)
            elif indented and not maybe_lazy and not self.blank:
                self.advance_offset(CODE_INDENT, True)
                opened = self.add_child(container, CODE)
            elif not indented and kind == PARAGRAPH:
                opened = self._open_table(container)
            elif not indented and kind == TABLE:
                opened = self._add_row(container)
            if opened is None:
                break
            container = opened
            if accepts_lines(container.kind):
                break
            kind = container.kind
            maybe_lazy = False
        return container

    def _list_marker(self, interrupts_paragraph: bool) -> tuple[int, ListData] | None:
        line, position = self.line, self.first_nonspace
        char = self.peek(position)
        if not char:
            return None
        if char in "*-+":
            position += 1
            if not self.peek(position) or self.peek(position) not in " \t\r\n":
                return None
            if interrupts_paragraph and _only_spaces_to_end(line, position):
                return None
            return position - self.first_nonspace, ListData("bullet", char, 0, "")
        if not char.isascii() or not char.isdigit():
            return None
        digits = 0
        while digits < 9 and position < len(line) and line[position].isascii() and line[position].isdigit():
            position += 1
            digits += 1
        start = int(line[self.first_nonspace:position])
        if interrupts_paragraph and start != 1:
            return None
        delimiter = self.peek(position)
        if not delimiter or delimiter not in ".)":
            return None
        position += 1
        if not self.peek(position) or self.peek(position) not in " \t\r\n":
            return None
        if interrupts_paragraph and _only_spaces_to_end(line, position):
            return None
        return position - self.first_nonspace, ListData("ordered", "", start, delimiter)

    def _open_list_item(self, container: Node, marker: tuple[int, ListData]) -> Node:
        matched, data = marker
        self.advance_offset(self.first_nonspace + matched - self.offset, False)
        saved = (self.partially_consumed_tab, self.offset, self.column)
        while self.column - saved[2] <= 5 and self.peek(self.offset) in (" ", "\t"):
            self.advance_offset(1, True)
        spaces = self.column - saved[2]
        if spaces >= 5 or spaces < 1 or self.peek(self.offset) in ("\r", "\n"):
            data.padding = matched + 1
            self.partially_consumed_tab, self.offset, self.column = saved
            if spaces > 0:
                self.advance_offset(1, True)
        else:
            data.padding = matched + spaces
        data.marker_offset = self.indent
        if container.kind != LIST or not container.data.same_list(data):
            container = self.add_child(container, LIST)
            container.data = data
        item = self.add_child(container, ITEM)
        item.data = data
        return item

    def _open_table(self, paragraph: Node) -> Node | None:
        """A delimiter row under a paragraph whose last line has as many cells turns it into a table."""
        start = self.first_nonspace
        if paragraph.data == NOT_A_TABLE or not scanners.table_delimiter_row(self.line, start):
            return None
        delimiter = segments(self.line.rstrip("\r\n"), start)
        header = segments(paragraph.lines[-1][2].rstrip("\r\n"), 0)
        if not header or len(header) != len(delimiter):
            paragraph.data = NOT_A_TABLE  # cmark-gfm tries a paragraph once: later delimiter rows are text
            return None
        paragraph.make_table(self.line_number, start, len(header))
        self.advance_offset(len(self.line) - 1 - self.offset, False)
        return paragraph

    def _add_row(self, table: Node) -> Node | None:
        if self.blank or table.data.padded_cells > MAX_PADDED_CELLS:
            return None
        table.data.padded_cells += max(0, table.data.columns - len(segments(self.line.rstrip("\r\n"), self.first_nonspace)))
        row = self.add_child(table, ROW)
        table.data.row_lines.append(self.line_number)
        table.data.row_starts.append(self.first_nonspace)
        self.advance_offset(len(self.line) - 1 - self.offset, False)
        return row

    def add_child(self, parent: Node, kind: str) -> Node:
        while not can_contain(parent.kind, kind):
            parent = self.finalize(parent)
        child = Node(kind, parent, self.line_number)
        parent.children.append(child)
        return child

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
            if scanners.html_block_ends(container.data, self.line, self.first_nonspace):
                container = self.finalize(container)
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


def _only_spaces_to_end(line: str, position: int) -> bool:
    while position < len(line) and line[position] in (" ", "\t"):
        position += 1
    return position < len(line) and line[position] in ("\r", "\n")
