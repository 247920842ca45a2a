"""Headers that read as the catalogue's, compared as a reader sees them rather than as they are spelled.

A table headed `Sourсe | Dаta Types | …` (Cyrillic с and а), `Sou&shy;rce | …` or
`Sou&#x200B;rce | …` renders exactly like the catalogue's header, yet none of
its cells is spelled like a catalogue column. A header cell is compared by its
rendered text (markup removed, character references decoded), after NFKC and
without default-ignorable code points, by UTS #39 skeleton, ignoring case and
white space. Case is folded before the skeleton and after it, as source names
are (`OASIS` is `Oasis`, although `I` alone reads as `l`).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from catlint.reading import cell_text as inline
from catlint.reading.unicode import ascii_prototypes, default_ignorable_table, skeleton


def reads_as_catalogue(header_texts: list[str], schema) -> bool:
    """Whether at least two header cells read as catalogue columns (the rule that makes the catalogue)."""
    names = _catalogue_keys(schema)
    return sum(not names.isdisjoint(header_keys(inline.plain_text(text))) for text in header_texts) >= 2


def header_keys(text: str) -> frozenset[str]:
    """The keys a header text is compared by: texts that share one read alike."""
    plain = unicodedata.normalize("NFKC", text).translate(default_ignorable_table())
    first = _skeleton(plain.casefold()).casefold()
    after = _skeleton(_skeleton(plain).casefold()).casefold()
    return frozenset(("".join(first.split()), "".join(after.split())))


def _skeleton(text: str) -> str:
    """UTS #39 skeleton; an ASCII text needs only the few ASCII prototypes (a small file)."""
    if text.isascii():
        return unicodedata.normalize("NFD", text.translate(_ascii_table()))
    return skeleton(text)


@lru_cache(maxsize=1)
def _ascii_table() -> dict[int, str]:
    return {ord(char): prototype for char, prototype in ascii_prototypes().items()}


@lru_cache(maxsize=4)
def _catalogue_keys(schema) -> frozenset[str]:
    """The keys of every header spelling the schema accepts."""
    return frozenset(key for column in schema.columns for name in (column.header, *column.aliases) for key in header_keys(name))
