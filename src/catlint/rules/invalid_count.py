"""A count cannot be read as a number.

Counts are free text in a table but numbers to every program that reads the
catalogue. A count is digits grouped with commas, `+` for a lower bound, an
optional footnote marker, or `X` when unknown. Note that `"193¹".isdigit()`
is True in Python while `int("193¹")` fails: only ASCII digits count.

Fails:
    | SCMR Consensus Data | MR | Heart | 193ยน | 15 | Request on application form | Non-commercial | https://www.cardiacatlas.org/studies/scmr-consensus-data/ |
    (encoding damage after the number)

    | OASIS | MR | Brain | 40.000+ | 12,34 | Registration | Non-commercial | https://www.oasis-brains.org |

Passes:
    | SCMR Consensus Data | MR | Heart | 193¹ | 15 | Request on application form | Non-commercial | https://www.cardiacatlas.org/studies/scmr-consensus-data/ |

    ¹ Amount of MRI slices
"""

from catlint.rules._support.columns import cell, distinct
from catlint.rules._support.findings import at_span, cell_span, row_subject, shown
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    for column in catalogue.fields.values():
        texts = distinct(context, column)
        for text in column.unreadable():
            message = f"{column.column.header} {shown(text)}: {column.read(text).error}"
            for row in texts[text]:
                yield at_span(cell_span(cell(context, row, column)), message, subject=(*row_subject(catalogue, row), column.field))


RULE = Rule("CAT102", "invalid-count", "error", "never", check, __doc__)
