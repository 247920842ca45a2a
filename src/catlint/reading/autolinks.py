"""GFM's extended autolinks: bare `https://…`, `www.…` and e-mail addresses become links.

A port of cmark-gfm's autolink extension. Its quirks are GitHub's behaviour and
so are kept: a scheme glued to letters (`xhttps://`) is no link, a `www.`
must follow a space or one of `*_~(`, trailing punctuation, unbalanced closing
parentheses and a trailing entity are not part of the link, and an address
may carry `mailto:` or `xmpp:` itself.
"""

from __future__ import annotations

import re
import unicodedata

from catlint.reading.inline_link import Link

_SAFE_SCHEMES = ("http://", "https://", "ftp://")
_SPACE = " \t\n\r"  # cmark_isspace
_TRAILING = "?!.,:*_~'\""
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_SPACE_OR_TAG = re.compile(r"[ \t\n\r<]")
# ASCII characters a host name may hold for check_domain: not white space, not punctuation but - _ .
_ASCII_HOST = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\-.0-9A-Z_a-z\x7f]*")  # ASCII but white space and other punctuation


# A text that is one http(s) or ftp URL and nothing else, in the characters of most link cells:
# its autolink is the whole text (no trailing punctuation, parenthesis, underscore in the host,
# entity, tag, escape or markup). `whole_url` says so without the character-by-character rules.
_WHOLE_URL = re.compile(r"(?:[hH][tT][tT][pP][sS]?|[fF][tT][pP])://[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*"
                        r"(?:[/?#][A-Za-z0-9/?#=%+.,:$_~-]*[A-Za-z0-9/=#%+$-])?")


def whole_url(text: str) -> bool:
    """Whether `text` is a bare URL GitHub links whole (the common link cell); False says only
    that the general rules must decide."""
    return _WHOLE_URL.fullmatch(text) is not None


def url_at_colon(text: str, colon: int) -> tuple[int, int, str] | None:
    """(start, end, url) of a bare URL whose `://` starts at `colon`."""
    if len(text) - colon < 4 or text[colon + 1 : colon + 3] != "//":
        return None
    start = colon
    while start > 0 and _ascii_alpha(text[start - 1]):
        start -= 1
    if not _safe(text, start) or not _domain_ok(text, colon + 3, allow_short=True):
        return None
    end = _delimited(text, colon, _to_space(text, colon + 3) - colon)
    return (start, colon + end, text[start : colon + end]) if end else None


def www_at(text: str, position: int) -> tuple[int, int, str] | None:
    """(start, end, url) of a `www.` link at `position`; its href gets `http://`."""
    if position > 0 and text[position - 1] not in "*_~(" and text[position - 1] not in _SPACE:
        return None
    if not text.startswith("www.", position) or not _domain_ok(text, position, allow_short=False):
        return None
    end = _delimited(text, position, _to_space(text, position) - position)
    return (position, position + end, "http://" + text[position : position + end]) if end else None


def emails(nodes: list[list]) -> list:
    """Links for the e-mail (and xmpp) addresses in a run of text nodes outside links."""
    literal, offsets = _joined(nodes)
    found = []
    for start, end, url in _addresses(literal):
        found.append(Link("email", url, offsets[start], offsets[end - 1] + 1, (offsets[start], offsets[end - 1] + 1)))
    return found


def _addresses(data: str):
    """cmark-gfm's postprocess_text, step for step (its variables keep their lifetimes)."""
    start = offset = 0
    remaining = len(data)
    while offset < remaining:
        at = data.find("@", start + offset, start + remaining)
        if at < 0:
            return
        max_rewind = at - (start + offset)
        mailto, xmpp, periods = True, False, 0
        while True:  # cmark's `found_at`: a second `@` moves the search on
            at = start + offset + max_rewind
            rewind = 0
            while rewind < max_rewind:
                char = data[at - rewind - 1]
                if _ascii_alnum(char) or char in ".+-_":
                    rewind += 1
                    continue
                if char == ":" and _protocol(data, at, rewind, max_rewind, "mailto:"):
                    mailto = False
                    rewind += 1
                    continue
                if char == ":" and _protocol(data, at, rewind, max_rewind, "xmpp:"):
                    mailto, xmpp = False, True
                    rewind += 1
                    continue
                break
            if rewind == 0:
                break
            end, again = 1, False
            while end < remaining - offset - max_rewind:
                char = data[at + end]
                if _ascii_alnum(char):
                    pass
                elif char == "@":
                    offset += max_rewind + 1
                    max_rewind = end - 1
                    again = True
                    break
                elif char == "." and end < remaining - offset - max_rewind - 1 and _ascii_alnum(data[at + end + 1]):
                    periods += 1
                elif char == "/" and xmpp:
                    pass
                elif char not in "-_":
                    break
                end += 1
            if again:
                continue
            break
        if rewind == 0:
            offset += max_rewind + 1
            continue
        if end < 2 or periods == 0 or (not _ascii_alpha(data[at + end - 1]) and data[at + end - 1] != "."):
            offset += max_rewind + end
            continue
        end = _delimited(data, at, end)
        if end == 0:
            offset += max_rewind + 1
            continue
        yield at - rewind, at + end, ("mailto:" if mailto else "") + data[at - rewind : at + end]
        consumed = offset + max_rewind + end
        start += consumed
        remaining -= consumed
        offset = 0


def _protocol(data: str, at: int, rewind: int, max_rewind: int, protocol: str) -> bool:
    length = len(protocol)
    if length > max_rewind - rewind or data[at - rewind - length : at - rewind] != protocol:
        return False
    return length == max_rewind - rewind or not _ascii_alnum(data[at - rewind - length - 1])


def _joined(nodes: list[list]) -> tuple[str, list[int]]:
    """The text nodes' literal text, and the source offset of each of its characters."""
    parts, offsets = [], []
    for _, start, end, literal, _ in nodes:
        parts.append(literal)
        if len(literal) == end - start:
            offsets.extend(range(start, end))
        else:  # an escape or an entity: its characters point at where it is written
            offsets.extend([start] * len(literal))
    return "".join(parts), offsets


def _safe(text: str, start: int) -> bool:
    for scheme in _SAFE_SCHEMES:
        after = start + len(scheme)
        if len(text) > after and text[start:after].lower() == scheme and _host_char(text[after]):
            return True
    return False


def _domain_ok(text: str, start: int, allow_short: bool) -> bool:
    """cmark-gfm's check_domain, as a yes or no: no underscore in the last two labels (unless
    there are more than ten), and a period unless `allow_short`. Like cmark it never looks at
    the last character, skips what a backslash escapes, and stops after a non-ASCII character
    (it reads bytes there and rejects a continuation byte)."""
    periods = underscores_before = underscores = 0
    if start < len(text) and not text[start].isascii():  # cmark's next byte is a continuation byte
        return allow_short
    run = _ASCII_HOST.match(text, start + 1, max(start + 1, len(text) - 1))
    if run.end() >= len(text) - 1 or text[run.end()] not in "\\" and text[run.end()].isascii():
        labels = text[start + 1 : run.end()].split(".")  # the common case, in C: no escape, all ASCII
        underscores, periods = labels[-1].count("_"), len(labels) - 1
        underscores_before = labels[-2].count("_") if len(labels) > 1 else 0
        if (underscores_before or underscores) and periods <= 10:
            return False
        return allow_short or periods > 0
    index, last = start + 1, len(text) - 1
    while index < last:
        if text[index] == "\\" and index < last - 1:
            index += 1
        char = text[index]
        if char == "_":
            underscores += 1
        elif char == ".":
            underscores_before, underscores = underscores, 0
            periods += 1
        elif not _host_char(char) and char != "-":
            break
        if not char.isascii():
            break
        index += 1
    if (underscores_before or underscores) and periods <= 10:
        return False
    return allow_short or periods > 0


def _delimited(text: str, start: int, length: int) -> int:
    """The link's length once trailing punctuation and unbalanced parentheses are cut off."""
    tag = text.find("<", start, start + length)
    if tag >= 0:
        length = tag - start
    opening = text.count("(", start, start + length)
    closing = text.count(")", start, start + length)
    while length > 0:
        last = text[start + length - 1]
        if last == ")":
            if closing <= opening:
                return length
            closing -= 1
            length -= 1
        elif last in _TRAILING:
            length -= 1
        elif last == ";":
            position = length - 2
            while position > 0 and _ascii_alpha(text[start + position]):
                position -= 1
            length = position if position < length - 2 and text[start + position] == "&" else length - 1
        else:
            return length
    return length


def _to_space(text: str, position: int) -> int:
    found = _SPACE_OR_TAG.search(text, position)
    return found.start() if found else len(text)


def _host_char(char: str) -> bool:
    """Neither white space nor punctuation (ASCII punctuation, or a Unicode P* character)."""
    if char.isascii():
        return char not in "\t\n\f\r " and char not in _ASCII_PUNCTUATION
    category = unicodedata.category(char)
    return not (category.startswith("P") or category == "Zs")


def _ascii_alpha(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()
