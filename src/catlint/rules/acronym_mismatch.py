"""The acronym in parentheses does not match the name before it.

An acronym is built from the initial parts of the name's words: one or
more leading letters of a word or of each part of a hyphenated or
camel-case word, in order; function words (of, for, the, ... listed in
`schema/knowledge.json`) may be used or skipped, trailing words may be
left out. A transposed or mistyped acronym breaks every search for the
source, so catlint checks it.

Fails:
    | Digital Retinal Images for Vessel Extraction (DRVIE) | OP | Eye | 40 | X | Registration | Non-commercial | https://www.isi.uu.nl/Research/Databases/DRIVE/ |
    (two letters transposed)

    | Sunnybrook Cardiac Data (CSD) | MR | Heart | X | 45 | Request on application form | CC0 1.0 | https://www.cardiacatlas.org/studies/sunnybrook-cardiac-data/ |

Passes:
    | Japanese Society of Radiological Technology Database (JSRT) | XR | Lungs | 247 | X | Registration | Non-commercial | http://db.jsrt.or.jp/eng.php |
    | The Cancer Imaging Archive (TCIA) | XR, CT, MR, US, PE | All | X | 40,000+ | Open | CC BY 3.0 | https://www.cancerimagingarchive.net |
    | Brain Tumor Segmentation (BraTS) | MR | Brain | 2,000+ | 2,000+ | Registration | CC BY 4.0 | https://www.synapse.org/brats |
"""

from catlint.rules._support.findings import at_span, cell_span, row_subject
from catlint.rules._support.names import abbreviates, declared_acronym, source_names, source_shapes
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    column = catalogue.fields.get("source")
    if column is None:
        return
    # Whether an acronym matches does not depend on the digits (only letters are spelled, and
    # digit-only parts are skipped): names are judged by their shapes, once each.
    names, shapes = source_names(context), source_shapes(context)
    verdicts = {}
    for row, (name, shape) in enumerate(zip(names, shapes)):
        if "(" not in name:
            continue
        if shape not in verdicts:
            declared = declared_acronym(shape)
            verdicts[shape] = declared is None or abbreviates(*declared, context.knowledge.function_words)
        if not verdicts[shape]:
            acronym, words = declared_acronym(name)
            yield at_span(cell_span(catalogue.body.cell(row, column.index)),
                          f"acronym {acronym!r} does not match the initials of {words!r}",
                          subject=(*row_subject(catalogue, row), "source"))


RULE = Rule("CAT307", "acronym-mismatch", "warning", "never", check, __doc__)
