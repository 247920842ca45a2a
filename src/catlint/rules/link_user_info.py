"""A link carries user info before an @: the real host is the part after it.

`https://good.org@evil.example` looks like a link to good.org but goes to
evil.example; everything before the @ is a user name the browser sends
along. A catalogue link never needs one. The message names the real host,
in punycode, as the browser's address bar would show a look-alike.

Fails:
    | OASIS | ... | https://www.oasis-brains.org@evil.example/ |

Passes:
    | OASIS | ... | https://www.oasis-brains.org/ |
"""

from catlint.cell_links import ascii_host, cell_links, user_info
from catlint.rules import at_span, line_subject

CODE = "CAT404"
NAME = "link-user-info"
SEVERITY = "error"
FIX = "never"


def check(document):
    for link in cell_links(document):
        if "@" not in link.url:
            continue
        found = user_info(link.url)
        if found is not None:
            info, host = found
            yield at_span(link.span, f"link {link.url!r} goes to {ascii_host(host)!r}, not {info!r}: remove the user info before the @",
                          subject=(*line_subject(document, link.line), "link", link.url))
