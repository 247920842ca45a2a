"""A value breaks the record schema.

The schema (`schema/catalogue.schema.json`) is the contract programs rely
on: vocabularies are its enums, the link rule is its pattern. Each error is
reported at the cell that holds the value. A link without a scheme that is a
host name (`tuberculosis.by`, `example.org/data`) gets an unsafe fix to the
https URL (`https://tuberculosis.by/`): only a person can tell that the host
serves it there.

Fails:
    | Belarus Tuberculosis Portal | XR, CT | Lungs | X | 500+ | Open | Non-commercial | tuberculosis.by |
    (no scheme: the unsafe fix writes https://tuberculosis.by/)

    | OASIS | MR | Brain, Knee | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (Knee is not one of the schema's body parts)

Passes:
    | Belarus Tuberculosis Portal | XR, CT | Lungs | X | 500+ | Open | Non-commercial | https://tuberculosis.by |
"""

import re

from catlint.reading.catalogue import exported
from catlint.rules._support.columns import cell, distinct
from catlint.rules._support.findings import at_span, cell_span, replace, row_subject, shown
from catlint.rules.contract import Rule

# A host name (labels, a letters-only top-level domain), an optional port, then an optional path.
_BARE_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\.?(?::[0-9]{1,5})?([/?#][^\s|@]*)?")


def check(context):
    catalogue = context.catalogue
    schema, notes = catalogue.schema, catalogue.notes
    for column in catalogue.fields.values():
        if column.kind in ("text", "link") and schema.column_accepted(column.field, column.values()):
            continue  # every name, every link: checked in one pass
        texts = distinct(context, column)
        for text in texts:
            read = column.read(text)
            if read.error is not None:
                continue
            errors = schema.field_errors(column.field, exported(read.value, notes))
            if not errors:
                continue
            message = _message(column.column, text, errors, schema)
            for row in texts[text]:
                span = cell_span(cell(context, row, column))
                yield at_span(span, message, _scheme_fix(column, text, read.value, span), subject=(*row_subject(catalogue, row), column.field))


def _scheme_fix(column, text: str, value, span):
    """https:// before a bare host name written alone in a link cell (and / when it has no path)."""
    match = _BARE_HOST.fullmatch(text) if column.kind == "link" and text == value else None
    if match is None:
        return None
    url = f"https://{text}{'' if match.group(1) else '/'}"
    return replace(span, url, f"link to {url} (check that the host serves it)", "unsafe")


def _message(column, text: str, errors, schema) -> str:
    unknown = [error.instance for error in errors if error.validator == "enum" and isinstance(error.instance, str)]
    if unknown and column.kind == "list":
        terms = ", ".join(repr(term) for term in unknown)
        return f"{column.header}: unknown {'terms' if len(unknown) > 1 else 'term'} {terms}; {schema.error_message(column.field)}"
    return f"{column.header} {shown(text, 60)}: {schema.error_message(column.field)}"


RULE = Rule("CAT101", "schema-violation", "error", "unsafe", check, __doc__)
