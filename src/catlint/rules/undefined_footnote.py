"""A cell uses a footnote marker that no note under the table defines.

A marker promises the reader an explanation (`193¹`: MRI slices, not
images) and `catlint export` attaches the note to the count. Without a
definition the promise is empty and the export carries no note.

Fails:
    | SCMR Consensus Data | MR | Heart | 193² | 15 | Request on application form | Non-commercial | https://www.cardiacatlas.org/studies/scmr-consensus-data/ |

    ¹ Amount of MRI slices

Passes:
    | SCMR Consensus Data | MR | Heart | 193¹ | 15 | Request on application form | Non-commercial | https://www.cardiacatlas.org/studies/scmr-consensus-data/ |

    ¹ Amount of MRI slices
"""

from catlint.rules._support.findings import at_span, row_subject
from catlint.rules._support.footnotes import definitions, marked_texts
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    defined = definitions(catalogue)
    known = ", ".join(defined) or "none"
    for marked in marked_texts(context):
        if marked.marker in defined:
            continue
        for use in marked.uses(context):
            yield at_span(use.span, f"footnote marker {use.marker!r} has no note under the table (defined: {known})",
                          subject=(*row_subject(catalogue, use.row), "footnote", use.marker))


RULE = Rule("CAT304", "undefined-footnote", "warning", "never", check, __doc__)
