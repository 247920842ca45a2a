"""A link answers with a client error: the page is missing (404), gone (410) or refused.

A row whose link is dead sends every reader to an error page; 410 Gone says
the owner removed it on purpose. Rate limiting (429) is not a dead link and is
reported by link-server-error instead. Only reported by `catlint links` or
`catlint check --links`: plain `check` never uses the network.

Fails:
    | Old atlas | MR | Heart | 100 | 10 | Open | CC BY 4.0 | https://example.org/removed-page |
    (link check: client-error 404; the server answers 404 Not Found, to HEAD and to GET)

Passes:
    | Old atlas | MR | Heart | 100 | 10 | Open | CC BY 4.0 | https://example.org/atlas |
    (link check: ok 200)
"""

from catlint.rules.contract import Rule
from catlint.rules._support.link_results import checked, finding, status_text


def check(context):
    for link, result in checked(context, "client-error"):
        if result.status != 429:
            moved = f" after redirecting to {result.final_shown}" if result.hops else ""
            yield finding(link, result, f"{link.url} answers {status_text(result.status)}{moved}")


RULE = Rule("CAT501", "link-client-error", "error", "never", check, __doc__, needs=frozenset({"network"}))
