"""Emphasis and strikethrough delimiters, as cmark-gfm matches them.

catlint needs emphasis for one reason: GitHub finds bare e-mail addresses in
text nodes after emphasis has wrapped them (`_a@b.c_` links `a@b.c`), so the
text runs an address is looked for in end at emphasis boundaries. This is
CommonMark's process_emphasis (the delimiter stack, the rule of three) with
GFM's strikethrough (`~` and `~~`, opener and closer of equal length).
"""

from __future__ import annotations

import unicodedata

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


class Delimiter:
    __slots__ = ("node", "char", "count", "length", "can_open", "can_close", "previous", "next")

    def __init__(self, node: int, char: str, length: int, can_open: bool, can_close: bool):
        self.node, self.char, self.count, self.length = node, char, length, length
        self.can_open, self.can_close = can_open, can_close
        self.previous = self.next = None


class DelimiterStack:
    def __init__(self):
        self.last: Delimiter | None = None

    def push(self, delimiter: Delimiter) -> None:
        delimiter.previous = self.last
        if self.last is not None:
            self.last.next = delimiter
        self.last = delimiter

    def remove(self, delimiter: Delimiter) -> None:
        if delimiter.next is not None:
            delimiter.next.previous = delimiter.previous
        else:
            self.last = delimiter.previous
        if delimiter.previous is not None:
            delimiter.previous.next = delimiter.next

    def cut(self, bottom: Delimiter | None) -> None:
        """Drop every delimiter above `bottom` (they were inside a link's text)."""
        while self.last is not None and self.last is not bottom:
            self.remove(self.last)


def flanking(text: str, start: int, end: int) -> tuple[bool, bool, str, str]:
    """(left-flanking, right-flanking, the character before, the one after) of the delimiter run
    text[start:end]; a `~` next to the run is looked past, as cmark-gfm's strikethrough asks."""
    before = start - 1
    while before > 0 and text[before] == "~":
        before -= 1
    before_char = "\n" if before < 0 or text[before] == "~" else text[before]
    after = end
    while after < len(text) and text[after] == "~":
        after += 1
    after_char = "\n" if end >= len(text) or after >= len(text) else text[after]
    left = not _space(after_char) and (not _punctuation(after_char) or _space(before_char) or _punctuation(before_char))
    right = not _space(before_char) and (not _punctuation(before_char) or _space(after_char) or _punctuation(after_char))
    return left, right, before_char, after_char


def can_open_close(char: str, text: str, start: int, end: int) -> tuple[bool, bool]:
    left, right, before, after = flanking(text, start, end)
    if char == "_":
        return left and (not right or _punctuation(before)), right and (not left or _punctuation(after))
    return left, right


def process(stack: DelimiterStack, literals: list, boundaries: set[int], struck: list | None = None) -> None:
    """Match openers with closers; each match wraps the nodes between them, which ends the
    text runs there (`boundaries` gets the node positions where a run must break; `struck`, when
    given, the (opener, closer) node pair of each strikethrough)."""
    closer = stack.last
    while closer is not None and closer.previous is not None:
        closer = closer.previous
    bottoms: dict[tuple[int, str], Delimiter | None] = {}
    while closer is not None:
        if not closer.can_close:
            closer = closer.next
            continue
        opener, found = closer.previous, False
        bottom = bottoms.get((closer.length % 3, closer.char))
        while opener is not None and opener is not bottom:
            if opener.can_open and opener.char == closer.char and (
                not (closer.can_open or opener.can_close)
                or closer.length % 3 == 0 or (opener.length + closer.length) % 3 != 0
            ):
                found = True
                break
            opener = opener.previous
        old = closer
        if found:
            closer = _strike(stack, opener, closer, literals, boundaries, struck) if closer.char == "~" else \
                _emphasis(stack, opener, closer, literals, boundaries)
        else:
            closer = closer.next
            bottoms[(old.length % 3, old.char)] = old.previous
            if not old.can_open:
                stack.remove(old)


def _emphasis(stack, opener, closer, literals, boundaries):
    used = 2 if closer.count >= 2 and opener.count >= 2 else 1
    opener.count -= used
    closer.count -= used
    literals[opener.node] = literals[opener.node][:opener.count]
    literals[closer.node] = literals[closer.node][:closer.count]
    boundaries.update((opener.node + 1, closer.node))
    delimiter = closer.previous
    while delimiter is not None and delimiter is not opener:
        previous = delimiter.previous
        stack.remove(delimiter)
        delimiter = previous
    if opener.count == 0:
        stack.remove(opener)
    if closer.count == 0:
        following = closer.next
        stack.remove(closer)
        return following
    return closer


def _strike(stack, opener, closer, literals, boundaries, struck):
    following = closer.next
    if opener.length != closer.length:
        return following
    if struck is not None:
        struck.append((opener.node, closer.node))
    literals[opener.node] = ""
    literals[closer.node] = ""
    boundaries.update((opener.node, opener.node + 1, closer.node, closer.node + 1))
    delimiter = closer
    while delimiter is not None and delimiter is not opener:
        previous = delimiter.previous
        stack.remove(delimiter)
        delimiter = previous
    stack.remove(opener)
    return following


def _space(char: str) -> bool:
    return char in "\t\n\f\r " or (not char.isascii() and unicodedata.category(char) == "Zs")


def _punctuation(char: str) -> bool:
    if char.isascii():
        return char in _ASCII_PUNCTUATION
    return unicodedata.category(char).startswith("P")
