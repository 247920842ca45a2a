"""catlint export: the rows as typed records (JSON, JSON Lines or CSV), written as they are read."""

from __future__ import annotations

import sys

from catlint.commands.common import add_file_arguments, config_for, load
from catlint.commands.output import write_data
from catlint.engine.export import Exported, rows_not_exported
from catlint.escaping import log_line
from catlint.files import write_chunks_atomically
from catlint.reporting.records import FORMATS



def add_arguments(parser) -> None:
    add_file_arguments(parser, many=False)
    parser.add_argument("--format", default="json", choices=sorted(FORMATS), help="record format (default: json)")
    parser.add_argument("--output", metavar="PATH", help="write the records here instead of standard output")


def run(arguments) -> int:
    path = arguments.files or "catalogue.md"
    config = config_for(path, arguments)
    catalogue = load(path, config)
    records = Exported(catalogue)
    chunks = FORMATS[arguments.format](records, catalogue.schema)
    if arguments.output:
        write_chunks_atomically(arguments.output, (chunk.encode("utf-8") for chunk in chunks))
    else:
        write_data(chunks, sys.stdout, as_json=arguments.format != "csv")
    for line, fields in records.left_out:
        print(log_line(f"{path}:{line}:1: row left out of the export: invalid {fields} (see `catlint check`)"), file=sys.stderr)
    unread = rows_not_exported(catalogue)
    for line, why in unread:
        print(log_line(f"{path}:{line}:1: {why} (see `catlint check`)"), file=sys.stderr)
    return 1 if records.left_out or unread else 0
