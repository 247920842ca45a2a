"""A list of terms is not in canonical form.

Data types and body parts are vocabularies declared in the schema. Aliases
(`MRI`, `X-ray`, `Retina`), case, other separators (`;`, `/`, `and`) and
duplicates are rewritten as the canonical terms, in the schema's order,
separated by `, `. A list with an unknown term, or a cell holding markup its
terms leave out (`MR<br>CT` reads as `MRCT`), is reported without a fix: the
rewrite would repair nothing or drop the markup. Unknown terms are reported
by schema-violation.

Fails:
    | The Cancer Imaging Archive (TCIA) | MRI; pet | Lungs and heart | X | 40,000+ | Open | CC BY 3.0 | https://www.cancerimagingarchive.net |
    (the fix writes MR, PE and Heart, Lungs)

Passes:
    | The Cancer Imaging Archive (TCIA) | MR, PE | Heart, Lungs | X | 40,000+ | Open | CC BY 3.0 | https://www.cancerimagingarchive.net |
"""

import re

from catlint.rules._support.columns import cell, distinct, of_kind
from catlint.rules._support.findings import at_span, cell_span, normalising_fix, row_subject, shown, with_comments
from catlint.rules.contract import Rule

_MARKUP = re.compile(r"[\\|`*_\[\]<>&!~]")


def check(context):
    catalogue = context.catalogue
    for column in of_kind(context, "list"):
        texts = distinct(context, column)
        for text in texts:
            read = column.read(text)
            if read.error is not None or not read.value:
                continue
            canonical = ", ".join(read.value)
            wanted = with_comments(text, canonical)
            if wanted is None:
                continue
            message = f"{column.column.header} {shown(text)}: write {canonical!r}"
            for row in texts[text]:
                span = cell_span(cell(context, row, column))
                # A term with Markdown in it would read differently once written plainly: report, don't rewrite.
                fix = None if _MARKUP.search(canonical) else normalising_fix(span, text, wanted, f"write {canonical!r}")
                yield at_span(span, message, fix, subject=(*row_subject(catalogue, row), column.field))


RULE = Rule("CAT203", "list-format", "warning", "sometimes", check, __doc__)
