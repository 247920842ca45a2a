"""Which rows `export` writes: the records valid against the schema, one at a time, and what it
leaves out (invalid rows, and what GitHub shows as rows that no record holds)."""

from __future__ import annotations

from catlint.reading.structure import early_end, extra_catalogue_tables


class Exported:
    """The valid records of a catalogue, produced as they are read; `left_out` fills as it goes."""

    def __init__(self, catalogue):
        self.catalogue = catalogue
        self.left_out: list[tuple[int, str]] = []  # (line, the fields that are invalid)

    def __iter__(self):
        catalogue = self.catalogue
        schema, notes = catalogue.schema, catalogue.notes
        required = [name for name in schema.document.get("required", []) if name != "line"]
        missing = [name for name in required if name not in catalogue.fields]
        verdicts: dict[tuple[str, str], bool] = {}  # (field, cell text) -> valid: cells repeat
        for record in catalogue.records():
            exported = record.as_dict(notes)
            problems = list(missing)
            for field, column in catalogue.fields.items():
                text = column.texts[record.row]
                key = (field, text)
                valid = verdicts.get(key)
                if valid is None:
                    found = column.read(text) if text is not None else None
                    valid = found is not None and found.error is None and not schema.field_errors(field, exported.get(field))
                    if column.kind != "link" and column.kind != "text":
                        verdicts[key] = valid
                if not valid:
                    problems.append(field)
            if problems:
                self.left_out.append((record.line, ", ".join(dict.fromkeys(problems))))
            else:
                yield exported


def rows_not_exported(catalogue) -> list[tuple[int, str]]:
    """(line, why) for what GitHub shows as table rows that no record holds: export must not
    pretend it wrote the whole catalogue."""
    found = [(note.line, "a footnote GitHub renders as a table row") for note in catalogue.table.footnotes if note.glued]
    end = early_end(catalogue)
    if end is not None:
        lines = f"line {end.first} is" if end.first == end.last else f"lines {end.first}\u2013{end.last} are"
        found.append((end.first, f"{lines} cut off the table at line {end.line}, not exported"))
    for table in extra_catalogue_tables(catalogue):
        rows = len(table.row_lines)
        found.append((table.header.line, f"a second catalogue table ({rows} row{'s' if rows != 1 else ''}), not exported"))
    return found
