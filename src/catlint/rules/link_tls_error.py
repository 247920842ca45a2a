"""A link's https connection fails: an untrusted or expired certificate, or a broken handshake.

Browsers warn readers away from such a page, so it is as good as dead for
most of them. The certificate is checked against the system's trust store
(or SSL_CERT_FILE, or `--cafile`); verification is never switched off.

Fails:
    | Self-signed | US | Liver | 100 | 10 | Open | CC BY 4.0 | https://self-signed.example.org |

Passes:
    | Signed | US | Liver | 100 | 10 | Open | CC BY 4.0 | https://example.org |
"""

from catlint.links.findings import checked, finding

CODE = "CAT505"
NAME = "link-tls-error"
SEVERITY = "error"
FIX = "never"


def check(document):
    for link, result in checked(document, "tls-error"):
        yield finding(link, result, f"{link.url}: {result.detail}")
