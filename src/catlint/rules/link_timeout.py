"""A link's server does not answer in time.

A host that accepts the connection but never answers looks alive to a quick
glance and dead to a reader. The limit is `--timeout` (default 10 s) for the
connection and for each read.

Fails:
    | Slow host | MR | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org/slow |
    (no answer within the timeout)

Passes:
    | Slow host | MR | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org/fast |
"""

from catlint.links.findings import checked, finding

CODE = "CAT503"
NAME = "link-timeout"
SEVERITY = "warning"
FIX = "never"


def check(document):
    for link, result in checked(document, "timeout"):
        yield finding(link, result, f"{link.url}: {result.detail}")
