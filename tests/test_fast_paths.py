"""Every fast path for the common case gives exactly what the general code gives."""

from urllib.parse import urlsplit

from hypothesis import given
from hypothesis import strategies as st

from catlint.reading import rows
from catlint import knowledge, table, values
from catlint.knowledge import load_knowledge, split_link
from catlint.schema import load_schema

url_chars = st.sampled_from(list("abcXYZ019.-_~/?#&=%:@[] \t\u00e9"))
urls = st.one_of(
    st.builds(lambda scheme, host, rest: f"{scheme}://{host}{rest}", st.sampled_from(["http", "https", "HTTPS", "ftp"]),
              st.text(st.sampled_from(list("abcXYZ019.-")), min_size=0, max_size=12), st.text(url_chars, max_size=20)),
    st.text(url_chars, max_size=30),
)


def slow_split_link(link: str) -> tuple[str, str, str]:
    try:
        parts = urlsplit(link if "://" in link else "//" + link)
        return (parts.hostname or ""), parts.path, parts.query
    except ValueError:
        return "", "", ""


@given(urls)
def test_split_link_agrees_with_urlsplit(link):
    assert split_link(link) == slow_split_link(link)


@given(st.text(st.sampled_from(list("ab |\t\v:-é")), max_size=40), st.integers(0, 3))
def test_plain_pipe_split_agrees_with_the_general_one(line, start):
    start = min(start, len(line))
    assert rows._plain_segments(line, start) == rows._general_segments(line, start)


words = st.sampled_from(["X-ray", "x ray", "CT", "ct", "MRI", "fMRI", "retinal", "chest", "Brain", "data", "Atlas", "Xrays", "MR2"])


@given(st.lists(st.one_of(words, st.text(st.sampled_from(list("aXr- _.(")), max_size=6)), max_size=8).map(" ".join))
def test_known_words_are_found_as_the_word_pattern_finds_them(name):
    known = load_knowledge()
    slow = [match.group() for match in known._word_pattern.finditer(name)]
    assert [word for word, _ in known.words_in(name)] == [word for word in slow if knowledge._word_key(word) in known.word_entries]


@given(st.text(max_size=30))
def test_clean_text_fast_path_agrees_with_the_general_one(text):
    general = values._SPACES.sub(" ", text.translate(values._INVISIBLE_TABLE)).strip()
    assert values.clean_text(text) == general


@given(st.text(st.sampled_from(list("ab |\t:-é")), max_size=40))
def test_row_split_in_one_pass_agrees_with_segment_bounds(line):
    expected = []
    for start, end in table.segment_bounds(line):
        raw = line[start:end]
        content_start = start + len(raw) - len(raw.lstrip(" \t"))
        content = raw.strip(" \t")
        expected.append((content, 7, content_start + 1, content_start + len(content) + 1))
    assert [tuple(cell) for cell in table.split_row(line, 7)] == expected
    assert [tuple(cell) for cell in table.split_row(line, 7, {})] == expected


@given(st.lists(st.lists(st.text(st.sampled_from(list("ab \\|`")), max_size=5), min_size=2, max_size=2), min_size=1, max_size=4),
       st.integers(0, 2), st.integers(0, 2))
def test_rows_already_aligned_are_recognised_exactly(rows, extra, nudge):
    from catlint import layout

    cells = [["h", "i"]] + rows
    widths = [max(len(row[column]) for row in cells) + extra for column in range(2)]
    lines = ["| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    lines[-1] = lines[-1][:nudge] + " " + lines[-1][nudge:]  # one row possibly out of place
    found = table.find_tables(lines)
    if not found:
        return
    complete = [row for row in [found[0].header, *found[0].rows] if len(row.cells) == 2]
    widths = layout._column_widths(found[0], complete)
    pipes = layout._pipe_positions(widths)
    for row in complete:
        if layout._in_place(row, pipes):
            assert row.text == layout._aligned_row(row, widths, found[0].alignments)


def test_a_large_table_checked_by_two_processes_gives_what_one_process_gives(monkeypatch):
    from catlint import check
    from catlint.config import Config
    from test_fixer import document_of
    from conftest import table

    rows = [f"| Source {index:03d} | MRI, CT | brain | {index}000 | 5 | Open | MIT licence | http://s{index}.example.org |"
            for index in range(40)]
    rows += ["| Montgomery County X-ray Set | MR | Lungs | 138 | X | Open | MIT licence | https://ceb.nlm.nih.gov/x |"] * 2
    document = document_of(table(*rows))
    one = check.check_document(document, Config())
    monkeypatch.setattr(check, "PARALLEL_ROWS", 10)
    forks, fork = [], check.os.fork
    monkeypatch.setattr(check.os, "fork", lambda: forks.append(1) or fork())
    two = check.check_document(document, Config())
    assert forks == [1] and two == one and {d.code[:4] for d in one} >= {"CAT2", "CAT3", "CAT4"}


def test_an_error_in_the_second_process_is_raised_as_in_one(monkeypatch, tmp_path):
    import pytest

    from catlint import check
    from catlint.config import Config
    from catlint.errors import CatlintError
    from test_fixer import document_of
    from conftest import GOOD_ROW, table

    (tmp_path / "knowledge.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(check, "PARALLEL_ROWS", 1)
    with pytest.raises(CatlintError, match="invalid knowledge file"):
        check.check_document(document_of(table(GOOD_ROW)), Config(knowledge=str(tmp_path / "knowledge.json")))


@given(st.text(st.sampled_from(list("ab|\n\r ")), max_size=30))
def test_line_split_fast_path_agrees_with_the_general_one(text):
    import re

    from catlint.source import split_lines

    general, start = [], 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        general.append((text[start : match.start()], match.group()))
        start = match.end()
    if start < len(text):
        general.append((text[start:], ""))
    assert split_lines(text) == general


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-5, 10**7), st.floats(allow_nan=False, allow_infinity=False),
              st.sampled_from(["exact", "lower", "MR", "Brain", "Open", "", "https://a.example.org", "x"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(["value", "bound", "note", "other"]), inner, max_size=4)),
    max_leaves=8)


@given(st.sampled_from(sorted(load_schema().properties)), json_values)
def test_the_prescreen_says_yes_only_to_what_jsonschema_accepts(field, value):
    schema = load_schema()
    prescreen = schema._prescreens[field]
    if prescreen is not None and prescreen(value):
        assert not list(schema._field_validator.iter_errors({field: value})), (field, value)


def test_counts_have_a_prescreen_so_a_clean_catalogue_needs_no_jsonschema():
    prescreens = load_schema()._prescreens
    assert prescreens["images"]({"value": 373, "bound": "exact"}) and prescreens["images"](None)
    assert prescreens["images"]({"value": 193, "bound": "exact", "note": "Amount of MRI slices"})
    assert not prescreens["images"]({"value": True, "bound": "exact"}) and not prescreens["images"]({"value": 1})


def _domain_ok_by_character(text, start, allow_short):
    """cmark-gfm's check_domain, one character at a time: the definition the fast path keeps."""
    from catlint.reading import autolinks

    periods = before = underscores = 0
    if start < len(text) and not text[start].isascii():
        return allow_short
    index, last = start + 1, len(text) - 1
    while index < last:
        if text[index] == "\\" and index < last - 1:
            index += 1
        char = text[index]
        if char == "_":
            underscores += 1
        elif char == ".":
            before, underscores = underscores, 0
            periods += 1
        elif not autolinks._host_char(char) and char != "-":
            break
        if not char.isascii():
            break
        index += 1
    if (before or underscores) and periods <= 10:
        return False
    return allow_short or periods > 0


@given(st.text(st.sampled_from(list("ab._-\\/:é \x01\t<")), max_size=14), st.integers(0, 14), st.booleans())
def test_autolink_domain_check_agrees_with_its_definition(text, start, allow_short):
    from catlint.reading import autolinks

    start = min(start, max(0, len(text) - 1))
    assert autolinks._domain_ok(text, start, allow_short) == _domain_ok_by_character(text, start, allow_short)
