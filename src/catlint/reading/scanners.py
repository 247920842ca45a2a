"""Line scanners for block starts and ends, as cmark-gfm's re2c scanners define them.

Each takes a line (with its line ending, as cmark sees it) and a position and
returns the length matched, or 0. Patterns are anchored at the position and
use possessive quantifiers, so none of them backtracks on long lines.
"""

from __future__ import annotations

import re

_SPACE = r"[ \t\v\f\r\n]"
_TAG_NAME = r"[A-Za-z][A-Za-z0-9-]*+"
_ATTRIBUTE_VALUE = r"(?:[^ \t\r\n\v\f\"'=<>`\x00]++|'[^'\x00]*+'|\"[^\"\x00]*+\")"
_ATTRIBUTE = rf"(?:{_SPACE}++[a-zA-Z_:][a-zA-Z0-9:._-]*+(?:{_SPACE}*+={_SPACE}*+{_ATTRIBUTE_VALUE})?+)"
OPEN_TAG = rf"{_TAG_NAME}{_ATTRIBUTE}*+{_SPACE}*+/?>"
CLOSE_TAG = rf"/{_TAG_NAME}{_SPACE}*+>"
_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|"
    "fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|"
    "main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|section|source|title|summary|table|tbody|td|tfoot|th|"
    "thead|title|tr|track|ul"
)
_HTML_STARTS = (
    (1, re.compile(r"<(?:script|pre|style|textarea)(?:[ \t\v\f\r\n]|>)", re.IGNORECASE)),
    (2, re.compile(r"<!--")),
    (3, re.compile(r"<\?")),
    (4, re.compile(r"<![A-Z]")),  # cmark-gfm's condition 4: an uppercase letter (the spec now allows any)
    (5, re.compile(r"<!\[CDATA\[")),
    (6, re.compile(rf"</?(?:{_BLOCK_TAGS})(?:[ \t\v\f\r\n]|/?>)", re.IGNORECASE)),
)
_HTML_START_7 = re.compile(rf"<(?:{OPEN_TAG}|{CLOSE_TAG})[\t\n\f ]*[\r\n]")
_HTML_ENDS = {
    1: re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE),
    2: re.compile(r"-->"),
    3: re.compile(r"\?>"),
    4: re.compile(r">"),
    5: re.compile(r"\]\]>"),
}
_ATX_START = re.compile(r"#{1,6}(?:[ \t]++|[\r\n])")
_SETEXT = re.compile(r"(?:(=)+|-+)[ \t]*+[\r\n]")
_OPEN_FENCE = re.compile(r"(`{3,}+)(?=[^`\r\n\x00]*+[\r\n])|(~{3,}+)(?=[^\r\n\x00]*+[\r\n])")
_CLOSE_FENCE = re.compile(r"(?:`{3,}+|~{3,}+)(?=[ \t]*+[\r\n])")
_FOOTNOTE_DEFINITION = re.compile(r"\[\^([^\] \r\n\x00\t]++)\]:[ \t]*+")


def html_block_start(line: str, position: int, in_paragraph: bool) -> int:
    """The HTML block type (1-7) starting here, or 0; type 7 cannot interrupt a paragraph."""
    for kind, pattern in _HTML_STARTS:
        if pattern.match(line, position):
            return kind
    if not in_paragraph and _HTML_START_7.match(line, position):
        return 7
    return 0


def html_block_ends(kind: int, line: str, position: int) -> bool:
    """Whether this line ends an HTML block of the given type (types 6 and 7 end at a blank line)."""
    pattern = _HTML_ENDS.get(kind)
    return bool(pattern and pattern.search(line, position))


def atx_heading_start(line: str, position: int) -> int:
    match = _ATX_START.match(line, position)
    return match.end() - position if match else 0


def setext_heading_level(line: str, position: int) -> int:
    match = _SETEXT.match(line, position)
    if not match:
        return 0
    return 1 if match.group(1) else 2


def open_code_fence(line: str, position: int) -> int:
    match = _OPEN_FENCE.match(line, position)
    return match.end() - position if match else 0


def close_code_fence(line: str, position: int) -> int:
    match = _CLOSE_FENCE.match(line, position)
    return match.end() - position if match else 0


def footnote_definition(line: str, position: int) -> tuple[int, str] | None:
    """(length matched, label) of a `[^label]:` footnote definition start."""
    match = _FOOTNOTE_DEFINITION.match(line, position)
    return (match.end() - position, match.group(1)) if match else None


def thematic_break(line: str, position: int) -> bool:
    """Three or more of one of `*`, `-`, `_`, with only spaces or tabs between, to the line's end."""
    char = line[position] if position < len(line) else ""
    if char not in ("*", "-", "_") or not char:
        return False
    count = 0
    for index in range(position, len(line)):
        current = line[index]
        if current == char:
            count += 1
        elif current in "\r\n":
            return count >= 3
        elif current not in " \t":
            return False
    return False


def table_delimiter_row(line: str, position: int) -> bool:
    """cmark-gfm's table start: `|? marker (| marker)* |? spaces newline`, a marker being
    `spaces :? -+ :? spaces`. Written out by hand: the regular expression backtracks."""
    index, length = position, len(line)
    if index < length and line[index] == "|":
        index += 1
    markers = 0
    while True:
        index = _skip(line, index, " \t\v\f")
        start = index
        if index < length and line[index] == ":":
            index += 1
        dashes = index
        while index < length and line[index] == "-":
            index += 1
        if index == dashes:
            if markers and index == start:  # a trailing pipe, then only spaces
                break
            return False
        if index < length and line[index] == ":":
            index += 1
        markers += 1
        index = _skip(line, index, " \t\v\f")
        if index < length and line[index] == "|":
            index += 1
            continue
        break
    return index < length and line[index:] in ("\n", "\r\n", "\r")


def _skip(line: str, index: int, chars: str) -> int:
    while index < len(line) and line[index] in chars:
        index += 1
    return index
