"""Header cells are styled differently from each other.

One table, one header style: all bold, all italic or all plain, as most of
the header cells already are.

Fails:
    | __Source__ | Data Types | __Body Parts__ | __Images__ | __Patients__ | __Availability__ | __Licence__ | __Link__ |
    |---|---|---|---|---|---|---|---|
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (the fix writes __Data Types__)

Passes:
    | __Source__ | __Data Types__ | __Body Parts__ | __Images__ | __Patients__ | __Availability__ | __Licence__ | __Link__ |
    |---|---|---|---|---|---|---|---|
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (all bold)

    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (all plain)
"""

from catlint.rules._support.findings import at_span, cell_span, replace
from catlint.rules._support.headers import prevailing_style, split_style
from catlint.rules.contract import Rule


def check(context):
    cells = context.catalogue.table.header.cells
    style = prevailing_style(cells)
    for cell in cells:
        wrapper, inner = split_style(cell.text)
        if wrapper != style:
            wanted = f"{style}{inner}{style}"
            span = cell_span(cell)
            yield at_span(span, f"header {cell.text!r} differs from the other headers' style: write {wanted!r}",
                          replace(span, wanted, f"write {wanted!r}"), subject=("header", inner))


RULE = Rule("CAT206", "header-style", "warning", "safe", check, __doc__)
