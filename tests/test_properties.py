"""Property tests over generated catalogues: fix is lossless, idempotent and always settles."""

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from catlint.engine.config import Config
from catlint.reading.catalogue import read_catalogue
from catlint.engine.fixer import fix_document
from catlint.reading.schema import load_schema
from catlint.reading.source import decode

# Generated inputs by the hundred: run without the coverage tracer (see conftest), which would double
# the suite's time; the coverage figure is what the example-based tests reach.
pytestmark = pytest.mark.untraced

SCHEMA = load_schema()
HEADERS = ["Source", "Data Types", "Body Parts", "Images", "Patients", "Availability", "Licence", "Link"]
HEADER_ALIASES = {"Body Parts": ["Data Focus", "body parts", "**Body Parts**"], "Licence": ["License", "LICENCE"], "Link": ["URL", "Link"]}

text_chars = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="|\\`*_[]<>&!~#\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200c\u200d\u200e\u200f\u061c")
spacing = st.sampled_from([" ", "  ", "\u00a0", "\t", " \u200b"])


def spelled_list(field):
    vocabulary = SCHEMA.vocabulary(field) + list(SCHEMA.properties[field].get("x-aliases", {}))
    terms = st.lists(st.sampled_from(vocabulary), min_size=1, max_size=4)
    case = st.sampled_from([str, str.lower, str.upper])
    separator = st.sampled_from([", ", ",", "; ", " / ", " and ", " & "])
    return st.tuples(terms, case, separator).map(lambda t: t[2].join(t[1](term) for term in t[0]))


@st.composite
def counts(draw):
    if draw(st.booleans()) and draw(st.booleans()):
        return draw(st.sampled_from(["X", "x", "unknown", "?", "n/a", "-", "\u2014", ""]))
    value = draw(st.integers(0, 10_000_000))
    digits = draw(st.sampled_from([str(value), f"{value:,}", f"{value:,}".replace(",", " "), f"{value:,}".replace(",", "\u00a0")]))
    lower = draw(st.sampled_from(["", "+", " +", ">", "\u2265 ", ">="]))
    marker = draw(st.sampled_from(["", "", "\u00b9", "\u00b2"]))
    return (digits + lower if lower.strip() == "+" else lower + digits) + marker


def words():
    return st.text(text_chars, min_size=1, max_size=12).filter(lambda word: word.strip() and word == word.strip())


@st.composite
def rows(draw):
    name = draw(st.lists(words(), min_size=1, max_size=3))
    term = draw(st.sampled_from(SCHEMA.vocabulary("availability") + list(SCHEMA.properties["availability"]["x-aliases"])))
    return [
        draw(spacing).join(name),
        draw(spelled_list("data_types")),
        draw(spelled_list("body_parts")),
        draw(counts()),
        draw(counts()),
        draw(st.sampled_from([str, str.lower, str.upper]))(term),
        draw(spacing).join(draw(st.lists(words(), min_size=1, max_size=4))),
        "https://" + draw(st.from_regex(r"[a-z]{1,8}\.example\.org(/[a-z0-9_]{0,6})?", fullmatch=True)),
    ]


@st.composite
def catalogues(draw):
    header = [draw(st.sampled_from([name] + HEADER_ALIASES.get(name, []))) for name in HEADERS]
    body = draw(st.lists(rows(), min_size=1, max_size=6))
    aligned = draw(st.booleans())
    lines = [header, ["---"] * len(header)] + body
    if aligned:
        widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
        lines[1] = ["-" * width for width in widths]
        text = "\n".join("| " + " | ".join(cell.ljust(width) for cell, width in zip(line, widths)) + " |" for line in lines)
    else:
        text = "\n".join(draw(st.sampled_from(["| {} |", "{}", "|{}|"])).format(draw(st.sampled_from([" | ", "|"])).join(line)) for line in lines)
    footnote = draw(st.sampled_from(["", "\n\u00b9 Number of MRI slices", "\n\n\u00b9 Number of MRI slices\n\u00b2 Second note"]))
    before = draw(st.sampled_from(["", "# Catalogue\n\nSome text.\n\n"]))
    return before + text + footnote + draw(st.sampled_from(["", "\n", "\n\nAfter.\n"]))


def document(text):
    return read_catalogue(decode("catalogue.md", text.encode("utf-8")), SCHEMA)


def values_of(doc):
    rows = []
    for record in doc.exported_records():
        record.pop("line")
        rows.append(json.dumps(record, sort_keys=True, ensure_ascii=False))
    return sorted(rows)


# Repairing encoding damage restores values on purpose (Â¡ is ¡): it is proven by its round trip,
# so the lossless property is about every other fix.
NORMALISE_ONLY = Config(ignore=("CAT201",))


@given(catalogues())
def test_fix_never_changes_values_and_settles(text):
    original = document(text)
    result = fix_document(original, NORMALISE_ONLY)
    assert result.converged
    assert values_of(document(result.text)) == values_of(original)


genuine_chars = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(min_codepoint=0x0410, max_codepoint=0x044F),  # Cyrillic
    st.characters(min_codepoint=0x0391, max_codepoint=0x03C9),  # Greek
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),  # CJK
).filter(lambda char: char not in "|\\`")


@given(st.text(genuine_chars, min_size=1, max_size=30))
@example("0КА")  # cp855 would read it as UTF-8 for 0ǡ
def test_encoding_repair_leaves_genuine_non_latin_text_alone(text):
    from catlint.reading.mojibake import repair

    assert repair(text) == text


@given(st.text(text_chars, min_size=1, max_size=30))
def test_encoding_repair_is_idempotent(text):
    from catlint.reading.mojibake import repair

    once = repair(text)
    assert repair(once) == once


@given(catalogues())
def test_fix_is_idempotent(text):
    once = fix_document(document(text), Config()).text
    twice = fix_document(document(once), Config()).text
    assert twice == once
    assert not [d for d in fix_document(document(once), Config()).remaining if d.fix and d.fix.applicability == "safe"]


@given(catalogues())
def test_text_outside_the_table_is_untouched(text):
    original = document(text)
    fixed = fix_document(original, Config()).text
    head, tail = "# Catalogue\n\nSome text.\n\n", "\n\nAfter.\n"
    assert fixed.startswith(head) == text.startswith(head)
    assert fixed.endswith(tail) == text.endswith(tail)
