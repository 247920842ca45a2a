"""A data type or body part contradicts the source's own name.

Every value can be in the vocabulary and still be wrong: a set named
"X-ray" marked MR, retinal images marked Heart. catlint reads the name for
words it knows (`schema/knowledge.json`) and flags a data types or body
parts cell that shares nothing with what those words expect; the message
names the words. A body part `All`, or three or more data types, marks a
multi-purpose archive and is not flagged for lacking one expectation. When
the words point to one value, an unsafe fix offers it (`catlint fix
--unsafe-fixes`). A contradiction that is right after all is suppressed per
row, with a reason, in `[[tool.catlint.per-row-ignores]]`.

Fails:
    | Montgomery County X-ray Set | MR | Lungs | ...   (data types MR contradict the name ("X-ray" → XR))
    | Digital Retinal Images for Vessel Extraction (DRIVE) | OP | Heart | ...

Passes:
    | Montgomery County X-ray Set | XR | Lungs | ...
    | MedPix | XR, CT, MR, US, PE | All | ...
"""

from catlint.evidence import findings

CODE = "CAT301"
NAME = "contradicts-name"
SEVERITY = "error"
FIX = "unsafe"


def check(document):
    return findings(document, strong=True)
