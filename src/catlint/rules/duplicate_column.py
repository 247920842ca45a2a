"""Two header cells map to the same field.

`License` and `Licence` are the same column under two spellings; with both,
which one holds the value is a guess. Only the first is read.

Fails:
    | Source | Data Types | Body Parts | Images | Patients | Availability | Licence | License | Link |
    |---|---|---|---|---|---|---|---|---|
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | Non-commercial | https://www.oasis-brains.org |

Passes:
    | Source | Data Types | Body Parts | Images | Patients | Availability | Licence | Link |
    |---|---|---|---|---|---|---|---|
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
"""

from catlint.reading import cell_text
from catlint.rules._support.findings import at_span, cell_span
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    seen = {}
    for cell, column in zip(catalogue.table.header.cells, catalogue.header_columns):
        if column is None:
            continue
        if column.field in seen:
            yield at_span(cell_span(cell), f"column {cell_text.plain_text(cell.text)!r} repeats {seen[column.field]!r} ({column.header}); only the first is read",
                          subject=("header", column.field))
        else:
            seen[column.field] = cell_text.plain_text(cell.text)


RULE = Rule("CAT005", "duplicate-column", "error", "never", check, __doc__)
