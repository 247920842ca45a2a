"""Raw HTML in inline text, found after a `<` as cmark-gfm's handle_pointy_brace finds it.

Comments, processing instructions, CDATA sections and declarations may run to
the end of the text. cmark-gfm scans each to its closer, and when a scan
reaches the end without one it remembers that for the rest of the text (its
subject flags) and looks for none of that kind again, so a text of a thousand
`<?` is read in one pass instead of a thousand. The flags are kept here as
they are, quirks included: after an unclosed `<!--` no `<!` starts HTML.
"""

from __future__ import annotations

import re

from catlint.reading.scanners import CLOSE_TAG, OPEN_TAG

# cmark-gfm's re2c scanners. Each body loop is deterministic (the first character or two pick the
# alternative), so possessive matching gives re2c's longest match, in one pass.
_COMMENT = re.compile(r"--(?:[^\x00-]++|-[^\x00-]|--[^\x00>])*+-->")  # from the `--`, its `-->` included
_PROCESSING_BODY = re.compile(r"(?:[^?>\x00]++|\?[^>\x00]|>)*+")  # stops at `?>` or the end
_CDATA_BODY = re.compile(r"CDATA\[(?:[^\]\x00]++|\][^\]\x00]|\]\][^>\x00])*+")  # stops at `]]>` or the end
_DECLARATION_BODY = re.compile(r"[A-Z]++[ \t\v\f\r\n]++[^>\x00]*+")  # stops at `>` or the end
_TAG = rf"(?:{OPEN_TAG}|{CLOSE_TAG})"  # compiled on first use: a tag is rare in a cell, the pattern costly to compile


class HtmlScanner:
    """Raw HTML in one inline text; one scanner per text, because what it remembers is about
    the rest of that text."""

    def __init__(self, text: str):
        self.text = text
        self.unclosed: set[str] = set()  # kinds found to have no closer: cmark's FLAG_SKIP_HTML_*

    def end(self, after: int) -> int | None:
        """Where the raw HTML that starts with the `<` just before `after` ends, or None."""
        text = self.text
        if after + 2 > len(text):
            return None
        if text[after] == "?":
            if "instruction" in self.unclosed:
                return None
            return self._closed("instruction", _PROCESSING_BODY.match(text, after + 1), 2)
        if text[after] != "!":
            tag = re.compile(_TAG).match(text, after)  # re's cache keeps it compiled
            return tag.end() if tag else None
        if "comment" in self.unclosed:
            return None
        if text.startswith("--", after + 1):
            return self._comment(after)
        if text.startswith("[", after + 1):
            return None if "cdata" in self.unclosed else self._closed("cdata", _CDATA_BODY.match(text, after + 2), 3)
        if "declaration" in self.unclosed:
            return None
        return self._closed("declaration", _DECLARATION_BODY.match(text, after + 1), 1)

    def _comment(self, after: int) -> int | None:
        if self.text.startswith(">", after + 3):  # <!-->
            return after + 4
        if self.text.startswith("->", after + 3):  # <!--->
            return after + 5
        comment = _COMMENT.match(self.text, after + 1)
        if comment is None:
            self.unclosed.add("comment")
            return None
        return comment.end()

    def _closed(self, kind: str, body, closer: int) -> int | None:
        """The end of `body` and its closer of `closer` characters. The body stops only at its closer
        or at the end of the text, so a closer that does not fit means there is none to the end."""
        if body is None:
            return None
        end = body.end() + closer
        if end > len(self.text):
            self.unclosed.add(kind)
            return None
        return end
