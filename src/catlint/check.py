"""Run the selected rules over a document and return ordered diagnostics."""

from __future__ import annotations

from catlint import knowledge
from catlint.config import Config
from catlint.diagnostics import Diagnostic, sort_diagnostics
from catlint.rules import all_rules
from catlint.suppression import apply_row_ignores


def selected_rules(config: Config):
    return [rule for rule in all_rules() if config.enabled(rule.code, rule.name)]


def check_document(document, config: Config) -> list[Diagnostic]:
    knowledge.select(config.knowledge)  # read lazily, by the consistency rules only
    diagnostics = []
    for rule in selected_rules(config):
        severity = config.severity.get(rule.code, rule.severity)
        for finding in rule.check(document):
            diagnostics.append(
                Diagnostic(document.path, rule.code, rule.name, severity, finding.message,
                           finding.location, finding.end_location, finding.fix, finding.subject)
            )
    return sort_diagnostics(apply_row_ignores(diagnostics, document, config))
