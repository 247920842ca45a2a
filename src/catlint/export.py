"""Records out: JSON, JSON Lines or CSV. Only records valid against the schema are written."""

from __future__ import annotations

import csv
import io

from catlint.escaping import json_text, spreadsheet_cell


def valid_records(document) -> tuple[list[dict], list[tuple[int, str]]]:
    """(records that validate, [(line, reason)] for rows left out)."""
    schema = document.schema
    required = [name for name in schema.document.get("required", []) if name != "line"]
    kept, left_out = [], []
    for record, exported in zip(document.records, document.exported_records()):
        problems = [name for name, found in record.fields.items() if found.error or schema.field_errors(name, exported.get(name))]
        problems += [name for name in required if name not in record.fields]
        if problems:
            left_out.append((record.row.line, ", ".join(dict.fromkeys(problems))))
        else:
            kept.append(exported)
    return kept, left_out


def rows_not_exported(document) -> list[tuple[int, str]]:
    """(line, why) for what GitHub shows as table rows that no record holds: export must not
    pretend it wrote the whole catalogue."""
    from catlint.structure import early_end, extra_catalogue_tables

    found = [(note.line, "a footnote GitHub renders as a table row") for note in document.table.footnotes if note.glued]
    end = early_end(document)
    if end is not None:
        found.append((end.first, f"lines {end.first}\u2013{end.last} are cut off the table at line {end.line}, not exported"))
    for table in extra_catalogue_tables(document):
        rows = len(table.rows)
        found.append((table.header.line, f"a second catalogue table ({rows} row{'s' if rows != 1 else ''}), not exported"))
    return found


def to_json(records: list[dict]) -> str:
    return json_text(records, indent=2) + "\n"


def to_jsonl(records: list[dict]) -> str:
    return "".join(json_text(record) + "\n" for record in records)


def to_csv(records: list[dict], schema) -> str:
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
    return buffer.getvalue()


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


FORMATS = {"json": lambda records, schema: to_json(records), "jsonl": lambda records, schema: to_jsonl(records), "csv": to_csv}
