"""Links and raw HTML inside cells, where a pull request can hide them, at their exact columns.

Every row is read: the link column's value, and Markdown links, images and
autolinks in any cell. What is allowed (link schemes, scripts that may share
a host name) is data: `schema/security.json`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from catlint import inline
from catlint.errors import CatlintError
from catlint.schema import data_dir
from catlint.table import Span

SECURITY_FILE = "security.json"
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_IGNORED_IN_URLS = str.maketrans("", "", "\t\n\r")  # browsers drop these before reading a URL
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_EVENT_HANDLER = re.compile(r"[\s\"'/]on[a-z]+[\s]*=", re.IGNORECASE)


@dataclass(frozen=True, slots=True)  # one per row
class CellLink:
    url: str
    span: Span  # the URL in the cell; the whole cell when the URL is written differently (escaped)
    exact: bool
    row: object
    cell: object


@dataclass(frozen=True, slots=True)
class Html:
    raw: str
    span: Span
    row: object


def cell_links(document) -> list[CellLink]:
    """Every link in the table's body rows, in order; found once per document for the four link rules."""
    if _found_for[0] is not document:
        _found_for[:] = [document, list(_find_links(document))]
    return _found_for[1]


_found_for: list = [None, []]


def _find_links(document):
    link_columns = [index for index, column in enumerate(document.columns) if column is not None and column.kind == "link"]
    for row in document.table.rows:
        if "[" in row.text or "<" in row.text:  # Markdown links and autolinks need one of these
            cells = [(cell, index in link_columns) for index, cell in enumerate(row.cells)]
        else:
            cells = [(row.cells[index], True) for index in link_columns if index < len(row.cells)]
        for cell, link_column in cells:
            for url, offset in _links_of(cell.text, link_column):
                if offset < 0:
                    yield CellLink(url, cell.span, False, row, cell)
                else:
                    start = cell.span.start + offset
                    yield CellLink(url, Span(cell.span.line, start, start + len(url)), True, row, cell)


@lru_cache(maxsize=4096)
def _links_of(text: str, link_column: bool) -> tuple[tuple[str, int], ...]:
    """(url, offset in the cell or -1) for each link of a cell."""
    urls = inline.links(text)
    if not urls and link_column and text:
        urls = [inline.link_target(text).strip()]
    found, cursor = [], 0
    for url in urls:
        offset = text.find(url, cursor)
        found.append((url, offset))
        cursor = offset + len(url) if offset >= 0 else cursor
    return tuple(found)


def html_in_cells(document):
    """Raw HTML tags in body cells, in order; comments and closing tags are left out."""
    for row in document.table.rows:
        if "<" not in row.text:
            continue
        for cell in row.cells:
            for raw, offset in _html_of(cell.text):
                start = cell.span.start + offset
                yield Html(raw, Span(cell.span.line, start, start + len(raw)), row)


@lru_cache(maxsize=4096)
def _html_of(text: str) -> tuple[tuple[str, int], ...]:
    found, cursor = [], 0
    for raw in inline.raw_html(text):
        offset = text.find(raw, cursor)
        cursor = offset + len(raw)
        if not raw.startswith(("<!--", "</")):
            found.append((raw, offset))
    return tuple(found)


def tag_name(raw: str) -> str:
    match = _TAG_NAME.match(raw)
    return match.group(1).lower() if match else raw[:2]


def event_handler(raw: str) -> str | None:
    """The first event-handler attribute of a tag (onerror, onclick, ...), if any."""
    match = _EVENT_HANDLER.search(raw)
    return match.group()[1:].rstrip("= \t\r\n").lower() if match else None


def scheme_of(url: str) -> str | None:
    """The URL's scheme in lower case; None for a relative link or a bare host:port."""
    cleaned = url.translate(_IGNORED_IN_URLS).lstrip("\x00 \x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f")
    match = _SCHEME.match(cleaned)
    if match is None:
        return None
    scheme = match.group(1).lower()
    if "." in scheme and not cleaned.startswith("//", match.end()):
        return None  # example.org:8080/x is a host and port, not a scheme
    return scheme


def user_info(url: str) -> tuple[str, str] | None:
    """(user info, host) when the URL has user info before an @, such as https://good.org@evil.example."""
    netloc = _netloc(url)
    if "@" not in netloc:
        return None
    info, _, host = netloc.rpartition("@")
    return info, _host_of_netloc(host)


def host_of(url: str) -> str:
    return _host_of_netloc(_netloc(url).rpartition("@")[2])


def _netloc(url: str) -> str:
    try:
        return urlsplit(url.translate(_IGNORED_IN_URLS).strip()).netloc
    except ValueError:
        return ""


def _host_of_netloc(netloc: str) -> str:
    if netloc.startswith("["):  # an IPv6 address
        return netloc.partition("]")[0] + "]"
    host = netloc.rpartition(":")[0] if ":" in netloc else netloc
    return unquote(host)  # browsers decode %D0%B5 in a host before they look it up


def plain_ascii_host(url: str) -> bool:
    """True when the host cannot hide letters of another script: no escapes, no punycode, ASCII only."""
    return url.isascii() and "%" not in url and "xn--" not in url.lower()


def ascii_host(host: str) -> str:
    """The host as DNS and browsers' address bars show a look-alike: punycode (xn--) labels."""
    return ".".join(_ascii_label(label) for label in host.split("."))


def _ascii_label(label: str) -> str:
    if label.isascii():
        return label.lower()
    try:
        return label.encode("idna").decode("ascii")
    except UnicodeError:
        return "xn--" + label.casefold().encode("punycode").decode("ascii")


@lru_cache(maxsize=1)
def security() -> dict:
    """The allowed schemes, the insecure schemes with their secure form, and the script mixes (CAT405)."""
    path = data_dir() / SECURITY_FILE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        return {
            "schemes": frozenset(document["link-schemes"]),
            "insecure": dict(document["insecure-link-schemes"]),
            "mixes": [frozenset(mix["scripts"]) for mix in document["script-mixes"]],
        }
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise CatlintError(f"{path}: invalid security settings: {type(error).__name__}: {error}") from None
