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
    | Japanese Society of Radiological Technology Database (JSRT) | CT | Lungs | 247 | X | Registration | Non-commercial | http://db.jsrt.or.jp/eng.php |
    (JSRT holds chest radiographs: XR)

    | AMRG Atlas | MR | Brain | 78 | 1 | Request on application form | Non-commercial | https://www.cardiacatlas.org/studies/amrg-cardiac-atlas/ |
    (cardiacatlas.org holds hearts)

    | SCMR Consensus Data | MR | All | 193 | 15 | Request on application form | Non-commercial | https://www.cardiacatlas.org/studies/scmr-consensus-data/ |
    (the unsafe fix writes Heart)

Passes:
    | Japanese Society of Radiological Technology Database (JSRT) | XR | Lungs | 247 | X | Registration | Non-commercial | http://db.jsrt.or.jp/eng.php |
    (JSRT: XR)

    | AMRG Atlas | MR | Heart | 78 | 1 | Request on application form | Non-commercial | https://www.cardiacatlas.org/studies/amrg-cardiac-atlas/ |
    (cardiacatlas.org: Heart)

    | MedPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix.nlm.nih.gov/home |
    (a teaching file)
"""

from catlint.rules._support.evidence import findings
from catlint.rules.contract import Rule


def check(context):
    return findings(context, strong=False)


RULE = Rule("CAT302", "contradicts-evidence", "warning", "unsafe", check, __doc__)
