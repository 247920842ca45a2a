"""Suggested changes: the lines `catlint fix` writes in place of the lines a fix touches.

The fixed text comes from the real fixer (all fixes, in rounds), so a
suggestion shows the whole line as `catlint fix` leaves it, with the other
fixes on that line too. The original and fixed lines are aligned by a line
diff; a suggestion replaces whole aligned blocks, so applying it gives
exactly the fixer's lines there. A fix that inserts a line (a blank line
before a footnote) yields a suggestion of the inserted line plus the line
it was inserted before.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from catlint.diagnostics import last_row
from catlint.errors import CatlintError
from catlint.fixer import fix_document
from catlint.source import split_lines


@dataclass(frozen=True)
class Suggestion:
    first: int  # 1-based, inclusive: the original lines replaced
    last: int
    lines: tuple[str, ...]  # what `catlint fix` writes there
    unsafe: bool


class FixedFile:
    """One checked file and what `catlint fix` (with or without unsafe fixes) makes of it, computed on first use."""

    def __init__(self, checked):
        self.document, self.config = checked.document, checked.config
        self._fixed: dict[bool, tuple[list[str], list] | None] = {}

    def suggestion(self, diagnostic) -> Suggestion | None:
        if diagnostic.fix is None:
            return None
        unsafe = diagnostic.fix.applicability == "unsafe"
        fixed = self.fixed(unsafe)
        if fixed is None:
            return None
        lines, blocks = fixed
        first, last = _touched_rows(diagnostic, len(self.document.lines))
        chosen = [block for block in blocks if _touches(block, first - 1, last - 1)]
        if all(kind == "equal" for kind, *_ in chosen):
            return None  # the fixer leaves these lines as they are
        i1, i2 = min(block[1] for block in chosen), max(block[2] for block in chosen)
        j1, j2 = min(block[3] for block in chosen), max(block[4] for block in chosen)
        return Suggestion(i1 + 1, i2, tuple(lines[j1:j2]), unsafe)

    def fixed(self, unsafe: bool):
        if unsafe not in self._fixed:
            lines = _fixed_lines(self.document, self.config, unsafe)
            self._fixed[unsafe] = None if lines is None else (lines, aligned_blocks(self.document.lines, lines))
        return self._fixed[unsafe]


def _fixed_lines(document, config, unsafe: bool) -> list[str] | None:
    """The lines `catlint fix` would write, or None when it would write nothing."""
    try:
        result = fix_document(document, config, unsafe=unsafe)
    except CatlintError:
        return None
    return [content for content, _ in split_lines(result.text)] if result.converged else None


def aligned_blocks(before: list[str], after: list[str]) -> list[tuple[str, int, int, int, int]]:
    """Opcodes that partition both line lists; same-sized changed blocks are split line by line."""
    blocks = []
    for kind, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if kind in ("equal", "replace") and i2 - i1 == j2 - j1:
            blocks += [(kind, i, i + 1, j1 + (i - i1), j1 + (i - i1) + 1) for i in range(i1, i2)]
        else:
            blocks.append((kind, i1, i2, j1, j2))
    return blocks


def _touched_rows(diagnostic, line_count: int) -> tuple[int, int]:
    """The diagnostic's lines and every line its fix edits (an edit ending at column 1 stops before that line)."""
    rows = [diagnostic.location.row, diagnostic.last_row]
    for edit in diagnostic.fix.edits:
        rows += [edit.location.row, last_row(edit.location, edit.end_location)]
    return max(1, min(min(rows), line_count)), max(1, min(max(rows), line_count))


def _touches(block, first: int, last: int) -> bool:
    _, i1, i2, _, _ = block
    if i1 == i2:  # an insertion before line i1: ours when it lands inside or right after our lines
        return first <= i1 <= last + 1
    return i1 <= last and i2 > first
