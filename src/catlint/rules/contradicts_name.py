"""A data type or body part contradicts the source's own name.

Every value can be in the vocabulary and still be wrong: a set named
"X-ray" marked MR, retinal images marked Heart. catlint reads the name for
words it knows and flags a data types or body parts cell that shares
nothing with what those words expect; the message names the words. When
the words point to one value, an unsafe fix offers it (`catlint fix
--unsafe-fixes`).

A body part `All`, or three or more data types, claims a multi-purpose
collection, and specific evidence contradicts that claim too: a
mammography database marked `All`, an X-ray set marked CT, MR, US. The
claim stands when the name is general as well (an archive, a teaching
file, a multimodal collection, three or more body parts) or says nothing.

Where the evidence comes from: `schema/knowledge.json`, validated by
`schema/knowledge.schema.json`, lists words (matched in the name as whole
words, any case), acronyms (matched as written; the words of their
expansion count as acronym evidence) and link hosts with an optional path
prefix, each with the data types and body parts it implies, or marked
multi-purpose. `catlint knowledge` prints it all, in the form the messages
cite. A curator adds an entry to that file with an example in
`tests/test_knowledge.py` (a test fails for an entry without one); the
configuration key `knowledge` names another file. A contradiction that is
right after all is suppressed per row, with a reason, in
`[[tool.catlint.per-row-ignores]]`.

Fails:
    | Montgomery County X-ray Set | MR | Lungs | 138 | X | Open | Cite on use | https://ceb.nlm.nih.gov/repositories/tuberculosis-chest-x-ray-image-data-sets/ |
    (data types MR contradict the name ("X-ray" → XR); the unsafe fix writes XR)

    | Digital Retinal Images for Vessel Extraction (DRIVE) | MR | Heart | 40 | X | Registration | Non-commercial | https://www.isi.uu.nl/Research/Databases/DRIVE/ |
    (retinal images: OP and Eye)

    | Digital Database for Screening Mammography (DDSM) | XR | All | X | 2,620 | Open | Research use | http://marathon.csee.usf.edu/Mammography/Database.html |
    (mammography: the unsafe fix writes Breast)

Passes:
    | Montgomery County X-ray Set | XR | Lungs | 138 | X | Open | Cite on use | https://ceb.nlm.nih.gov/repositories/tuberculosis-chest-x-ray-image-data-sets/ |
    (the name says X-ray: XR)

    | MedPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix.nlm.nih.gov/home |
    (no evidence in the name)

    | The Cancer Imaging Archive (TCIA) | XR, CT, MR, US, PE | All | X | 40,000+ | Open | CC BY 3.0 | https://www.cancerimagingarchive.net |
    (an archive)
"""

from catlint.rules._support.evidence import findings
from catlint.rules.contract import Rule


def check(context):
    return findings(context, strong=True)


RULE = Rule("CAT301", "contradicts-name", "error", "unsafe", check, __doc__)
