"""Run the selected rules over a document and return ordered diagnostics."""

from __future__ import annotations

from catlint.config import Config, matches
from catlint.diagnostics import Diagnostic, sort_diagnostics
from catlint.rules import all_rules, row_subject


def selected_rules(config: Config):
    return [rule for rule in all_rules() if config.enabled(rule.code, rule.name)]


def check_document(document, config: Config) -> list[Diagnostic]:
    diagnostics = []
    ignored = _ignored_rows(document, config)
    for rule in selected_rules(config):
        severity = config.severity.get(rule.code, rule.severity)
        for finding in rule.check(document):
            if matches(ignored.get(finding.location.row, ()), rule.code, rule.name):
                continue
            diagnostics.append(
                Diagnostic(document.path, rule.code, rule.name, severity, finding.message,
                           finding.location, finding.end_location, finding.fix, finding.subject)
            )
    return sort_diagnostics(diagnostics)


def _ignored_rows(document, config: Config) -> dict[int, tuple[str, ...]]:
    """Line of each row named in `per-row-ignores` (by its Source) -> the codes ignored there."""
    if not config.per_row_ignores:
        return {}
    by_source: dict[str, tuple[str, ...]] = {}
    for entry in config.per_row_ignores:
        by_source[entry.source] = by_source.get(entry.source, ()) + entry.codes
    rows = {}
    for record in document.records:
        codes = by_source.get(row_subject(record)[0])
        if codes:
            rows[record.row.line] = codes
    return rows
