"""Bytes to text: find the encoding, the byte-order mark and the line endings.

Strict UTF-8 is tried first; a detector is consulted only when that fails, and
its guess is weighed against other likely code pages by how plausible the
decoded text is, because detectors are unsure on short cp1252 files.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from itertools import filterfalse
from typing import NamedTuple

from catlint.errors import CatlintError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DETECTOR_BYTES = 1 << 16  # of the lines that are not ASCII: enough for chardet to guess, in constant time
_WEIGHED_LINES = 4000  # distinct non-ASCII lines the candidate readings are weighed on
# Code pages tried when bytes are not UTF-8, besides the detector's guess.
_FALLBACK_ENCODINGS = ("cp1252", "cp1250", "cp1251", "iso-8859-15", "latin-1")


class Source(NamedTuple):
    """Decoded file content and what is needed to write it back faithfully. The bytes are not
    kept: a UTF-8 file is its text encoded again, and any other file is rewritten as UTF-8."""

    path: str
    text: str
    encoding: str
    bom: bool
    newline: str

    @property
    def is_utf8(self) -> bool:
        return self.encoding == "utf-8"


def read_source(path: str) -> Source:
    """Read and decode a file; every failure is a one-line CatlintError."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise CatlintError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CatlintError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise CatlintError(f"{path}: permission denied") from None
    except OSError as error:
        raise CatlintError(f"{path}: cannot read: {error.strerror or error}") from None
    return decode(path, data)


def decode(path: str, data: bytes) -> Source:
    text, encoding, bom = _decode_text(path, data)
    return Source(path, text, encoding, bom, _dominant_newline(text))


def encode(source: Source, text: str) -> bytes:
    """Bytes to write for `text`: always UTF-8, keeping a UTF-8 byte-order mark if there was one."""
    body = text.encode("utf-8")
    if source.bom and source.encoding == "utf-8":
        return codecs.BOM_UTF8 + body
    return body


def _decode_text(path: str, data: bytes) -> tuple[str, str, bool]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding, True
            except UnicodeDecodeError as error:
                raise CatlintError(f"{path}: not valid {encoding} despite its byte-order mark ({error.reason} at byte {error.start + len(bom)})") from None
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise CatlintError(f"{path}: binary file (NUL bytes), not Markdown text")
        return utf16
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    return _best_legacy_decoding(path, data)


def _bomless_utf16(data: bytes) -> tuple[str, str, bool] | None:
    """UTF-16 without a BOM: NULs fall on every other byte and the text decodes cleanly."""
    if len(data) % 2:
        return None
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    encoding = "utf-16-le" if odd_nuls > 0.3 * half and even_nuls == 0 else "utf-16-be" if even_nuls > 0.3 * half and odd_nuls == 0 else None
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if any(unicodedata.category(char) == "Cc" and char not in "\t\r\n\f" for char in text):
        return None
    return text, encoding, False


# A UTF-8 file with a few bytes pasted from a cp1252 source: those bytes read as cp1252.
MIXED_ENCODING = "utf-8 with stray cp1252 bytes"


def _stray_bytes_as_cp1252(error: UnicodeDecodeError):
    stray = error.object[error.start : error.end]
    return "".join(bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in stray), error.end


codecs.register_error("catlint-cp1252", _stray_bytes_as_cp1252)


def _best_legacy_decoding(path: str, data: bytes) -> tuple[str, str, bool]:
    """The most plausible reading among the detector's guess, likely code pages and
    UTF-8 with stray cp1252 bytes; a tie between different texts is refused.

    The readings are weighed on the lines that hold a non-ASCII byte, the only lines on
    which they differ (every candidate reads ASCII as ASCII): each distinct line once, and
    at most a few thousand of them spread over the file, so that decoding costs about the
    same whatever the file's size; the winner then decodes the whole file."""
    import chardet  # only here: most files are UTF-8 and never pay for the import

    sample = b"\n".join(_weighed_lines(data))
    guess = (chardet.detect(sample[:_DETECTOR_BYTES]).get("encoding") or "").lower()
    names = [guess] if guess and guess not in ("ascii", "utf-8") and _reads_ascii_as_ascii(guess) else []
    names += [name for name in _FALLBACK_ENCODINGS if name != guess]
    candidates = []
    for name in names:
        try:
            candidates.append((sample.decode(name), codecs.lookup(name).name))
        except (UnicodeDecodeError, LookupError):
            continue
    candidates.append((sample.decode("utf-8", errors="catlint-cp1252"), MIXED_ENCODING))  # last: a tie means plain cp1252
    weighed: dict[str, float] = {}  # several code pages often read the same text: weigh it once
    for text, _ in candidates:
        if text not in weighed:
            weighed[text] = plausibility(text)
    scored = sorted(((weighed[text], -order, text, name) for order, (text, name) in enumerate(candidates)), reverse=True)
    best = scored[0]
    rival = next((other for other in scored[1:] if other[2] != best[2]), None)
    if rival is not None and rival[0] == best[0]:
        raise CatlintError(f"{path}: not UTF-8, and it reads equally well as {best[3]} and {rival[3]}; save it as UTF-8 first")
    if best[3] == MIXED_ENCODING:
        return data.decode("utf-8", errors="catlint-cp1252"), MIXED_ENCODING, False
    return data.decode(best[3]), best[3], False


def _weighed_lines(data: bytes) -> list[bytes]:
    """The distinct lines holding a non-ASCII byte, or an evenly spread choice of them."""
    lines = list(dict.fromkeys(line for line in data.splitlines() if not line.isascii()))
    if len(lines) <= _WEIGHED_LINES:
        return lines
    step = len(lines) / _WEIGHED_LINES
    return [lines[int(index * step)] for index in range(_WEIGHED_LINES)]


def _reads_ascii_as_ascii(name: str) -> bool:
    try:
        return bytes(range(128)).decode(name) == "".join(map(chr, range(128)))
    except (UnicodeDecodeError, LookupError):
        return False


_WORD = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"\S+")


def plausibility(text: str) -> float:
    """Higher is more like real text. Penalised: control and symbol characters, case or script
    jumps inside words, letters of another script glued to ASCII letters or digits, and short
    runs of another script's letters in a Latin line (the marks of mojibake).

    Only lines with a non-ASCII character are read character by character: ASCII counts the same
    in every reading of the same bytes, so a mostly-ASCII file in a legacy code page costs little
    more than in UTF-8."""
    score = -10.0 * len(_COUNTED_CONTROLS.findall(text)) - 3.0 * (text.count("^") + text.count("`"))
    for line in text.splitlines():
        if not line.isascii():
            score += _line_plausibility(line)
    return score


# Counted over the whole text: controls other than \t \r \n \f (-10; NEL too, which ends a line
# for splitlines), and ASCII's modifier symbols ^ ` (-3).
_NON_ASCII = re.compile("[^\x00-\x7f]")
_COUNTED_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\x85]")


def _line_plausibility(line: str) -> float:
    score = 0.0
    for char in _NON_ASCII.findall(line):
        if char == "\x85":
            continue  # counted for the whole text
        category = unicodedata.category(char)
        if category == "Cc":
            score -= 10
        elif category in ("Co", "Cn", "So", "Sk") or char == "\ufffd":
            score -= 3
    words = _WORD.findall(line)
    foreign = list(filterfalse(str.isascii, words))  # ASCII words and tokens read the same in every reading
    for word in foreign:
        score -= 2 * sum(1 for a, b in zip(word, word[1:]) if a.islower() and b.isupper())
        score -= len({_script(char) for char in word}) - 1
    for token in filterfalse(str.isascii, _TOKEN.findall(line)):
        score -= 2 * sum(1 for a, b in zip(token, token[1:]) if _glued(a, b) or _glued(b, a))
        score -= sum(1 for a, b in zip(token, token[1:]) if a.isdigit() and a.isascii() and b.isalpha() and not b.isascii())
    return score - _stray_foreign_letters(words, foreign)


def _stray_foreign_letters(words: list[str], foreign: list[str]) -> int:
    """Letters in short runs of a non-Latin script, when the line is mostly Latin (`foreign`: the
    words that are not ASCII)."""
    latin, stray = sum(map(len, filter(str.isascii, words))), 0
    for word in foreign:
        if all(_script(char) == "LATIN" for char in word):
            latin += len(word)
        elif len(word) <= 3 and word.isalpha():  # not superscript digits: \w takes those in too
            stray += len(word)
    return stray if stray and latin > 2 * stray else 0


def _glued(ascii_char: str, other: str) -> bool:
    return ascii_char.isascii() and ascii_char.isalnum() and other.isalpha() and _script(other) != "LATIN"


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0]


def _dominant_newline(text: str) -> str:
    if "\r" not in text:
        return "\n"
    counts = {"\r\n": text.count("\r\n")}
    counts["\n"] = text.count("\n") - counts["\r\n"]
    counts["\r"] = text.count("\r") - counts["\r\n"]
    newline = max(counts, key=counts.get)
    return newline if counts[newline] else "\n"
