"""The rows are not in alphabetical order by source.

A sorted catalogue is one a reader can scan and a reviewer can see a
duplicate in; it also gives every new row one right place, so two
pull-requests adding rows rarely touch the same line. Order is by the
source name, case-insensitive. The safe fix moves whole rows, unchanged.

Fails:
    | OASIS | ...
    | MedPix | ...

Passes:
    | MedPix | ...
    | OASIS | ...
"""

from catlint.diagnostics import Edit, Fix, Position
from catlint.rules import at_span, row_subject

CODE = "CAT308"
NAME = "unsorted-rows"
SEVERITY = "warning"
FIX = "safe"


def check(document):
    records = document.records
    keys = [_sort_key(record) for record in records]
    misplaced = next((index for index in range(1, len(keys)) if keys[index] < keys[index - 1]), None)
    if misplaced is None:
        return
    record = records[misplaced]
    before = next(other for other, key in zip(records, keys) if key > keys[misplaced])
    yield at_span(record.fields["source"].cell.span if "source" in record.fields else record.row.cells[0].span,
                  f"rows are not sorted by source: {_name(record)!r} belongs before {_name(before)!r} (line {before.row.line})",
                  _sort_fix(document, records, keys), subject=(*row_subject(record), "order"))


def _sort_key(record) -> str:
    return _name(record).casefold()


def _name(record) -> str:
    name = record.value("source")
    return str(name) if name else record.row.cells[0].text if record.row.cells else ""


def _sort_fix(document, records, keys) -> Fix | None:
    """One edit that rewrites the block of body rows in sorted order; line endings stay where they were.
    None when the rows are not one clean block (a ragged row, or a footnote between rows)."""
    rows = [record.row for record in records]
    width = len(document.table.header.cells)
    if any(len(row.cells) != width for row in rows) or rows[-1].line - rows[0].line != len(rows) - 1:
        return None
    ordered = [row for _, row in sorted(zip(keys, rows), key=lambda pair: pair[0])]
    first, last = rows[0].line, rows[-1].line
    pieces = []
    for position, row in enumerate(ordered):
        pieces.append(row.text)
        if position < len(ordered) - 1:
            pieces.append(document.endings[first - 1 + position])
    end = Position(last, len(document.lines[last - 1]) + 1)
    return Fix("safe", "sort the rows by source", (Edit(Position(first, 1), end, "".join(pieces)),))
