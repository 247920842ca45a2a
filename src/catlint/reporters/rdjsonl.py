"""reviewdog's rdjsonl: one rdjson diagnostic per line."""

from __future__ import annotations

import json

from catlint.reporters.rdjson import diagnostic_object


def render(diagnostics, run) -> str:
    return "".join(json.dumps(diagnostic_object(d, run), ensure_ascii=False) + "\n" for d in diagnostics)
