"""Generated documents built from drawn byte strings.

Hypothesis spends about as long on each draw as the test spends on the document, so a document
made of a hundred small draws (a choice per line, per cell, per character) costs ten times what
comparing it does. Here hypothesis draws one byte string per part (a line, say) and each byte
picks the next choice in it: documents of the same kinds for a tenth of the draws (give each
part bytes enough for all its choices: past its bytes every choice is the first), still shrunk
by hypothesis (fewer parts, fewer or smaller bytes make a shorter, simpler document) and still
replayed from its database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from hypothesis import strategies as st

T = TypeVar("T")


class Picks:
    """Choices read from `data` one byte each; past its end every choice is the first."""

    def __init__(self, data: bytes):
        self.data, self.at = data, 0

    def number(self, count: int) -> int:
        """0 to count - 1."""
        if self.at >= len(self.data):
            return 0
        self.at += 1
        return self.data[self.at - 1] % count

    def one_in(self, count: int) -> bool:
        return self.number(count) == count - 1

    def pick(self, options: Sequence[T]) -> T:
        return options[self.number(len(options))]

    def each(self, options: Sequence[str]) -> str:
        """The options the remaining bytes pick, joined."""
        picked = "".join(options[byte % len(options)] for byte in self.data[self.at:])
        self.at = len(self.data)
        return picked

    def text(self, alphabet: Sequence[str], most: int) -> str:
        return "".join(self.pick(alphabet) for _ in range(self.number(most + 1)))


def built_from_bytes(build: Callable[[Picks], T], most_bytes: int, least_bytes: int = 0) -> st.SearchStrategy[T]:
    """`build` on drawn bytes; `least_bytes` keeps a part that needs many choices from being mostly
    first choices (shrinking then makes the bytes smaller rather than fewer)."""
    return st.binary(min_size=least_bytes, max_size=most_bytes).map(lambda data: build(Picks(data)))
