"""`path:line:col: CODE message`, one per line, then a summary line."""

from __future__ import annotations

from collections import Counter

from catlint.escaping import visible
from catlint.reporting import fix_command


def render(diagnostics, run) -> str:
    # Cell text reaches a terminal: escape sequences and bidi controls are shown, not obeyed.
    lines = [visible(f"{d.filename}:{d.location.row}:{d.location.column}: {d.code} {d.message}") for d in diagnostics]
    checked = len(run.files) - run.unreadable
    if checked or not run.unreadable:  # "All checks passed" only when something was checked
        lines.append(summary(diagnostics, checked, run))
    if run.unreadable:
        lines.append(f"{run.unreadable} file{'s' if run.unreadable != 1 else ''} could not be checked (see the errors above).")
    return "\n".join(lines) + "\n"


def summary(diagnostics, file_count: int, run) -> str:
    files = f"{file_count} file{'s' if file_count != 1 else ''}"
    if not diagnostics:
        return f"All checks passed ({files})."
    counts = {level: sum(1 for d in diagnostics if d.severity == level) for level in ("error", "warning", "info")}
    parts = ", ".join(f"{count} {level}{'s' if count != 1 and level != 'info' else ''}" for level, count in counts.items() if count)
    by_command = Counter(fix_command(d, run) for d in diagnostics if d.fix)
    fixable = "".join(f"; {count} {'more ' if command.endswith('--unsafe-fixes') else ''}fixable with `{command}`"
                      for command, count in sorted(by_command.items(), key=lambda item: (item[0].endswith("--unsafe-fixes"), item[0])))
    return f"Found {len(diagnostics)} problem{'s' if len(diagnostics) != 1 else ''} in {files} ({parts}){fixable}."
