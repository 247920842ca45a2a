"""The table ends before lines that were meant to be its rows.

GFM ends a table at a blank line (spaces and tabs only), an HTML comment, a
heading, a fence or another block. The lines after it, however much they
look like rows, render as a paragraph of raw pipes (or code, or HTML), or as
a second table whose header is the first of them: the reader loses those
rows and `export` would write only the rows before. Any number of blank
lines and comments may stand between; a table in a block quote or list is
followed inside it. The finding stands at the line that ends the table;
remove it (or move the comment above the table).

Fails:
    | MedPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix.nlm.nih.gov/home |

    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (the blank line ends the table: OASIS renders as a paragraph)

Passes:
    | MedPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix.nlm.nih.gov/home |
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
"""

from catlint.reading.structure import early_end
from catlint.rules._support.findings import at_span, line_span
from catlint.rules.contract import Rule


def check(context):
    found = early_end(context.catalogue)
    if found is not None:
        yield at_span(line_span(context.catalogue, found.line), found.message, subject=("table-end",))


RULE = Rule("CAT008", "table-ends-early", "error", "never", check, __doc__)
