"""CAT408 reads a link's text as GitHub shows it, not as it is written: markup that hides an
address from the rule (bold, a code span, an entity, strikethrough, a comment) does not hide it
from the reader. The shown text is checked against cmark-gfm's rendering."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import run_json, table
from gfm_oracle import render
from catlint.reading import inlines
from catlint.reading.markdown import read_markdown
from catlint.reading.shown_text import shown_texts

ROW = "| OASIS | MR | Brain | 373 | 186 | Open | CC BY 4.0 | {link} |"
DISGUISED = [
    "**https://www.oasis-brains.org**",
    "`https://www.oasis-brains.org`",
    "https://www&#46;oasis-brains.org",
    "https&#58;//www.oasis-brains.org",
    "_www.oasis-brains.org_",
    "~~x~~https://www.oasis-brains.org",
    "~x~https://www.oasis-brains.org",  # one tilde is strikethrough on GitHub (not in mistune)
    "~~1~~https://www.oasis-brains.org",  # read without the struck-out part
    "https://www.oasis-brains.org<!-- -->",
    "<b>https://www.oasis-brains.org</b>",
    "![https://www.oasis-brains.org](logo.png)",  # the alt text shows when the image does not load
]


def check(tmp_path, text: str) -> tuple[int, list]:
    path = tmp_path / "catalogue.md"
    path.write_text(text, encoding="utf-8")
    return run_json("check", path, "--select", "CAT408")


@pytest.mark.parametrize("shown", DISGUISED)
def test_an_address_disguised_in_a_cell_is_read_as_shown(tmp_path, shown):
    code, diagnostics = check(tmp_path, table(ROW.format(link=f"[{shown}](https://attacker.com)")))
    assert code == 1 and [d["location"]["row"] for d in diagnostics] == [3]
    assert "shows 'oasis-brains.org' but the link goes to 'attacker.com'" in diagnostics[0]["message"]


@pytest.mark.parametrize("shown", DISGUISED)
def test_an_address_disguised_in_prose_is_read_as_shown(tmp_path, shown):
    text = table(ROW.format(link="https://www.oasis-brains.org")) + f"\nSee [{shown}](https://attacker.com).\n"
    code, diagnostics = check(tmp_path, text)
    assert code == 1 and [(d["location"]["row"], d["location"]["column"]) for d in diagnostics] == [(5, 5)]


def test_a_link_across_lines_is_marked_to_the_end_of_its_first_line(tmp_path):
    text = table(ROW.format(link="https://www.oasis-brains.org")) + "\nSee [**https://www.oasis-brains.org**\n](https://attacker.com).\n"
    code, diagnostics = check(tmp_path, text)
    assert code == 1 and [(d["location"], d["end_location"]) for d in diagnostics] == [
        ({"row": 5, "column": 5}, {"row": 5, "column": 38})]


@pytest.mark.parametrize("shown", [
    "**www.oasis-brains.org**", "`https://www.oasis-brains.org/`", "https&#58;//www.oasis-brains.org",
    "~~https://old.example~~ https://www.oasis-brains.org", "OASIS ~~https://www.oasis-brains.org~~ home",
    "~~~x~~~https://www.oasis-brains.org",  # three tildes are no strikethrough
])
def test_markup_around_the_right_address_passes(tmp_path, shown):
    assert check(tmp_path, table(ROW.format(link=f"[{shown}](https://www.oasis-brains.org/)"))) == (0, [])


def test_images_nested_deep_in_link_text_are_read_without_error(tmp_path):
    nested = "![" * 300 + "https://www.oasis-brains.org" + "](i.png)" * 300  # alt text past 8 levels is not read
    code, _ = check(tmp_path, table(ROW.format(link=f"[{nested}](https://attacker.com)")))  # no recursion error
    assert code in (0, 1)


# --- the shown text against cmark-gfm -----------------------------------------------------------

PIECES = ["https://", "www.", "oasis", ".org", "*", "**", "_", "__", "~", "~~", "`", "``", " ", "  ", "\n", "&#46;",
          "&#58;", "&amp;", "&nbsp;", "\\", "\\*", "\\_", "<!-- -->", "<b>", "</b>", "<http://a.org>", "<a@b.org>",
          "![", "](x.png)", "![a][r]", "[", "]", "x", "a@b.org", "(", ")", ":", "w", "1", "<", ">", "!"]


class _Reader(HTMLParser):
    """The text of rendered HTML as a reader sees it (an image by its alt text), with or without
    what is struck out."""

    def __init__(self, drop_struck: bool):
        super().__init__(convert_charrefs=True)
        self.drop_struck, self.struck, self.out = drop_struck, 0, []

    def handle_starttag(self, tag, attrs):
        self.struck += tag == "del"
        if tag == "img" and not (self.drop_struck and self.struck):
            self.out.append(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag):
        self.struck -= tag == "del"

    def handle_data(self, data):
        if not (self.drop_struck and self.struck):
            self.out.append(data)


def _cmark_shown(document: str) -> tuple[str, str] | None:
    """What cmark-gfm shows as the text of the document's first paragraph, when that paragraph is
    one link to https://x.invalid/."""
    match = re.match(r'<p><a href="https://x\.invalid/">(.*)</a></p>\n', render(document, sourcepos=False), re.S)
    if match is None:
        return None
    seen = []
    for drop in (False, True):
        reader = _Reader(drop)
        reader.feed(match.group(1))
        reader.close()
        seen.append("".join(reader.out))
    return seen[0], seen[1]


@pytest.mark.parametrize("text", [
    "see <https://www.oasis-brains.org/a&amp;b>", "`` `https://a.org` ``", "` `", "``a\nb``", "![**x** `y` ![z](i)](i)",
    "a  \nb", "a\\\nb", "&amp; <!-- x -->\n&lt;", "~~a ~b.~~.", "*a **b** c*", "x ~~y~~~z~",
])
def test_shown_text_edge_cases_are_what_cmark_gfm_shows(text):
    document = f"[{text}](https://x.invalid/)\n"
    assert (shown_texts(text, {})[0], shown_texts(text, {})[-1]) == _cmark_shown(document)


@pytest.mark.untraced  # hundreds of renders
@settings(max_examples=max(600, settings().max_examples), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join))
@example("~~a ~b.~~.")  # the rule of three holds for tildes too: the outer pair strikes
@example("____https://__")  # the brackets around the text decide the closer's flanking
def test_the_shown_link_text_is_what_cmark_gfm_shows(text):
    text = re.sub(r"\n[ \t]*", "\n", text).strip()  # a paragraph's lines start at their first non-space
    document = f"[{text}](https://x.invalid/)\n\n[r]: /r.png\n"
    definitions = read_markdown(document.split("\n")).definitions
    link = f"[{text}](https://x.invalid/)"
    found = inlines.parse(link, definitions).links
    theirs = _cmark_shown(document)
    if theirs is None or len(found) != 1 or found[0].text != (1, len(text) + 1):
        return  # not one link with this text (a bracket or a blank line in the text)
    ours = shown_texts(text, definitions)
    assert (ours[0], ours[-1]) == theirs
