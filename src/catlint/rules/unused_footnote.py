"""A note under the table is not referenced by any cell.

A note nobody points at is either left over from a removed row or its
marker in the cell was lost or garbled; either way the reader cannot tell
which value it explains.

Fails:
    | SCMR Consensus Data | MR | Heart | 193 | 15 | Request on application form | Non-commercial | https://www.cardiacatlas.org/studies/scmr-consensus-data/ |

    ¹ Amount of MRI slices

Passes:
    | SCMR Consensus Data | MR | Heart | 193¹ | 15 | Request on application form | Non-commercial | https://www.cardiacatlas.org/studies/scmr-consensus-data/ |

    ¹ Amount of MRI slices
"""

from catlint.rules._support.findings import at_span
from catlint.rules._support.footnotes import definitions
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    defined = definitions(catalogue)
    if not defined:
        return
    texts = [text for column in catalogue.body.columns for text in dict.fromkeys(filter(None, column))]
    texts += [text for extra in catalogue.body.extra.values() for text in extra if text]
    flat = "\n".join(texts)  # a marker holds no line feed, so it is found in one text
    for marker, note in defined.items():
        if marker not in flat:
            yield at_span(note.marker_span, f"footnote {marker!r} ({note.text}) is not used by any cell",
                          subject=("footnote", marker))


RULE = Rule("CAT305", "unused-footnote", "warning", "never", check, __doc__)
