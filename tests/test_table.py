from catlint.reading.lines import split_lines
from catlint.reading.markdown import read_markdown
from catlint.reading.body import read_body
from catlint.reading.tables import Span, read_tables, split_row
from conftest import SEED


def find_tables(lines, markers=""):
    """The tables GitHub renders in `lines`, read as catlint reads them."""
    parts, kept = split_lines("\n".join(lines) + "\n")
    return read_tables(read_markdown(parts, kept), parts, markers)


def body_rows(lines, markers=""):
    """The body rows of the first table: (line, cell texts) each."""
    table = find_tables(lines, markers)[0]
    body = read_body(lines, table.row_lines, table.row_starts, table.width)
    return [(body.row_lines[row], body.texts(row)) for row in range(len(body))]


def cells(line):
    return [(cell.text, cell.start, cell.end) for cell in split_row(line, 1)]


def test_cells_have_code_point_spans_end_exclusive():
    assert cells("| a | bb |") == [("a", 3, 4), ("bb", 7, 9)]
    assert cells("| ¹é | x |") == [("¹é", 3, 5), ("x", 8, 9)]


def test_leading_and_trailing_pipes_are_optional():
    assert [c[0] for c in cells("a | b")] == ["a", "b"]
    assert [c[0] for c in cells("| a | b")] == ["a", "b"]
    assert [c[0] for c in cells("a | b |")] == ["a", "b"]


def test_escaped_pipes_do_not_split_but_pipes_in_code_spans_do():
    # GitHub splits a row before it reads inline markup: only a backslash protects a pipe.
    assert [c[0] for c in cells(r"| a \| b | c |")] == [r"a \| b", "c"]
    assert [c[0] for c in cells("| `x|y` | c |")] == ["`x", "y`", "c"]
    assert [c[0] for c in cells(r"| `x\|y` | c |")] == [r"`x\|y`", "c"]
    assert [c[0] for c in cells(r"| a \\| b |")] == [r"a \\| b"]  # cmark's longest match: any \| stays


def test_empty_cells_are_kept_with_a_position():
    assert cells("| a |  | c |") == [("a", 3, 4), ("", 8, 8), ("c", 10, 11)]


def test_tables_in_fenced_code_are_ignored():
    lines = ["```", "| a | b |", "|---|---|", "```", "", "| c | d |", "|---|---|", "| 1 | 2 |"]
    tables = find_tables(lines)
    assert len(tables) == 1 and tables[0].header.line == 6 and list(tables[0].row_lines) == [8]


def test_delimiter_row_must_match_the_header():
    assert find_tables(["| a | b |", "|---|", "| 1 | 2 |"]) == []
    assert find_tables(["| a | b |", "|---|x|"]) == []


def test_ragged_rows_are_kept_not_dropped():
    lines = ["| a | b |", "|:--|--:|", "| 1 |", "| 1 | 2 | 3 |"]
    assert body_rows(lines) == [(3, ["1"]), (4, ["1", "2", "3"])]
    assert find_tables(lines)[0].alignments == ["left", "right"]


def test_table_ends_at_blank_line_and_other_blocks():
    assert body_rows(["| a | b |", "|---|---|", "| 1 | 2 |", "# Heading", "| 3 | 4 |"]) == [(3, ["1", "2"])]


def test_seed_footnote_glued_under_the_table_is_a_footnote_not_a_row():
    lines = SEED.read_text(encoding="utf-8").split("\n")
    table = find_tables(lines, "¹²")[0]
    rows = body_rows(lines, "¹²")
    assert table.header.line == 37 and len(rows) == 19
    assert rows[-1][1][0] == "The Cancer Imaging Archive (TCIA)"
    (note,) = table.footnotes
    assert (note.line, note.marker, note.text, note.glued) == (58, "ยน", "Amount of MRI slices", True)
    assert note.marker_span == Span(58, 1, 3)


def test_footnote_after_a_blank_line():
    table = find_tables(["| a | b |", "|---|---|", "| 1 | 2¹ |", "", "¹ Number of MRI slices", "² Second", "Not a note"], "¹²")[0]
    assert [(n.marker, n.text, n.glued) for n in table.footnotes] == [("¹", "Number of MRI slices", False), ("²", "Second", False)]


def test_code_span_scan_is_linear_on_many_backticks():
    line = "| " + "` " * 50_000 + "| b |"
    assert len(split_row(line, 1)) == 2


def test_only_schema_markers_start_footnotes_after_a_blank_line():
    lines = ["| a | b |", "|---|---|", "| 1 | 2 |", "", "© 2017 Genematics", "[^1]: GFM footnote"]
    assert find_tables(lines, "¹")[0].footnotes == []
    lines = ["| a | b |", "|---|---|", "| 1 | 2[^1] |", "", "[^1]: GFM footnote"]
    assert [(n.marker, n.text) for n in find_tables(lines, "¹")[0].footnotes] == [("[^1]", "GFM footnote")]


def test_list_items_and_comments_end_or_hide_tables():
    assert [line for line, _ in body_rows(["| a | b |", "|---|---|", "| 1 | 2 |", "- a list item", "1. another"])] == [3]
    hidden = ["<!--", "| old | table |", "|---|---|", "| 1 | 2 |", "-->", "", "| a | b |", "|---|---|", "| 3 | 4 |"]
    assert [table.header.line for table in find_tables(hidden)] == [7]
    assert [t.header.line for t in find_tables(["<!-- one-line comment --> ", "| a | b |", "|---|---|"])] == [2]


def test_rows_after_a_glued_footnote_are_still_rows():
    table = find_tables(["| a | b |", "|---|---|", "| 1 | 2 |", "¹ a note", "| 3 | 4 |"], "¹")[0]
    assert list(table.row_lines) == [3, 5] and [note.line for note in table.footnotes] == [4]
