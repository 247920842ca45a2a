"""reviewdog's Diagnostic Format (rdjson): one result object with every diagnostic.

reviewdog counts columns in UTF-8 bytes, end exclusive; catlint counts code
points, so every column is converted through its line's text. A fix becomes
one suggestion, which reviewdog posts as a suggested change: the finding's
own edits applied to its line, laid out like the table (`catlint.engine.suggestions`),
replacing that whole line. A fix across several lines (sorting rows) has none.
reviewdog posts messages as Markdown in review comments, and messages quote
cells: each is a code span, as in `github-review` (`escaping.code_span`).
"""

from __future__ import annotations

from catlint.diagnostics import Position
from catlint.escaping import code_span, json_text
from catlint.reporting import line_text, relative_path

NEEDS = ("suggestions",)
SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "catlint"}


def render(diagnostics, run) -> str:
    result = {"source": SOURCE, "diagnostics": [diagnostic_object(d, run) for d in diagnostics]}
    return json_text(result, indent=2) + "\n"


def diagnostic_object(diagnostic, run) -> dict:
    found = {
        "message": code_span(diagnostic.message),
        "location": {"path": relative_path(diagnostic.filename),
                     "range": byte_range(run, diagnostic.filename, diagnostic.location, diagnostic.end_location)},
        "severity": SEVERITIES[diagnostic.severity],
        "source": SOURCE,
        "code": {"value": diagnostic.code},
    }
    suggestion = run.suggestions.get(diagnostic) if diagnostic.fix is not None else None
    if suggestion is not None:
        line = suggestion.line
        whole = (Position(line, 1), Position(line, len(line_text(run, diagnostic.filename, line)) + 1))
        found["suggestions"] = [{"range": byte_range(run, diagnostic.filename, *whole), "text": "\n".join(suggestion.lines)}]
    return found


def byte_range(run, filename: str, start, end) -> dict:
    return {"start": byte_position(run, filename, start), "end": byte_position(run, filename, end)}


def byte_position(run, filename: str, point) -> dict:
    before = line_text(run, filename, point.row)[: point.column - 1]
    return {"line": point.row, "column": len(before.encode("utf-8")) + 1}
