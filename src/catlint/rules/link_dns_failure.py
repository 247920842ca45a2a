"""A link's host name does not resolve.

When the name itself is gone the whole site is: the domain lapsed or was
mistyped. Nothing on the row's link can be reached.

Fails:
    | Lost site | XR | Lungs | 100 | 10 | Open | CC BY 4.0 | https://lost-site.invalid/data |
    (link check: dns-failure; host lost-site.invalid not found)

Passes:
    | Found site | XR | Lungs | 100 | 10 | Open | CC BY 4.0 | https://example.org/data |
    (link check: ok 200)
"""

from catlint.rules.contract import Rule
from catlint.rules._support.link_results import checked, finding


def check(context):
    for link, result in checked(context, "dns-failure"):
        yield finding(link, result, f"{link.url}: {result.detail}")


RULE = Rule("CAT504", "link-dns-failure", "error", "never", check, __doc__, needs=frozenset({"network"}))
