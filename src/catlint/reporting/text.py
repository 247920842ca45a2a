"""`path:line:col: severity: CODE message`, one per line, then a summary line.

The severity sits where compilers put it (`file:1:2: warning: ...`), so editors and
CI problem matchers that read compiler output see the level too. Colour, when
asked for, is added around text that is already escaped: cell text can never
bring escape sequences of its own.
"""

from __future__ import annotations

from collections import Counter

from catlint.escaping import no_workflow_commands, visible
from catlint.reporting import fix_command

_RESET = "\x1b[0m"
_STYLES = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m", "bold": "\x1b[1m", "dim": "\x1b[2m"}


def paint(text: str, style: str, color: bool) -> str:
    return f"{_STYLES[style]}{text}{_RESET}" if color else text


def render(diagnostics, run) -> str:
    color = run.color
    lines = []
    for d in diagnostics:
        # Cell text reaches a terminal: escape sequences and bidi controls are shown, not obeyed.
        lines.append(f"{paint(visible(d.filename), 'bold', color)}:{d.location.row}:{d.location.column}: "
                     f"{paint(d.severity + ':', d.severity, color)} {paint(d.code, 'bold', color)} {visible(d.message)}")
        if run.show_fixes and d.fix is not None:
            lines.append(paint(visible(f"    fix ({fix_label(d.fix)}): {d.fix.message}"), "dim", color))
    if run.summary:
        if run.fixed:
            lines += fixed_lines(run.fixed, run.show_fixes)
        checked = len(run.files) - run.unreadable
        if checked or not run.unreadable:  # "All checks passed" only when something was checked
            lines.append(summary(diagnostics, checked, run))
        if run.unreadable:
            lines.append(f"{run.unreadable} file{'s' if run.unreadable != 1 else ''} could not be checked (see the errors above).")
    # An Actions log reads workflow commands in any step's output, whatever the format asked for.
    return no_workflow_commands("\n".join(lines) + "\n") if lines else ""


def fix_label(fix) -> str:
    return "safe" if fix.applicability == "safe" else "unsafe, changes a value"


def fixed_lines(fixed, by_rule: bool) -> list[str]:
    """`Fixed N problems.`, and with --show-fixes how many of each rule in each file."""
    count = len(fixed)
    lines = [f"Fixed {count} problem{'s' if count != 1 else ''}{':' if by_rule else '.'}"]
    if by_rule:
        for filename in dict.fromkeys(d.filename for d in fixed):
            lines.append(visible(f"- {filename}:"))
            lines += fixed_by_rule([d for d in fixed if d.filename == filename])
    return lines


def fixed_by_rule(fixed) -> list[str]:
    counts = Counter((d.code, d.name) for d in fixed)
    return [f"    {number} × {code} ({name})" for (code, name), number in sorted(counts.items())]


def summary(diagnostics, file_count: int, run) -> str:
    files = f"{file_count} file{'s' if file_count != 1 else ''}"
    left_out = "" if run.left_out is None else (
        f"; {run.left_out} older problem{'s' if run.left_out != 1 else ''} left out by --changed-since")
    if not diagnostics:
        return f"All checks passed ({files}){left_out}."
    counts = {level: sum(1 for d in diagnostics if d.severity == level) for level in ("error", "warning", "info")}
    parts = ", ".join(f"{count} {level}{'s' if count != 1 and level != 'info' else ''}" for level, count in counts.items() if count)
    by_command = Counter(fix_command(d, run) for d in diagnostics if d.fix)
    fixable = "".join(f"; {count} {'more ' if command.endswith('--unsafe-fixes') else ''}fixable with `{command}`"
                      for command, count in sorted(by_command.items(), key=lambda item: (item[0].endswith("--unsafe-fixes"), item[0])))
    return f"Found {len(diagnostics)} problem{'s' if len(diagnostics) != 1 else ''} in {files} ({parts}){fixable}{left_out}."
