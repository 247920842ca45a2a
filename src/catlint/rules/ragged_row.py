"""A row has more or fewer cells than the header.

GitHub pads short rows with empty cells and drops extra ones, so a value typed
into an extra cell silently disappears from the rendered table; some parsers
(mistune among them) drop the whole table instead. catlint keeps every cell
and reports the row; no other rule fixes a cell of it, since its cells may
sit in the wrong columns. A row pasted from a spreadsheet as tab-separated
text, whose tabs give exactly the header's cells, gets an unsafe fix that
writes pipes for the tabs (review it: the tabs were the only separators).

Fails (3 header cells):
    | Source | Images | Link |
    |---|---|---|
    | OASIS | 373 |

Passes:
    | OASIS | 373 | https://www.oasis-brains.org |
"""

import re

from catlint.diagnostics import Edit, Fix, Position
from catlint.rules import Finding, line_subject

CODE = "CAT001"
NAME = "ragged-row"
SEVERITY = "error"
FIX = "unsafe"
# The one fix that may change a row's cells: splitting a tab-separated paste (see fix_scope).
RESHAPES_ROW = True
_TABS = re.compile(r" *\t[\t ]*")


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
        yield Finding(start, Position(row.line, len(row.text) + 1), message, _split_tabs(row, expected),
                      subject=line_subject(document, row.line))


def _split_tabs(row, expected: int) -> Fix | None:
    """Pipes for the tab runs inside the cells, when that gives exactly the header's cells."""
    edits = [Edit(Position(row.line, cell.start + match.start()), Position(row.line, cell.start + match.end()), " | ")
             for cell in row.cells for match in _TABS.finditer(cell.text)]
    if not edits or len(row.cells) + len(edits) != expected:
        return None
    return Fix("unsafe", "split the tab-separated cells", tuple(edits))
