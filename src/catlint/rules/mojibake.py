"""Encoding damage: text that was UTF-8 but was read in another code page, anywhere on the page.

A catalogue pasted through an export that guessed the wrong encoding shows
`ยน` for `¹` (cp874) or `Ã©` for `é` (cp1252), and the value no longer
parses. The repair is exact: the damaged characters are encoded back in the
code page that produced them and decoded as UTF-8. Genuine non-Latin text is
never touched: real Thai, Cyrillic or Greek words rarely decode as UTF-8, and
when one does (Thai ยก) it is left alone unless it shows the marks of damage
(glued to a Latin letter or digit, mixed with symbols, a marker starting a
note). Cells and footnotes are repaired by `catlint fix`; damage in the text
around the table is reported for a person to mend.

Fails:
    | SCMR Consensus Data | MR | All | 193ยน | 15 | ...
    ยน Amount of MRI slices

Passes:
    | SCMR Consensus Data | MR | All | 193¹ | 15 | ...
    ¹ Amount of MRI slices
"""

import re

from catlint.mojibake import repair
from catlint.rules import at_span, line_subject, replace, rows_with, shown
from catlint.table import Span

CODE = "CAT201"
NAME = "mojibake"
SEVERITY = "error"
FIX = "safe"
# The repair restores values (193ยน becomes the count 193¹): the fixer runs it in a round of its own.
CHANGES_VALUES = True
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def check(document):
    markers = document.schema.footnote_markers
    table_lines = set()
    for row in rows_with(document, _NON_ASCII):  # damage is never ASCII
        table_lines.add(row.line)
        for cell in row.cells:
            yield from _damaged(cell.text, cell.span, line_subject(document, row.line), markers)
    for note in document.table.footnotes:
        table_lines.add(note.line)
        line = document.lines[note.line - 1]
        start = note.marker_span.start
        yield from _damaged(line[start - 1 : note.text_span.end - 1], Span(note.line, start, note.text_span.end), ("footnote", note.text), markers)
    for number, line in enumerate(document.lines, 1):  # the rest of the page: reported, not repaired
        if number not in table_lines and number != document.table.header.line and not line.isascii():
            yield from _damaged_prose(line, number, markers)


def _damaged(text: str, span: Span, subject, markers: str):
    fixed = repair(text, markers)
    if fixed != text:
        yield at_span(span, f"encoding damage in {shown(text)}: should read {shown(fixed)}",
                      replace(span, fixed, "repair the encoding damage"), subject=subject)


def _damaged_prose(line: str, number: int, markers: str):
    fixed = repair(line, markers)
    if fixed == line:
        return
    start = next(index for index, (a, b) in enumerate(zip(line, fixed)) if a != b)
    end = len(line) - next(index for index, (a, b) in enumerate(zip(reversed(line), reversed(fixed))) if a != b)
    wrong, right = line[start:max(end, start + 1)], fixed[start : len(fixed) - (len(line) - max(end, start + 1))]
    yield at_span(Span(number, start + 1, max(end, start + 1) + 1), f"encoding damage in {shown(wrong)}: should read {shown(right)}",
                  subject=("line", line.strip()))
