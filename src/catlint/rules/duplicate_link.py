"""Two rows link to the same page.

Often a copy-paste slip; sometimes right, because two data sets can share a
landing page (the Montgomery and Shenzhen chest X-ray sets). Hence only
`info`: a reviewer looks once, and a per-row ignore with a reason records
the answer. Links are compared without scheme, `www.`, case of the host or
a trailing slash.

Fails:
    | CHD Atlas | ... | http://www.cardiacatlas.org/studies/chd-atlas/ |
    | DETERMINE | ... | https://cardiacatlas.org/studies/chd-atlas |

Passes:
    | CHD Atlas | ... | http://www.cardiacatlas.org/studies/chd-atlas/ |
    | DETERMINE | ... | http://www.cardiacatlas.org/studies/determine/ |
"""

from catlint.knowledge import split_link
from catlint.rules import at_span, row_subject

CODE = "CAT309"
NAME = "duplicate-link"
SEVERITY = "info"
FIX = "never"


def check(document):
    seen = {}
    for record in document.records:
        link = record.value("link")
        if not link:
            continue
        key = _link_key(link)
        if key in seen:
            first = seen[key]
            yield at_span(record.fields["link"].cell.span,
                          f"same link as {first.value('source')!r} (line {first.row.line}); fine if both data sets share this page",
                          subject=(*row_subject(record), "link"))
        else:
            seen[key] = record


def _link_key(link: str) -> tuple[str, str, str]:
    host, path, query = split_link(link)
    return host.removeprefix("www."), path.rstrip("/"), query
