"""The closing bracket of inline Markdown: a link, an image, a footnote reference, or text.

cmark-gfm's handle_close_bracket: an inline link `[text](destination "title")`,
else a reference link (full `[text][label]`, collapsed `[text][]` or shortcut
`[text]`) through the document's definitions, else a footnote reference
`[^label]`, else a literal `]`. A link deactivates the brackets before it:
links do not nest.
"""

from __future__ import annotations

from catlint.reading.inline_link import Link
from catlint.reading.references import clean_url, link_destination, link_label, link_title, normalize_label

_SPACECHARS = " \t\n\v\f\r"


def close_bracket(parser) -> None:
    start = parser.position
    parser.position += 1
    after = parser.position
    if not parser.brackets:
        parser.add("text", start, after, "]")
        return
    opener = parser.brackets[-1]
    if not opener[3]:  # inactive: a link already took it
        parser.brackets.pop()
        parser.add("text", start, after, "]")
        return
    found = _inline_link(parser, after) or _reference_link(parser, opener, after)
    if found is None:
        if not _footnote_reference(parser, opener, start):
            parser.brackets.pop()
            parser.position = after
            parser.add("text", start, after, "]")
        return
    url, target, label = found
    parser.delimiters.cut(opener[5])  # emphasis inside the link text stays inside it
    _make_link(parser, opener, url, target, label, start)


def _inline_link(parser, after: int):
    text = parser.text
    if after >= len(text) or text[after] != "(":
        return None
    position = _spaces(text, after + 1)
    destination = link_destination(text, position)
    if destination is None:
        return None
    length, raw_start, raw_end = destination
    end_url = position + length
    start_title = _spaces(text, end_url)
    end_title = start_title if start_title == end_url else (link_title(text, start_title) or start_title)
    end_all = _spaces(text, end_title)
    if end_all < len(text) and text[end_all] == ")":
        parser.position = end_all + 1
        return clean_url(text[raw_start:raw_end]), (raw_start, raw_end), ""
    return None


def _reference_link(parser, opener: list, after: int):
    text = parser.text
    parser.position = after
    label = link_label(text, after)
    raw = label[1] if label else ""
    if label:
        parser.position = label[0]
    if not raw and not opener[4]:  # collapsed or shortcut: the link text is the label
        raw = text[opener[1] : after - 1]
        label = label or (after, raw)
    definition = parser.definitions.get(normalize_label(raw)) if label and raw.strip(_SPACECHARS) else None
    if definition is None:
        parser.position = after
        return None
    return definition.url, None, normalize_label(raw)


def _footnote_reference(parser, opener: list, close: int) -> bool:
    """`[^label]`: the text after the bracket starts with `^` and holds more than it."""
    index = opener[0]
    following = parser.nodes[index + 1 :]
    if not following or following[0][0] != "text" or not following[0][3].startswith("^"):
        return False
    if len(following[0][3]) <= 1 and len(following) == 1:
        return False
    start = parser.nodes[index][1]
    parser.delimiters.cut(opener[5])
    parser.footnotes.append((parser.text[opener[1] + 1 : close], start, close + 1))
    del parser.nodes[index:]
    parser.add("footnote", start, close + 1)
    parser.brackets.pop()
    parser.position = close + 1
    return True


def _make_link(parser, opener: list, url: str, target, label: str, close: int) -> None:
    index, text_start, image = opener[0], opener[1], opener[2]
    start = parser.nodes[index][1]
    parser.links.append(Link("image" if image else "link", url, start, parser.position, target, label, (text_start, close)))
    del parser.nodes[index:]
    parser.add("link", start, parser.position)
    parser.brackets.pop()
    if not image:  # links do not nest: earlier link openers become text
        for bracket in reversed(parser.brackets):
            if not bracket[2]:
                if not bracket[3]:
                    break
                bracket[3] = False


def _spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in _SPACECHARS:
        position += 1
    return position
