"""Link reference definitions (`[label]: destination "title"`) and the pieces links share.

Ported from cmark-gfm's inline scanners: link labels, destinations (in angle
brackets, or balanced parentheses without spaces), titles, and the clean-up
of a destination (entities and backslash escapes resolved). A definition
stands at the start of a paragraph; GitHub resolves reference links through
every definition in the file, the first definition of a label winning.
"""

from __future__ import annotations

from typing import NamedTuple
import re

MAX_LABEL_LENGTH = 1000
WHITESPACE = " \t\n\r"  # cmark_isspace: a vertical tab or a form feed is not white space
ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(r"&(?:#[xX]([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));")
_BACKSLASH_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_SPACES = re.compile(r"[ \t\n\r]+")


class Definition(NamedTuple):
    key: str  # the normalised label
    url: str  # the destination, cleaned
    line: int  # where the destination is written (1-based), and its code point offsets
    start: int
    end: int


def take_definitions(lines: list[tuple[int, int, str]]) -> tuple[list[Definition], list[tuple[int, int, str]]]:
    """The definitions at the start of a paragraph, and the paragraph's lines without them."""
    text = "".join(piece for _, _, piece in lines)
    found, position = [], 0
    while position < len(text) and text[position] == "[":
        parsed = _definition(text, position)
        if parsed is None:
            break
        length, key, url, (start, end) = parsed
        line, column = locate(lines, start)
        found.append(Definition(key, url, line, column, column + (end - start)))
        position += length
    return found, _drop(lines, position) if position else lines


def locate(lines: list[tuple[int, int, str]], position: int) -> tuple[int, int]:
    """The (line, offset in the line) of an offset into the joined text of `lines`."""
    for number, start, piece in lines:
        if position < len(piece):
            return number, start + position
        position -= len(piece)
    number, start, piece = lines[-1]
    return number, start + len(piece)


def _drop(lines, count: int):
    kept = []
    for number, start, piece in lines:
        if count >= len(piece):
            count -= len(piece)
            continue
        kept.append((number, start + count, piece[count:]) if count else (number, start, piece))
        count = 0
    return kept


def _definition(text: str, start: int):
    """(length, key, url, (start, end) of the destination) of a definition at `start`, or None."""
    label = link_label(text, start)
    if label is None or not label[1].strip(WHITESPACE):
        return None
    position = label[0]
    if position >= len(text) or text[position] != ":":
        return None
    position = skip_spaces_and_newline(text, position + 1)
    destination = link_destination(text, position)
    if destination is None:
        return None
    length, raw_start, raw_end = destination
    before_title = position + length
    after_spaces = skip_spaces_and_newline(text, before_title)
    title = link_title(text, after_spaces) if after_spaces != before_title else None
    end = _line_end_after(text, title) if title else None
    if end is None:  # no title, or text after it: the definition may still end before the title
        end = _line_end_after(text, before_title)
        if end is None:
            return None
    return end - start, normalize_label(label[1]), clean_url(text[raw_start:raw_end]), (raw_start, raw_end)


def _line_end_after(text: str, position: int) -> int | None:
    while position < len(text) and text[position] in " \t":
        position += 1
    if position >= len(text):
        return position
    if text.startswith("\r\n", position):
        return position + 2
    if text[position] in "\r\n":
        return position + 1
    return None


def link_label(text: str, position: int) -> tuple[int, str] | None:
    """(position after `]`, raw label) of a `[label]` at `position`: no unescaped brackets inside."""
    if position >= len(text) or text[position] != "[":
        return None
    index, length = position + 1, 0
    while index < len(text) and text[index] not in "[]":
        if text[index] == "\\" and index + 1 < len(text) and text[index + 1] in ASCII_PUNCTUATION:
            index += 2
            length += 2
        else:
            index += 1
            length += 1
        if length > MAX_LABEL_LENGTH:
            return None
    if index < len(text) and text[index] == "]":
        return index + 1, text[position + 1 : index].strip(WHITESPACE)
    return None


def link_title(text: str, position: int) -> int | None:
    """The end of a title at `position`: `"..."`, `'...'` or `(...)`. A backslash lets the closing
    character (or `(`) pass; like cmark's scanner, the longest title that ends there wins."""
    closer = {'"': '"', "'": "'", "(": ")"}.get(text[position] if position < len(text) else "")
    if closer is None:
        return None
    stops = closer + ("(" if closer == ")" else "") + "\x00"
    end = None
    for index in range(position + 1, len(text)):
        char = text[index]
        if char not in stops:
            continue
        escaped = text[index - 1] == "\\" and index - 1 > position
        if char == closer:
            end = index + 1
        if not escaped or char == "\x00":
            break
    return end


def skip_spaces_and_newline(text: str, position: int) -> int:
    """Spaces and tabs, at most one line ending, then spaces and tabs again."""
    position = _skip(text, position, " \t")
    if text.startswith("\r\n", position):
        position += 2
    elif position < len(text) and text[position] in "\r\n":
        position += 1
    else:
        return position
    return _skip(text, position, " \t")


def link_destination(text: str, position: int) -> tuple[int, int, int] | None:
    """(length, start, end) of the destination at `position`: `<...>` or balanced parentheses."""
    index = position
    if index < len(text) and text[index] == "<":
        index += 1
        while index < len(text):
            char = text[index]
            if char == ">":
                return index + 1 - position, position + 1, index
            if char == "\\":
                index += 2
            elif char in "\n<":
                return None
            else:
                index += 1
        return None
    depth = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in ASCII_PUNCTUATION:
            index += 2
        elif char == "(":
            depth += 1
            index += 1
            if depth > 32:
                return None
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
            index += 1
        elif char in WHITESPACE:
            if index == position:
                return None
            break
        else:
            index += 1
    if index >= len(text):
        return None
    return index - position, position, index


def normalize_label(label: str) -> str:
    """Labels match case-insensitively (Unicode case folding) with white space collapsed."""
    return _SPACES.sub(" ", label.casefold().strip(WHITESPACE))


def clean_url(raw: str) -> str:
    """A destination as a link's href holds it: entities and backslash escapes resolved."""
    return unescape_backslashes(unescape_entities(raw.strip(WHITESPACE)))


def unescape_entities(text: str) -> str:
    return _ENTITY.sub(_entity, text) if "&" in text else text


def character_references(text: str):
    """(start, end, decoded text) of each character reference (`&#x202E;`, `&shy;`) in `text`, decoded
    as cmark-gfm decodes it."""
    if "&" in text:
        for match in _ENTITY.finditer(text):
            yield match.start(), match.end(), _entity(match)


def unescape_backslashes(text: str) -> str:
    return _BACKSLASH_ESCAPE.sub(r"\1", text) if "\\" in text else text


def _entity(match: re.Match) -> str:
    hexadecimal, decimal, name = match.groups()
    if name is not None:
        from html.entities import html5  # only for a named entity

        return html5.get(name + ";", match.group())
    code = int(hexadecimal, 16) if hexadecimal is not None else int(decimal)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return chr(code)


def _skip(text: str, position: int, chars: str) -> int:
    while position < len(text) and text[position] in chars:
        position += 1
    return position
