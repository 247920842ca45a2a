"""Column passes: each distinct cell text of a field's column, with the rows that hold it."""

from __future__ import annotations

from catlint.reading.body import Cell


def distinct(context, column) -> dict[str, list[int]]:
    """text -> rows holding it, for one field's column; computed once per document."""
    return distinct_at(context, column.index)


def distinct_at(context, index: int) -> dict[str, list[int]]:
    """text -> rows holding it, for the body column at `index` (mapped to a field or not)."""
    return context.shared(("distinct", index), lambda: _distinct(context.catalogue.body.columns[index]))


def _distinct(texts: list) -> dict[str, list[int]]:
    rows: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        if text is not None:
            found = rows.get(text)
            if found is None:
                rows[text] = [index]
            else:
                found.append(index)
    return rows


def of_kind(context, *kinds: str) -> list:
    return [column for column in context.catalogue.fields.values() if column.kind in kinds]


def cell(context, row: int, column) -> Cell:
    return context.catalogue.body.cell(row, column.index)
