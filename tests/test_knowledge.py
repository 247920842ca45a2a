"""The packaged evidence knowledge: every entry has an example here, so adding knowledge means adding a test."""

import json

import pytest

from catlint.evidence import row_evidence
from catlint.knowledge import load_knowledge
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
