"""Links and raw HTML wherever GitHub renders them, at their exact columns.

Every link GitHub makes in the file is read: in the catalogue's cells, in
other tables, in the prose around them and in the footnotes: inline links,
images, autolinks, bare URLs and `www.` links, e-mail addresses, and
reference links (reported where their definition writes the destination).
The link column's value counts too when it is not a rendered link (plain
text, which `export` still writes as the row's link). What is allowed (link
schemes, scripts that may share a host name) is data: `schema/security.json`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from catlint import inline
from catlint.errors import CatlintError
from catlint.reading.scanners import CLOSE_TAG, OPEN_TAG
from catlint.schema import data_dir
from catlint.table import Span

SECURITY_FILE = "security.json"
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_IGNORED_IN_URLS = str.maketrans("", "", "\t\n\r")  # browsers drop these before reading a URL
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_EVENT_HANDLER = re.compile(r"[\s\"'/]on[a-z]+[\s]*=", re.IGNORECASE)
_HTML_IN_BLOCK = re.compile(rf"<(?:{OPEN_TAG}|{CLOSE_TAG})")


@dataclass(frozen=True, slots=True)
class CellLink:
    url: str
    span: Span  # where the destination is written; the whole cell when it is written differently
    exact: bool
    row: object  # the catalogue row it is in, or None (prose, footnotes, another table)
    cell: object  # the catalogue cell it is in, or None
    line: int = 0  # the line the link stands on
    kind: str = "link"  # link, image, autolink, url, email, or "value" (a link cell that renders no link)
    text: str | None = None  # the link text of a [text](url) link
    shown: Span | None = None  # where the link itself stands


@dataclass(frozen=True, slots=True)
class Html:
    raw: str
    span: Span
    row: object
    line: int = 0


def cell_links(document) -> list[CellLink]:
    """Every link in the document, in order; found once per document for the link rules."""
    if _found_for[0] is not document:
        unique = {(link.span, link.line, link.url, link.kind): link for link in _find_links(document)}  # a definition serves many links
        _found_for[:] = [document, sorted(unique.values(), key=lambda link: (link.span, link.line, link.url))]
    return _found_for[1]


_found_for: list = [None, []]


def _find_links(document):
    rows_by_line = {row.line: row for row in (document.table.header, *document.table.rows)}
    rendered_cells = set()
    for found in document.markdown.links():
        row = rows_by_line.get(found.shown_line)
        cell = _cell_at(row, found.shown_start) if row is not None and found.inline.cell else None
        if cell is not None:
            rendered_cells.add((cell.line, cell.start))
        text = found.text
        span = Span(found.line, found.start + 1, found.end + 1)
        exact = document.lines[found.line - 1][found.start : found.end] == found.link.url
        yield CellLink(found.link.url, span, exact, row if cell is not None else None, cell, found.shown_line, found.link.kind, text,
                       Span(found.shown_line, found.shown_start + 1, found.shown_end + 1))
    yield from _plain_link_values(document, rendered_cells)


def _plain_link_values(document, rendered_cells):
    """Link column cells that render no link: their text is still the row's link value."""
    link_columns = [index for index, column in enumerate(document.columns) if column is not None and column.kind == "link"]
    for row in document.table.rows:
        for index in link_columns:
            if index < len(row.cells) and (cell := row.cells[index]).text and (cell.line, cell.start) not in rendered_cells:
                url = inline.link_target(cell.text).strip()
                offset = cell.text.find(url) if url else -1
                span = Span(cell.line, cell.start + offset, cell.start + offset + len(url)) if offset >= 0 else cell.span
                yield CellLink(url, span, offset >= 0, row, cell, cell.line, "value")


def _cell_at(row, offset: int):
    """The cell of `row` that holds the 0-based offset."""
    for cell in row.cells:
        if cell.start - 1 <= offset <= cell.end:
            return cell
    return None


def html_in_cells(document):
    """Raw HTML tags wherever GitHub renders them, in order: inline (cells, prose, footnotes)
    and in HTML blocks. Comments and closing tags are left out."""
    rows_by_line = {row.line: row for row in document.table.rows}
    for inline_content in document.markdown.inline_content():
        if not document.markdown.rendered(inline_content):
            continue
        raw = document.markdown.inline_text(inline_content)
        if "<" not in raw:
            continue
        for tag, offset in _html_of(raw, bool(inline_content.cell)):
            line, column = inline_content.position(offset)
            yield Html(tag, Span(line, column + 1, column + 1 + len(tag)), rows_by_line.get(line), line)
    for first, last in document.markdown.html_blocks:
        for number in range(first, last + 1):
            text = document.lines[number - 1]
            for match in _HTML_IN_BLOCK.finditer(text):
                if not match.group().startswith("</"):
                    yield Html(match.group(), Span(number, match.start() + 1, match.end() + 1), rows_by_line.get(number), number)


@lru_cache(maxsize=4096)
def _html_of(text: str, cell: bool) -> tuple[tuple[str, int], ...]:
    from catlint.reading import inlines
    from catlint.reading.rows import unescape_pipes

    parsed = inlines.parse(unescape_pipes(text) if cell else text, {})
    found = []
    for start, end in parsed.html:
        raw = (unescape_pipes(text) if cell else text)[start:end]
        if not raw.startswith(("<!--", "</")):
            found.append((raw, text.find(raw, start) if cell else start))
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
