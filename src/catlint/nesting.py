"""How deeply a configuration nests, measured before and after parsing: a sane depth or a clear error.

Python's parsers recurse: tomllib and json stop with a RecursionError a few
hundred levels down, and tomllib takes quadratic time and memory on long
dotted keys (`a.a.a.… = 1` with 100,000 parts runs for minutes). So a TOML
file is scanned first, in one linear pass that skips strings and comments:
each open bracket or brace, and each dot of a key, is a level. A parsed JSON
document is measured without recursion.
"""

from __future__ import annotations

import re

from catlint.errors import CatlintError

MAX_DEPTH = 64  # a pyproject.toml nests 6 or 7 levels, a JSON schema about 10
# What the scan stops at: quotes, comments, brackets, braces, the separators that end a key, and dots.
_SPECIAL = re.compile(r"[\"'#\[\]{}=,\n.]")


def toml_depth(text: str, stop_above: int | None = None) -> int:
    """How deeply one key, table header or value of a TOML text nests: open brackets and braces plus
    the dots of the key being read (a float's dot counts too), which is what makes a parser recurse
    or slow down. Linear in the length of the text; it returns once the depth passes `stop_above`."""
    deepest = depth = dots = 0
    position = 0
    while True:
        found = _SPECIAL.search(text, position)
        if found is None:
            return deepest
        char, position = found.group(), found.end()
        if char in "\"'":
            position = _string_end(text, found.start())
        elif char == "#":
            end = text.find("\n", position)
            position = len(text) if end < 0 else end
        elif char in "[{":
            depth += 1
            dots = 0
        elif char in "]}":
            depth = max(0, depth - 1)
            dots = 0
        elif char == ".":
            dots += 1
        else:  # = , newline: a key or a value ends
            dots = 0
        deepest = max(deepest, depth + dots)
        if stop_above is not None and deepest > stop_above:
            return deepest


def _string_end(text: str, start: int) -> int:
    """Where the string (basic, literal, or multi-line) opening at `start` ends; the text's end if never."""
    quote = text[start]
    delimiter = quote * 3 if text.startswith(quote * 3, start) else quote
    position = start + len(delimiter)
    while True:
        end = text.find(delimiter, position)
        if end < 0:
            return len(text)
        if quote == '"' and _escaped(text, end, position):
            position = end + 1
            continue
        end += len(delimiter)
        if len(delimiter) == 3:  # a multi-line string may end in one or two more quotes: """a"""" is 'a"'
            for _ in range(2):
                if text.startswith(quote, end):
                    end += 1
        return end


def _escaped(text: str, index: int, floor: int) -> bool:
    """Whether the quote at `index` follows an odd number of backslashes (not before `floor`)."""
    backslashes = 0
    while index - backslashes - 1 >= floor and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def json_depth(value) -> int:
    """The nesting depth of parsed JSON (1 for a scalar), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return deepest


def too_deep(location: str, what: str) -> CatlintError:
    return CatlintError(f"{location}: the {what} nests more than {MAX_DEPTH} levels deep; nothing in it needs so many")


def check_json_depth(value, location: str, what: str) -> None:
    if json_depth(value) > MAX_DEPTH:
        raise too_deep(location, what)
