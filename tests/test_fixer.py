"""The fix engine in process: lossless proof, convergence, overlapping edits, atomic writes."""

import os

import pytest

from catlint.engine import fixer

from catlint import files as writer
from catlint.engine.config import Config
from catlint.diagnostics import Edit, Position
from catlint.reading.catalogue import read_catalogue
from catlint.errors import CatlintError
from catlint.reading.schema import load_schema
from catlint.reading.source import decode
from conftest import GOOD_ROW, SEED, table


def document_of(text: str, config=Config()):
    return read_catalogue(decode("catalogue.md", text.encode("utf-8")), load_schema())


def test_values_are_compared_without_order_and_spelling():
    other = GOOD_ROW.replace("OASIS", "ABIDE").replace("| 373 |", "| 2620 |")
    before = document_of(table(GOOD_ROW, other))
    assert fixer._record_values(before) == fixer._record_values(document_of(table(other.replace("2620", "2,620"), GOOD_ROW)))
    assert fixer._record_values(before) != fixer._record_values(document_of(table(GOOD_ROW.replace("| 373 |", "| 374 |"), other)))


# Found by tests/test_fuzz.py: the blank line CAT002 inserts before glued footnotes turns a later
# line that was not read as a note into one, and a count's note (an exported value) appears.
# CAT002 now withholds that fix up front (a row follows the footnote); the refusal path for a
# fix that still changes a value is tested with a faulty rule below.
GLUED_FOOTNOTES = table("| 0 | XR | All | 0 | 0\u00b2 | Open | 0 | https://a.example.org |", "00000000000000") + (
    "\u00b9 Number of MRI slices\n\u00b2 Second note|")


def test_a_blank_line_that_would_change_a_value_is_not_offered_and_the_others_are_applied():
    text = GLUED_FOOTNOTES.replace("| XR |", "| xray |")
    result = fixer.fix_document(document_of(text), Config())
    assert result.converged and result.text == text.replace("| xray |", "| XR |"), "the list fix is applied"
    refused = [d for d in result.remaining if d.code == "CAT002"]
    assert len(refused) == 1 and refused[0].fix is None, "the refused fix is reported without a fix"
    assert fixer.fix_document(document_of(result.text), Config()).text == result.text


def test_a_rule_whose_safe_fix_changes_a_value_is_refused_and_named(tmp_path, monkeypatch, capsys):
    """A faulty rule (injected here) offers a 'safe' fix that changes a count: fix refuses it, says
    so on stderr, and still applies the other fixes."""
    from catlint.commands import cli
    from catlint.engine import check
    from catlint.rules._support.findings import at_span, cell_span, replace as replace_fix

    def faulty(context):
        column = context.catalogue.fields["images"]
        for row in context.catalogue.rows():
            span = cell_span(context.catalogue.body.cell(row, column.index))
            yield at_span(span, "faulty", replace_fix(span, "374", "change the count"))

    real = check.all_rules()
    monkeypatch.setattr(check, "all_rules", lambda: tuple(rule._replace(check=faulty) if rule.code == "CAT202" else rule for rule in real))
    path = tmp_path / "catalogue.md"
    path.write_text(table(GOOD_ROW.replace("| MR |", "| MRI |")), encoding="utf-8")
    assert cli.main(["fix", str(path)]) == 1
    assert "CAT202 fix left unapplied: it would change a value" in capsys.readouterr().err
    written = path.read_text(encoding="utf-8")
    assert "| MR |" in written and "| 373 |" in written


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
