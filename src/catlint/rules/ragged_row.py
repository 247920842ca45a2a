"""A row has more or fewer cells than the header.

GitHub pads short rows with empty cells and drops extra ones, so a value typed
into an extra cell silently disappears from the rendered table; some parsers
(mistune among them) drop the whole table instead. catlint keeps every cell
and reports the row; no other rule fixes a cell of it, since its cells may
sit in the wrong columns. A row pasted from a spreadsheet as tab-separated
text, whose tabs give exactly the header's cells, gets an unsafe fix that
writes pipes for the tabs (review it: the tabs were the only separators).

Fails:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial |
    (7 cells: the link is missing)

    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org | 2007 |
    (9 cells: GitHub does not show 2007)

Passes:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
"""

import re

from catlint.diagnostics import Edit, Finding, Fix, Position
from catlint.rules._support.findings import row_subject
from catlint.rules.contract import Rule

_TABS = re.compile(r"(?<! ) *+\t[\t ]*+")  # from a run's first space only: linear in a cell of spaces


def check(context):
    catalogue = context.catalogue
    body, expected = catalogue.body, catalogue.table.width
    for row, found in sorted(body.counts.items()):
        line = body.row_lines[row]
        fix = None
        if found > expected:  # only the first cell not shown is needed: a long row is not split whole
            extra = body.cell(row, expected)
            message = f"row has {found} cells, the header has {expected}: the cells from {extra.text!r} on are not shown"
            start = Position(line, extra.start)
        else:
            message = f"row has {found} cell{'s' if found != 1 else ''}, the header has {expected}: missing {expected - found}"
            start = Position(line, 1)
            fix = _split_tabs(body.cells(row), line, expected)
        length = len(catalogue.lines[line - 1])
        yield Finding(start, Position(line, length + 1), message, fix, row_subject(catalogue, row))


def _split_tabs(cells, line: int, expected: int) -> Fix | None:
    """Pipes for the tab runs inside the cells, when that gives exactly the header's cells."""
    edits = [Edit(Position(line, cell.start + match.start()), Position(line, cell.start + match.end()), " | ")
             for cell in cells for match in _TABS.finditer(cell.text)]
    if not edits or len(cells) + len(edits) != expected:
        return None
    return Fix("unsafe", "split the tab-separated cells", tuple(edits))


RULE = Rule("CAT001", "ragged-row", "error", "unsafe", check, __doc__, reshapes_rows=True)
