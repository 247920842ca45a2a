"""The file is not UTF-8.

Markdown on GitHub is read as UTF-8; a file saved in a legacy code page or in
UTF-16 shows garbage there and in most tools. `catlint fix` rewrites it as
UTF-8 (the text itself is unchanged).

Fails:
    | Montréal Neurological Institute (MNI) | MR | Brain | 1,200 | 300 | Open | CC BY 4.0 | https://www.mcgill.ca/bic/ |
    (saved as cp1252)

    | Montréal Neurological Institute (MNI) | MR | Brain | 1,200 | 300 | Open | CC BY 4.0 | https://www.mcgill.ca/bic/ |
    (saved as utf-16)

Passes:
    | Montréal Neurological Institute (MNI) | MR | Brain | 1,200 | 300 | Open | CC BY 4.0 | https://www.mcgill.ca/bic/ |
    (saved as utf-8)
"""

from catlint.diagnostics import Finding, Fix, Position
from catlint.rules.contract import Rule


def check(context):
    source = context.catalogue.source
    if source.is_utf8:
        return
    bom = " with a byte-order mark" if source.bom else ""
    yield Finding(Position(1, 1), Position(1, 1),
                  f"file is encoded as {source.encoding}{bom}, not UTF-8; `catlint fix` rewrites it as UTF-8",
                  Fix("safe", "rewrite the file as UTF-8", ()), subject=("encoding",))


RULE = Rule("CAT006", "not-utf8", "warning", "safe", check, __doc__)
