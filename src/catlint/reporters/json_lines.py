"""JSON Lines: one diagnostic object of the JSON contract per line."""

from __future__ import annotations

import json

from catlint.reporters.json_format import diagnostic_object


def render(diagnostics, run) -> str:
    return "".join(json.dumps(diagnostic_object(d), ensure_ascii=False) + "\n" for d in diagnostics)
