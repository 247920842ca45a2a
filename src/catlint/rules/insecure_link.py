"""A link uses plain http.

An http link travels unencrypted: anyone on the way can read it or replace
the page a reader gets. Most hosts serve the same page over https. The fix
writes `https://`, but it is unsafe: only a person (or `catlint links`,
which asks the host) can tell whether the host serves https, so
`catlint fix --unsafe-fixes` applies it and plain `fix` never does.

Fails:
    | OASIS | ... | http://www.oasis-brains.org |

Passes:
    | OASIS | ... | https://www.oasis-brains.org |
"""

from catlint.cell_links import cell_links, host_of, scheme_of, security
from catlint.rules import at_span, line_subject, replace
from catlint.table import Span

CODE = "CAT403"
NAME = "insecure-link"
SEVERITY = "warning"
FIX = "unsafe"


def check(document):
    insecure = security()["insecure"]
    for link in cell_links(document):
        scheme = scheme_of(link.url)
        if scheme not in insecure:
            continue
        secure = insecure[scheme]
        in_table = link.cell is not None and link.exact  # fixes stay inside the catalogue table
        fix = _fix(link, scheme, secure) if in_table and link.url[: len(scheme)].lower() == scheme else None
        yield at_span(link.span, f"{scheme} link {link.url!r}: use {secure} if {host_of(link.url) or 'the host'} serves it", fix,
                      subject=(*line_subject(document, link.line), "link", link.url))


def _fix(link, scheme: str, secure: str):
    """Write the secure scheme; a link that ends its cell takes the extra characters from the
    cell's padding (keeping one space), so that an aligned column stays aligned."""
    content = secure + link.url[len(scheme):]
    end, grow = link.span.end, len(secure) - len(scheme)
    text = link.row.text
    padding = len(text[end - 1 :]) - len(text[end - 1 :].lstrip(" "))
    if end == link.cell.span.end and 0 < grow < padding:
        end += grow
    span = Span(link.span.line, link.span.start, end)
    return replace(span, content, f"link to {content} (check that {host_of(link.url)} serves it)", "unsafe")
