"""Untrusted text (cells, footnotes, URLs, file names) made safe for each reader.

A catalogue comes from anyone who opens a pull request, and what catlint
prints quotes it: a terminal obeys escape sequences, GitHub's runner obeys
workflow commands in the log, GitHub renders review comments as Markdown
(mentions, links, HTML), SARIF viewers read links in messages, and JSON Lines
readers split lines at U+2028.
Each reader gets its own escaping; the text stays readable.
"""

from __future__ import annotations

import json
import re
import unicodedata

# Control characters (C0, DEL, C1), format characters (bidi controls, zero-width ones), line and
# paragraph separators and unpaired surrogates (undecodable file names): shown, never obeyed.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_JSON_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}
_JSON_LINE_BREAK = re.compile("[\u2028\u2029\u0085]")
_BACKTICKS = re.compile(r"`+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# What a spreadsheet reads as the start of a formula (or, tab and CR, of another cell).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def visible(text: str, keep: str = "") -> str:
    """Every control, format or separator character as an escape (\\x1b, \\u202e, \\U000e0001),
    except those in `keep` (a format with its own escaping for line breaks keeps them)."""
    if text.isprintable():  # no control, format or separator character (but the space)
        return text
    return "".join(_escape(char) if char not in keep and unicodedata.category(char) in _HIDDEN_CATEGORIES else char
                   for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def log_line(text: str) -> str:
    """A plain line of a GitHub Actions log that the runner cannot read as a workflow command."""
    return no_workflow_commands(visible(text))


def no_workflow_commands(text: str, json: bool = False) -> str:
    """Text already escaped for its reader in which the Actions runner, which reads every line a
    step prints (stdout and stderr), finds no workflow command: it reads `::` at the start of a
    line (after white space) and `##[` anywhere. JSON text writes the `[` as its escape \\u005b
    (the same value); `::` never starts a line of JSON."""
    if json:
        return text.replace("##[", "##\\u005b")
    text = text.replace("##[", "##%5B")
    return "\n".join(map(_no_command_start, text.split("\n"))) if "::" in text else text


def _no_command_start(line: str) -> str:
    indent = len(line) - len(line.lstrip())
    return line[:indent] + "%3A" + line[indent + 1 :] if line.startswith("::", indent) else line


def code_span(text: str) -> str:
    """Markdown that shows `text` literally: a code span whose backtick fence is longer than any
    run of backticks inside. Code renders no HTML, no links, and mentions (@name) do not ping."""
    text = visible(text)
    if not text:
        return ""
    fence = "`" * (1 + max((len(run) for run in _BACKTICKS.findall(text)), default=0))
    # CommonMark strips one space on each side when both are there: pad, so the text shows as it is.
    padded = text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.endswith(" "))
    pad = " " if padded else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def sarif_text(text: str) -> str:
    """A SARIF plain-text message that shows `text` as it is: viewers read `[text](target)` in one
    as an embedded link (SARIF 2.1.0 §3.11.6), so `[` and `]` are escaped with a backslash, and
    the backslash too, as in the link text the specification defines."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def json_text(value, indent: int | None = None) -> str:
    """JSON with non-ASCII text kept readable, except the characters that end a line for some
    readers (JavaScript before ES2019, Python's str.splitlines): U+2028, U+2029, U+0085."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_LINE_BREAK.sub(lambda match: _JSON_LINE_BREAKS[match.group()], text)


def ascii_json(text: str) -> str:
    """JSON text with every non-ASCII character as its \\u escape (a surrogate pair beyond U+FFFF),
    as json.dumps writes it by default: the same JSON, readable in any ASCII-based encoding.
    Outside strings JSON is ASCII, so every such character is inside a string."""
    return text if text.isascii() else _NON_ASCII.sub(_json_escape, text)


def _json_escape(match) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def spreadsheet_cell(value):
    """A CSV cell a spreadsheet shows as text: a leading =, +, -, @, tab or CR would start a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value
