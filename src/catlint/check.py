"""Run the selected rules over a document and return ordered diagnostics.

A large table is checked by two processes: the consistency rules (CAT3xx, about
half the work) run in a forked child that sends its diagnostics back, the
other rules in this process. Below PARALLEL_ROWS a second process costs more
than it saves; without fork (Windows) everything runs here.
"""

from __future__ import annotations

import os
import pickle

from catlint import knowledge
from catlint.config import Config
from catlint.diagnostics import Diagnostic, sort_diagnostics
from catlint.fix_scope import confined_fixes
from catlint.rules import all_rules
from catlint.suppression import apply_row_ignores

PARALLEL_ROWS = 5_000
FORKED_FAMILY = "CAT3"


def selected_rules(config: Config):
    return [rule for rule in all_rules() if config.enabled(rule.code, rule.name)]


def check_document(document, config: Config) -> list[Diagnostic]:
    knowledge.select(config.knowledge)  # read lazily, by the consistency rules only
    rules = selected_rules(config)
    forked = [rule for rule in rules if rule.code.startswith(FORKED_FAMILY)]
    if len(document.records) >= PARALLEL_ROWS and forked and hasattr(os, "fork"):
        diagnostics = _run_in_two_processes(document, config, [rule for rule in rules if rule not in forked], forked)
    else:
        diagnostics = _run(document, config, rules)
    return sort_diagnostics(confined_fixes(apply_row_ignores(diagnostics, document, config), document))


def _run(document, config: Config, rules) -> list[Diagnostic]:
    diagnostics = []
    for rule in rules:
        severity = config.severity.get(rule.code, rule.severity)
        for finding in rule.check(document):
            diagnostics.append(
                Diagnostic(document.path, rule.code, rule.name, severity, finding.message,
                           finding.location, finding.end_location, finding.fix, finding.subject)
            )
    return diagnostics


def _run_in_two_processes(document, config: Config, here, there) -> list[Diagnostic]:
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the child: run its rules, send the diagnostics, leave without cleaning up
        status = 1
        try:
            os.close(reading)
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(pickle.dumps(_run(document, config, there), protocol=pickle.HIGHEST_PROTOCOL))
            status = 0
        finally:
            os._exit(status)
    os.close(writing)
    try:
        diagnostics = _run(document, config, here)
    finally:
        with os.fdopen(reading, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(child, 0)
    if status != 0:  # the child failed (a bad knowledge file, say): run its rules here for the error
        return diagnostics + _run(document, config, there)
    return diagnostics + pickle.loads(data)
