"""A link's server does not answer in time.

A host that accepts the connection but never answers looks alive to a quick
glance and dead to a reader. The limit is `--timeout` (default 10 s) for the
connection and for each read.

Fails:
    | Slow host | MR | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org/slow |
    (link check: timeout; no answer within 10 s)

Passes:
    | Slow host | MR | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org/fast |
    (link check: ok 200)
"""

from catlint.rules.contract import Rule
from catlint.rules._support.link_results import checked, finding


def check(context):
    for link, result in checked(context, "timeout"):
        yield finding(link, result, f"{link.url}: {result.detail}")


RULE = Rule("CAT503", "link-timeout", "warning", "never", check, __doc__, needs=frozenset({"network"}))
