"""catlint fix: apply safe fixes (and unsafe ones when asked), write only what changed.

`catlint fix -` reads standard input and writes the fixed text to standard output,
whether it changed or not; what it says about the fixes then goes to standard error.
`check --fix` fixes through `apply_fixes` too.
"""

from __future__ import annotations

import difflib
import sys

from catlint.commands.common import add_file_arguments, add_selection_arguments, each_file, has_findings, load
from catlint.commands.output import add_report_arguments, exit_code, wants_color
from catlint.errors import CatlintError
from catlint.escaping import log_line, no_workflow_commands, visible
from catlint.engine.fixer import fix_document
from catlint.reporting import Run, render
from catlint.reporting.text import fixed_by_rule
from catlint.reading.lines import lines_of
from catlint.reading.source import encode
from catlint.files import write_atomically



def add_arguments(parser) -> None:
    add_file_arguments(parser, stdin=True)
    add_selection_arguments(parser)
    parser.add_argument("--diff", action="store_true", help="print a unified diff of the fixes and write nothing")
    parser.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes that change values (review them)")
    parser.add_argument("--fix-only", action="store_true",
                        help="only fix: neither report nor fail on the problems left (the pre-commit hook's mode)")
    add_report_arguments(parser, statistics=False)


def run(arguments) -> int:
    changed_any = remaining_any = False

    def work(path, config):
        nonlocal changed_any, remaining_any
        changed, remaining = _fix_file(path, config, arguments)
        changed_any |= changed
        remaining_any |= not arguments.fix_only and has_findings(remaining)

    failed, _ = each_file(arguments, work)
    return exit_code(arguments, failed, remaining_any or (arguments.diff and changed_any))


def apply_fixes(path: str, document, config, unsafe: bool, link_results: dict | None = None):
    """The fixes applied to the document (not yet written); refused fixes are named on stderr."""
    result = fix_document(document, config, unsafe=unsafe, link_results=link_results)
    if not result.converged:
        raise CatlintError(f"{path}: fixes did not settle after several rounds; nothing written")
    for refused in sorted(result.refused, key=lambda d: d.sort_key()):  # a rule's mistake: say so, write the rest
        print(log_line(f"catlint: {path}:{refused.location.row}:{refused.location.column}: {refused.code} fix left unapplied: "
                      "it would change a value"), file=sys.stderr)
    return result


def write_fixed(path, document, result) -> bool:
    """Write the fixed text: to the file when it changed, or all of it to standard output for `-`."""
    data = encode(document.source, result.text)
    changed = result.text != document.text or not document.source.is_utf8  # strict UTF-8 decodes and encodes back exactly
    if getattr(path, "stdin", False):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    elif changed:
        write_atomically(path, data)
    return changed


def _fix_file(path: str, config, arguments) -> tuple[bool, list]:
    document = load(path, config)
    result = apply_fixes(path, document, config, arguments.unsafe_fixes)
    if arguments.diff:
        changed = result.text != document.text or not document.source.is_utf8
        sys.stdout.write(_diff(path, document.text, result.text, document.source, changed))
        left = [d for d in result.remaining if has_findings([d])]
        if left and not arguments.fix_only and not arguments.silent:  # on stderr: the diff on stdout stays a patch
            print(log_line(_left_after_diff(path, len(left), changed)), file=sys.stderr)
        return changed, result.remaining
    changed = write_fixed(path, document, result)
    out = sys.stderr if getattr(path, "stdin", False) else sys.stdout  # standard output carries the text
    if arguments.silent:
        return changed, result.remaining
    report = ""
    if changed and not arguments.quiet:
        report += visible(_summary(path, result.fixed, document.source.is_utf8)) + "\n"
        if arguments.show_fixes:
            report += "".join(line + "\n" for line in fixed_by_rule(result.applied))
    if result.remaining and not arguments.fix_only:
        run = Run((path,), (), color=wants_color(arguments.color, out), summary=not arguments.quiet, show_fixes=arguments.show_fixes)
        report += render("text", result.remaining, run)
    out.write(no_workflow_commands(report) if out is sys.stderr else report)
    return changed, result.remaining


def _left_after_diff(path: str, count: int, changed: bool) -> str:
    problems = f"{count} problem{'s' if count != 1 else ''}"
    if changed:
        return f"catlint: {path}: {problems} would remain after these fixes (see `catlint check {path}`)"
    return f"catlint: {path}: nothing to fix, but {problems} {'remain' if count != 1 else 'remains'} (see `catlint check {path}`)"


def _summary(path: str, fixed: int, was_utf8: bool) -> str:
    parts = [f"fixed {fixed} problem{'s' if fixed != 1 else ''}"] if fixed else []
    if not was_utf8:
        parts.append("rewritten as UTF-8")
    return f"{path}: {'; '.join(parts)}"


def _diff(path: str, before: str, after: str, source, changed: bool) -> str:
    """A unified diff for a terminal: the file name and the lines' control and bidi characters
    escaped as the text report escapes them (tabs kept), each line with its own line ending."""
    if not changed:
        return ""
    name = visible(path)
    lines = difflib.unified_diff(_lines(before), _lines(after), f"a/{name}", f"b/{name}")
    text = "".join(map(_shown, lines))
    if not text:
        text = f"--- a/{name}\n+++ b/{name}\n@@ encoding: {source.encoding} -> utf-8 @@\n"
    return no_workflow_commands(text)


def _lines(text: str) -> list[str]:
    """The lines with their endings; only CR, LF and CRLF end a line (str.splitlines also ends
    one at a form feed or U+2028)."""
    if "\r" not in text:  # the common case, split in C
        parts = text.split("\n")
        return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    lines = lines_of(text)
    return [lines[index] + lines.ending(index) for index in range(len(lines))]


def _shown(line: str) -> str:
    content = line.rstrip("\r\n")
    ending = line[len(content) :]
    if ending in ("\n", "\r\n"):
        return visible(content, keep="\t") + ending
    if ending == "\r":  # a lone CR would send the terminal back over this line
        return visible(line, keep="\t") + "\n"
    return visible(content, keep="\t") + "\n\\ No newline at end of file\n"
