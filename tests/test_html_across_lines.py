"""Raw HTML is read as a browser reads what GitHub renders: a tag may span the lines of an HTML
block or of a paragraph, and the links its href and src make are checked like any other link."""

from __future__ import annotations

import pytest

from conftest import run_json, table
from catlint.reading.html_tags import start_tags, url_attributes

ROW = "| OASIS | MR | Brain | 373 | 186 | Open | CC BY 4.0 | https://www.oasis-brains.org |"


def check(tmp_path, after: str, rows=(ROW,)) -> tuple[int, list[tuple[str, int, int, int, int, str]], list[str]]:
    """The findings of the security rules on a catalogue followed by a blank line and `after`,
    as (code, line, column, end line, end column, message)."""
    path = tmp_path / "catalogue.md"
    path.write_text(table(*rows) + "\n" + after, encoding="utf-8")
    code, diagnostics = run_json("check", path, "--select", "CAT4")
    found = [(d["code"], d["location"]["row"], d["location"]["column"], d["end_location"]["row"], d["end_location"]["column"],
              d["message"]) for d in diagnostics]
    return code, found, path.read_text(encoding="utf-8").split("\n")


def test_a_link_whose_tags_span_lines_is_read_whole(tmp_path):
    code, found, lines = check(tmp_path, '<p\nalign=center><a\nhref="https://good.org@evil.com">MedPix</a></p>\n')
    assert code == 1
    assert [(c, line, column) for c, line, column, *_ in found] == [("CAT406", 5, 1), ("CAT406", 6, 14), ("CAT404", 7, 7)]
    assert "raw HTML '<a\\nhref=\"https://good.org@evil.com\">'" in found[1][5]
    _, line, column, _, end, message = found[2]
    assert lines[line - 1][column - 1 : end - 1] == "https://good.org@evil.com" and "goes to 'evil.com'" in message


@pytest.mark.parametrize("html, handler", [
    ('<div\nonmouseover="alert(1)">\n', "onmouseover"),
    ("<details\nontoggle=alert(1) open>\n", "ontoggle"),
    ('<div title=">"\n\tonclick=steal()>\n', "onclick"),  # a quoted > does not end the tag
    ('> <div\n> onmouseover="alert(1)">\n', "onmouseover"),  # in a block quote, its markers are no part of the HTML
])
def test_an_event_handler_on_the_next_line_of_an_html_block_is_an_error_at_the_tag(tmp_path, html, handler):
    code, found, lines = check(tmp_path, html)
    assert code == 1 and len(found) == 1
    tag, line, column, end_line, end, message = found[0]
    assert (tag, line, end_line) == ("CAT406", 5, 5) and f"its {handler} event handler runs script" in message
    assert lines[4][column - 1 : end - 1] == html.lstrip("> ").split("\n")[0]  # from the tag's start to its line's end


def test_a_tag_spanning_lines_of_a_paragraph_is_marked_on_its_first_line(tmp_path):
    code, found, lines = check(tmp_path, "Some <img\nsrc=x onerror=alert(1)> text\n")
    assert code == 1 and [(c, line, column, end_line, end) for c, line, column, end_line, end, _ in found] == [("CAT406", 5, 6, 5, 10)]
    assert "onerror event handler" in found[0][5]


def test_the_line_that_closes_an_html_block_is_read(tmp_path):
    code, found, _ = check(tmp_path, "<!-- maintained by the imaging group --><img src=x onerror=alert(1)>\n")
    assert code == 1 and [(c, line, column) for c, line, column, *_ in found] == [("CAT406", 5, 41)]


@pytest.mark.parametrize("html, tags", [
    ("<!-- TODO\n<b>review</b> -->\n", []),  # a comment holds no tags
    ("<!-- a --><!--> <b>x</b> -->\n", [(5, 17)]),  # <!--> closes at once, as in browsers
])
def test_tags_in_a_comment_are_not_tags(tmp_path, html, tags):
    _, found, _ = check(tmp_path, html)
    assert [(line, column) for _, line, column, *_ in found] == tags


def test_text_of_a_script_holds_no_tags(tmp_path):
    code, found, _ = check(tmp_path, '<script>\nvar a = "<b onclick=x>";\n</script>\n')
    assert code == 1 and [(c, line, column) for c, line, column, *_ in found] == [("CAT406", 5, 1)]


@pytest.mark.parametrize("html, code", [
    ('<a href="javascript:alert(1)">MedPix</a>', "CAT402"),
    ('<img src="http://tracker.example/p.gif">', "CAT403"),
    ('<a href="https://good.org@evil.com">MedPix</a>', "CAT404"),
    ('<a\nhref="https://www.\u043easis-brains.org">OASIS</a>', "CAT405"),
    ('<a href="http&#58;//127.0.0.1/">x</a>', "CAT407"),  # entities decoded as a browser decodes them
])
def test_the_links_of_raw_html_are_checked(tmp_path, html, code):
    status, found, _ = check(tmp_path, f"<div>\n{html}\n</div>\n")
    assert status == 1 and code in {found_code for found_code, *_ in found}


def test_a_link_in_a_cells_raw_html_is_placed_at_its_url(tmp_path):
    row = ROW.replace("CC BY 4.0", '<a href="https://good.org@evil.com">terms</a>')
    code, found, lines = check(tmp_path, "", rows=(row,))
    user_info = [place for place in found if place[0] == "CAT404"]
    assert code == 1 and len(user_info) == 1
    _, line, column, _, end, _ = user_info[0]
    assert (line, lines[line - 1][column - 1 : end - 1]) == (3, "https://good.org@evil.com")


# --- the tokenizer on its own ------------------------------------------------------------------

@pytest.mark.parametrize("text, tags", [
    ("<!doctype html><b>", ["<b>"]),
    ("<?php echo 1 ?><b>", ["<b>"]),
    ("</ x><b></><i>", ["<b>", "<i>"]),  # a bogus comment, and an empty end tag browsers drop
    ("</div class='>'><b>", ["<b>"]),  # an end tag reads quoted values too
    ("<!----><b><!--->x<i><!-- a --!><u>", ["<b>", "<i>", "<u>"]),
    ("<plaintext><b>", ["<plaintext>"]),
    ("<textarea><b></TEXTAREA ><i>", ["<textarea>", "<i>"]),
    ("a < b <3 <b", ["<b"]),  # a tag the text ends in runs to its end
    ("<a title='x>\n' href=y>", ["<a title='x>\n' href=y>"]),
    ("<a b=\"unclosed>", ["<a b=\"unclosed>"]),
    ("<a =x/ c>d", ["<a =x/ c>"]),
    ("<!-- unclosed <b>", []),
    ("<?unclosed <b>", []),
])
def test_start_tags_are_the_ones_a_browser_reads(text, tags):
    assert [text[start:end] for start, end in start_tags(text)] == tags


def test_url_attributes_are_the_first_href_and_src_decoded():
    tag = "<a HREF = \"h&#116;tps://a.org\" href=v src='w' title=x>"
    assert [(url, tag[start:end]) for url, start, end in url_attributes(tag)] == [
        ("https://a.org", "h&#116;tps://a.org"), ("w", "w")]


def test_a_tag_in_the_header_is_marked_and_its_link_checked(tmp_path):
    path = tmp_path / "catalogue.md"
    header = '| Source | Data Types | Body Parts | Images | Patients | Availability | Licence <a href="https://g.org@evil.com">?</a> | Link |\n'
    path.write_text(header + "|---|---|---|---|---|---|---|---|\n" + ROW + "\n", encoding="utf-8")
    code, diagnostics = run_json("check", path, "--select", "CAT404,CAT406")
    line = header.rstrip("\n")
    assert code == 1 and [(d["code"], line[d["location"]["column"] - 1 : d["end_location"]["column"] - 1]) for d in diagnostics] == [
        ("CAT406", '<a href="https://g.org@evil.com">'), ("CAT404", "https://g.org@evil.com")]


def test_html_in_a_footnote_github_drops_is_not_read(tmp_path):
    code, found, _ = check(tmp_path, "[^shown]: <div\n    onclick=x>\n\nSee [^used].\n\n[^used]: <img\n    src=x onerror=y>\n")
    assert code == 1 and [(c, line) for c, line, *_ in found] == [("CAT406", 10)]
