"""A source has fewer images than patients.

Each patient contributes at least one image, so an exact image count below
the patient count (exact, or a lower bound) is almost always two numbers in
the wrong columns or a typo. An image count that is a lower bound (`250+`)
says nothing about the upper end and is not compared.

Fails:
    | Some set | MR | Brain | 186 | 373 | ...

Passes:
    | OASIS | MR | Brain | 373 | 186 | ...
    | JSRT  | XR | Lungs | 250+ | 250+ | ...
"""

from catlint.rules import at_span, row_subject

CODE = "CAT303"
NAME = "fewer-images-than-patients"
SEVERITY = "warning"
FIX = "never"


def check(document):
    for record in document.records:
        images, patients = record.value("images"), record.value("patients")
        if images is None or patients is None or images.bound != "exact" or images.value >= patients.value:
            continue
        more = "at least " if patients.bound == "lower" else ""
        yield at_span(record.fields["images"].cell.span,
                      f"{images.value:,} images for {more}{patients.value:,} patients: fewer images than patients (columns swapped?)",
                      subject=(*row_subject(record), "images"))
