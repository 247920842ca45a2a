"""`path:line:col: CODE message`, one per line, then a summary line."""

from __future__ import annotations


def render(diagnostics, run) -> str:
    lines = [f"{d.filename}:{d.location.row}:{d.location.column}: {d.code} {d.message}" for d in diagnostics]
    checked = len(run.files) - run.unreadable
    if checked or not run.unreadable:  # "All checks passed" only when something was checked
        lines.append(summary(diagnostics, checked, run.fix_command))
    if run.unreadable:
        lines.append(f"{run.unreadable} file{'s' if run.unreadable != 1 else ''} could not be checked (see the errors above).")
    return "\n".join(lines) + "\n"


def summary(diagnostics, file_count: int, fix_command: str = "catlint fix") -> str:
    files = f"{file_count} file{'s' if file_count != 1 else ''}"
    if not diagnostics:
        return f"All checks passed ({files})."
    counts = {level: sum(1 for d in diagnostics if d.severity == level) for level in ("error", "warning", "info")}
    parts = ", ".join(f"{count} {level}{'s' if count != 1 and level != 'info' else ''}" for level, count in counts.items() if count)
    safe = sum(1 for d in diagnostics if d.fix and d.fix.applicability == "safe")
    unsafe = sum(1 for d in diagnostics if d.fix and d.fix.applicability == "unsafe")
    fixable = ""
    if safe:
        fixable += f"; {safe} fixable with `{fix_command}`"
    if unsafe:
        fixable += f"; {unsafe} more with `{fix_command} --unsafe-fixes`"
    return f"Found {len(diagnostics)} problem{'s' if len(diagnostics) != 1 else ''} in {files} ({parts}){fixable}."
