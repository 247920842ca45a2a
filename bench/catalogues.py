"""Benchmark inputs: large catalogues made from catalogue.md's rows, and adversarial cells.

Standard library only. A large catalogue repeats the project's real rows, but
each copy gets its own source name, acronym and link, and the rows are sorted
and aligned: a big catalogue that is well kept. Otherwise duplicate-source,
duplicate-link, unsorted-rows and table-layout would report (and fix) every
row, which measures the reporting of a million findings rather than checking.
For the same reason every copy links over https (insecure-link would warn
about the few http rows, which the project suppresses per row).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

_ACRONYM = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


def catalogue_rows(path: Path) -> tuple[list[str], list[str], list[list[str]], list[str]]:
    """(lines before the table, header cells, body rows as cells, lines after the table)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith("|"))
    end = next((index for index in range(start, len(lines)) if not lines[index].startswith("|")), len(lines))
    cells = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines[start:end]]
    return lines[:start], cells[0], cells[2:], lines[end:]


def copy_of(row: list[str], number: int, index: int) -> list[str]:
    """The row as its `number`th copy: a name, an acronym and a link (numbered by `index`) of its own."""
    copy = list(row)
    declared = _ACRONYM.match(row[0])
    if declared and number:  # keep the acronym valid for its words, but unique
        copy[0] = f"{declared.group(1)} {number:06d} ({declared.group(2)}{number:06d})"
    elif number:
        copy[0] = f"{row[0]} {number:06d}"
    _, host, path, query, fragment = urlsplit(row[-1])
    copy[-1] = urlunsplit(("https", host, path, f"{query}&row={index}" if query else f"row={index}", fragment))
    return copy


def large_catalogue(source: Path, rows: int) -> str:
    before, header, body, after = catalogue_rows(source)
    copies = [copy_of(body[index % len(body)], index // len(body), index) for index in range(rows)]
    copies.sort(key=lambda cells: cells[0].casefold())
    return "\n".join(before + aligned([header] + copies) + after) + "\n"


def aligned(rows: list[list[str]]) -> list[str]:
    widths = [max(_width(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        lines.append("|" + "|".join(f" {cell}{' ' * (width - _width(cell))} " for cell, width in zip(row, widths)) + "|")
        if index == 0:
            lines.append("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return lines


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


# Cells that make a backtracking regular expression or a naive parser quadratic:
# long runs of one character, and repeated openers that never close.
ADVERSARIAL = {
    "spaces": " ",
    "open parenthesis and space": "( ",
    "backslashes": "\\",
    "backticks": "`",
    "backtick pairs and pipes": "`|",
    "link openers": "[a](",
    "brackets": "[",
    "angle brackets": "<",
    "tag openers": "<a ",
    "html attributes": "<img src=x ",
    "html comment openers": "<!--",
    "emphasis": "*_",
    "entities": "&amp",
    "digits and commas": "1,",
    "plus signs": "+",
    "url schemes": "http://",
    "at signs in a url": "@a.",
    "dots in a host": "a.",
    "word and space": "MRI ",
    "and separators": " and",
    "acronym parentheses": "(A",
    "capitals": "Ab",
    "mojibake marks": "Ã©",
    "zero-width spaces": "\u200b",
    "cyrillic and latin": "\u0430a",
    "footnote reference openers": "[^",
    "processing instruction openers": "<?",
    "CDATA openers": "<![CDATA[",
    "declaration openers": "<!A ",
}


def adversarial_catalogue(pattern: str, length: int, column: int) -> str:
    """A one-row catalogue whose cell in `column` is `pattern` repeated to `length` characters."""
    header = ["Source", "Data Types", "Body Parts", "Images", "Patients", "Availability", "Licence", "Link"]
    row = ["OASIS", "MR", "Brain", "373", "186", "Registration", "Open", "https://www.oasis-brains.org"]
    cell = (pattern * (length // len(pattern) + 1))[:length]
    row[column] = "x" + cell + "x"  # the cell keeps its inner run whole
    return "\n".join(["| " + " | ".join(header) + " |", "|" + "---|" * len(header), "| " + " | ".join(row) + " |"]) + "\n"


def legacy_catalogue(source: Path, rows: int, encoding: str = "cp1252", accented: bool = False) -> tuple[bytes, bytes]:
    """The large catalogue as bytes in a legacy code page, and the same rows in UTF-8; `accented`
    puts a non-ASCII letter in every row's source (every line then weighs in the guess)."""
    text = large_catalogue(source, rows)
    if accented:
        head, delimiter, body = text.partition("\n|---")
        text = head + delimiter + body.replace("\n| ", "\n| Caf\u00e9 ")
    return text.encode(encoding), text.encode("utf-8")


def deep_configuration(depth: int) -> str:
    """A catlint.toml whose one key is `depth` levels deep (a.a.a... = 1): a parser that recurses or
    rebuilds the key for each part spends far more than linear time on it."""
    return ".".join(["a"] * depth) + " = 1\n"
