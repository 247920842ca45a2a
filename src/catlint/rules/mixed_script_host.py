"""A link's host mixes letters of different scripts: a look-alike of another host.

An IDN homograph swaps one letter of a well-known host for a letter of
another script that looks the same (Cyrillic `а` for Latin `a`), so the
link reads right and goes elsewhere. A host label that mixes scripts no
language mixes is an error; the message shows the host in punycode, as DNS
sees it. The script mixes real host names use (Japanese, Korean, Chinese)
are data: `schema/security.json`.

Fails:
    | OASIS | ... | https://www.оasis-brains.org |   (Cyrillic о)

Passes:
    | OASIS | ... | https://www.oasis-brains.org |
    | Tokyo | ... | https://日本語ドメイン.example |
"""

from catlint.cell_links import ascii_host, cell_links, host_of, mixed_scripts, plain_ascii_host
from catlint.rules import at_span, line_subject

CODE = "CAT405"
NAME = "mixed-script-host"
SEVERITY = "error"
FIX = "never"


def check(document):
    for link in cell_links(document):
        if plain_ascii_host(link.url):
            continue
        host = host_of(link.url)
        scripts = mixed_scripts(host)
        if scripts:
            names = " and ".join(script.title() for script in scripts)
            yield at_span(link.span, f"link host {ascii_host(host)!r} mixes {names} letters: a look-alike of another host?",
                          subject=(*line_subject(document, link.line), "link", link.url))
