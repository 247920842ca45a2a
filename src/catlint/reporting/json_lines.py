"""JSON Lines: one diagnostic object of the JSON contract per line."""

from __future__ import annotations

from catlint.escaping import json_text
from catlint.reporting.json_format import diagnostic_object


def render(diagnostics, run) -> str:
    return "".join(json_text(diagnostic_object(d)) + "\n" for d in diagnostics)
