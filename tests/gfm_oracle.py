"""cmark-gfm (GitHub's parser, through the cmarkgfm package) as the oracle for catlint's reader.

Four comparisons, each a list of differences (empty when catlint reads what
GitHub renders):

- tables and rows: the same tables, and the same body row lines in each;
- cells: every row rewritten from catlint's cells (`| a | b |`) renders to
  the same HTML as the original, so catlint split every row where GitHub
  does and kept every cell's text; and where cmark's source positions are
  reliable (rows that start where their table starts), catlint's cell
  segments sit exactly where cmark says;
- links: the links and images GitHub renders (their hrefs) are the ones
  catlint finds, reference links and autolinks included;
- raw HTML (for the footnote documents): as many pieces as GitHub renders.

cmark renders in safe mode here, so raw HTML in a document (which may hold
`<a href>` of its own) does not count as a link, and dangerous URLs are
blanked on both sides as cmark blanks them.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

import cmarkgfm
from cmarkgfm.cmark import Options

from catlint.reading.lines import Lines, split_lines
from catlint.reading.markdown import read_markdown
from catlint.reading.nodes import FOOTNOTE, HTML
from catlint.reading.rows import cell_text, segments

OPTIONS = Options.CMARK_OPT_SOURCEPOS | Options.CMARK_OPT_FOOTNOTES | Options.CMARK_OPT_GITHUB_PRE_LANG
EXTENSIONS = ["table", "autolink", "tagfilter", "strikethrough", "tasklist"]
_LINE_END = re.compile(r"(\r\n|\r|\n)")
_POSITION = re.compile(r' data-sourcepos="[^"]*"')
_DANGEROUS = re.compile(r"(?i)(?!data:image/(?:png|gif|jpeg|webp))(?:javascript:|vbscript:|file:|data:)")


def render(text: str, sourcepos: bool = True) -> str:
    options = OPTIONS if sourcepos else OPTIONS & ~Options.CMARK_OPT_SOURCEPOS
    return cmarkgfm.cmark.markdown_to_html_with_extensions(text, options=options, extensions=EXTENSIONS)


def lines_of(text: str) -> Lines:
    """The lines as the catalogue reader gives them to the block parser: a view of the text."""
    return split_lines(text)[1]


def differences(text: str) -> list[str]:
    return structure_differences(text) + link_differences(text)


def structure_differences(text: str) -> list[str]:
    lines = lines_of(text)
    markdown = read_markdown(lines)
    ours = [_rows(lines, table) for table in markdown.tables if _shown(markdown, table)]
    theirs = sorted(_cmark_tables(render(text)))  # in document order: GitHub moves footnotes to the end
    if len(ours) != len(theirs):
        return [f"{len(ours)} tables, cmark renders {len(theirs)}"]
    problems = []
    for number, (rows, their_table) in enumerate(zip(ours, theirs), 1):
        body, their_body = [line for line, _, _ in rows[1:]], [line for line, _ in their_table[1][1:]]
        if body != their_body:
            problems.append(f"table {number}: body rows on lines {body}, cmark's on {their_body}")
            continue
        problems += _position_differences(lines, rows, their_table, number)
    if problems or any(text[:1] in ("\v", "\f") for rows in ours for _, _, cells in rows for _, _, text in cells):
        return problems  # a rewritten cell's leading \v or \f would be eaten by its pipe's padding
    if _strip(render(_rewritten(text, ours))) != _strip(render(text)):
        problems.append("rows rewritten from catlint's cells render differently: a cell was split or read differently")
    return problems


def link_differences(text: str) -> list[str]:
    markdown = read_markdown(lines_of(text))
    ours = sorted(("img" if found.link.kind == "image" else "a", _comparable(found.link.url)) for found in markdown.links())
    theirs = []
    for match in re.finditer(r'<(a|img) [^>]*?(?:href|src)="([^"]*)"', render(text, sourcepos=False)):
        url = html.unescape(match.group(2))
        if not url.startswith("#fn"):  # footnote references and back references
            theirs.append((match.group(1), unquote(url)))
    return [] if ours == sorted(theirs) else [f"links {ours}, cmark's {sorted(theirs)}"]


def html_differences(text: str) -> list[str]:
    """The raw HTML GitHub shows (cmark's safe mode writes each piece, inline or block, as one
    `<!-- raw HTML omitted -->`) is the raw HTML catlint finds where it renders. Inline HTML
    comments are left out of the documents compared: cmark-gfm takes `<!-->` and `<!-- a -- b -->`
    for comments, as the GFM spec it ships does not."""
    markdown = read_markdown(lines_of(text))
    ours = 0
    for inline in markdown.inline_content(("<",)):
        if markdown.rendered(inline):
            parsed = markdown.parse(inline)
            images = [(link.start, link.end) for link in parsed.links if link.kind == "image"]  # alt text is text
            ours += sum(1 for start, end in parsed.html if not any(a <= start and end <= b for a, b in images))
    stack = [(markdown.root, None)]
    while stack:
        node, footnote = stack.pop()
        footnote = node if node.kind == FOOTNOTE else footnote
        ours += node.kind == HTML and (footnote is None or markdown.rendered_footnote(footnote))
        stack.extend((child, footnote) for child in node.children)
    theirs = render(text, sourcepos=False).count("<!-- raw HTML omitted -->")
    return [] if ours == theirs else [f"{ours} pieces of raw HTML, cmark renders {theirs}"]


def _comparable(url: str) -> str:
    return "" if _DANGEROUS.match(url) else unquote(url)


def _shown(markdown, table) -> bool:
    from catlint.reading.tables import _rendered

    return _rendered(markdown, table)


def _rows(lines: list[str], table) -> list:
    data = table.data
    rows = [(data.header_line, data.header_start)] + list(zip(data.row_lines, data.row_starts))
    return [(line, start, [(a, b, cell_text(lines[line - 1], a, b)) for a, b in segments(lines[line - 1], start)])
            for line, start in rows]


def _cmark_tables(output: str) -> list:
    """Per table: its first line, then (line, cells) per row, each cell (line, column, line, column)."""
    tables = []
    for part in output.split("<table")[1:]:
        first = int(re.match(r' data-sourcepos="(\d+):', part).group(1))
        rows = []
        for row in part.split("</table>")[0].split("<tr")[1:]:
            line = int(re.match(r' data-sourcepos="(\d+):', row).group(1))
            cells = [tuple(map(int, found)) for found in re.findall(r'<t[hd][^>]* data-sourcepos="(\d+):(\d+)-(\d+):(\d+)"', row)]
            rows.append((line, cells))
        tables.append((first, rows))
    return tables


def _position_differences(lines, rows, their_table, number) -> list[str]:
    """Body cells, where cmark's positions hold: cmark places every row's cells from its table's
    first column, so only rows that start there, in a table that starts at its header, count."""
    first, their_rows = their_table
    header_line, header_start, _ = rows[0]
    if first != header_line:  # the table interrupted a paragraph: cmark misplaces its columns
        return []
    problems = []
    for (line, start, cells), (_, their_cells) in zip(rows[1:], their_rows[1:]):
        if start != header_start:
            continue
        text = lines[line - 1]
        shown = [cell for cell in their_cells if cell[1] > 0]  # column 0: a cell GitHub adds to a short row
        ours = [(line, _byte(text, a) + 1, line, _byte(text, b)) for a, b, _ in cells][: len(shown)]
        if ours != shown:
            problems.append(f"table {number} line {line}: cells at {ours}, cmark's at {shown}")
    return problems


def _byte(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _rewritten(text: str, tables) -> str:
    parts = _LINE_END.split(text)
    lines, endings = parts[0::2], parts[1::2] + [""]
    for rows in tables:
        for line, start, cells in rows:
            lines[line - 1] = lines[line - 1][:start] + "| " + " | ".join(cell for _, _, cell in cells) + " |"
    return "".join(line + ending for line, ending in zip(lines, endings))


def _strip(output: str) -> str:
    return _POSITION.sub("", output)
