"""A link's host name does not resolve.

When the name itself is gone the whole site is: the domain lapsed or was
mistyped. Nothing on the row's link can be reached.

Fails:
    | Lost site | XR | Chest | 100 | 10 | Open | CC BY 4.0 | https://lost-site.invalid/data |

Passes:
    | Found site | XR | Chest | 100 | 10 | Open | CC BY 4.0 | https://example.org/data |
"""

from catlint.links.findings import checked, finding

CODE = "CAT504"
NAME = "link-dns-failure"
SEVERITY = "error"
FIX = "never"


def check(document):
    for link, result in checked(document, "dns-failure"):
        yield finding(link, result, f"{link.url}: {result.detail}")
