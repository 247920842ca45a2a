"""The fix engine in process: lossless proof, convergence, overlapping edits, atomic writes."""

import os

import pytest

from catlint import fixer, writer
from catlint.config import Config
from catlint.diagnostics import Edit, Position
from catlint.document import parse_document
from catlint.errors import CatlintError
from catlint.schema import load_schema
from catlint.source import decode
from conftest import GOOD_ROW, SEED, table


def document_of(text: str, config=Config()):
    return parse_document(decode("catalogue.md", text.encode("utf-8")), load_schema(), config=config)


def test_a_fix_that_would_change_a_value_is_refused():
    before = document_of(table(GOOD_ROW))
    after = document_of(table(GOOD_ROW.replace("| 373 |", "| 374 |")))
    with pytest.raises(CatlintError, match="would change the table's values; nothing written"):
        fixer._prove_lossless(before, after, [])


def test_moving_rows_and_respelling_values_is_lossless():
    other = GOOD_ROW.replace("OASIS", "ABIDE").replace("| 373 |", "| 2620 |")
    before = document_of(table(GOOD_ROW, other))
    after = document_of(table(other.replace("2620", "2,620"), GOOD_ROW))
    fixer._prove_lossless(before, after, [])


def test_fixes_that_never_settle_are_reported(monkeypatch):
    monkeypatch.setattr(fixer, "MAX_ROUNDS", 1)
    document = document_of(table("|A|MRI|Brain|2620|1|Open|MIT licence|https://a.example.org|"))
    result = fixer.fix_document(document, Config())
    assert not result.converged


def test_overlapping_edits_are_resolved_by_position_and_smaller_first():
    document = document_of(table("| A | MRI | Brain | 2620 | 1 | Open | MIT licence | https://a.example.org |"))
    result = fixer.fix_document(document, Config())
    assert result.converged
    assert "| A | MR | Brain | 2,620 | 1 |" in result.text


def test_edits_outside_the_table_are_refused():
    document = document_of("Intro\n\n" + table(GOOD_ROW))
    with pytest.raises(CatlintError, match="outside the table"):
        fixer.apply_edits(document.text, document, [Edit(Position(1, 1), Position(1, 2), "X")])


def test_interrupted_replace_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "catalogue.md"
    target.write_bytes(SEED.read_bytes())

    def failing_replace(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(CatlintError, match="No space left on device; left unchanged"):
        writer.write_atomically(str(target), b"new content")
    assert target.read_bytes() == SEED.read_bytes()
    assert [path.name for path in tmp_path.iterdir()] == ["catalogue.md"], "no temporary file is left behind"


def test_atomic_write_replaces_content(tmp_path):
    target = tmp_path / "out.md"
    writer.write_atomically(str(target), b"one")
    writer.write_atomically(str(target), b"two")
    assert target.read_bytes() == b"two"
