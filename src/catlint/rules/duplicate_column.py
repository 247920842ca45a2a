"""Two header cells map to the same field.

`License` and `Licence` are the same column under two spellings; with both,
which one holds the value is a guess. Only the first is read.

Fails:
    | Source | Licence | License |

Passes:
    | Source | Licence |
"""

from catlint import inline
from catlint.rules import at_span

CODE = "CAT005"
NAME = "duplicate-column"
SEVERITY = "error"
FIX = "never"


def check(document):
    seen = {}
    for cell, column in zip(document.table.header.cells, document.columns):
        if column is None:
            continue
        if column.field in seen:
            yield at_span(cell.span, f"column {inline.plain_text(cell.text)!r} repeats {seen[column.field]!r} ({column.header}); only the first is read",
                          subject=("header", column.field))
        else:
            seen[column.field] = inline.plain_text(cell.text)
