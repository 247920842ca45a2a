"""A link uses plain http.

An http link travels unencrypted: anyone on the way can read it or replace
the page a reader gets. Most hosts serve the same page over https. The fix
writes `https://`, but it is unsafe: only a person (or `catlint links`,
which asks the host) can tell whether the host serves https, so
`catlint fix --unsafe-fixes` applies it and plain `fix` never does.

Fails:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | http://www.oasis-brains.org |
    (the unsafe fix writes https://www.oasis-brains.org)

Passes:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
"""

from catlint.reading.tables import Span
from catlint.rules._support.findings import at_span, line_subject, replace
from catlint.rules._support.page import page_links
from catlint.rules._support.urls import host_of, scheme_of
from catlint.rules.contract import Rule


def check(context):
    insecure = context.security.insecure_schemes
    catalogue = context.catalogue
    for link in page_links(context, lambda scheme, host: scheme in insecure):
        scheme = scheme_of(link.url)
        if scheme not in insecure:
            continue
        secure = insecure[scheme]
        message = f"{scheme} link {link.url!r}: use {secure} if {host_of(link.url) or 'the host'} serves it"
        for place in link.where(catalogue):
            in_table = place.cell is not None and place.exact  # fixes stay inside the catalogue table
            fix = _fix(catalogue, link.url, place, scheme, secure) if in_table and link.url[: len(scheme)].lower() == scheme else None
            yield at_span(place.span, message, fix, subject=(*line_subject(catalogue, place.line), "link", link.url))


def _fix(catalogue, url: str, place, scheme: str, secure: str):
    """Write the secure scheme; a link that ends its cell takes the extra characters from the
    cell's padding (keeping one space), so that an aligned column stays aligned."""
    content = secure + url[len(scheme):]
    end, grow = place.span.end, len(secure) - len(scheme)
    text = catalogue.lines[place.line - 1]
    padding = len(text[end - 1 :]) - len(text[end - 1 :].lstrip(" "))
    if end == place.cell.end and 0 < grow < padding:
        end += grow
    span = Span(place.span.line, place.span.start, end)
    return replace(span, content, f"link to {content} (check that {host_of(url)} serves it)", "unsafe")


RULE = Rule("CAT403", "insecure-link", "warning", "unsafe", check, __doc__)
