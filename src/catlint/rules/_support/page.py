"""Links and raw HTML wherever GitHub renders them, grouped so each is judged once.

Every link GitHub makes in the file is read: in the catalogue's cells, in
other tables, in the prose around them and in the footnotes: inline links,
images, autolinks, bare URLs and `www.` links, e-mail addresses, reference
links (placed where their definition writes the destination), and the href
and src of raw HTML tags. The
link column's value counts too when it renders no link (plain text, which
`export` still writes as the row's link).

A catalogue cell's links are read once per distinct cell text: a `PageLink`
stands for one link in one such text, with every row that holds it, and is
placed at each row only when a rule reports it.
"""

from __future__ import annotations

from typing import NamedTuple
import re

from catlint.reading import cell_text, inlines
from catlint.reading.autolinks import whole_url
from catlint.reading.html_tags import start_tags, url_attributes
from catlint.reading.markdown import Inline, bare_url
from catlint.reading.nodes import FOOTNOTE
from catlint.reading.rows import unescape_pipes
from catlint.reading.tables import Span
from catlint.rules._support.columns import distinct_at

_SCHEME_AND_HOST = re.compile(r"^([A-Za-z]+)://([A-Za-z0-9.-]*)", re.MULTILINE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MARKUP = ("[", "<", "`", "\\", "&", "://", "www.", "@")


class Place(NamedTuple):
    line: int
    span: Span  # where the destination (or the tag) is written; the whole cell when written otherwise
    shown: Span  # where the link itself stands
    exact: bool  # the span holds exactly the URL
    row: int | None = None  # the catalogue row, for a link in a catalogue cell
    cell: object = None  # that cell


class PageLink(NamedTuple):
    """A link GitHub renders (`kind`: link, image, autolink, url, email), or a link cell's plain
    value ("value"); `text` is the link text of `[text](url)`."""

    url: str
    kind: str
    text: str | None
    places: tuple  # Place objects, or (column index, its distinct texts, text, target, shown) for catalogue cells

    def where(self, catalogue):
        """Each place the link stands, catalogue cells placed now."""
        for place in self.places:
            if isinstance(place, Place):
                yield place
                continue
            column, texts, text, target, shown = place
            for row in texts[text]:
                cell = catalogue.body.cell(row, column)
                span = Span(cell.line, cell.start + target[0], cell.start + target[1]) if target else Span(cell.line, cell.start, cell.end)
                around = Span(cell.line, cell.start + shown[0], cell.start + shown[1]) if shown else span
                exact = target is not None and cell.text[target[0] : target[1]] == self.url
                yield Place(cell.line, span, around, exact, row, cell)


class Html(NamedTuple):
    raw: str
    places: tuple  # Place objects, or (column index, its distinct texts, text, offset) for catalogue cells
    links: tuple = ()  # PageLinks (kind "html") to the tag's href and src URLs

    def where(self, catalogue):
        for place in self.places:
            if isinstance(place, Place):
                yield place
                continue
            column, texts, text, offset = place
            for row in texts[text]:
                cell = catalogue.body.cell(row, column)
                span = Span(cell.line, cell.start + offset, cell.start + offset + len(self.raw))
                yield Place(cell.line, span, span, True, row, cell)


class PlainUrls:
    """The link column's cells that are each one bare URL GitHub links whole (most link cells of
    a large catalogue), grouped by lower-case scheme and host. What holds for every one: the
    scheme is http, https or ftp; the host is ASCII letters, digits, hyphens and dots; there is
    no user info, no link text, nothing else in the cell."""

    def __init__(self, column, texts: list[str]):
        self.column, self.groups = column, {}
        for start in range(0, len(texts), 8192):  # a few thousand at a time: the parts are transient
            chunk = texts[start : start + 8192]
            for text, (scheme, host) in zip(chunk, _SCHEME_AND_HOST.findall("\n".join(chunk))):
                self.groups.setdefault((scheme.lower(), host.lower()), []).append(text)

    def links(self, scheme: str, host: str):
        for text in self.groups[scheme, host]:
            yield PageLink(text, "url", None, ((*self.column, text, (0, len(text)), (0, len(text))),))


def page_links(context, may_concern=None):
    """Every link on the page, found once per document for the link rules. `may_concern(scheme,
    host)` says whether plain URLs with that lower-case scheme and host may concern the rule (see
    `PlainUrls`); they are judged in groups, and made links only for groups it accepts."""
    links, plain = context.shared("page links", lambda: _links(context))
    yield from links
    for scheme, host in plain.groups if plain else ():
        if may_concern is None or may_concern(scheme, host):
            yield from plain.links(scheme, host)


def page_html(context) -> list[Html]:
    """Raw HTML start tags wherever GitHub renders them: inline (as cmark-gfm reads them), and in
    HTML blocks (as a browser reads them, across lines). Found once per document."""
    return context.shared("page html", lambda: list(_html(context)))


def _links(context) -> tuple[list[PageLink], PlainUrls | None]:
    catalogue = context.catalogue
    markdown = catalogue.markdown
    found, plain = [_prose_link(catalogue, link) for link in markdown.links(skip=frozenset({catalogue.table.node}))], None
    for cell in catalogue.table.header.cells:
        if any(mark in cell.text for mark in _MARKUP):
            found += _header_links(catalogue, cell)
    for index, column in enumerate(catalogue.header_columns):
        link_column = column is not None and column.kind == "link"
        texts, batched = distinct_at(context, index), ()
        if not link_column:
            flat = "\n".join(texts)
            if not any(mark in flat for mark in _MARKUP):  # no link in the column
                continue
        elif plain is None:
            field = catalogue.fields.get("link")
            if field is not None and field.index == index and field.values() is field.texts:  # each a plain URL
                plain = PlainUrls((index, texts), list(texts))
                continue
            urls = [text for text in texts if whole_url(text)]
            plain, batched = PlainUrls((index, texts), urls), set(urls)
        for text in texts:
            if text in batched:
                continue
            if link_column or any(mark in text for mark in _MARKUP):
                found += _cell_links(catalogue, (index, texts), text, link_column)
    found += [link for html in page_html(context) for link in html.links]
    return found, plain


def _prose_link(catalogue, found) -> PageLink:
    span = Span(found.line, found.start + 1, found.end + 1)
    shown = Span(found.shown_line, found.shown_start + 1, found.shown_end + 1)
    exact = catalogue.lines[found.line - 1][found.start : found.end] == found.link.url
    return PageLink(found.link.url, found.link.kind, found.text, (Place(found.shown_line, span, shown, exact),))


def _header_links(catalogue, cell) -> list[PageLink]:
    found = []
    for link in _cell_links(catalogue, None, cell.text, False):
        places = []
        for place in link.places:
            if isinstance(place, Place):
                places.append(place)
            else:
                *_, target, shown = place
                span = Span(cell.line, cell.start + target[0], cell.start + target[1]) if target else Span(cell.line, cell.start, cell.end)
                places.append(Place(cell.line, span, Span(cell.line, cell.start + shown[0], cell.start + shown[1]), True))
        found.append(PageLink(link.url, link.kind, link.text, tuple(places)))
    return found


def _cell_links(catalogue, column, text: str, link_column: bool) -> list[PageLink]:
    """The links of one distinct cell text; `column` is (index, distinct texts) of a body column,
    None for a header cell."""
    parsed = unescape_pipes(text)
    links = bare_url(text) or inlines.parse(parsed, catalogue.markdown.definitions).links
    offsets = _positions(text) if "\\|" in text else range(len(text) + 1)
    found = []
    for link in links:
        target = (offsets[link.target[0]], offsets[link.target[1]]) if link.target else None
        if link.target is None:  # a reference link: placed at its definition
            definition = catalogue.markdown.definitions[link.label]
            span = Span(definition.line, definition.start + 1, definition.end + 1)
            rows = column[1][text] if column else []
            places = tuple(Place(line, span, span, True) for line in sorted({catalogue.body.row_lines[row] for row in rows}))
        else:
            places = ((*(column or (None, None)), text, target, (offsets[link.start], offsets[link.end])),)
        label = parsed[link.text[0] : link.text[1]] if link.text else None
        found.append(PageLink(link.url, link.kind, label, places))
    if link_column and not any(link.kind != "image" for link in links) and text:
        url = cell_text.link_target(parsed).strip()
        start = text.find(url) if url else -1
        target = (start, start + len(url)) if start >= 0 else None
        found.append(PageLink(url, "value", None, ((*column, text, target, None),)))
    return found


def _positions(raw: str) -> list[int]:
    """The offset in `raw` of each character of its unescaped text (`\\|` is one `|`), and its end."""
    if "\\|" not in raw:
        return list(range(len(raw) + 1))
    positions, index = [], 0
    while index < len(raw):
        if raw.startswith("\\|", index):
            index += 1
        positions.append(index)
        index += 1
    return positions + [len(raw)]


def _html(context):
    catalogue = context.catalogue
    markdown = catalogue.markdown
    for inline in markdown.inline_content(("<",), skip=frozenset({catalogue.table.node})):
        if not markdown.rendered(inline):
            continue
        at = markdown.locator(inline)  # a paragraph's tag may span lines
        for tag, start, _ in _tags(markdown.inline_text(inline), bool(inline.cell)):
            yield _placed(tag, lambda offset: at(start + offset))
    for cell in catalogue.table.header.cells:
        for tag, start, offsets in _tags(cell.text, True) if "<" in cell.text else ():
            yield _placed(tag, lambda offset: (cell.line, cell.start - 1 + (offsets[start + offset] if offsets else start + offset)))
    for index in range(len(catalogue.header_columns)):
        texts = distinct_at(context, index)
        for text in texts:
            for tag, start, offsets in _tags(text, True) if "<" in text else ():
                raw = (lambda offset: offsets[start + offset]) if offsets else (lambda offset: start + offset)
                links = tuple(PageLink(url, "html", None, ((index, texts, text, (raw(first), raw(end)), (raw(0), raw(len(tag)))),))
                              for url, first, end in url_attributes(tag))
                yield Html(tag, ((index, texts, text, raw(0)),), links)
    for block in markdown.html_block_nodes:  # as a browser reads it: a tag may span lines
        if block.lines and _rendered_block(markdown, block):
            inline = Inline("html_block", tuple(block.lines))
            text, at = inline.text, markdown.locator(inline)
            for start, end in start_tags(text):
                yield _placed(text[start:end], lambda offset: at(start + offset))


def _placed(tag: str, at) -> Html:
    """A tag outside the catalogue's cells, with the URLs it links to; `at(offset in the tag)` is
    the (line, 0-based column) it stands at. A span ends with the tag or with the line it starts on."""
    line, column = at(0)
    span = Span(line, column + 1, column + 1 + len(_first_line(tag)))
    links = []
    for url, first, end in url_attributes(tag):
        value_line, value_column = at(first)
        value = _first_line(tag[first:end])
        target = Span(value_line, value_column + 1, value_column + 1 + len(value))
        links.append(PageLink(url, "html", None, (Place(value_line, target, span, value == url),)))
    return Html(tag, (Place(line, span, span, True),), tuple(links))


def _first_line(text: str) -> str:
    return _LINE_BREAK.split(text, 1)[0]


def _rendered_block(markdown, block) -> bool:
    """An HTML block renders unless it stands in a footnote definition GitHub drops."""
    node = block.parent
    while node is not None and node.kind != FOOTNOTE:
        node = node.parent
    return node is None or markdown.rendered_footnote(node)


def _tags(text: str, cell: bool) -> list[tuple[str, int, list[int] | None]]:
    """The start tags GitHub reads in inline `text`: each with its offset in the parsed text
    (a cell's with `\\|` unescaped) and the offset in `text` of each parsed character (None: the same)."""
    parsed_text = unescape_pipes(text) if cell else text
    offsets = _positions(text) if cell and "\\|" in text else None
    found = []
    for start, end in inlines.parse(parsed_text, {}).html:
        raw = parsed_text[start:end]
        if not raw.startswith(("<!--", "</")):
            found.append((raw, start, offsets))
    return found
