"""A text's lines as offsets into the text: the text is held once, a line is cut out when asked for.

Only CR, LF and CRLF end lines, as in Markdown. `Lines` is 0-based like a
list; `line(n)` and `offset(n, column)` take the 1-based numbers findings use.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from itertools import accumulate

_EOL = re.compile(r"\r\n|\r|\n")


class Lines:
    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str, starts: array, ends: array):
        self.text = text
        self.starts = starts  # where each line's content starts
        self.ends = ends  # where it ends, before its line ending

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> str:
        if index < 0:
            index += len(self.starts)
        return self.text[self.starts[index] : self.ends[index]]

    def __iter__(self):
        text = self.text
        return (text[start:end] for start, end in zip(self.starts, self.ends))

    def line(self, number: int) -> str:
        """The 1-based line `number`."""
        return self[number - 1]

    def ending(self, index: int) -> str:
        """The line ending of the 0-based line `index` ("" for a last line without one)."""
        following = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.text[self.ends[index] : following]

    def offset(self, number: int, column: int = 1) -> int:
        """Text offset of a 1-based line and column."""
        return self.starts[number - 1] + column - 1

    def position(self, offset: int) -> tuple[int, int]:
        """(1-based line, 1-based column) of a text offset."""
        index = max(0, bisect_right(self.starts, offset) - 1)
        return index + 1, offset - self.starts[index] + 1


def lines_of(text: str) -> Lines:
    """The text's lines as offsets only: lines are cut from the text when read."""
    return split_lines(text)[1]


def split_lines(text: str) -> tuple[list[str], Lines]:
    """The lines as a list (for one pass of the block parser; let it go afterwards) and as offsets."""
    if "\r" not in text:  # the common case, LF only: split and measure in C
        parts = text.split("\n")
        if parts and parts[-1] == "":
            parts.pop()
        starts = array("I", accumulate((len(part) + 1 for part in parts[:-1]), initial=0)) if parts else array("I")
        ends = array("I", (start + len(part) for start, part in zip(starts, parts)))
        return parts, Lines(text, starts, ends)
    parts, starts, ends, start = [], array("I"), array("I"), 0
    for match in _EOL.finditer(text):
        parts.append(text[start : match.start()])
        starts.append(start)
        ends.append(match.start())
        start = match.end()
    if start < len(text):
        parts.append(text[start:])
        starts.append(start)
        ends.append(len(text))
    return parts, Lines(text, starts, ends)
