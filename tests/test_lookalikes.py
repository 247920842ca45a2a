"""Invisible and look-alike text from Unicode's own data (CAT401, CAT306, CAT405) through the real CLI;
the data files and their generator in-process."""

import json
import subprocess
import sys
import unicodedata

import pytest

from conftest import ROOT, run_json, table

from catlint.rules._support.lookalike import source_keys
from catlint.rules.invisible_character import invisible_pattern
from catlint.reading.security import load_security
from catlint.reading.unicode import default_ignorable, load, script, script_extensions


def row(source="OASIS", licence="CC BY 4.0", link="https://www.oasis-brains.org"):
    return f"| {source} | MR | Brain | 373 | 186 | Open | {licence} | {link} |"


def check(tmp_path, rows, select):
    path = tmp_path / "catalogue.md"
    path.write_text(table(*rows), encoding="utf-8")
    code, diagnostics = run_json("check", path, "--select", select)
    return code, diagnostics, path.read_text(encoding="utf-8").split("\n")


def by_line(diagnostics) -> dict[int, list[dict]]:
    found = {}
    for diagnostic in diagnostics:
        found.setdefault(diagnostic["location"]["row"], []).append(diagnostic)
    return found


# --- CAT401: every default-ignorable code point, bidi controls, separators -----------------------

# The characters the issue found missing, and the ones CAT401 always reported.
HIDDEN = ["\u180e", "\U000e0001", "\U000e0020", "\U000e0041", "\U000e007f", "\ufe00", "\ufe0f", "\U000e0100", "\U000e01ef",
          "\u00ad", "\u034f", "\u115f", "\u1160", "\u3164", "\uffa0", "\u206a", "\u206f", "\u17b4", "\u17b5",
          "\U0001d173", "\U0001d17a", "\ufff9", "\ufffa", "\ufffb", "\u2028", "\u2029", "\u061c", "\u200e", "\u202e",
          "\u2066", "\u200b", "\u2060", "\ufeff"]


def test_every_hidden_character_is_reported_at_its_column_with_its_code_point_and_name(tmp_path):
    rows = [row(source=f"Source {index}", licence=f"Non{char}commercial") for index, char in enumerate(HIDDEN)]
    code, diagnostics, lines = check(tmp_path, rows, "CAT401")
    found = by_line(diagnostics)
    assert code == 1 and len(diagnostics) == len(HIDDEN)
    for index, char in enumerate(HIDDEN):
        (diagnostic,) = found[3 + index]
        line = lines[2 + index]
        assert line[diagnostic["location"]["column"] - 1] == char and diagnostic["end_location"]["column"] == diagnostic["location"]["column"] + 1
        name = unicodedata.name(char, "")
        assert f"U+{ord(char):04X} {name}" in diagnostic["message"] and diagnostic["severity"] == "error"


def test_the_pattern_covers_every_default_ignorable_code_point_and_nothing_visible():
    pattern = invisible_pattern(load_security().invisible)
    for first, last in default_ignorable():
        for point in range(first, last + 1):
            assert pattern.fullmatch(chr(point)), f"U+{point:04X}"
    visible = "MedPix Łódź Αθήνα 東京 한국어 جامعة ¹²³ – — ’ \u00a0\t"
    assert not pattern.search(visible)


def test_default_ignorable_data_names_its_version_and_source_and_holds_the_bidi_controls():
    document = load("default-ignorable.json")
    assert document["unicode-version"] == "17.0.0" and document["licence"].startswith("Unicode License v3")
    assert document["source"][0] == "https://www.unicode.org/Public/17.0.0/ucd/DerivedCoreProperties.txt"
    pattern = invisible_pattern(load_security().invisible)
    assert all(pattern.fullmatch(chr(point)) for point in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)))


def test_generator_reads_the_unicode_files_and_writes_the_data(tmp_path):
    ucd = tmp_path / "ucd"
    ucd.mkdir()
    header = "# {name}-17.0.0.txt\n# Date: 2025\n"
    (ucd / "DerivedCoreProperties.txt").write_text(header.format(name="DerivedCoreProperties")
                                                   + "00AD ; Default_Ignorable_Code_Point # Cf SOFT HYPHEN\n"
                                                   + "200B..200F ; Default_Ignorable_Code_Point # Cf\n0041 ; Alphabetic\n# EOF\n"
                                                   + "FFF9 ; Default_Ignorable_Code_Point # after EOF: not read\n")
    (ucd / "PropList.txt").write_text(header.format(name="PropList") + "200E..200F ; Bidi_Control # Cf\n# EOF\n")
    (ucd / "Scripts.txt").write_text(header.format(name="Scripts") + "0041..005A ; Latin\n0430..044F ; Cyrillic\n# EOF\n")
    (ucd / "ScriptExtensions.txt").write_text(header.format(name="ScriptExtensions") + "30FC ; Hira Kana\n# EOF\n")
    (ucd / "PropertyValueAliases.txt").write_text(header.format(name="PropertyValueAliases")
                                                  + "sc ; Latn ; Latin\nsc ; Cyrl ; Cyrillic\nsc ; Zzzz ; Unknown\n"
                                                  + "sc ; Hira ; Hiragana\nsc ; Kana ; Katakana\n")
    (ucd / "confusables.txt").write_text("# confusables.txt\n# Version: 17.0.0\n0430 ;\t0061 ;\tMA\t# ( а → a )\n"
                                         "0031 ;\t006C ;\tMA\t# ( 1 → l )\n")
    output = tmp_path / "out"
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "unicode_data.py"), str(ucd), "--output", str(output)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads((output / "default-ignorable.json").read_text())["default-ignorable"] == ["00AD", "200B..200F"]
    scripts = json.loads((output / "scripts.json").read_text())
    assert scripts["scripts"] == [["0000", "Zzzz"], ["0041", "Latn"], ["005B", "Zzzz"], ["0430", "Cyrl"], ["0450", "Zzzz"]]
    assert scripts["script-extensions"] == [["30FC", "Hira Kana"]]
    assert json.loads((output / "confusables.json").read_text())["prototypes"] == {"1": "l", "\u0430": "a"}
    assert json.loads((output / "confusables-ascii.json").read_text())["prototypes"] == {"1": "l"}


def test_the_ascii_confusables_are_exactly_the_ascii_entries_of_the_whole_table():
    """Names of ASCII characters are keyed from the small file; it must hold what the whole table says."""
    whole = load("confusables.json")
    ascii_part = load("confusables-ascii.json")
    assert ascii_part["prototypes"] == {char: prototype for char, prototype in whole["prototypes"].items() if char.isascii()}
    assert ascii_part["unicode-version"] == whole["unicode-version"] and "1" in ascii_part["prototypes"]


def test_script_data_answers_like_unicode():
    assert [script(char) for char in "aа日ノー1"] == ["Latn", "Cyrl", "Hani", "Kana", "Zyyy", "Zyyy"]
    assert script_extensions("ー") == {"Hira", "Kana"} and script_extensions("a") == {"Latn"}


# --- CAT306: duplicates by UTS #39 skeleton ----------------------------------------------------------

MEDPIX_LOOKALIKES = [
    "M\u0435dPix",        # Cyrillic е
    "Med\u00adPix",       # soft hyphen
    "MedPix\U000e0041",   # a tag character
    "\uff2dedPix",        # fullwidth Ｍ
    "Med\u034fPix",       # combining grapheme joiner
    "Med\u3164Pix",       # Hangul filler
    "\u039cedPix",        # Greek capital Mu
    "\U0001d40cedPix",    # mathematical bold M
    "MedPix\ufe0f",       # a variation selector
    "MEDPIX",             # case alone
]


def test_every_medpix_lookalike_is_a_duplicate_of_the_first(tmp_path):
    rows = [row(source="MedPix", link="https://medpix.nlm.nih.gov/home")]
    rows += [row(source=name, link=f"https://medpix.nlm.nih.gov/home?copy={index}") for index, name in enumerate(MEDPIX_LOOKALIKES)]
    rows.append(row(source="MedPixel", link="https://example.org/medpixel"))  # another name that merely shares letters
    code, diagnostics, _ = check(tmp_path, rows, "CAT306")
    found = by_line(diagnostics)
    assert code == 1 and sorted(found) == list(range(4, 4 + len(MEDPIX_LOOKALIKES)))
    for index, name in enumerate(MEDPIX_LOOKALIKES):
        message = found[4 + index][0]["message"]
        assert message.endswith("on line 3")
        if name == "MEDPIX":
            assert message == "duplicate source: 'MEDPIX' is already listed on line 3"
        else:
            assert f"{ascii(name)} looks the same as 'MedPix'" in message  # escapes show the difference


# Characters that show as nothing without being default-ignorable (schema/security.json), and spaces that show as spaces.
BLANK_LOOKING = ["\u2800", "\U0001d159"]  # BRAILLE PATTERN BLANK, MUSICAL SYMBOL NULL NOTEHEAD


def test_blank_looking_characters_are_invisible_and_do_not_make_another_source(tmp_path):
    names = [f"MedPix{char}" for char in BLANK_LOOKING] + [f"Med{char}Pix" for char in BLANK_LOOKING] + ["Med\u3000Pix", "Med\u1680Pix"]
    rows = [row(source="MedPix", link="https://medpix.nlm.nih.gov/home")]
    rows += [row(source=name, link=f"https://medpix.nlm.nih.gov/home?copy={index}") for index, name in enumerate(names)]
    code, diagnostics, lines = check(tmp_path, rows, "CAT306,CAT401")
    found = {(d["location"]["row"], d["code"]): d["message"] for d in diagnostics}
    assert code == 1 and len(diagnostics) == 2 * len(BLANK_LOOKING) * 2 + 2, diagnostics
    for index, name in enumerate(names[: 2 * len(BLANK_LOOKING)]):
        char = next(char for char in BLANK_LOOKING if char in name)
        assert found[4 + index, "CAT401"] == f"invisible character U+{ord(char):04X} {unicodedata.name(char)}"
        assert found[4 + index, "CAT306"] == f"duplicate source: {ascii(name)} looks the same as 'MedPix' on line 3"
    for index in (len(names) - 2, len(names) - 1):  # spaces: a duplicate as any spacing is, and not invisible
        assert (4 + index, "CAT401") not in found and "is already listed on line 3" in found[4 + index, "CAT306"]


def test_control_characters_the_invisible_rule_reports_do_not_make_another_source(tmp_path):
    names = ["Med\x01Pix", "Med\x7fPix", "Med\x9bPix"]  # ASCII names too: the quick ASCII keys would keep them
    rows = [row(source="MedPix", link="https://medpix.nlm.nih.gov/home")]
    rows += [row(source=name, link=f"https://medpix.nlm.nih.gov/home?copy={index}") for index, name in enumerate(names)]
    code, diagnostics, _ = check(tmp_path, rows, "CAT306")
    assert code == 1 and [d["message"] for d in diagnostics] == [
        f"duplicate source: {ascii(name)} looks the same as 'MedPix' on line 3" for name in names]


def test_source_keys_leave_out_every_character_the_invisible_rule_reports():
    security = load_security()
    reported = invisible_pattern(security.invisible)
    plain = source_keys("MedPix", security.invisible)
    for first, last in (*security.invisible, *default_ignorable()):
        for point in range(first, min(last, first + 300) + 1):
            if reported.fullmatch(chr(point)):
                assert source_keys(f"Med{chr(point)}Pix", security.invisible) == plain, f"U+{point:04X}"


def test_source_keys_ignore_case_and_spacing_but_not_other_letters():
    assert set(source_keys("OASIS")) & set(source_keys("Oasis")) and set(source_keys("O A S I S")) & set(source_keys("oasis"))
    assert not set(source_keys("OASIS")) & set(source_keys("OASIS-3"))
    assert not set(source_keys("ADNI")) & set(source_keys("ADNl 2"))


# --- CAT405: UTS #39 restriction levels and whole-script look-alikes --------------------------------

SPOOFED_HOSTS = {
    "https://xn--80ak6aa92e.com": "reads as 'apple.com': its Cyrillic letters look like ASCII ones",
    "https://\u0430\u0440\u0440\u04cf\u0435.com/": "reads as 'apple.com'",
    "https://medpix.com\u30ceevil.example/": "mixes Katakana and Latin letters",
    "https://medpix\u4e00nlm.example/": "mixes Han and Latin letters",
    "https://medpix\u2014nlm.example/": "U+2014 EM DASH, a character of no script",
    "https://\u0251pple.com/": "reads as 'apple.com': its Latin letters look like ASCII ones",
    "https://\ud55c\uad6d\u30c9\u30e1.example/": "mixes Hangul and Katakana letters",
}
GENUINE_HOSTS = ["https://\u65e5\u672c\u8a9e\u30c9\u30e1\u30a4\u30f3.example", "https://\u65e5\u672c\u30fc\u30b7\u30e7\u30c3\u30d7.jp",
                 "https://\ud55c\uad6d\uc5b4.example", "https://\u4e2d\u56fd\u6c49\u5b57\u3105.cn", "https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444",
                 "https://m\u00fcnchen.example", "https://b\u00fccher.de", "https://\u03b5\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac.gr",
                 "https://\u65e5\u672c\u30fb\u8a9e.jp", "https://medpix.nlm.nih.gov"]


def test_lookalike_hosts_are_reported_and_genuine_idn_hosts_are_not(tmp_path):
    links = list(SPOOFED_HOSTS) + GENUINE_HOSTS
    rows = [row(source=f"Source {index}", link=link) for index, link in enumerate(links)]
    code, diagnostics, _ = check(tmp_path, rows, "CAT405")
    found = by_line(diagnostics)
    assert code == 1 and sorted(found) == list(range(3, 3 + len(SPOOFED_HOSTS)))
    for index, expected in enumerate(SPOOFED_HOSTS.values()):
        assert expected in found[3 + index][0]["message"], found[3 + index][0]["message"]
    assert "'xn--80ak6aa92e.com' reads as 'apple.com'" in found[3][0]["message"]
