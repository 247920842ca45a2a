"""Unicode properties Python's unicodedata lacks, read from schema/unicode/ (made by tools/unicode_data.py).

Default_Ignorable_Code_Point (invisible characters), Script and
Script_Extensions (which scripts a host label mixes), and the UTS #39
confusables (which characters look alike). Each file is read once, on first use.
"""

from __future__ import annotations

import json
import unicodedata
from bisect import bisect_right
from functools import lru_cache

from catlint.errors import CatlintError
from catlint.reading.schema import data_dir

UNICODE_DIR = "unicode"
COMMON, INHERITED, UNKNOWN = "Zyyy", "Zinh", "Zzzz"


def load(name: str) -> dict:
    path = data_dir() / UNICODE_DIR / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CatlintError(f"{path}: cannot read catlint's Unicode data: {error}") from None


def code_points(entries: list[str]) -> list[tuple[int, int]]:
    """"00AD" and "115F..1160" as (first, last) pairs."""
    pairs = []
    for entry in entries:
        first, _, last = entry.partition("..")
        pairs.append((int(first, 16), int(last or first, 16)))
    return pairs


@lru_cache(maxsize=1)
def default_ignorable() -> tuple[tuple[int, int], ...]:
    return tuple(code_points(load("default-ignorable.json")["default-ignorable"]))


@lru_cache(maxsize=1)
def default_ignorable_table() -> dict[int, None]:
    """A str.translate table that removes every default-ignorable code point."""
    return {point: None for first, last in default_ignorable() for point in range(first, last + 1)}


@lru_cache(maxsize=1)
def unicode_version() -> str:
    return load("default-ignorable.json")["unicode-version"]


class _Scripts:
    def __init__(self, document: dict):
        self.names: dict[str, str] = document["names"]
        self.starts = [int(start, 16) for start, _ in document["scripts"]]
        self.codes = [code for _, code in document["scripts"]]
        self.extensions: dict[int, frozenset[str]] = {}
        for entry, codes in document["script-extensions"]:
            value = frozenset(codes.split())
            for first, last in code_points([entry]):
                self.extensions.update(dict.fromkeys(range(first, last + 1), value))


@lru_cache(maxsize=1)
def _scripts() -> _Scripts:
    return _Scripts(load("scripts.json"))


def script(char: str) -> str:
    """The Script property of a character, as a four-letter code (Latn, Cyrl, Hani, Zyyy for Common, ...)."""
    table = _scripts()
    return table.codes[bisect_right(table.starts, ord(char)) - 1]


def script_extensions(char: str) -> frozenset[str]:
    """Script_Extensions: the scripts a character is used with (its Script alone for most characters)."""
    found = _scripts().extensions.get(ord(char))
    return found if found is not None else frozenset((script(char),))


def script_name(code: str) -> str:
    return _scripts().names.get(code, code)


@lru_cache(maxsize=1)
def prototypes() -> dict[int, str]:
    """A str.translate table from each confusable character to its UTS #39 prototype."""
    return {ord(char): prototype for char, prototype in load("confusables.json")["prototypes"].items()}


@lru_cache(maxsize=1)
def ascii_prototypes() -> dict[str, str]:
    """The ASCII characters' prototypes: the same entries as in `prototypes`, from a file a
    fraction of its size (most catalogues have only ASCII names)."""
    return load("confusables-ascii.json")["prototypes"]


def skeleton(text: str) -> str:
    """The UTS #39 skeleton: NFD, default-ignorables removed, each character to its prototype, NFD."""
    decomposed = unicodedata.normalize("NFD", text).translate(default_ignorable_table())
    return unicodedata.normalize("NFD", decomposed.translate(prototypes()))
