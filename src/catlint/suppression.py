"""Per-row ignores: drop a row's findings that the configuration suppresses with a reason,
and report the ignores that no longer suppress anything (so they do not outlive their reason)."""

from __future__ import annotations

import os

from catlint.config import matches
from catlint.diagnostics import Diagnostic, Position
from catlint.names import name_key
from catlint.rules import all_rules, find_rule

STALE_RULE = "CAT310"


def apply_row_ignores(diagnostics: list[Diagnostic], document, config) -> list[Diagnostic]:
    ignores = config.per_row_ignores
    if not ignores:
        return diagnostics
    source_by_line = {record.row.line: name_key(str(record.value("source") or "")) for record in document.records}
    used: set[tuple[int, str]] = set()
    kept = []
    for diagnostic in diagnostics:
        source = source_by_line.get(diagnostic.location.row)
        hits = [
            (index, selector)
            for index, ignore in enumerate(ignores)
            if source is not None and name_key(ignore.source) == source
            for selector in ignore.codes
            if matches((selector,), diagnostic.code, diagnostic.name)
        ]
        used.update(hits)
        if not hits:
            kept.append(diagnostic)
    return kept + list(_stale(document, config, used, set(source_by_line.values())))


def _stale(document, config, used, sources):
    rule = find_rule(STALE_RULE)
    if not config.enabled(rule.code, rule.name):
        return
    severity = config.severity.get(rule.code, rule.severity)
    where = _shown_path(config.path)
    for index, ignore in enumerate(config.per_row_ignores):
        unused = [selector for selector in ignore.codes if (index, selector) not in used and _checked(selector, config)]
        if not unused:
            continue
        if name_key(ignore.source) not in sources:
            problem = "matches no row"
        else:
            problem = f"suppresses nothing: no {', '.join(unused)} finding on that row"
        line = next((r.row.line for r in document.records if name_key(str(r.value("source") or "")) == name_key(ignore.source)), document.table.first_line)
        message = f"per-row ignore for {ignore.source!r} in {where} {problem}; remove it or update it"
        yield Diagnostic(document.path, rule.code, rule.name, severity, message, Position(line, 1), Position(line, 2),
                         subject=("per-row-ignore", ignore.source, *unused))


def _checked(selector: str, config) -> bool:
    """Only an ignore of a rule that ran can be known to be unused; an unknown code is always unused."""
    matching = [rule for rule in all_rules() if matches((selector,), rule.code, rule.name)]
    return not matching or any(config.enabled(rule.code, rule.name) for rule in matching)


def _shown_path(path: str | None) -> str:
    if not path:
        return "the configuration"
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return path
    return path if relative.startswith("..") else relative
