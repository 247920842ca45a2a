"""Inline Markdown inside one cell, through mistune: plain text, links and raw HTML."""

from __future__ import annotations

import re
from functools import lru_cache

# Cells without any of these characters have no inline markup: skip the parser.
_MARKUP = re.compile(r"[\\*_`\[\]<>&!~]")
# Plain words wrapped in one emphasis or strong emphasis: the words are all a reader sees.
_EMPHASIS_ONLY = re.compile(r"(\*\*|__|\*|_)([^\\*_`\[\]<>&!~\s](?:[^\\*_`\[\]<>&!~]*[^\\*_`\[\]<>&!~\s])?)\1")
_LINK_MARKUP = re.compile(r"[\\\[<&`]")


@lru_cache(maxsize=1)
def _parser():
    import mistune  # imported on first use: most cells are plain text

    return mistune.create_markdown(renderer=None, plugins=["strikethrough"])


@lru_cache(maxsize=256)
def tokens(text: str) -> list[dict]:
    """mistune's inline tokens of a cell (never block structure: a cell is inline content).
    Remembered: reading a value, links and raw HTML all ask for the same cell (read-only)."""
    return _parser().inline(text, {})


def has_markup(text: str) -> bool:
    """Whether `text` has a character inline Markdown may read as markup."""
    return _MARKUP.search(text) is not None


def plain_text(text: str) -> str:
    """What a reader sees: markup removed, escapes and entities resolved."""
    if not _MARKUP.search(text):
        return text
    emphasised = _EMPHASIS_ONLY.fullmatch(text)  # a bold header (__Source__): no parser needed
    if emphasised is not None:
        return emphasised.group(2)
    return "".join(_plain(token) for token in tokens(text))


def drops_markup(text: str) -> bool:
    """Whether `text` holds markup that its plain text drops (raw HTML, a link, an image, a code
    span, emphasis): writing the cell's plain value would drop it too. HTML comments, backslash
    escapes and entities are not such markup."""
    if not _MARKUP.search(text):
        return False
    return any(token["type"] != "text" and not token.get("raw", "").startswith("<!--") for token in _walk(tokens(text)))


def _plain(token: dict) -> str:
    kind = token["type"]
    if "children" in token:
        return "".join(_plain(child) for child in token["children"])
    if kind in ("softbreak", "linebreak"):
        return " "
    if kind in ("inline_html", "block_html"):  # a comment or a tag is markup, not text a reader sees
        return ""
    if kind == "text":
        raw = token.get("raw", "")
        return _unescaped(raw) if "&" in raw else raw
    return token.get("raw", "")


def _unescaped(text: str) -> str:
    import html  # only for a cell with an entity

    return html.unescape(text)


def link_value(text: str, definitions: dict) -> str:
    """A link cell's value: where GitHub's link goes when the cell is one link (a URL, an
    autolink, `[text](url)` or a reference link), else the cell's text."""
    from catlint.reading import autolinks, inlines
    from catlint.reading.markdown import bare_url

    if autolinks.whole_url(text):
        return text
    if "://" in text or "www." in text or "<" in text or "[" in text or "@" in text:
        found = [link for link in (bare_url(text) or inlines.parse(text, definitions).links) if link.kind != "image"]
        if len(found) == 1 and _is_whole(text, found[0]):
            return found[0].url.strip()
    return clean_link_text(plain_text(text))


def _is_whole(text: str, link) -> bool:
    """The link is the cell: nothing but spaces around it."""
    return not text[: link.start].strip() and not text[link.end :].strip()


def clean_link_text(text: str) -> str:
    from catlint.reading.values import clean_text

    return clean_text(text)


def link_target(text: str) -> str:
    """The URL a link cell points at: the target of a lone Markdown link or autolink, else the text."""
    if not _LINK_MARKUP.search(text):  # a bare URL may hold _ or ~ without being markup
        return text
    found = tokens(text)
    if len(found) == 1 and found[0]["type"] == "link":
        return found[0]["attrs"]["url"]
    return plain_text(text)


def raw_html(text: str) -> list[str]:
    """Raw HTML pieces in a cell, comments included, in order."""
    if "<" not in text:
        return []
    return [token["raw"] for token in _walk(tokens(text)) if token["type"] in ("inline_html", "block_html")]


def links(text: str) -> list[str]:
    """Every link target in a cell."""
    if not _MARKUP.search(text):
        return []
    return [token["attrs"]["url"] for token in _walk(tokens(text)) if token["type"] in ("link", "image")]


def _walk(found: list[dict]):
    for token in found:
        yield token
        yield from _walk(token.get("children", []))
