"""A header uses an alias or another spelling of the column's name.

Older versions of the catalogue say `Data Focus` and `License`; programs and
people should see one name per column, the schema's `x-header`. The header's
bold or italic style is kept.

Fails:
    | __Source__ | __Data Focus__ | __License__ |

Passes:
    | __Source__ | __Body Parts__ | __Licence__ |
"""

from catlint.headers import split_style
from catlint.rules import at_span, replace

CODE = "CAT205"
NAME = "header-spelling"
SEVERITY = "warning"
FIX = "safe"


def check(document):
    for cell, column in zip(document.table.header.cells, document.columns):
        if column is None:
            continue
        wrapper, inner = split_style(cell.text)
        if inner != column.header:
            wanted = f"{wrapper}{column.header}{wrapper}"
            yield at_span(cell.span, f"header {inner!r}: write {column.header!r}",
                          replace(cell.span, wanted, f"rename the column to {column.header!r}"), subject=("header", column.field))
