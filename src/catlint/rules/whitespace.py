"""A cell holds no-break spaces, tabs or runs of spaces.

Text pasted from web pages and spreadsheets brings no-break spaces and
stray spacing that look like ordinary spaces but break searches, sorting
and comparisons. Each becomes one ordinary space.

Fails:
    | Open Access Series of  Imaging Studies | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (two spaces after "of")

    | The Cancer Imaging Archive (TCIA) | XR, CT, MR, US, PE | All | X | 40,000+ | Open | CC\u00a0BY 3.0 | https://www.cancerimagingarchive.net |
    (a no-break space after CC)

Passes:
    | Open Access Series of Imaging Studies | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    | The Cancer Imaging Archive (TCIA) | XR, CT, MR, US, PE | All | X | 40,000+ | Open | CC BY 3.0 | https://www.cancerimagingarchive.net |
"""

import re

from catlint.rules._support.findings import at_span, cell_span, line_subject, replace, shown
from catlint.rules.contract import Rule

_ODD_SPACING = re.compile(r"[\u00a0\u202f\u2007\t]| {2,}")
_ODD = ("\u00a0", "\u202f", "\u2007", "\t", "  ")  # what _ODD_SPACING finds
_SPACE_RUN = re.compile(r"[ \t\u00a0\u202f\u2007]+")


def check(context):
    catalogue = context.catalogue
    body = catalogue.body
    for cell in catalogue.table.header.cells:
        yield from _odd(catalogue, cell)
    for index, texts in enumerate(body.columns):
        flat = "\n".join(filter(None, texts))
        if not any(odd in flat for odd in _ODD):  # the whole column at once
            continue
        odd = {text for text in set(texts) if text is not None and _ODD_SPACING.search(text)}
        if not odd:
            continue
        for row, text in enumerate(texts):
            if text in odd:
                yield from _odd(catalogue, body.cell(row, index))
    for row, extra in body.extra.items():
        for cell in body.cells(row)[body.width :]:
            yield from _odd(catalogue, cell)


def _odd(catalogue, cell):
    if _ODD_SPACING.search(cell.text):
        wanted = _SPACE_RUN.sub(" ", cell.text).strip(" ")
        span = cell_span(cell)
        yield at_span(span, f"odd spacing in {shown(cell.text)}: write {wanted!r}",
                      replace(span, wanted, "use single ordinary spaces"), subject=line_subject(catalogue, cell.line))


RULE = Rule("CAT207", "whitespace", "warning", "safe", check, __doc__)
