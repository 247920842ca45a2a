"""Run the selected rules over a catalogue and return ordered diagnostics.

Rules are chosen by their declared needs: those needing the network only when
link results are given, those needing the per-row ignores' outcome after the
ignores are applied. Every fix a rule offers passes `fix_scope` before anyone
sees it.
"""

from __future__ import annotations

from catlint.diagnostics import Diagnostic, sort_diagnostics
from catlint.engine.config import Config, Scope
from catlint.engine.context import build_context
from catlint.engine.fix_scope import confined_fixes
from catlint.engine.suppression import apply_row_ignores
from catlint.rules import all_rules


def selected_rules(config: Config, network: bool = False, only_network: bool = False):
    """The enabled rules; those needing the network only with `network`, and only they with `only_network`."""
    scope = Scope(network=network, only_network=only_network)
    return [rule for rule in all_rules() if config.enabled(rule.code, rule.name) and scope.runs(rule)]


def check_catalogue(catalogue, config: Config, link_results: dict | None = None, table_style: str | None = None,
                    only_network: bool = False) -> list[Diagnostic]:
    rules = selected_rules(config, link_results is not None, only_network)
    context = build_context(catalogue, config, link_results, table_style)
    ran = {rule.code for rule in rules}
    context.enabled = lambda code, name: code in ran
    diagnostics = _run(catalogue, config, context, [rule for rule in rules if "suppression" not in rule.needs])
    diagnostics, context.suppressed = apply_row_ignores(diagnostics, catalogue, config)
    diagnostics += _run(catalogue, config, context, [rule for rule in rules if "suppression" in rule.needs])
    return sort_diagnostics(confined_fixes(diagnostics, catalogue))


def _run(catalogue, config: Config, context, rules) -> list[Diagnostic]:
    diagnostics = []
    for rule in rules:
        severity = config.severity.get(rule.code, rule.severity)
        for finding in rule.check(context):
            diagnostics.append(Diagnostic(catalogue.path, rule.code, rule.name, severity, finding.message,
                                          finding.location, finding.end_location, finding.fix, finding.subject))
    return diagnostics
