"""The project's catalogue says what its sources' publishers say.

tests/fixtures/catalogue-corrections.md is a copy of the project's evidence file (issue 14): each
row names a catalogue row, a field, the correct value in words, and where that was checked. Below,
each evidence row is read as the exported values it means, quoting the words it rests on; the test
fails when an evidence row has no reading, when a reading quotes words the evidence does not say,
or when `catlint export catalogue.md` disagrees with a reading.
"""

import json

import pytest

from conftest import FIXTURES, ROOT, run_catlint

EVIDENCE = (FIXTURES / "catalogue-corrections.md").read_text(encoding="utf-8")

DDSM = "Digital Database for Screening Mammography (DDSM)"
DRIVE = "Digital Retinal Images for Vessel Extraction (DRIVE)"
JSRT = "Japanese Society of Radiological Technology Database (JSRT)"
OASIS = "Open Access Series of Imaging Studies (OASIS)"
SUNNYBROOK = "Sunnybrook Cardiac Data (SCD)"
MONTGOMERY = "Montgomery County X-ray Set"
SHENZHEN = "Shenzhen chest X-ray set"


def count(value, bound="exact"):
    return {"value": value, "bound": bound}


# (evidence row, evidence field) -> [(catalogue source, exported field, exported value, words of the evidence it rests on)]
CORRECTIONS = {
    (DDSM, "Body Parts"): [(DDSM, "body_parts", ["Breast"], "Breast (screening mammograms only)")],
    ("SCMR Consensus Data", "Body Parts"): [("SCMR Consensus Data", "body_parts", ["Heart"], "Heart (cardiac cine MR, 15 cases)")],
    (JSRT, "Images"): [(JSRT, "images", count(247), "247 (154 with a lung nodule, 93 without)")],
    ("Autism Brain Imaging Data Exchange (ABIDE)", "Patients"): [
        ("Autism Brain Imaging Data Exchange (ABIDE)", "patients", count(1112), "1,112 (539 with autism, 573 typical controls")],
    (DRIVE, "Images / Patients"): [(DRIVE, "images", count(40), "40 images (20 training, 20 test)"),
                                   (DRIVE, "patients", None, "not the data set: patients X")],
    ("OASIS", "Source"): [(OASIS, "source", OASIS, "Open Access Series of Imaging Studies (OASIS)")],
    ("OASIS", "Patients"): [(OASIS, "patients", count(150), "150 (OASIS-2: 150 subjects")],
    (SUNNYBROOK, "Patients"): [(SUNNYBROOK, "patients", count(45), "| 46 | 45 |")],
    (SUNNYBROOK, "Licence"): [(SUNNYBROOK, "licence", "Public domain (CC0 1.0)", "Public domain (CC0 1.0)")],
    ("The Cancer Imaging Archive (TCIA)", "Licence"): [
        ("The Cancer Imaging Archive (TCIA)", "licence", "CC BY 3.0 for most collections; some add restrictions",
         "CC BY 3.0 for most collections; some collections add restrictions")],
    (f"{MONTGOMERY}, {SHENZHEN}", "Licence"): [
        (source, "licence", "Not stated; cite on use", "no licence is stated by the publisher (NLM asks for citation only)")
        for source in (MONTGOMERY, SHENZHEN)],
    ("Initiative for Collaborative Computer Vision Benchmarking (Prostate)", "Licence"): [
        ("Initiative for Collaborative Computer Vision Benchmarking (Prostate)", "licence", "Not stated; MIT covers the code only",
         "MIT covers the project's code repository only; no data licence is stated")],
    ("Sunnybrook Cardiac Data(SCD)", "Source"): [(SUNNYBROOK, "source", SUNNYBROOK, "| Sunnybrook Cardiac Data (SCD) |")],
}

# The evidence file's closing paragraph: values that were checked and are right.
CONFIRMED = [
    (JSRT, "data_types", ["XR"], "JSRT data types XR"),
    (MONTGOMERY, "data_types", ["XR"], "Montgomery and Shenzhen XR"),
    (SHENZHEN, "data_types", ["XR"], "Montgomery and Shenzhen XR"),
    (DRIVE, "data_types", ["OP"], "DRIVE OP / Eye"),
    (DRIVE, "body_parts", ["Eye"], "DRIVE OP / Eye"),
    ("MedPix", "images", count(53000, "lower"), "53,000+ images"),
    ("MedPix", "patients", count(13000, "lower"), "13,000+\ncases"),
    ("MESA", "patients", count(6500, "lower"), "MESA 6,500+ participants"),
    (MONTGOMERY, "images", count(138), "Montgomery 138"),
    (SHENZHEN, "images", count(662), "Shenzhen 662 images"),
]

READINGS = [reading for readings in CORRECTIONS.values() for reading in readings] + CONFIRMED


def evidence_rows() -> list[dict]:
    """The evidence table's rows as dicts keyed by its header."""
    lines = [line for line in EVIDENCE.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [dict(zip(header, (cell.strip() for cell in line.strip("|").split("|")))) for line in lines[2:]]


@pytest.fixture(scope="module")
def exported() -> dict:
    result = run_catlint("export", "catalogue.md", cwd=ROOT)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return {record["source"]: record for record in json.loads(result.stdout)}


def test_every_evidence_row_is_read_and_every_reading_quotes_the_evidence():
    rows = evidence_rows()
    assert len(rows) == 13 and {row["Conf."] for row in rows} == {"H", "M"}
    assert {(row["Row (Source)"], row["Field"]) for row in rows} == set(CORRECTIONS)
    by_key = {(row["Row (Source)"], row["Field"]): " | ".join(row.values()) for row in rows}
    for key, readings in CORRECTIONS.items():
        for *_, words in readings:
            assert words in f"| {by_key[key]} |", (key, words)
    confirmed = EVIDENCE.split("Values that were checked and are right:", 1)[1]
    for *_, words in CONFIRMED:
        assert words in confirmed, words


def test_export_gives_19_records(exported):
    assert len(exported) == 19


@pytest.mark.parametrize("source, field, value, words", READINGS, ids=[f"{source}-{field}" for source, field, *_ in READINGS])
def test_exported_values_match_the_evidence(exported, source, field, value, words):
    assert source in exported, sorted(exported)
    assert exported[source][field] == value


def test_no_licence_the_publishers_do_not_state(exported):
    # The evidence finds no publisher stating an MIT licence for any data set in the catalogue.
    assert not [source for source, record in exported.items() if record["licence"] == "MIT licence"]
