"""A link's https connection fails: an untrusted or expired certificate, or a broken handshake.

Browsers warn readers away from such a page, so it is as good as dead for
most of them. The certificate is checked against the system's trust store
(or SSL_CERT_FILE, or `--cafile`); verification is never switched off.

Fails:
    | Self-signed | US | Heart | 100 | 10 | Open | CC BY 4.0 | https://self-signed.example.org |
    (link check: tls-error; certificate not trusted: self-signed certificate)

Passes:
    | Signed | US | Heart | 100 | 10 | Open | CC BY 4.0 | https://example.org |
    (link check: ok 200)
"""

from catlint.rules.contract import Rule
from catlint.rules._support.link_results import checked, finding


def check(context):
    for link, result in checked(context, "tls-error"):
        yield finding(link, result, f"{link.url}: {result.detail}")


RULE = Rule("CAT505", "link-tls-error", "error", "never", check, __doc__, needs=frozenset({"network"}))
