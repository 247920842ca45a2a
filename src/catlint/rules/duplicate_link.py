"""Two rows link to the same page.

Often a copy-paste slip; sometimes right, because two data sets can share a
landing page (the Montgomery and Shenzhen chest X-ray sets). Hence only
`info`: a reviewer looks once, and a per-row ignore with a reason records
the answer. Links are compared without scheme, `www.`, case of the host or
a trailing slash, and with the host as a browser looks it up (a trailing dot,
fullwidth letters or an ideographic full stop change nothing).

Fails:
    | CHD Atlas | MR | Heart | X | X | Request on application form | Non-commercial | http://www.cardiacatlas.org/studies/chd-atlas/ |
    | DETERMINE | MR | Heart | X | X | Request on application form | Non-commercial | https://cardiacatlas.org/studies/chd-atlas |

Passes:
    | CHD Atlas | MR | Heart | X | X | Request on application form | Non-commercial | http://www.cardiacatlas.org/studies/chd-atlas/ |
    | DETERMINE | MR | Heart | X | X | Request on application form | Non-commercial | http://www.cardiacatlas.org/studies/determine/ |
"""

import re

from catlint.reading.knowledge import split_link
from catlint.rules._support.findings import at_span, cell_span, row_subject
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    column = catalogue.fields.get("link")
    if column is None:
        return
    links = column.values()
    if links is column.texts and _surely_distinct(links):
        return
    seen = {}
    for row, link in enumerate(links):
        if not link:
            continue
        key = _link_key(link)
        first = seen.setdefault(key, row)
        if first != row:
            yield at_span(cell_span(catalogue.body.cell(row, column.index)),
                          f"same link as {catalogue.record(first).value('source')!r} (line {catalogue.body.row_lines[first]}); fine if both data sets share this page",
                          subject=(*row_subject(catalogue, row), "link"))


# For links that are each one plain URL (scheme, host of letters, digits, hyphens and dots, no
# user info or port), a coarser key than `_link_key`, made for the whole column in one pass: lower
# case throughout, no scheme or www., no fragment, no trailing slash or empty query. A run of
# slashes is tried only from its first slash (or the one after a scheme's `://`), and whole:
# tried from each of its slashes, a long run that ends in a letter took quadratic time.
_COARSE = re.compile(r"^[a-z]+://(?:www\.)?|#[^\n]*|(?:(?<!/)|(?<=://))/++(?=[?#\n]|\Z)|\?(?=[#\n]|\Z)", re.MULTILINE)
# The same key when no two slashes end a line or come before `?` or `#` (the common column): the
# slashes it removes are then single, and without the lookbehinds it is read twice as fast.
_COARSE_SINGLE_SLASHES = re.compile(r"^[a-z]+://(?:www\.)?|#[^\n]*|/(?=[?#\n]|\Z)|\?(?=[#\n]|\Z)", re.MULTILINE)
_SLASHES_AT_AN_END = re.compile(r"//(?=[?#\n]|\Z)")


def _surely_distinct(links: list[str]) -> bool:
    """True when no two links can have the same key (their coarse keys all differ)."""
    flat = "\n".join(links).lower()
    keys = _coarse(flat).split("\n")
    return len(set(keys)) == len(links)


def _coarse(flat: str) -> str:
    return (_COARSE if _SLASHES_AT_AN_END.search(flat) else _COARSE_SINGLE_SLASHES).sub("", flat)


def _link_key(link: str) -> tuple[str, str, str]:
    host, path, query = split_link(link)
    return host.removeprefix("www."), path.rstrip("/"), query


RULE = Rule("CAT309", "duplicate-link", "info", "never", check, __doc__)
