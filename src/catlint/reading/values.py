"""Cell text to typed values: counts, vocabulary lists, terms, text and links.

Parsing is lenient about spelling (aliases, separators, digit grouping, stray
spaces) so that a normalised cell gives the same value as the original: that
equality is what makes a fix lossless.
"""

from __future__ import annotations

from typing import NamedTuple
import re

from catlint.reading.schema import Schema, header_key

# Zero-width characters carry no meaning in a value; bidi controls are kept (they are reported).
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_TABLE = str.maketrans("", "", INVISIBLE)
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_MAX_DIGITS = 24  # far beyond any image count; int() of thousands of digits is slow and capped
_NUMBER_CHARS = frozenset("0123456789 ,+.'")
_GROUPED = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+$|^[0-9]{1,3}(?: [0-9]{3})+$|^[0-9]+$")
# The separators alone: spaces around them are stripped from the parts, not matched (\s* on both
# sides would try every split of a run of spaces).
_LIST_SEPARATOR = re.compile(r"[,;/&]|\band\b", re.IGNORECASE)
_SPACE_BUT_LINE_FEED = re.compile(r"[^\S\n]+")


def name_key(name: str) -> str:
    """Case- and space-insensitive identity of a source name."""
    return "".join(name.casefold().split())


def all_name_keys(names: list[str]) -> list[str]:
    """`name_key` of each name, in a few C calls over the whole column (names hold no line feed)."""
    return _SPACE_BUT_LINE_FEED.sub("", "\n".join(names).casefold()).split("\n") if names else []


class CellValueError(ValueError):
    """A cell that cannot be read as its field's type; the message says why."""


class Count(NamedTuple):
    value: int
    bound: str
    marker: str = ""

    def canonical(self) -> str:
        return f"{self.value:,}" + ("+" if self.bound == "lower" else "") + self.marker


def clean_text(text: str) -> str:
    """Invisible characters removed, every run of white space (NBSP included) one space."""
    if text.isascii() and text.isprintable() and "  " not in text:  # most cells: nothing to do
        return text.strip()
    return _SPACES.sub(" ", text.translate(_INVISIBLE_TABLE)).strip()


def parse_count(text: str, schema: Schema) -> Count | None:
    """None for unknown; a Count otherwise; CellValueError with the reason when malformed.

    Written as plain string steps, not one regular expression, so that it stays
    linear on adversarial cells.
    """
    rest = clean_text(text)
    if header_key(rest) in schema.unknown_counts:
        return None
    lower = False
    for prefix in (">=", ">", "\u2265"):
        if rest.startswith(prefix):
            lower, rest = True, rest[len(prefix) :].lstrip()
            break
    reference = ""
    if rest.endswith("]") and (start := rest.rfind("[^")) > 0:  # a GFM footnote reference: 193[^1]
        reference, rest = rest[start:], rest[:start].rstrip()
    end = len(rest)
    while end and rest[end - 1] not in _NUMBER_CHARS:  # what follows the number is its footnote marker
        end -= 1
    marker, body = rest[end:], rest[:end].rstrip()
    if body.endswith("+"):
        lower, body = True, body[:-1].rstrip()
    if not body or not body[0].isascii() or not body[0].isdigit():
        raise CellValueError(_count_problem(rest))
    if marker and not all(char in schema.footnote_markers for char in marker):
        raise CellValueError(f"unexpected {marker!r} after the number (footnote markers are {' '.join(schema.footnote_markers)})")
    if not _GROUPED.match(body):
        raise CellValueError(_count_problem(rest) if "." in body or "'" in body else f"malformed digit grouping {body!r}")
    if len(body) > _MAX_DIGITS:
        raise CellValueError(f"implausibly large count ({len(body)} characters)")
    return Count(int(body.replace(",", "").replace(" ", "")), "lower" if lower else "exact", marker + reference)


def _count_problem(text: str) -> str:
    if text.startswith("-") or text.startswith("\u2212"):
        return "a count cannot be negative"
    if re.search(r"[0-9][.'][0-9]", text):
        return "decimal point or ambiguous thousands separator; write digits grouped with commas"
    return "not a count"


def canonical_count(count: Count | None) -> str:
    return "X" if count is None else count.canonical()


def parse_list(text: str, field: str, schema: Schema) -> list[str]:
    """Terms mapped through the schema's aliases, deduplicated, in vocabulary order; unknown terms last."""
    aliases = schema.value_aliases(field)
    order = schema.vocabulary_order(field)
    terms = []
    for part in map(str.strip, _LIST_SEPARATOR.split(clean_text(text))):
        if part:
            term = aliases.get(header_key(part), part)
            if term not in terms:
                terms.append(term)
    return sorted(terms, key=lambda term: order.get(term, len(order)))


def parse_term(text: str, field: str, schema: Schema) -> str:
    cleaned = clean_text(text)
    return schema.value_aliases(field).get(header_key(cleaned), cleaned)
