"""Start tags in raw HTML as a browser's tokenizer reads them, and the URLs their attributes hold.

GitHub copies an HTML block to the page as written, so what counts there is
what a browser makes of it: a tag runs from `<` and a letter to the first `>`
outside a quoted attribute value, across lines; comments, end tags,
declarations and the text of script-like elements hold no tags. One pass, in
time linear in the text: every scan goes forward, and a scan that finds no end
ends the reading.
"""

from __future__ import annotations

import re

_SPACE = "\t\n\f\r "
_COMMENT_END = re.compile(r"--!?>")
_NAME_END = re.compile(r"[\t\n\f\r />]")
_ATTRIBUTE_NAME = re.compile(r"=?[^\t\n\f\r />=]*")
_UNQUOTED_VALUE = re.compile(r"[^\t\n\f\r >]*")
# Elements whose content is text up to their end tag (the HTML standard's raw text, RCDATA and plaintext).
_TEXT_ELEMENTS = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"})
_URL_ATTRIBUTES = frozenset({"href", "src"})  # the ones whose URL GitHub keeps: a link or an image


def start_tags(text: str) -> list[tuple[int, int]]:
    """(start, end) of each start tag in `text`; a tag the text ends in runs to its end."""
    found, position, length = [], 0, len(text)
    while (start := text.find("<", position)) >= 0:
        following = text[start + 1 : start + 2]
        if following.isascii() and following.isalpha():
            end, name = _tag_end(text, start + 1)
            found.append((start, end))
            position = _after_element_text(text, end, name) if name in _TEXT_ELEMENTS else end
        elif following == "/" and text[start + 2 : start + 3].isascii() and text[start + 2 : start + 3].isalpha():
            position = _tag_end(text, start + 2)[0]
        elif text.startswith("<!--", start):
            position = _comment_end(text, start + 4)
        elif following in ("!", "?", "/"):  # a declaration or a bogus comment: up to the next >
            close = text.find(">", start + 2)
            position = length if close < 0 else close + 1
        else:
            position = start + 1
    return found


def url_attributes(tag: str) -> list[tuple[str, int, int]]:
    """(URL, start, end) of the href and src values of one tag (`start_tags`' text), entities
    decoded as a browser decodes them; a repeated attribute counts once, the first, as in browsers."""
    found, seen = [], set()
    for name, value_start, value_end in _read_tag(tag, tag.find("<") + 1)[0]:
        if name in _URL_ATTRIBUTES and name not in seen and value_start >= 0:
            seen.add(name)
            value = tag[value_start:value_end]
            found.append((_decoded(value) if "&" in value else value, value_start, value_end))
    return found


def _tag_end(text: str, start: int) -> tuple[int, str]:
    """Where the tag whose name starts at `start` ends (after its >, or the text's end), and its
    lower-case name."""
    attributes, end = _read_tag(text, start)
    name_end = _NAME_END.search(text, start)
    return end, text[start : name_end.start() if name_end else len(text)].lower()


def _read_tag(text: str, start: int) -> tuple[list[tuple[str, int, int]], int]:
    """The attributes of the tag whose name starts at `start`, as (lower-case name, value start,
    value end; -1, -1 without a value), and where the tag ends."""
    attributes, length = [], len(text)
    match = _NAME_END.search(text, start)
    position = match.start() if match else length
    while position < length:
        char = text[position]
        if char in _SPACE or char == "/":
            position += 1
            continue
        if char == ">":
            return attributes, position + 1
        name_end = _ATTRIBUTE_NAME.match(text, position).end()  # takes one character at least
        name = text[position:name_end].lower()
        position = _skip_spaces(text, name_end)
        if position >= length or text[position] != "=":
            attributes.append((name, -1, -1))
            continue
        position = _skip_spaces(text, position + 1)
        quote = text[position : position + 1]
        if quote in ('"', "'"):
            close = text.find(quote, position + 1)
            close = length if close < 0 else close
            attributes.append((name, position + 1, close))
            position = close + 1
        else:
            value_end = _UNQUOTED_VALUE.match(text, position).end()
            attributes.append((name, position, value_end))
            position = value_end
    return attributes, length


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in _SPACE:
        position += 1
    return position


def _comment_end(text: str, after_opening: int) -> int:
    if text.startswith(">", after_opening):  # <!--> closes at once, and so does <!--->
        return after_opening + 1
    if text.startswith("->", after_opening):
        return after_opening + 2
    match = _COMMENT_END.search(text, after_opening)
    return match.end() if match else len(text)


def _after_element_text(text: str, position: int, name: str) -> int:
    if name == "plaintext":
        return len(text)
    match = re.compile(rf"</{name}[\t\n\f\r />]", re.IGNORECASE).search(text, position)
    return match.start() if match else len(text)


def _decoded(value: str) -> str:
    import html  # only for a value with an entity

    return html.unescape(value)
