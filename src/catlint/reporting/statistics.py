"""--statistics: how many problems each rule found, most first, as text or JSON."""

from __future__ import annotations

from catlint.escaping import json_text
from catlint.reporting.text import paint, summary


def rows(diagnostics) -> list[dict]:
    by_code: dict[str, dict] = {}
    for d in diagnostics:
        row = by_code.setdefault(d.code, {"code": d.code, "name": d.name, "severity": d.severity, "count": 0,
                                          "fixable": 0, "unsafe_fixable": 0})
        row["count"] += 1
        if d.fix is not None:
            row["fixable" if d.fix.applicability == "safe" else "unsafe_fixable"] += 1
    return sorted(by_code.values(), key=lambda row: (-row["count"], row["code"]))


def render(diagnostics, run, as_json: bool = False) -> str:
    table = rows(diagnostics)
    if as_json:
        return json_text(table, indent=2) + "\n"
    width = max((len(str(row["count"])) for row in table), default=1)
    lines = [f"{row['count']:>{width}}  {paint(row['code'], 'bold', run.color)}  {row['name']:<28} "
             f"{paint(row['severity'], row['severity'], run.color)}{' ' * (8 - len(row['severity']))}{_fixable(row)}".rstrip()
             for row in table]
    if run.summary:
        lines.append(summary(diagnostics, len(run.files) - run.unreadable, run))
    return "\n".join(lines) + "\n" if lines else ""


def _fixable(row: dict) -> str:
    parts = []
    if row["fixable"]:
        parts.append(f"{row['fixable']} fixable")
    if row["unsafe_fixable"]:
        parts.append(f"{row['unsafe_fixable']} fixable with --unsafe-fixes")
    return " " + ", ".join(parts) if parts else ""
