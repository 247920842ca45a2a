"""Source names: comparison keys, acronyms, and whether an acronym abbreviates a name.

Real acronyms are built from the initial parts of words: one or more leading
letters of a word (BraTS: Brain Tumor Segmentation), of each part of a
hyphenated or camel-case word (MESA: Multi-Ethnic Study of Atherosclerosis),
function words used or skipped (TCIA: The Cancer Imaging Archive; DDSM:
Digital Database for Screening Mammography), and trailing words left out
(JSRT: Japanese Society of Radiological Technology Database).
"""

from __future__ import annotations

import re
from functools import lru_cache


_PARENTHESISED = re.compile(r"\(([^()]*)\)")  # linear: no lazy group between optional spaces
_TOKEN = re.compile(r"[^\W_]+")
_ACRONYM_TOKEN = re.compile(r"^[^\W\d_][^\W_]*(?:-[^\W_]+)*$")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_DIGITS = re.compile(r"\d+")
_POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)


def looks_like_acronym(token: str) -> bool:
    """ABIDE, BraTS, CBIS-DDSM, LUNA16: mostly capitals, at least two of them."""
    if not _ACRONYM_TOKEN.match(token):
        return False
    letters = [char for char in token if char.isalpha()]
    capitals = sum(char.isupper() for char in letters)
    return capitals >= 2 and capitals * 2 >= len(letters)


def declared_acronym(name: str) -> tuple[str, str] | None:
    """(acronym, the words it abbreviates) for a name such as 'Sunnybrook Cardiac Data(SCD)'."""
    for match in reversed(list(_PARENTHESISED.finditer(name))):
        inside = match.group(1).strip()
        if looks_like_acronym(inside):
            words = _PARENTHESISED.sub(" ", name[: match.start()]).strip()
            return (inside, words) if words else None
    return None


def row_acronym(name: str) -> str | None:
    """The acronym a row is known by: the declared one, or the whole name when it is one (OASIS)."""
    declared = declared_acronym(name)
    if declared:
        return declared[0]
    stripped = name.strip()
    return stripped if looks_like_acronym(stripped) and stripped.isupper() else None


def source_names(context) -> list[str]:
    """Each row's source name ("" when it has none or it does not read), once per document."""
    def read() -> list[str]:
        column = context.catalogue.fields.get("source")
        return [value or "" for value in column.values()] if column is not None else [""] * len(context.catalogue.body)
    return context.shared("source names", read)


def source_shapes(context) -> list[str]:
    """Each row's source name with every digit run as one 0, once per document: acronyms and known
    words have no digits, so a name's shape decides them (names of one family share a shape)."""
    return context.shared("source shapes", lambda: name_shapes(source_names(context)))


def name_shapes(names: list[str]) -> list[str]:
    return _DIGITS.sub("0", "\n".join(names)).split("\n") if names else []


def all_row_acronyms(names: list[str], shapes: list[str]) -> list[str | None]:
    """`row_acronym` of each name, given the names' shapes. Which parenthesised group (if any) is
    the acronym does not depend on the digits: it is chosen once per shape and read from the name."""
    choices: dict[str, int | None] = {}
    found = []
    for name, shape in zip(names, shapes):
        if "(" not in name and not name.isupper():
            found.append(None)
            continue
        if shape not in choices:
            choices[shape] = _acronym_choice(shape)
        choice = choices[shape]
        found.append(None if choice is None else name.strip() if choice < 0 else _PARENTHESISED.findall(name)[choice].strip())
    return found


def _acronym_choice(name: str) -> int | None:
    """Which parenthesised group `row_acronym` takes (-1: the whole name), or None."""
    matches = list(_PARENTHESISED.finditer(name))
    for index in range(len(matches) - 1, -1, -1):
        if looks_like_acronym(matches[index].group(1).strip()):
            return index if _PARENTHESISED.sub(" ", name[: matches[index].start()]).strip() else None
    stripped = name.strip()
    return -1 if looks_like_acronym(stripped) and stripped.isupper() else None


def capital_tokens(name: str) -> list[str]:
    """Upper-case tokens of two or more letters (SCMR, DRIVE): candidates for known acronyms."""
    return [token for token in _TOKEN.findall(name) if len(token) >= 2 and token.isupper() and token[0].isalpha()]


def abbreviates(acronym: str, words: str, function_words: frozenset[str]) -> bool:
    """Whether `acronym` can be formed from the initial parts of `words` (see the module docstring)."""
    letters = "".join(char for char in acronym if char.isalpha()).upper()
    shape = tuple((word in function_words, parts) for word, parts in _word_parts(words))
    if _spell(letters, shape):
        return True
    head = acronym.split("-")[0]  # LIDC-IDRI: the name may expand only the first part
    return head != acronym and abbreviates(head, words, function_words)


def _word_parts(words: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each word as (lower-case word, its parts in upper case); possessives dropped."""
    return tuple(shape for shape in map(_word_shape, words.split()) if shape is not None)


@lru_cache(maxsize=8192)  # words repeat across names: Database, Imaging, Initiative, ...
def _word_shape(word: str) -> tuple[str, tuple[str, ...]] | None:
    word = _POSSESSIVE.sub("", word)
    parts = [part for piece in _TOKEN.findall(word) for part in _CAMEL.split(piece) if not part.isdigit()]
    return (word.casefold(), tuple(part.upper() for part in parts)) if parts else None


@lru_cache(maxsize=4096)  # names of one family (ADNI 2, ADNI 3, ...) share letters and word shapes
def _spell(letters: str, words: tuple[tuple[bool, tuple[str, ...]], ...]) -> bool:
    """Whether the letters spell from the words, each given as (is a function word, its parts)."""
    @lru_cache(maxsize=None)
    def from_word(index: int, position: int) -> bool:
        if position == len(letters):
            return True  # the words left over are not part of the acronym
        if index == len(words):
            return False
        function_word, parts = words[index]
        if function_word and from_word(index + 1, position):
            return True
        return any(from_word(index + 1, end) for end in _contributions(parts, letters, position))

    return bool(letters) and from_word(0, 0)


def _contributions(parts: tuple[str, ...], letters: str, position: int) -> set[int]:
    """Where the acronym can continue after this word: it gives a leading piece of its first part,
    then optionally a leading piece of each later part."""
    reached = {position + length for length in range(1, len(parts[0]) + 1) if letters.startswith(parts[0][:length], position)}
    for part in parts[1:]:
        reached |= {end + length for end in reached for length in range(1, len(part) + 1) if letters.startswith(part[:length], end)}
    return reached
