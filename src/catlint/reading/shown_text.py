"""The text a reader sees of a link's text (or an image's alt text) as GitHub renders it.

Read from the inline parser's nodes (a port of cmark-gfm's), so it agrees with
GitHub where mistune does not (`~x~` is strikethrough on GitHub): emphasis,
strikethrough and code-span markers and raw HTML are dropped, backslash
escapes and entities resolved, a code span shows its content, a link or an
image its text (an image's alt text, which a browser shows when the image does
not load; past 8 images nested in one another, none), an autolink its address.
"""

from __future__ import annotations

import re

from catlint.reading import inlines
from catlint.reading.references import unescape_entities

# A text without any of these shows as written.
_MARKUP = re.compile(r"[\\`&_*\[\]<!~\r\n]")
_LINE_ENDING = re.compile(r"\r\n|\r|\n")
_DEPTH = 8  # images nested deeper show no text: each level parses its text again


def shown_texts(text: str, definitions: dict) -> tuple[str, ...]:
    """What a reader sees of the link text `text` (`definitions`: the document's link reference
    definitions): the text as shown and, when some of it is struck through, the text without the
    struck parts, since a reader may take struck text as deleted or read it along."""
    if not _MARKUP.search(text):
        return (text,)
    kept = _shown(text, definitions, 0, False)
    if "~" not in text:
        return (kept,)
    dropped = _shown(text, definitions, 0, True)
    return (kept,) if dropped == kept else (kept, dropped)


def _shown(text: str, definitions: dict, depth: int, drop_struck: bool) -> str:
    nodes, links, struck = inlines.parse_link_text(text, definitions)
    text = f"[{text}]"  # the offsets the parser gives
    hidden = _struck_nodes(struck, len(nodes)) if drop_struck and struck else None
    at = {link.start: link for link in links if link.kind != "email"}  # an e-mail address stays in its text node
    pieces: list[str] = []
    text_end = -1  # where the text node just added ends
    for index, (kind, start, end, literal, _) in enumerate(nodes):
        if hidden is not None and hidden[index]:
            continue
        if kind == "break":  # a reader sees a new line; cmark trims the text right before a line ending
            if text_end == start and text[start] in "\r\n":
                pieces[-1] = pieces[-1].rstrip(" \t\v\f")
            pieces.append("\n")
        text_end = end if kind == "text" else -1
        if kind == "text":
            pieces.append(literal)
        elif kind == "code":
            pieces.append(_code_content(text, start, end))
        elif kind == "link" and start in at:
            pieces.append(_link_text(text, at[start], definitions, depth, drop_struck))
        # raw HTML shows no text; nor does a footnote reference here (GitHub shows its number, or [^x] when undefined)
    return "".join(pieces)


def _struck_nodes(struck: list[tuple[int, int]], count: int) -> list[bool]:
    """Which nodes stand inside a strikethrough (its markers already show nothing)."""
    depth, hidden, changes = 0, [], [0] * (count + 1)
    for opener, closer in struck:
        changes[opener + 1] += 1
        changes[closer] -= 1
    for index in range(count):
        depth += changes[index]
        hidden.append(depth > 0)
    return hidden


def _code_content(text: str, start: int, end: int) -> str:
    """A code span's content as CommonMark shows it: line endings as spaces, one space stripped
    from each side when both sides have one and it is not all spaces."""
    ticks = 0
    while text[start + ticks] == "`":
        ticks += 1
    content = _LINE_ENDING.sub(" ", text[start + ticks : end - ticks])
    if len(content) >= 2 and content[0] == content[-1] == " " and content.strip(" "):
        content = content[1:-1]
    return content


def _link_text(text: str, link, definitions: dict, depth: int, drop_struck: bool) -> str:
    if link.kind in ("link", "image"):
        if depth >= _DEPTH:
            return ""
        return _shown(text[link.text[0] : link.text[1]], definitions, depth + 1, drop_struck)
    return unescape_entities(text[link.start + 1 : link.end - 1])  # an autolink <https://...> (link text has no other)
