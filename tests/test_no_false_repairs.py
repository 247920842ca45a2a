"""Encoding repair never "repairs" genuine text in another script.

Some real words decode as UTF-8 when encoded in a legacy code page (Thai ยก,
Cyrillic сад), so decoding alone proves nothing; catlint repairs a run only
when it shows the marks of damage. Words are drawn from Unicode's own data
(the letters of each script, by character name) and from a list of real
names; `fix` must leave every one of them as it is, in a cell, in a note and
in the text around the table, while the seed's damage is still repaired.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catlint.engine.config import Config
from catlint.reading.catalogue import read_catalogue
from catlint.engine.fixer import fix_document
from catlint.reading.mojibake import repair
from catlint.reading.schema import load_schema
from catlint.reading.source import decode
from conftest import SEED, run_catlint

REAL = [
    "Москва", "сад", "Санкт-Петербург", "больница", "рентген", "Новосибирск", "ศิริราช", "รถ", "สด", "ยก", "โรงพยาบาล",
    "เปลี่ยน", "กรุงเทพ", "เชียงใหม่", "Αθήνα", "νοσοκομείο", "ακτινογραφία", "Θεσσαλονίκη", "مستشفى", "القاهرة", "أشعة",
    "בית חולים", "ירושלים", "רנטגן", "東京", "病院", "北京", "医用画像", "서울", "병원", "大阪大学", "Zürich", "São Paulo",
    "Kraków", "Łódź", "Ångström", "Øresund", "Ærø", "naïve", "façade", "Dvořák", "Ñuñoa", "Göteborg", "Île-de-France",
    "Curaçao", "Reykjavík", "Besançon", "Plzeň", "Timișoara", "İstanbul",
]


def _letters(prefixes: tuple[str, ...], start: int, end: int) -> list[str]:
    """The letters (and combining marks) of a script, from Unicode's character names."""
    found = []
    for code in range(start, end):
        char = chr(code)
        name = unicodedata.name(char, "")
        if name.startswith(prefixes) and unicodedata.category(char)[0] in "LM":
            found.append(char)
    return found


SCRIPTS = {
    "cyrillic": _letters(("CYRILLIC",), 0x0400, 0x0500),
    "thai": _letters(("THAI CHARACTER",), 0x0E00, 0x0E80),
    "greek": _letters(("GREEK",), 0x0370, 0x0400),
    "arabic": _letters(("ARABIC LETTER",), 0x0600, 0x0700),
    "hebrew": _letters(("HEBREW LETTER",), 0x0590, 0x0600),
    "han": [chr(code) for code in range(0x4E00, 0x4E00 + 2000)],
    "hangul": [chr(code) for code in range(0xAC00, 0xAC00 + 2000)],
}
words = st.one_of(
    st.sampled_from(REAL),
    st.sampled_from(sorted(SCRIPTS)).flatmap(lambda script: st.text(st.sampled_from(SCRIPTS[script]), min_size=1, max_size=8)),
)
phrases = st.lists(st.one_of(words, st.sampled_from(["Archive", "Hospital", "data", "2017", "MRI"])), min_size=1, max_size=4).map(" ".join)

HEADER = "| Source | Data Types | Body Parts | Images | Patients | Availability | Licence | Link |\n|---|---|---|---|---|---|---|---|\n"


def catalogue(name: str, licence: str, note: str) -> str:
    return (f"# Catalogue of {name}\n\n" + HEADER
            + f"| {name} | MR | Brain | 1\u00b9 | 1 | Open | {licence} | https://example.org |\n\n\u00b9 {note}\n")


def fixed(text: str) -> str:
    document = read_catalogue(decode("catalogue.md", text.encode("utf-8")), load_schema())
    return fix_document(document, Config()).text


@given(phrases)
def test_repair_leaves_genuine_words_alone(phrase):
    assert repair(phrase) == phrase
    assert repair("193 " + phrase) == "193 " + phrase


@pytest.mark.untraced  # hundreds of whole-document fixes
@settings(max_examples=200)
@given(phrases, phrases, phrases)
def test_fix_leaves_genuine_words_alone_in_cells_notes_and_prose(name, licence, note):
    text = catalogue(name, licence, note)
    result = fixed(text)
    for part in (f"| {name} ", f"| {licence} ", f"\u00b9 {note}\n", f"# Catalogue of {name}\n"):
        assert part in result, (part, result)


def test_real_names_survive_the_command(tmp_path):
    path = tmp_path / "catalogue.md"
    rows = [f"| {word} Archive | MR | Brain | 1 | 1 | Open | {word} | https://example.org/{index} |" for index, word in enumerate(REAL)]
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    run_catlint("fix", path)
    after = path.read_text(encoding="utf-8")
    assert all(f"| {word} Archive " in after and f"| {word} " in after for word in REAL)
    assert "CAT201" not in run_catlint("check", path).stdout


def test_the_seed_is_still_repaired(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_bytes(SEED.read_bytes())
    run_catlint("fix", path)
    text = path.read_text(encoding="utf-8")
    assert "193\u00b9" in text and "\u00b9 Amount of MRI slices" in text and "\u0e22\u0e19" not in text
