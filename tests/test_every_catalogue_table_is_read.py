"""Issue 10, "every catalogue table is read": cases that once passed with "All checks passed"
while `export` wrote 1 record with exit 0, and GitHub showed more rows.

Each now fails the check (exit 1) with CAT007 or CAT008 at the line that
matters, and `export` exits 1. The documents that follow are the ones a
careful reader would not call broken: they stay clean.
"""

from __future__ import annotations

import json

import pytest

from conftest import run_catlint, run_json, table, write_markdown
from catlint.reading.header_lookalikes import header_keys

GOOD = "| OASIS | MR | Brain | 373 | 186 | Registration | Modify | https://www.oasis-brains.org |"
MEDPIX = "| MedPix | XR | Heart | 53,000+ | 13,000+ | Open | Public | https://medpix.nlm.nih.gov/home |"
EVIL = "| Evil | MR | Heart | 5 | 9 | Open | x | https://www.oasis-brains.org |"
DELIMITER = "|---|---|---|---|---|---|---|---|"
NAMES = ["Source", "Data Types", "Body Parts", "Images", "Patients", "Availability", "Licence", "Link"]
CYRILLIC = str.maketrans("aceoi", "\u0430\u0441\u0435\u043e\u0456")  # а с е о і


write = write_markdown


def header_of(names) -> str:
    return "| " + " | ".join(names) + " |\n" + DELIMITER + "\n"


def findings(path, code: str) -> list[dict]:
    status, diagnostics = run_json("check", path)
    assert status == 1
    return [d for d in diagnostics if d["code"] == code]


def assert_export_fails(path, records: int, says: str) -> None:
    exported = run_catlint("export", path)
    assert exported.returncode == 1, exported.stderr
    assert len(json.loads(exported.stdout)) == records
    assert says in exported.stderr


# --- CAT008: rows after the table's end ---------------------------------------------------------


CUT = {
    # the rows after the gap make a second table, headed by the first of them
    "second-table": ("\n" + MEDPIX + "\n" + DELIMITER + "\n" + EVIL + "\n", 4, (5, 7), "another table"),
    "long-comment": ("<!-- TODO:\nmerge the rows\nbelow\n-->\n" + MEDPIX + "\n" + EVIL + "\n", 4, (8, 9), "a paragraph"),
    "four-blank-lines": ("\n\n\n\n" + MEDPIX + "\n" + EVIL + "\n", 4, (8, 9), "a paragraph"),
    "comments-and-blanks": ("\n\n<!-- a -->\n\n\n<!--\nb\n-->\n\n" + MEDPIX + "\n", 4, (13, 13), "a paragraph"),
    "html-block": ("<div>\n" + MEDPIX + "\n" + EVIL + "\n</div>\n", 4, (5, 6), "raw HTML"),
    "heading": ("## More sources\n" + MEDPIX + "\n", 4, (5, 5), "a paragraph"),
    "list-item": ("\n- " + MEDPIX + "\n" + EVIL + "\n", 4, (5, 6), "a list"),
    "rows-then-table": ("\n" + MEDPIX + "\n" + EVIL + "\n" + DELIMITER + "\n" + MEDPIX + "\n", 4, (5, 8), "a paragraph"),
    "rows-then-list-item": ("\n" + MEDPIX + "\n- " + EVIL + "\n", 4, (5, 6), "a paragraph"),
    "html-line-then-gap": ("<br>\n\n" + MEDPIX + "\n", 4, (6, 6), "a paragraph"),
}


@pytest.mark.parametrize("after", CUT.values(), ids=CUT.keys())
def test_rows_after_the_table_end_are_an_error_and_export_fails(tmp_path, after):
    text, line, (first, last), rendered = after
    path = write(tmp_path, table(GOOD) + text)
    ends = findings(path, "CAT008")
    assert [d["location"]["row"] for d in ends] == [line]
    lines = f"line {first} looks like a row" if first == last else f"lines {first}\u2013{last} look like rows"
    assert f"{lines} of it but render{'s' if first == last else ''} as {rendered}" in ends[0]["message"]
    cut = f"line {first} is" if first == last else f"lines {first}\u2013{last} are"
    assert_export_fails(path, 1, f"catalogue.md:{first}:1: {cut} cut off the table at line {line}, not exported")


def test_a_table_in_a_block_quote_is_followed_inside_the_quote(tmp_path):
    quoted = "".join("> " + line + "\n" for line in table(GOOD).splitlines())
    path = write(tmp_path, quoted + ">\n> " + MEDPIX + "\n> " + EVIL + "\n")
    ends = findings(path, "CAT008")
    assert [d["location"]["row"] for d in ends] == [4]
    assert "lines 5\u20136 look like rows of it but render as a paragraph" in ends[0]["message"]
    assert_export_fails(path, 1, "lines 5\u20136 are cut off the table at line 4")


def test_rows_that_leave_the_quote_of_their_table_are_found(tmp_path):
    quoted = "".join("> " + line + "\n" for line in table(GOOD).splitlines())
    path = write(tmp_path, quoted + "\n" + MEDPIX + "\n")
    ends = findings(path, "CAT008")
    assert [d["location"]["row"] for d in ends] == [4] and "line 5 looks like a row" in ends[0]["message"]


NOT_CUT = {
    "prose": "\nA paragraph after the table.\n" + MEDPIX + "\n",
    "commented-out-rows": "\n<!--\n" + MEDPIX + "\n" + EVIL + "\n-->\n",
    "narrower-table": "\n| Year | Count |\n|---|---|\n| 2024 | 3 |\n",
    "heading-then-gap-then-table": "## Other things\n\n" + header_of(["a", "b", "c", "d", "e", "f", "g", "h"]) + MEDPIX + "\n",
    "table-under-a-heading": "\n## Other things\n\n" + header_of(["a", "b", "c", "d", "e", "f", "g", "h"]) + MEDPIX + "\n",
    "note-then-prose": "\n\u00b9 Amount of MRI slices\n",
    "fenced-example": "\n```\n" + MEDPIX + "\n```\n",
}


@pytest.mark.parametrize("after", NOT_CUT.values(), ids=NOT_CUT.keys())
def test_what_follows_a_whole_table_is_not_a_cut(tmp_path, after):
    path = write(tmp_path, table(GOOD) + after)
    status, diagnostics = run_json("check", path)
    assert not [d for d in diagnostics if d["code"] in ("CAT007", "CAT008")], diagnostics


def test_a_second_catalogue_table_is_reported_once_as_cat007_not_as_a_cut(tmp_path):
    path = write(tmp_path, table(GOOD) + "\n" + table(MEDPIX))
    status, diagnostics = run_json("check", path)
    assert status == 1 and [d["code"] for d in diagnostics if d["code"] in ("CAT007", "CAT008")] == ["CAT007"]


# --- CAT007: a second table whose header only reads as the catalogue's ----------------------------


LOOKALIKE_HEADERS = {
    "cyrillic": [name.translate(CYRILLIC) for name in NAMES],
    "soft-hyphen": [name[:2] + "&shy;" + name[2:] for name in NAMES],
    "zero-width-space": [name[:2] + "&#x200B;" + name[2:] for name in NAMES],
    "bold-fullwidth": ["**" + chr(ord(name[0]) + 0xFEE0) + name[1:] + "**" for name in NAMES],  # **Ｓource**
}


@pytest.mark.parametrize("names", LOOKALIKE_HEADERS.values(), ids=LOOKALIKE_HEADERS.keys())
def test_a_second_table_with_a_lookalike_header_is_a_catalogue_table(tmp_path, names):
    assert all(name not in NAMES for name in names)
    path = write(tmp_path, table(GOOD) + "\n" + table(EVIL, header=header_of(names)))
    extra = findings(path, "CAT007")
    assert [d["location"]["row"] for d in extra] == [5]
    assert "look-alike or invisible characters" in extra[0]["message"]
    assert_export_fails(path, 1, "catalogue.md:5:1: a second catalogue table (1 row), not exported")


def test_a_lookalike_decoy_above_the_catalogue_is_reported(tmp_path):
    decoy = header_of([name.translate(CYRILLIC) for name in NAMES])
    path = write(tmp_path, table(EVIL, header=decoy) + "\n" + table(GOOD))
    extra = findings(path, "CAT007")
    assert [d["location"]["row"] for d in extra] == [1] and "reads only the table on line 5" in extra[0]["message"]
    assert_export_fails(path, 1, "catalogue.md:1:1: a second catalogue table (1 row), not exported")


def test_a_second_table_in_other_words_is_not_a_catalogue_table(tmp_path):
    other = header_of(["\u0418\u0441\u0442\u043e\u0447\u043d\u0438\u043a", "\u0422\u0438\u043f", "Year", "Count"])
    path = write(tmp_path, table(GOOD) + "\n" + other.replace(DELIMITER, "|---|---|---|---|") + "| a | b | 1 | 2 |\n")
    status, diagnostics = run_json("check", path)
    assert status == 0, diagnostics


def test_header_keys_read_as_a_reader_sees():
    source = header_keys("Source")
    assert source & header_keys("Sour\u0441e") and source & header_keys("SOU\u00adRCE") and source & header_keys("\uff33ource")
    assert not source & header_keys("Sources") and not header_keys("Images") & header_keys("Patients")
