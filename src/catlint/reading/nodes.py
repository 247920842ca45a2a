"""The block tree's nodes: kinds, what each kind may contain, and per-kind data."""

from __future__ import annotations

from array import array

DOCUMENT, BLOCK_QUOTE, LIST, ITEM, FOOTNOTE = "document", "block_quote", "list", "item", "footnote_definition"
CODE, HTML, PARAGRAPH, HEADING, THEMATIC_BREAK = "code_block", "html_block", "paragraph", "heading", "thematic_break"
TABLE, ROW = "table", "table_row"
REFERENCES = "references"  # a paragraph that held only link reference definitions: it renders nothing
_CONTAINERS = frozenset({DOCUMENT, BLOCK_QUOTE, FOOTNOTE, ITEM})


def can_contain(parent: str, child: str) -> bool:
    if parent in _CONTAINERS:
        return child not in (ITEM, ROW, DOCUMENT)
    if parent == LIST:
        return child == ITEM
    if parent == TABLE:
        return child == ROW
    return False


def accepts_lines(kind: str) -> bool:
    return kind in (PARAGRAPH, HEADING, CODE)


class ListData:
    __slots__ = ("kind", "bullet", "start", "delimiter", "marker_offset", "padding")

    def __init__(self, kind: str, bullet: str, start: int, delimiter: str, marker_offset: int = 0, padding: int = 0):
        self.kind = kind  # "bullet" or "ordered"
        self.bullet = bullet
        self.start = start
        self.delimiter = delimiter
        self.marker_offset = marker_offset
        self.padding = padding

    def same_list(self, other: "ListData") -> bool:
        return (self.kind, self.delimiter, self.bullet) == (other.kind, other.delimiter, other.bullet)


class TableData:
    """Where a table's rows are: line numbers and the offset each row's cells are read from."""

    __slots__ = ("header_line", "header_start", "delimiter_line", "delimiter_start", "columns", "row_lines", "row_starts",
                 "padded_cells")

    def __init__(self, header_line: int, header_start: int, delimiter_line: int, delimiter_start: int, columns: int):
        self.header_line = header_line
        self.header_start = header_start
        self.delimiter_line = delimiter_line
        self.delimiter_start = delimiter_start
        self.columns = columns
        self.row_lines = array("I")
        self.row_starts = array("I")
        self.padded_cells = 0  # empty cells GitHub adds to short rows


class Node:
    __slots__ = ("kind", "parent", "children", "open", "start_line", "end_line", "data", "lines", "references")

    def __init__(self, kind: str, parent: "Node | None", start_line: int):
        self.kind = kind
        self.parent = parent
        self.children: list[Node] = []
        self.open = True
        self.start_line = start_line
        self.end_line = start_line
        self.data = None
        # Paragraph, heading and HTML block text: (line number, offset in the line, text from there incl. its ending).
        self.lines: list[tuple[int, int, str]] = []
        self.references: list = []

    def last_child(self) -> "Node | None":
        return self.children[-1] if self.children else None

    def resolve_references(self) -> bool:
        """Take the link reference definitions off the start of a paragraph; True when text remains."""
        from catlint.reading.references import take_definitions

        found, self.lines = take_definitions(self.lines)
        self.references += found
        return any(text.strip(" \t\r\n") for _, _, text in self.lines)

    def make_table(self, delimiter_line: int, delimiter_start: int, columns: int) -> None:
        """This paragraph's last line is a table's header: the lines before it stay a paragraph."""
        header_line, header_start, _ = self.lines[-1]
        if len(self.lines) > 1:
            before = Node(PARAGRAPH, self.parent, self.start_line)
            before.lines, before.open = self.lines[:-1], False
            before.end_line = header_line - 1
            self.parent.children.insert(self.parent.children.index(self), before)
        self.kind, self.start_line = TABLE, header_line
        self.data = TableData(header_line, header_start, delimiter_line, delimiter_start, columns)
        self.lines = []

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()
