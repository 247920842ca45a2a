"""A link redirects permanently (301 or 308 at every hop): the catalogue should name the new address.

A permanent redirect is the owner saying the old address is retired; it may
stop working whenever they clean up. The fix replaces the URL with the final
one. It is unsafe because the network, not the file, decided it: review it.

Fails:
    | Moved | MR | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org/old |
    (link check: redirected 301 to https://example.org/new)

Passes:
    | Moved | MR | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org/new |
    (link check: ok 200)
"""

from catlint.rules.contract import Rule
from catlint.rules._support.link_results import checked, finding, redirect_kind, status_text, url_fix


def check(context):
    for link, result in checked(context, "redirected"):
        if redirect_kind(result) == "permanent":
            final = result.final_url
            # A new address whose query was left out (it may hold a token) is not known well enough to write.
            fix = None if result.hops[-1].hidden else url_fix(link, final, "unsafe", f"use the new address {final}")
            yield finding(link, result, f"{link.url} moved permanently ({status_text(result.hops[0].status)}) to {result.final_shown}", fix)


RULE = Rule("CAT507", "link-moved-permanently", "warning", "unsafe", check, __doc__, needs=frozenset({"network"}), changes_values=True, fix_command="catlint links --fix")
