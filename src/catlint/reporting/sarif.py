"""SARIF 2.1.0 for code scanning: one run, the rules that ran, one result per problem.

Fingerprints hash the problem's identity (rule code, source name, field), not
its line, so an alert survives rows being added or moved above it. Messages
quote cells, and a viewer reads `[text](target)` in a message as a link: their
brackets are escaped (`escaping.sarif_text`).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import quote

from catlint import __version__
from catlint.escaping import json_text, sarif_text
from catlint.reporting import fix_command, relative_path

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "catlintIdentity/v1"


def render(diagnostics, run) -> str:
    rules = sorted({rule.code: rule for rule in run.rules}.values(), key=lambda rule: rule.code)
    index = {rule.code: position for position, rule in enumerate(rules)}
    fingerprints = _fingerprints(diagnostics)
    sarif_run = {
        "tool": {"driver": {"name": "catlint", "version": __version__, "semanticVersion": __version__,
                            "rules": [_rule(rule) for rule in rules]}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": run.unreadable == 0}],
        "results": [_result(d, index, fingerprint, run) for d, fingerprint in zip(diagnostics, fingerprints)],
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [sarif_run]}
    return json_text(document, indent=2) + "\n"


def _rule(rule) -> dict:
    rationale = re.split(r"\n\s*Fails\b", rule.documentation)[0].strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rationale},
        "help": {"text": f"{rule.documentation}\n\n(`catlint rule {rule.code}` prints this; fix: {rule.fix})"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"fix": rule.fix},
    }


def _result(diagnostic, index: dict, fingerprint: str, run) -> dict:
    result = {
        "ruleId": diagnostic.code,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": sarif_text(diagnostic.message)},
        "locations": [{"physicalLocation": {"artifactLocation": artifact(diagnostic.filename),
                                            "region": region(diagnostic.location, diagnostic.end_location)}}],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }
    if diagnostic.code in index:
        result["ruleIndex"] = index[diagnostic.code]
    if diagnostic.fix is not None:
        result["fixes"] = [_fix(diagnostic, run)]
    return result


def artifact(filename: str) -> dict:
    path = relative_path(filename)
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": "%SRCROOT%"}


def region(start, end) -> dict:
    return {"startLine": start.row, "startColumn": start.column, "endLine": end.row, "endColumn": end.column}


def _fix(diagnostic, run) -> dict:
    unsafe = f" (unsafe: `{fix_command(diagnostic, run)}`)" if diagnostic.fix.applicability == "unsafe" else ""
    replacements = [{"deletedRegion": region(edit.location, edit.end_location), "insertedContent": {"text": edit.content}}
                    for edit in diagnostic.fix.edits]
    return {"description": {"text": sarif_text(diagnostic.fix.message) + unsafe},
            "artifactChanges": [{"artifactLocation": artifact(diagnostic.filename), "replacements": replacements}]}


def _fingerprints(diagnostics) -> list[str]:
    """A hash of the identity; a second problem with the same identity counts on (`…:2`)."""
    seen: dict[tuple, int] = {}
    prints = []
    for diagnostic in diagnostics:
        key = (diagnostic.filename, *diagnostic.identity)
        seen[key] = seen.get(key, 0) + 1
        digest = hashlib.sha256("\x1f".join(diagnostic.identity).encode("utf-8")).hexdigest()[:32]
        prints.append(f"{digest}:{seen[key]}")
    return prints
