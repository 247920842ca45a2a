import csv
import io
import json

import jsonschema

from catlint.reading.schema import data_dir, load_schema
from conftest import ROOT, SEED, run_catlint, run_catlint_process

RECORD_SCHEMA = json.loads((ROOT / "schema" / "catalogue.schema.json").read_text(encoding="utf-8"))


def test_export_of_the_project_catalogue_validates_and_has_every_row():
    result = run_catlint("export", "catalogue.md", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) == 19
    for record in records:
        jsonschema.Draft202012Validator(RECORD_SCHEMA).validate(record)
    medpix = next(r for r in records if r["source"] == "MedPix")
    assert medpix["data_types"] == ["XR", "CT", "MR", "US", "PE"]
    assert medpix["images"] == {"value": 53000, "bound": "lower"}
    scmr = next(r for r in records if r["source"] == "SCMR Consensus Data")
    assert scmr["images"] == {"value": 193, "bound": "exact", "note": "Amount of MRI slices"}


def test_export_of_the_seed_writes_only_valid_records_and_names_the_rest():
    result = run_catlint_process("export", SEED)
    assert result.returncode == 1
    records = json.loads(result.stdout)
    assert len(records) == 17
    for record in records:
        jsonschema.Draft202012Validator(RECORD_SCHEMA).validate(record)
    assert ":42:1: row left out of the export: invalid link" in result.stderr
    assert ":54:1: row left out of the export: invalid images" in result.stderr


def test_export_formats_agree(tmp_path):
    as_json = json.loads(run_catlint("export", "catalogue.md", cwd=ROOT).stdout)
    out = tmp_path / "rows.jsonl"
    assert run_catlint("export", "catalogue.md", "--format", "jsonl", "--output", out, cwd=ROOT).returncode == 0
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == as_json
    rows = list(csv.DictReader(io.StringIO(run_catlint("export", "catalogue.md", "--format", "csv", cwd=ROOT).stdout)))
    assert [row["source"] for row in rows] == [r["source"] for r in as_json]
    scmr = next(row for row in rows if row["source"] == "SCMR Consensus Data")
    assert (scmr["images"], scmr["images_bound"], scmr["images_note"]) == ("193", "exact", "Amount of MRI slices")


def test_packaged_schema_is_the_top_level_schema():
    packaged = data_dir() / "catalogue.schema.json"
    assert packaged.read_bytes() == (ROOT / "schema" / "catalogue.schema.json").read_bytes()
    import catlint

    if "site-packages" in catlint.__file__:
        assert "site-packages" in str(packaged), "the installed package must carry its own copy of the schema"


def test_schema_is_a_valid_draft_2020_12_schema_with_the_vocabularies():
    jsonschema.Draft202012Validator.check_schema(RECORD_SCHEMA)
    schema = load_schema()
    assert schema.vocabulary("data_types") == ["XR", "CT", "MR", "US", "PE", "OP"]
    assert schema.vocabulary("body_parts") == ["All", "Brain", "Breast", "Eye", "Heart", "Lungs", "Prostate"]
    assert schema.column_for_header("Data Focus").field == "body_parts"
    assert schema.column_for_header("LICENSE").field == "licence"


import pytest  # noqa: E402


@pytest.mark.parametrize(
    "edit, fragment",
    [
        (lambda s: s.update(properties=[]), "properties: must be an object"),
        (lambda s: s["properties"]["source"].update({"x-header": 5}), "properties.source: x-header must be a string"),
        (lambda s: s["properties"]["images"].update({"x-kind": "weird"}), "properties.images.x-kind: 'weird' is not one of"),
        (lambda s: s["properties"].pop("data_types"), "properties.data_types: catlint needs this column"),
        (lambda s: s["$defs"].pop("count"), "$defs.count: is missing"),
    ],
)
def test_a_broken_schema_is_a_clean_exit_2_naming_the_key(tmp_path, edit, fragment):
    schema = json.loads((ROOT / "schema" / "catalogue.schema.json").read_text(encoding="utf-8"))
    edit(schema)
    (tmp_path / "broken.json").write_text(json.dumps(schema), encoding="utf-8")
    (tmp_path / "catlint.toml").write_text('schema = "broken.json"\n')
    (tmp_path / "catalogue.md").write_bytes((ROOT / "catalogue.md").read_bytes())
    result = run_catlint("check", "catalogue.md", cwd=tmp_path)
    assert result.returncode == 2 and fragment in result.stderr and len(result.stderr.splitlines()) == 1, result.stderr
