"""What the CAT5xx rules share: each checked link cell with its result, messages, URL fixes."""

from __future__ import annotations

import time
from http import HTTPStatus
from urllib.parse import urlsplit

from catlint.diagnostics import Edit, Fix, Position
from catlint.links import PERMANENT, LinkResult, link_cells, link_results
from catlint.rules import at_span


def checked(document, *outcomes: str):
    """(link cell, result) for each link whose result has one of `outcomes`; nothing when links were not checked."""
    results = link_results(document)
    if not results:
        return
    for link in link_cells(document):
        result = results.get(link.url)
        if result is not None and result.outcome in outcomes:
            yield link, result


def finding(link, result: LinkResult, message: str, fix: Fix | None = None):
    if result.from_cache and result.checked_at:
        message += f" (cached result of {time.strftime('%Y-%m-%d', time.gmtime(result.checked_at))})"
    return at_span(link.cell.span, message, fix, link.subject)


def status_text(status: int | None) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def redirect_kind(result: LinkResult) -> str:
    """"https-upgrade" when the first hop is the same URL over https, "permanent" when every hop is, else "temporary"."""
    if result.hops and _is_https_upgrade(result.url, result.hops[0].location):
        return "https-upgrade"
    if all(hop.status in PERMANENT for hop in result.hops):
        return "permanent"
    return "temporary"


def _is_https_upgrade(before: str, after: str) -> bool:
    old, new = urlsplit(before), urlsplit(after)
    return (old.scheme.lower(), new.scheme.lower()) == ("http", "https") and old.hostname == new.hostname \
        and (old.path or "/") == (new.path or "/") and old.query == new.query


def url_fix(link, new_url: str, applicability: str, message: str) -> Fix | None:
    """Replace the URL wherever the cell spells it (a bare URL, <URL> or [text](URL)); None if it never does."""
    text, edits, start = link.cell.text, [], link.cell.text.find(link.url)
    while start >= 0:
        column = link.cell.span.start + start
        edits.append(Edit(Position(link.cell.span.line, column), Position(link.cell.span.line, column + len(link.url)), new_url))
        start = text.find(link.url, start + len(link.url))
    return Fix(applicability, message, tuple(edits)) if edits else None
