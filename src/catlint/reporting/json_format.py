"""One JSON array of diagnostics: the contract in catlint-diagnostics.schema.json."""

from __future__ import annotations

from catlint.escaping import json_text


def position(point) -> dict:
    return {"row": point.row, "column": point.column}


def fix_object(fix) -> dict | None:
    if fix is None:
        return None
    return {
        "applicability": fix.applicability,
        "message": fix.message,
        "edits": [{"content": edit.content, "location": position(edit.location), "end_location": position(edit.end_location)} for edit in fix.edits],
    }


def diagnostic_object(diagnostic) -> dict:
    return {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity,
        "message": diagnostic.message,
        "filename": diagnostic.filename,
        "location": position(diagnostic.location),
        "end_location": position(diagnostic.end_location),
        "fix": fix_object(diagnostic.fix),
    }


def render(diagnostics, run) -> str:
    return json_text([diagnostic_object(d) for d in diagnostics], indent=2) + "\n"
