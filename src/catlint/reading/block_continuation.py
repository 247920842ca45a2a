"""cmark-gfm's block continuation: how far each open block takes a line before new blocks may open.

Part of the block parser (`blocks.BlockParser`): block quotes take their `>`,
list items their indentation, footnote definitions theirs, code blocks and
HTML blocks their lines until they close, a table its rows.
"""

from __future__ import annotations

from catlint.reading import scanners
from catlint.reading.block_starts import CODE_INDENT
from catlint.reading.nodes import BLOCK_QUOTE, CODE, FOOTNOTE, HEADING, HTML, ITEM, PARAGRAPH, ROW, TABLE, ListData, Node
from catlint.reading.rows import count_segments


class BlockContinuation:
    """Continuing open blocks; mixed into `BlockParser`, whose line state it reads."""

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
        return count_segments(self.line.rstrip("\r\n"), self.first_nonspace) > 0

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
