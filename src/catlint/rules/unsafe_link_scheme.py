"""A link uses a scheme other than http or https.

A `javascript:` or `vbscript:` link runs code when a reader clicks it, a
`data:` link carries a whole page or image of its own, and a `file:` link
points into the reader's own machine. None of them belongs in a catalogue of
web sources, in the link column or in a Markdown link in any cell. The
allowed schemes are data: `schema/security.json`.

Fails:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | javascript:alert(document.cookie) |
    (it runs script when clicked)

    | OASIS | MR | Brain | 373 | 150 | Registration | [terms](data:text/html;base64,PHNjcmlwdD4=) | https://www.oasis-brains.org |

Passes:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
"""

from catlint.rules._support.findings import at_span, line_subject
from catlint.rules._support.page import page_links
from catlint.rules._support.urls import scheme_of
from catlint.rules.contract import Rule


def check(context):
    allowed = context.security.link_schemes
    catalogue = context.catalogue
    for link in page_links(context, lambda scheme, host: scheme not in allowed):
        scheme = scheme_of(link.url)
        if scheme is None or scheme in allowed:
            continue
        shown = link.url if len(link.url) <= 60 else link.url[:57] + "..."
        message = f"link {shown!r} uses the {scheme}: scheme: only {_listed(sorted(allowed))} links are allowed"
        for place in link.where(catalogue):
            yield at_span(place.span, message, subject=(*line_subject(catalogue, place.line), "link", link.url))


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


RULE = Rule("CAT402", "unsafe-link-scheme", "error", "never", check, __doc__)
