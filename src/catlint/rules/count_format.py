"""A count is not written in the canonical form.

Counts are compared and summed by programs and read by people; one spelling
makes both easy: digits grouped with commas, `+` for a lower bound, the
footnote marker last, `X` when unknown. A cell holding markup its value
leaves out (`[1200](https://x.org)`) is reported without a fix: writing the
plain count would drop the link.

Fails:
    | The Cancer Imaging Archive (TCIA) | XR, CT, MR, US, PE | All | 53000+ | 2620 | Open | CC BY 3.0 | https://www.cancerimagingarchive.net |
    (the fix writes 53,000+ and 2,620)

    | MESA | MR | Heart | unknown | >6 500 | Registration | Non-commercial | https://www.mesa-nhlbi.org |
    (the fix writes X and 6,500+)

Passes:
    | The Cancer Imaging Archive (TCIA) | XR, CT, MR, US, PE | All | 53,000+ | 2,620 | Open | CC BY 3.0 | https://www.cancerimagingarchive.net |
    | MESA | MR | Heart | X | 6,500+ | Registration | Non-commercial | https://www.mesa-nhlbi.org |
"""

from catlint.reading.values import canonical_count
from catlint.rules._support.columns import cell, distinct, of_kind
from catlint.rules._support.findings import at_span, cell_span, normalising_fix, row_subject, shown, with_comments
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
                yield at_span(span, message, normalising_fix(span, text, wanted, f"write {canonical!r}"), subject=(*row_subject(catalogue, row), column.field))


RULE = Rule("CAT202", "count-format", "warning", "sometimes", check, __doc__)
