"""catlint links: check each row's link over the network, through the link cache."""

from __future__ import annotations

import sys

from catlint.commands.common import (
    add_file_arguments, add_output_arguments, add_selection_arguments, each_file, emit_report, has_findings, load,
    report_run,
)
from catlint.commands.link_options import add_link_options, check_links
from catlint.commands.output import add_report_arguments, check_statistics_format, exit_code
from catlint.engine.check import check_catalogue, selected_rules
from catlint.errors import CatlintError
from catlint.escaping import log_line
from catlint.reporting import Checked


def add_arguments(parser) -> None:
    add_file_arguments(parser)
    add_selection_arguments(parser)
    add_output_arguments(parser)
    parser.add_argument("--fix", action="store_true", help="apply the safe URL fixes (http to https) to the files")
    parser.add_argument("--unsafe-fixes", action="store_true", help="also replace permanently moved URLs (implies --fix)")
    add_report_arguments(parser)
    add_link_options(parser)


def run(arguments) -> int:
    check_statistics_format(arguments)
    diagnostics, rules, checked = [], {}, {}

    def check(path, config):
        catalogue = load(path, config)
        results = check_links(catalogue, arguments, config)
        if arguments.fix or arguments.unsafe_fixes:
            catalogue = _apply_fixes(catalogue, config, results, arguments)
        # Only the rules that need the network: the offline rules are `catlint check`'s.
        diagnostics.extend(check_catalogue(catalogue, config, results, only_network=True))
        rules.update({rule.code: rule for rule in selected_rules(config, True, only_network=True)})
        checked[path] = Checked(catalogue, config)

    failed, files = each_file(arguments, check)
    emit_report(arguments, diagnostics, report_run(arguments, files, rules.values(), failed, checked, diagnostics))
    return exit_code(arguments, failed, has_findings(diagnostics))


def _apply_fixes(catalogue, config, results: dict, arguments):
    """Write the wanted URL fixes into the file through the fixer, as `catlint fix` writes its own
    (one finding's edits each, checked on the raw text); return the catalogue as written."""
    from catlint.engine.fixer import fix_document
    from catlint.files import write_atomically
    from catlint.reading.source import encode

    result = fix_document(catalogue, config, unsafe=arguments.unsafe_fixes, link_results=results, only_network=True)
    if not result.converged:
        raise CatlintError(f"{catalogue.path}: link fixes did not settle after several rounds; nothing written")
    if result.text == catalogue.text:
        return catalogue
    write_atomically(catalogue.path, encode(catalogue.source, result.text))
    print(log_line(f"{catalogue.path}: fixed {result.fixed} link{'s' if result.fixed != 1 else ''}"), file=sys.stderr)
    return result.catalogue
