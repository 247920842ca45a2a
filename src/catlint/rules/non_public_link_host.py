"""A link's host is not a name on the public internet.

A catalogue links to public web sites by name. An IP address (in any
notation a browser accepts: `127.1`, `2130706433`, `0177.0.0.1`, `0x7f.1`,
`[::ffff:127.0.0.1]`) or a name that only a local network resolves
(`localhost`, `intranet`, `nas.local`, `wiki.corp.internal`, `router.home.arpa`)
points readers, and the nightly link check, into a network they happen to
be on: the cloud's metadata service at 169.254.169.254, an admin page on
10.0.0.5. The names that are not public are data, with the reason for each:
`schema/security.json`. Reported without the network; `catlint links` also
refuses to connect to such an address, and to a public name that resolves
to one.

Fails:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | http://127.1/admin |
    (127.1 is 127.0.0.1)

    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | http://[::ffff:127.0.0.1]/ |
    (127.0.0.1 inside IPv6)

    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | http://169.254.169.254/latest/meta-data/ |
    (the cloud's metadata service)

    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://wiki.corp.internal/datasets |
    (a private network's name)

Passes:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
"""

import re

from catlint.rules._support.findings import at_span, line_subject
from catlint.rules._support.page import page_links
from catlint.rules._support.urls import host_of
from catlint.rules.contract import Rule

_PLAIN_HOST = re.compile(r"https?://([^/?#@\\\[\]%:\s]+)(?::[0-9]*)?(?=[/?#]|\Z)", re.IGNORECASE)


def check(context):
    catalogue = context.catalogue
    verdicts = {}  # hosts repeat across links
    for link in page_links(context, lambda scheme, host: _verdict(verdicts, host) is not None):
        plain = _PLAIN_HOST.match(link.url)
        host = plain.group(1) if plain else host_of(link.url)
        if not host:
            continue
        problem = _verdict(verdicts, host)
        if problem:
            for place in link.where(catalogue):
                yield at_span(place.span, f"link host {host!r} {problem}", subject=(*line_subject(catalogue, place.line), "link", link.url))


def _verdict(verdicts: dict, host: str) -> str | None:
    if host not in verdicts:
        from catlint.network.hosts import why_not_public  # ipaddress and friends: only when there are links

        verdicts[host] = why_not_public(host)
    return verdicts[host]


RULE = Rule("CAT407", "non-public-link-host", "error", "never", check, __doc__)
