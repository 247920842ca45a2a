"""A second table has the catalogue's columns.

catlint reads one catalogue table per file, the first. GitHub renders every
table, so rows in a second catalogue table are shown to readers but never
checked or exported, and a decoy table above the real one would be checked
in its place. A header counts as the catalogue's when it reads as one: header
cells are compared as rendered (entities decoded, invisible characters
removed) and by their UTS #39 skeleton, so `Sourсe` with a Cyrillic `с` or
`Sou&shy;rce` is the catalogue's `Source`. Merge the rows into one table.

Fails:
    | Source | Data Types | Body Parts | Images | Patients | Availability | Licence | Link |
    |---|---|---|---|---|---|---|---|
    | MedPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix.nlm.nih.gov/home |

    | Source | Data Types | Body Parts | Images | Patients | Availability | Licence | Link |
    |---|---|---|---|---|---|---|---|
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (OASIS is in a second table)

Passes:
    | Source | Data Types | Body Parts | Images | Patients | Availability | Licence | Link |
    |---|---|---|---|---|---|---|---|
    | MedPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix.nlm.nih.gov/home |
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
"""

from catlint.reading.structure import extra_catalogue_tables
from catlint.rules._support.findings import at_span, line_span
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    first = catalogue.table.header.line
    for table in extra_catalogue_tables(catalogue):
        rows = len(table.row_lines)
        spelled = "" if table in catalogue.catalogue_tables else ", its header spelled with look-alike or invisible characters"
        yield at_span(line_span(catalogue, table.header.line),
                      f"a second catalogue table ({rows} row{'s' if rows != 1 else ''}{spelled}): catlint reads only the table on line "
                      f"{first}, so these rows are neither checked nor exported; merge them into it",
                      subject=("table", str(table.header.line - first)))


RULE = Rule("CAT007", "extra-catalogue-table", "error", "never", check, __doc__)
