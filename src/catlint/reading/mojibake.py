"""Repair text that was UTF-8 but got decoded in a legacy code page.

ftfy repairs the common cases (UTF-8 read as cp1252, latin-1 and their
relatives). It does not cover some single-byte code pages, cp874 (Thai) among
them, where the superscript one becomes `ยน`. For those, each run of non-ASCII
characters is encoded back in the code page and accepted only when the bytes
decode as UTF-8, every such run in the text does so (genuine Thai, Cyrillic or
Greek text never decodes as UTF-8), and the result is more plausible text.
Both steps run only on text with characters typical of mojibake.
"""

from __future__ import annotations

import re
import unicodedata

from catlint.reading.source import plausibility

# Single-byte code pages ftfy does not try.
LEGACY_CODE_PAGES = ("cp874", "cp1255", "cp1256", "cp1258", "koi8-r", "koi8-u", "cp866", "cp850", "cp852", "cp855")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# Characters that UTF-8 read as cp1252/latin-1 produces: Latin-1 lead bytes and cp1252's extras.
_FTFY_SUSPECTS = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def repair(text: str, markers: str = "") -> str:
    """The repaired text, or `text` itself when nothing is certainly broken. `markers` are the
    footnote markers (the schema's): a damaged one may start a note on its own."""
    if text.isascii():
        return text
    if _FTFY_SUSPECTS.search(text):
        import ftfy  # only for text that looks damaged: it is slow to import and to run

        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            return fixed
    return _repair_legacy(text, markers)


def _repair_legacy(text: str, markers: str) -> str:
    runs = list(_NON_ASCII_RUN.finditer(text))
    for code_page in LEGACY_CODE_PAGES:
        decoded = [_redecode(run.group(), code_page) for run in runs]
        if any(result is None for result in decoded):
            continue
        if not all(_damaged(text, run, fixed, markers) and _beside_latin(fixed) for run, fixed in zip(runs, decoded)):
            continue
        fixed = _NON_ASCII_RUN.sub(lambda match, parts=iter(decoded): next(parts), text)
        if fixed != text and plausibility(fixed) > plausibility(text):
            return fixed
    return text


def _damaged(text: str, run: re.Match, fixed: str, markers: str) -> bool:
    """Whether a run that decodes as UTF-8 is damage rather than a real word: genuine words in
    other scripts (Thai ยก, Cyrillic сад) can decode too. Damage shows itself by being glued to
    an ASCII letter or digit (193ยน, Cafรฉ), by mixing scripts or symbols (โ€“), or by becoming a
    footnote marker where a note starts (ยน Number of ...)."""
    before = text[run.start() - 1] if run.start() else ""
    after = text[run.end()] if run.end() < len(text) else ""
    if (before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum()):
        return True
    if not _one_script_word(run.group()):
        return True
    return run.start() == len(text) - len(text.lstrip()) and after in (" ", "\t") and all(char in markers for char in fixed)


# What a repair may give: characters that stand in Latin-script text (accented letters, punctuation,
# superscripts, currency, letterlike, arrows and mathematical signs, Greek). Genuine Cyrillic glued
# to a digit (0КА) decodes in cp855 to a rare letter (0ǡ), which is not damage.
_BESIDE_LATIN = re.compile("[\u00a0-\u017f\u0370-\u03ff\u2000-\u20cf\u2100-\u214f\u2190-\u22ff]+")


def _beside_latin(fixed: str) -> bool:
    return _BESIDE_LATIN.fullmatch(fixed) is not None


def _one_script_word(run: str) -> bool:
    scripts = set()
    for char in run:
        if unicodedata.category(char)[0] not in "LM":
            return False
        scripts.add(unicodedata.name(char, "?").split(" ", 1)[0])
    return len(scripts) == 1


def _redecode(run: str, code_page: str) -> str | None:
    try:
        return run.encode(code_page).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
