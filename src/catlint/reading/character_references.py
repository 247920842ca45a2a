"""Where GitHub decodes a character reference (`&#x202E;`, `&shy;`) into the character it names.

cmark-gfm decodes references in inline content (paragraphs, headings, table
cells, the footnotes it shows), in link destinations and autolinks, and in
link reference definitions; a browser decodes those in raw HTML. It keeps them
as written in code spans and code blocks, in a bare URL (GFM's autolink
extension links the text as written), and after a backslash in plain text.
"""

from __future__ import annotations

from catlint.reading.references import character_references
from catlint.reading.rows import unescape_pipes


def decoded_references(markdown, lines: set[int]) -> list[tuple[int, int, str, str]]:
    """(line, 0-based offset, reference as written, decoded text) of each reference GitHub decodes
    on the 1-based `lines` (those worth looking at)."""
    found = []
    for inline in markdown.inline_content(("&",)):
        numbers = (inline.cell[0],) if inline.cell else {number for number, _, _ in inline.lines}
        if lines.isdisjoint(numbers) or not markdown.rendered(inline):
            continue
        raw = markdown.inline_text(inline)
        text = unescape_pipes(raw) if inline.cell else raw
        parsed = markdown.parse(inline)
        literal = [*parsed.code, *((link.start, link.end) for link in parsed.links if link.kind == "url")]
        decodes_escaped = [*parsed.html, *(link.target for link in parsed.links if link.target and link.kind != "url")]
        at = markdown.locator(inline)
        for start, end, decoded in character_references(text):
            if _inside(start, literal) or _escaped(text, start) and not _inside(start, decodes_escaped):
                continue
            found.append((*at(start), text[start:end], decoded))
    for definition in markdown.definitions.values():
        if definition.line in lines:
            destination = markdown.lines[definition.line - 1][definition.start : definition.end]
            found += [(definition.line, definition.start + start, destination[start:end], decoded)
                      for start, end, decoded in character_references(destination)]
    for first, last in markdown.html_blocks:
        for number in lines.intersection(range(first, last + 1)):
            found += [(number, start, markdown.lines[number - 1][start:end], decoded)
                      for start, end, decoded in character_references(markdown.lines[number - 1])]
    return found


def _inside(offset: int, spans) -> bool:
    return any(start <= offset < end for start, end in spans)


def _escaped(text: str, offset: int) -> bool:
    """Whether an odd run of backslashes stands before `offset`."""
    before = offset
    while before > 0 and text[before - 1] == "\\":
        before -= 1
    return (offset - before) % 2 == 1
