"""A count is not written in the canonical form.

Counts are compared and summed by programs and read by people; one spelling
makes both easy: digits grouped with commas, `+` for a lower bound, the
footnote marker last, `X` when unknown.

Fails:
    | ... | 2620 | 53000+ | ...
    | ... | unknown | >53 000 | ...

Passes:
    | ... | 2,620 | 53,000+ | ...
    | ... | X | 53,000+ | ...
"""

from catlint.rules import at_span, replace, row_subject, shown, with_comments
from catlint.values import canonical_count

CODE = "CAT202"
NAME = "count-format"
SEVERITY = "warning"
FIX = "safe"


def check(document):
    for record in document.records:
        for name, found in record.fields.items():
            if found.column.kind != "count" or found.error is not None:
                continue
            canonical = canonical_count(found.value)
            wanted = with_comments(found.cell.text, canonical)
            if wanted is not None:
                yield at_span(found.cell.span, f"{found.column.header} {shown(found.cell.text)}: write {canonical!r}",
                              replace(found.cell.span, wanted, f"write {canonical!r}"), subject=(*row_subject(record), name))
