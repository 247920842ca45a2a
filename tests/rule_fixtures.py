"""Per-rule fixtures under tests/rules/<CODE>-<name>/, run in this process through the engine.

Each directory holds:
  fails.md       a catalogue the rule reports on
  expected.json  what it reports there: [{code, line, column, end_line, end_column, message, fix}],
                 `fix` being the fix's applicability (safe, unsafe) or null
  passes.md      a catalogue it does not report on
  fixed.md       fails.md after `catlint fix` (after `fix --unsafe-fixes` for a rule whose fixes are
                 unsafe); only for a rule that fixes
  catlint.toml   optional: configuration (per-row ignores, a `select` of the rules a rule needs beside it)
  links.json     for the rules that need the network: the link check's recorded results, one
                 LinkResult (`to_json`) per URL, given to the engine as `catlint links` gives them

Files are read as bytes, as catlint reads a catalogue (fails.md of the encoding rule is not UTF-8).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from catlint.engine.check import check_catalogue
from catlint.engine.config import Config, parse_config
from catlint.engine.fixer import fix_document
from catlint.network import LinkResult
from catlint.reading.catalogue import read_catalogue
from catlint.reading.schema import load_schema
from catlint.reading.source import decode
from catlint.rules import all_rules

RULES_DIR = Path(__file__).resolve().parent / "rules"
RULES = {rule.code: rule for rule in all_rules()}


def directory(rule) -> Path:
    return RULES_DIR / f"{rule.code}-{rule.name}"


@dataclass(frozen=True)
class Fixture:
    rule: object
    path: Path
    config: Config
    link_results: dict | None

    def read(self, name: str):
        """The catalogue in `name`, read from its bytes."""
        return read_catalogue(decode(name, (self.path / name).read_bytes()), load_schema(self.config.schema))

    def check(self, name: str) -> list:
        return check_catalogue(self.read(name), self.config, link_results=self.link_results)

    def fix(self, name: str, unsafe: bool):
        return fix_document(self.read(name), self.config, unsafe=unsafe, link_results=self.link_results)

    def fix_text(self, text: str, unsafe: bool) -> str:
        catalogue = read_catalogue(decode("fixed.md", text.encode("utf-8")), load_schema(self.config.schema))
        return fix_document(catalogue, self.config, unsafe=unsafe, link_results=self.link_results).text

    def expected(self) -> list[dict]:
        return json.loads((self.path / "expected.json").read_text(encoding="utf-8"))

    def fixed(self) -> str | None:
        path = self.path / "fixed.md"
        return path.read_bytes().decode("utf-8") if path.exists() else None


def load(rule) -> Fixture:
    """The rule's fixture, configured to run the rule alone (or the fixture's own `select`)."""
    path = directory(rule)
    assert path.is_dir(), f"{rule.code} has no fixtures: add {path.relative_to(RULES_DIR.parent.parent)}/ (see tests/rule_fixtures.py)"
    config = Config()
    if (path / "catlint.toml").exists():
        table = tomllib.loads((path / "catlint.toml").read_text(encoding="utf-8"))
        # Named without its directory: messages quote the configuration's path relative to the working directory.
        config = parse_config(table, str(path / "catlint.toml"))._replace(path="catlint.toml")
    if "select" not in _toml(path):
        config = config.with_cli(select=[rule.code])
    results = None
    if (path / "links.json").exists():
        entries = json.loads((path / "links.json").read_text(encoding="utf-8"))
        results = {entry["url"]: LinkResult.from_json(entry) for entry in entries}
    return Fixture(rule, path, config, results)


def _toml(path: Path) -> dict:
    file = path / "catlint.toml"
    return tomllib.loads(file.read_text(encoding="utf-8")) if file.exists() else {}


def as_json(diagnostic) -> dict:
    """A diagnostic as expected.json writes it."""
    return {"code": diagnostic.code, "line": diagnostic.location.row, "column": diagnostic.location.column,
            "end_line": diagnostic.end_location.row, "end_column": diagnostic.end_location.column,
            "message": diagnostic.message, "fix": diagnostic.fix.applicability if diagnostic.fix else None}
