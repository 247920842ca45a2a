"""catlint fix: apply safe fixes (and unsafe ones when asked), write only what changed."""

from __future__ import annotations

import difflib
import sys

from catlint.commands.common import add_file_arguments, add_selection_arguments, config_for, files_of, has_findings, load, report_error
from catlint.errors import CatlintError
from catlint.escaping import visible
from catlint.engine.fixer import fix_document
from catlint.reporting import Run, render
from catlint.reading.source import encode
from catlint.files import write_atomically

HELP = "repair and normalise catalogue files in place"


def add_arguments(parser) -> None:
    add_file_arguments(parser)
    add_selection_arguments(parser)
    parser.add_argument("--diff", action="store_true", help="print a unified diff of the fixes and write nothing")
    parser.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes that change values (review them)")
    parser.add_argument("--fix-only", action="store_true",
                        help="only fix: neither report nor fail on the problems left (the pre-commit hook's mode)")


def run(arguments) -> int:
    failed = changed_any = remaining_any = False
    for path in files_of(arguments):
        try:
            changed, remaining = _fix_file(path, arguments)
        except CatlintError as error:
            report_error(error)
            failed = True
            continue
        changed_any |= changed
        remaining_any |= not arguments.fix_only and has_findings(remaining)
    if failed:
        return 2
    return 1 if remaining_any or (arguments.diff and changed_any) else 0


def _fix_file(path: str, arguments) -> tuple[bool, list]:
    config = config_for(path, arguments)
    document = load(path, config)
    result = fix_document(document, config, unsafe=arguments.unsafe_fixes)
    if not result.converged:
        raise CatlintError(f"{path}: fixes did not settle after several rounds; nothing written")
    for refused in sorted(result.refused, key=lambda d: d.sort_key()):  # a rule's mistake: say so, write the rest
        print(visible(f"catlint: {path}:{refused.location.row}:{refused.location.column}: {refused.code} fix left unapplied: "
                      "it would change a value"), file=sys.stderr)
    data = encode(document.source, result.text)
    changed = result.text != document.text or not document.source.is_utf8  # strict UTF-8 decodes and encodes back exactly
    if arguments.diff:
        sys.stdout.write(_diff(path, document.text, result.text, document.source, changed))
        left = [d for d in result.remaining if has_findings([d])]
        if left and not arguments.fix_only:  # on stderr: the diff on stdout stays a patch
            print(visible(_left_after_diff(path, len(left), changed)), file=sys.stderr)
        return changed, result.remaining
    remaining = result.remaining
    if changed:
        write_atomically(path, data)
        print(visible(_summary(path, result.fixed, document.source.is_utf8)))
    if remaining and not arguments.fix_only:
        sys.stdout.write(render("text", remaining, Run((path,), ())))
    return changed, remaining


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
    if not changed:
        return ""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}")
    text = "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)
    if changed and not text:
        text = f"--- a/{path}\n+++ b/{path}\n@@ encoding: {source.encoding} -> utf-8 @@\n"
    return text
