"""Text that looks like other text, by Unicode's own rules (UTS #39, Unicode Security Mechanisms).

- `source_keys`: what two source names are compared by. The UTS #39 skeleton
  of the name after NFKC, without default-ignorable code points, ignoring case
  and white space: `MedPix`, `MеdPix` (Cyrillic е), `Med\u00adPix` (soft
  hyphen) and `ＭedPix` (fullwidth) share a key.
- `host_lookalike`: why a link's host reads as another host, or None. A label
  must have one script in UTS #39's sense (the intersection of its letters'
  Script_Extensions is not empty), Han mixing only with Kana, Hangul or
  Bopomofo as Japanese, Korean and Chinese names do (`schema/security.json`);
  and a non-ASCII label must not have the skeleton of an ASCII one
  (`xn--80ak6aa92e` is Cyrillic аррӏе, which reads as `apple`).

Both are cached per distinct string: a catalogue repeats names and hosts.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from catlint.reading.host_names import unicode_host
from catlint.reading.unicode import COMMON, INHERITED, UNKNOWN, ascii_prototypes, default_ignorable_table, script, script_extensions, script_name, skeleton

_LDH = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
LATIN = frozenset(("Latn",))


def source_keys(name: str) -> tuple[str, str]:
    """Two keys for a source name; names that share either are the same source to a reader. Case is
    folded before the skeleton (so `OASIS` is `Oasis`, although `I` alone reads as `l`) and after it
    (so Greek `Μ` reads as `M`, which folds to `m`); white space is ignored."""
    if not name.isascii() or "%" in name:
        return _unicode_keys(name)
    # The common case, in a few C calls: ASCII has a handful of look-alikes (0 O, 1 l I |, rn m).
    table, capitals = _ascii_prototypes()
    first = _replaced(name.lower(), table).lower()
    after = first
    for char, prototype in capitals:
        if char in name:
            after = _replaced(_replaced(name, capitals).lower(), table).lower()
            break
    return "".join(first.split()), "".join(after.split())


def all_source_keys(names: list[str]) -> tuple[list[str], list[str]]:
    """`source_keys` of each name, as the list of first keys and the list of second keys; for a
    column of printable ASCII names, in a few C calls over the whole column (the replacements
    never cross a line)."""
    flat = "\n".join(names)
    if not names or not flat.isascii() or "%" in flat or not flat.replace("\n", " ").isprintable():
        pairs = [source_keys(name) for name in names]
        return [first for first, _ in pairs], [after for _, after in pairs]
    table, capitals = _ascii_prototypes()
    first = _replaced(flat.lower(), table).lower().replace(" ", "").split("\n")
    after = _replaced(_replaced(flat, capitals).lower(), table).lower().replace(" ", "").split("\n")
    return first, after


@lru_cache(maxsize=1 << 14)
def _unicode_keys(name: str) -> tuple[str, str]:
    plain = unicodedata.normalize("NFKC", name).translate(default_ignorable_table())
    first = skeleton(plain.casefold()).casefold()
    after = skeleton(skeleton(plain).casefold()).casefold()
    return "".join(first.split()), "".join(after.split())


def _replaced(text: str, replacements) -> str:
    for char, prototype in replacements:  # prototypes are never mapped again: one pass each
        if char in text:
            text = text.replace(char, prototype)
    return text


@lru_cache(maxsize=1)
def _ascii_prototypes() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The ASCII characters' prototypes, and those of capitals that read differently from their small
    letter (I reads as l, i does not): only names with one of these need the second key."""
    table = tuple((char, prototype) for char, prototype in ascii_prototypes().items() if prototype.isascii())
    mapped = dict(table)

    def key(text: str) -> str:
        return "".join(mapped.get(char, char) for char in text.lower()).lower()

    capitals = tuple((char, mapped[char]) for char in mapped if char.isupper() and key(mapped[char]) != key(char))
    return table, capitals


@lru_cache(maxsize=4096)
def host_lookalike(host: str, mixes: tuple[frozenset[str], ...]) -> str | None:
    """Why `host` (Unicode or punycode labels) reads as another host; None when it does not.
    `mixes` are the script sets one label may combine (Japanese, Korean, Chinese)."""
    labels = unicode_host(host).split(".")
    for index, label in enumerate(labels):
        label = unicodedata.normalize("NFKC", _decoded(label)).casefold()
        if label.isascii():
            continue
        problem = _mixed(label, mixes)
        if problem:
            return problem
        look = "".join(skeleton(label).casefold().split())
        if set(look) <= _LDH and any(char.isalpha() for char in look):  # an ASCII label with a letter
            scripts = _names({script(char) for char in label if char.isalpha()})
            lookalike = ".".join(labels[:index] + [look] + labels[index + 1 :])
            return f"reads as {lookalike!r}: its {scripts} letters look like ASCII ones"
    return None


def _decoded(label: str) -> str:
    """A punycode (xn--) label as its letters; anything else as it is."""
    if label.startswith("xn--"):
        try:
            return label[4:].encode("ascii").decode("punycode")
        except (UnicodeError, ValueError):
            return label
    return label


def _mixed(label: str, mixes) -> str | None:
    """Why the label's characters have no script in common, allowing the mixes; None when they have one."""
    common: set[str] | None = None
    primary = set()
    for char in label:
        if char.isascii():
            if not char.isalpha():
                continue  # digits and hyphen belong to every script
            extensions = LATIN
        else:
            extensions = script_extensions(char)
            if extensions == {INHERITED}:
                continue  # combining marks take the script of their base
            if extensions <= {COMMON, UNKNOWN}:
                name = unicodedata.name(char, "unassigned")
                return f"has U+{ord(char):04X} {name}, a character of no script, which a host name has no use for"
        primary.add(script(char) if script(char) not in (COMMON, INHERITED) else min(extensions))
        augmented = set(extensions) | {f"mix{number}" for number, mix in enumerate(mixes) if extensions & mix}
        common = augmented if common is None else common & augmented
        if not common:
            return f"mixes {_names(primary)} letters"
    return None


def _names(codes: set[str]) -> str:
    return " and ".join(sorted(script_name(code) for code in codes))
