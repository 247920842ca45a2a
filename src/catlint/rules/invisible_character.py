"""An invisible or bidirectional control character hides in the catalogue or the page around it.

Every character Unicode says a renderer should not show
(Default_Ignorable_Code_Point: zero-width spaces and joiners, the soft hyphen,
the combining grapheme joiner, variation selectors, tag characters, Hangul
fillers, the Mongolian vowel separator, ...), the bidirectional controls
(U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069), which reorder what a
reviewer sees without changing what programs read ("Trojan Source"), and the
line and paragraph separators U+2028/U+2029 and the interlinear annotation
controls U+FFF9-U+FFFB, which some readers break or hide text at, the
control characters other than white space (U+0001-U+0008, U+000E-U+001F,
U+007F, U+0080-U+009F): GitHub shows nothing for them, a terminal obeys
them (ESC starts the escape sequences that clear it or colour text), and
characters drawn as nothing although Unicode does not list them as ignorable
(U+2800 BRAILLE PATTERN BLANK). Spaces (U+3000, U+1680) are not invisible. Each is
reported at its exact column with its code point and name. The list comes
from Unicode's own data (`schema/unicode/default-ignorable.json`) plus
`schema/security.json`. Only a zero-width space is removed automatically: the
others may be deliberate in some scripts or hide an attack, and need a person
to look. A character written as a character reference (`&#x202E;`, `&#8203;`,
`&shy;`, `&zwj;`, `&ZeroWidthSpace;`) is reported too, at the reference, where
GitHub decodes it (not in code, a bare URL, or after a backslash): the page
and `export` get the character itself. It is never fixed automatically.

Fails:
    | OASIS\u200b | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (a zero-width space after OASIS: the fix removes it)

    | MedPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix.nlm.nih.gov/\u202efdp.exe |
    (a right-to-left override in the link)

    | Med\u00adPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix.nlm.nih.gov/home |
    (a soft hyphen)

    | OASIS\x1b[8m | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (an escape character, which starts a terminal's escape sequence)

    | Digital Database &#x202E;for Screening Mammography (DDSM) | XR | Breast | 2620 | X | Open | Non-commercial | https://www.example.org/ddsm |
    (a right-to-left override written as a character reference)

Passes:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |

    | OASIS `&#x202E;` | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (a code span shows the reference as written)
"""

import re
import unicodedata
from functools import lru_cache

from catlint.diagnostics import Edit, Finding, Fix, Position
from catlint.reading.character_references import decoded_references
from catlint.reading.references import character_references
from catlint.reading.unicode import default_ignorable
from catlint.rules._support.findings import line_subject
from catlint.rules.contract import Rule

_ZERO_WIDTH_SPACE = "\u200b"


@lru_cache(maxsize=4)
def invisible_pattern(beyond_default_ignorable: tuple[tuple[int, int], ...]) -> re.Pattern:
    """One character class of every reported code point (a set test per character, linear): the
    default-ignorable ones and those the security settings add."""
    ranges = sorted(default_ignorable() + beyond_default_ignorable)
    return re.compile("[" + "".join(re.escape(chr(first)) + ("-" + re.escape(chr(last)) if last > first else "")
                                    for first, last in ranges) + "]")


@lru_cache(maxsize=4)
def _unreported_ascii(pattern: re.Pattern) -> bytes:
    """The ASCII characters `pattern` does not report."""
    return bytes(code for code in range(128) if not pattern.match(chr(code)))


def _may_hold(text: str, pattern: re.Pattern) -> bool:
    """Whether `text` holds a character `pattern` reports, in a few C passes: deleting the unreported
    ASCII bytes from its UTF-8 (never part of a longer character's bytes) leaves its other
    characters, usually none or a handful, for the pattern to look at."""
    unreported = _unreported_ascii(pattern)
    for start in range(0, len(text), _CHUNK):  # a megabyte at a time: the file's bytes are never all held
        rest = text[start : start + _CHUNK].encode("utf-8", "surrogatepass").translate(None, unreported)
        if rest and pattern.search(rest.decode("utf-8", "surrogatepass")):
            return True
    return False


_CHUNK = 1 << 20


def check(context):
    catalogue = context.catalogue
    text = catalogue.text
    pattern = invisible_pattern(context.security.invisible)
    if "&" in text:
        yield from _references(catalogue, pattern)
    if not _may_hold(text, pattern):
        return
    header = catalogue.table.header
    for number, line in enumerate(catalogue.lines, 1):
        if line.isascii() and line.isprintable():
            continue
        matches = list(pattern.finditer(line))
        if not matches:
            continue
        row = catalogue.row_at(number)
        cells = header.cells if number == header.line else catalogue.body.cells(row) if row is not None else ()
        for match in matches:
            in_cell = any(cell.start <= match.start() + 1 < cell.end for cell in cells)
            yield _finding(number, match.start() + 1, match.group(), line_subject(catalogue, number), in_cell)


def _references(catalogue, pattern: re.Pattern):
    """Characters written as references (`&#x202E;`, `&shy;`) where GitHub decodes them. Not fixed:
    the reference may be deliberate, and removing it is a person's call."""
    lines = {catalogue.lines.position(start)[0] for start, _, decoded in character_references(catalogue.text) if pattern.search(decoded)}
    if not lines:
        return
    for number, offset, written, decoded in decoded_references(catalogue.markdown, lines):
        char = pattern.search(decoded)
        if char is not None:
            start, end = Position(number, offset + 1), Position(number, offset + 1 + len(written))
            message = f"invisible character U+{ord(char.group()):04X} {_name(char.group())} written as {written} (not fixed automatically)"
            yield Finding(start, end, message, None, line_subject(catalogue, number))


def _name(char: str) -> str:
    if unicodedata.category(char) == "Cc":  # Unicode gives control characters no name
        return "(a control character)"
    return unicodedata.name(char, f"(not named in this Python's Unicode {unicodedata.unidata_version})")


def _finding(line: int, column: int, char: str, subject, in_cell: bool) -> Finding:
    start, end = Position(line, column), Position(line, column + 1)
    name = _name(char)
    removable = char == _ZERO_WIDTH_SPACE and in_cell  # fixes stay inside the catalogue's cells
    fix = Fix("safe", "remove the zero-width space", (Edit(start, end, ""),)) if removable else None
    return Finding(start, end, f"invisible character U+{ord(char):04X} {name}", fix, subject)


RULE = Rule("CAT401", "invisible-character", "error", "sometimes", check, __doc__)
