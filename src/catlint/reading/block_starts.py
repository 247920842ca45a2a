"""cmark-gfm's block starts: which new blocks a line opens once the open ones have taken their prefixes.

Part of the block parser (`blocks.BlockParser`): ATX and setext headings,
fenced and indented code, HTML blocks, thematic breaks, block quotes, list items,
footnote definitions and GFM tables (the table extension's open hook).
"""

from __future__ import annotations

from catlint.reading import scanners
from catlint.reading.nodes import (
    BLOCK_QUOTE, CODE, FOOTNOTE, HEADING, HTML, ITEM, LIST, PARAGRAPH, ROW, TABLE, THEMATIC_BREAK, ListData, Node, accepts_lines, can_contain,
)
from catlint.reading.rows import count_segments

CODE_INDENT = 4
# cmark-gfm stops a table once it has padded short rows with this many empty cells (a limit against
# a small file rendering as a huge table): the lines after that are not rows.
MAX_PADDED_CELLS = 0x80000
NOT_A_TABLE = "not a table"


class BlockStarts:
    """Opening new blocks; mixed into `BlockParser`, whose line state it reads."""

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
        delimiter = count_segments(self.line.rstrip("\r\n"), start)
        header = count_segments(paragraph.lines[-1][2].rstrip("\r\n"), 0)
        if not header or header != delimiter:
            paragraph.data = NOT_A_TABLE  # cmark-gfm tries a paragraph once: later delimiter rows are text
            return None
        paragraph.make_table(self.line_number, start, header)
        self.advance_offset(len(self.line) - 1 - self.offset, False)
        return paragraph

    def _add_row(self, table: Node) -> Node | None:
        if self.blank or table.data.padded_cells > MAX_PADDED_CELLS:
            return None
        table.data.padded_cells += max(0, table.data.columns - count_segments(self.line.rstrip("\r\n"), self.first_nonspace))
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


def _only_spaces_to_end(line: str, position: int) -> bool:
    while position < len(line) and line[position] in (" ", "\t"):
        position += 1
    return position < len(line) and line[position] in ("\r", "\n")
