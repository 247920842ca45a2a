"""A link, or a redirect it answers with, leads to an address that is not on the public internet.

`catlint links` resolves each host itself and connects only when every
address the name resolves to is public: not loopback, private, link-local,
carrier-grade NAT, multicast, reserved or unspecified. It checks again at
every redirect hop, and connects to the address it checked. A public name
that resolves to 127.0.0.1, or a site that redirects to
http://169.254.169.254/ (the cloud's metadata service), is not requested:
a catalogue link must lead to the public internet, wherever the check runs.
(CAT407 reports IP addresses and non-public names without the network.)

Fails:
    | Local | XR | Lungs | 100 | 10 | Open | CC BY 4.0 | https://localtest.me/ |
    (link check: refused; the name resolves to 127.0.0.1)

Passes:
    | Public | XR | Lungs | 100 | 10 | Open | CC BY 4.0 | https://example.org/ |
    (link check: ok 200)
"""

from catlint.rules.contract import Rule
from catlint.rules._support.link_results import checked, finding


def check(context):
    for link, result in checked(context, "refused"):
        yield finding(link, result, f"{link.url}: {result.detail}")


RULE = Rule("CAT511", "non-public-link-address", "error", "never", check, __doc__, needs=frozenset({"network"}))
