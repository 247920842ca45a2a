"""A count cannot be read as a number.

Counts are free text in a table but numbers to every program that reads the
catalogue. A count is digits grouped with commas, `+` for a lower bound, an
optional footnote marker, or `X` when unknown. Note that `"193¹".isdigit()`
is True in Python while `int("193¹")` fails: only ASCII digits count.

Fails:
    | SCMR Consensus Data | ... | 193ยน | 15 | ...
    | Some set            | ... | 40.000+ | 12,34 | ...

Passes:
    | SCMR Consensus Data | ... | 193¹ | 15 | ...
"""

from catlint.rules import at_span, row_subject, shown

CODE = "CAT102"
NAME = "invalid-count"
SEVERITY = "error"
FIX = "never"


def check(document):
    for record in document.records:
        for name, found in record.fields.items():
            if found.error is not None:
                yield at_span(found.cell.span, f"{found.column.header} {shown(found.cell.text)}: {found.error}",
                              subject=(*row_subject(record), name))
