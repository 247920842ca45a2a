"""A header names a column the schema does not know.

Programs read the catalogue by column; a column the schema does not declare
is exported nowhere and usually means a misspelt header.

Fails:
    | Source | Modallity | Link |

Passes (an alias declared in the schema):
    | Source | Modality | Link |
"""

from catlint import inline
from catlint.rules import at_span

CODE = "CAT003"
NAME = "unknown-column"
SEVERITY = "warning"
FIX = "never"


def check(document):
    known = ", ".join(column.header for column in document.schema.columns)
    for cell, column in zip(document.table.header.cells, document.columns):
        if column is None:
            yield at_span(cell.span, f"unknown column {inline.plain_text(cell.text)!r} (the schema's columns: {known})",
                          subject=("header", cell.text))
