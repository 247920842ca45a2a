"""A header names a column the schema does not know.

Programs read the catalogue by column; a column the schema does not declare
is exported nowhere and usually means a misspelt header.

Fails:
    | Source | Modallity | Body Parts | Images | Patients | Availability | Licence | Link |
    |---|---|---|---|---|---|---|---|
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (a misspelt header)

Passes (an alias declared in the schema):
    | Source | Modality | Body Parts | Images | Patients | Availability | Licence | Link |
    |---|---|---|---|---|---|---|---|
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
"""

from catlint.reading import cell_text
from catlint.rules._support.findings import at_span, cell_span
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    known = ", ".join(column.header for column in catalogue.schema.columns)
    for cell, column in zip(catalogue.table.header.cells, catalogue.header_columns):
        if column is None:
            yield at_span(cell_span(cell), f"unknown column {cell_text.plain_text(cell.text)!r} (the schema's columns: {known})",
                          subject=("header", cell.text))


RULE = Rule("CAT003", "unknown-column", "warning", "never", check, __doc__)
