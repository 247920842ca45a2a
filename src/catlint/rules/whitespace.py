"""A cell holds no-break spaces, tabs or runs of spaces.

Text pasted from web pages and spreadsheets brings no-break spaces and
stray spacing that look like ordinary spaces but break searches, sorting
and comparisons. Each becomes one ordinary space.

Fails:
    | MIT\u00a0licence | Open  access |

Passes:
    | MIT licence | Open access |
"""

import re

from catlint.rules import at_span, line_subject, replace, rows_with, shown

CODE = "CAT207"
NAME = "whitespace"
SEVERITY = "warning"
FIX = "safe"

_ODD_SPACING = re.compile(r"[\u00a0\u202f\u2007\t]| {2,}")
_ODD_SPACE = re.compile(r"[\u00a0\u202f\u2007\t]")
_SPACE_RUN = re.compile(r"[ \t\u00a0\u202f\u2007]+")


def check(document):
    odd = {row.line for row in rows_with(document, _ODD_SPACE, ("\t",))}
    for row in [document.table.header, *document.table.rows]:
        for cell in row.cells:
            if ("  " in cell.text or row.line in odd) and _ODD_SPACING.search(cell.text):
                wanted = _SPACE_RUN.sub(" ", cell.text).strip(" ")
                yield at_span(cell.span, f"odd spacing in {shown(cell.text)}: write {wanted!r}",
                              replace(cell.span, wanted, "use single ordinary spaces"), subject=line_subject(document, row.line))
