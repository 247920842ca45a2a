"""Generate catlint's Unicode data (schema/unicode/*.json) from the Unicode Character Database.

    python tools/unicode_data.py UCD_DIRECTORY [--output DIRECTORY]   (default: schema/unicode)

UCD_DIRECTORY holds these files of one Unicode version, as published at
https://www.unicode.org/Public/<version>/ucd/ (the first four) and
https://www.unicode.org/Public/security/<version>/ (confusables.txt):
DerivedCoreProperties.txt, PropList.txt, Scripts.txt, ScriptExtensions.txt,
PropertyValueAliases.txt and confusables.txt.

Python's unicodedata has neither Default_Ignorable_Code_Point, nor scripts,
nor UTS #39 confusables, so catlint ships them as data:

- default-ignorable.json: the Default_Ignorable_Code_Point ranges (CAT401, CAT306);
- scripts.json: each code point's Script and Script_Extensions (CAT405);
- confusables.json: the UTS #39 prototype of each confusable character (CAT306, CAT405);
  confusables-ascii.json: its ASCII characters' entries.

Standard library only; the output is deterministic, so regenerating with the
same files changes nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "schema" / "unicode"
LICENCE = ("Unicode License v3 (https://www.unicode.org/license.txt): Copyright (c) 1991-2025 Unicode, Inc. "
           "Derived from the Unicode data files named in 'source'.")
_VERSION = re.compile(r"^#\s*(?:\S+-)?(\d+\.\d+\.\d+)\.txt|^#\s*Version:\s*(\d+\.\d+\.\d+)")
_LINE = re.compile(r"^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*([^#]*?)\s*(?:#.*)?$")


def records(path: Path):
    """(first, last, value) for each data line, up to the file's '# EOF' line."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# EOF"):
            return
        match = _LINE.match(line)
        if match:
            first = int(match.group(1), 16)
            yield first, int(match.group(2) or match.group(1), 16), match.group(3)


def version(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines()[:12]:
        match = _VERSION.match(line)
        if match:
            return match.group(1) or match.group(2)
    raise SystemExit(f"{path}: no Unicode version in its header")


def ranges(code_points: set[int]) -> list[list[int]]:
    merged: list[list[int]] = []
    for point in sorted(code_points):
        if merged and merged[-1][1] == point - 1:
            merged[-1][1] = point
        else:
            merged.append([point, point])
    return merged


def hex_range(first: int, last: int) -> str:
    return f"{first:04X}" if first == last else f"{first:04X}..{last:04X}"


def default_ignorable(ucd: Path) -> dict:
    points = {point for first, last, value in records(ucd / "DerivedCoreProperties.txt")
              if value == "Default_Ignorable_Code_Point" for point in range(first, last + 1)}
    bidi = {point for first, last, value in records(ucd / "PropList.txt") if value == "Bidi_Control"
            for point in range(first, last + 1)}
    if not bidi <= points:  # CAT401 relies on this: every bidi control is default-ignorable
        raise SystemExit("Bidi_Control is not a subset of Default_Ignorable_Code_Point in these files")
    return {"default-ignorable": [hex_range(*pair) for pair in ranges(points)],
            "bidi-control": [hex_range(*pair) for pair in ranges(bidi)]}


def scripts(ucd: Path) -> dict:
    long_to_short, names = {}, {}
    for line in (ucd / "PropertyValueAliases.txt").read_text(encoding="utf-8").splitlines():
        fields = [field.strip() for field in line.split("#")[0].split(";")]
        if fields[0] == "sc" and len(fields) >= 3:
            long_to_short[fields[2]] = fields[1]
            names[fields[1]] = fields[2].replace("_", " ")
    assigned = sorted((first, last, long_to_short[value]) for first, last, value in records(ucd / "Scripts.txt"))
    starts: list[list[str]] = []
    cursor = 0
    for first, last, script in assigned:
        if first > cursor:
            _append(starts, cursor, "Zzzz")  # unassigned
        _append(starts, first, script)
        cursor = last + 1
    _append(starts, cursor, "Zzzz")
    extensions = [[hex_range(first, last), value] for first, last, value in sorted(records(ucd / "ScriptExtensions.txt"))]
    used = {script for _, script in starts} | {code for _, value in extensions for code in value.split()}
    return {"names": {code: names[code] for code in sorted(used)}, "scripts": starts, "script-extensions": extensions}


def _append(starts: list[list[str]], point: int, script: str) -> None:
    if starts and starts[-1][1] == script:
        return
    starts.append([f"{point:04X}", script])


def confusables(ucd: Path) -> dict:
    mapping = {}
    for line in (ucd / "confusables.txt").read_text(encoding="utf-8-sig").splitlines():
        fields = [field.strip() for field in line.split("#")[0].split(";")]
        if len(fields) >= 3 and fields[2] == "MA":
            mapping[chr(int(fields[0], 16))] = "".join(chr(int(point, 16)) for point in fields[1].split())
    return {"prototypes": dict(sorted(mapping.items()))}


def ascii_confusables(data: dict) -> dict:
    return {"prototypes": {char: prototype for char, prototype in data["prototypes"].items() if char.isascii()}}


def write(output: Path, name: str, sources: list[Path], data: dict, purpose: str) -> None:
    versions = {version(path) for path in sources}
    if len(versions) != 1:
        raise SystemExit(f"the files are of different Unicode versions: {sorted(versions)}")
    unicode_version = versions.pop()
    document = {
        "description": purpose,
        "unicode-version": unicode_version,
        "source": [f"https://www.unicode.org/Public/{'security/' if path.name == 'confusables.txt' else ''}{unicode_version}/"
                   f"{'' if path.name == 'confusables.txt' else 'ucd/'}{path.name}" for path in sources],
        "licence": LICENCE,
        "generated-by": "tools/unicode_data.py",
        **data,
    }
    output.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document, ensure_ascii=True, indent=1)
    # One entry per line keeps diffs readable between Unicode versions.
    text = re.sub(r"\[\n\s+(\"[^\"\n]*\"),\n\s+(\"[^\"\n]*\")\n\s+\]", r"[\1, \2]", text)
    (output / name).write_text(text + "\n", encoding="utf-8")
    print(f"wrote {output / name} (Unicode {unicode_version})")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ucd", type=Path, help="directory with the Unicode data files")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the JSON files (default: schema/unicode)")
    arguments = parser.parse_args(argv)
    ucd, output = arguments.ucd, arguments.output
    write(output, "default-ignorable.json", [ucd / "DerivedCoreProperties.txt", ucd / "PropList.txt"], default_ignorable(ucd),
          "Default_Ignorable_Code_Point and Bidi_Control code points, as ranges: what CAT401 reports and CAT306 removes.")
    write(output, "scripts.json", [ucd / "Scripts.txt", ucd / "ScriptExtensions.txt", ucd / "PropertyValueAliases.txt"], scripts(ucd),
          "Script of every code point ('scripts': each entry's script runs up to the next entry; Zzzz is unassigned) "
          "and Script_Extensions where they differ: what CAT405 reads a host label's scripts from.")
    prototypes = confusables(ucd)
    write(output, "confusables.json", [ucd / "confusables.txt"], prototypes,
          "UTS #39 confusables: each character's prototype, for the skeletons CAT306 and CAT405 compare.")
    write(output, "confusables-ascii.json", [ucd / "confusables.txt"], ascii_confusables(prototypes),
          "The ASCII characters' entries of confusables.json: all a column of ASCII names needs (read without the whole table).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
