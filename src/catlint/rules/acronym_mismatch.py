"""The acronym in parentheses does not match the name before it.

An acronym is built from the initial parts of the name's words: one or
more leading letters of a word or of each part of a hyphenated or
camel-case word, in order; function words (of, for, the, ... listed in
`schema/knowledge.json`) may be used or skipped, trailing words may be
left out. A transposed or mistyped acronym breaks every search for the
source, so catlint checks it.

Fails:
    | Digital Retinal Images for Vessel Extraction (DRVIE) | ...
    | Sunnybrook Cardiac Data (CSD) | ...

Passes:
    | Japanese Society of Radiological Technology Database (JSRT) | ...
    | The Cancer Imaging Archive (TCIA) | ...
    | Brain Tumor Segmentation (BraTS) | ...
"""

from catlint import knowledge
from catlint.names import abbreviates, declared_acronym
from catlint.rules import at_span, row_subject

CODE = "CAT307"
NAME = "acronym-mismatch"
SEVERITY = "warning"
FIX = "never"


def check(document):
    function_words = None
    for record in document.records:
        declared = declared_acronym(record.value("source") or "")
        if declared is None:
            continue
        function_words = function_words or knowledge.current().function_words
        acronym, words = declared
        if not abbreviates(acronym, words, function_words):
            yield at_span(record.fields["source"].cell.span,
                          f"acronym {acronym!r} does not match the initials of {words!r}",
                          subject=(*row_subject(record), "source"))
