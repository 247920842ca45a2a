"""catlint reads what GitHub renders: its reader against cmark-gfm (the cmarkgfm package).

The GFM spec's examples (every block and inline construct, tables and
autolinks included; tests/gfm/ holds copies of cmark-gfm's spec.txt and
extensions.txt, CC-BY-SA 4.0, John MacFarlane and GitHub) and generated
documents full of what breaks table readers: blank-looking lines, HTML
comments and blocks, fences, code spans with pipes, escaped pipes, rows
without outer pipes, ragged rows, containers, second tables and links; and
footnote definitions: duplicate and nested ones, with references inside them.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gfm_oracle
from byte_picks import Picks, built_from_bytes
from conftest import run_catlint
from catlint.reading import inlines, rows

FENCE = "`" * 32
SPEC = Path(__file__).resolve().parent / "gfm"
# A few thousand generated documents in every run; more with --hypothesis-profile=long.
GENERATED = max(2000, settings().max_examples)


def spec_examples():
    for name in ("spec.txt", "extensions.txt"):
        text = (SPEC / name).read_text(encoding="utf-8")
        pattern = rf"^{FENCE} example[^\n]*\n(.*?)^\.\n.*?^{FENCE}$"
        for match in re.finditer(pattern, text, re.S | re.M):
            line = text[: match.start()].count("\n") + 1
            yield pytest.param(match.group(1).replace("\u2192", "\t"), id=f"{name}:{line}")


@pytest.mark.parametrize("markdown", list(spec_examples()))
def test_spec_examples_read_as_cmark_gfm_renders_them(markdown):
    assert gfm_oracle.differences(markdown) == []


# Where cmark-gfm departs from the spec and GitHub follows cmark-gfm (found by the generated tests).
QUIRKS = [
    # Its cache of backtick runs: a later scan overwrites where a run of one backtick was last seen, so
    # the span opened after `:` is taken to have no closer, and the links inside are links.
    "```x`\n| `:` |\nsee https://e.org and www.e.org\n| ` |\n",
    # A later definition of a footnote label is dropped with everything in it, lazy lines included.
    "[^1]: note\n[^1]: note\n[a][r1] [r1] [^1] ![i](u.png)\n",
    "[^1]: a\n\n[^1]: | x |\n    |---|\n    | y |\n\n[^1]\n",
    # Runs longer than 80 backticks never close.
    "`" * 81 + " https://e.org " + "`" * 81 + "\n",
    # A declaration block starts with `<!` and an uppercase letter only: `<!a` under a table is one more row.
    "| a | b |\n|---|---|\n<!a\n",
    "| a | b |\n|---|---|\n<!A\n",
    # Raw HTML that reaches the end of the text without its closer is remembered as having none
    # there: after an unclosed `<!--`, no `<!` starts raw HTML, so the links after it are links.
    "x <!-- a <![CDATA[ <https://e.org> ]]>\n",
    "x <!-- a <!A https://e.org >\n",
    # A comment may hold `--`; a run of dashes closes it only when `-->` pairs up (`--->` does not).
    "x <!-- a -- https://e.org -->\n",
    "x <!-- a ---> https://e.org -->\n",
]


@pytest.mark.parametrize("markdown", QUIRKS)
def test_cmark_gfm_quirks_are_read_as_github_renders_them(markdown):
    assert gfm_oracle.differences(markdown) == [] and gfm_oracle.link_differences(markdown) == []


CELL_CHARACTERS = list("ab é|\\`*_[]()<>!:/.@w- \t\u00a0~&;")
FIXED = [
    "", "   ", "\t", "\u00a0", "\u3000", "\f", "\v", " \u00a0 ",
    "|---|---|", "| :-- | --: |", "---|---", "|-|-|-|", "|", "||", "| |",
    "<!-- x -->", "<!-->", "<!--->", "<!--", "-->", "<!-- TODO", "<img src=x>", "<img src=x> | q", "<div>", "</div>",
    "<script>", "</script>", "<pre>", "<?x", "?>", "<!DOCTYPE html>", "<![CDATA[", "]]>", "<b>", "<x-y z=\"1\"/>",
    "x <?", "x <![CDATA[", "x <!A ", "x <!-- a -- b", "x <?a?<??> <!-- -->",
    "```", "```x`", "~~~", "````", "```py", "   ```", "    ```", "~~~ `x`",
    "# h", "#h", "===", "---", "***", "- - -", "> | a | b |", "> |---|---|", ">", "- item", "1. x", "2) y", "*", "-",
    "    | a | b |", "\t| a |", "[r1]: https://x.org", "[r1]: javascript:alert(1)", "[^1]: note", "[^a]: | x |",
    "¹ note", "ยน note", "text", "see https://e.org and www.e.org", "x@y.org", "[a][r1] [r1] [^1] ![i](u.png)",
]
PREFIXES = ["", "", "", "", "> ", "  ", "- ", "1. ", "    ", "\t", " ", ">> "]
ROW_EDGES = [("| ", " |"), ("", ""), ("|", ""), ("", " |")]


def row_line(picks: Picks) -> str:
    cells = [picks.text(CELL_CHARACTERS, 7) for _ in range(1 + picks.number(4))]
    left, right = picks.pick(ROW_EDGES)
    return left + " | ".join(cells) + right


def line(picks: Picks) -> str:
    prefix = picks.pick(PREFIXES) if picks.one_in(5) else ""
    kind = picks.number(3)
    return prefix + (picks.pick(FIXED) if kind == 0 else row_line(picks) if kind == 1 else "| a | b |\n|---|---|")


@st.composite
def documents(draw):
    lines = draw(st.lists(built_from_bytes(line, 48, 16), min_size=1, max_size=12))
    ending = draw(st.sampled_from(["\n", "\n", "\r\n", ""]))
    return ("\r\n" if ending == "\r\n" else "\n").join(lines) + ending


@pytest.mark.untraced  # thousands of documents: the tracer would double the suite's time
@settings(max_examples=GENERATED, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents())
def test_generated_documents_read_as_cmark_gfm_renders_them(markdown):
    assert gfm_oracle.differences(markdown) == []


# Footnote definitions: which of several definitions of a label GitHub shows (the first to close:
# one nested in another closes before it) and which references count (every one, even one in a
# definition that is dropped or never shown). Each link and tag is numbered, so a difference
# names the definition that was shown.
FOOTNOTES = [
    # A reference in a later, dropped definition of the label still shows the first.
    "| a |\n|---|\n| b |\n[^m]: [x](https://good.org@evil.com) <img src=x onerror=alert(1)>\n\n[^m]: [^m]\n",
    # A definition nested in another of the same label closes first and is the one shown.
    "See[^m].\n\n[^m]: Mirrors:\n    [^m]: [x](https://good.org@evil.com) <img src=x onerror=alert(1)>\n",
    "See[^m].\n\n[^m]: outer [o](https://o.org)\n\n    [^m]: inner [i](https://i.org)\n\n        [^M]: innermost [j](https://j.org)\n",
    # A definition refers to itself; one nobody shows refers to another.
    "[^a]: self [^a] [x](https://a.org)\n",
    "[^a]: see [^b]\n\n[^b]: [x](https://b.org) <b>\n",
    # A definition nested in a dropped one is shown on its own, its table too.
    "[^a]: x\n\n[^a]: y [^b]\n\n    [^b]: [x](https://b.org)\n\n    | t |\n    |---|\n    | [u](https://u.org) |\n\n[^a]\n",
    # A label longer than 1,000 bytes is never resolved.
    "see [^" + "\u00e9" * 501 + "]\n\n[^" + "\u00e9" * 501 + "]: [x](https://long.org)\n",
]


@pytest.mark.parametrize("markdown", FOOTNOTES, ids=["dropped-refers", "nested", "nested-twice", "self", "unshown-refers",
                                                    "nested-in-dropped", "long-label"])
def test_footnote_definitions_are_read_as_cmark_gfm_renders_them(markdown):
    assert gfm_oracle.differences(markdown) + gfm_oracle.html_differences(markdown) == []


def footnote_line(picks: Picks) -> str:
    """A definition, a reference, a table or other text, maybe nested, with numbered links and HTML."""
    n, label, other = picks.number(10), picks.pick("1aA"), picks.pick("1aA")
    content = picks.pick([
        f"[x](https://d{n}.org)", f"[^{other}]", f"self [^{label}] <b{n}>", f"[^{other}] [x](https://d{n}.org)",
        f"<img src=x{n} onerror=alert(1)>", f"| [c](https://c{n}.org) |", "",
    ])
    line = picks.pick([
        f"[^{label}]: {content}", f"[^{label}]: {content}", f"see [^{label}] [r](https://r{n}.org)", content,
        f"| [t](https://t{n}.org) |\n|---|\n| [^{label}] |",
    ])
    prefix = picks.pick(["", "", "    ", "        ", "  ", "> ", "- "])
    return "\n".join(prefix + part for part in line.rstrip().split("\n")) + picks.pick(["\n", "\n\n"])


@pytest.mark.untraced
@settings(max_examples=GENERATED // 4, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(built_from_bytes(footnote_line, 8, 7), min_size=1, max_size=8).map("".join))
def test_generated_footnote_definitions_are_read_as_cmark_gfm_renders_them(markdown):
    assert gfm_oracle.differences(markdown) + gfm_oracle.html_differences(markdown) == []


INLINE = built_from_bytes(lambda picks: picks.each([
    "[", "]", "(", ")", "![", "<", ">", "`", "\\", "&amp;", "https://", "www.", "a.b", "e.org", "x@y.org", "mailto:", " ",
    "\n", "[^1]", "[r1]", "]:", "\"t\"", "_", "*", "~", "|", "javascript:", "a", "/", ".", ";", ":", "é", "<x@y.z>", "[]",
    "<?", "?>", "<!--", "-->", "<![CDATA[", "]]>", "<!A ",
]), 16)


@pytest.mark.untraced
@settings(max_examples=GENERATED // 2, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.sampled_from(["", "[r1]: https://r.org\n\n", "| a | b |\n|---|---|\n| ", "> ", "# "]), INLINE),
                min_size=1, max_size=3))
def test_generated_links_are_the_links_cmark_gfm_renders(blocks):
    markdown = "\n\n".join(block + (text.replace("\n", " ") + " |" if block.startswith("|") else text) for block, text in blocks)
    assert gfm_oracle.link_differences(markdown) == []


RAW_HTML = built_from_bytes(lambda picks: picks.each([
    "<", ">", "<?", "?>", "?", "<!", "<!--", "-->", "--", "-", "<![CDATA[", "]]>", "]", "<!A ", "A", " ", "x", "<a>", "</a>",
    "<a b='", "'", "\t",
]), 14)


def html_as_read(text: str) -> str:
    """The paragraph cmark renders (unsafe mode) if its raw HTML is where catlint finds it."""
    parts, position = [], 0
    for start, end in inlines.parse(text, {}).html:
        parts += [html.escape(text[position:start], quote=False), text[start:end]]
        position = end
    return "<p>" + "".join(parts) + html.escape(text[position:], quote=False) + "</p>\n"


@pytest.mark.untraced
@settings(max_examples=GENERATED // 2, deadline=None, suppress_health_check=list(HealthCheck))
@given(RAW_HTML, st.sampled_from(["", "x"]))
def test_raw_html_is_where_cmark_gfm_finds_it(text, ending):
    """Comments, instructions, CDATA and declarations without closers included: each is
    looked for once per text, as cmark-gfm looks, with its results."""
    text = ("x" + text + ending).rstrip(" \t")
    assert html_as_read(text) == cmarkgfm.markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)


def test_the_oracle_sees_a_misread_cell(monkeypatch):
    """The comparison can fail: a reader that drops a row's last cell is caught."""
    markdown = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert gfm_oracle.differences(markdown) == []
    real = rows.segments
    monkeypatch.setattr(gfm_oracle, "segments", lambda line, start=0: real(line, start)[:-1] or real(line, start))
    assert gfm_oracle.structure_differences(markdown) != []


def test_the_oracle_sees_a_misplaced_cell(monkeypatch):
    real = rows.segments
    monkeypatch.setattr(gfm_oracle, "segments", lambda line, start=0: [(a + 1, b) for a, b in real(line, start)])
    assert any("cmark's at" in problem for problem in gfm_oracle.structure_differences("| a | b |\n|---|---|\n| 1 | 2 |\n"))


def test_the_oracle_sees_missed_raw_html(monkeypatch):
    markdown = "[^1]: <b>x</b>\n\nsee [^1]\n"
    assert gfm_oracle.html_differences(markdown) == []
    real = inlines.parse
    monkeypatch.setattr(inlines, "parse", lambda text, definitions: real(text, definitions)._replace(html=real(text, definitions).html[1:]))
    assert gfm_oracle.html_differences(markdown) != []


def test_the_oracle_sees_a_missed_link(monkeypatch):
    markdown = "see https://example.org and [x](https://a.org)"
    assert gfm_oracle.link_differences(markdown) == []
    real = inlines.parse
    monkeypatch.setattr(inlines, "parse", lambda text, definitions: real(text, definitions)._replace(links=real(text, definitions).links[1:]))
    assert gfm_oracle.link_differences(markdown) != []


def test_no_row_is_taken_once_a_table_has_padded_its_limit_of_cells(tmp_path):
    """cmark-gfm stops taking rows into a table once it has padded 0x80000 empty cells for short
    rows: a full row after that is a paragraph, not a record, on GitHub and in catlint."""
    header = "| Source | Data Types | Body Parts | Images | Patients | Availability | Licence | Link |" + " x |" * 992
    ghost = "| Ghost | MR | Brain | 1 | 1 | Open | CC0 | https://ghost.example.org |" + " |" * 992
    text = "\n".join([header, "|---" * 1000 + "|", *["| a"] * 525, ghost, ""])  # 525 short rows pad 524,475 cells
    assert gfm_oracle.structure_differences(text) == []
    (tmp_path / "catalogue.md").write_text(text, encoding="utf-8")
    result = run_catlint("export", tmp_path / "catalogue.md", "--format", "jsonl")
    assert "Ghost" not in result.stdout and ":528:1: line 528 is cut off the table" in result.stderr, result.stderr[-300:]
