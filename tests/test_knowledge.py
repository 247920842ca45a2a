"""The packaged evidence knowledge: every entry has an example here, so adding knowledge means adding a test."""

import json

import pytest

from catlint.rules._support.evidence import row_evidence
from catlint.reading.knowledge import load_knowledge
from conftest import ROOT

KNOWLEDGE = json.loads((ROOT / "schema" / "knowledge.json").read_text(encoding="utf-8"))

# (source name, link, kind of evidence, field, what it expects)
EXAMPLES = [
    ("Montgomery County X-ray Set", "", "name", "data_types", {"XR"}),
    ("NIH chest radiographs", "", "name", "data_types", {"XR"}),
    ("Digital Database for Screening Mammography", "", "name", "body_parts", {"Breast"}),
    ("Head CT collection", "", "name", "data_types", {"CT"}),
    ("Prostate MR images", "", "name", "data_types", {"MR"}),
    ("Amyloid PET study", "", "name", "data_types", {"PE"}),
    ("Fetal ultrasound planes", "", "name", "data_types", {"US"}),
    ("EchoNet echocardiograms", "", "name", "body_parts", {"Heart"}),
    ("Digital Retinal Images for Vessel Extraction (DRIVE)", "", "name", "data_types", {"OP"}),
    ("Eye disease photographs", "", "name", "body_parts", {"Eye"}),
    ("Shenzhen chest X-ray set", "", "name", "body_parts", {"Lungs", "Heart"}),
    ("Belarus Tuberculosis Portal", "", "name", "body_parts", {"Lungs"}),
    ("Breast cancer screening set", "", "name", "body_parts", {"Breast"}),
    ("Sunnybrook Cardiac Data(SCD)", "", "name", "body_parts", {"Heart"}),
    ("Alzheimer's Disease Neuroimaging Initiative (ADNI)", "", "name", "body_parts", {"Brain"}),
    ("Initiative for Collaborative Computer Vision Benchmarking (Prostate)", "", "name", "body_parts", {"Prostate"}),
    ("ABIDE", "", "acronym", "body_parts", {"Brain"}),
    ("ADNI", "", "acronym", "body_parts", {"Brain"}),
    ("CHD Atlas", "", "acronym", "body_parts", {"Heart"}),
    ("DDSM", "", "acronym", "data_types", {"XR"}),
    ("DRIVE", "", "acronym", "body_parts", {"Eye"}),
    ("JSRT", "", "acronym", "data_types", {"XR"}),
    ("OASIS", "", "acronym", "body_parts", {"Brain"}),
    ("SCMR Consensus Data", "", "acronym", "data_types", {"MR"}),
    ("Some study", "http://adni.loni.usc.edu/data-samples/access-data/", "link", "body_parts", {"Brain"}),
    ("Some atlas", "https://www.cardiacatlas.org/studies/determine/", "link", "body_parts", {"Heart"}),
    ("Some set", "https://ceb.nlm.nih.gov/repositories/tuberculosis-chest-x-ray-image-data-sets/", "link", "data_types", {"XR"}),
    ("Some series", "http://www.oasis-brains.org", "link", "body_parts", {"Brain"}),
]

# (source name, link, kind of evidence): evidence that marks a multi-purpose collection
MULTI_PURPOSE_EXAMPLES = [
    ("The Cancer Imaging Archive (TCIA)", "", "name"),
    ("Osirix DICOM Library", "", "name"),
    ("Paediatric Radiology Teaching File", "", "name"),
    ("Multimodal Stroke Collection", "", "name"),
    ("TCIA", "", "acronym"),  # through its expansion, "The Cancer Imaging Archive"
    ("Some collection", "https://www.cancerimagingarchive.net", "link"),
    ("MedPix", "https://medpix.nlm.nih.gov/home", "link"),
    ("Some library", "http://www.osirix-viewer.com/resources/dicom-image-library/", "link"),
]


@pytest.mark.parametrize("name, link, kind, field, expected", EXAMPLES)
def test_knowledge_examples(name, link, kind, field, expected):
    evidence = row_evidence(name, link, load_knowledge())
    said = set().union(*(set(item.entry.expects(field)) for item in evidence if item.kind == kind))
    assert said == expected, [item.label for item in evidence]


@pytest.mark.parametrize("name, link, kind", MULTI_PURPOSE_EXAMPLES)
def test_multi_purpose_examples(name, link, kind):
    evidence = row_evidence(name, link, load_knowledge())
    assert any(item.entry.general for item in evidence if item.kind == kind), [item.label for item in evidence]


def test_every_knowledge_entry_has_an_example():
    examples = [*EXAMPLES, *MULTI_PURPOSE_EXAMPLES]
    names = " | ".join(name for name, *_ in examples)
    seen = {" ".join(word.casefold().split()) for word, _ in load_knowledge().words_in(names)}
    for entry in KNOWLEDGE["words"]:
        assert any(word.casefold() in seen for word in entry["words"]), entry
    for entry in KNOWLEDGE["acronyms"]:
        assert any(kind == "acronym" and entry["acronym"] in name for name, _, kind, *_ in examples), entry
    for entry in KNOWLEDGE["links"]:
        assert any(kind == "link" and entry["host"] in link for _, link, kind, *_ in examples), entry


@pytest.mark.parametrize(
    "name, link",
    [
        ("Brainstorm toolbox recordings", ""),  # whole words only: "Brainstorm" is not "brain"
        ("Xrayed?", ""),
        ("Cardiacatlas mirror", "https://notcardiacatlas.org/x"),  # hosts match whole labels only
        ("Some set", "https://ceb.nlm.nih.gov/other-page/"),  # and paths by prefix
        ("Some set", "http://[::1"),  # a malformed link is the schema rule's business, not a crash
    ],
)
def test_no_evidence_from_parts_of_words_or_other_hosts(name, link):
    assert row_evidence(name, link, load_knowledge()) == ()


def test_knowledge_is_loaded_once_per_path():
    assert load_knowledge() is load_knowledge()


# --- catlint knowledge: the evidence table, through the real command ------------------------------

import json as json_module  # noqa: E402

from conftest import SEED, run_catlint, run_json  # noqa: E402


def listing(*args, cwd=None):
    result = run_catlint("knowledge", *args, cwd=cwd)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout


def test_knowledge_command_lists_every_entry_as_the_findings_cite_it(tmp_path):
    text = listing(cwd=tmp_path)  # no configuration here: the packaged knowledge
    lines = text.splitlines()
    assert lines[0].startswith("Knowledge: ") and lines[0].endswith("knowledge.json")
    assert "A body part All, or 3 or more data types, claims a multi-purpose collection" in text
    assert "Evidence from the name is strong (CAT301, error); from an acronym or the link, weaker (CAT302, warning)." in lines
    assert "  mammography, mammogram, mammograms, mammographic \u2192 data types XR; body parts Breast" in lines
    assert "  JSRT = Japanese Society of Radiological Technology \u2192 data types XR; body parts Lungs" in lines
    assert "  cardiacatlas.org \u2192 body parts Heart" in lines
    assert "  medpix.nlm.nih.gov \u2192 multi-purpose" in lines
    scmr = lines.index("  SCMR = Society for Cardiovascular Magnetic Resonance")
    assert lines[scmr + 1 : scmr + 3] == ['      "Cardiovascular" \u2192 body parts Heart', '      "Magnetic Resonance" \u2192 data types MR']
    entries = [line for line in lines if line.startswith("  ") and not line.startswith("    ")]
    assert len(entries) == len(KNOWLEDGE["words"]) + len(KNOWLEDGE["acronyms"]) + len(KNOWLEDGE["links"])


def test_knowledge_command_json_explains_the_seed_findings(tmp_path):
    data = json_module.loads(listing("--output-format", "json", cwd=tmp_path))
    assert data["multi_purpose"] == {"body_parts": ["All"], "min_data_types": 3, "min_body_parts": 3}
    assert len(data["entries"]) == len(KNOWLEDGE["words"]) + len(KNOWLEDGE["acronyms"]) + len(KNOWLEDGE["links"])
    _, diagnostics = run_json("check", SEED, "--select", "CAT301,CAT302")
    messages = {d["message"] for d in diagnostics}
    # DDSM's All: the name's word, listed with the body part it implies.
    assert 'body parts All contradict the name ("Mammography" \u2192 Breast)' in messages
    assert any(entry["kind"] == "words" and "mammography" in entry["words"] and entry["body_parts"] == ["Breast"] for entry in data["entries"])
    # SCMR's All: its acronym's expansion and its link, both listed.
    assert any("SCMR = Society for Cardiovascular Magnetic Resonance" in message and "cardiacatlas.org \u2192 Heart" in message for message in messages)
    scmr = next(entry for entry in data["entries"] if entry.get("acronym") == "SCMR")
    assert {"word": "Cardiovascular", "data_types": [], "body_parts": ["Heart"], "multi_purpose": False} in scmr["expansion_words"]
    assert {"kind": "link", "host": "cardiacatlas.org", "path": "/", "data_types": [], "body_parts": ["Heart"],
            "multi_purpose": False, "source": None} in data["entries"]


def write_knowledge(directory, change):
    data = json_module.loads(json_module.dumps(KNOWLEDGE))
    change(data)
    (directory / "knowledge.json").write_text(json_module.dumps(data), encoding="utf-8")


def test_knowledge_command_lists_the_configured_file(tmp_path):
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    project.mkdir(), elsewhere.mkdir()
    write_knowledge(project, lambda data: data["words"].append({"words": ["sinogram"], "data_types": ["CT"]}))
    (project / "catlint.toml").write_text('knowledge = "knowledge.json"\n', encoding="utf-8")
    text = listing(cwd=project)
    assert text.startswith(f"Knowledge: {project / 'knowledge.json'}\n") and "  sinogram \u2192 data types CT\n" in text
    assert "  sinogram \u2192 data types CT\n" in listing("--config", project / "catlint.toml", cwd=elsewhere)
    assert "sinogram" not in listing(cwd=elsewhere)


def test_knowledge_command_rejects_what_check_rejects(tmp_path):
    write_knowledge(tmp_path, lambda data: data["words"].append({"words": ["scan"], "data_types": ["XRAY"]}))
    (tmp_path / "catlint.toml").write_text('knowledge = "knowledge.json"\n', encoding="utf-8")
    result = run_catlint("knowledge", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == "" and len(result.stderr.splitlines()) == 1
    assert "data_types term 'XRAY' is not in the schema's vocabulary" in result.stderr and "Traceback" not in result.stderr


def test_knowledge_command_escapes_control_characters_for_the_terminal(tmp_path):
    write_knowledge(tmp_path, lambda data: data["words"].append(
        {"words": ["evil\u202eword"], "body_parts": ["Brain"], "source": "\x1b[2J\x1b]8;;https://example.invalid\x07cleared"}))
    (tmp_path / "catlint.toml").write_text('knowledge = "knowledge.json"\n', encoding="utf-8")
    text = listing(cwd=tmp_path)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "  evil\\u202eword \u2192 body parts Brain" in text and "source: \\x1b[2J\\x1b]8;;https://example.invalid\\x07cleared" in text
    entries = json_module.loads(listing("--output-format", "json", cwd=tmp_path))["entries"]
    assert {"kind": "words", "words": ["evil\u202eword"], "data_types": [], "body_parts": ["Brain"], "multi_purpose": False,
            "source": "\x1b[2J\x1b]8;;https://example.invalid\x07cleared"} in entries  # JSON escapes for itself


def test_rule_documentation_says_where_the_evidence_comes_from():
    result = run_catlint("rule", "CAT301")
    assert result.returncode == 0
    for said in ("schema/knowledge.json", "words", "acronyms", "link hosts", "path", "multi-purpose",
                 "`catlint knowledge`", "tests/test_knowledge.py"):
        assert said in result.stdout, said
    assert "`catlint knowledge`" in run_catlint("rule", "CAT302").stdout
