"""A link redirects temporarily (302, 303 or 307): worth knowing, nothing to change.

A temporary redirect means the original address stays the right one to
publish (a login page, a load balancer, a landing page that moves with the
seasons), so there is no fix and the level is info.

Fails:
    | Landing | XR | Lungs | 100 | 10 | Open | CC BY 4.0 | https://example.org/ |
    (link check: redirected 302 to https://example.org/home)

Passes:
    | Landing | XR | Lungs | 100 | 10 | Open | CC BY 4.0 | https://example.org/home |
    (link check: ok 200)
"""

from catlint.rules.contract import Rule
from catlint.rules._support.link_results import checked, finding, redirect_kind, status_text


def check(context):
    for link, result in checked(context, "redirected"):
        if redirect_kind(result) == "temporary":
            temporary = next(hop for hop in result.hops if hop.status not in (301, 308))
            yield finding(link, result, f"{link.url} redirects temporarily ({status_text(temporary.status)}) to {result.final_shown}")


RULE = Rule("CAT509", "link-redirected", "info", "never", check, __doc__, needs=frozenset({"network"}))
