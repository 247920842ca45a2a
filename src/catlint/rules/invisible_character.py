"""An invisible or bidirectional control character hides in a cell.

Bidirectional controls (U+202A–U+202E, U+2066–U+2069) reorder what a reviewer
sees without changing what programs read ("Trojan Source"); zero-width
characters split or join words invisibly. Each is reported at its exact
column. Only a zero-width space is removed automatically: the others may be
deliberate in some scripts or hide an attack, and need a person to look.

Fails:
    | OASIS\u200b | ... | https://example.org/\u202eexe.pdf |

Passes:
    | OASIS | ... | https://example.org/file.pdf |
"""

import re
import unicodedata

from catlint.diagnostics import Edit, Fix, Position
from catlint.rules import Finding, line_subject, rows_with

CODE = "CAT401"
NAME = "invisible-character"
SEVERITY = "error"
FIX = "sometimes"

_SUSPECT = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c]")
_ZERO_WIDTH_SPACE = "\u200b"


def check(document):
    for row in rows_with(document, _SUSPECT):
        for cell in row.cells:
            for match in _SUSPECT.finditer(cell.text):
                yield _finding(row, cell.span.start + match.start(), match.group(), line_subject(document, row.line))


def _finding(row, column: int, char: str, subject) -> Finding:
    start, end = Position(row.line, column), Position(row.line, column + 1)
    name = unicodedata.name(char, "unnamed character")
    fix = Fix("safe", "remove the zero-width space", (Edit(start, end, ""),)) if char == _ZERO_WIDTH_SPACE else None
    return Finding(start, end, f"invisible character U+{ord(char):04X} {name}", fix, subject)
