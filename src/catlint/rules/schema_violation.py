"""A value breaks the record schema.

The schema (`schema/catalogue.schema.json`) is the contract programs rely
on: vocabularies are its enums, the link rule is its pattern. Each error is
reported at the cell that holds the value. A link without a scheme that is a
host name (`tuberculosis.by`, `example.org/data`) gets an unsafe fix to the
https URL (`https://tuberculosis.by/`): only a person can tell that the host
serves it there.

Fails:
    | Belarus Tuberculosis Portal | XR, CT | Lungs | ... | tuberculosis.by |

Passes:
    | Belarus Tuberculosis Portal | XR, CT | Lungs | ... | https://tuberculosis.by |
"""

import re

from catlint.document import _exported
from catlint.rules import at_span, replace, row_subject, shown

CODE = "CAT101"
NAME = "schema-violation"
SEVERITY = "error"
FIX = "unsafe"
_REPEATING = frozenset({"list", "term", "count"})
# A host name (labels, a letters-only top-level domain), an optional port, then an optional path.
_BARE_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\.?(?::[0-9]{1,5})?([/?#][^\s|@]*)?")


def check(document):
    schema = document.schema
    notes = document.notes
    verdicts = {}  # (field, cell text) -> errors: vocabulary and count cells repeat on every row
    for record in document.records:
        for name, found in record.fields.items():
            if found.error is not None:
                continue
            if found.column.kind in _REPEATING:  # counts are validated as they are exported
                key = (name, found.cell.text)
                errors = verdicts.get(key)
                if errors is None:
                    errors = verdicts[key] = schema.field_errors(name, _exported(found.value, notes))
            else:
                errors = schema.field_errors(name, found.value)
            if errors:
                yield at_span(found.cell.span, _message(found, errors, schema), _scheme_fix(found),
                              subject=(*row_subject(record), name))


def _scheme_fix(found):
    """https:// before a bare host name written alone in a link cell (and / when it has no path)."""
    text = found.cell.text
    match = _BARE_HOST.fullmatch(text) if found.column.kind == "link" and text == found.value else None
    if match is None:
        return None
    url = f"https://{text}{'' if match.group(1) else '/'}"
    return replace(found.cell.span, url, f"link to {url} (check that the host serves it)", "unsafe")


def _message(found, errors, schema) -> str:
    column = found.column
    unknown = [error.instance for error in errors if error.validator == "enum" and isinstance(error.instance, str)]
    if unknown and column.kind == "list":
        terms = ", ".join(repr(term) for term in unknown)
        return f"{column.header}: unknown {'terms' if len(unknown) > 1 else 'term'} {terms}; {schema.error_message(column.field)}"
    return f"{column.header} {shown(found.cell.text, 60)}: {schema.error_message(column.field)}"
