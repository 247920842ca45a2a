"""An atheris (libFuzzer) target: any bytes through decode, parse, check, fix and export.

Not run in CI; see fuzz/README.md. A crash is any exception other than CatlintError (the
one-line exit 2 of bad input), or a fix that is not idempotent or changes the exported rows.
"""

import json
import sys

import atheris

with atheris.instrument_imports():
    from catlint.engine.check import check_document
    from catlint.engine.config import Config
    from catlint.reading.document import parse_document
    from catlint.errors import CatlintError
    from catlint.engine.fixer import fix_document
    from catlint.reading.schema import load_schema
    from catlint.reading.source import decode

SCHEMA = load_schema()
# Encoding repair restores values on purpose; every other fix must keep them.
CONFIG = Config(ignore=("CAT201",))


def rows(document) -> list[str]:
    return sorted(json.dumps({k: v for k, v in record.items() if k != "line"}, sort_keys=True) for record in document.exported_records())


def test_one_input(data: bytes) -> None:
    try:
        document = parse_document(decode("fuzz.md", data), SCHEMA, config=CONFIG)
    except CatlintError:
        return  # bad input, reported in one line
    check_document(document, Config())
    result = fix_document(document, CONFIG)
    if not result.converged:
        return
    fixed = parse_document(document.source, SCHEMA, result.text, CONFIG)
    if rows(fixed) != rows(document):
        raise AssertionError("fix changed the exported rows")
    if fix_document(fixed, CONFIG).text != result.text:
        raise AssertionError("a second fix changed the text again")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
