import codecs

import pytest

from catlint.errors import CatlintError
from catlint.reading.lines import split_lines
from catlint.reading.source import decode, encode, plausibility, read_source

TEXT = "| Source | Images |\r\n|---|---|\r\n| SCMR | 193¹ |\r\n"


@pytest.mark.parametrize(
    "data, encoding, bom",
    [
        (TEXT.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", True),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", True),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", True),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le", True),
        (TEXT.encode("utf-16-le"), "utf-16-le", False),
        (TEXT.encode("utf-16-be"), "utf-16-be", False),
    ],
)
def test_decodes_unicode_encodings_and_remembers_them(data, encoding, bom):
    source = decode("f.md", data)
    assert source.text == TEXT
    assert (source.encoding, source.bom, source.newline) == (encoding, bom, "\r\n")


def test_cp1252_file_is_read_as_cp1252_not_a_lookalike():
    text = "| Source | Images |\n|---|---|\n| Café Données | 193¹ |\n| Zürich – “quoted” | 5 |\n"
    source = decode("f.md", text.encode("cp1252"))
    assert source.text == text
    assert source.encoding == "cp1252"


def test_nul_bytes_without_bom_are_binary():
    with pytest.raises(CatlintError, match="binary"):
        decode("f.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")


def test_bom_with_invalid_content_is_a_clean_error():
    with pytest.raises(CatlintError, match="byte-order mark"):
        decode("f.md", codecs.BOM_UTF8 + b"\xff\xfe\xfa")


def test_encode_keeps_utf8_bom_and_turns_everything_else_into_utf8():
    with_bom = decode("f.md", codecs.BOM_UTF8 + b"a\n")
    assert encode(with_bom, "b\n") == codecs.BOM_UTF8 + b"b\n"
    utf16 = decode("f.md", codecs.BOM_UTF16_LE + "a\n".encode("utf-16-le"))
    assert encode(utf16, "b\n") == b"b\n"


def test_split_lines_keeps_each_ending():
    parts, lines = split_lines("a\r\nb\nc\rd")
    assert parts == ["a", "b", "c", "d"] and [lines.ending(index) for index in range(4)] == ["\r\n", "\n", "\r", ""]
    assert split_lines("a\u2028b\x0cc\n")[0] == ["a\u2028b\x0cc"]


def test_plausibility_prefers_real_text_over_mojibake():
    assert plausibility("Café Zürich") > plausibility("CafÃ© ZÃ¼rich")


def test_read_source_errors_are_one_line(tmp_path):
    with pytest.raises(CatlintError, match="no such file"):
        read_source(str(tmp_path / "missing.md"))
    with pytest.raises(CatlintError, match="is a directory"):
        read_source(str(tmp_path))


def test_utf8_with_a_stray_cp1252_byte_keeps_its_utf8_text():
    data = "Café Zürich 東京大学 193¹\n".encode("utf-8") + b"It\x92s fine.\n"
    source = decode("f.md", data)
    assert source.text == "Café Zürich 東京大学 193¹\nIt\u2019s fine.\n"
    assert source.encoding == "utf-8 with stray cp1252 bytes"


def test_a_reading_that_is_a_coin_toss_is_refused():
    with pytest.raises(CatlintError, match="reads equally well"):
        decode("f.md", b"x \xe6 y\n")


# Plausibility reads only the lines that are not ASCII; ASCII lines count only by their controls and ^ `.
from hypothesis import given, strategies as st  # noqa: E402

_LINE_TEXT = st.text(alphabet=st.sampled_from("aZ9 \t.-éÃ©ยน¹Жα日\ue000\u0378\ufffd\x01\x85^`\u2028"), max_size=30)


@given(st.lists(_LINE_TEXT, max_size=6), st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126, blacklist_characters="^`"), max_size=40))
def test_an_ascii_line_does_not_change_plausibility(lines, ascii_line):
    text = "\n".join(lines)
    assert plausibility(text + "\n" + ascii_line) == plausibility(text)
    assert plausibility(text + "\n" + ascii_line + "\x01^") == plausibility(text) - 13


def test_a_large_mostly_ascii_cp1252_file_decodes_whole_from_its_non_ascii_lines():
    rows = [f"| Source {n} | MR | Brain | {n} | 1 | Open | CC BY 4.0 | https://example.org/{n} |" for n in range(3000)]
    rows[1500] = "| Café Zürich | MR | Brain | 193¹ | 1 | Open | Attribution – NonCommercial | https://example.org/x |"
    data = ("\r\n".join(rows) + "\r\n").encode("cp1252")
    source = decode("catalogue.md", data)
    assert (source.encoding, source.text, source.newline) == ("cp1252", data.decode("cp1252"), "\r\n")


def test_a_file_of_non_ascii_lines_is_weighed_on_a_bounded_spread_of_them(monkeypatch):
    """Every row holds a non-ASCII character: the readings are weighed on a few thousand distinct
    lines spread over the file (not all of them), and the winner still decodes the whole file."""
    from catlint.reading import source as source_module

    rows = [f"| Café {n} | MR | Brain | {n} | 1 | Open | Attribution – NonCommercial | https://example.org/{n} |" for n in range(12000)]
    data = ("\n".join(rows) + "\n").encode("cp1252")
    weighed = []
    real = source_module.plausibility
    monkeypatch.setattr(source_module, "plausibility", lambda text: weighed.append(text.count("\n") + 1) or real(text))
    decoded = decode("catalogue.md", data)
    assert decoded.encoding == "cp1252" and decoded.text == data.decode("cp1252")
    assert weighed and max(weighed) <= source_module._WEIGHED_LINES < len(rows)
