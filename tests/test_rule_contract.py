"""Every rule against the rule contract (catlint.rules.contract): what it declares is well formed,
and what its fixes do on its fixtures is what it declares. The engine trusts the declarations (it
schedules rules and judges their fixes by them), so a wrong one is a wrong fix or a missed check."""

import json
import pkgutil
import re
from collections import Counter

import pytest

import catlint.rules
from catlint.engine.fixer import apply_edits
from catlint.reading.catalogue import read_catalogue
from catlint.rules.contract import FIXES, NEEDS, SEVERITIES, Rule
from rule_fixtures import RULES, load

CODES = sorted(RULES)


def rule_modules() -> list[str]:
    return [info.name for info in pkgutil.iter_modules(catlint.rules.__path__)
            if not info.name.startswith("_") and info.name != "contract"]


def test_one_module_per_rule_named_after_it_with_a_unique_code_and_name():
    modules = rule_modules()
    declared = [pkgutil.resolve_name(f"catlint.rules.{module}:RULE") for module in modules]
    assert all(isinstance(rule, Rule) for rule in declared)
    assert [rule.name.replace("-", "_") for rule in declared] == modules
    for attribute in ("code", "name"):
        repeated = [value for value, count in Counter(getattr(rule, attribute) for rule in declared).items() if count > 1]
        assert repeated == [], f"two rules share the {attribute}"
    assert sorted(rule.code for rule in declared) == CODES


@pytest.mark.parametrize("code", CODES)
def test_the_declaration_is_well_formed(code):
    rule = RULES[code]
    assert re.fullmatch(r"CAT[0-5]\d\d", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert rule.severity in SEVERITIES and rule.fix in FIXES and rule.needs <= NEEDS
    assert callable(rule.check) and rule.summary and rule.summary.endswith(".")
    network = "network" in rule.needs
    assert network == rule.code.startswith("CAT5"), "the link results' rules are the CAT5xx family"
    # What applies a fix: `catlint links --fix` for fixes that need the network's answer.
    assert rule.fix_command == ("catlint links --fix" if network and rule.fix != "never" else "catlint fix")


def fixes_on_fixtures(rule) -> tuple:
    """The rule's fixture, and every diagnostic it reports on fails.md and passes.md."""
    fixture = load(rule)
    return fixture, [diagnostic for name in ("fails.md", "passes.md") for diagnostic in fixture.check(name)]


@pytest.mark.parametrize("code", CODES)
def test_the_fixes_emitted_are_the_fixes_declared(code):
    rule = RULES[code]
    _, diagnostics = fixes_on_fixtures(rule)
    offered = [diagnostic.fix.applicability for diagnostic in diagnostics if diagnostic.fix]
    unfixed = [diagnostic for diagnostic in diagnostics if not diagnostic.fix]
    if rule.fix == "never":
        assert offered == []
    elif rule.fix in ("safe", "unsafe"):
        assert offered and set(offered) == {rule.fix}
    else:  # sometimes: a fix for some findings and none for others
        assert offered and unfixed and set(offered) <= {"safe", "unsafe"}


@pytest.mark.parametrize("code", CODES)
def test_what_the_fixes_do_is_what_the_rule_declares(code):
    """Each fix on fails.md applied alone: whether it changes a record's values, a row's number of
    cells, or lays out whole rows must match changes_values, reshapes_rows and lays_out_rows."""
    rule = RULES[code]
    fixture, diagnostics = fixes_on_fixtures(rule)
    catalogue = fixture.read("fails.md")
    effects = [_effects(catalogue, diagnostic.fix) for diagnostic in diagnostics if diagnostic.fix]
    changes_values = any(effect["values"] for effect in effects)
    safe_changes_values = any(effect["values"] and effect["safe"] for effect in effects)
    # A safe fix that changes values is proved otherwise by the fixer: only a rule that says so may offer one.
    assert rule.changes_values == safe_changes_values or (rule.changes_values and changes_values and rule.fix == "unsafe")
    assert rule.reshapes_rows == any(effect["reshapes"] for effect in effects)
    assert rule.lays_out_rows == any(effect["layout"] for effect in effects)
    if rule.reshapes_rows:
        assert all(not effect["safe"] for effect in effects if effect["reshapes"]), "a fix that changes a row's cells is unsafe"


def _effects(catalogue, fix) -> dict:
    after = read_catalogue(catalogue.source, catalogue.schema, apply_edits(catalogue.text, catalogue, fix.edits))
    return {
        "safe": fix.applicability == "safe",
        "values": _values(catalogue) != _values(after),
        "reshapes": _cell_counts(catalogue) != _cell_counts(after),
        "layout": any(_lays_out(catalogue, edit) for edit in fix.edits),
    }


def _values(catalogue) -> list[str]:
    """The records as exported, without line numbers, in any order (a sort moves rows, keeps values)."""
    return sorted(json.dumps({key: value for key, value in record.items() if key != "line"}, sort_keys=True)
                  for record in catalogue.exported_records())


def _cell_counts(catalogue) -> list[int]:
    body = catalogue.body
    return [body.counts.get(row, catalogue.table.width) for row in catalogue.rows()]


def _lays_out(catalogue, edit) -> bool:
    """An edit that rewrites one whole table line, keeping its cells and changing only the spacing."""
    line = edit.location.row
    text = catalogue.lines[line - 1]
    whole = edit.location.column == 1 and edit.end_location == edit.location.__class__(line, len(text) + 1)
    return whole and text.strip() != edit.content.strip() and _cells(text) == _cells(edit.content)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]
