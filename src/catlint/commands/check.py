"""catlint check: report every problem of each catalogue (with --fix, first fix what is safe)."""

from __future__ import annotations

import sys

from catlint.commands.common import (
    add_file_arguments, add_output_arguments, add_selection_arguments, each_file, emit_report, has_findings, load,
    report_run,
)
from catlint.commands.link_options import add_link_options, links_if_asked
from catlint.commands.output import add_report_arguments, check_statistics_format, exit_code
from catlint.engine.check import check_catalogue, selected_rules
from catlint.errors import CatlintError
from catlint.reporting import Checked



def add_arguments(parser) -> None:
    add_file_arguments(parser, stdin=True)
    add_selection_arguments(parser)
    add_output_arguments(parser)
    parser.add_argument("--changed-since", metavar="REF",
                        help="report only problems on lines changed since git REF, or new since REF")
    parser.add_argument("--fix", action="store_true",
                        help="first apply the safe fixes (written as `catlint fix` writes them), then report what is left")
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --fix: also apply the fixes that change values")
    add_report_arguments(parser)
    add_link_options(parser, switch=True)


def run(arguments) -> int:
    _check_combinations(arguments)
    diagnostics, rules, checked, changed, fixed = [], {}, {}, {}, []
    left_out = 0

    def check(path, config):
        nonlocal left_out
        catalogue = load(path, config)
        results = links_if_asked(catalogue, arguments, config)
        if arguments.fix:
            from catlint.commands.fix import apply_fixes, write_fixed

            result = apply_fixes(path, catalogue, config, arguments.unsafe_fixes, results)
            write_fixed(path, catalogue, result)
            fixed.extend(result.applied)
            catalogue, found = result.catalogue, result.remaining
        else:
            found = check_catalogue(catalogue, config, results)
        if arguments.changed_since:
            from catlint.engine.changes import introduced_by_change

            kept, changed[path] = introduced_by_change(found, path, arguments.changed_since, catalogue, config)
            left_out, found = left_out + len(found) - len(kept), kept
        diagnostics.extend(found)
        checked[path] = Checked(catalogue, config)
        rules.update({rule.code: rule for rule in selected_rules(config, results is not None)})

    failed, files = each_file(arguments, check)
    # `check --fix -` writes the fixed text to standard output, so the report goes to standard error.
    stream = sys.stderr if arguments.fix and any(getattr(path, "stdin", False) for path in files) else sys.stdout
    run = report_run(arguments, files, rules.values(), failed, checked, diagnostics,
                     changed if arguments.changed_since else None, fixed, left_out if arguments.changed_since else None, stream)
    emit_report(arguments, diagnostics, run, stream)
    return exit_code(arguments, failed, has_findings(diagnostics))


def _check_combinations(arguments) -> None:
    if arguments.unsafe_fixes and not arguments.fix:
        raise CatlintError("--unsafe-fixes applies fixes only with --fix (or use `catlint fix --unsafe-fixes`)")
    if arguments.changed_since and "-" in (arguments.files or []):
        raise CatlintError("--changed-since compares files in git; it cannot check standard input (-)")
    check_statistics_format(arguments)

