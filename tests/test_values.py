import pytest

from catlint.reading.schema import load_schema
from catlint.reading.values import CellValueError, Count, canonical_count, clean_text, parse_count, parse_list, parse_term

SCHEMA = load_schema()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("53,000+", Count(53000, "lower")),
        ("53000+", Count(53000, "lower")),
        ("53 000+", Count(53000, "lower")),
        ("53,000 +", Count(53000, "lower")),
        (">53000", Count(53000, "lower")),
        ("≥ 53000", Count(53000, "lower")),
        ("53\u00a0000+", Count(53000, "lower")),
        ("2620", Count(2620, "exact")),
        ("193¹", Count(193, "exact", "¹")),
        (" 7\u200b ", Count(7, "exact")),
    ],
)
def test_counts_in_many_spellings(text, expected):
    assert parse_count(text, SCHEMA) == expected


@pytest.mark.parametrize("text", ["X", "x", "unknown", "?", "n/a", "-", "—", ""])
def test_unknown_counts(text):
    assert parse_count(text, SCHEMA) is None


@pytest.mark.parametrize(
    "text, reason",
    [("193ยน", "unexpected 'ยน'"), ("12,34", "grouping"), ("-5", "negative"), ("1.5", "decimal"), ("40.000+", "ambiguous"), ("many", "not a count"), ("1,0000", "grouping")],
)
def test_malformed_counts_say_why(text, reason):
    with pytest.raises(CellValueError, match=reason):
        parse_count(text, SCHEMA)


def test_superscript_digits_are_not_digits():
    assert "193¹".isdigit()  # the trap: Python calls it a digit string
    with pytest.raises(CellValueError):
        parse_count("¹", SCHEMA)


def test_canonical_count_text():
    assert canonical_count(Count(53000, "lower")) == "53,000+"
    assert canonical_count(Count(193, "exact", "¹")) == "193¹"
    assert canonical_count(None) == "X"


def test_lists_map_aliases_dedupe_and_use_vocabulary_order():
    assert parse_list("MRI, PET; x-ray and ct / CT", "data_types", SCHEMA) == ["XR", "CT", "MR", "PE"]
    assert parse_list("Retina", "body_parts", SCHEMA) == ["Eye"]
    assert parse_list("MR, Sonar", "data_types", SCHEMA) == ["MR", "Sonar"]


def test_terms_map_aliases_case_insensitively():
    assert parse_term("open ACCESS", "availability", SCHEMA) == "Open"
    assert parse_term("By invitation", "availability", SCHEMA) == "By invitation"


def test_clean_text_removes_invisible_characters_and_collapses_spaces():
    assert clean_text(" MIT\u00a0 licence\u200b ") == "MIT licence"
