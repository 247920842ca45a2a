"""A data type or body part contradicts the row's acronym or link.

Weaker evidence than the name: a known acronym's expansion or what the
acronym is known to hold (`JSRT`: chest radiographs), and the link's host
and path (`cardiacatlas.org`: hearts), all from `schema/knowledge.json`
(`catlint knowledge` prints it; `catlint rule CAT301` says how to add
to it). Used only for a field the name itself says nothing about, hence a
warning. A body part `All` is contradicted as under CAT301, unless the
name, an acronym or the link marks a multi-purpose collection (the host of
an archive or a teaching file). When the evidence points to one value, an
unsafe fix offers it.

Fails:
    | Japanese Society of Radiological Technology Database (JSRT) | CT | Lungs | ...
    | AMRG Atlas | MR | Brain | ... | http://www.cardiacatlas.org/studies/amrg-cardiac-atlas/ |
    | SCMR Consensus Data | MR | All | ... | https://www.cardiacatlas.org/studies/scmr-consensus-data/ |   (fix: Heart)

Passes:
    | Japanese Society of Radiological Technology Database (JSRT) | XR | Lungs | ...
    | AMRG Atlas | MR | Heart | ... | http://www.cardiacatlas.org/studies/amrg-cardiac-atlas/ |
    | MedPix | XR, CT, MR, US, PE | All | ... | https://medpix.nlm.nih.gov/home |   (a teaching file)
"""

from catlint.rules._support.evidence import findings
from catlint.rules.contract import Rule


def check(context):
    return findings(context, strong=False)


RULE = Rule("CAT302", "contradicts-evidence", "warning", "unsafe", check, __doc__, needs=frozenset({"table"}))
