"""Header cells are styled differently from each other.

One table, one header style: all bold, all italic or all plain, as most of
the header cells already are.

Fails:
    | __Source__ | Data Types | __Body Parts__ |

Passes:
    | __Source__ | __Data Types__ | __Body Parts__ |
"""

from catlint.headers import prevailing_style, split_style
from catlint.rules import at_span, replace

CODE = "CAT206"
NAME = "header-style"
SEVERITY = "warning"
FIX = "safe"

_NAMES = {"": "plain", "**": "bold", "__": "bold", "*": "italic", "_": "italic"}


def check(document):
    cells = document.table.header.cells
    style = prevailing_style(cells)
    for cell in cells:
        wrapper, inner = split_style(cell.text)
        if wrapper != style:
            wanted = f"{style}{inner}{style}"
            yield at_span(cell.span, f"header {cell.text!r} differs from the other headers' style: write {wanted!r}",
                          replace(cell.span, wanted, f"write {wanted!r}"), subject=("header", inner))
