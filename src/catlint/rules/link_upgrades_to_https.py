"""An http link redirects to the same address over https: link to https directly.

The first request of every reader then travels unencrypted and can be
tampered with before the redirect. Only a redirect to exactly the same URL
over https counts (path, query and fragment equal; the port may be the one
the server names). The fix changes only the scheme (and that port), so it is
safe; any other redirect is a move (CAT507, CAT509).

Fails:
    | Plain | CT | Brain | 100 | 10 | Open | CC BY 4.0 | http://example.org/data |
    (link check: redirected 301 to https://example.org/data)

Passes:
    | Plain | CT | Brain | 100 | 10 | Open | CC BY 4.0 | https://example.org/data |
    (link check: ok 200)
"""

from catlint.rules.contract import Rule
from catlint.rules._support.link_results import checked, finding, https_form, redirect_kind, url_fix


def check(context):
    for link, result in checked(context, "redirected"):
        if redirect_kind(result) == "https-upgrade":
            secure = https_form(result.url, result.hops[0].location)
            further = f" (and on to {result.final_shown})" if result.final_url != result.hops[0].location else ""
            fix = url_fix(link, secure, "safe", f"link to {secure}")
            yield finding(link, result, f"{link.url} redirects to https: use {secure}{further}", fix)


RULE = Rule("CAT508", "link-upgrades-to-https", "warning", "safe", check, __doc__, needs=frozenset({"network"}), changes_values=True, fix_command="catlint links --fix")
