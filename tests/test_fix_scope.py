"""A fix is the edits of one finding: it keeps every cell it does not target, a ragged row gets no
value fix, and `links --fix` writes only a validated URL through the same fixer (through the CLI)."""

import json

import pytest

from catlint.engine.config import Config
from catlint.diagnostics import Diagnostic, Edit, Fix, Position
from catlint.reading.catalogue import read_catalogue
from catlint.engine.fix_scope import confined_fixes
from catlint.reading.schema import load_schema
from catlint.reading.source import decode
from conftest import GOOD_ROW, run_catlint, run_json, table
from linkserver import HOSTILE_PATH, run_links, servers, write_catalogue  # noqa: F401 (servers is a fixture)

RAGGED = "| Alpha | 1,200 | 30 | Open | MIT | https://example.org/a |"  # six cells under eight headers
PASTED = "| Alpha\tMR\tBrain\t1200\t30\tOpen\tMIT  licence\thttps://example.org/a |"  # a spreadsheet row pasted as it is


def test_a_ragged_row_gets_no_fix_and_fix_leaves_it_byte_identical(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(table(GOOD_ROW, RAGGED), encoding="utf-8")
    before = path.read_bytes()
    code, diagnostics = run_json("check", path)
    on_row = [d for d in diagnostics if d["location"]["row"] == 4]
    assert code == 1 and {d["code"] for d in on_row} >= {"CAT001", "CAT203"}, "the problems are reported"
    assert all(d["fix"] is None for d in on_row), "but none has a fix: its cells may be in the wrong columns"
    for unsafe in ([], ["--unsafe-fixes"]):
        result = run_catlint("fix", *unsafe, path)
        assert result.returncode == 1 and path.read_bytes() == before, result.stdout


def test_a_tab_separated_paste_keeps_its_tabs_and_only_the_unsafe_split_fixes_it(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(table(PASTED, GOOD_ROW), encoding="utf-8")
    before = path.read_bytes()
    run_catlint("fix", path)
    assert path.read_bytes() == before, "plain fix must not collapse the tabs, the row's only separators"
    _, diagnostics = run_json("check", path)
    [ragged] = [d for d in diagnostics if d["code"] == "CAT001"]
    assert ragged["fix"]["applicability"] == "unsafe" and [e["content"] for e in ragged["fix"]["edits"]] == [" | "] * 7
    run_catlint("fix", "--unsafe-fixes", path)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[2] == "| Alpha | MR | Brain | 1,200 | 30 | Open | MIT licence | https://example.org/a |"
    records = json.loads(run_catlint("export", path).stdout)
    assert [r["source"] for r in records] == ["Alpha", "OASIS"] and records[0]["images"] == {"value": 1200, "bound": "exact"}


def document_of(text: str):
    return read_catalogue(decode("catalogue.md", text.encode("utf-8")), load_schema())


def offered(document, start: int, end: int, content: str, code: str = "CAT207") -> bool:
    line = document.body.row_lines[0]
    fix = Fix("safe", "x", (Edit(Position(line, start), Position(line, end), content),))
    diagnostic = Diagnostic("catalogue.md", code, "whitespace", "warning", "x", Position(line, start), Position(line, end), fix)
    return confined_fixes([diagnostic], document)[0].fix is not None


def test_a_fix_is_offered_only_when_every_cell_it_does_not_target_keeps_its_raw_text():
    row = "| OASIS | MR | Brain | 373 | 186 | Open | MIT  licence | https://www.oasis-brains.org |"
    document = document_of(table(row))
    licence = row.index("MIT  licence") + 1
    assert offered(document, licence, licence + 12, "MIT licence")
    assert not offered(document, licence, licence + 12, "MIT | licence"), "a new pipe adds a cell"
    assert not offered(document, licence - 3, licence + 12, " MIT licence"), "across a pipe: the row is rewritten"
    assert not offered(document, 1, len(row) + 1, row.replace("Brain", "Heart")), "a whole-line rewrite must keep every cell"
    assert offered(document, 1, len(row) + 1, row.replace("| MR |", "|  MR |").replace("| Brain |", "| Brain  |")), \
        "moving padding keeps every cell"


def test_https_upgrade_must_be_the_same_url_and_a_hostile_location_never_reaches_the_file(servers, tmp_path):
    """A 301 to the link over https but with the fragment `#x | <img src=x onerror=alert(1)>`."""
    catalogue = write_catalogue(tmp_path, {"Hostile": servers.url("/hostile?t=scope")})
    before = catalogue.read_bytes()
    code, diagnostics = run_links(catalogue, servers, "--fix")
    [moved] = diagnostics
    assert moved["code"] == "CAT507", "a redirect to another fragment is a move, not an https upgrade"
    assert moved["fix"] is None, "a new address whose fragment was left out is not known well enough to write"
    assert catalogue.read_bytes() == before
    run_links(catalogue, servers, "--unsafe-fixes", "--max-age", "0")
    assert catalogue.read_bytes() == before


def test_a_url_from_a_server_is_written_percent_encoded_one_url_in_one_cell(servers, tmp_path):
    """A permanent move to `https://host/landing | <img src=x onerror=alert(1)>`: the unsafe fix writes it encoded."""
    catalogue = write_catalogue(tmp_path, {"Hostile": servers.url("/hostile-path?t=scope")})
    code, diagnostics = run_links(catalogue, servers, "--unsafe-fixes")
    text = catalogue.read_text(encoding="utf-8")
    row = text.split("\n")[2]
    assert HOSTILE_PATH not in text and "<img" not in text and row.count("|") == 9, row
    assert servers.url("/landing%20%7C%20%3Cimg%20src=x%20onerror=alert(1)%3E?t=scope", "https") in row


def test_a_location_sent_as_utf8_bytes_is_written_as_those_bytes_percent_encoded(servers, tmp_path):
    """http.client reads header bytes as latin-1: `/bidi\\u202egpj.exe` sent as UTF-8 must become
    %E2%80%AE (its bytes), not %C3%A2%C2%80%C2%AE (each byte taken as a character and encoded again)."""
    catalogue = write_catalogue(tmp_path, {"Bidi": servers.url("/bidi-moved?t=utf8"), "Cafe": servers.url("/cafe-moved?t=utf8")})
    code, diagnostics = run_links(catalogue, servers, "--unsafe-fixes")
    assert [d["code"] for d in diagnostics] == [] and code == 0, diagnostics
    rows = catalogue.read_text(encoding="utf-8").split("\n")[2:4]
    assert rows[0].endswith(f"| {servers.url('/landing/bidi%E2%80%AEgpj.exe?t=utf8', 'https')} |"), rows[0]
    assert rows[1].endswith(f"| {servers.url('/landing/caf%C3%A9?t=utf8', 'https')} |"), rows[1]
    assert servers.state.count("/landing/caf%C3%A9?t=utf8", "HEAD") == 1, "the redirect is followed to the URL the server meant"


QUOTED_ROW = "| OASIS | MR | Brain | 1,200 | 186 | Registration | MIT licence | https://www.oasis-brains.org |"


def quoted(*rows: str) -> str:
    return "".join(f"> {line}\n" for line in table(*rows).splitlines())


def review_comments(path) -> list[dict]:
    result = run_catlint("check", "--output-format", "github-review", path.name, cwd=path.parent)
    assert result.stderr == "", result.stderr
    return json.loads(result.stdout)["comments"]


def test_a_table_in_a_block_quote_is_laid_out_after_its_prefix_and_keeps_it(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(quoted(QUOTED_ROW), encoding="utf-8")
    before = path.read_bytes()
    assert run_catlint("check", path).returncode == 0, "the quoted table is laid out: no CAT208"
    assert run_catlint("fix", path).returncode == 0 and path.read_bytes() == before
    assert review_comments(path) == []
    path.write_text(quoted(QUOTED_ROW.replace("1,200", "1200")), encoding="utf-8")
    [comment] = review_comments(path)
    assert "CAT208" not in comment["body"] and "```suggestion\n> " + QUOTED_ROW + "\n```" in comment["body"]
    run_catlint("fix", path)
    assert path.read_bytes() == before, "only the cell changes; every line keeps its `> `"


def test_an_aligned_quoted_table_keeps_each_lines_own_prefix(tmp_path):
    path = tmp_path / "catalogue.md"
    header = "| Source | Data Types | Images |\n|--------|------------|--------|\n"
    path.write_text("> " + table("| ADNI   | MR         | X      |", header=header).replace("\n", "\n> ").rstrip("> ")
                    + ">| OASIS | MR | 1,200 |\n", encoding="utf-8")
    code, diagnostics = run_json("check", "--select", "CAT208", path)
    assert [(d["location"]["row"], d["fix"]["edits"][0]["content"]) for d in diagnostics] == [(4, ">| OASIS  | MR         | 1,200  |")]
    run_catlint("fix", "--select", "CAT208", path)
    assert path.read_text(encoding="utf-8").endswith("> | ADNI   | MR         | X      |\n>| OASIS  | MR         | 1,200  |\n")


@pytest.mark.parametrize("style", ["aligned", "keep"])
def test_the_fixer_refuses_a_fix_that_changes_which_tables_render(tmp_path, monkeypatch, style):
    """Were the layout to lose the block quote's `> ` again (and the scope check miss it), the records would
    be equal but the table would leave the quote (aligned: every line rewritten), or no table would be
    left (keep: the delimiter keeps its `> `): the fixer compares the tables it renders and refuses."""
    from catlint.engine import check
    from catlint.reading import layout

    monkeypatch.setattr(layout, "line_prefix", lambda table, text, start: None)  # the old layout: no prefix
    monkeypatch.setattr(check, "confined_fixes", lambda diagnostics, catalogue: diagnostics)
    path = tmp_path / "catalogue.md"
    path.write_text(quoted(QUOTED_ROW), encoding="utf-8")
    (tmp_path / "catlint.toml").write_text(f'table-style = "{style}"\n', encoding="utf-8")
    before = path.read_bytes()
    result = run_catlint("fix", path.name, cwd=tmp_path)
    assert path.read_bytes() == before and result.returncode == 1 and "CAT208" in result.stdout, result.stdout + result.stderr


def test_an_indented_table_row_is_split_where_its_cells_begin_so_its_fixes_are_offered(tmp_path):
    """Split from column 1, `  | OASIS | ...` had an empty first cell: one cell too many, so every fix was withheld."""
    path = tmp_path / "catalogue.md"
    path.write_text("".join(f"  {line}\n" for line in table(QUOTED_ROW.replace("1,200", "1200")).splitlines()), encoding="utf-8")
    run_catlint("fix", path)
    assert path.read_text(encoding="utf-8") == "".join(f"  {line}\n" for line in table(QUOTED_ROW).splitlines())

MARKUP_ROW = "| Alpha | MR<br>CT | Heart<br/>Lungs | [1200](https://x.org) | 186 | Open | MIT licence | https://a.example.org |"


def test_a_cell_holding_markup_its_value_drops_gets_no_normalising_fix(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(table(MARKUP_ROW), encoding="utf-8")
    before = path.read_bytes()
    _, diagnostics = run_json("check", path)
    normalising = [d for d in diagnostics if d["code"] in ("CAT202", "CAT203")]
    assert [(d["code"], d["location"]["column"]) for d in normalising] == [("CAT203", 11), ("CAT203", 22), ("CAT202", 40)]
    assert all(d["fix"] is None for d in normalising), "writing the plain value would drop the <br> or the link"
    run_catlint("fix", path)
    assert path.read_bytes() == before


def test_a_safe_fix_that_leaves_its_cell_invalid_is_withheld(tmp_path):
    """`MRI; Knee` would become `MR, Knee`, still an unknown term: no repair, so no safe fix; `MRI; CT` is fixed."""
    path = tmp_path / "catalogue.md"
    path.write_text(table(GOOD_ROW.replace("| MR |", "| MRI; Knee |"), GOOD_ROW.replace("OASIS", "Omega").replace("| MR |", "| MRI; CT |")),
                    encoding="utf-8")
    _, diagnostics = run_json("check", path)
    fixes = {d["location"]["row"]: d["fix"] for d in diagnostics if d["code"] == "CAT203"}
    assert fixes[3] is None and fixes[4]["edits"][0]["content"] == "CT, MR"
    run_catlint("fix", path)
    assert path.read_text(encoding="utf-8") == table(GOOD_ROW.replace("| MR |", "| MRI; Knee |"),
                                                     GOOD_ROW.replace("OASIS", "Omega").replace("| MR |", "| CT, MR |"))


@pytest.mark.parametrize("content, kept", [("CT, MR", True), ("MR, Knee", False), ("MR, CTX", False)])
def test_a_safe_fix_must_leave_its_targeted_cell_valid(content, kept):
    row = "| OASIS | MR,  CT | Brain | 373 | 186 | Open | MIT licence | https://www.oasis-brains.org |"
    start = row.index("MR,  CT") + 1
    assert offered(document_of(table(row)), start, start + 7, content) == kept


@pytest.mark.parametrize("first", ["-", "> x", "# x", "1. x", "+", "```", "<div> x", "[^n]: x"])
def test_a_row_without_outer_pipes_never_loses_the_pipe_that_keeps_it_in_the_table(tmp_path, first):
    """Laid out like a header without outer pipes, `| - | XR | ...` would become `- | XR | ...`: a
    list item, and the rows after it a list. The row keeps its leading pipe; fix keeps every row."""
    rows = [GOOD_ROW, GOOD_ROW.replace("| OASIS |", f"| {first} |", 1), GOOD_ROW.replace("OASIS", "Zeta")]
    path = tmp_path / "catalogue.md"
    path.write_text(table(*rows).replace("| Source |", "Source |", 1).replace("| Link |", "| Link", 1), encoding="utf-8")
    before = run_catlint("export", path, "--format", "jsonl").stdout.count("\n")
    run_catlint("fix", "--unsafe-fixes", path)
    after = run_catlint("export", path, "--format", "jsonl")
    assert before == 3 and after.stdout.count("\n") == 3, (path.read_text(encoding="utf-8"), after.stderr)
    code, left = run_json("check", "--select", "table-layout", path)
    assert code == 0 and left == [], "the table is laid out, that row with its leading pipe"


def test_a_line_with_more_fixes_than_can_be_proven_in_linear_time_is_reported_without_them(tmp_path):
    """Every fix is proven on its whole row; a cell of hundreds of zero-width spaces would cost
    time quadratic in the line, so that line's findings come without fixes and fix leaves it."""
    from catlint.engine.fix_scope import MOST_FIXES_PER_LINE

    crowded = GOOD_ROW.replace("OASIS", "OA" + "\u200b" * (MOST_FIXES_PER_LINE + 1) + "SIS")
    few = GOOD_ROW.replace("OASIS", "Zeta\u200b")
    path = tmp_path / "catalogue.md"
    path.write_text(table(crowded, few), encoding="utf-8")
    code, diagnostics = run_json("check", "--select", "CAT401", path)
    on_line = {row: [d["fix"] is not None for d in diagnostics if d["location"]["row"] == row] for row in (3, 4)}
    assert code == 1 and len(on_line[3]) == MOST_FIXES_PER_LINE + 1 and not any(on_line[3]) and on_line[4] == [True]
    run_catlint("fix", path)
    assert path.read_text(encoding="utf-8") == table(crowded, GOOD_ROW.replace("OASIS", "Zeta"))
