"""A cell uses a footnote marker that no note under the table defines.

A marker promises the reader an explanation (`193¹`: MRI slices, not
images) and `catlint export` attaches the note to the count. Without a
definition the promise is empty and the export carries no note.

Fails:
    | SCMR Consensus Data | MR | All | 193² | 15 | ...

    ¹ Amount of MRI slices

Passes:
    | SCMR Consensus Data | MR | All | 193¹ | 15 | ...

    ¹ Amount of MRI slices
"""

from catlint.footnote_refs import definitions, uses
from catlint.rules import at_span, row_subject

CODE = "CAT304"
NAME = "undefined-footnote"
SEVERITY = "warning"
FIX = "never"


def check(document):
    defined = definitions(document)
    known = ", ".join(defined) or "none"
    for use in uses(document):
        if use.marker not in defined:
            yield at_span(use.span, f"footnote marker {use.marker!r} has no note under the table (defined: {known})",
                          subject=(*row_subject(use.record), "footnote", use.marker))
