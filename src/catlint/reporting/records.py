"""Records out, as text produced piece by piece: a JSON array, JSON Lines or CSV.

Each format is a generator of text chunks over an iterable of records, so an
export of any size is written as it is read.
"""

from __future__ import annotations

import csv
import io

from catlint.escaping import json_text, spreadsheet_cell


def to_json(records, schema):
    """The same text as one `json.dumps(records, indent=2)`, one record at a time."""
    first = True
    for record in records:
        yield ("[\n" if first else ",\n") + "\n".join("  " + line for line in json_text(record, indent=2).split("\n"))
        first = False
    yield "[]\n" if first else "\n]\n"


def to_jsonl(records, schema):
    for record in records:
        yield json_text(record) + "\n"


def to_csv(records, schema):
    """Lists joined with ", "; each count becomes value, bound and note columns. A text cell that
    a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe."""
    header = []
    for column in schema.columns:
        if column.kind == "count":
            header += [column.field, f"{column.field}_bound", f"{column.field}_note"]
        else:
            header.append(column.field)
    header.append("line")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: spreadsheet_cell(value) for key, value in _flat(record, schema).items()})
        if buffer.tell() > 1 << 16:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _flat(record: dict, schema) -> dict:
    flat = {"line": record["line"]}
    for column in schema.columns:
        value = record.get(column.field)
        if column.kind == "count":
            flat[column.field] = "" if value is None else value["value"]
            flat[f"{column.field}_bound"] = "" if value is None else value["bound"]
            flat[f"{column.field}_note"] = "" if value is None else value.get("note", "")
        elif isinstance(value, list):
            flat[column.field] = ", ".join(value)
        else:
            flat[column.field] = value
    return flat


FORMATS = {"json": to_json, "jsonl": to_jsonl, "csv": to_csv}
