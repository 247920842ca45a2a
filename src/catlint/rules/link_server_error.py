"""A link's server fails (5xx) or keeps refusing for load (429 after retries).

Server errors are often temporary, hence a warning: the next nightly run tells
whether the host recovered. 429 and 503 are retried first, waiting as long as
the server's Retry-After asks (capped), so a busy host is not reported at once.

Fails:
    | Busy archive | CT | Lungs | 100 | 10 | Open | CC BY 4.0 | https://example.org/archive |
    (link check: server-error 500)

Passes:
    | Busy archive | CT | Lungs | 100 | 10 | Open | CC BY 4.0 | https://example.org/archive |
    (link check: ok 200; the server answered 429 with Retry-After: 1, then 200 on the retry)
"""

from catlint.rules.contract import Rule
from catlint.rules._support.link_results import checked, finding, status_text


def check(context):
    for link, result in checked(context, "server-error", "client-error"):
        if result.outcome == "server-error" or result.status == 429:
            attempts = f" {result.detail}" if result.detail else ""
            yield finding(link, result, f"{link.url} answers {status_text(result.status)}{attempts}; it may be temporary")


RULE = Rule("CAT502", "link-server-error", "warning", "never", check, __doc__, needs=frozenset({"network"}))
