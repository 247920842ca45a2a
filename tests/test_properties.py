"""Property tests over generated catalogues: fix is lossless, idempotent and always settles."""

import json
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from byte_picks import Picks, built_from_bytes
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

BLACKLISTED = set("|\\`*_[]<>&!~#\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200c\u200d\u200e\u200f\u061c")
text_chars = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="".join(BLACKLISTED))
PLAIN = [char for char in map(chr, range(0x20, 0x7F)) if char not in BLACKLISTED]
SPACING = [" ", "  ", "\u00a0", "\t", " \u200b"]
CASES = [str, str.lower, str.upper]


def character(picks: Picks) -> str:
    """Mostly ASCII; else any code point of the plane the next byte picks (those text_chars allows)."""
    if picks.number(3):
        return picks.pick(PLAIN)
    code = picks.number(17) << 16 | picks.number(256) << 8 | picks.number(256)
    char = chr(code)
    return char if char not in BLACKLISTED and unicodedata.category(char) not in ("Cs", "Cc", "Zl", "Zp") else picks.pick(PLAIN)


def word(picks: Picks) -> str:
    return "".join(character(picks) for _ in range(1 + picks.number(12))).strip() or "a"


def spelled_list(picks: Picks, field: str) -> str:
    vocabulary = SCHEMA.vocabulary(field) + list(SCHEMA.properties[field].get("x-aliases", {}))
    terms = [picks.pick(vocabulary) for _ in range(1 + picks.number(4))]
    case, separator = picks.pick(CASES), picks.pick([", ", ",", "; ", " / ", " and ", " & "])
    return separator.join(case(term) for term in terms)


def count(picks: Picks) -> str:
    if picks.one_in(4):
        return picks.pick(["X", "x", "unknown", "?", "n/a", "-", "\u2014", ""])
    value = int.from_bytes(bytes(picks.number(256) for _ in range(3))) % 10 ** (1 + picks.number(7))
    digits = picks.pick([str(value), f"{value:,}", f"{value:,}".replace(",", " "), f"{value:,}".replace(",", "\u00a0")])
    lower = picks.pick(["", "+", " +", ">", "\u2265 ", ">="])
    marker = picks.pick(["", "", "\u00b9", "\u00b2"])
    return (digits + lower if lower.strip() == "+" else lower + digits) + marker


def row(picks: Picks) -> list[str]:
    name = picks.pick(SPACING).join(word(picks) for _ in range(1 + picks.number(3)))
    term = picks.pick(SCHEMA.vocabulary("availability") + list(SCHEMA.properties["availability"]["x-aliases"]))
    data_types, body_parts = spelled_list(picks, "data_types"), spelled_list(picks, "body_parts")
    images, patients, availability = count(picks), count(picks), picks.pick(CASES)(term)
    licence = picks.pick(SPACING).join(word(picks) for _ in range(1 + picks.number(4)))
    host = "".join(picks.pick("abcdefghijklmnopqrstuvwxyz") for _ in range(1 + picks.number(8)))
    path = "/" + "".join(picks.pick("abcdefghijklmnopqrstuvwxyz0123456789_") for _ in range(picks.number(7)))
    link = f"https://{host}.example.org" + (path if picks.number(2) else "")
    return [name, data_types, body_parts, images, patients, availability, licence, link]


def layout(header_picks: Picks, picks: Picks, body: list[list[str]]) -> str:
    header = [header_picks.pick([name] + HEADER_ALIASES.get(name, [])) for name in HEADERS]
    lines = [header, ["---"] * len(header)] + body
    if picks.number(2):  # aligned
        widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
        lines[1] = ["-" * width for width in widths]
        text = "\n".join("| " + " | ".join(cell.ljust(width) for cell, width in zip(line, widths)) + " |" for line in lines)
    else:
        text = "\n".join(picks.pick(["| {} |", "{}", "|{}|"]).format(picks.pick([" | ", "|"]).join(line)) for line in lines)
    footnote = picks.pick(["", "\n\u00b9 Number of MRI slices", "\n\n\u00b9 Number of MRI slices\n\u00b2 Second note"])
    before = picks.pick(["", "# Catalogue\n\nSome text.\n\n"])
    return before + text + footnote + picks.pick(["", "\n", "\n\nAfter.\n"])


def catalogues():
    """Generated catalogues: one drawn byte string for the header's spellings, one for the rest of
    the layout and one per row (see byte_picks); drawn in that order, so that hypothesis's runs of
    zero bytes late in an example do not fall on the layout."""
    bodies = st.lists(built_from_bytes(row, 320, 160), min_size=1, max_size=6)
    drawn = st.tuples(st.binary(min_size=8, max_size=8), st.binary(min_size=24, max_size=32), bodies)
    return drawn.map(lambda parts: layout(Picks(parts[0]), Picks(parts[1]), parts[2]))


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
