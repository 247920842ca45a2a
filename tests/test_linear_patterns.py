"""Scans rewritten to take linear time find exactly what the backtracking patterns they replaced found.

Each replaced pattern is kept here as the definition, and generated strings made of the
characters that matter to it (long runs, openers without closers) are read both ways.
The times themselves are measured by bench/ (its adversarial inputs), not here.
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catlint.reading import rows, tables
from catlint.rules import duplicate_link, ragged_row
from catlint.rules._support import findings

OLD_COARSE = re.compile(r"^[a-z]+://(?:www\.)?|#[^\n]*|/+(?=[?#\n]|\Z)|\?(?=[#\n]|\Z)", re.MULTILINE)
OLD_TABS = re.compile(r" *\t[\t ]*")
OLD_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")
OLD_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

EXAMPLES = max(300, settings().max_examples)
pytestmark = pytest.mark.untraced  # hundreds of generated strings each


def pieces(*parts: str, size: int = 16):
    return st.lists(st.sampled_from(parts), max_size=size).map("".join)


def found(pattern, text: str) -> list:
    return [(match.span(), match.groups()) for match in pattern.finditer(text)]


@settings(max_examples=EXAMPLES)
@given(pieces("http", "s", "://", "www.", "a", ".", ":", "/", "//", "///", "?", "#", "\n"))
def test_the_coarse_link_key_removes_what_the_old_pattern_removed(text):
    assert found(duplicate_link._COARSE, text) == found(OLD_COARSE, text)
    assert duplicate_link._coarse(text) == OLD_COARSE.sub("", text), "the single-slash pattern where it applies"


@settings(max_examples=EXAMPLES)
@given(pieces(" ", "  ", "\t", "a", "b|"))
def test_tab_runs_are_the_ones_the_old_pattern_found(text):
    assert found(ragged_row._TABS, text) == found(OLD_TABS, text)


@settings(max_examples=EXAMPLES)
@given(pieces("[", "^", "[^", "]", "a", " ", "\t", "\n", "|"))
def test_footnote_references_in_rows_are_the_labels_the_old_pattern_found(text):
    assert [match.span(1) for match in tables._REFERENCE.finditer(text)] == [match.span(1) for match in OLD_REFERENCE.finditer(text)]
    assert tables._REFERENCE.findall(text) == OLD_REFERENCE.findall(text)


def old_with_comments(text: str, canonical: str) -> str | None:
    if "<!--" not in text:
        return None if text == canonical else canonical
    if OLD_COMMENT.sub("", text).strip() == canonical:
        return None
    return " ".join([canonical, *OLD_COMMENT.findall(text)])


@settings(max_examples=EXAMPLES)
@given(pieces("<!--", "-->", "<!-->", "<", "!", "-", ">", "1200", " ", "\n"), st.sampled_from(["1200", "1,200", ""]))
def test_comments_kept_by_a_fix_are_those_the_old_pattern_found(text, canonical):
    assert findings.comment_spans(text) == [match.span() for match in OLD_COMMENT.finditer(text)]
    assert findings.with_comments(text, canonical) == old_with_comments(text, canonical)


@settings(max_examples=EXAMPLES)
@given(pieces("|", "||", "a", " ", "\t", "\v", "\\", "\\|", size=12), st.integers(0, 3))
def test_counting_a_rows_cells_agrees_with_splitting_it(line, start):
    start = min(start, len(line))
    assert rows.count_segments(line, start) == len(rows.segments(line, start))
