"""With `--offline`, a link has no result in the link cache, so its health is unknown.

Offline runs report only what an earlier online run stored; a link added since
then has never been checked, and saying nothing would read as "healthy".

Fails:
    | New row | MR | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org/new |
    (link check: not-checked; `catlint links --offline`, and the URL is not in the cache)

Passes:
    | New row | MR | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org/new |
    (link check: ok 200; `catlint links` ran online once, so the cache holds the URL)
"""

from catlint.rules.contract import Rule
from catlint.rules._support.link_results import checked, finding


def check(context):
    for link, result in checked(context, "not-checked"):
        yield finding(link, result, f"{link.url}: not checked, not in the link cache (run `catlint links` online)")


RULE = Rule("CAT510", "link-not-in-cache", "info", "never", check, __doc__, needs=frozenset({"network"}))
