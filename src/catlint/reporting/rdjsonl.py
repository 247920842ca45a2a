"""reviewdog's rdjsonl: one rdjson diagnostic per line."""

from __future__ import annotations

from catlint.escaping import json_text
from catlint.reporting.rdjson import NEEDS, diagnostic_object  # noqa: F401 (NEEDS: the same as rdjson's)


def render(diagnostics, run) -> str:
    return "".join(json_text(diagnostic_object(d, run)) + "\n" for d in diagnostics)
