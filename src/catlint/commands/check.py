"""catlint check: report every problem of each catalogue."""

from __future__ import annotations

from catlint.commands.common import (
    add_file_arguments, add_output_arguments, add_selection_arguments, each_file, files_of, has_findings, load,
    report_run, write_output,
)
from catlint.commands.links import add_link_options, links_if_asked
from catlint.engine.check import check_catalogue, selected_rules
from catlint.reporting import Checked, render

HELP = "check catalogue files and report problems"


def add_arguments(parser) -> None:
    add_file_arguments(parser)
    add_selection_arguments(parser)
    add_output_arguments(parser)
    parser.add_argument("--changed-since", metavar="REF",
                        help="report only problems on lines changed since git REF, or new since REF")
    add_link_options(parser, switch=True)


def run(arguments) -> int:
    diagnostics, rules, checked, changed = [], {}, {}, {}

    def check(path, config):
        catalogue = load(path, config)
        results = links_if_asked(catalogue, arguments, config)
        found = check_catalogue(catalogue, config, results)
        if arguments.changed_since:
            from catlint.engine.changes import introduced_by_change

            found, changed[path] = introduced_by_change(found, path, arguments.changed_since, catalogue, config)
        diagnostics.extend(found)
        checked[path] = Checked(catalogue, config)
        rules.update({rule.code: rule for rule in selected_rules(config, results is not None)})

    failed = each_file(arguments, check)
    run = report_run(arguments, files_of(arguments), rules.values(), failed, checked, diagnostics,
                     changed if arguments.changed_since else None)
    write_output(render(arguments.output_format, diagnostics, run), arguments.output_file)
    if failed:
        return 2
    return 1 if has_findings(diagnostics) else 0
