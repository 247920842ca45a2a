"""A link as the inline parser finds it, at its offsets in the text: shared by the parser and the
modules that find links for it (brackets, autolinks), which it imports."""

from __future__ import annotations

from typing import NamedTuple


class Link(NamedTuple):
    kind: str  # "link", "image", "autolink" (<...>), "url" (bare URL or www.), "email"
    url: str  # the destination as the href holds it (before percent-encoding)
    start: int  # the whole link in the text
    end: int
    target: tuple[int, int] | None  # where the destination is written in this text; None: a definition
    label: str = ""  # the reference label, for a reference link
    text: tuple[int, int] | None = None  # the link text, for links and images
