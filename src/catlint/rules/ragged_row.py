"""A row has more or fewer cells than the header.

GitHub pads short rows with empty cells and drops extra ones, so a value typed
into an extra cell silently disappears from the rendered table; some parsers
(mistune among them) drop the whole table instead. catlint keeps every cell
and reports the row.

Fails (3 header cells):
    | Source | Images | Link |
    |---|---|---|
    | OASIS | 373 |

Passes:
    | OASIS | 373 | https://www.oasis-brains.org |
"""

from catlint.diagnostics import Position
from catlint.rules import Finding, line_subject

CODE = "CAT001"
NAME = "ragged-row"
SEVERITY = "error"
FIX = "never"


def check(document):
    expected = len(document.table.header.cells)
    for row in document.table.rows:
        found = len(row.cells)
        if found == expected:
            continue
        if found > expected:
            extra = row.cells[expected]
            message = f"row has {found} cells, the header has {expected}: the cells from {extra.text!r} on are not shown"
            start = Position(row.line, extra.span.start)
        else:
            message = f"row has {found} cells, the header has {expected}: missing {expected - found}"
            start = Position(row.line, 1)
        yield Finding(start, Position(row.line, len(row.text) + 1), message, subject=line_subject(document, row.line))
