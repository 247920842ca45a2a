"""A vocabulary term is spelt differently from the schema.

Availability is one of the schema's terms; an alias or another case
(`open access`, `registration required`) is rewritten as the term itself.

Fails:
    | ... | open access | ...

Passes:
    | ... | Open | ...
"""

from catlint.rules import at_span, replace, row_subject, shown, with_comments

CODE = "CAT204"
NAME = "term-format"
SEVERITY = "warning"
FIX = "safe"


def check(document):
    for record in document.records:
        for name, found in record.fields.items():
            if found.column.kind != "term" or found.value not in document.schema.vocabulary(name):
                continue
            wanted = with_comments(found.cell.text, found.value)
            if wanted is not None:
                yield at_span(found.cell.span, f"{found.column.header} {shown(found.cell.text)}: write {found.value!r}",
                              replace(found.cell.span, wanted, f"write {found.value!r}"), subject=(*row_subject(record), name))
