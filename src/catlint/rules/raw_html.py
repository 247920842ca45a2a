"""The catalogue holds raw HTML: in a cell, a footnote or the text around the table.

A catalogue cell is a value, not markup, and the page around it is prose.
Raw HTML is how a contribution smuggles in a script, a frame, an image that
calls home, or an event handler (`onerror=`) that runs when the page renders;
a sanitising renderer may drop it, but a reviewer reading the diff should not
have to know which. Every tag GitHub would see is an error: inline, as
cmark-gfm reads it, and in an HTML block, as a browser reads it (a tag runs
to its `>` across lines; comments and the text of a script hold no tags).
HTML comments are allowed, and code spans and code blocks are text.

Fails:
    | OASIS <img src=x onerror=alert(1)> | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (an event handler)

    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial <script>alert(1)</script> | https://www.oasis-brains.org |
    (a script)

    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |

    <iframe src="https://evil.example"></iframe>
    (a frame in the page around the table)

    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |

    <details
    ontoggle=alert(1) open>
    (a tag across lines: the handler runs all the same)

Passes:
    | OASIS <!-- renamed in 2020 --> | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (an HTML comment)

    | OASIS `<img>` | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (a code span is text)

    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |

    <!-- TODO
    <b>check the licence</b> -->
    (a comment holds no tags)
"""

from catlint.rules._support.findings import at_span, line_subject
from catlint.rules._support.page import page_html
from catlint.rules._support.urls import event_handler, tag_name
from catlint.rules.contract import Rule


def check(context):
    catalogue = context.catalogue
    for html in page_html(context):
        shown = html.raw if len(html.raw) <= 60 else html.raw[:57] + "..."
        handler = event_handler(html.raw)
        why = f"its {handler} event handler runs script" if handler else f"a <{tag_name(html.raw)}> tag is markup, not a value"
        for place in html.where(catalogue):
            yield at_span(place.span, f"raw HTML {shown!r}: {why}; write text (HTML comments are allowed)",
                          subject=(*line_subject(catalogue, place.line), "html", html.raw))


RULE = Rule("CAT406", "raw-html", "error", "never", check, __doc__)
