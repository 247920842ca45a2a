"""A Markdown document as GitHub reads it: its blocks, tables, definitions and inline content.

`read_markdown(parts, lines)` runs the block parser once; the result lists every
table (with each row's cells), every piece of inline content (paragraphs,
headings, table cells) with a map back to source positions, the link
reference definitions and the footnote definitions. Links are read from the
inline content on demand (`links()`), through every definition in the file.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from itertools import islice
from typing import Any, NamedTuple

from catlint.reading import autolinks, inlines
from catlint.reading.blocks import BlockParser
from catlint.reading.nodes import FOOTNOTE, HEADING, HTML, PARAGRAPH, TABLE, Node
from catlint.reading.references import locate, normalize_label
from catlint.reading.rows import each_segment, unescape_pipes

# A text without any of these holds no link, image, raw HTML, code span or footnote reference.
MARKUP = ("[", "<", "`", "\\", "&", "://", "www.", "@")
# cmark-gfm resolves no footnote reference whose label is longer in UTF-8 bytes (its link label limit).
MAX_LABEL = 1000
# A cell of one bare URL and nothing that could start other markup: one link, the URL.
_BARE_URL = re.compile(r"[A-Za-z]{3,5}://[^\s<\[`\\&!|]*\Z")


class Inline(NamedTuple):
    """A piece of inline Markdown and where it is: `lines` as the block parser gives them
    ((line number, offset, text)), or one table cell (`cell` = (line, start, end))."""

    kind: str  # "paragraph", "heading" or "cell"
    lines: tuple = ()
    cell: tuple[int, int, int] | None = None
    footnote: Node | None = None  # the footnote definition it stands in

    @property
    def text(self) -> str:
        return "".join(piece for _, _, piece in self.lines)

    def position(self, offset: int) -> tuple[int, int]:
        """(1-based line, 0-based offset in that line) of an offset into the parsed text."""
        if self.cell is None:
            return locate(list(self.lines), offset)
        return self.cell[0], self.cell[1] + offset

    def first_line(self) -> int:
        return self.cell[0] if self.cell else self.lines[0][0]


class FoundLink(NamedTuple):
    link: inlines.Link
    inline: Inline
    line: int  # where the destination is written (its definition's, for a reference link)
    start: int  # 0-based offsets in that line
    end: int
    shown_line: int  # where the link itself stands
    shown_start: int
    shown_end: int
    text: str | None = None  # the link text of a [text](url) link or an image's alt text


class MarkdownDocument:
    def __init__(self, lines: Any, root: Node):
        self.lines = lines  # catlint.reading.lines.Lines: the text held once, a line cut out when asked for
        self.root = root
        self.tables: list[Node] = []
        self.definitions: dict = {}
        self.footnote_definitions: dict[str, Node] = {}
        self.html_blocks: list[tuple[int, int]] = []  # first and last line
        self.html_block_nodes: list[Node] = []  # the same blocks; their `lines` hold the HTML

    def inline_content(self, needles: tuple[str, ...] = MARKUP, skip: frozenset = frozenset()):
        """Every piece of inline content holding one of `needles`, in document order: paragraphs,
        headings and table cells (a table in `skip` is left out: the caller reads it itself)."""
        stack = [(self.root, None)]
        while stack:
            node, footnote = stack.pop()
            if node.kind == FOOTNOTE:
                footnote = node
            if node.kind in (PARAGRAPH, HEADING) and node.lines:
                if any(needle in piece for _, _, piece in node.lines for needle in needles):
                    yield Inline(node.kind, tuple(node.lines), footnote=footnote)
            elif node.kind == TABLE and node not in skip:
                yield from self.table_cells(node, needles, footnote)
            stack.extend((child, footnote) for child in reversed(node.children))

    def table_cells(self, table: Node, needles: tuple[str, ...], footnote: Node | None = None):
        """The cells GitHub shows (a row's cells past the header's count are dropped) that hold
        one of `needles`; a row without any is not split."""
        data = table.data
        rows = [(data.header_line, data.header_start)] + list(zip(data.row_lines, data.row_starts))
        for line, start in rows:
            text = self.lines[line - 1]
            if not any(needle in text for needle in needles):
                continue
            for cell_start, cell_end in islice(each_segment(text, start), data.columns):
                raw = text[cell_start:cell_end]
                if any(needle in raw for needle in needles):
                    yield Inline("cell", cell=(line, cell_start, cell_end), footnote=footnote)

    @cached_property
    def referenced_footnotes(self) -> frozenset[str]:
        """Labels some text refers to: GitHub shows only those definitions. cmark-gfm resolves
        references after parsing every block, so a reference counts wherever it stands, in a
        definition that is dropped or never shown included."""
        labels = set()
        for inline in self.inline_content(("[^",)):
            labels.update(normalize_label(label) for label, _, _ in self.parse(inline).footnotes if _resolvable(label))
        return frozenset(labels)

    def rendered(self, inline: Inline) -> bool:
        """Whether GitHub shows the inline: a footnote definition's content only when the definition
        is the one its label resolves to (another is dropped with all it holds) and something refers
        to it. A definition inside a dropped one is shown on its own when it is its label's."""
        return inline.footnote is None or self.rendered_footnote(inline.footnote)

    def rendered_footnote(self, footnote: Node) -> bool:
        label = normalize_label(footnote.data)
        return self.footnote_definitions.get(label) is footnote and label in self.referenced_footnotes

    def inline_text(self, inline: Inline) -> str:
        """The inline's text as written (a cell's with its escaped pipes)."""
        if inline.cell is None:
            return inline.text
        line, start, end = inline.cell
        return self.lines[line - 1][start:end]

    def locator(self, inline: Inline):
        """offset in the inline's parsed text (a cell's pipes unescaped) -> (line, offset in that line)."""
        return _locator(inline, self.inline_text(inline))

    def parse(self, inline: Inline) -> inlines.Inlines:
        raw = self.inline_text(inline)
        return inlines.parse(unescape_pipes(raw) if inline.cell else raw, self.definitions)

    def links(self, skip: frozenset = frozenset()):
        """Every link GitHub renders outside the tables in `skip`, with where its destination and
        the link itself are written."""
        for inline in self.inline_content(MARKUP, skip):
            if not self.rendered(inline):
                continue
            raw = self.inline_text(inline)
            text = unescape_pipes(raw) if inline.cell else raw
            found = (bare_url(raw) if inline.cell else None) or inlines.parse(text, self.definitions).links
            if found:
                at = _locator(inline, raw)
                for link in found:
                    yield self._found(link, inline, at, text)

    def _found(self, link: inlines.Link, inline: Inline, at, text: str) -> FoundLink:
        shown_line, shown_start = at(link.start)
        end_line, shown_end = at(link.end - 1) if link.end > link.start else (shown_line, shown_start - 1)
        shown_end = shown_end + 1 if end_line == shown_line else len(self.lines[shown_line - 1])  # to the end of its first line
        shown = text[link.text[0] : link.text[1]] if link.text else None
        if link.target is None:
            definition = self.definitions[link.label]
            return FoundLink(link, inline, definition.line, definition.start, definition.end, shown_line, shown_start, shown_end, shown)
        line, start = at(link.target[0])
        end = at(link.target[1] - 1)[1] + 1 if link.target[1] > link.target[0] else start
        return FoundLink(link, inline, line, start, end, shown_line, shown_start, shown_end, shown)


def bare_url(raw: str) -> tuple | None:
    """The link of a cell that is one bare URL (most link cells), without the inline parser;
    None when the cell holds anything else."""
    if autolinks.whole_url(raw):
        return (inlines.Link("url", raw, 0, len(raw), (0, len(raw))),)
    if _BARE_URL.match(raw) is None:
        return None
    found = autolinks.url_at_colon(raw, raw.index(":"))
    if found is None:
        return None
    start, end, url = found
    return (inlines.Link("url", url, start, end, (start, end)),)


def _locator(inline: Inline, raw: str):
    """offset in the parsed text -> (line, offset in that line), in constant time per call."""
    if inline.cell is not None:
        line, start, _ = inline.cell
        positions = _cell_positions(raw)
        return lambda offset: (line, start + (positions[offset] if positions else offset))
    starts, total = [], 0
    for _, _, piece in inline.lines:
        starts.append(total)
        total += len(piece)

    def at(offset: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        number, start, _ = inline.lines[index]
        return number, start + offset - starts[index]

    return at


def _cell_positions(raw: str) -> list[int] | None:
    """For a cell with escaped pipes: the offset in `raw` of each character of its unescaped text."""
    if "\\|" not in raw:
        return None
    positions, index = [], 0
    while index < len(raw):
        if raw.startswith("\\|", index):
            index += 1
        positions.append(index)
        index += 1
    return positions + [len(raw)]


def _resolvable(label: str) -> bool:
    return len(label) <= MAX_LABEL // 4 or len(label.encode("utf-8")) <= MAX_LABEL


def _define_footnote(definitions: dict[str, Node], node: Node) -> None:
    """cmark-gfm registers a definition when its block closes, inner ones first, and a label
    keeps the first registered: the first definition in the document that holds no other
    definition of its label. Nodes come here in document order, so a definition replaces the
    one found before only when it stands inside it."""
    label = normalize_label(node.data)
    found = definitions.get(label)
    if found is None or _inside(node, found):
        definitions[label] = node


def _inside(node: Node, container: Node) -> bool:
    parent = node.parent
    while parent is not None and parent is not container:
        parent = parent.parent
    return parent is container


def read_markdown(parts: list[str], lines=None) -> MarkdownDocument:
    """The document whose lines are `parts` (read once by the block parser); `lines` is what the
    document keeps to cut lines from later (the list itself when not given)."""
    root = BlockParser().parse(parts)
    document = MarkdownDocument(parts if lines is None else lines, root)
    stack = [root]
    while stack:
        node = stack.pop()
        if node.kind == TABLE:
            document.tables.append(node)
        elif node.kind == HTML:
            document.html_blocks.append((node.start_line, node.end_line))
            document.html_block_nodes.append(node)
        elif node.kind == FOOTNOTE:
            _define_footnote(document.footnote_definitions, node)
        for definition in node.references:
            document.definitions.setdefault(definition.key, definition)
        stack.extend(reversed(node.children))
    return document
