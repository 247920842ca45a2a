"""A list of terms is not in canonical form.

Data types and body parts are vocabularies declared in the schema. Aliases
(`MRI`, `X-ray`, `Retina`), case, other separators (`;`, `/`, `and`) and
duplicates are rewritten as the canonical terms, in the schema's order,
separated by `, `. Unknown terms stay where they are and are reported by
schema-violation.

Fails:
    | ... | MRI; pet | Lungs and heart | ...

Passes:
    | ... | MR, PE | Heart, Lungs | ...
"""

import re

from catlint.rules import at_span, replace, row_subject, shown, with_comments

CODE = "CAT203"
NAME = "list-format"
SEVERITY = "warning"
FIX = "sometimes"

_MARKUP = re.compile(r"[\\|`*_\[\]<>&!~]")


def check(document):
    for record in document.records:
        for name, found in record.fields.items():
            if found.column.kind != "list" or not found.value:
                continue
            canonical = ", ".join(found.value)
            wanted = with_comments(found.cell.text, canonical)
            if wanted is not None:
                # A term with Markdown in it would read differently once written plainly: report, don't rewrite.
                fix = None if _MARKUP.search(canonical) else replace(found.cell.span, wanted, f"write {canonical!r}")
                yield at_span(found.cell.span, f"{found.column.header} {shown(found.cell.text)}: write {canonical!r}",
                              fix, subject=(*row_subject(record), name))
