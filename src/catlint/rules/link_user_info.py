"""A link carries user info before an @: the real host is the part after it.

`https://good.org@evil.example` looks like a link to good.org but goes to
evil.example; everything before the @ is a user name the browser sends
along. A catalogue link never needs one. The message names the real host,
in punycode, as the browser's address bar would show a look-alike.

Fails:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org@evil.example/ |
    (the link goes to evil.example)

    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |

    See <a
    href="https://www.oasis-brains.org@evil.example/">OASIS</a>.
    (raw HTML makes links too)

Passes:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org/ |
"""

from catlint.rules._support.findings import at_span, line_subject
from catlint.rules._support.page import page_links
from catlint.rules._support.urls import ascii_host, user_info
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    for link in page_links(context, lambda scheme, host: False):  # a plain URL has no user info
        found = user_info(link.url) if "@" in link.url else None
        if found is None:
            continue
        info, host = found
        message = f"link {link.url!r} goes to {ascii_host(host)!r}, not {info!r}: remove the user info before the @"
        for place in link.where(catalogue):
            yield at_span(place.span, message, subject=(*line_subject(catalogue, place.line), "link", link.url))


RULE = Rule("CAT404", "link-user-info", "error", "never", check, __doc__)
