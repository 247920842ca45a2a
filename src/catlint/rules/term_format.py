"""A vocabulary term is spelt differently from the schema.

Availability is one of the schema's terms; an alias or another case
(`open access`, `registration required`) is rewritten as the term itself,
unless the cell holds markup the term leaves out (a link, raw HTML): that is
reported without a fix.

Fails:
    | The Cancer Imaging Archive (TCIA) | XR, CT, MR, US, PE | All | X | 40,000+ | open access | CC BY 3.0 | https://www.cancerimagingarchive.net |
    (the fix writes Open)

Passes:
    | The Cancer Imaging Archive (TCIA) | XR, CT, MR, US, PE | All | X | 40,000+ | Open | CC BY 3.0 | https://www.cancerimagingarchive.net |
"""

from catlint.rules._support.columns import cell, distinct, of_kind
from catlint.rules._support.findings import at_span, cell_span, normalising_fix, row_subject, shown, with_comments
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    for column in of_kind(context, "term"):
        vocabulary = catalogue.schema.vocabulary_set(column.field)
        texts = distinct(context, column)
        for text in texts:
            read = column.read(text)
            if read.value not in vocabulary:
                continue
            wanted = with_comments(text, read.value)
            if wanted is None:
                continue
            message = f"{column.column.header} {shown(text)}: write {read.value!r}"
            for row in texts[text]:
                span = cell_span(cell(context, row, column))
                yield at_span(span, message, normalising_fix(span, text, wanted, f"write {read.value!r}"), subject=(*row_subject(catalogue, row), column.field))


RULE = Rule("CAT204", "term-format", "warning", "sometimes", check, __doc__)
