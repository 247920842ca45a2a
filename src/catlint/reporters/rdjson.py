"""reviewdog's Diagnostic Format (rdjson): one result object with every diagnostic.

reviewdog counts columns in UTF-8 bytes, end exclusive; catlint counts code
points, so every column is converted through its line's text. Fixes become
`suggestions`, which reviewdog posts as suggested changes.
"""

from __future__ import annotations

from catlint.escaping import json_text
from catlint.reporters import line_text, relative_path

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "catlint"}


def render(diagnostics, run) -> str:
    result = {"source": SOURCE, "diagnostics": [diagnostic_object(d, run) for d in diagnostics]}
    return json_text(result, indent=2) + "\n"


def diagnostic_object(diagnostic, run) -> dict:
    found = {
        "message": diagnostic.message,
        "location": {"path": relative_path(diagnostic.filename),
                     "range": byte_range(run, diagnostic.filename, diagnostic.location, diagnostic.end_location)},
        "severity": SEVERITIES[diagnostic.severity],
        "source": SOURCE,
        "code": {"value": diagnostic.code},
    }
    if diagnostic.fix is not None:
        found["suggestions"] = [{"range": byte_range(run, diagnostic.filename, edit.location, edit.end_location), "text": edit.content}
                                for edit in diagnostic.fix.edits]
    return found


def byte_range(run, filename: str, start, end) -> dict:
    return {"start": byte_position(run, filename, start), "end": byte_position(run, filename, end)}


def byte_position(run, filename: str, point) -> dict:
    before = line_text(run, filename, point.row)[: point.column - 1]
    return {"line": point.row, "column": len(before.encode("utf-8")) + 1}
