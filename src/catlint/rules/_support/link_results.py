"""What the CAT5xx rules share: each checked link cell with its result, messages, URL fixes."""

from __future__ import annotations

from typing import NamedTuple
import time
from urllib.parse import quote, urlsplit, urlunsplit

from catlint.diagnostics import Edit, Fix, Position
from catlint.network import PERMANENT, LinkResult
from catlint.rules._support.findings import at_span, cell_span, row_subject


class LinkCell(NamedTuple):
    """A row's link that can be checked: an absolute http(s) URL and the cell that holds it."""

    url: str
    cell: object  # catlint.reading.body.Cell
    subject: tuple[str, ...] = ()


def link_cells(context) -> list[LinkCell]:
    """The catalogue's link cells whose value is an absolute http(s) URL: what `catlint links` checks."""
    catalogue = context.catalogue
    index = catalogue.fields["link"].index if "link" in catalogue.fields else 0
    return [LinkCell(url, catalogue.body.cell(row, index), (*row_subject(catalogue, row), "link")) for row, url in catalogue.http_links()]


def checked(context, *outcomes: str):
    """(link cell, result) for each link whose result has one of `outcomes`."""
    results = context.link_results
    if not results:
        return
    for link in link_cells(context):
        result = results.get(link.url)
        if result is not None and result.outcome in outcomes:
            yield link, result


def finding(link, result: LinkResult, message: str, fix: Fix | None = None):
    if result.from_cache and result.checked_at:
        message += f" (cached result of {time.strftime('%Y-%m-%d', time.gmtime(result.checked_at))})"
    return at_span(cell_span(link.cell), message, fix, link.subject)


def status_text(status: int | None) -> str:
    from http import HTTPStatus  # only for a finding that names a status

    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def redirect_kind(result: LinkResult) -> str:
    """"https-upgrade" when the first hop is the same URL over https, "permanent" when every hop is, else "temporary".
    A hop whose query or fragment was left out (hidden) is not known to be the same URL: never an upgrade."""
    first = result.hops[0] if result.hops else None
    if first is not None and not first.hidden and https_form(result.url, first.location) is not None:
        return "https-upgrade"
    if all(hop.status in PERMANENT for hop in result.hops):
        return "permanent"
    return "temporary"


def https_form(before: str, after: str) -> str | None:
    """`before` over https when the redirect target `after` is exactly that: the same URL but for the
    scheme (and the port the server named), fragment included (a target without one keeps the
    link's, as browsers do). None for anything else: that is a move, not an upgrade."""
    try:
        old, new = urlsplit(before), urlsplit(after)
        ports = old.port, new.port
    except ValueError:
        return None
    same = (old.hostname, old.username, old.password, old.query) == (new.hostname, new.username, new.password, new.query)
    fragment = new.fragment if "#" in after else old.fragment
    if (old.scheme.lower(), new.scheme.lower()) != ("http", "https") or not same or fragment != old.fragment \
            or (old.path or "/") != (new.path or "/"):
        return None
    if ports[0] is None and ports[1] in (None, 443):
        return "https" + before[len(old.scheme):]
    host = new.netloc.rpartition("@")[2]
    return urlunsplit(("https", host, old.path, old.query, old.fragment))


def url_fix(link, new_url: str, applicability: str, message: str) -> Fix | None:
    """Replace the URL wherever the cell spells it (a bare URL, <URL> or [text](URL)); None if it never does.
    The new URL comes from the network: it is written as `cell_url` makes it, never as the server sent it."""
    new_url = cell_url(new_url)
    text, edits, start = link.cell.text, [], link.cell.text.find(link.url)
    while start >= 0:
        column = link.cell.start + start
        edits.append(Edit(Position(link.cell.line, column), Position(link.cell.line, column + len(link.url)), new_url))
        start = text.find(link.url, start + len(link.url))
    return Fix(applicability, message, tuple(edits)) if edits else None


# What RFC 3986 allows in a URL, less the brackets outside the host; everything else is percent-encoded.
_URL_SAFE = "-._~:/?#@!$&'()*+,;=%"


def cell_url(url: str) -> str:
    """A URL as it may be written into a table cell: no pipe, white space, control, bidi or other
    character outside RFC 3986 (those are percent-encoded as UTF-8), so that it stays one URL in
    one cell and cannot carry Markdown or HTML."""
    scheme, separator, rest = url.partition("://")
    if not separator:
        return quote(url, safe=_URL_SAFE)
    end = min((index for index in (rest.find(char) for char in "/?#") if index >= 0), default=len(rest))
    return quote(scheme, safe="+-.") + "://" + quote(rest[:end], safe=_URL_SAFE + "[]") + quote(rest[end:], safe=_URL_SAFE)
