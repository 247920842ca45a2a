"""The catalogue holds raw HTML: in a cell, a footnote or the text around the table.

A catalogue cell is a value, not markup, and the page around it is prose.
Raw HTML is how a contribution smuggles in a script, a frame, an image that
calls home, or an event handler (`onerror=`) that runs when the page renders;
a sanitising renderer may drop it, but a reviewer reading the diff should not
have to know which. Every tag GitHub would see (inline or an HTML block) is
an error; HTML comments are allowed, and code spans and code blocks are text.

Fails:
    | OASIS <img src=x onerror=alert(1)> | ...
    | OASIS | ... <script>alert(1)</script> ... |
    <iframe src="https://evil.example"></iframe>

Passes:
    | OASIS <!-- renamed in 2020 --> | ...
    | OASIS `<img>` | ...
"""

from catlint.cell_links import event_handler, html_in_cells, tag_name
from catlint.rules import at_span, line_subject

CODE = "CAT406"
NAME = "raw-html"
SEVERITY = "error"
FIX = "never"


def check(document):
    for html in html_in_cells(document):
        shown = html.raw if len(html.raw) <= 60 else html.raw[:57] + "..."
        handler = event_handler(html.raw)
        why = f"its {handler} event handler runs script" if handler else f"a <{tag_name(html.raw)}> tag is markup, not a value"
        yield at_span(html.span, f"raw HTML {shown!r}: {why}; write text (HTML comments are allowed)",
                      subject=(*line_subject(document, html.line), "html", html.raw))
