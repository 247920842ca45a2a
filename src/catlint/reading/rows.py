"""GFM table rows: where each cell of a line begins and ends, as cmark-gfm splits them.

A row is split on every pipe that is not escaped (`\\|`); code spans do not
protect pipes, because GitHub splits rows before it reads inline markup. A
leading and a trailing pipe are optional. Offsets are code points in the line,
which has no line ending; a cell's segment runs from just after its pipe to
just before the next one, and its text is the segment trimmed.
"""

from __future__ import annotations

# cmark-gfm's spacechar in tables, and what it trims from a cell (cmark_isspace: not \v or \f).
SPACECHARS = " \t\v\f"
TRIMMED = " \t\r\n"
# After a backslash these characters are escaped, so an escaped pipe does not split.
ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def segments(line: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each cell's raw segment, from `start` (the row's first non-space
    character); an empty list when the line holds no cell (blank, or a lone pipe)."""
    if "\\" not in line:
        return _plain_segments(line, start)
    return _general_segments(line, start)


def count_segments(line: str, start: int = 0) -> int:
    """`len(segments(line, start))` without making the segments: a row of a million empty
    cells costs no object per cell."""
    if "\\" in line:
        return sum(1 for _ in each_segment(line, start))
    pipes = line.count("|", start)
    if not pipes:
        return 1 if start < len(line) else 0
    after_last = line[line.rindex("|") + 1 :]
    return pipes + 1 - line.startswith("|", start) - (not after_last.strip(SPACECHARS))


def _general_segments(line: str, start: int) -> list[tuple[int, int]]:
    return list(each_segment(line, start))


def each_segment(line: str, start: int = 0):
    """`segments` one at a time: the first few cells of a long row cost only what they span."""
    length = len(line)
    position = _after_pipe(line, start) if start < length and line[start] == "|" else start
    while position < length:
        end = _cell_end(line, position)
        yield position, end
        if end < length:  # a pipe: more cells may follow
            position = _after_pipe(line, end)
        else:
            break


def _plain_segments(line: str, start: int) -> list[tuple[int, int]]:
    """The same as `segments` for a line without backslashes: every pipe separates."""
    parts = line[start:].split("|")
    position, after_pipe = start, False
    if line.startswith("|", start):
        position, parts, after_pipe = start + 1, parts[1:], True
    found = []
    last = len(parts) - 1
    for index, part in enumerate(parts):
        if index == last and not (part.strip(SPACECHARS) if index or after_pipe else part):
            break  # nothing, or spaces after the closing pipe: not a cell
        found.append((position, position + len(part)))
        position += len(part) + 1
    return found


def _after_pipe(line: str, pipe: int) -> int:
    """The segment starts right after its pipe; the spaces that follow are the cell's padding."""
    position = pipe + 1
    while position < len(line) and line[position] in SPACECHARS:
        position += 1
    return pipe + 1 if position < len(line) else position


def _cell_end(line: str, position: int) -> int:
    """The next pipe that splits: cmark-gfm's cell scanner takes the longest match, so a pipe
    right after a backslash never splits, however many backslashes precede it."""
    while (pipe := line.find("|", position)) > 0 and line[pipe - 1] == "\\":
        position = pipe + 1
    return len(line) if pipe < 0 else pipe


def cell_text(line: str, start: int, end: int) -> str:
    """A segment's text as written: padding removed, escaped pipes kept (`\\|`)."""
    return line[start:end].strip(TRIMMED)


def unescape_pipes(text: str) -> str:
    """A cell's text as inline Markdown: GFM turns `\\|` into `|` before reading the inlines."""
    return text.replace("\\|", "|") if "\\|" in text else text
