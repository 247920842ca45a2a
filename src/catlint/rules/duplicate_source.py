"""Two rows describe the same source.

Rows whose names differ only in case or spacing are the same source
entered twice; so are two names declaring the same acronym (or a row named
by the acronym alone). The later row is reported, naming the earlier one,
so the two can be merged.

Names are compared as a reader sees them, by their UTS #39 skeletons after
NFKC and without the invisible characters CAT401 reports (default-ignorable
code points and those `schema/security.json` adds, such as U+2800): a
Cyrillic `е`, a fullwidth `Ｍ`, a soft hyphen, a braille blank or a tag
character hidden in `MedPix` does not make another source, it makes a
look-alike of the first one. The message spells
such a name with escapes (`M\\u0435dPix`) so the difference shows.

Fails:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    | Oasis | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (the same name in another case)

    | Alzheimer's Disease Neuroimaging Initiative (ADNI) | MR, PE | Brain | X | X | Request on application form | Non-commercial | https://adni.loni.usc.edu |
    | ADNI | MR, PE | Brain | X | X | Request on application form | Non-commercial | https://adni.loni.usc.edu |
    (the same acronym)

    | MedPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix.nlm.nih.gov/home |
    | M\u0435dPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix.nlm.nih.gov/home |
    (a Cyrillic \u0435)

Passes:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    | SCMR Consensus Data | MR | Heart | 193¹ | 15 | Request on application form | Non-commercial | https://www.cardiacatlas.org/studies/scmr-consensus-data/ |

    ¹ Amount of MRI slices
"""

from catlint.rules._support.findings import at_span, cell_span, row_subject
from catlint.rules._support.lookalike import all_source_keys, source_keys
from catlint.reading.values import name_key
from catlint.rules._support.names import all_row_acronyms, source_names, source_shapes
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    column = catalogue.fields.get("source")
    if column is None:
        return
    names = source_names(context)
    acronyms = {row: acronym for row, acronym in enumerate(all_row_acronyms(names, source_shapes(context))) if acronym}
    invisible = context.security.invisible  # what CAT401 reports besides the default-ignorables: not part of a name
    acronym_keys = dict(zip(acronyms, all_source_keys(list(acronyms.values()), invisible)[0]))
    if _no_shared_keys(names, list(acronym_keys.values()), invisible):
        return
    firsts, seconds = all_source_keys(names, invisible)
    by_name, by_acronym = {}, {}
    for row, (name, *keys) in enumerate(zip(names, firsts, seconds)):
        if not name:
            continue
        acronym_key = acronym_keys.get(row)
        earlier = by_name.get(keys[0])
        if earlier is None:
            earlier = by_name.get(keys[1])
        if earlier is not None:
            yield _finding(context, column, row, _same_name(catalogue, name, earlier))
        elif acronym_key in by_acronym and not set(source_keys(_name(catalogue, by_acronym[acronym_key]), invisible)) & set(keys):
            first = by_acronym[acronym_key]
            yield _finding(context, column, row, f"duplicate source: {_name(catalogue, first)!r} (line {_line(catalogue, first)}) has the same acronym {acronyms[row]}")
        by_name.setdefault(keys[0], row)
        by_name.setdefault(keys[1], row)
        if acronym_key:
            by_acronym.setdefault(acronym_key, row)


def _no_shared_keys(names: list[str], acronym_keys: list[str], invisible: tuple = ()) -> bool:
    """True when no two rows share a name key or an acronym key, counted in C-level passes a few
    thousand names at a time: the rows' key sets are disjoint exactly when their union is as large
    as their sizes added up. The union holds the keys' hashes (equal keys, equal hashes; a
    collision of different keys only sends the table to the row loop)."""
    if "" in names or len(set(acronym_keys)) < len(acronym_keys):
        return False  # rows without a name are skipped by the row loop: let it decide
    union, sizes = set(), 0
    for start in range(0, len(names), _CHUNK):
        firsts, seconds = all_source_keys(names[start : start + _CHUNK], invisible)
        sizes += len(firsts) + sum(map(str.__ne__, firsts, seconds))
        union.update(map(hash, firsts), map(hash, seconds))
    return len(union) == sizes


_CHUNK = 8192


def _name(catalogue, row: int) -> str:
    return catalogue.record(row).value("source")


def _line(catalogue, row: int) -> int:
    return catalogue.body.row_lines[row]


def _same_name(catalogue, name: str, earlier: int) -> str:
    first = _name(catalogue, earlier)
    if name_key(name) == name_key(first):
        return f"duplicate source: {name!r} is already listed on line {_line(catalogue, earlier)}"
    return f"duplicate source: {ascii(name)} looks the same as {ascii(first)} on line {_line(catalogue, earlier)}"


def _finding(context, column, row: int, message: str):
    cell = context.catalogue.body.cell(row, column.index)
    return at_span(cell_span(cell), message, subject=(*row_subject(context.catalogue, row), "source"))


RULE = Rule("CAT306", "duplicate-source", "warning", "never", check, __doc__)
