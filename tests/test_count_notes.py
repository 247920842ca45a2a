"""Notes for counts: several footnotes in one table, both marker styles (superscripts under the
table and GFM's [^label] with its definition), each exported with its count, repaired and checked
like the seed's ¹ (CAT201, CAT002, CAT304, CAT305, the security rules); through the CLI."""

import json

from conftest import run_catlint

CLEAN = """\
| Source | Data Types | Body Parts | Images | Patients | Availability | Licence | Link |
|---|---|---|---|---|---|---|---|
| Alpha Set | MR | Brain | 193¹ | 15² | Open | MIT licence | https://alpha.example.org |
| Beta Set | CT | Lungs | 1,200[^scan] | 40+ | Open | MIT licence | https://beta.example.org |

¹ Amount of MRI slices
² Patients with follow-up scans

[^scan]: Counted from the [2019 paper](https://beta.example.org/paper)
"""
NOTES = {("Alpha Set", "images"): "Amount of MRI slices", ("Alpha Set", "patients"): "Patients with follow-up scans",
         ("Beta Set", "images"): "Counted from the 2019 paper", ("Beta Set", "patients"): None}


def garbled(text: str) -> str:
    """UTF-8 read as the Thai code page cp874, as the seed's ¹ was."""
    return text.encode("utf-8").decode("cp874")


def exported(path) -> list[dict]:
    result = run_catlint("export", path, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_each_count_is_exported_with_its_own_note(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(CLEAN, encoding="utf-8")
    assert run_catlint("check", path).returncode == 0
    records = exported(path)
    for record in records:
        for field in ("images", "patients"):
            assert record[field].get("note") == NOTES[record["source"], field], (record["source"], field)
    assert [record["images"]["value"] for record in records] == [193, 1200]


def test_garbled_markers_and_glued_notes_are_repaired_and_round_trip(tmp_path):
    damaged = (CLEAN.replace("193¹", "193" + garbled("¹")).replace("15²", "15" + garbled("²"))
               .replace("|\n\n¹ Amount", "|\n" + garbled("¹") + " Amount").replace("² Patients", garbled("²") + " Patients"))
    path = tmp_path / "catalogue.md"
    path.write_text(damaged, encoding="utf-8")
    checked = run_catlint("check", "--output-format", "json", path)
    codes = sorted({(d["code"], d["location"]["row"]) for d in json.loads(checked.stdout)})
    assert ("CAT002", 5) in codes and {row for code, row in codes if code == "CAT201"} == {3, 5, 6}
    assert run_catlint("fix", path).returncode == 0
    assert path.read_text(encoding="utf-8") == CLEAN, "every marker and note repaired, the blank line restored"
    clean = tmp_path / "clean.md"
    clean.write_text(CLEAN, encoding="utf-8")
    assert exported(path) == exported(clean)
    assert run_catlint("fix", "--diff", path).stdout == "", "a second fix changes nothing"


def test_markers_without_notes_and_notes_without_markers_are_reported(tmp_path):
    text = CLEAN.replace("| 40+ |", "| 40+³ |") + "\n[^orphan]: Nobody refers to this note\n"
    path = tmp_path / "catalogue.md"
    path.write_text(text, encoding="utf-8")
    found = {(d["code"], d["location"]["row"]) for d in json.loads(run_catlint("check", "--output-format", "json", path).stdout)}
    assert found == {("CAT304", 4), ("CAT305", 11)}
    records = exported(path)
    assert "note" not in records[1]["patients"], "a marker without a note exports no note"


def test_a_note_is_checked_by_the_security_rules(tmp_path):
    text = CLEAN.replace("(https://beta.example.org/paper)", "(javascript:alert(1))")
    path = tmp_path / "catalogue.md"
    path.write_text(text, encoding="utf-8")
    result = run_catlint("check", "--output-format", "json", path)
    assert [(d["code"], d["location"]["row"]) for d in json.loads(result.stdout)] == [("CAT402", 9)]
    assert exported(path)[1]["images"]["note"] == "Counted from the 2019 paper", "the note exports as a reader sees it"


def test_notes_under_a_heading_or_after_prose_are_the_tables_notes(tmp_path):
    """Notes are read wherever they stand under the table, up to the next table."""
    moved = CLEAN.replace("|\n\n¹ Amount", "|\n\n## Notes\n\nCounts as of 2024.\n\n¹ Amount")
    path, clean = tmp_path / "catalogue.md", tmp_path / "clean.md"
    path.write_text(moved, encoding="utf-8")
    clean.write_text(CLEAN, encoding="utf-8")
    assert run_catlint("check", path).returncode == 0
    assert [dict(r, line=0) for r in exported(path)] == [dict(r, line=0) for r in exported(clean)]
    path.write_text(moved.replace("193¹", "193" + garbled("¹")).replace("¹ Amount", garbled("¹") + " Amount"), encoding="utf-8")
    assert run_catlint("fix", path).returncode == 0
    assert path.read_text(encoding="utf-8") == moved, "the garbled marker is repaired in the cell and the note alike"


def test_notes_under_another_table_are_not_the_catalogues(tmp_path):
    text = CLEAN.replace("|\n\n¹ Amount", "|\n\n| Term | Meaning |\n|---|---|\n| MR | Magnetic resonance |\n\n¹ Amount")
    path = tmp_path / "catalogue.md"
    path.write_text(text, encoding="utf-8")
    found = {(d["code"], d["location"]["row"]) for d in json.loads(run_catlint("check", "--output-format", "json", path).stdout)}
    assert found == {("CAT304", 3)}
