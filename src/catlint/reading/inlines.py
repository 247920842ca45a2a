"""Inline Markdown: the links, images, autolinks, raw HTML, code spans and footnote references
GitHub finds in a paragraph, a heading or a table cell, at their offsets in that text.

A port of cmark-gfm's inline parser (inlines.c) and its autolink extension,
without emphasis: emphasis never decides where a link is, so the links found
are exactly cmark's. Text is kept as nodes the way cmark cuts it, because a
footnote reference is recognised by the nodes between its brackets.
"""

from __future__ import annotations

from typing import NamedTuple
import bisect
import re

from catlint.reading import autolinks, emphasis
from catlint.reading.brackets import close_bracket
from catlint.reading.inline_html import HtmlScanner
from catlint.reading.inline_link import Link
from catlint.reading.references import ASCII_PUNCTUATION, WHITESPACE, unescape_entities

# Characters that end a run of plain text: cmark's, plus the autolink and strikethrough extensions'.
_MAX_BACKTICKS = 80  # cmark-gfm's MAXBACKTICKS
_SPECIAL = re.compile(r"[\r\n\\`&_*\[\]<!~:w]")
_ENTITY = re.compile(r"&(?:#[xX][0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
_AUTOLINK_URI = re.compile(r"[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\x00-\x20<>]*+>")
_AUTOLINK_EMAIL = re.compile(
    r"[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]++@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*+>"
)


class Inlines(NamedTuple):
    links: tuple[Link, ...]
    html: tuple[tuple[int, int], ...]  # raw HTML pieces
    code: tuple[tuple[int, int], ...]  # code spans, backticks included
    footnotes: tuple[tuple[str, int, int], ...]  # (label, start, end) of [^label] references


def parse(text: str, definitions: dict) -> Inlines:
    """Everything GitHub makes of `text` that catlint checks; `definitions` maps normalised
    labels to link reference definitions (objects with a `url`)."""
    return _Parser(text, definitions).run()


def parse_link_text(text: str, definitions: dict) -> tuple[list[list], list[Link], list[tuple[int, int]]]:
    """What `parse` reads in a link's text (where GitHub makes no bare-URL links), as cmark's nodes
    after emphasis ([kind, start, end, literal, in_link]; a link or image is one "link" node), every
    link and image found, and the (opener, closer) node pair of each strikethrough: what the text a
    reader sees is made of (shown_text). Offsets are in `[text]`: one past those in `text`."""
    parser = _Parser(f"[{text}]", definitions)  # the brackets around it decide emphasis at its edges
    parser.position, parser.stop = 1, len(text) + 1
    parser.struck, parser.link_text = [], True
    parser.run()
    return parser.nodes, parser.links, parser.struck


class _Parser:
    def __init__(self, text: str, definitions: dict):
        self.text = text.rstrip(WHITESPACE) if text.endswith(tuple(WHITESPACE)) else text
        self.definitions = definitions
        self.position = 0
        self.stop = len(self.text)  # where parsing ends
        self.nodes: list[list] = []  # [kind, start, end, literal, in_link]
        self.brackets: list[list] = []  # [node index, position after the bracket, image, active, bracket_after]
        self.links: list[Link] = []
        self.html: list[tuple[int, int]] = []
        self.code: list[tuple[int, int]] = []
        self.footnotes: list[tuple[str, int, int]] = []
        self._backtick_runs: list[tuple[int, int]] | None = None  # (start, length) of every run
        self._last_run: dict[int, int] = {}  # cmark's cache: where a run of each length was last seen
        self._scanned = False  # a scan has reached the end of the text
        self._html: HtmlScanner | None = None  # made at the first `<` that is no autolink
        self.delimiters = emphasis.DelimiterStack()
        self.struck: list[tuple[int, int]] | None = None  # strikethrough node pairs, when asked for
        self.link_text = False  # parsing a link's text on its own

    def run(self) -> Inlines:
        text, length = self.text, self.stop
        while self.position < length:
            char = text[self.position]
            handler = _HANDLERS.get(char)
            if handler is None or not handler(self):
                self._plain_text()
        literals = [node[3] for node in self.nodes]
        boundaries: set[int] = set()
        emphasis.process(self.delimiters, literals, boundaries, self.struck)
        for node, literal in zip(self.nodes, literals):
            node[3] = literal
        self._emails(boundaries)
        images = [(link.start, link.end) for link in self.links if link.kind == "image"]
        shown = [link for link in self.links if not any(start <= link.start and link.end <= end and link.kind != "image" or
                                                         start < link.start and link.end <= end for start, end in images)]
        return Inlines(tuple(sorted(shown, key=lambda link: link.start)), tuple(self.html), tuple(self.code), tuple(self.footnotes))

    def add(self, kind: str, start: int, end: int, literal: str = "") -> None:
        self.nodes.append([kind, start, end, literal, False])

    def _plain_text(self) -> None:
        start = self.position
        match = _SPECIAL.search(self.text, start + 1)
        end = match.start() if match else len(self.text)
        self.position = end
        self.add("text", start, end, self.text[start:end])

    def newline(self) -> bool:
        text = self.text
        start = self.position
        if text.startswith("\r\n", start):
            self.position += 2
        else:
            self.position += 1
        while self.position < len(text) and text[self.position] in " \t":
            self.position += 1
        self.add("break", start, self.position)
        return True

    def backticks(self) -> bool:
        text, start = self.text, self.position
        run = _run(text, start, "`")
        closer = self._closing_backticks(start + run, run)
        if closer is None:
            self.position = start + run
            self.add("text", start, self.position, "`" * run)
        else:
            self.position = closer + run
            self.code.append((start, self.position))
            self.add("code", start, self.position)
        return True

    def _closing_backticks(self, after: int, run: int) -> int | None:
        """The start of the closing run, as cmark-gfm finds it: runs longer than 80 never close,
        and once a scan has reached the end, a run length whose last seen run (a cache that later
        scans overwrite) is not past `after` is taken to have no closer, even when it has one."""
        if run > _MAX_BACKTICKS or self._scanned and self._last_run.get(run, 0) <= after:
            return None
        if self._backtick_runs is None:
            self._backtick_runs = [(match.start(), match.end() - match.start()) for match in re.finditer(r"`+", self.text)]
        runs = self._backtick_runs
        for index in range(bisect.bisect_left(runs, (after, 0)), len(runs)):
            start, length = runs[index]
            if length <= _MAX_BACKTICKS:
                self._last_run[length] = start
            if length == run:
                return start
        self._scanned = True
        return None

    def backslash(self) -> bool:
        text, start = self.text, self.position
        following = text[start + 1] if start + 1 < len(text) else ""
        if following in ASCII_PUNCTUATION and following:
            self.position += 2
            self.add("text", start, self.position, following)
        elif following in ("\r", "\n") and following:
            self.position += 1
            return self.newline()
        else:
            self.position += 1
            self.add("text", start, self.position, "\\")
        return True

    def entity(self) -> bool:
        start = self.position
        match = _ENTITY.match(self.text, start)
        self.position = match.end() if match else start + 1
        self.add("text", start, self.position, unescape_entities(match.group()) if match else "&")
        return True

    def pointy_brace(self) -> bool:
        text, start = self.text, self.position
        uri = _AUTOLINK_URI.match(text, start + 1)
        email = None if uri else _AUTOLINK_EMAIL.match(text, start + 1)
        found = uri or email
        if found:
            self.position = found.end()
            inner = (start + 1, found.end() - 1)
            url = ("mailto:" if email else "") + unescape_entities(text[inner[0] : inner[1]].strip(WHITESPACE))
            self.links.append(Link("autolink", url, start, self.position, inner))
            self.add("link", start, self.position)
            return True
        if self._html is None:
            self._html = HtmlScanner(text)
        end = self._html.end(start + 1)
        if end is not None:
            self.position = end
            self.html.append((start, self.position))
            self.add("html", start, self.position)
            return True
        self.position += 1
        self.add("text", start, self.position, "<")
        return True

    def delimiter_run(self) -> bool:
        """A run of `*`, `_` or `~`: text, and a delimiter emphasis may use later."""
        start, char = self.position, self.text[self.position]
        length = _run(self.text, start, char) if char != "~" else min(_run(self.text, start, "~"), 100)
        self.position += length
        self.add("text", start, self.position, self.text[start : self.position])
        if char == "~":
            left, right, _, _ = emphasis.flanking(self.text, start, self.position)
            can_open, can_close = (left, right) if length <= 2 else (False, False)
        else:
            can_open, can_close = emphasis.can_open_close(char, self.text, start, self.position)
        if can_open or can_close:
            self.delimiters.push(emphasis.Delimiter(len(self.nodes) - 1, char, length, can_open, can_close))
        return True

    def open_bracket(self) -> bool:
        start = self.position
        self.position += 1
        self._push_bracket(start, self.position, False, "[")
        return True

    def bang(self) -> bool:
        text, start = self.text, self.position
        if text.startswith("![", start) and not text.startswith("![^", start):
            self.position += 2
            self._push_bracket(start, self.position, True, "![")
        else:
            self.position += 1
            self.add("text", start, self.position, "!")
        return True

    def _push_bracket(self, start: int, after: int, image: bool, literal: str) -> None:
        if self.brackets:
            self.brackets[-1][4] = True
        self.add("text", start, after, literal)
        self.brackets.append([len(self.nodes) - 1, after, image, True, False, self.delimiters.last])

    def close_bracket(self) -> bool:
        close_bracket(self)
        return True

    def extended_autolink(self) -> bool:
        if self.brackets or self.link_text:  # no autolinks after an opening bracket, even one a link has spent
            return False
        char = self.text[self.position]
        found = autolinks.url_at_colon(self.text, self.position) if char == ":" else autolinks.www_at(self.text, self.position)
        if found is None:
            return False
        start, end, url = found
        self._unput(self.position - start)
        self.links.append(Link("url", url, start, end, (start, end)))
        self.add("link", start, end)
        self.position = end
        return True

    def _unput(self, count: int) -> None:
        """Give back the scheme letters the previous text nodes took (`https` before `://`)."""
        for node in reversed(self.nodes):
            if count <= 0 or node[0] != "text":
                break
            taken = min(count, len(node[3]))
            node[3] = node[3][: len(node[3]) - taken]
            node[2] -= taken
            count -= taken

    def _emails(self, boundaries: set[int]) -> None:
        """Bare e-mail addresses in text outside links become mailto: links (GFM's autolink).
        They are looked for in runs of adjacent text, which end where emphasis begins or ends."""
        run: list[list] = []
        for index, node in enumerate(self.nodes + [["end", 0, 0, "", False]]):
            if index in boundaries and run:
                self.links.extend(autolinks.emails(run))
                run = []
            if node[0] == "text" and not node[4]:
                run.append(node)
                continue
            if run:
                self.links.extend(autolinks.emails(run))
                run = []


def _run(text: str, start: int, char: str) -> int:
    end = start
    while end < len(text) and text[end] == char:
        end += 1
    return end - start


_HANDLERS = {
    "\r": _Parser.newline, "\n": _Parser.newline, "`": _Parser.backticks, "\\": _Parser.backslash,
    "&": _Parser.entity, "<": _Parser.pointy_brace, "*": _Parser.delimiter_run, "_": _Parser.delimiter_run,
    "~": _Parser.delimiter_run, "[": _Parser.open_bracket, "]": _Parser.close_bracket, "!": _Parser.bang,
    ":": _Parser.extended_autolink, "w": _Parser.extended_autolink,
}
