"""The examples in the rules' docstrings (what `catlint rule CODE` prints) are run: each Fails
example makes its rule report, each Passes example does not. The convention is described in
catlint/rules/__init__.py."""

import re
import tomllib
from dataclasses import dataclass

import pytest

from catlint.engine.check import check_catalogue
from catlint.engine.config import Config, parse_config
from catlint.network import OUTCOMES, Hop, LinkResult
from catlint.reading.catalogue import read_catalogue
from catlint.reading.schema import load_schema
from catlint.reading.source import decode
from catlint.rules import all_rules
from conftest import HEADER, run_catlint

SECTION = re.compile(r"(Fails|Passes)\b[^\n:]*:")
DELIMITER_ROW = re.compile(r"\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?")
NOTE = re.compile(r"\((.*)\)")
SAVED_AS = re.compile(r"saved as ([\w-]+)")
LINK_CHECK = re.compile(r"link check: ([a-z-]+)(?: (\d{3}))?((?:,? \d{3} to \S+?)*)(?:; (.*))?")
HOP = re.compile(r"(\d{3}) to (\S+?)(?:,|$)")


@dataclass
class Example:
    rule: object
    section: str  # Fails or Passes
    lines: list
    note: str = ""

    def document(self) -> tuple[str, str]:
        """(the configuration's TOML, the Markdown document) this example stands for."""
        lines = self.lines
        table = next((index for index, line in enumerate(lines) if line.startswith("|")), 0)
        configuration = "\n".join(lines[:table]) if lines[0].startswith("[") else ""
        body = lines[table:] if configuration else lines
        whole = any(DELIMITER_ROW.fullmatch(line) for line in body)  # else rows under the standard header
        return configuration, ("" if whole else HEADER) + "".join(line + "\n" for line in body)

    def __str__(self):
        return f"{self.rule.code} {self.section}: " + " / ".join(self.lines)[:100]


def examples(rule) -> list[Example]:
    found, section, current = [], None, None
    for line in rule.documentation.strip().splitlines():
        if SECTION.fullmatch(line):
            section, current = line.split()[0].rstrip(":"), None
        elif section and (line.startswith("    ") or not line.strip()):
            text = line[4:]
            note = NOTE.fullmatch(text.strip())
            if note and current:
                current.note, current = note.group(1), None
            elif text.strip() or current:
                if current is None:
                    current = Example(rule, section, [])
                    found.append(current)
                current.lines.append(text)
        elif line.strip():
            section = None
    for example in found:
        while not example.lines[-1].strip():
            example.lines.pop()
    return found


EXAMPLES = [example for rule in all_rules() for example in examples(rule)]


def test_every_rule_has_failing_and_passing_examples():
    for rule in all_rules():
        sections = {example.section for example in examples(rule)}
        assert sections == {"Fails", "Passes"}, rule.code


def test_catlint_rule_prints_the_examples_with_invisible_characters_shown_not_obeyed():
    shown = run_catlint("rule", "invisible-character").stdout
    assert "| OASIS\\u200b |" in shown and "nih.gov/\\u202efdp.exe |" in shown
    assert "\u200b" not in shown and "\u202e" not in shown


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_a_docstring_example_fails_or_passes_as_it_says(example):
    configuration, text = example.document()
    config = Config()
    if configuration:
        config = parse_config(tomllib.loads(configuration)["tool"]["catlint"], "pyproject.toml")
    saved = SAVED_AS.fullmatch(example.note)
    data = text.encode(saved.group(1) if saved else "utf-8")
    catalogue = read_catalogue(decode("catalogue.md", data), load_schema(config.schema))
    results = _link_results(catalogue, example.note)
    found = check_catalogue(catalogue, config, link_results=results)
    reported = [diagnostic for diagnostic in found if diagnostic.code == example.rule.code]
    assert bool(reported) == (example.section == "Fails"), [d.message for d in reported] or text
    if example.rule.name != "ragged-row":
        assert not [d for d in found if d.name == "ragged-row"], "every row of an example has the header's cells"


def _link_results(catalogue, note: str) -> dict | None:
    """`(link check: OUTCOME [STATUS] [STATUS to URL, ...][; detail])`: every link of the example got that answer."""
    check = LINK_CHECK.fullmatch(note)
    if check is None:
        return None
    outcome, status, hops, detail = check.groups()
    assert outcome in OUTCOMES, note
    hops = tuple(Hop(int(code), url) for code, url in HOP.findall(hops or ""))
    links = catalogue.fields["link"]
    return {url: LinkResult(url, outcome, int(status) if status else None, detail or "", hops)
            for url in (links.read(text).value for text in links.texts if text is not None)}
