"""Every fast path for the common case gives exactly what the general code gives."""

import unicodedata
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catlint.reading import rows
from catlint.reading import knowledge
from catlint.reading import body
from catlint.reading import values
from catlint.reading.host_names import normal_host
from catlint.reading.knowledge import load_knowledge, split_link
from catlint.reading.schema import load_schema

url_chars = st.sampled_from(list("abcXYZ019.-_~/?#&=%:@[] \t\u00e9"))
# Hundreds of generated cases per test: the tracer would double their time, and the code they
# compare is covered by the rule and reader tests.
pytestmark = pytest.mark.untraced

urls = st.one_of(
    st.builds(lambda scheme, host, rest: f"{scheme}://{host}{rest}", st.sampled_from(["http", "https", "HTTPS", "ftp"]),
              st.text(st.sampled_from(list("abcXYZ019.-")), min_size=0, max_size=12), st.text(url_chars, max_size=20)),
    st.text(url_chars, max_size=30),
)


def slow_split_link(link: str) -> tuple[str, str, str]:
    try:
        parts = urlsplit(link if "://" in link else "//" + link)
        return normal_host(unquote(parts.hostname or "")), parts.path, parts.query
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


@given(st.text(st.sampled_from(list("ab |\t\v:-é\\")), max_size=40), st.integers(0, 3))
def test_cell_texts_in_one_pass_agree_with_the_cells_and_their_positions(line, start):
    start = min(start, len(line))
    cells = body.row_cells(line, 7, start)
    assert body._texts(line, start) == [cell.text for cell in cells]
    assert all(line[cell.start - 1 : cell.end - 1] == cell.text for cell in cells)


@given(st.text(st.sampled_from(list("ab|\n\r ")), max_size=30))
def test_line_split_fast_path_agrees_with_the_general_one(text):
    import re

    from catlint.reading.lines import split_lines

    general, start = [], 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        general.append((text[start : match.start()], match.group()))
        start = match.end()
    if start < len(text):
        general.append((text[start:], ""))
    parts, lines = split_lines(text)
    assert parts == list(lines) == [content for content, _ in general]
    assert [lines.ending(index) for index in range(len(lines))] == [ending for _, ending in general]
    for number, line in enumerate(lines, 1):
        assert all(lines.position(lines.offset(number, column)) == (number, column) for column in range(1, len(line) + 2))


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


link_cells = st.builds(
    lambda scheme, host, rest: scheme + host + rest,
    st.sampled_from(["https://", "http://", "HTTP://", "ftp://", "www.", "mailto:", ""]),
    st.one_of(st.from_regex(r"[ab9_][ab9_-]{0,3}(\.[ab9_-]{1,3}){0,2}", fullmatch=True), st.just("")),
    st.one_of(st.text(st.sampled_from(list("ab9.-_~/?#=%+,:$")), max_size=8),
              st.text(st.sampled_from(list("ab.-_~/?#=%+,:$@!*()&;'<>[]`\\|é ")), max_size=12)))


@settings(max_examples=max(500, settings().max_examples))
@given(link_cells)
def test_a_whole_url_is_what_the_autolink_rules_and_the_inline_reader_make_of_it(text):
    from catlint.reading import autolinks, inlines
    from catlint.reading.cell_text import link_value

    if not autolinks.whole_url(text):
        return
    assert autolinks.url_at_colon(text, text.index(":")) == (0, len(text), text)
    assert [(link.kind, link.url, link.start, link.end) for link in inlines.parse(text, {}).links] == [("url", text, 0, len(text))]
    assert link_value(text, {}) == text


table_cells = st.text(st.sampled_from(list("ab \té")), max_size=3) | st.text(st.sampled_from(list("a |\\")), max_size=3)


@st.composite
def pipe_tables(draw):
    """(width, row lines): rows mostly of `width` cells between outer pipes, some not."""
    width = draw(st.integers(1, 3))
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        cells = draw(st.lists(table_cells, min_size=width, max_size=width) | st.lists(table_cells, max_size=4))
        left, right = draw(st.sampled_from([("|", "|")] * 4 + [("", "|"), ("|", ""), (" |", "|"), ("|", "| ")]))
        lines.append(left + "|".join(cells) + right)
    return width, lines


@settings(max_examples=max(300, settings().max_examples))
@given(pipe_tables(), st.sampled_from(["\n", "\r\n", "\r"]))
def test_a_table_split_at_once_gives_the_cells_of_its_rows_split_one_by_one(table, ending):
    from catlint.reading.lines import split_lines

    width, lines = table
    parts, view = split_lines(ending.join(lines) + ending)
    numbers = list(range(1, len(parts) + 1))
    starts = [len(line) - len(line.lstrip(" \t")) for line in parts]
    at_once = body._columns_at_once(view, numbers, width)
    if at_once is None:
        return
    one_by_one = body.TableBody(width, view)
    one_by_one.row_lines.extend(numbers)
    one_by_one.row_starts.extend(starts)
    assert at_once == body._columns_row_by_row(one_by_one, parts, width) and not one_by_one.counts


plain_links = st.builds(lambda *parts: "".join(parts), st.sampled_from(["http://", "https://", "HTTPS://", "ftp://"]),
                        st.sampled_from(["a.org", "www.a.org", "A.org", "b.a.org"]), st.sampled_from(["", "/", "/x", "/x/", "/X", "//x"]),
                        st.sampled_from(["", "?", "?q", "?Q", "?q/"]), st.sampled_from(["", "#f", "#", "#f/x"]))


@settings(max_examples=max(300, settings().max_examples))
@given(st.lists(plain_links, min_size=2, max_size=4))
def test_plain_links_with_the_same_key_have_the_same_coarse_key(links):
    from catlint.reading.autolinks import whole_url
    from catlint.rules import duplicate_link

    links = [link for link in links if whole_url(link)]
    if len({duplicate_link._link_key(link) for link in links}) < len(links):
        assert not duplicate_link._surely_distinct(links)


@st.composite
def laid_out_tables(draw):
    """A small catalogue-like table, aligned or compact, with a few rows possibly out of place."""
    from catlint.reading.layout import display_width

    header = ["Source", "Data Types", "Images"]
    alphabet = draw(st.sampled_from(["ab XR,1", "ab XR,1", "ab XR,1", "aé世"]))
    rows = draw(st.lists(st.lists(st.text(st.sampled_from(list(alphabet)), min_size=1, max_size=5).map(str.strip).filter(bool),
                                  min_size=3, max_size=3), min_size=1, max_size=4))
    marks = draw(st.lists(st.sampled_from(["---", "---", ":--", "--:", "--:", ":-:"]), min_size=3, max_size=3))
    widths = [max(display_width(row[index]) for row in [header, *rows]) for index in range(3)]
    aligned = draw(st.booleans())
    lines = []
    for row in [header, None, *rows]:
        if row is None:
            lines.append("|" + "|".join(mark[0] + "-" * widths[index] + mark[-1] for index, mark in enumerate(marks)) + "|")
        elif aligned:
            lines.append("| " + " | ".join(cell + " " * (widths[index] - display_width(cell)) for index, cell in enumerate(row)) + " |")
        else:
            lines.append("| " + " | ".join(row) + " |")
    if draw(st.booleans()):  # no outer pipes
        lines = [line[1:-1].strip(" ") if index == 1 else line[2:-2].rstrip(" ") for index, line in enumerate(lines)]
    for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):
        index = draw(st.integers(2, len(lines) - 1))
        lines[index] = lines[index].replace(" |", "  |", 1)
    return "\n".join(lines) + "\n"


@settings(max_examples=max(200, settings().max_examples))
@given(laid_out_tables(), st.sampled_from(["aligned", "compact"]))
def test_a_body_checked_at_once_is_in_place_exactly_when_each_row_is(text, style):
    from catlint.engine.run import read_text
    from catlint.reading import layout

    catalogue = read_text(text)
    row_layout = layout.RowLayout(catalogue, style)
    body = catalogue.body
    each = all(catalogue.lines[body.row_lines[row] - 1] == row_layout.line(body.texts(row)) for row in range(len(body)))
    if layout._body_in_place(catalogue, row_layout):
        assert each
    elif each:
        raise AssertionError("a body in place was not recognised")


names = st.lists(st.sampled_from(["Brain", "MRI", "(ADNI)", "(ADNI 2)", "(AD2NI)", "()", "(x)", "OASIS", "OASIS-3", "the", "12", "(12)", "(LUNA16)",
                                  "Data(SCD)", "(", ")", "Ω"]), max_size=5).map(" ".join)


@given(st.lists(names, max_size=4))
def test_row_acronyms_in_one_pass_are_those_of_each_name(texts):
    from catlint.rules._support.names import all_row_acronyms, name_shapes, row_acronym

    assert all_row_acronyms(texts, name_shapes(texts)) == [row_acronym(text) for text in texts]


@given(st.lists(st.text(st.sampled_from(list("aImrn0OlL1 |%-\u00a0é\u0435Ω\t")), max_size=8), max_size=4))
def test_name_keys_of_a_column_are_those_of_each_name(texts):
    from catlint.rules._support.lookalike import all_source_keys, source_keys
    from catlint.reading.values import all_name_keys, name_key

    texts = [text.replace("\n", " ") for text in texts]
    assert list(zip(*all_source_keys(texts))) == [source_keys(text) for text in texts]
    assert all_name_keys(texts) == [name_key(text) for text in texts]


@given(st.lists(st.sampled_from(["OASIS", "Oasis", "0ASIS", "ADNI (ADNI)", "ADNl", "Brain (BT)", "Brain  (BT)", "MRI", "rn", "m", "", "I", "l"]),
                max_size=5))
def test_the_shared_key_count_finds_every_duplicate_the_row_loop_finds(names):
    from catlint.rules import duplicate_source
    from catlint.rules._support.lookalike import all_source_keys, source_keys
    from catlint.rules._support.names import all_row_acronyms, name_shapes

    firsts, seconds = all_source_keys(names)
    acronyms = [source_keys(acronym)[0] for acronym in all_row_acronyms(names, name_shapes(names)) if acronym]
    rows_of = {}
    for row, pair in enumerate(zip(firsts, seconds)):
        for key in set(pair):
            rows_of.setdefault(key, set()).add(row)
    shared = any(len(rows) > 1 for rows in rows_of.values()) or len(set(acronyms)) < len(acronyms)
    if duplicate_source._no_shared_keys(names, acronyms):
        assert not shared
    elif "" not in names:
        assert shared


@settings(max_examples=max(300, settings().max_examples))
@given(st.sampled_from(["**", "__", "*", "_", "***"]), st.text(st.sampled_from(list("ab \té")), max_size=5) | st.text(st.sampled_from(list("a *_`!~")), max_size=5),
       st.sampled_from(["", "", "", "*", "_"]))
def test_plain_words_in_emphasis_read_as_the_parser_reads_them(mark, inner, other):
    from catlint.reading import cell_text

    text = mark + inner + (other or mark)
    general = "".join(cell_text._plain(token) for token in cell_text.tokens(text))
    assert cell_text.plain_text(text) == general


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("ab \t\n\r|\x1b\x7f\x85\u00ad\u200b\u202e\u2800\u3000é¹\U000e0041\ud800"), max_size=40))
def test_the_invisible_prescreen_finds_a_reported_character_exactly_when_the_pattern_does(text):
    from catlint.reading.security import load_security
    from catlint.rules.invisible_character import _may_hold, invisible_pattern

    pattern = invisible_pattern(load_security().invisible)
    assert _may_hold(text, pattern) == (pattern.search(text) is not None)


ROW_LINES = ["| a | b |", "|a|b|c|", "| a |", "|", "| a \\| b |", "  | a | b |", "a | b", "|  | |", "| `|` | x |", "| a | b |  ", "",
             "- x", "> | a |", "\t| a | b |", "|\t| b |"]


@settings(max_examples=max(300, settings().max_examples))
@given(st.lists(st.sampled_from(ROW_LINES), max_size=40), st.integers(1, 4), st.integers(1, 8), st.sampled_from([0x80000, 0, 1, 3]),
       st.sampled_from(["\n", "\r\n"]))
def test_rows_taken_a_chunk_at_a_time_are_the_rows_taken_one_by_one(rows, first, most, limit, ending):
    """The block parser takes a `Lines` view's plain rows a stretch at a time (`plain_rows`: the
    first stretch `_FIRST_CHUNK_LINES` long, doubling up to `CHUNK_LINES`) and a list's one by one:
    both give the same tables (rows, their starts, padded cells), also once a table has padded
    its limit of cells (made small here) and takes no more rows."""
    from catlint.reading import block_starts, blocks
    from catlint.reading.lines import split_lines

    parts, view = split_lines(ending.join(["| h | i |", "|---|---|", *rows, "after"]) + ending)
    settings_ = {(blocks, "_FIRST_CHUNK_LINES"): first, (blocks, "CHUNK_LINES"): max(first, most),
                 (blocks, "MAX_PADDED_CELLS"): limit, (block_starts, "MAX_PADDED_CELLS"): limit}
    saved = {(module, name): getattr(module, name) for module, name in settings_}
    try:
        for (module, name), value in settings_.items():
            setattr(module, name, value)
        assert _tables(blocks.BlockParser().parse(view)) == _tables(blocks.BlockParser().parse(parts))
    finally:
        for (module, name), value in saved.items():
            setattr(module, name, value)


def _tables(root) -> list:
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        if node.kind == "table":
            found.append((list(node.data.row_lines), list(node.data.row_starts), node.data.padded_cells, node.end_line))
        stack.extend(node.children)
    return found


def test_the_chunk_comparison_sees_a_row_taken_without_its_cell_count(monkeypatch):
    """Negative control: a `plain_rows` that skipped the pipe count would add a short row's
    padded cells to nobody, and the comparison above would see it."""
    from catlint.reading import blocks
    from catlint.reading.lines import split_lines

    parts, view = split_lines("| h | i |\n|---|---|\n| a | b |\n| short |\n")
    assert _tables(blocks.BlockParser().parse(view)) == _tables(blocks.BlockParser().parse(parts))
    monkeypatch.setattr(blocks, "plain_rows", lambda lines, index, end, columns: end - index)
    assert _tables(blocks.BlockParser().parse(view)) != _tables(blocks.BlockParser().parse(parts))


def reference_line_plausibility(line: str) -> float:
    """`source._line_plausibility` as first written: every word and token looked at."""
    from catlint.reading import source

    score = 0.0
    for char in source._NON_ASCII.findall(line):
        if char == "\x85":
            continue
        category = unicodedata.category(char)
        if category == "Cc":
            score -= 10
        elif category in ("Co", "Cn", "So", "Sk") or char == "\ufffd":
            score -= 3
    for word in source._WORD.findall(line):
        if not word.isascii():
            score -= 2 * sum(1 for a, b in zip(word, word[1:]) if a.islower() and b.isupper())
            score -= len({source._script(char) for char in word}) - 1
    for token in source._TOKEN.findall(line):
        if not token.isascii():
            score -= 2 * sum(1 for a, b in zip(token, token[1:]) if source._glued(a, b) or source._glued(b, a))
            score -= sum(1 for a, b in zip(token, token[1:]) if a.isdigit() and a.isascii() and b.isalpha() and not b.isascii())
    latin = foreign = 0
    for word in source._WORD.findall(line):
        if word.isascii() or all(source._script(char) == "LATIN" for char in word):
            latin += len(word)
        elif len(word) <= 3 and word.isalpha():
            foreign += len(word)
    return score - (foreign if foreign and latin > 2 * foreign else 0)


mojibake_lines = st.text(st.sampled_from(list("ab AZ19_-.,|\t¹é\u00c3\u00a9Ðõ\u0e22\u0e19йЖ\u0391\u4e00\u00ad\x85\x90\ufffd€™")), max_size=40)


@settings(max_examples=max(300, settings().max_examples))
@given(mojibake_lines)
def test_a_line_is_weighed_on_its_non_ascii_words_as_on_all_of_them(line):
    from catlint.reading import source

    assert source._line_plausibility(line) == reference_line_plausibility(line)


def test_the_weighing_comparison_sees_ascii_words_left_out_of_the_latin_count(monkeypatch):
    """Negative control: Latin letters in ASCII words decide whether a short Thai run is stray."""
    from catlint.reading import source

    line = "Number of MRI slices ยน"
    assert source._line_plausibility(line) == reference_line_plausibility(line) < -1
    real = source._stray_foreign_letters
    monkeypatch.setattr(source, "_stray_foreign_letters", lambda words, foreign: real(foreign, foreign))
    assert source._line_plausibility(line) != reference_line_plausibility(line)
