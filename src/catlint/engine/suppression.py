"""Per-row ignores: drop a row's findings that the configuration suppresses with a reason.

Which ignores suppressed something is returned too: the rule that reports
ignores that no longer suppress anything (so they do not outlive their
reason) reads it.
"""

from __future__ import annotations

from catlint.diagnostics import Diagnostic
from catlint.reading.values import name_key
from catlint.rules.contract import selector_matches


def apply_row_ignores(diagnostics: list[Diagnostic], catalogue, config) -> tuple[list[Diagnostic], frozenset]:
    """(the diagnostics no ignore suppresses, the (ignore index, selector) pairs that suppressed one)."""
    ignores = config.per_row_ignores
    if not ignores:
        return diagnostics, frozenset()
    wanted = {name_key(ignore.source) for ignore in ignores}
    source_by_line = {}
    column = catalogue.fields.get("source")
    if column is not None:
        for row, text in enumerate(column.texts):
            key = name_key(str(column.read(text).value or "")) if text is not None else ""
            if key in wanted:
                source_by_line[catalogue.body.row_lines[row]] = key
    used: set[tuple[int, str]] = set()
    kept = []
    for diagnostic in diagnostics:
        source = source_by_line.get(diagnostic.location.row)
        hits = [(index, selector) for index, ignore in enumerate(ignores)
                if source is not None and name_key(ignore.source) == source
                for selector in ignore.codes if selector_matches(selector, diagnostic.code, diagnostic.name)]
        used.update(hits)
        if not hits:
            kept.append(diagnostic)
    return kept, frozenset(used)
