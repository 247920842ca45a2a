"""A row is not laid out in the table's style.

A table is either aligned (every pipe in the same column; East Asian wide
characters count two) or compact (one space around each cell). catlint keeps
the table's own style unless `table-style` says otherwise, so a one-row edit
in a compact table stays a one-line diff. Columns of an aligned table are
as wide as their widest cell, and never narrower than the header's padding.

Fails (aligned table):
    | Source | Images |
    |--------|--------|
    | OASIS | 373 |

Passes:
    | Source | Images |
    |--------|--------|
    | OASIS  | 373    |
"""

from catlint.layout import canonical_lines
from catlint.rules import at_span, line_span, line_subject, replace

CODE = "CAT208"
NAME = "table-layout"
SEVERITY = "warning"
FIX = "safe"


def check(document):
    style = document.config.table_style if document.config is not None else "keep"
    for line, wanted in sorted(canonical_lines(document.table, style).items()):
        if document.lines[line - 1] != wanted:
            span = line_span(document, line)
            yield at_span(span, "row is not laid out like the rest of the table", replace(span, wanted, "lay out the row"),
                          subject=("layout", *line_subject(document, line)))
