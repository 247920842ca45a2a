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
    | SCMR Consensus Data | MR | Heart | 193ยน | 15 | Request on application form | Non-commercial | https://www.cardiacatlas.org/studies/scmr-consensus-data/ |

    ยน Amount of MRI slices
    (the fix writes 193¹ and ¹)

Passes:
    | SCMR Consensus Data | MR | Heart | 193¹ | 15 | Request on application form | Non-commercial | https://www.cardiacatlas.org/studies/scmr-consensus-data/ |

    ¹ Amount of MRI slices
    (as written)

    | Siriraj Chest X-ray (ภาพเอกซเรย์ทรวงอก) | XR | Lungs | 1,000+ | 500+ | Open | CC BY 4.0 | https://www.si.mahidol.ac.th |
    (genuine Thai text)
"""

from catlint.reading.mojibake import repair
from catlint.reading.tables import Span
from catlint.rules._support.findings import at_span, cell_span, replace, row_subject, shown
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    if catalogue.text.isascii():  # damage is never ASCII
        return
    markers = catalogue.schema.footnote_markers
    body = catalogue.body
    for cell in catalogue.table.header.cells:
        yield from _damaged(cell.text, cell_span(cell), ("header",), markers)
    for index, texts in enumerate(body.columns):
        if "\n".join(filter(None, texts)).isascii():  # damage is never ASCII
            continue
        damaged = {text: fixed for text in set(texts) if text is not None and not text.isascii() and (fixed := repair(text, markers)) != text}
        for row, text in enumerate(texts):
            if text in damaged:
                span = cell_span(body.cell(row, index))
                yield _finding(text, damaged[text], span, row_subject(catalogue, row))
    for row, extra in body.extra.items():
        if "".join(extra).isascii():  # damage is never ASCII
            continue
        for cell in body.cells(row)[body.width :]:
            yield from _damaged(cell.text, cell_span(cell), row_subject(catalogue, row), markers)
    for note in catalogue.table.footnotes:
        line = catalogue.lines[note.line - 1]
        start = note.marker_span.start
        yield from _damaged(line[start - 1 : note.text_span.end - 1], Span(note.line, start, note.text_span.end), ("footnote", note.text), markers)
    yield from _page(catalogue, markers)


def _page(catalogue, markers: str):
    """The rest of the page: reported, not repaired (fixes stay in the table and its notes)."""
    table = catalogue.table
    taken = {table.header.line, table.delimiter.line, *(note.line for note in table.footnotes)}
    rows = catalogue.body.row_lines
    lines = catalogue.lines
    first, last = (rows[0], rows[-1]) if rows else (len(lines) + 1, len(lines))
    for number in _outside(len(lines), first, last, set(rows)):
        line = lines[number - 1]
        if not line.isascii() and number not in taken:
            yield from _damaged_prose(line, number, markers)


def _outside(count: int, first: int, last: int, rows: set):
    """Line numbers that are not body rows: around the rows, and between them (glued notes)."""
    yield from range(1, first)
    if last - first + 1 != len(rows):
        yield from (number for number in range(first, last + 1) if number not in rows)
    yield from range(last + 1, count + 1)


def _damaged(text: str, span: Span, subject, markers: str):
    fixed = repair(text, markers)
    if fixed != text:
        yield _finding(text, fixed, span, subject)


def _finding(text: str, fixed: str, span: Span, subject):
    return at_span(span, f"encoding damage in {shown(text)}: should read {shown(fixed)}",
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


# The repair restores values (193ยน becomes the count 193¹): the fixer runs it in a round of its own.
RULE = Rule("CAT201", "mojibake", "error", "safe", check, __doc__, changes_values=True)
