"""The server's position conversions on their own: catlint's 1-based code-point columns and the
client's 0-based characters in UTF-16, UTF-8 or UTF-32, with astral and CJK characters, line ends
of every kind, and positions past a line or the text (test_server.py drives a real server)."""

from lsprotocol.types import Position

from catlint.server.positions import UTF8, UTF16, UTF32, TextPositions, code_points, units

LINE = "| 🩻 胸部 | 2620 |"  # an emoji (astral) and two CJK characters before the count
COUNT = LINE.index("2620")


def test_units_of_each_encoding():
    prefix = LINE[:COUNT]
    assert (units(prefix, UTF32), units(prefix, UTF16), units(prefix, UTF8)) == (COUNT, COUNT + 1, COUNT + 3 + 2 * 2)
    assert units("ascii", UTF8) == units("ascii", UTF16) == 5


def test_client_positions_map_back_to_code_points_and_round_inside_a_character_up():
    for encoding in (UTF8, UTF16, UTF32):
        assert code_points(LINE, units(LINE[:COUNT], encoding), encoding) == COUNT
        assert code_points(LINE, 10_000, encoding) == len(LINE)  # past the end: the end of the line
    emoji = LINE.index("🩻")
    assert code_points(LINE, emoji + 1, UTF16) == emoji + 1  # half an emoji: after it
    assert code_points(LINE, emoji + 2, UTF8) == emoji + 1


def test_positions_both_ways_with_every_line_end():
    text = "a\r\n" + LINE + "\rb\u2028c\x0cd\n"  # U+2028 and a form feed are inside a line, not line ends
    for encoding in (UTF8, UTF16, UTF32):
        positions = TextPositions(text, encoding)
        client = positions.to_client(2, COUNT + 1)
        assert client == Position(line=1, character=units(LINE[:COUNT], encoding))
        assert positions.from_client(client) == (2, COUNT + 1)
        assert text[positions.offset(client):].startswith("2620")
        assert positions.from_client(Position(line=2, character=units("b\u2028c\x0c", encoding))) == (3, 5)
        assert positions.end() == Position(line=3, character=0)  # the empty line after the last line end
        assert positions.to_client(4, 1) == positions.end() and positions.offset(Position(line=9, character=0)) == len(text)
        assert positions.position_at(text.index("2620")) == client
    unterminated = TextPositions("x\n| 🩻", UTF16)
    assert unterminated.end() == Position(line=1, character=4)
