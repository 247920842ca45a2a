"""Header cells: their emphasis wrapper (bold, italic or none) and the table's prevailing style."""

from __future__ import annotations

import re
from collections import Counter

_WRAPPED = re.compile(r"^(\*\*|__|\*|_)(\S(?:.*\S)?)\1$")


def split_style(text: str) -> tuple[str, str]:
    """(wrapper, inner text): `__Source__` -> ("__", "Source")."""
    match = _WRAPPED.match(text)
    return (match.group(1), match.group(2)) if match else ("", text)


def prevailing_style(cells) -> str:
    """The wrapper most header cells use; on a tie, the first cell's."""
    styles = [split_style(cell.text)[0] for cell in cells]
    if not styles:
        return ""
    counts = Counter(styles)
    best = max(counts.values())
    return next(style for style in styles if counts[style] == best)
