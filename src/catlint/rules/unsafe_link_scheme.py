"""A link uses a scheme other than http or https.

A `javascript:` or `vbscript:` link runs code when a reader clicks it, a
`data:` link carries a whole page or image of its own, and a `file:` link
points into the reader's own machine. None of them belongs in a catalogue of
web sources, in the link column or in a Markdown link in any cell. The
allowed schemes are data: `schema/security.json`.

Fails:
    | OASIS | ... | javascript:alert(document.cookie) |
    | OASIS | ... [paper](data:text/html;base64,PHNjcmlwdD4=) ... |

Passes:
    | OASIS | ... | https://www.oasis-brains.org |
"""

from catlint.cell_links import cell_links, scheme_of, security
from catlint.rules import at_span, line_subject

CODE = "CAT402"
NAME = "unsafe-link-scheme"
SEVERITY = "error"
FIX = "never"


def check(document):
    allowed = security()["schemes"]
    for link in cell_links(document):
        scheme = scheme_of(link.url)
        if scheme is not None and scheme not in allowed:
            shown = link.url if len(link.url) <= 60 else link.url[:57] + "..."
            yield at_span(link.span, f"link {shown!r} uses the {scheme}: scheme: only {_listed(sorted(allowed))} links are allowed",
                          subject=(*line_subject(document, link.line), "link", link.url))


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
