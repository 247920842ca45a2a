"""Cross-field and whole-table rules (CAT303-CAT309): one failing and one passing example each, through the CLI."""

import pytest

from conftest import run_catlint, run_json, table
from test_consistency import cell_start, row

ADNI = "Alzheimer's Disease Neuroimaging Initiative (ADNI)"
CASES = {
    "CAT303": (
        [row("OASIS", images="186", patients="373")],
        [row("OASIS", images="373", patients="186"), row("Other", images="250+", patients="300"), row("Third", images="78", patients="X")],
        (0, 3, "186 images for 373 patients: fewer images than patients (columns swapped?)"),
    ),
    "CAT304": (
        [row("SCMR Consensus Data", "MR", "All", images="193\u00b2"), "", "\u00b9 Amount of MRI slices"],
        [row("SCMR Consensus Data", "MR", "All", images="193\u00b9"), "", "\u00b9 Amount of MRI slices"],
        (0, None, "footnote marker '\u00b2' has no note under the table (defined: \u00b9)"),
    ),
    "CAT305": (
        [row("SCMR Consensus Data", "MR", "All", images="193"), "", "\u00b9 Amount of MRI slices"],
        [row("SCMR Consensus Data", "MR", "All", images="193\u00b9"), "", "\u00b9 Amount of MRI slices"],
        (2, 1, "footnote '\u00b9' (Amount of MRI slices) is not used by any cell"),
    ),
    "CAT306": (
        [row(ADNI), row("ADNI")],
        [row(ADNI), row("ADNI 2 (ADNI2)"), row("SCMR Consensus Data"), row("SCMR Atlas")],
        (1, 0, f"duplicate source: {ADNI!r} (line 3) has the same acronym ADNI"),
    ),
    "CAT307": (
        [row("Digital Retinal Images for Vessel Extraction (DRVIE)")],
        [row(name) for name in (
            "Autism Brain Imaging Data Exchange (ABIDE)", "Japanese Society of Radiological Technology Database (JSRT)",
            "Sunnybrook Cardiac Data(SCD)", "The Cancer Imaging Archive (TCIA)", ADNI,
            "Digital Database for Screening Mammography (DDSM)", "Digital Retinal Images for Vessel Extraction (DRIVE)",
            "Initiative for Collaborative Computer Vision Benchmarking (Prostate)", "Multi-Ethnic Study of Atherosclerosis (MESA)",
            "Brain Tumor Segmentation (BraTS)", "Curated Breast Imaging Subset of DDSM (CBIS-DDSM)", "Lung Nodule Analysis 2016 (LUNA16)")],
        (0, 0, "acronym 'DRVIE' does not match the initials of 'Digital Retinal Images for Vessel Extraction'"),
    ),
    "CAT308": (
        [row("OASIS"), row("MedPix"), row("Montgomery")],
        [row("MedPix"), row("Montgomery"), row("OASIS")],
        (1, 0, "rows are not sorted by source: 'MedPix' belongs before 'OASIS' (line 3)"),
    ),
    "CAT309": (
        [row("CHD Atlas", link="http://www.cardiacatlas.org/studies/chd-atlas/"), row("DETERMINE", link="https://cardiacatlas.org/studies/chd-atlas")],
        [row("CHD Atlas", link="http://www.cardiacatlas.org/studies/chd-atlas/"), row("DETERMINE", link="http://www.cardiacatlas.org/studies/determine/")],
        (1, 7, "same link as 'CHD Atlas' (line 3); fine if both data sets share this page"),
    ),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fails_and_passes(tmp_path, code):
    failing, passing, (index, cell, message) = CASES[code]
    path = tmp_path / "catalogue.md"
    path.write_text(table(*passing), encoding="utf-8")
    assert run_json("check", path, "--select", code) == (0, [])
    path.write_text(table(*failing), encoding="utf-8")
    _, diagnostics = run_json("check", path, "--select", code)
    assert [d["message"] for d in diagnostics] == [message]
    line_number = index + 3  # after the header and delimiter rows
    line = path.read_text(encoding="utf-8").split("\n")[line_number - 1]
    assert diagnostics[0]["location"]["row"] == line_number
    if cell is not None:
        column = cell if code == "CAT305" else cell_start(line, cell)
        assert diagnostics[0]["location"]["column"] == column
    else:
        assert line[diagnostics[0]["location"]["column"] - 1] == "\u00b2"


def test_duplicate_names_ignore_case_and_spaces(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(table(row("Montgomery County X-ray Set"), row("montgomery  county x-ray set")), encoding="utf-8")
    _, diagnostics = run_json("check", path, "--select", "CAT306")
    assert [d["message"] for d in diagnostics] == ["duplicate source: 'montgomery county x-ray set' is already listed on line 3"]


def test_fix_sorts_whole_rows_and_keeps_line_endings(tmp_path):
    path = tmp_path / "catalogue.md"
    rows = [row("OASIS", images="373"), row("medpix", images="53,000+"), row("Montgomery", images="138"), row("Belarus")]
    path.write_bytes(table(*rows).replace("\n", "\r\n").encode("utf-8") + b"\r\nAfter the table.\r\n")
    result = run_catlint("fix", path)
    assert result.returncode == 0 and "fixed 1 problem" in result.stdout, result.stdout + result.stderr
    text = path.read_bytes().decode("utf-8")
    assert text == table(rows[3], rows[1], rows[2], rows[0]).replace("\n", "\r\n") + "\r\nAfter the table.\r\n"
    assert run_json("check", path) == (0, [])


def test_duplicate_links_compare_hosts_as_a_browser_looks_them_up(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(table(row("Foo Data", link="https://www.cardiacatlas.org/studies/foo/"), row("Goo Data", link="https://www.cardiacatlas.org./studies/foo"),
                          row("Hoo Data", link="https://www.\uff43ardiacatlas\u3002org/studies/foo")), encoding="utf-8")
    code, diagnostics = run_json("check", path, "--select", "CAT309")
    assert code == 0 and [(d["location"]["row"], d["message"]) for d in diagnostics] == [
        (4, "same link as 'Foo Data' (line 3); fine if both data sets share this page"),
        (5, "same link as 'Foo Data' (line 3); fine if both data sets share this page")]
