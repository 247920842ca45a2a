"""An invisible or bidirectional control character hides in the catalogue or the page around it.

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
from catlint.rules import Finding, line_subject

CODE = "CAT401"
NAME = "invisible-character"
SEVERITY = "error"
FIX = "sometimes"

_SUSPECT = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c]")
_ZERO_WIDTH_SPACE = "\u200b"


def check(document):
    cells = {row.line: row.cells for row in (document.table.header, *document.table.rows)}
    for number, line in enumerate(document.lines, 1):
        if line.isascii():
            continue
        for match in _SUSPECT.finditer(line):
            in_cell = any(cell.start <= match.start() + 1 < cell.end for cell in cells.get(number, ()))
            yield _finding(number, match.start() + 1, match.group(), line_subject(document, number), in_cell)


def _finding(line: int, column: int, char: str, subject, in_cell: bool) -> Finding:
    start, end = Position(line, column), Position(line, column + 1)
    name = unicodedata.name(char, "unnamed character")
    removable = char == _ZERO_WIDTH_SPACE and in_cell  # fixes stay inside the catalogue's cells
    fix = Fix("safe", "remove the zero-width space", (Edit(start, end, ""),)) if removable else None
    return Finding(start, end, f"invisible character U+{ord(char):04X} {name}", fix, subject)
