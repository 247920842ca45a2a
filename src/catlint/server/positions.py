"""Positions between catlint and the client.

catlint counts 1-based lines and 1-based columns in code points; the Language
Server Protocol counts 0-based lines and characters in the encoding the client
and server agreed on: UTF-16 code units unless the client offers UTF-8 or
UTF-32. An emoji is one code point, two UTF-16 units and four UTF-8 bytes; a
CJK character one, one and three. Lines end at CR, LF or CRLF in both (not at
the other characters `str.splitlines` breaks on, such as U+2028 or a form feed).
"""

from __future__ import annotations

from lsprotocol import types

from catlint.reading.lines import Lines, split_lines

UTF8, UTF16, UTF32 = (types.PositionEncodingKind.Utf8.value, types.PositionEncodingKind.Utf16.value,
                      types.PositionEncodingKind.Utf32.value)


def units(text: str, encoding: str) -> int:
    """The length of `text` in the encoding's code units."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def code_points(line: str, count: int, encoding: str) -> int:
    """How many code points of `line` its first `count` code units take (past the end: the whole
    line; inside a character: up to its end)."""
    if encoding == UTF32 or line.isascii():
        return min(max(count, 0), len(line))
    taken = 0
    for index, char in enumerate(line):
        if taken >= count:
            return index
        taken += units(char, encoding)
    return len(line)


class TextPositions:
    """One text's lines, for converting positions both ways."""

    def __init__(self, text: str, encoding: str, lines: Lines | None = None):
        self.text, self.encoding = text, encoding
        self.lines = lines if lines is not None else split_lines(text)[1]

    def to_client(self, row: int, column: int) -> types.Position:
        """catlint's (line, column) as the client's position; past the last line: the end of the text."""
        if row > len(self.lines):
            return self.end()
        line = self.lines.line(row)
        return types.Position(line=row - 1, character=units(line[: column - 1], self.encoding))

    def range(self, start, end) -> types.Range:
        return types.Range(start=self.to_client(start.row, start.column), end=self.to_client(end.row, end.column))

    def end(self) -> types.Position:
        """The position after the last character: the empty line after a final line break."""
        if not self.lines or self.text.endswith(("\n", "\r")):
            return types.Position(line=len(self.lines), character=0)
        return types.Position(line=len(self.lines) - 1, character=units(self.lines[-1], self.encoding))

    def from_client(self, position: types.Position) -> tuple[int, int]:
        """The client's position as catlint's (line, column); past the last line: the line after it."""
        if position.line >= len(self.lines):
            return len(self.lines) + 1, 1
        line = self.lines[position.line]
        return position.line + 1, code_points(line, position.character, self.encoding) + 1

    def offset(self, position: types.Position) -> int:
        """Where the client's position is in the text."""
        row, column = self.from_client(position)
        return len(self.text) if row > len(self.lines) else self.lines.offset(row, column)

    def position_at(self, offset: int) -> types.Position:
        """The client's position of a text offset."""
        if offset >= len(self.text):
            return self.end()
        row, column = self.lines.position(offset)
        return self.to_client(row, min(column, len(self.lines.line(row)) + 1))
