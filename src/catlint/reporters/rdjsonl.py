"""reviewdog's rdjsonl: one rdjson diagnostic per line."""

from __future__ import annotations

from catlint.escaping import json_text
from catlint.reporters.rdjson import diagnostic_object


def render(diagnostics, run) -> str:
    return "".join(json_text(diagnostic_object(d, run)) + "\n" for d in diagnostics)
