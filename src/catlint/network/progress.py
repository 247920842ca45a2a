"""A progress bar on stderr, only for a person watching a terminal (never in CI or a pipe)."""

from __future__ import annotations

import os
import sys

WIDTH = 30


class Progress:
    def __init__(self, total: int, stream=None):
        self.stream = stream if stream is not None else sys.stderr
        self.total, self.done = total, 0
        self.enabled = total > 0 and _is_terminal(self.stream) and not os.environ.get("CI")
        self._draw()

    def advance(self) -> None:
        self.done += 1
        self._draw()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * (WIDTH + 40) + "\r")
            self.stream.flush()

    def _draw(self) -> None:
        if not self.enabled:
            return
        filled = WIDTH * self.done // self.total
        self.stream.write(f"\rchecking links [{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total}")
        self.stream.flush()


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
