"""Issue cases through the real CLI: catlint checks the tables, rows, cells and links GitHub renders.

Each document here once passed with "All checks passed" while GitHub showed
rows catlint never read, or links it never checked. Each now fails the check
at the line that matters, and `export` never writes fewer rows than GitHub
shows without saying so.
"""

from __future__ import annotations

import json

import pytest

from conftest import GOOD_ROW, HEADER, SEED, codes_at, run_catlint, run_json, table, write_markdown

HOSTILE = "| Evil | MR | Brain | 1 | 1 | Open | MIT | [site](javascript:alert(1)) https://good.org@evil.example \u202egnp.exe |"
SECOND = "| MedPix | XR | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix.nlm.nih.gov/home |"


write = write_markdown


@pytest.mark.parametrize("blank_looking", ["\u00a0", "\u3000", "\f"], ids=["nbsp", "ideographic-space", "form-feed"])
def test_a_blank_looking_line_is_a_row_and_the_rows_after_it_are_read(tmp_path, blank_looking):
    path = write(tmp_path, table(GOOD_ROW, blank_looking, HOSTILE))
    code, diagnostics = run_json("check", path)
    assert code == 1
    assert "CAT001" in codes_at(diagnostics, 4)  # GitHub renders the line as a one-cell row
    assert {"CAT402", "CAT404", "CAT401"} <= codes_at(diagnostics, 5)


def test_a_row_without_a_leading_pipe_that_starts_with_html_is_a_row(tmp_path):
    row = "<img src=x onerror=alert(1)> | MR | Brain | 1 | 1 | Open | MIT | https://example.org |"
    path = write(tmp_path, table(GOOD_ROW, row, HOSTILE))
    code, diagnostics = run_json("check", path)
    assert code == 1 and "CAT406" in codes_at(diagnostics, 4)
    assert {"CAT402", "CAT404", "CAT401"} <= codes_at(diagnostics, 5)


@pytest.mark.parametrize("comment", ["<!-->", "<!--->"])
def test_a_short_comment_closes_on_its_own_line(tmp_path, comment):
    path = write(tmp_path, comment + "\n\n" + table(HOSTILE))
    code, diagnostics = run_json("check", path)
    assert code == 1 and {"CAT402", "CAT404", "CAT401"} <= codes_at(diagnostics, 5)


def test_a_backtick_line_with_a_backtick_in_its_info_string_is_not_a_fence(tmp_path):
    path = write(tmp_path, "```x`\n\n" + table(HOSTILE))
    code, diagnostics = run_json("check", path)
    assert code == 1 and {"CAT402", "CAT404", "CAT401"} <= codes_at(diagnostics, 5)


def test_a_second_catalogue_table_is_an_error_and_is_not_exported(tmp_path):
    path = write(tmp_path, table(GOOD_ROW) + "\n" + table(SECOND))
    code, diagnostics = run_json("check", path)
    assert code == 1 and codes_at(diagnostics, 5) == {"CAT007"}
    assert "reads only the table on line 1" in next(d["message"] for d in diagnostics if d["code"] == "CAT007")
    exported = run_catlint("export", path)
    assert exported.returncode == 1 and len(json.loads(exported.stdout)) == 1
    assert "catalogue.md:5:1: a second catalogue table (1 row), not exported" in exported.stderr


def test_a_decoy_table_first_does_not_hide_the_real_one(tmp_path):
    path = write(tmp_path, table(GOOD_ROW) + "\n" + table(HOSTILE))
    code, diagnostics = run_json("check", path)
    assert code == 1 and "CAT007" in codes_at(diagnostics, 5)
    assert {"CAT402", "CAT404", "CAT401"} <= codes_at(diagnostics, 7)  # the security rules read every table


def test_a_pipe_in_a_code_span_splits_the_cell_as_on_github(tmp_path):
    row = "| MedPix `v|2` | XR | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix.nlm.nih.gov/home |"
    path = write(tmp_path, table(row))
    code, diagnostics = run_json("check", path)
    ragged = [d for d in diagnostics if d["code"] == "CAT001"]
    assert code == 1 and ragged and "row has 9 cells, the header has 8" in ragged[0]["message"]
    exported = run_catlint("export", path)
    assert exported.returncode == 1 and json.loads(exported.stdout) == []  # the shifted row is not a valid record


@pytest.mark.parametrize("cut", ["", "<!-- TODO -->"], ids=["blank-line", "comment"])
def test_a_table_cut_short_is_an_error_and_export_fails(tmp_path, cut):
    path = write(tmp_path, table(GOOD_ROW, cut, SECOND, HOSTILE))
    code, diagnostics = run_json("check", path)
    assert code == 1
    ends = [d for d in diagnostics if d["code"] == "CAT008"]
    assert len(ends) == 1 and ends[0]["location"]["row"] == 4
    assert "lines 5\u20136 look like rows of it but render as a paragraph" in ends[0]["message"]
    exported = run_catlint("export", path)
    assert exported.returncode == 1 and len(json.loads(exported.stdout)) == 1
    assert "lines 5\u20136 are cut off the table at line 4, not exported" in exported.stderr


def test_links_and_html_outside_the_cells_are_checked(tmp_path):
    text = (
        "Intro: [x](javascript:alert(1)) and <iframe src=https://evil.example></iframe>, see https://g\u043e\u043egle.com\n\n"
        + table(GOOD_ROW.replace("| OASIS |", "| [MedPix][r1] |"))
        + "\n\u00b9 Note [click](https://good.org@evil.example) <img src=x onerror=alert(1)> \u202e\n\n"
        + "[r1]: javascript:alert(2)\n\n"
        + "Mirror: [https://medpix.nlm.nih.gov](https://evil.example/medpix)\n"
    )
    path = write(tmp_path, text)
    code, diagnostics = run_json("check", path)
    assert code == 1
    assert {"CAT402", "CAT406", "CAT405"} <= codes_at(diagnostics, 1)
    assert {"CAT404", "CAT406", "CAT401"} <= codes_at(diagnostics, 7)
    assert "CAT402" in codes_at(diagnostics, 9)  # the reference link, at its definition
    assert "CAT408" in codes_at(diagnostics, 11)


def test_a_note_is_exported_as_the_text_a_reader_sees(tmp_path):
    row = GOOD_ROW.replace("| 373 |", "| 373\u00b9 |")
    path = write(tmp_path, table(row) + "\n\u00b9 Sessions, see [the paper](https://example.org/paper) <!-- checked -->\n")
    exported = run_catlint("export", path)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)[0]["images"]["note"] == "Sessions, see the paper"


def test_a_garbled_note_after_a_blank_line_is_repaired_with_its_marker(tmp_path):
    """The design card's example in its proper place: the seed with its note under a blank line."""
    seed = SEED.read_text(encoding="utf-8")
    moved = seed.replace("| The Cancer Imaging Archive (TCIA)", "| The Cancer Imaging Archive (TCIA)", 1)
    last_row_end = moved.index("\n", moved.index("| The Cancer Imaging Archive (TCIA)"))
    moved = moved[:last_row_end] + "\n" + moved[last_row_end:]  # a blank line before the note
    original, blank = tmp_path / "seed.md", tmp_path / "moved.md"
    original.write_text(seed, encoding="utf-8")
    blank.write_text(moved, encoding="utf-8")
    for path in (original, blank):
        assert run_catlint("fix", path).returncode in (0, 1)
    records = [json.loads(run_catlint("export", path).stdout) for path in (original, blank)]
    assert [{k: v for k, v in r.items() if k != "line"} for r in records[0]] == [{k: v for k, v in r.items() if k != "line"} for r in records[1]]
    scmr = next(r for r in records[1] if r["source"] == "SCMR Consensus Data")
    assert scmr["images"] == {"value": 193, "bound": "exact", "note": "Amount of MRI slices"}
    assert "\u00b9 Amount of MRI slices" in blank.read_text(encoding="utf-8")
