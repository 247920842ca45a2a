"""Values against the row's own evidence (CAT301, CAT302): the seed's known errors, no false alarms,
suggested values applied only with --unsafe-fixes, and the knowledge file as validated data."""

import json

import pytest

from conftest import ROOT, run_catlint, run_json, table

KNOWLEDGE = ROOT / "schema" / "knowledge.json"
PACKAGED = json.loads(KNOWLEDGE.read_text(encoding="utf-8"))


def cell_start(line: str, index: int) -> int:
    """1-based column of the first character of the index-th cell (0: the source) of a table line."""
    pipes = [position for position, char in enumerate(line) if char == "|"]
    start = pipes[index] + 1
    while line[start] == " ":
        start += 1
    return start + 1


def row(source, types="MR", parts="Brain", images="X", patients="X", link=None):
    link = link or "https://example.org/" + "-".join(source.lower().split())
    return f"| {source} | {types} | {parts} | {images} | {patients} | Open | CC BY 4.0 | {link} |"


def lines_of(path):
    return path.read_text(encoding="utf-8").split("\n")


def test_seed_montgomery_shenzhen_and_drive_are_flagged_at_their_cells_citing_the_name(seed_copy):
    code, diagnostics = run_json("check", seed_copy)
    lines = lines_of(seed_copy)
    found = {(d["location"]["row"], d["location"]["column"]): d for d in diagnostics if d["code"] == "CAT301"}

    def expect(source, cell, value, message):
        number = next(index for index, line in enumerate(lines, 1) if line.startswith(f"| {source}"))
        column = cell_start(lines[number - 1], cell)
        assert lines[number - 1][column - 1 : column - 1 + len(value)] == value
        diagnostic = found.pop((number, column))
        assert diagnostic["message"] == message and diagnostic["severity"] == "error"
        assert diagnostic["end_location"] == {"row": number, "column": column + len(value)}
        return diagnostic

    montgomery = expect("Montgomery County X-ray Set", 1, "MR", 'data types MR contradict the name ("X-ray" \u2192 XR)')
    expect("Shenzhen chest X-ray set", 1, "CT", 'data types CT contradict the name ("X-ray" \u2192 XR)')
    expect("Digital Retinal Images", 1, "MR", 'data types MR contradict the name ("Retinal" \u2192 OP)')
    expect("Digital Retinal Images", 2, "Heart", 'body parts Heart contradict the name ("Retinal" \u2192 Eye)')
    ddsm = expect("Digital Database for Screening Mammography", 2, "All", 'body parts All contradict the name ("Mammography" \u2192 Breast)')
    assert found == {} and code == 1
    assert montgomery["fix"]["applicability"] == "unsafe" and montgomery["fix"]["edits"][0]["content"] == "XR"
    assert ddsm["fix"]["applicability"] == "unsafe" and ddsm["fix"]["edits"][0]["content"] == "Breast"


def test_seed_weaker_evidence_is_a_warning_and_nothing_else_is_flagged(seed_copy):
    _, diagnostics = run_json("check", seed_copy)
    lines = lines_of(seed_copy)
    flagged = {lines[d["location"]["row"] - 1].split("|")[1].strip(): d for d in diagnostics if d["code"] in ("CAT301", "CAT302")}
    # Multi-purpose archives (MedPix, TCIA, Osirix) and every row whose evidence agrees stay quiet.
    assert set(flagged) == {"Montgomery County X-ray Set", "Shenzhen chest X-ray set",
                            "Digital Retinal Images for Vessel Extraction (DRIVE)",
                            "Digital Database for Screening Mammography (DDSM)",
                            "Japanese Society of Radiological Technology Database (JSRT)", "SCMR Consensus Data"}
    jsrt = flagged["Japanese Society of Radiological Technology Database (JSRT)"]
    assert (jsrt["code"], jsrt["severity"]) == ("CAT302", "warning")
    assert jsrt["message"] == "data types CT contradict the acronym (JSRT \u2192 XR)"
    # SCMR's link and its acronym's expansion both say heart: All is a claim they contradict.
    scmr = flagged["SCMR Consensus Data"]
    assert (scmr["code"], scmr["severity"]) == ("CAT302", "warning")
    assert scmr["message"] == ('body parts All contradict the acronym (SCMR = Society for Cardiovascular Magnetic Resonance: '
                               '"Cardiovascular" \u2192 Heart) and the link (cardiacatlas.org \u2192 Heart)')
    assert lines[scmr["location"]["row"] - 1][scmr["location"]["column"] - 1:][:3] == "All"
    assert scmr["fix"]["applicability"] == "unsafe" and scmr["fix"]["edits"][0]["content"] == "Heart"


@pytest.mark.parametrize(
    "rows, flagged",
    [
        ([row("Chest X-ray Archive", "CT, MR, PE", "Lungs")], False),  # an archive may hold many modalities
        ([row("Chest X-ray Archive", "CT, MR", "Lungs")], True),  # two are not a claim of many
        ([row("Retinal Image Archive", "OP", "All")], False),  # an archive may hold every body part
        ([row("Retinal Image Archive", "OP", "Heart")], True),  # but not a heart instead of eyes
        ([row("Cardiac MRI Collection", "MR", "Heart")], False),  # evidence agrees
        ([row("Chest CT Collection", "CT", "Heart")], False),  # chest: lungs or heart
    ],
)
def test_contradicts_name_passing_and_failing(tmp_path, rows, flagged):
    (tmp_path / "catalogue.md").write_text(table(*rows), encoding="utf-8")
    code, diagnostics = run_json("check", "catalogue.md", "--select", "CAT301", cwd=tmp_path)
    assert (code, bool(diagnostics)) == ((1, True) if flagged else (0, False)), diagnostics


ARCHIVE = "https://www.cancerimagingarchive.net/collection/x/"
ATLAS = "https://www.cardiacatlas.org/studies/x/"


@pytest.mark.parametrize(
    "source, types, parts, link, expected",
    [
        # Specific evidence beats a claim of many: All, or three or more data types.
        ("Digital Database for Screening Mammography (DDSM)", "XR", "All", None, ("CAT301", "body parts", "Breast")),
        ("Retinal Image Set", "OP", "All", None, ("CAT301", "body parts", "Eye")),
        ("Chest CT Collection", "CT", "All", None, ("CAT301", "body parts", None)),  # a small set: no one value
        ("Mammography Set", "CT, MR, US", "Breast", None, ("CAT301", "data types", "XR")),
        ("Fetal Ultrasound Set", "XR, CT, MR, PE", "All", None, ("CAT301", "data types", "US")),
        ("PET/CT Set", "XR, MR, US", "Lungs", None, ("CAT301", "data types", None)),  # lacks both named
        ("AMRG Atlas", "MR", "All", ATLAS, ("CAT302", "body parts", "Heart")),
        ("Cardiac MRI Collection", "MR", "All", ARCHIVE, ("CAT301", "body parts", "Heart")),  # the name outranks the host
        # The claim stands when the evidence is general too, or there is none.
        ("Mammography Set", "XR, CT, MR", "Breast", None, None),  # the list holds the modality
        ("Retinal Teaching File", "OP", "All", None, None),
        ("Osirix DICOM Library", "CT, MR, PE", "All", None, None),
        ("Multimodal X-ray Set", "CT, MR, US", "Lungs", None, None),
        ("Brain, Heart and Lung MRI", "MR", "All", None, None),  # three body parts: min-body-parts
        ("Imaging Archive", "MR", "All", ATLAS, None),  # a general name outranks a specific link
        ("AMRG Atlas", "MR", "All", ARCHIVE, None),
        ("MedPix", "XR, CT, MR, US, PE", "All", "https://medpix.nlm.nih.gov/home", None),
        ("Some Collection", "MR", "All", None, None),  # no evidence at all
    ],
)
def test_specific_evidence_contradicts_a_multi_purpose_claim(tmp_path, source, types, parts, link, expected):
    (tmp_path / "catalogue.md").write_text(table(row(source, types, parts, link=link)), encoding="utf-8")
    code, diagnostics = run_json("check", "catalogue.md", "--select", "CAT301,CAT302", cwd=tmp_path)
    found = [(d["code"], d["message"].split(" ")[0] + " " + d["message"].split(" ")[1], d["fix"] and d["fix"]["edits"][0]["content"])
             for d in diagnostics]
    assert found == ([expected] if expected else []), diagnostics
    assert code == (1 if expected else 0)
    for diagnostic in diagnostics:
        assert diagnostic["fix"] is None or diagnostic["fix"]["applicability"] == "unsafe"


def test_seed_archives_stay_quiet_because_their_evidence_is_general(seed_copy):
    """MedPix, TCIA and OsiriX say All with five or three modalities: their names or links mark them
    as multi-purpose collections, so no specific evidence is there to contradict the claim."""
    from catlint.rules._support.evidence import row_evidence
    from catlint.reading.knowledge import load_knowledge

    lines = lines_of(seed_copy)
    archives = {"MedPix", "The Cancer Imaging Archive (TCIA)", "Osirix DICOM Library"}
    rows = {cells[1].strip(): cells for cells in (line.split("|") for line in lines if line.startswith("| "))}
    for name in archives:
        assert rows[name][3].strip() == "All"
        evidence = row_evidence(name, rows[name][8].strip(), load_knowledge())
        assert any(item.entry.general for item in evidence), name
    _, diagnostics = run_json("check", seed_copy, "--select", "CAT301,CAT302")
    flagged = {lines[d["location"]["row"] - 1].split("|")[1].strip() for d in diagnostics}
    assert flagged and not flagged & archives


@pytest.mark.parametrize(
    "rows, message",
    [
        ([row("AMRG Atlas", "MR", "Brain", link="http://www.cardiacatlas.org/studies/amrg-cardiac-atlas/")],
         "body parts Brain contradict the link (cardiacatlas.org \u2192 Heart)"),
        ([row("OASIS", "MR", "Lungs")], "body parts Lungs contradict the acronym (OASIS \u2192 Brain)"),
        ([row("SCMR Consensus Data", "MR", "Brain")],
         'body parts Brain contradict the acronym (SCMR = Society for Cardiovascular Magnetic Resonance: "Cardiovascular" \u2192 Heart)'),
        ([row("AMRG Atlas", "MR", "Heart", link="http://www.cardiacatlas.org/studies/amrg-cardiac-atlas/")], None),
        # The name outranks the link: a brain name with a heart link is not the link's business.
        ([row("Brain Atlas", "MR", "Brain", link="http://www.cardiacatlas.org/studies/x/")], None),
    ],
)
def test_contradicts_evidence_passing_and_failing(tmp_path, rows, message):
    (tmp_path / "catalogue.md").write_text(table(*rows), encoding="utf-8")
    code, diagnostics = run_json("check", "catalogue.md", "--select", "CAT302", cwd=tmp_path)
    assert [d["message"] for d in diagnostics] == ([message] if message else [])
    assert code == (1 if message else 0)


def test_unsafe_fixes_apply_the_suggested_values_only_when_asked(seed_copy):
    before = lines_of(seed_copy)
    result = run_catlint("fix", seed_copy)
    assert "Traceback" not in result.stderr and result.returncode == 1
    assert any(line.startswith("| Montgomery") and "| MR " in line for line in lines_of(seed_copy))
    result = run_catlint("fix", "--unsafe-fixes", seed_copy)
    assert "Traceback" not in result.stderr, result.stderr
    after = {line.split("|")[1].strip(): line for line in lines_of(seed_copy) if line.startswith("| ")}
    cells = {name: [cell.strip() for cell in line.split("|")[2:4]] for name, line in after.items()}
    assert cells["Montgomery County X-ray Set"] == ["XR", "Lungs"]
    assert cells["Shenzhen chest X-ray set"] == ["XR", "Lungs"]
    assert cells["Digital Retinal Images for Vessel Extraction (DRIVE)"] == ["OP", "Eye"]
    assert cells["Japanese Society of Radiological Technology Database (JSRT)"] == ["XR", "Lungs"]
    assert cells["MedPix"] == ["XR, CT, MR, US, PE", "All"]
    assert cells["The Cancer Imaging Archive (TCIA)"] == ["XR, CT, MR, US, PE", "All"]
    assert cells["Osirix DICOM Library"] == ["CT, MR, PE", "All"]
    assert cells["Digital Database for Screening Mammography (DDSM)"] == ["XR", "Breast"]
    assert cells["SCMR Consensus Data"] == ["MR", "Heart"]
    old_drive = next(line for line in before if line.startswith("| Digital Retinal"))
    assert len(after["Digital Retinal Images for Vessel Extraction (DRIVE)"]) == len(old_drive)  # alignment kept
    _, diagnostics = run_json("check", seed_copy)
    assert not [d for d in diagnostics if d["code"] in ("CAT301", "CAT302")]


def test_suggestions_in_a_compact_table_are_not_padded(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(table(row("Retinal Image Archive", "MR, CT", "Eye")), encoding="utf-8")
    run_catlint("fix", "--unsafe-fixes", path)
    assert "| Retinal Image Archive | OP | Eye |" in path.read_text(encoding="utf-8")


def test_project_catalogue_is_clean_and_its_row_ignore_is_in_use():
    assert run_json("check", "catalogue.md", cwd=ROOT) == (0, [])


def test_no_suggestion_when_the_evidence_allows_several_values(tmp_path):
    (tmp_path / "catalogue.md").write_text(table(row("Chest Collection", "MR", "Brain")), encoding="utf-8")
    _, diagnostics = run_json("check", "catalogue.md", "--select", "CAT301", cwd=tmp_path)
    assert diagnostics[0]["message"] == 'body parts Brain contradict the name ("Chest" \u2192 Lungs, Heart)'
    assert diagnostics[0]["fix"] is None


def knowledge_with(tmp_path, change) -> None:
    data = json.loads(KNOWLEDGE.read_text(encoding="utf-8"))
    change(data)
    (tmp_path / "knowledge.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "catlint.toml").write_text('knowledge = "knowledge.json"\n', encoding="utf-8")


def test_knowledge_is_data_a_new_word_is_a_data_edit(tmp_path):
    (tmp_path / "catalogue.md").write_text(table(row("Sinogram Collection", "MR", "Brain")), encoding="utf-8")
    assert run_json("check", "catalogue.md", "--select", "CAT301", cwd=tmp_path) == (0, [])
    knowledge_with(tmp_path, lambda data: data["words"].append({"words": ["sinogram"], "data_types": ["CT"]}))
    code, diagnostics = run_json("check", "catalogue.md", "--select", "CAT301", cwd=tmp_path)
    assert code == 1 and diagnostics[0]["message"] == 'data types MR contradict the name ("Sinogram" \u2192 CT)'


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda data: data["words"].append({"words": ["scan"]}), f"at words/{len(PACKAGED['words'])}: "),
        (lambda data: data["links"].append({"host": "Example.ORG", "body_parts": ["Brain"]}),
         f"at links/{len(PACKAGED['links'])}/host: 'Example.ORG' does not match"),
        (lambda data: data["multi-purpose"].pop("min-body-parts"), "'min-body-parts' is a required property"),
        (lambda data: data.pop("function-words"), "'function-words' is a required property"),
        (lambda data: data["words"].append({"words": ["scan"], "data_types": ["XRAY"]}), "data_types term 'XRAY' is not in the schema's vocabulary"),
        (lambda data: data["words"].append({"words": ["X-RAY"], "data_types": ["XR"]}), "word 'x-ray' is listed twice"),
    ],
)
def test_malformed_knowledge_file_is_exit_2_naming_file_and_problem(tmp_path, change, problem):
    (tmp_path / "catalogue.md").write_text(table(row("OASIS")), encoding="utf-8")
    knowledge_with(tmp_path, change)
    result = run_catlint("check", "catalogue.md", cwd=tmp_path)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and "Traceback" not in result.stderr
    assert "knowledge.json: invalid knowledge file: " in lines[0] and problem in lines[0], lines[0]


def test_knowledge_file_that_is_not_json_is_exit_2(tmp_path):
    (tmp_path / "catalogue.md").write_text(table(row("OASIS")), encoding="utf-8")
    (tmp_path / "knowledge.json").write_text("{words: }", encoding="utf-8")
    (tmp_path / "catlint.toml").write_text('knowledge = "knowledge.json"\n', encoding="utf-8")
    result = run_catlint("check", "catalogue.md", cwd=tmp_path)
    assert result.returncode == 2 and "knowledge.json: the knowledge file is not valid JSON" in result.stderr


def test_knowledge_is_not_read_when_no_consistency_rule_runs(tmp_path):
    (tmp_path / "catalogue.md").write_text(table(row("OASIS")), encoding="utf-8")
    (tmp_path / "catlint.toml").write_text('knowledge = "missing.json"\n', encoding="utf-8")
    assert run_catlint("check", "catalogue.md", "--select", "CAT1", cwd=tmp_path).returncode == 0
    result = run_catlint("check", "catalogue.md", cwd=tmp_path)
    assert result.returncode == 2 and "missing.json: cannot read the knowledge file" in result.stderr


def test_packaged_knowledge_validates_against_its_schema_with_the_official_validator():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(ROOT / "schema" / "knowledge.schema.json"), str(KNOWLEDGE)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("host", ["www.cardiacatlas.org", "www.cardiacatlas.org.", "www.cardiacatlas\u3002org", "www.\uff43ardiacatlas.org",
                                  "WWW.CardiacAtlas.ORG.", "www.cardiacatlas\uff0eorg", "www.cardiacatlas%2Eorg"])
def test_a_host_written_another_way_is_the_host_a_browser_looks_up(tmp_path, host):
    (tmp_path / "catalogue.md").write_text(table(row("Foo Data", "MR", "All", link=f"https://{host}/studies/foo/")), encoding="utf-8")
    code, diagnostics = run_json("check", "catalogue.md", "--select", "CAT302", cwd=tmp_path)
    assert code == 1 and [d["message"] for d in diagnostics] == ["body parts All contradict the link (cardiacatlas.org \u2192 Heart)"]


@pytest.mark.parametrize("host", ["cardiacatlas.org.evil.example", "cardiacatlas\u3002org\u3002evil.example", "evilcardiacatlas.org"])
def test_a_host_that_only_contains_a_known_host_is_not_evidence(tmp_path, host):
    (tmp_path / "catalogue.md").write_text(table(row("Foo Data", "MR", "All", link=f"https://{host}/studies/foo/")), encoding="utf-8")
    assert run_json("check", "catalogue.md", "--select", "CAT302", cwd=tmp_path) == (0, [])


@pytest.mark.parametrize("name", ["Screening Mam&shy;mography", "Screening Mam\u00admography", "Screening Mam\u034fmography", "Screening Mammo&#x180E;graphy"])
def test_a_name_is_read_without_its_invisible_characters(tmp_path, name):
    (tmp_path / "catalogue.md").write_text(table(row(name, "XR", "All")), encoding="utf-8")
    code, diagnostics = run_json("check", "catalogue.md", "--select", "CAT301", cwd=tmp_path)
    assert code == 1 and [d["message"] for d in diagnostics] == ['body parts All contradict the name ("Mammography" \u2192 Breast)']
    assert diagnostics[0]["fix"]["edits"][0]["content"] == "Breast"
