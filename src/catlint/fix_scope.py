"""Which fixes may be offered: the edits of one finding, and nothing beyond the cells it names.

A fix is checked on the raw text of the lines it edits, not on parsed values:
values of a damaged row are invalid before and after a bad edit, so comparing
them proves nothing. A fix passes when every cell it does not target keeps
its text exactly and the row keeps its number of cells; a fix that rewrites
whole lines (layout, row order, a blank line) must keep every cell of every
row. A row whose cell count differs from the header's gets no fix at all: its
cells may sit in the wrong columns (a value typed into an extra cell, a row
pasted as tab-separated text), so no edit of them is known to be safe. Only a
rule that declares `RESHAPES_ROW` (the split of a tab-separated paste) may
change a row's cells, and its fix is unsafe.

`check_document` applies this to every diagnostic, so the fixer, `links
--fix`, every report and every suggestion see the same fixes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

from catlint.diagnostics import Diagnostic, last_row
from catlint.rules import find_rule
from catlint.table import segment_bounds, split_row


def confined_fixes(diagnostics: list[Diagnostic], document) -> list[Diagnostic]:
    """The diagnostics, each fix withheld (the problem reported without it) unless it is confined."""
    if not any(diagnostic.fix for diagnostic in diagnostics):
        return diagnostics
    rows = _rows_by_line(document)
    width = len(document.table.header.cells)
    return [d if d.fix is None or is_confined(document, d, rows, width) else replace(d, fix=None) for d in diagnostics]


def is_confined(document, diagnostic: Diagnostic, rows: dict | None = None, width: int | None = None) -> bool:
    rows = _rows_by_line(document) if rows is None else rows
    width = len(document.table.header.cells) if width is None else width
    edits = diagnostic.fix.edits
    reshapes = _reshapes_rows(diagnostic.code)
    if any(edit.location.row != edit.end_location.row or "\n" in edit.content or "\r" in edit.content for edit in edits):
        return _rows_kept(document, edits)
    by_line: dict[int, list] = {}
    for edit in edits:
        by_line.setdefault(edit.location.row, []).append(edit)
    for line, line_edits in by_line.items():
        row = rows.get(line)
        if row is None:
            continue  # not a table row (a footnote): no cells to keep
        if len(row.cells) != width and not reshapes:
            return False
        if not _cells_kept(row, line_edits, reshapes, line == document.table.delimiter.line):
            return False
    return True


@lru_cache(maxsize=None)
def _reshapes_rows(code: str) -> bool:
    rule = find_rule(code)
    return bool(rule and getattr(rule.module, "RESHAPES_ROW", False))


def _rows_by_line(document) -> dict:
    table = document.table
    rows = {row.line: row for row in table.rows}
    rows[table.header.line] = table.header
    rows[table.delimiter.line] = table.delimiter
    return rows


def apply_to_line(text: str, edits) -> str:
    """`text` with one-line edits (1-based columns, end exclusive) applied, left to right."""
    pieces, cursor = [], 0
    for edit in sorted(edits, key=lambda e: (e.location.column, e.end_location.column)):
        start, end = edit.location.column - 1, edit.end_location.column - 1
        pieces += [text[cursor:start], edit.content]
        cursor = max(cursor, end)
    pieces.append(text[cursor:])
    return "".join(pieces)


def _cells_kept(row, edits, reshapes: bool, delimiter: bool) -> bool:
    """Every cell outside the edited ones keeps its raw text; the row keeps its cell count."""
    new_text = apply_to_line(row.text, edits)
    old = [cell.text for cell in row.cells]
    new = [cell.text for cell in split_row(new_text, row.line)]
    if delimiter:  # a delimiter row is read for its cell count and alignments, not its dashes
        return _alignments(old) == _alignments(new)
    targets = _targets(row.text, edits)
    if len(new) != len(old) and not reshapes:
        return False
    if not targets:  # a rewrite of the whole row (layout): every cell as it was
        return new == old
    first, after = min(targets), len(old) - max(targets) - 1
    return new[:first] == old[:first] and new[len(new) - after :] == old[len(old) - after :]


def _targets(text: str, edits) -> set[int]:
    """The cells whose raw text (between their pipes) an edit touches; none when an edit takes the whole line."""
    bounds = segment_bounds(text)
    targets = set()
    for edit in edits:
        start, end = edit.location.column - 1, edit.end_location.column - 1
        if start == 0 and end >= len(text):
            return set()
        for index, (left, right) in enumerate(bounds):
            if left <= start <= right and left <= end <= right:
                targets.add(index)
                break
        else:
            return set()  # an edit across pipes is judged as a rewrite of the row
    return targets


def _alignments(cells: list[str]) -> list[tuple[bool, bool]]:
    return [(text.strip().startswith(":"), text.strip().endswith(":")) for text in cells]


def _rows_kept(document, edits) -> bool:
    """Edits across lines (row order, inserted line breaks): the lines they cover hold the same rows
    and other lines before and after, ignoring blank lines and the rows' order."""
    first = min(edit.location.row for edit in edits)
    last = max(last_row(edit.location, edit.end_location) for edit in edits)
    starts = document.line_starts
    offset = starts[first - 1]
    before = document.text[offset : starts[last]]
    pieces, cursor = [], 0
    for edit in sorted(edits, key=lambda e: (e.location, e.end_location)):
        start = starts[edit.location.row - 1] + edit.location.column - 1 - offset
        end = starts[edit.end_location.row - 1] + edit.end_location.column - 1 - offset
        pieces += [before[cursor:start], edit.content]
        cursor = max(cursor, end)
    pieces.append(before[cursor:])
    return _line_contents(before) == _line_contents("".join(pieces))


def _line_contents(text: str) -> Counter:
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    return Counter(tuple(cell.text for cell in split_row(line, 0)) if "|" in line else (line,) for line in lines)
