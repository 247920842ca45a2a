"""Footnote definitions through the CLI: catlint checks the definition GitHub shows.

cmark-gfm registers a footnote definition when its block closes (one nested
in another closes first), keeps the first registered for a label and drops
the others with all they hold, and counts every `[^label]` reference in the
document, even one inside a definition it drops. These documents once passed
with "All checks passed" while GitHub showed a user-info link, an event
handler and a second catalogue table from such a definition.
"""

from __future__ import annotations

import json

import pytest

from conftest import GOOD_ROW, HEADER, codes_at, run_catlint, run_json, table, write_markdown

LURE = "[MedPix](https://good.org@evil.example) <img src=x onerror=alert(1)>"
SECOND = "| Evil | MR | Heart | 5 | 9 | Open | x | [x](javascript:alert(1)) |"
COUNTED = GOOD_ROW.replace("| 373 |", "| 373[^1] |")


write = write_markdown


def indented(text: str, spaces: int) -> str:
    return "".join(" " * spaces + line for line in text.splitlines(keepends=True))


def test_a_reference_in_a_dropped_definition_shows_the_first_one(tmp_path):
    path = write(tmp_path, table(GOOD_ROW) + f"[^m]: {LURE}\n\n[^m]: [^m]\n")
    code, diagnostics = run_json("check", path)
    assert code == 1 and {"CAT404", "CAT406"} <= codes_at(diagnostics, 4)


def test_a_nested_definition_of_the_label_is_the_one_shown(tmp_path):
    path = write(tmp_path, table(GOOD_ROW) + f"\nSee[^m].\n\n[^m]: Mirrors:\n    [^m]: {LURE}\n")
    code, diagnostics = run_json("check", path)
    assert code == 1 and {"CAT404", "CAT406"} <= codes_at(diagnostics, 8)


def test_a_definition_github_drops_is_not_checked(tmp_path):
    """The other side of the same rule: the later definition of a label is never shown."""
    path = write(tmp_path, table(GOOD_ROW) + f"\nSee[^m].\n\n[^m]: Mirrors are listed yearly.\n\n[^m]: {LURE}\n")
    code, diagnostics = run_json("check", path)
    assert (code, diagnostics) == (0, [])


@pytest.mark.parametrize("layout", ["dropped-refers", "nested"])
def test_a_catalogue_table_in_a_shown_definition_is_a_second_catalogue(tmp_path, layout):
    inner = indented(HEADER + SECOND + "\n", 4)
    if layout == "dropped-refers":
        text, second = table(GOOD_ROW) + f"\n[^m]: Mirror: {LURE}\n\n{inner}\n[^m]: [^m]\n", 7
    else:
        text, second = table(GOOD_ROW) + f"\nSee[^m].\n\n[^m]: Mirrors:\n    [^m]: {LURE}\n\n" + indented(inner, 4), 10
    path = write(tmp_path, text)
    code, diagnostics = run_json("check", path)
    assert code == 1 and "CAT007" in codes_at(diagnostics, second)
    assert "CAT402" in codes_at(diagnostics, second + 2)
    exported = run_catlint("export", path)
    assert exported.returncode == 1 and len(json.loads(exported.stdout)) == 1
    assert f"catalogue.md:{second}:1: a second catalogue table (1 row), not exported" in exported.stderr


@pytest.mark.parametrize("definitions", [
    "[^1]: Amount of MRI slices.\n[^1]: Number of patients.\n",
    "[^1]: Number of patients.\n    [^1]: Amount of MRI slices.\n",
], ids=["first", "nested"])
def test_a_count_note_is_the_definition_github_shows(tmp_path, definitions):
    path = write(tmp_path, table(COUNTED) + "\n" + definitions)
    exported = run_catlint("export", path)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)[0]["images"] == {"value": 373, "bound": "exact", "note": "Amount of MRI slices."}
    assert run_json("check", path) == (0, [])
