"""A link's host cannot be reached: connection refused or reset, or redirects that never end.

The name resolves but no usable answer comes back. Often a host that is down
for now, hence a warning; a redirect loop is a broken site configuration.

Fails:
    | Closed port | CT | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org:9/ |
    (connection refused)

Passes:
    | Open port | CT | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org/ |
"""

from catlint.links.findings import checked, finding

CODE = "CAT506"
NAME = "link-unreachable"
SEVERITY = "warning"
FIX = "never"


def check(document):
    for link, result in checked(document, "unreachable"):
        yield finding(link, result, f"{link.url}: {result.detail}")
