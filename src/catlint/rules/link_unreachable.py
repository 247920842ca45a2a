"""A link's host cannot be reached: connection refused or reset, or redirects that never end or leave the web.

The name resolves but no usable answer comes back. Often a host that is down
for now, hence a warning; a redirect loop is a broken site configuration. A
redirect to a scheme other than http and https (`ftp:`, `file:`, `gopher:`)
is not followed: browsers do not open it from a web page, so the link leads
readers nowhere, and catlint does not ask it over HTTP.

Fails:
    | Closed port | CT | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org:9/ |
    (link check: unreachable; ConnectionRefusedError: Connection refused)

    | Moved to FTP | CT | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org/data |
    (link check: unreachable; redirects (302) to ftp://example.org/data, which is not http or https: not followed)

Passes:
    | Open port | CT | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org/ |
    (link check: ok 200)
"""

from catlint.rules.contract import Rule
from catlint.rules._support.link_results import checked, finding


def check(context):
    for link, result in checked(context, "unreachable"):
        yield finding(link, result, f"{link.url}: {result.detail}")


RULE = Rule("CAT506", "link-unreachable", "warning", "never", check, __doc__, needs=frozenset({"network"}))
