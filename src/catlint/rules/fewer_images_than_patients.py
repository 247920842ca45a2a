"""A source has fewer images than patients.

Each patient contributes at least one image, so an exact image count below
the patient count (exact, or a lower bound) is almost always two numbers in
the wrong columns or a typo. An image count that is a lower bound (`250+`)
says nothing about the upper end and is not compared.

Fails:
    | OASIS | MR | Brain | 150 | 373 | Registration | Non-commercial | https://www.oasis-brains.org |
    (columns swapped?)

Passes:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (373 images of 150 patients)

    | Japanese Society of Radiological Technology Database (JSRT) | XR | Lungs | 250+ | 300 | Registration | Non-commercial | http://db.jsrt.or.jp/eng.php |
    (a lower bound is not compared)
"""

from catlint.rules._support.columns import cell
from catlint.rules._support.findings import at_span, cell_span, row_subject
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    images, patients = catalogue.fields.get("images"), catalogue.fields.get("patients")
    if images is None or patients is None:
        return
    verdicts = {}  # (images text, patients text) pairs repeat
    for row, pair in enumerate(zip(images.texts, patients.texts)):
        if None in pair:
            continue
        message = verdicts.get(pair)
        if message is None:
            message = verdicts[pair] = _problem(images.read(pair[0]), patients.read(pair[1]))
        if message:
            yield at_span(cell_span(cell(context, row, images)), message, subject=(*row_subject(catalogue, row), "images"))


def _problem(images, patients) -> str:
    if images.error or patients.error or images.value is None or patients.value is None:
        return ""
    count, people = images.value, patients.value
    if count.bound != "exact" or count.value >= people.value:
        return ""
    more = "at least " if people.bound == "lower" else ""
    return f"{count.value:,} images for {more}{people.value:,} patients: fewer images than patients (columns swapped?)"


RULE = Rule("CAT303", "fewer-images-than-patients", "warning", "never", check, __doc__)
