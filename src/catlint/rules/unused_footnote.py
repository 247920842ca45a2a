"""A note under the table is not referenced by any cell.

A note nobody points at is either left over from a removed row or its
marker in the cell was lost or garbled; either way the reader cannot tell
which value it explains.

Fails:
    | SCMR Consensus Data | MR | All | 193 | 15 | ...

    ¹ Amount of MRI slices

Passes:
    | SCMR Consensus Data | MR | All | 193¹ | 15 | ...

    ¹ Amount of MRI slices
"""

from catlint.footnote_refs import definitions
from catlint.rules import at_span

CODE = "CAT305"
NAME = "unused-footnote"
SEVERITY = "warning"
FIX = "never"


def check(document):
    cells = [cell.text for row in document.table.rows for cell in row.cells]
    for marker, note in definitions(document).items():
        if not any(marker in text for text in cells):
            yield at_span(note.marker_span, f"footnote {marker!r} ({note.text}) is not used by any cell",
                          subject=("footnote", marker))
