"""A link redirects permanently (301 or 308 at every hop): the catalogue should name the new address.

A permanent redirect is the owner saying the old address is retired; it may
stop working whenever they clean up. The fix replaces the URL with the final
one. It is unsafe because the network, not the file, decided it: review it.

Fails:
    | Moved | MR | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org/old |
    (301 Moved Permanently to https://example.org/new)

Passes:
    | Moved | MR | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org/new |
"""

from catlint.links.findings import checked, finding, redirect_kind, status_text, url_fix

CODE = "CAT507"
NAME = "link-moved-permanently"
SEVERITY = "warning"
# Only `catlint links` knows where a link leads; the new URL is a new value.
FIX_COMMAND = "catlint links --fix"
CHANGES_VALUES = True
FIX = "unsafe"


def check(document):
    for link, result in checked(document, "redirected"):
        if redirect_kind(result) == "permanent":
            final = result.final_url
            # A new address whose query was left out (it may hold a token) is not known well enough to write.
            fix = None if result.hops[-1].hidden else url_fix(link, final, "unsafe", f"use the new address {final}")
            yield finding(link, result, f"{link.url} moved permanently ({status_text(result.hops[0].status)}) to {result.final_shown}", fix)
