"""Two rows describe the same source.

Rows whose names differ only in case or spacing are the same source
entered twice; so are two names declaring the same acronym (or a row named
by the acronym alone). The later row is reported, naming the earlier one,
so the two can be merged.

Fails:
    | OASIS | MR | Brain | ...
    | Oasis | MR | Brain | ...
    | Alzheimer's Disease Neuroimaging Initiative (ADNI) | MR, PE | Brain | ...
    | ADNI | MR | Brain | ...

Passes:
    | OASIS | MR | Brain | ...
    | SCMR Consensus Data | MR | All | ...
"""

from catlint.names import name_key, row_acronym
from catlint.rules import at_span, row_subject

CODE = "CAT306"
NAME = "duplicate-source"
SEVERITY = "warning"
FIX = "never"


def check(document):
    by_name, by_acronym = {}, {}
    for record in document.records:
        name = record.value("source")
        if not name:
            continue
        key, acronym = name_key(name), row_acronym(name)
        earlier = by_name.get(key)
        if earlier is not None:
            yield _finding(record, f"duplicate source: {name!r} is already listed on line {earlier.row.line}")
        elif acronym in by_acronym and name_key(by_acronym[acronym].value("source")) != key:
            first = by_acronym[acronym]
            yield _finding(record, f"duplicate source: {first.value('source')!r} (line {first.row.line}) has the same acronym {acronym}")
        by_name.setdefault(key, record)
        if acronym:
            by_acronym.setdefault(acronym, record)


def _finding(record, message):
    return at_span(record.fields["source"].cell.span, message, subject=(*row_subject(record), "source"))
