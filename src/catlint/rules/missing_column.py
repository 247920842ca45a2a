"""A required column is missing from the header.

Every record needs every required field; without the column no row can be
complete.

Fails:
    | Source | Data Types | Body Parts | Images | Patients | Availability | Licence |
    |---|---|---|---|---|---|---|
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial |
    (no Link column)

Passes:
    | Source | Data Types | Body Parts | Images | Patients | Availability | Licence | Link |
    |---|---|---|---|---|---|---|---|
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
"""

from catlint.rules._support.findings import at_span, line_span
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    span = line_span(catalogue, catalogue.table.header.line)
    for column in catalogue.schema.columns:
        if column.required and column.field not in catalogue.fields:
            yield at_span(span, f"missing required column {column.header!r}", subject=("header", column.field))


RULE = Rule("CAT004", "missing-column", "error", "never", check, __doc__)
