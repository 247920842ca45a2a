"""Column passes: each distinct cell text of a field's column, with the rows that hold it."""

from __future__ import annotations

from collections.abc import Mapping

from catlint.reading.body import Cell


class Distinct(Mapping):
    """A column's distinct texts (missing cells left out) in order of first appearance, and the
    rows holding each: found in one C-level pass; the rows are indexed only when a rule asks for
    them (it has a finding), since most texts of a clean catalogue have none."""

    def __init__(self, texts: list):
        self._texts = texts
        self._keys = dict.fromkeys(texts)
        self._keys.pop(None, None)
        self._rows: dict[str, list[int]] | None = None

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, text) -> bool:
        return text in self._keys

    def __getitem__(self, text: str) -> list[int]:
        if self._rows is None:
            rows: dict[str, list[int]] = {key: [] for key in self._keys}
            for index, found in enumerate(self._texts):
                if found is not None:
                    rows[found].append(index)
            self._rows = rows
        return self._rows[text]


def distinct(context, column) -> Distinct:
    """text -> rows holding it, for one field's column; computed once per document."""
    return distinct_at(context, column.index)


def distinct_at(context, index: int) -> Distinct:
    """text -> rows holding it, for the body column at `index` (mapped to a field or not)."""
    return context.shared(("distinct", index), lambda: Distinct(context.catalogue.body.columns[index]))


def of_kind(context, *kinds: str) -> list:
    return [column for column in context.catalogue.fields.values() if column.kind in kinds]


def cell(context, row: int, column) -> Cell:
    return context.catalogue.body.cell(row, column.index)
