"""Building findings: spans, fixes that replace a span, messages that quote a cell, and the
subject that keeps a finding's identity when unrelated lines move."""

from __future__ import annotations

from catlint.diagnostics import Edit, Finding, Fix, Position
from catlint.reading.body import Cell
from catlint.reading.cell_text import drops_markup
from catlint.reading.tables import Span


def shown(text: str, limit: int = 40) -> str:
    """A cell's text as a message quotes it: repr, cut short when long."""
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def at_span(span: Span, message: str, fix: Fix | None = None, subject: tuple[str, ...] = ()) -> Finding:
    return Finding(Position(span.line, span.start), Position(span.line, span.end), message, fix, subject)


def replace(span: Span, content: str, message: str, applicability: str = "safe") -> Fix:
    edit = Edit(Position(span.line, span.start), Position(span.line, span.end), content)
    return Fix(applicability, message, (edit,))


def normalising_fix(span: Span, text: str, wanted: str, message: str) -> Fix | None:
    """A safe fix writing a cell's canonical form, or None when the cell holds markup its plain
    text drops (`[1200](https://x.org)`, `MR<br>CT`): the canonical form would drop it too."""
    return None if drops_markup(text) else replace(span, wanted, message)


def cell_span(cell: Cell) -> Span:
    return Span(cell.line, cell.start, cell.end)


def line_span(catalogue, line: int) -> Span:
    return Span(line, 1, len(catalogue.lines[line - 1]) + 1)


def with_comments(text: str, canonical: str) -> str | None:
    """What to write for a cell whose value's canonical form is `canonical`, keeping its HTML
    comments (`1200 <!-- approx -->` becomes `1,200 <!-- approx -->`); None when it is canonical."""
    if "<!--" not in text:
        return None if text == canonical else canonical
    spans = comment_spans(text)
    gaps = zip([0, *(end for _, end in spans)], [*(start for start, _ in spans), len(text)])
    if "".join(text[start:end] for start, end in gaps).strip() == canonical:
        return None
    return " ".join([canonical, *(text[start:end] for start, end in spans)])


def comment_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each `<!-- … -->`, each ending at the first `-->` after its `<!--`, found
    in one pass (a lazy `<!--.*?-->` scanned to the end once for each unclosed `<!--`)."""
    spans, position = [], 0
    while (start := text.find("<!--", position)) >= 0 and (end := text.find("-->", start + 4)) >= 0:
        position = end + 3
        spans.append((start, position))
    return spans


def row_subject(catalogue, row: int) -> tuple[str, ...]:
    """A finding's stable identity: the row's source name rather than its line."""
    record = catalogue.record(row)
    name = record.value("source")
    if name:
        return (str(name),)
    text = record.text("source")
    if text is not None:
        return (text,)
    texts = catalogue.body.texts(row)
    return (texts[0] if texts and texts[0] is not None else "",)


def line_subject(catalogue, line: int) -> tuple[str, ...]:
    """The identity of whatever is on `line`: the header, a row (by its source name), or the text."""
    table = catalogue.table
    if line == table.header.line:
        return ("header",)
    if line == table.delimiter.line:
        return ("delimiter",)
    row = catalogue.row_at(line)
    return row_subject(catalogue, row) if row is not None else ("line", catalogue.lines[line - 1].strip())
