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

from catlint.reading.values import canonical_count
from catlint.rules._support.columns import cell, distinct, of_kind
from catlint.rules._support.findings import at_span, cell_span, replace, row_subject, shown, with_comments
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    for column in of_kind(context, "count"):
        texts = distinct(context, column)
        for text in texts:
            read = column.read(text)
            if read.error is not None:
                continue
            canonical = canonical_count(read.value)
            wanted = with_comments(text, canonical)
            if wanted is None:
                continue
            message = f"{column.column.header} {shown(text)}: write {canonical!r}"
            for row in texts[text]:
                span = cell_span(cell(context, row, column))
                yield at_span(span, message, replace(span, wanted, f"write {canonical!r}"), subject=(*row_subject(catalogue, row), column.field))


RULE = Rule("CAT202", "count-format", "warning", "safe", check, __doc__)
