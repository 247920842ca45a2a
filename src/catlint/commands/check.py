"""catlint check: report every problem of each catalogue."""

from __future__ import annotations

from catlint.check import check_document, selected_rules
from catlint.commands.common import add_output_arguments, has_findings, add_file_arguments, add_selection_arguments, config_for, files_of, load, report_error, report_run, write_output
from catlint.commands.links import add_link_options, check_links_if_asked
from catlint.errors import CatlintError
from catlint.reporters import Checked, render

HELP = "check catalogue files and report problems"


def add_arguments(parser) -> None:
    add_file_arguments(parser)
    add_selection_arguments(parser)
    add_output_arguments(parser)
    parser.add_argument("--changed-since", metavar="REF",
                        help="report only problems on lines changed since git REF, or new since REF")
    add_link_options(parser, switch=True)


def run(arguments) -> int:
    diagnostics, failed, rules, checked, changed = [], 0, {}, {}, {}
    files = files_of(arguments)
    for path in files:
        try:
            config = config_for(path, arguments)
            document = load(path, config)
            check_links_if_asked(document, arguments, config)
            found = check_document(document, config)
            if arguments.changed_since:
                from catlint.changes import introduced_by_change

                found, changed[path] = introduced_by_change(found, path, arguments.changed_since, document, config)
            diagnostics += found
            checked[path] = Checked(document, config)
            rules.update({rule.code: rule for rule in selected_rules(config)})
        except CatlintError as error:
            report_error(error)
            failed += 1
    run = report_run(arguments, files, rules.values(), failed, checked, diagnostics, changed if arguments.changed_since else None)
    write_output(render(arguments.output_format, diagnostics, run), arguments.output_file)
    if failed:
        return 2
    return 1 if has_findings(diagnostics) else 0
