"""Security rules (CAT401-CAT406) through the real CLI: what a pull request can smuggle into a
rendered table is reported at its exact column, and ordinary cells are left alone."""

import html
from urllib.parse import unquote

import pytest

from conftest import ROOT, run_catlint, run_json, table


def row(source="OASIS", licence="CC BY 4.0", link="https://www.oasis-brains.org"):
    return f"| {source} | MR | Brain | 373 | 186 | Open | {licence} | {link} |"


def check(tmp_path, *rows, select="CAT4"):
    path = tmp_path / "catalogue.md"
    path.write_text(table(*rows), encoding="utf-8")
    code, diagnostics = run_json("check", path, "--select", select)
    lines = path.read_text(encoding="utf-8").split("\n")
    return code, diagnostics, lines


def marked(lines, diagnostic) -> str:
    """The text a diagnostic points at."""
    start, end = diagnostic["location"], diagnostic["end_location"]
    assert start["row"] == end["row"]
    return lines[start["row"] - 1][start["column"] - 1 : end["column"] - 1]


# --- CAT401 invisible-character ----------------------------------------------------------

@pytest.mark.parametrize("char", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
                                  "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_invisible_and_bidi_characters_are_errors_at_their_column(tmp_path, char):
    code, diagnostics, lines = check(tmp_path, row(licence=f"Non-{char}commercial"), select="CAT401")
    assert code == 1 and [d["code"] for d in diagnostics] == ["CAT401"]
    assert marked(lines, diagnostics[0]) == char and diagnostics[0]["severity"] == "error"
    assert f"U+{ord(char):04X}" in diagnostics[0]["message"]
    assert (diagnostics[0]["fix"] is not None) == (char == "\u200b"), "only a zero-width space is removed automatically"


def test_trojan_source_link_is_reported_and_only_the_zero_width_space_is_fixed(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(table(row(source="OASIS\u200b", link="https://example.org/\u202eexe.pdf")), encoding="utf-8")
    result = run_catlint("fix", path, "--select", "CAT401")
    assert result.returncode == 1 and "U+202E" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert "\u200b" not in text and "\u202e" in text


def test_visible_non_latin_text_is_not_invisible(tmp_path):
    assert check(tmp_path, row(source="Αθήνα 東京大学 Łódź \u00a0 جامعة"), select="CAT401")[:2] == (0, [])


@pytest.mark.parametrize("reference, point", [("&#x202E;", "U+202E"), ("&#X202e;", "U+202E"), ("&#8203;", "U+200B"), ("&shy;", "U+00AD"),
                                              ("&zwj;", "U+200D"), ("&ZeroWidthSpace;", "U+200B"), ("&rlm;", "U+200F"), ("&#x2066;", "U+2066")])
def test_a_character_written_as_a_reference_is_reported_at_the_reference_without_a_fix(tmp_path, reference, point):
    code, diagnostics, lines = check(tmp_path, row(licence=f"Non-{reference}commercial"), select="CAT401")
    assert code == 1 and [d["code"] for d in diagnostics] == ["CAT401"]
    assert marked(lines, diagnostics[0]) == reference and diagnostics[0]["fix"] is None
    assert f"{point} " in diagnostics[0]["message"] and f"written as {reference} (not fixed automatically)" in diagnostics[0]["message"]


def test_references_in_cells_prose_and_footnotes_are_reported_and_never_removed(tmp_path):
    text = ("Intro &#x202E;text[^1].\n\n"
            + table("| Digital Database &#x202E;for Screening | XR | Breast | X | X | Open | CC BY&#8203; 4.0 | https://a.example.org |")
            + "\n[^1]: A note &rlm; here.\n")
    path = tmp_path / "catalogue.md"
    path.write_text(text, encoding="utf-8")
    code, diagnostics = run_json("check", path, "--select", "CAT401")
    lines = text.split("\n")
    assert code == 1 and [(d["location"]["row"], marked(lines, d)) for d in diagnostics] == [
        (1, "&#x202E;"), (5, "&#x202E;"), (5, "&#8203;"), (7, "&rlm;")]
    assert run_catlint("fix", path, "--select", "CAT401").returncode == 1 and path.read_text(encoding="utf-8") == text


PROSE_REFERENCES = ["# Title &shy;", "Plain &#x202E; text", "`&#x202E;`", "\\&#x202E;", "\\\\&#x202E;", "&amp; &#x41; &bogus; &#x202E",
                    "https://a.org/&#x202E;x", "www.a.org/x&#x202E;", "<https://b.org/&#x202E;>", "[t](https://c.org/\\&#8203;)",
                    "[\\&#8203;](https://c.org/)", "[ref]\n\n[ref]: https://d.org/&#x200B;", "<div title=\"&#x2066;\">x</div>",
                    "<span title='&#x2066;'>x</span>", "```\n&#x202E;\n```", "    &#x202E; indented code", "Note[^1]\n\n[^1]: A &rlm; note.",
                    "[^2]: an unused note &rlm;"]
CELL_REFERENCES = ["OASIS \\| &zwj;", "`&zwj;` OASIS", "OASIS <b title=\"&zwj;\">", "OASIS \\&zwj;"]


@pytest.mark.parametrize("markdown, cell", [(prose, "OASIS") for prose in PROSE_REFERENCES] + [("", cell) for cell in CELL_REFERENCES])
def test_references_are_reported_exactly_where_github_decodes_them(tmp_path, markdown, cell):
    """cmark-gfm is the oracle: a report where it decodes a reference to an invisible character (a
    browser decodes those in raw HTML), none where it shows the reference as written."""
    import cmarkgfm
    from cmarkgfm.cmark import Options

    text = table(row(source=cell)) + "\n" + markdown + "\n"
    path = tmp_path / "catalogue.md"
    path.write_text(text, encoding="utf-8")
    code, diagnostics = run_json("check", path, "--select", "CAT401")
    rendered = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES)
    decoded = any(char in html.unescape(unquote(rendered)) for char in "\u00ad\u200b\u200d\u200f\u202e\u2066")
    assert (code, len(diagnostics)) == ((1, 1) if decoded else (0, 0)), (rendered, diagnostics)
    if decoded:
        assert marked(text.split("\n"), diagnostics[0]).startswith("&")


# --- CAT402 unsafe-link-scheme -----------------------------------------------------------

@pytest.mark.parametrize("link, scheme", [
    ("javascript:alert(document.cookie)", "javascript"),
    ("JavaScript:alert(1)", "javascript"),
    ("data:text/html;base64,PHNjcmlwdD4=", "data"),
    ("vbscript:msgbox(1)", "vbscript"),
    ("file:///etc/passwd", "file"),
    ("ftp://ftp.example.org/data", "ftp"),
])
def test_links_other_than_http_and_https_are_errors(tmp_path, link, scheme):
    code, diagnostics, lines = check(tmp_path, row(link=link), select="CAT402")
    assert code == 1 and len(diagnostics) == 1
    assert marked(lines, diagnostics[0]) == link
    assert f"uses the {scheme}: scheme" in diagnostics[0]["message"] and diagnostics[0]["severity"] == "error"


def test_markdown_links_and_images_in_any_cell_are_read(tmp_path):
    licence = "see [terms](javascript:alert(1)) and ![logo](data:image/png;base64,AAAA)"
    code, diagnostics, lines = check(tmp_path, row(source="OASIS [home](vbscript:x)", licence=licence), select="CAT402")
    assert [marked(lines, d) for d in diagnostics] == ["vbscript:x", "javascript:alert(1)", "data:image/png;base64,AAAA"]


def test_http_https_relative_and_code_span_links_are_not_scheme_errors(tmp_path):
    licence = "[terms](https://example.org/terms), [local](docs/terms.md), `javascript:x`, host example.org:8080"
    assert check(tmp_path, row(licence=licence), row(source="Other", link="http://example.org"), select="CAT402")[:2] == (0, [])


# --- CAT403 insecure-link ------------------------------------------------------------------

def test_http_link_is_a_warning_with_an_unsafe_fix_to_https(tmp_path):
    code, diagnostics, lines = check(tmp_path, row(link="http://www.oasis-brains.org/data"), select="CAT403")
    assert code == 1 and [d["severity"] for d in diagnostics] == ["warning"]
    assert marked(lines, diagnostics[0]) == "http://www.oasis-brains.org/data"
    assert diagnostics[0]["fix"]["applicability"] == "unsafe"
    path = tmp_path / "catalogue.md"
    assert run_catlint("fix", path, "--select", "CAT403").returncode == 1
    assert "http://www.oasis-brains.org/data" in path.read_text(encoding="utf-8"), "plain fix never applies an unsafe fix"
    assert run_catlint("fix", "--unsafe-fixes", path, "--select", "CAT403").returncode == 0
    assert row(link="https://www.oasis-brains.org/data") in path.read_text(encoding="utf-8")


def test_https_links_are_not_insecure(tmp_path):
    assert check(tmp_path, row(licence="[terms](https://example.org/t)"), select="CAT403")[:2] == (0, [])


# --- CAT404 link-user-info -------------------------------------------------------------------

def test_user_info_in_a_link_is_an_error_naming_the_real_host(tmp_path):
    code, diagnostics, lines = check(tmp_path, row(link="https://good.org@evil.example/x"), select="CAT404")
    assert code == 1 and len(diagnostics) == 1 and diagnostics[0]["severity"] == "error"
    assert marked(lines, diagnostics[0]) == "https://good.org@evil.example/x"
    assert "goes to 'evil.example', not 'good.org'" in diagnostics[0]["message"]


def test_real_host_is_shown_in_punycode(tmp_path):
    # Cyrillic \u0430 for the Latin a of apple.com: the well-known homograph xn--pple-43d.com
    _, diagnostics, _ = check(tmp_path, row(licence="[x](https://good.org@\u0430pple.com)"), select="CAT404")
    assert "'xn--pple-43d.com'" in diagnostics[0]["message"]


def test_at_signs_in_a_path_or_query_are_not_user_info(tmp_path):
    links = ("https://example.org/people/@someone", "https://example.org/?mail=a@b.org")
    assert check(tmp_path, *(row(source=f"S{index}", link=link) for index, link in enumerate(links)), select="CAT404")[:2] == (0, [])


# --- CAT405 mixed-script-host ----------------------------------------------------------------

def test_cyrillic_letter_in_a_latin_host_is_an_error_shown_in_punycode(tmp_path):
    code, diagnostics, lines = check(tmp_path, row(link="https://www.\u043easis-brains.org"), select="CAT405")
    assert code == 1 and len(diagnostics) == 1 and diagnostics[0]["severity"] == "error"
    assert marked(lines, diagnostics[0]) == "https://www.\u043easis-brains.org"
    assert "'www.xn--asis-brains-qnj.org' mixes Cyrillic and Latin letters" in diagnostics[0]["message"]


def test_a_homograph_written_in_punycode_is_decoded_and_caught(tmp_path):
    _, diagnostics, _ = check(tmp_path, row(link="https://xn--pple-43d.com"), select="CAT405")
    assert [d["code"] for d in diagnostics] == ["CAT405"]


def test_single_script_and_japanese_hosts_are_not_mixed(tmp_path):
    links = ["https://www.oasis-brains.org", "https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444",
             "https://\u65e5\u672c\u8a9e\u30c9\u30e1\u30a4\u30f3.example", "https://m\u00fcnchen.example"]
    rows = [row(source=f"S{index}", link=link) for index, link in enumerate(links)]
    assert check(tmp_path, *rows, select="CAT405")[:2] == (0, [])


# --- CAT406 raw-html ---------------------------------------------------------------------------

@pytest.mark.parametrize("html, why", [
    ("<script>alert(1)</script>", "a <script> tag"),
    ('<iframe src="https://evil.example"></iframe>', "a <iframe> tag"),
    ("<img src=x onerror=alert(1)>", "its onerror event handler runs script"),
    ('<a href="https://example.org" onclick="steal()">terms</a>', "its onclick event handler"),
    ('<img src="https://tracker.example/p.gif">', "a <img> tag"),
])
def test_raw_html_in_a_cell_is_an_error(tmp_path, html, why):
    code, diagnostics, lines = check(tmp_path, row(licence=f"CC BY {html} 4.0"), select="CAT406")
    assert code == 1 and len(diagnostics) == 1 and diagnostics[0]["severity"] == "error"
    opening = html[: html.index(">") + 1]
    assert marked(lines, diagnostics[0]) == opening and why in diagnostics[0]["message"]


def test_html_comments_code_spans_and_escaped_brackets_are_allowed(tmp_path):
    cells = ["CC BY <!-- was CC BY-SA until 2020 --> 4.0", "CC BY `<img src=x onerror=y>` 4.0", "a &lt;script&gt; b", "a < b > c"]
    rows = [row(source=f"S{index}", licence=cell) for index, cell in enumerate(cells)]
    assert check(tmp_path, *rows, select="CAT406")[:2] == (0, [])


# --- the project's catalogue ------------------------------------------------------------------

def test_project_catalogue_passes_the_security_rules():
    result = run_catlint("check", "catalogue.md", "--select", "CAT4", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_homograph_in_a_markdown_link_is_caught_although_mistune_escapes_it(tmp_path):
    _, diagnostics, _ = check(tmp_path, row(licence="[terms](https://www.\u043easis-brains.org/terms)"), select="CAT405")
    assert "'www.xn--asis-brains-qnj.org'" in diagnostics[0]["message"]


@pytest.mark.parametrize("block", ["<pre>\nx\n<img src=x onerror=alert(1)></pre>", "<!--\nx --><img src=x onerror=alert(1)>"])
def test_html_on_the_line_that_closes_an_html_block_is_read(tmp_path, block):
    """An HTML block's last line is the one with its end marker (`</pre>`, `-->`): GitHub renders
    the tag on it, so catlint reads it too."""
    path = tmp_path / "catalogue.md"
    path.write_text(table("| OASIS | MR | Brain | 373 | 186 | Registration | Modify | https://www.oasis-brains.org |")
                    + "\n" + block + "\n\ntext\n", encoding="utf-8")
    code, diagnostics = run_json("check", path)
    onerror = [d for d in diagnostics if d["code"] == "CAT406" and "onerror" in d["message"]]
    assert code == 1 and [d["location"]["row"] for d in onerror] == [block.count("\n") + 5], diagnostics
