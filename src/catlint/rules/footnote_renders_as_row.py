"""A footnote line directly under the table renders as one more table row.

GFM ends a table only at a blank line, so GitHub, markdownlint, prettier and
mdformat all read a footnote glued under the last row as a one-cell row.
catlint reads it as the footnote it is and inserts the blank line.

Fails:
    | SCMR Consensus Data | MR | Heart | 193¹ | 15 | Request on application form | Non-commercial | https://www.cardiacatlas.org/studies/scmr-consensus-data/ |
    ¹ Amount of MRI slices
    (the fix inserts a blank line before the note)

Passes:
    | SCMR Consensus Data | MR | Heart | 193¹ | 15 | Request on application form | Non-commercial | https://www.cardiacatlas.org/studies/scmr-consensus-data/ |

    ¹ Amount of MRI slices
"""

from catlint.diagnostics import Edit, Finding, Fix, Position
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    glued = [note for note in catalogue.table.footnotes if note.glued]
    if not glued:
        return
    first = glued[0]
    start = Position(first.line, 1)
    message = f"footnote {first.marker!r} follows the table without a blank line and renders as a table row"
    fix = Fix("safe", "insert a blank line between the table and its footnotes", (Edit(start, start, catalogue.source.newline),))
    if any(line > first.line for line in catalogue.body.row_lines):  # a blank line here would cut those rows off
        fix, message = None, message + "; rows follow it, so move the footnote below the table"
    yield Finding(start, Position(first.line, len(catalogue.lines[first.line - 1]) + 1), message, fix, ("footnote", first.marker))


RULE = Rule("CAT002", "footnote-renders-as-row", "warning", "safe", check, __doc__)
