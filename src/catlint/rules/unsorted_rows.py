"""The rows are not in alphabetical order by source.

A sorted catalogue is one a reader can scan and a reviewer can see a
duplicate in; it also gives every new row one right place, so two
pull-requests adding rows rarely touch the same line. Order is by the
source name, case-insensitive. The safe fix moves whole rows, unchanged.

Fails:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    | MedPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix.nlm.nih.gov/home |
    (the fix moves MedPix above OASIS)

Passes:
    | MedPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix.nlm.nih.gov/home |
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
"""

from catlint.diagnostics import Edit, Fix, Position
from catlint.rules._support.findings import at_span, cell_span, row_subject
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    names = _names(catalogue)
    keys = "\n".join(names).casefold().split("\n") if names else []
    misplaced = next((index for index in range(1, len(keys)) if keys[index] < keys[index - 1]), None)
    if misplaced is None:
        return
    before = next(index for index, key in enumerate(keys) if key > keys[misplaced])
    column = catalogue.fields.get("source")
    cell = catalogue.body.cell(misplaced, column.index if column is not None else 0)
    yield at_span(cell_span(cell),
                  f"rows are not sorted by source: {names[misplaced]!r} belongs before {names[before]!r} (line {catalogue.body.row_lines[before]})",
                  _sort_fix(catalogue, keys), subject=(*row_subject(catalogue, misplaced), "order"))


def _names(catalogue) -> list[str]:
    """Each row's source name; the first cell's text when it has none."""
    column = catalogue.fields.get("source")
    values = column.values() if column is not None else [None] * len(catalogue.body)
    return [str(value) if value else _first_text(catalogue, row) for row, value in enumerate(values)]


def _first_text(catalogue, row: int) -> str:
    texts = catalogue.body.texts(row)
    return texts[0] if texts and texts[0] is not None else ""


def _sort_fix(catalogue, keys) -> Fix | None:
    """One edit that rewrites the block of body rows in sorted order; line endings stay where they were.
    None when the rows are not one clean block (a ragged row, or a footnote between rows)."""
    body, lines = catalogue.body, catalogue.lines
    rows = body.row_lines
    if body.counts or rows[-1] - rows[0] != len(rows) - 1:
        return None
    ordered = [line for _, line in sorted(zip(keys, rows), key=lambda pair: pair[0])]
    first, last = rows[0], rows[-1]
    pieces = []
    for position, line in enumerate(ordered):
        pieces.append(lines[line - 1])
        if position < len(ordered) - 1:
            pieces.append(lines.ending(first - 1 + position))
    end = Position(last, len(lines[last - 1]) + 1)
    return Fix("safe", "sort the rows by source", (Edit(Position(first, 1), end, "".join(pieces)),))


RULE = Rule("CAT308", "unsorted-rows", "warning", "safe", check, __doc__)
