"""catlint's diagnostics and fixes as the protocol's: ranges in the client's encoding, severities,
and a link to each rule's documentation."""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from pathlib import Path

from lsprotocol import types

from catlint.escaping import visible
from catlint.rules import find_rule
from catlint.server.positions import TextPositions

SOURCE = "catlint"
SEVERITIES = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
              "info": types.DiagnosticSeverity.Information}
_EOL = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


@lru_cache(maxsize=None)
def documentation_uri(code: str) -> str | None:
    """The rule's module, whose docstring is its documentation (`catlint rule CODE` prints the same):
    on this machine, so it opens without a network."""
    rule = find_rule(code)
    if rule is None:
        return None
    module = importlib.import_module(rule.check.__module__)
    return Path(module.__file__).resolve().as_uri() if getattr(module, "__file__", None) else None


def diagnostic(d, positions: TextPositions) -> types.Diagnostic:
    href = documentation_uri(d.code)
    return types.Diagnostic(
        range=positions.range(d.location, d.end_location),
        severity=SEVERITIES[d.severity],
        code=d.code,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        message=visible(d.message),  # cell text: controls shown as escapes, never sent to the editor's UI raw
        data={"name": d.name, "fix": d.fix.applicability if d.fix else None},
    )


def problem_diagnostic(message: str) -> types.Diagnostic:
    """A configuration or schema catlint cannot use, at the top of the document."""
    start = types.Position(line=0, character=0)
    return types.Diagnostic(range=types.Range(start=start, end=start), severity=types.DiagnosticSeverity.Error,
                            source=SOURCE, message=visible(f"catlint cannot check this file: {message}"))


def fix_edits(fix, positions: TextPositions) -> list[types.TextEdit]:
    return [types.TextEdit(range=positions.range(edit.location, edit.end_location), new_text=edit.content) for edit in fix.edits]


def whole_text_edits(old: str, new: str, encoding: str) -> list[types.TextEdit]:
    """One edit that turns `old` into `new`: the lines between their common first and last lines
    replaced, so the editor keeps the cursor, folds and marks everywhere else."""
    before, after = _EOL.findall(old), _EOL.findall(new)
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < min(len(before), len(after)) - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    positions = TextPositions(old, encoding)
    start = sum(map(len, before[:head]))
    end = len(old) - sum(map(len, before[len(before) - tail:]))
    return [types.TextEdit(range=types.Range(start=positions.position_at(start), end=positions.position_at(end)),
                           new_text="".join(after[head:len(after) - tail]))]
