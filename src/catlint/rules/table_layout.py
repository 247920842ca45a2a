"""A row is not laid out in the table's style.

A table is either aligned (every pipe in the same column; East Asian wide
characters count two) or compact (one space around each cell). catlint keeps
the table's own style unless `table-style` says otherwise, so a one-row edit
in a compact table stays a one-line diff. Columns of an aligned table are
as wide as their widest cell, and never narrower than the header's padding.
A table in a block quote or list item is laid out after each line's own
prefix (`> `, the item's indent), which is kept as it is.

Fails (an aligned table):
    | Source | Images |
    |--------|--------|
    | ADNI   | X      |
    | OASIS | 373 |
    (the fix writes | OASIS  | 373    |)

Passes:
    | Source | Images |
    |--------|--------|
    | ADNI   | X      |
    | OASIS  | 373    |
    (every pipe in its column)

    | Source | Images |
    |---|---|
    | ADNI | X |
    | OASIS | 373 |
    (a compact table stays compact)
"""

from catlint.rules._support.findings import at_span, line_span, line_subject, replace
from catlint.reading.layout import canonical_lines
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    lines = catalogue.lines
    for line, wanted in canonical_lines(catalogue, context.table_style):
        if lines[line - 1] != wanted:
            span = line_span(catalogue, line)
            yield at_span(span, "row is not laid out like the rest of the table", replace(span, wanted, "lay out the row"),
                          subject=("layout", *line_subject(catalogue, line)))


RULE = Rule("CAT208", "table-layout", "warning", "safe", check, __doc__, lays_out_rows=True)
