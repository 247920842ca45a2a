"""catlint export: the rows as typed records (JSON, JSON Lines or CSV)."""

from __future__ import annotations

import sys

from catlint.commands.common import config_for, load, write_output
from catlint.escaping import visible
from catlint.export import FORMATS, rows_not_exported, valid_records

HELP = "export the catalogue rows as records valid against the schema"


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", nargs="?", default="catalogue.md", help="catalogue file (default: catalogue.md)")
    parser.add_argument("--format", default="json", choices=sorted(FORMATS), help="record format (default: json)")
    parser.add_argument("--output", metavar="PATH", help="write the records here instead of standard output")
    parser.add_argument("--config", metavar="PATH", help="configuration file")


def run(arguments) -> int:
    config = config_for(arguments.file, arguments)
    document = load(arguments.file, config)
    records, left_out = valid_records(document)
    write_output(FORMATS[arguments.format](records, document.schema), arguments.output)
    for line, fields in left_out:
        print(visible(f"{arguments.file}:{line}:1: row left out of the export: invalid {fields} (see `catlint check`)"), file=sys.stderr)
    unread = rows_not_exported(document)
    for line, why in unread:
        print(visible(f"{arguments.file}:{line}:1: {why} (see `catlint check`)"), file=sys.stderr)
    return 1 if left_out or unread else 0
