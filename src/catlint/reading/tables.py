"""The GFM tables of a document, as GitHub renders them, with their cells and footnotes.

Which lines are tables, rows and cells is decided by the block parser in
`catlint.reading` (a port of cmark-gfm, GitHub's parser, checked against it
by the test suite): a row is split on every pipe that is not escaped, code
spans included, and a table ends where GitHub ends it. Footnotes are read
around a table: a marker line glued under the last row (GitHub renders it as
a row, which CAT002 reports), paragraphs of marker lines under the table up
to the next table, and GFM footnote definitions (`[^label]: text`) anywhere
in the file, each label's the one GitHub shows.
Columns are 1-based code points; end columns are exclusive.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from typing import NamedTuple

from catlint.reading.body import Cell, row_cells
from catlint.reading.markdown import MarkdownDocument
from catlint.reading.nodes import FOOTNOTE, PARAGRAPH, REFERENCES, TABLE, Node
from catlint.reading.references import normalize_label

_DEFINITION = re.compile(r"\[\^([^\] \r\n\x00\t]+)\]:")
# `\[\^([^\]\s]+)\]` tried once per run of label characters, from its first `[^`: tried from every
# `[^`, a run of them with no `]` took quadratic time. The labels found are the same.
_REFERENCE = re.compile(r"(?<![^\]\s])(?:[^\]\s\[]++|\[(?!\^))*+\[\^([^\]\s]++)\]")
_GARBLED_LENGTH = 3  # a garbled marker is a short run of non-ASCII characters (ยน for ¹)


class Span(NamedTuple):
    line: int
    start: int
    end: int


class Row(NamedTuple):
    """A header or delimiter row: its line, the line's text and its cells (with positions)."""

    line: int
    text: str
    cells: list[Cell]
    start: int = 0  # where the row's cells are read from: after a block quote's `>` or a list's indent


class Footnote(NamedTuple):
    line: int
    marker: str
    marker_span: Span
    text: str
    text_span: Span
    glued: bool


class Table:
    """A table GitHub renders: its header and delimiter rows, where its body rows are (footnote
    lines glued under it are notes, not rows), and its footnotes."""

    def __init__(self, header: Row, delimiter: Row, node: Node, nested: bool = False):
        self.header = header
        self.delimiter = delimiter
        self.node = node
        self.row_lines = array("I")  # 1-based line of each body row
        self.row_starts = array("I")
        self.footnotes: list[Footnote] = []
        self.end_line = 0  # the last line GitHub renders as part of the table
        self.nested = nested  # in a block quote, list item or footnote definition

    @property
    def first_line(self) -> int:
        return self.header.line

    @property
    def last_line(self) -> int:
        """Last line that belongs to the table or its footnotes."""
        return max([self.end_line] + [note.line for note in self.footnotes])

    @property
    def width(self) -> int:
        return len(self.header.cells)

    @property
    def alignments(self) -> list[str]:
        return [_alignment(cell.text) for cell in self.delimiter.cells]

    def row_start(self, line: int, text: str) -> int:
        """Where the cells of `text` begin: `text` is the table's row on `line`, perhaps edited. A
        nested table's row begins after its container prefix (`> `), which edits keep; a top-level
        row after its indent."""
        if not self.nested:
            return len(text) - len(text.lstrip(" \t"))
        if line in (self.header.line, self.delimiter.line):
            return self.header.start if line == self.header.line else self.delimiter.start
        index = bisect_left(self.row_lines, line)
        return self.row_starts[index] if index < len(self.row_lines) and self.row_lines[index] == line else 0


def read_tables(markdown: MarkdownDocument, parts: list[str], markers: str = "") -> list[Table]:
    """Every table GitHub renders in the document, in order, with its footnotes; `parts` are the
    document's lines as the block parser read them."""
    rendered = [node for node in markdown.tables if _rendered(markdown, node)]
    return [_table(markdown, parts, node, markers) for node in rendered]


def split_row(line: str, line_number: int, start: int = 0) -> list[Cell]:
    """Cells of one row read from `start` (its first non-space character), with their positions."""
    return row_cells(line, line_number, start)


def _rendered(markdown: MarkdownDocument, node: Node) -> bool:
    """A table in a footnote definition nobody refers to, or in a later definition of a label, is not shown."""
    parent = node.parent
    while parent is not None and parent.kind != FOOTNOTE:
        parent = parent.parent
    return parent is None or parent.data is None or markdown.rendered_footnote(parent)


def _table(markdown: MarkdownDocument, parts: list[str], node: Node, markers: str) -> Table:
    data, lines = node.data, markdown.lines
    header = _row(lines, data.header_line, data.header_start)
    delimiter = _row(lines, data.delimiter_line, data.delimiter_start)
    table = Table(header, delimiter, node, nested=node.parent.kind != "document")
    table.end_line = data.row_lines[-1] if data.row_lines else data.delimiter_line
    for line, start in zip(data.row_lines, data.row_starts):
        text = parts[line - 1]
        text = text if "|" not in text else None  # a pipeless line may be a glued note
        note = _footnote(text, line, start, markers, glued=True) if text is not None else None
        if note is not None:
            table.footnotes.append(note)
        else:  # GitHub renders every line up to the blank one as a row, even after a footnote
            table.row_lines.append(line)
            table.row_starts.append(start)
    table.footnotes += _notes_after(markdown, node, table, markers)
    return table


def _row(lines, line: int, start: int) -> Row:
    text = lines[line - 1]
    return Row(line, text, row_cells(text, line, start), start)


def _notes_after(markdown: MarkdownDocument, node: Node, table: Table, markers: str) -> list[Footnote]:
    """Paragraphs of marker lines under the table up to the next table (headings and prose may
    stand between), GFM footnote definitions right after it, then the definitions elsewhere in
    the file that a cell of the table refers to."""
    notes = []
    siblings = node.parent.children
    adjacent = True  # in the run of notes right under the table
    for sibling in siblings[siblings.index(node) + 1 :]:
        if sibling.kind == TABLE:
            break  # the notes under another table are its own
        if sibling.kind == REFERENCES:
            continue
        if sibling.kind == FOOTNOTE:
            if adjacent and markdown.footnote_definitions.get(normalize_label(sibling.data)) is sibling:
                note = _definition_note(markdown.lines, sibling)  # (another definition of a label is dropped)
                notes += [note] if note is not None else []
            continue
        found = _paragraph_notes(markdown, sibling, markers) if sibling.kind == PARAGRAPH else []
        adjacent = adjacent and bool(found)
        notes += found
    seen = {note.line for note in notes}
    referred = _referred_labels(markdown, table) if markdown.footnote_definitions else set()
    for label, definition in markdown.footnote_definitions.items():
        if label in referred and definition.start_line not in seen:
            note = _definition_note(markdown.lines, definition)
            if note is not None:
                notes.append(note)
    return notes


def _paragraph_notes(markdown: MarkdownDocument, paragraph: Node, markers: str) -> list[Footnote]:
    """The note lines of a paragraph that starts with one (none when it starts with prose)."""
    line, start, _ = paragraph.lines[0]
    if _footnote(markdown.lines[line - 1], line, start, markers, glued=False) is None:
        return []
    found = (_footnote(markdown.lines[line - 1], line, start, markers, glued=False) for line, start, _ in paragraph.lines)
    return [note for note in found if note is not None]


def _referred_labels(markdown: MarkdownDocument, table: Table) -> set[str]:
    """The [^label] references in the table's body rows."""
    labels = set()
    for line in table.row_lines:
        text = markdown.lines[line - 1]
        if "[^" in text:
            labels.update(normalize_label(label) for label in _REFERENCE.findall(text))
    return labels


def _definition_note(lines: list[str], definition: Node) -> Footnote | None:
    text = lines[definition.start_line - 1]
    match = _DEFINITION.search(text)
    if match is None:
        return None
    return _footnote(text, definition.start_line, match.start(), "", glued=False)


def _footnote(text: str, line: int, start: int, markers: str, glued: bool) -> Footnote | None:
    """A footnote line read from `start`: a marker (one of the schema's, `[^label]:`, or a garbled
    marker), spaces, then the note. Plain string steps, not a regular expression: linear."""
    position = start
    while position < len(text) and text[position] == " " and position - start < 3:
        position += 1
    marker_end = _marker_end(text, position, markers, glued)
    if marker_end is None or marker_end >= len(text) or text[marker_end] not in " \t":
        return None
    body = text[marker_end:]
    note = body.strip(" \t")
    if not note:
        return None
    note_start = marker_end + len(body) - len(body.lstrip(" \t"))
    marker = text[position:marker_end].rstrip(":")
    return Footnote(line, marker, Span(line, position + 1, marker_end + 1), note,
                    Span(line, note_start + 1, note_start + len(note) + 1), glued)


def _marker_end(text: str, position: int, markers: str, glued: bool) -> int | None:
    match = _DEFINITION.match(text, position)
    if match:
        return match.end()
    end = position
    while end < len(text) and text[end] in markers:
        end += 1
    if end > position:
        return end
    while end < len(text) and not text[end].isascii() and text[end] not in " \t|" and end - position < _GARBLED_LENGTH:
        end += 1
    token = text[position:end]
    if not token or (end < len(text) and text[end] not in " \t"):
        return None
    return end if glued or _repairs_to_marker(text[position:], len(token), markers) else None


def _repairs_to_marker(line: str, length: int, markers: str) -> bool:
    """A garbled marker after a blank line: the repair of its line turns it into a footnote
    marker (ยน Amount of ... is ¹ Amount of ...)."""
    from catlint.reading.mojibake import repair

    fixed = repair(line, markers)
    marker = fixed[: len(fixed) - (len(line) - length)]
    return fixed.endswith(line[length:]) and marker != line[:length] and bool(marker) and all(char in markers for char in marker)


def _alignment(delimiter: str) -> str:
    text = delimiter.replace(" ", "")
    left, right = text.startswith(":"), text.endswith(":")
    return "center" if left and right else "right" if right else "left" if left else "none"
