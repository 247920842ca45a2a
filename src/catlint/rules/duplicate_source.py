"""Two rows describe the same source.

Rows whose names differ only in case or spacing are the same source
entered twice; so are two names declaring the same acronym (or a row named
by the acronym alone). The later row is reported, naming the earlier one,
so the two can be merged.

Names are compared as a reader sees them, by their UTS #39 skeletons after
NFKC and without default-ignorable code points: a Cyrillic `е`, a fullwidth
`Ｍ`, a soft hyphen or a tag character hidden in `MedPix` does not make
another source, it makes a look-alike of the first one. The message spells
such a name with escapes (`M\\u0435dPix`) so the difference shows.

Fails:
    | OASIS | MR | Brain | ...
    | Oasis | MR | Brain | ...
    | Alzheimer's Disease Neuroimaging Initiative (ADNI) | MR, PE | Brain | ...
    | ADNI | MR | Brain | ...
    | MedPix | XR, CT | All | ...
    | M\u0435dPix | XR, CT | All | ...   (Cyrillic е)

Passes:
    | OASIS | MR | Brain | ...
    | SCMR Consensus Data | MR | All | ...
"""

from catlint.lookalike import source_keys
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
        keys, acronym = source_keys(name), row_acronym(name)
        acronym_key = source_keys(acronym)[0] if acronym else None
        earlier = by_name.get(keys[0]) or by_name.get(keys[1])
        if earlier is not None:
            yield _finding(record, _same_name(name, earlier))
        elif acronym_key in by_acronym and not set(source_keys(by_acronym[acronym_key].value("source"))) & set(keys):
            first = by_acronym[acronym_key]
            yield _finding(record, f"duplicate source: {first.value('source')!r} (line {first.row.line}) has the same acronym {acronym}")
        for key in keys:
            by_name.setdefault(key, record)
        if acronym_key:
            by_acronym.setdefault(acronym_key, record)


def _same_name(name: str, earlier) -> str:
    first = earlier.value("source")
    if name_key(name) == name_key(first):
        return f"duplicate source: {name!r} is already listed on line {earlier.row.line}"
    return f"duplicate source: {ascii(name)} looks the same as {ascii(first)} on line {earlier.row.line}"


def _finding(record, message):
    return at_span(record.fields["source"].cell.span, message, subject=(*row_subject(record), "source"))
