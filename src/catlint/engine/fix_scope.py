"""Which fixes may be offered: the edits of one finding, and nothing beyond the cells it names.

A fix is checked on the raw text of the lines it edits, not on parsed values:
values of a damaged row are invalid before and after a bad edit, so comparing
them proves nothing. A fix passes when every cell it does not target keeps
its text exactly and the row keeps its number of cells; a fix that rewrites
whole lines (layout, row order, a blank line) must keep every cell of every
row. A row whose cell count differs from the header's gets no fix at all: its
cells may sit in the wrong columns (a value typed into an extra cell, a row
pasted as tab-separated text), so no edit of them is known to be safe. Only a
rule that declares `reshapes_rows` (the split of a tab-separated paste) may
change a row's cells, and its fix is unsafe. A safe fix that only normalises
must leave every field cell it targets valid (it reads and the schema accepts
it): rewriting an invalid value, or making one, is no repair.

`check_catalogue` applies this to every diagnostic, so the fixer, `links
--fix`, every report and every suggestion see the same fixes.
"""

from __future__ import annotations

from collections import Counter

from catlint.diagnostics import Diagnostic, last_row
from catlint.rules import find_rule
from catlint.reading.catalogue import exported
from catlint.reading.rows import segments
from catlint.reading.tables import split_row


def confined_fixes(diagnostics: list[Diagnostic], catalogue) -> list[Diagnostic]:
    """The diagnostics, each fix withheld (the problem reported without it) unless it is confined.
    Each fix is proven on its whole row, so a line with more fixes than MOST_FIXES_PER_LINE (a cell
    of thousands of zero-width spaces) gets none: proving them would take time quadratic in the line."""
    if not any(diagnostic.fix for diagnostic in diagnostics):
        return diagnostics
    per_line = Counter(d.location.row for d in diagnostics if d.fix is not None)
    crowded = {line for line, count in per_line.items() if count > MOST_FIXES_PER_LINE}
    return [d if d.fix is None or (d.location.row not in crowded and is_confined(catalogue, d)) else d._replace(fix=None)
            for d in diagnostics]


MOST_FIXES_PER_LINE = 200


def is_confined(catalogue, diagnostic: Diagnostic) -> bool:
    edits = diagnostic.fix.edits
    rule = find_rule(diagnostic.code)
    reshapes = bool(rule and rule.reshapes_rows)
    if any(edit.location.row != edit.end_location.row or "\n" in edit.content or "\r" in edit.content for edit in edits):
        return _rows_kept(catalogue, edits)
    by_line: dict[int, list] = {}
    for edit in edits:
        by_line.setdefault(edit.location.row, []).append(edit)
    width = catalogue.table.width
    for line, line_edits in by_line.items():
        if not reshapes and catalogue.row_at(line) in catalogue.body.counts:
            return False  # a ragged row: only a fix that reshapes it may touch it (known without splitting it)
        cells = _cells_on(catalogue, line)
        if cells is None:
            continue  # not a table row (a footnote): no cells to keep
        if len(cells) != width and not reshapes:
            return False
        if not _cells_kept(catalogue, line, cells, line_edits, reshapes, line == catalogue.table.delimiter.line):
            return False
        if _normalises(diagnostic, rule) and catalogue.row_at(line) is not None and not _targets_valid(catalogue, line, line_edits):
            return False
    return True


def _normalises(diagnostic: Diagnostic, rule) -> bool:
    """A safe fix of a rule that does not repair values: it only rewrites values in their canonical form."""
    return diagnostic.fix.applicability == "safe" and not (rule and rule.changes_values)


def _targets_valid(catalogue, line: int, edits) -> bool:
    """Every field cell the edits target reads, after them, as a value the schema accepts: a
    rewrite that keeps a value invalid, or makes it so, repairs nothing (`MR<br>CT` as `MRCT`)."""
    text, table = catalogue.lines[line - 1], catalogue.table
    targets = _targets(text, edits, table.row_start(line, text))
    new_text = apply_to_line(text, edits)
    new = split_row(new_text, line, table.row_start(line, new_text))
    for column in catalogue.fields.values():
        if column.index in targets and column.index < len(new):
            read = column.read(new[column.index].text)
            if read.error is not None or catalogue.schema.field_errors(column.field, exported(read.value, catalogue.notes)):
                return False
    return True


def _cells_on(catalogue, line: int) -> list | None:
    """The cells of the header, the delimiter or a body row on `line`; None for any other line."""
    table = catalogue.table
    if line == table.header.line:
        return table.header.cells
    if line == table.delimiter.line:
        return table.delimiter.cells
    row = catalogue.row_at(line)
    return catalogue.body.cells(row) if row is not None else None


def apply_to_line(text: str, edits) -> str:
    """`text` with one-line edits (1-based columns, end exclusive) applied, left to right."""
    pieces, cursor = [], 0
    for edit in sorted(edits, key=lambda e: (e.location.column, e.end_location.column)):
        start, end = edit.location.column - 1, edit.end_location.column - 1
        pieces += [text[cursor:start], edit.content]
        cursor = max(cursor, end)
    pieces.append(text[cursor:])
    return "".join(pieces)


def _cells_kept(catalogue, line: int, cells, edits, reshapes: bool, delimiter: bool) -> bool:
    """Every cell outside the edited ones keeps its raw text; the row keeps its cell count."""
    text, table = catalogue.lines[line - 1], catalogue.table
    new_text = apply_to_line(text, edits)
    old = [cell.text for cell in cells]
    new = [cell.text for cell in split_row(new_text, line, table.row_start(line, new_text))]
    if delimiter:  # a delimiter row is read for its cell count and alignments, not its dashes
        return _alignments(old) == _alignments(new)
    targets = _targets(text, edits, table.row_start(line, text))
    if len(new) != len(old) and not reshapes:
        return False
    if not targets:  # a rewrite of the whole row (layout): every cell as it was
        return new == old
    first, after = min(targets), len(old) - max(targets) - 1
    return new[:first] == old[:first] and new[len(new) - after :] == old[len(old) - after :]


def _targets(text: str, edits, start: int) -> set[int]:
    """The cells whose raw text (between their pipes) an edit touches; none when an edit takes the whole line."""
    bounds = segments(text, start)
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


def _rows_kept(catalogue, edits) -> bool:
    """Edits across lines (row order, inserted line breaks): the lines they cover hold the same rows
    and other lines before and after, ignoring blank lines and the rows' order."""
    first = min(edit.location.row for edit in edits)
    last = max(last_row(edit.location, edit.end_location) for edit in edits)
    lines = catalogue.lines
    offset = lines.offset(first)
    stop = lines.offset(last + 1) if last < len(lines) else len(catalogue.text)
    before = catalogue.text[offset:stop]
    pieces, cursor = [], 0
    for edit in sorted(edits, key=lambda e: (e.location, e.end_location)):
        start = lines.offset(edit.location.row, edit.location.column) - offset
        end = lines.offset(edit.end_location.row, edit.end_location.column) - offset
        pieces += [before[cursor:start], edit.content]
        cursor = max(cursor, end)
    pieces.append(before[cursor:])
    return _line_contents(before) == _line_contents("".join(pieces))


def _line_contents(text: str) -> Counter:
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    return Counter(tuple(cell.text for cell in split_row(line, 0)) if "|" in line else (line,) for line in lines)
