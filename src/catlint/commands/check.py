"""catlint check: report every problem of each catalogue."""

from __future__ import annotations

from catlint.check import check_document, selected_rules
from catlint.commands.common import add_file_arguments, add_selection_arguments, config_for, files_of, load, report_error, write_output
from catlint.commands.links import add_link_options, check_links_if_asked
from catlint.errors import CatlintError
from catlint.reporters import FORMATS, Run, render

HELP = "check catalogue files and report problems"


def add_arguments(parser) -> None:
    add_file_arguments(parser)
    add_selection_arguments(parser)
    parser.add_argument("--output-format", default="text", choices=sorted(FORMATS), help="report format (default: text)")
    parser.add_argument("--output-file", metavar="PATH", help="write the report here instead of standard output")
    add_link_options(parser, switch=True)


def run(arguments) -> int:
    diagnostics, failed, rules = [], 0, {}
    files = files_of(arguments)
    for path in files:
        try:
            config = config_for(path, arguments)
            document = load(path, config)
            check_links_if_asked(document, arguments, config)
            diagnostics += check_document(document, config)
            rules.update({rule.code: rule for rule in selected_rules(config)})
        except CatlintError as error:
            report_error(error)
            failed += 1
    write_output(render(arguments.output_format, diagnostics, Run(tuple(files), tuple(rules.values()), failed)), arguments.output_file)
    if failed:
        return 2
    return 1 if any(d.severity in ("error", "warning") for d in diagnostics) else 0
