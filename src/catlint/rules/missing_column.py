"""A required column is missing from the header.

Every record needs every required field; without the column no row can be
complete.

Fails (no Link column):
    | Source | Data Types | Body Parts | Images | Patients | Availability | Licence |

Passes:
    | Source | Data Types | Body Parts | Images | Patients | Availability | Licence | Link |
"""

from catlint.rules import line_span, at_span

CODE = "CAT004"
NAME = "missing-column"
SEVERITY = "error"
FIX = "never"


def check(document):
    present = {column.field for column in document.columns if column is not None}
    span = line_span(document, document.table.header.line)
    for column in document.schema.columns:
        if column.required and column.field not in present:
            yield at_span(span, f"missing required column {column.header!r}", subject=("header", column.field))
