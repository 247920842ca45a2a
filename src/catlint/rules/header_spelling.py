"""A header uses an alias or another spelling of the column's name.

Older versions of the catalogue say `Data Focus` and `License`; programs and
people should see one name per column, the schema's `x-header`. The header's
bold or italic style is kept.

Fails:
    | __Source__ | __Data Types__ | __Data Focus__ | __Images__ | __Patients__ | __Availability__ | __License__ | __Link__ |
    |---|---|---|---|---|---|---|---|
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (the fix writes __Body Parts__ and __Licence__)

Passes:
    | __Source__ | __Data Types__ | __Body Parts__ | __Images__ | __Patients__ | __Availability__ | __Licence__ | __Link__ |
    |---|---|---|---|---|---|---|---|
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
"""

from catlint.rules._support.findings import at_span, cell_span, replace
from catlint.rules._support.headers import split_style
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    for cell, column in zip(catalogue.table.header.cells, catalogue.header_columns):
        if column is None:
            continue
        wrapper, inner = split_style(cell.text)
        if inner != column.header:
            wanted = f"{wrapper}{column.header}{wrapper}"
            span = cell_span(cell)
            yield at_span(span, f"header {inner!r}: write {column.header!r}",
                          replace(span, wanted, f"rename the column to {column.header!r}"), subject=("header", column.field))


RULE = Rule("CAT205", "header-spelling", "warning", "safe", check, __doc__)
